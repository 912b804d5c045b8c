// trucewatch dashboard: shared helpers. Every text from the store goes in with textContent.
"use strict";
const TW = {
  COLOURS: {
    violation_reported: "#c0392b", violation_contested: "#8e44ad", time_uncertain: "#d68910",
    zone_unknown: "#7f8c8d", outside_zone: "#2e86c1", outside_window: "#aab7b8",
    held: "#1e8449", violations_alleged: "#c0392b", contested: "#8e44ad", unknown: "#7f8c8d",
  },
  el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  },
  clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; },
  async get(path) {
    const r = await fetch(path, { headers: { Accept: "application/json" } });
    const body = await r.json();
    if (!r.ok) throw new Error(body.detail || r.statusText);
    return body;
  },
  // a write with the analyst's bearer token: {ok, body}; the token is kept for this tab only
  async post(path, token, body) {
    window.sessionStorage.setItem("tw-token", token);
    const r = await fetch(path, {
      method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    let out = {};
    try { out = await r.json(); } catch (e) { out = { detail: r.statusText }; }
    return { ok: r.ok, body: out };
  },
  params() { return new URLSearchParams(window.location.search); },
  // a link only to http(s) addresses; anything else (javascript:, data:) is shown as text
  link(url, text) {
    let safe = null;
    try { const u = new URL(url); if (u.protocol === "http:" || u.protocol === "https:") safe = u.href; } catch (e) { /* text */ }
    if (!safe) return TW.el("span", text || url || "");
    const a = TW.el("a", text || safe);
    a.href = safe; a.rel = "noopener noreferrer nofollow"; a.target = "_blank";
    return a;
  },
  badge(verdict) {
    const b = TW.el("span", (verdict || "none").replace(/_/g, " "), "badge");
    b.style.backgroundColor = TW.COLOURS[verdict] || "#95a5a6";
    b.dataset.verdict = verdict || "";
    return b;
  },
  toll(e) {
    const lo = e.fatalities_low, best = e.fatalities_best, hi = e.fatalities_high;
    if (best != null) return String(best);
    if (lo == null && hi == null) return "–";
    return lo === hi ? String(lo) : `${lo ?? "?"}–${hi ?? "?"}`;
  },
  when(e) { return e.time_earliest ? e.time_earliest.replace("T", " ").slice(0, 16) : "time unknown"; },
};
