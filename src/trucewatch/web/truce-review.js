// The truce page's correction form: an analyst corrects the truce's window, declarer or zone
// (only the fields changed are sent, with the reason); the corrections' history with undo.
// The corrected truce is what the page then shows, every event judged again against it.
"use strict";
const TruceReview = (function () {
  const $ = (id) => document.getElementById(id);
  const INPUTS = { start: "t-start", end: "t-end", declared_by: "t-declarer", scope: "t-scope", scope_country: "t-country" };
  let truce = null, rerender = null;

  function say(id, ok, text) { const s = $(id); s.textContent = text; s.className = ok ? "ok" : "error"; }

  function changes() {
    const values = {};
    for (const [k, id] of Object.entries(INPUTS)) {
      const v = $(id).value.trim();
      if (v !== "" && v !== String(truce[k] ?? "")) values[k] = v;
    }
    return values;
  }

  async function save(ev) {
    ev.preventDefault();
    const values = changes();
    if (!Object.keys(values).length) { say("truce-status", false, "Nothing changed."); return; }
    const r = await TW.post(`/api/ceasefires/${encodeURIComponent(truce.id)}/review`, $("token").value.trim(),
      { reason: $("t-reason").value, values });
    say("truce-status", r.ok, r.ok ? "Saved: every incident is judged again against the corrected truce." : `Not saved: ${r.body.detail}`);
    if (r.ok) await rerender();
  }

  async function undo(rid) {
    const why = $("tu-reason").value.trim();
    if (!why) { say("truce-undo-status", false, "Say why in “Why undo” first."); $("tu-reason").focus(); return; }
    const r = await TW.post(`/api/revisions/${encodeURIComponent(rid)}/undo`, $("token").value.trim(), { reason: why });
    say("truce-undo-status", r.ok, r.ok ? "Undone." : `Not undone: ${r.body.detail}`);
    if (r.ok) await rerender();
  }

  async function history() {
    const ol = TW.clear($("truce-history"));
    const revs = (await TW.get(`/api/ceasefires/${encodeURIComponent(truce.id)}/history`)).revisions;
    if (!revs.length) ol.appendChild(TW.el("li", "Not corrected.", "muted"));
    for (const r of revs) {
      const vals = Object.entries((r.after || {}).edited || {}).map(([k, v]) => `${k}=${v}`).join(", ");
      const li = TW.el("li", null, r.undone_by ? "undone" : ""); li.dataset.revision = r.id; li.dataset.action = r.action;
      li.appendChild(TW.el("span", `${r.at} · ${r.action} by ${r.who} (${r.role}): ${r.why}` + (vals ? ` → ${vals}` : "") +
        (r.undone_by ? " [undone]" : "")));
      if (!r.undone_by && r.action !== "undo") {
        const b = TW.el("button", "Undo", "undo"); b.type = "button"; b.addEventListener("click", () => undo(r.id));
        li.appendChild(TW.el("span", " ")); li.appendChild(b);
      }
      ol.appendChild(li);
    }
  }

  async function show(c) {
    truce = c;
    for (const [k, id] of Object.entries(INPUTS)) $(id).value = c[k] ?? "";
    await history();
  }

  function init(render) {
    rerender = render;
    $("token").value = window.sessionStorage.getItem("tw-token") || "";
    $("truce-form").addEventListener("submit", save);
  }

  return { init, show };
})();
