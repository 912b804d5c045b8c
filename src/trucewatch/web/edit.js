// The event page's accept, reject and edit form: type, sub-type, time, perpetrator, context, and
// a place picked from the gazetteer (GET /api/places: name, country, region and point); only
// the fields the analyst changed are sent, with the reason. Store text goes in as textContent.
"use strict";
const Edit = (function () {
  const $ = (id) => document.getElementById(id);
  const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments"];
  const CONTEXTS = ["new", "recap", "historical", "hypothetical", "statement"];
  const INPUTS = { event_type: "e-type", sub_event_type: "e-sub", time_earliest: "e-from", time_latest: "e-to",
    perpetrator: "e-perp", context: "e-context" };
  let event = null, picked = null, rerender = null, timer = null;

  function say(ok, text) { const s = $("edit-status"); s.textContent = text; s.className = ok ? "ok" : "error"; }

  function show(e) {
    event = e; picked = null;
    for (const [k, id] of Object.entries(INPUTS)) $(id).value = e[k] ?? "";
    $("e-place").value = e.place || "";
    $("e-where").textContent = e.lat != null ? `${e.country || "?"} · ${e.lat}, ${e.lon}` : "not placed";
    TW.clear($("place-results"));
  }

  // the changed fields only: an untouched one keeps its value (the machine's or an earlier review's)
  function changes() {
    const values = {};
    for (const [k, id] of Object.entries(INPUTS)) {
      const v = $(id).value.trim();
      if (v !== "" && v !== String(event[k] ?? "")) values[k] = v;
    }
    if (picked) Object.assign(values, { place: picked.name, lat: picked.lat, lon: picked.lon });
    return values;
  }

  async function send(action) {
    const reason = $("e-reason").value.trim();
    if (!reason) { say(false, "Say why first."); $("e-reason").focus(); return; }
    const body = { action, reason };
    if (action === "edit") {
      if ($("e-place").value.trim() !== (event.place || "") && !picked) { say(false, "Pick the place from the gazetteer's list."); return; }
      body.values = changes();
      if (!Object.keys(body.values).length) { say(false, "Nothing changed."); return; }
    }
    const r = await TW.post(`/api/events/${encodeURIComponent(event.event_id)}/review`, $("token").value.trim(), body);
    say(r.ok, r.ok ? `${action === "edit" ? "Saved" : action === "accept" ? "Accepted" : "Rejected"}.` : `Not saved: ${r.body.detail}`);
    if (r.ok) await rerender();
  }

  async function search() {
    const q = $("e-place").value.trim(), list = TW.clear($("place-results"));
    picked = null;
    if (q.length < 2 || q === (event.place || "")) return;
    const found = (await TW.get(`/api/places?${new URLSearchParams({ q, limit: "8" })}`)).places;
    if (!found.length) list.appendChild(TW.el("li", "The gazetteer knows no such place.", "muted"));
    for (const p of found) {
      const li = TW.el("li"); const b = TW.el("button", `${p.name} · ${p.admin1 || ""} ${p.country} · ${p.kind}`, "pick-place");
      b.type = "button"; b.dataset.lat = p.lat; b.dataset.lon = p.lon;
      b.addEventListener("click", () => {
        picked = p; $("e-place").value = p.name; TW.clear(list);
        $("e-where").textContent = `${p.country} · ${p.lat}, ${p.lon} (picked)`;
      });
      li.appendChild(b); list.appendChild(li);
    }
  }

  function init(render) {
    rerender = render;
    for (const t of TYPES) { const o = TW.el("option", t); o.value = t; $("e-type").appendChild(o); }
    for (const c of CONTEXTS) { const o = TW.el("option", c); o.value = c; $("e-context").appendChild(o); }
    $("e-place").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => search().catch((e) => say(false, e.message)), 250); });
    $("edit-form").addEventListener("submit", (ev) => { ev.preventDefault(); send("edit"); });
    $("accept").addEventListener("click", () => send("accept"));
    $("reject").addEventListener("click", () => send("reject"));
  }

  return { init, show };
})();
