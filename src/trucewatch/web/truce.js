// The truce page: the verdict and counts first, then the incidents (timeline and table, coloured
// by verdict), the map (bundled country outlines, no tiles), the claims party by party and the
// declarations quoted. Filters live in the URL's query string.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const FILTERS = ["ceasefire", "event_type", "verdict", "from", "to"];
  const VERDICTS = ["violation_reported", "violation_contested", "time_uncertain", "zone_unknown", "outside_zone"];
  let map = null, layer = null;

  function setFilters(q) {
    const url = new URL(window.location.href);
    for (const k of FILTERS) { if (q[k]) url.searchParams.set(k, q[k]); else url.searchParams.delete(k); }
    window.history.pushState(null, "", url);
    render();
  }

  function readForm() {
    const q = {};
    for (const k of FILTERS) { const f = $("filters").elements[k]; q[k] = f ? f.value.trim() : ""; }
    return q;
  }

  async function init() {
    const list = (await TW.get("/api/ceasefires")).ceasefires;
    const sel = $("f-ceasefire");
    for (const c of list) {
      const o = TW.el("option", `${c.declared_by || "?"} · ${(c.start || "?").slice(0, 16)} → ${(c.end || "open").slice(0, 16)} (${c.articles} art.)`);
      o.value = c.id; sel.appendChild(o);
    }
    for (const v of VERDICTS) { const o = TW.el("option", v.replace(/_/g, " ")); o.value = v; $("f-verdict").appendChild(o); }
    if (!list.length) { TW.clear($("verdict")).appendChild(TW.el("p", "No ceasefire in the store yet.")); return; }
    const chosen = TW.params().get("ceasefire") || list.reduce((a, b) => (b.articles > a.articles ? b : a)).id;
    if (!TW.params().get("ceasefire")) { const u = new URL(window.location.href); u.searchParams.set("ceasefire", chosen); window.history.replaceState(null, "", u); }
    $("filters").addEventListener("change", () => setFilters(readForm()));
    window.addEventListener("popstate", render);
    Playback.init();
    TruceReview.init(render);
    await render();
  }

  async function render() {
    const p = TW.params();
    for (const k of FILTERS) { const f = $("filters").elements[k]; if (f) f.value = p.get(k) || ""; }
    const id = p.get("ceasefire");
    if (!id) return;
    const report = await TW.get(`/api/ceasefires/${encodeURIComponent(id)}`);
    const q = new URLSearchParams({ ceasefire: id, limit: "1000" });
    for (const k of ["event_type", "verdict", "from", "to"]) if (p.get(k)) q.set(k, p.get(k));
    const events = (await TW.get(`/api/events?${q}`)).events;
    const all = (await TW.get(`/api/events?ceasefire=${encodeURIComponent(id)}&limit=1000`)).events;
    types(all);
    verdict(report);
    incidents(report, events, id);
    const markers = await drawMap(events, id);
    playback(report, events, markers);
    claims(report.claims);
    declarations(report.ceasefire);
    await TruceReview.show(report.ceasefire);
    document.body.dataset.ready = "true";
  }

  function playback(report, events, markers) {
    const c = report.ceasefire, t0 = Date.parse(c.start), t1 = c.end ? Date.parse(c.end) : NaN;
    const times = events.map((e) => Date.parse(e.time_earliest)).filter((t) => !isNaN(t));
    const lo = Math.min(isNaN(t0) ? Infinity : t0, ...times), hi = Math.max(isNaN(t1) ? -Infinity : t1, ...times);
    if (!isFinite(lo) || !isFinite(hi)) return;
    const rows = {}, dots = {};
    for (const tr of $("incidents").tBodies[0].rows) rows[tr.dataset.event] = tr;
    for (const d of $("timeline").querySelectorAll(".dot")) dots[d.dataset.event] = d;
    Playback.setup(lo, hi, events.map((e) => ({ t: Date.parse(e.time_earliest), marker: markers[e.event_id] || null,
      nodes: [rows[e.event_id], dots[e.event_id]].filter(Boolean) })));
  }

  function types(all) {
    const sel = $("f-type"), keep = TW.params().get("event_type") || "";
    TW.clear(sel).appendChild(Object.assign(TW.el("option", "any"), { value: "" }));
    for (const t of [...new Set(all.map((e) => e.event_type).filter(Boolean))].sort()) {
      const o = TW.el("option", t); o.value = t; sel.appendChild(o);
    }
    sel.value = keep;
  }

  function verdict(report) {
    const v = report.verdict, c = report.ceasefire, box = TW.clear($("verdict"));
    const h = TW.el("h1", "Did the truce hold? ");
    const b = TW.badge(v.verdict); b.id = "verdict-value"; h.appendChild(b); box.appendChild(h);
    box.appendChild(TW.el("p", v.reason));
    box.appendChild(TW.el("p", `Declared by ${c.declared_by || "?"}: ${c.start || "?"} → ${c.end || "open-ended"}` +
      (c.scope_country ? ` · ${c.scope_country}` : "") + (c.occasion ? ` · ${c.occasion}` : ""), "muted"));
    if (c.note) box.appendChild(TW.el("p", `${c.note}: the analyst's values win over the machine's.`, "reviewed"));
    const counts = TW.clear($("counts"));
    const items = [["violations", v.violations], ["killed (lowest)", v.killed], ...Object.entries(report.counts)];
    for (const [k, n] of items) { const d = TW.el("div", null, "count"); d.appendChild(TW.el("strong", n)); d.appendChild(TW.el("span", k.replace(/_/g, " "))); counts.appendChild(d); }
  }

  function verdictOf(e, id) { const j = e.verdicts.find((x) => x.ceasefire === id); return j ? j.verdict : null; }

  function incidents(report, events, id) {
    $("n-incidents").textContent = `(${events.length})`;
    const body = TW.clear($("incidents").tBodies[0]);
    for (const e of events) {
      const tr = TW.el("tr"); tr.dataset.event = e.event_id;
      tr.appendChild(TW.el("td", TW.when(e)));
      const place = TW.el("td"); const a = TW.el("a", e.place || "place unknown");
      a.href = `event.html?id=${encodeURIComponent(e.event_id)}&ceasefire=${encodeURIComponent(id)}`; place.appendChild(a); tr.appendChild(place);
      tr.appendChild(TW.el("td", [e.event_type, e.sub_event_type].filter(Boolean).join(" / ")));
      tr.appendChild(TW.el("td", TW.toll(e)));
      const vd = TW.el("td"); vd.appendChild(TW.badge(verdictOf(e, id))); tr.appendChild(vd);
      tr.appendChild(TW.el("td", `${e.sources}: ${e.outlets.join(", ")}`));
      tr.appendChild(TW.el("td", e.reviewed ? `${e.review_status} (${e.reviewer_role})` : ""));
      body.appendChild(tr);
    }
    timeline(report, events, id);
  }

  function timeline(report, events, id) {
    const box = TW.clear($("timeline"));
    const c = report.ceasefire, t0 = Date.parse(c.start), t1 = c.end ? Date.parse(c.end) : NaN;
    const times = events.map((e) => Date.parse(e.time_earliest)).filter((t) => !isNaN(t));
    if (!times.length || isNaN(t0)) { box.appendChild(TW.el("p", "No timed incident.", "muted")); return; }
    const lo = Math.min(t0, ...times), hi = Math.max(isNaN(t1) ? t0 : t1, ...times), span = Math.max(hi - lo, 1);
    const win = TW.el("div", null, "window"); win.style.left = `${((t0 - lo) / span) * 100}%`;
    win.style.width = `${(((isNaN(t1) ? hi : t1) - t0) / span) * 100}%`; win.title = "the truce's window"; box.appendChild(win);
    for (const e of events) {
      const t = Date.parse(e.time_earliest); if (isNaN(t)) continue;
      const dot = TW.el("span", null, "dot"); dot.dataset.event = e.event_id; dot.style.left = `${((t - lo) / span) * 100}%`;
      dot.style.backgroundColor = TW.COLOURS[verdictOf(e, id)] || "#95a5a6"; dot.title = `${TW.when(e)} ${e.place || ""}`;
      box.appendChild(dot);
    }
  }

  async function drawMap(events, id) {
    const markers = {};
    if (typeof L === "undefined") { $("map-note").textContent = "Map unavailable: Leaflet is not installed (make install)."; return markers; }
    if (!map) {
      map = L.map("map", { attributionControl: false, worldCopyJump: true }).setView([48.5, 35], 5);
      try {
        const world = await TW.get("vendor/world.geojson");
        L.geoJSON(world, { style: { color: "#5d6d7e", weight: 1, fillColor: "#f4f6f7", fillOpacity: 1 }, interactive: false }).addTo(map);
      } catch (e) { $("map-note").textContent = "Country outlines unavailable (make install)."; }
    }
    if (layer) layer.remove();
    layer = L.layerGroup().addTo(map);
    const pts = [];
    for (const e of events) {
      if (e.lat == null || e.lon == null) continue;
      const m = L.circleMarker([e.lat, e.lon], { radius: 7, color: "#222", weight: 1, fillOpacity: 0.9,
        fillColor: TW.COLOURS[verdictOf(e, id)] || "#95a5a6" });
      const pop = TW.el("div"); pop.appendChild(TW.el("strong", e.place || "?")); pop.appendChild(TW.el("div", TW.when(e)));
      const a = TW.el("a", "open the event"); a.href = `event.html?id=${encodeURIComponent(e.event_id)}`; pop.appendChild(a);
      m.bindPopup(pop); m.addTo(layer); pts.push([e.lat, e.lon]); markers[e.event_id] = m;
    }
    if (pts.length) map.fitBounds(pts, { padding: [30, 30], maxZoom: 8 });
    $("map-note").textContent = `${pts.length} placed incident(s); outlines: Natural Earth (public domain).`;
    return markers;
  }

  function claims(byParty) {
    const box = TW.clear($("claims"));
    const parties = Object.keys(byParty);
    if (!parties.length) { box.appendChild(TW.el("p", "No claim quoted.", "muted")); return; }
    for (const party of parties) {
      box.appendChild(TW.el("h3", party));
      const ul = TW.el("ul");
      for (const c of byParty[party]) {
        const li = TW.el("li"); li.appendChild(TW.el("strong", `${c.kind}${c.target ? " " + c.target : ""}: `));
        li.appendChild(TW.el("q", c.quote || "")); li.appendChild(TW.el("span", ` — ${c.outlet || c.title || c.article_id}`, "muted"));
        ul.appendChild(li);
      }
      box.appendChild(ul);
    }
  }

  function declarations(c) {
    const box = TW.clear($("declarations"));
    for (const d of c.declarations) {
      const q = TW.el("blockquote", d.quote || "");
      const cite = TW.el("cite"); cite.appendChild(TW.el("span", `${d.outlet || d.title || d.article_id}, ${d.published || "undated"} `));
      if (d.url) cite.appendChild(TW.link(d.url, "source"));
      q.appendChild(TW.el("br")); q.appendChild(cite); box.appendChild(q);
    }
  }

  init().catch((e) => { TW.clear($("verdict")).appendChild(TW.el("p", `Error: ${e.message}`, "error")); });
})();
