// Time-window playback on the truce page: a play button and a playhead over the timeline; the
// incidents after the playhead fade out of the timeline, the table and the map. The playhead's
// time is kept in the URL (?at=...), so a moment of the truce can be shared.
"use strict";
const Playback = (function () {
  const $ = (id) => document.getElementById(id);
  let items = [], lo = 0, hi = 0, timer = null;
  const STEPS = 60;

  function at(t) {
    $("playhead").value = String(t);
    $("play-at").textContent = new Date(t).toISOString().replace("T", " ").slice(0, 16) + " UTC";
    let shown = 0;
    for (const it of items) {
      const past = it.t <= t;
      shown += past ? 1 : 0;
      for (const n of it.nodes) n.classList.toggle("future", !past);
      if (it.marker) it.marker.setStyle(past ? { opacity: 1, fillOpacity: 0.9 } : { opacity: 0, fillOpacity: 0 });
    }
    $("play-count").textContent = `${shown} of ${items.length} incident(s) so far`;
    document.body.dataset.playhead = String(t);
  }

  function keep(t) {
    const u = new URL(window.location.href);
    if (t >= hi) u.searchParams.delete("at"); else u.searchParams.set("at", new Date(t).toISOString());
    window.history.replaceState(null, "", u);
  }

  function stop() { if (timer) { clearInterval(timer); timer = null; } $("play").textContent = "▶ play"; }

  function play() {
    if (timer) { stop(); keep(Number($("playhead").value)); return; }
    let t = Number($("playhead").value);
    if (t >= hi) t = lo;
    $("play").textContent = "❚❚ pause";
    timer = setInterval(() => {
      t = Math.min(hi, t + (hi - lo) / STEPS);
      at(t);
      if (t >= hi) { stop(); keep(t); }
    }, 120);
  }

  // the incidents: [{t: ms, nodes: [elements], marker: Leaflet layer or null}]
  function setup(from, to, list) {
    stop();
    items = list.filter((x) => !isNaN(x.t));
    lo = from; hi = Math.max(to, from + 1);
    const head = $("playhead");
    head.min = String(lo); head.max = String(hi); head.step = String(Math.max(1, Math.round((hi - lo) / 500)));
    const wanted = Date.parse(TW.params().get("at") || "");
    at(isNaN(wanted) ? hi : Math.max(lo, Math.min(hi, wanted)));
  }

  function init() {
    $("play").addEventListener("click", play);
    $("playhead").addEventListener("input", () => { stop(); at(Number($("playhead").value)); });
    $("playhead").addEventListener("change", () => keep(Number($("playhead").value)));
  }

  return { init, setup };
})();
