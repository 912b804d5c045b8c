// The event page: its values (reviewed ones flagged), where the reports disagree, a form to
// correct the toll (an analyst's token; merge, split and undo are review.js), its history, and
// every report with its article's text and the evidence highlighted. Article text is inserted
// with textContent only.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const id = TW.params().get("id");
  const FIELDS = ["event_type", "sub_event_type", "place", "country", "lat", "lon", "time_earliest", "time_latest",
    "perpetrator", "fatalities_low", "fatalities_best", "fatalities_high", "context", "confidence", "attribution"];

  async function render() {
    if (!id) { $("summary").textContent = "No event id given (event.html?id=...)."; return; }
    const cf = TW.params().get("ceasefire");
    if (cf) $("back").href = `./?ceasefire=${encodeURIComponent(cf)}`;
    let e;
    try { e = await TW.get(`/api/events/${encodeURIComponent(id)}`); } catch (err) { await gone(err); return; }
    $("title").textContent = `${e.place || "Place unknown"} · ${TW.when(e)}`;
    summary(e);
    disagreements(e.disagreements);
    $("f-low").value = e.fatalities_low ?? ""; $("f-best").value = e.fatalities_best ?? ""; $("f-high").value = e.fatalities_high ?? "";
    $("review").hidden = false;
    Review.show(e);
    Edit.show(e);
    await history();
    await reports(e.reports_detail);
    document.body.dataset.ready = "true";
  }

  function summary(e) {
    const box = TW.clear($("summary"));
    if (e.reviewed) box.appendChild(TW.el("p", `Reviewed (${e.review_status}) by ${e.reviewed_by}, role ${e.reviewer_role}: ` +
      `reviewed values win over the machine's.`, "reviewed"));
    const verdicts = TW.el("p");
    for (const v of e.verdicts) { verdicts.appendChild(TW.el("span", `${v.ceasefire}: `)); verdicts.appendChild(TW.badge(v.verdict)); verdicts.appendChild(TW.el("span", " ")); }
    box.appendChild(verdicts);
    const table = TW.el("table", null, "fields"); const tb = TW.el("tbody");
    for (const f of FIELDS) {
      const tr = TW.el("tr"); tr.dataset.field = f; tr.appendChild(TW.el("th", f.replace(/_/g, " ")));
      const td = TW.el("td", e[f] ?? "–"); td.className = "value"; tr.appendChild(td);
      const note = TW.el("td", null, "muted");
      if (e.reviewed_fields.includes(f)) { note.textContent = `reviewed (machine: ${e.machine[f] ?? "–"})`; note.className = "reviewed"; }
      tr.appendChild(note); tb.appendChild(tr);
    }
    table.appendChild(tb); box.appendChild(table);
    box.appendChild(TW.el("p", `${e.reports} report(s) from ${e.sources} independent source(s): ${e.outlets.join(", ")}`, "muted"));
  }

  function disagreements(list) {
    const ul = TW.clear($("disagreements"));
    if (!list.length) { ul.appendChild(TW.el("li", "The reports agree on every field they state.", "muted")); return; }
    for (const d of list) {
      const li = TW.el("li"); li.appendChild(TW.el("strong", `${d.field}: `));
      li.appendChild(TW.el("span", d.values.map((v) => `${v.value} (${v.articles.length} article(s))`).join(" vs ")));
      ul.appendChild(li);
    }
  }

  async function history() {
    const revs = (await TW.get(`/api/events/${encodeURIComponent(id)}/history`)).revisions;
    Review.history(revs);
    return revs;
  }

  // no such event (now): merged into another, or a split undone; its history says which
  async function gone(err) {
    const box = TW.clear($("summary"));
    box.appendChild(TW.el("p", `This event is not in the store now: ${err.message}`, "error"));
    for (const n of [$("reports"), $("disagreements")]) TW.clear(n);
    $("review").hidden = true;
    let revs = [];
    try { revs = await history(); } catch (e) { TW.clear($("history")); }
    const into = revs.find((r) => r.action === "merge" && !r.undone_by && (r.after || {}).into);
    if (into) { const p = TW.el("p", "It was merged into "); p.appendChild(Review.eventLink(into.after.into)); box.appendChild(p); }
    document.body.dataset.ready = "true";
  }

  // the text as text nodes, each evidence span in a <mark>: never parsed as HTML
  function highlighted(text, spans) {
    const pre = TW.el("div", null, "article-text");
    let at = 0;
    for (const s of [...spans].sort((a, b) => a.start - b.start)) {
      if (s.start < at || s.end > text.length) continue;
      pre.appendChild(document.createTextNode(text.slice(at, s.start)));
      pre.appendChild(TW.el("mark", text.slice(s.start, s.end)));
      at = s.end;
    }
    pre.appendChild(document.createTextNode(text.slice(at)));
    return pre;
  }

  // the words a field came from, where the record keeps them: the place's mention, the time's
  // expression and how it was read, who named the perpetrator, who reported it
  function words(f, k) {
    if (k === "place" && f.place_mention) return `“${f.place_mention.text}”`;
    if (k === "time_earliest" && (f.time_expression || f.time_basis)) return [f.time_expression && `“${f.time_expression}”`, f.time_basis].filter(Boolean).join(" · ");
    if (k === "perpetrator_claimed" && f.perpetrator_claimed_by) return `named by ${f.perpetrator_claimed_by}`;
    return "";
  }

  function fieldTable(r) {
    const ft = TW.el("table", null, "fields"); const tb = TW.el("tbody");
    for (const [k, v] of Object.entries(r.fields)) {
      if (v === null || typeof v === "object") continue;
      const tr = TW.el("tr"); tr.dataset.said = k; tr.appendChild(TW.el("th", k)); tr.appendChild(TW.el("td", v));
      tr.appendChild(TW.el("td", words(r.fields, k), "muted words")); tb.appendChild(tr);
    }
    ft.appendChild(tb);
    return ft;
  }

  async function reports(list) {
    const box = TW.clear($("reports"));
    for (const r of list) {
      const art = TW.el("article", null, "report"); art.dataset.article = r.article_id;
      art.appendChild(TW.el("h3", r.title || r.outlet || r.article_id));
      const meta = TW.el("p", null, "muted");
      meta.appendChild(TW.el("span", `${r.outlet || "outlet unknown"} · ${r.published || "undated"} · ${r.language || "?"} · ` +
        `confidence ${r.confidence} · context ${r.context} · `));
      if (r.url) meta.appendChild(TW.link(r.url, r.url));
      art.appendChild(meta);
      const details = TW.el("details"); details.appendChild(TW.el("summary", "fields as this article states them, with the words"));
      details.appendChild(fieldTable(r));
      art.appendChild(details);
      const a = await TW.get(`/api/articles/${encodeURIComponent(r.article_id)}`);
      art.appendChild(highlighted(a.text, r.evidence));
      box.appendChild(art);
    }
  }

  Review.init(render);
  Edit.init(render);
  $("toll-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const status = $("form-status"), values = {};
    for (const [k, f] of [["fatalities_low", "f-low"], ["fatalities_best", "f-best"], ["fatalities_high", "f-high"]]) {
      if ($(f).value !== "") values[k] = Number($(f).value);
    }
    const r = await TW.post(`/api/events/${encodeURIComponent(id)}/review`, $("token").value.trim(),
      { action: "edit", reason: $("f-reason").value, values });
    status.textContent = r.ok ? "Saved." : `Not saved: ${r.body.detail}`;
    status.className = r.ok ? "ok" : "error";
    if (r.ok) await render();
  });

  render().catch((e) => { TW.clear($("summary")).appendChild(TW.el("p", `Error: ${e.message}`, "error")); });
})();
