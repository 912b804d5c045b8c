// The event page's review actions beyond the toll: merge other events into this one (by id, or
// picked from the events nearby in time and place), split some of its reports into a new event,
// and the history, where every standing revision can be undone. Each action needs an analyst's
// token and a reason; the API keeps who and when. Store text goes in with textContent only.
"use strict";
const Review = (function () {
  const $ = (id) => document.getElementById(id);
  const enc = encodeURIComponent;
  const DAY = 86400000, DEGREES = 1, NEAR_DAYS = 2;
  let event = null, rerender = null;

  function eventLink(eid) {
    const a = TW.el("a", eid); a.href = `event.html?id=${enc(eid)}`; a.dataset.event = eid;
    return a;
  }

  function say(node, ok, text, link) {
    TW.clear(node).appendChild(TW.el("span", text));
    if (link) node.appendChild(eventLink(link));
    node.className = ok ? "ok" : "error";
  }

  function token() { return $("token").value.trim(); }

  // the ids typed or picked, without this event's own
  function chosen() {
    return [...new Set($("m-events").value.split(/[\s,;]+/).filter(Boolean))].filter((x) => x !== event.event_id);
  }

  async function merge(ev) {
    ev.preventDefault();
    const events = chosen();
    if (!events.length) { say($("merge-status"), false, "Name at least one other event."); return; }
    const r = await TW.post(`/api/events/${enc(event.event_id)}/merge`, token(), { reason: $("m-reason").value, events });
    say($("merge-status"), r.ok, r.ok ? `Merged ${events.length} event(s) into this one.` : `Not merged: ${r.body.detail}`);
    if (r.ok) { $("m-events").value = ""; TW.clear($("nearby").tBodies[0]); $("nearby").hidden = true; await rerender(); }
  }

  // the events within a degree and two days of this one (what the event has of place and time)
  function nearbyQuery(e) {
    const q = new URLSearchParams({ limit: "50" });
    if (e.lat != null && e.lon != null) {
      const clamp = (x, m) => Math.max(-m, Math.min(m, x));
      q.set("bbox", [clamp(e.lon - DEGREES, 180), clamp(e.lat - DEGREES, 90), clamp(e.lon + DEGREES, 180),
        clamp(e.lat + DEGREES, 90)].join(","));
    }
    const lo = Date.parse(e.time_earliest), hi = Date.parse(e.time_latest || e.time_earliest);
    if (!isNaN(lo)) q.set("from", new Date(lo - NEAR_DAYS * DAY).toISOString().slice(0, 10));
    if (!isNaN(hi)) q.set("to", new Date(hi + NEAR_DAYS * DAY).toISOString().slice(0, 10));
    return q;
  }

  async function nearby() {
    const found = (await TW.get(`/api/events?${nearbyQuery(event)}`)).events.filter((x) => x.event_id !== event.event_id);
    const body = TW.clear($("nearby").tBodies[0]);
    $("nearby").hidden = !found.length;
    $("nearby-note").textContent = found.length ? `${found.length} event(s) within ${DEGREES}° and ${NEAR_DAYS} days: tick those to merge.`
      : `No other event within ${DEGREES}° and ${NEAR_DAYS} days.`;
    for (const x of found) {
      const tr = TW.el("tr"); tr.dataset.event = x.event_id;
      const pick = TW.el("input"); pick.type = "checkbox"; pick.value = x.event_id; pick.className = "pick";
      pick.checked = chosen().includes(x.event_id);
      pick.addEventListener("change", () => {
        const ids = new Set(chosen());
        if (pick.checked) ids.add(x.event_id); else ids.delete(x.event_id);
        $("m-events").value = [...ids].join(", ");
      });
      const cell = TW.el("td"); cell.appendChild(pick); tr.appendChild(cell);
      tr.appendChild(TW.el("td", TW.when(x)));
      const place = TW.el("td"); const a = eventLink(x.event_id); a.textContent = x.place || "place unknown"; place.appendChild(a);
      tr.appendChild(place);
      tr.appendChild(TW.el("td", [x.event_type, x.sub_event_type].filter(Boolean).join(" / ")));
      tr.appendChild(TW.el("td", TW.toll(x)));
      tr.appendChild(TW.el("td", `${x.reports}: ${x.outlets.join(", ")}`));
      body.appendChild(tr);
    }
  }

  // a checkbox per report of the event (a split needs some, not all, of them)
  function splitChoices(e) {
    const box = $("split-reports");
    for (const n of [...box.querySelectorAll("label, p")]) n.remove();
    $("split").disabled = e.reports_detail.length < 2;
    if (e.reports_detail.length < 2) { box.appendChild(TW.el("p", "One report: nothing to split.", "muted")); return; }
    for (const r of e.reports_detail) {
      const label = TW.el("label"); const c = TW.el("input"); c.type = "checkbox";
      c.dataset.article = r.article_id; c.dataset.incident = r.incident;
      label.appendChild(c);
      label.appendChild(TW.el("span", ` ${r.outlet || r.article_id} · ${r.published || "undated"} · ${r.language || "?"} · ` +
        `${r.fields.place || "place unknown"}, killed ${r.fields.fatalities_low ?? "?"}`));
      box.appendChild(label);
    }
  }

  async function split(ev) {
    ev.preventDefault();
    const reports = [...$("split-reports").querySelectorAll("input:checked")].map((c) => ({ article_id: c.dataset.article, incident: c.dataset.incident }));
    if (!reports.length) { say($("split-status"), false, "Tick the reports that go to the new event."); return; }
    const r = await TW.post(`/api/events/${enc(event.event_id)}/split`, token(), { reason: $("s-reason").value, reports });
    if (!r.ok) { say($("split-status"), false, `Not split: ${r.body.detail}`); return; }
    const made = r.body.new_event;
    say($("split-status"), true, `Split: ${made ? made.reports : "?"} report(s) now make the new event `, made && made.event_id);
    await rerender();
  }

  // what one revision did, in words
  function what(r) {
    const a = r.after || {};
    if (r.action === "undo") return [`undid ${r.undoes}`, null];
    if (r.action === "merge") return a.into ? ["merged into ", a.into] : [`merged in ${a.merged.events.join(", ")}`, null];
    if (r.action === "split") return a.from ? ["split out of ", a.from] : [`split ${a.split.reports.length} report(s) out into `, a.split.new_id];
    const vals = Object.entries(a.edited || (r.action === "edit" ? a.values || {} : {})).map(([k, v]) => `${k}=${v}`).join(", ");
    return [vals ? `→ ${vals}` : "", null];
  }

  function history(revs) {
    const ol = TW.clear($("history"));
    if (!revs.length) ol.appendChild(TW.el("li", "Not reviewed yet.", "muted"));
    for (const r of revs) {
      const li = TW.el("li", null, r.undone_by ? "undone" : ""); li.dataset.revision = r.id; li.dataset.action = r.action;
      const [text, link] = what(r);
      li.appendChild(TW.el("span", `${r.at} · ${r.action} by ${r.who} (${r.role}): ${r.why} ${text}`));
      if (link) li.appendChild(eventLink(link));
      if (r.undone_by) li.appendChild(TW.el("span", " [undone]"));
      else if (r.action !== "undo") {
        const b = TW.el("button", "Undo", "undo"); b.type = "button"; b.dataset.revision = r.id;
        b.addEventListener("click", () => undo(r.id));
        li.appendChild(TW.el("span", " ")); li.appendChild(b);
      }
      ol.appendChild(li);
    }
  }

  async function undo(rid) {
    const why = $("u-reason").value.trim();
    if (!why) { say($("undo-status"), false, "Say why in “Why undo” first."); $("u-reason").focus(); return; }
    const r = await TW.post(`/api/revisions/${enc(rid)}/undo`, token(), { reason: why });
    say($("undo-status"), r.ok, r.ok ? "Undone." : `Not undone: ${r.body.detail}`);
    if (r.ok) await rerender();
  }

  function init(render) {
    rerender = render;
    $("token").value = window.sessionStorage.getItem("tw-token") || "";
    $("merge-form").addEventListener("submit", merge);
    $("m-nearby").addEventListener("click", () => nearby().catch((e) => say($("merge-status"), false, `Search failed: ${e.message}`)));
    $("split-form").addEventListener("submit", split);
  }

  function show(e) { event = e; splitChoices(e); }

  return { init, show, history, eventLink };
})();
