"""The report as Markdown and as one self-contained HTML page, opening with the verdict.

Everything that comes from articles (titles, outlets, quotes, places, party names) is escaped:
HTML-escaped and with Markdown's own syntax neutralised in Markdown, HTML-escaped in HTML, and
links only for http(s) URLs, so a hostile title never runs in a viewer. File names are built
from the ceasefire id, sanitised, and never leave the output directory.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

from trucewatch.records import Ceasefire, Judgement
from trucewatch.registry.user import file_stem
from trucewatch.report.build import TruceReport, by_party
from trucewatch.stored import Event, Source, StoredClaim

_VERDICTS = {"held": "held", "violations_alleged": "violations alleged", "contested": "contested",
             "unknown": "unknown"}  # the reason says why
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # emphasis, code, links and images, tables
_HEAD = ["time (truce clock)", "place", "type", "killed (low)", "perpetrator claimed", "verdict", "sources"]


def md(text: object) -> str:
    """Article text made inert in Markdown: one line, HTML-escaped, Markdown syntax escaped."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _link(url: str | None) -> str | None:
    return url if url and re.match(r"https?://", url, re.IGNORECASE) else None


def _source_md(source: Source, published: object, fallback: str) -> str:
    outlet, title = source.outlet or source.path, source.title
    parts = [md(outlet or fallback)] + ([f"“{md(title)}”"] if title else []) + ([md(published)] if published else [])
    link = _link(source.url)
    return ", ".join(parts) + (f" <{link.replace('>', '%3E').replace(' ', '%20')}>" if link else "")


def _when(rep: TruceReport, e: Event) -> str:
    t = e.time
    return f"{rep.local(t.earliest)} → {rep.local(t.latest)}" if t else "unknown"


def _cells(rep: TruceReport, e: Event, j: Judgement) -> list[str]:
    best = e.best.incident
    who = best.perpetrator_claimed or "not stated"
    if best.perpetrator_claimed_by:
        who += f" (says {best.perpetrator_claimed_by})"
    outlets = sorted({r.source.label(r.article_id) for r in e.reports})
    return [_when(rep, e), e.place.name if e.place else "unknown", best.acled_sub_event_type or "",
            "?" if e.fatalities_low is None else str(e.fatalities_low), who, f"{j.verdict} ({j.attribution})",
            "; ".join(outlets)]


def opening(rep: TruceReport) -> list[str]:
    """The verdict and its counts: the first lines of every form of the report."""
    a, cf = rep.answer, rep.ceasefire.ceasefire
    lines = [f"Verdict: {_VERDICTS[a.verdict]}. {a.reason[:1].upper() + a.reason[1:]}."]
    if a.violations:
        who = ", ".join(f"{p} {n}" for p, n in sorted(a.perpetrators.items()))
        lines.append(f"{a.violations} event(s) inside the window and zone, {a.killed} killed (lowest tolls); "
                     f"perpetrator claimed: {who}.")
    if a.accusers:
        lines.append("Accusations: " + ", ".join(f"{p} {n}" for p, n in sorted(a.accusers.items())) + ".")
    c = rep.counts
    lines.append(f"Events: {c['during']} during, {c['straddling']} straddling, {c['before']} before, "
                 f"{c['after']} after the window; {c['elsewhere']} elsewhere (during it, outside the zone); "
                 f"{c['time_unknown']} of unknown time in the zone's country (not judged).")
    if len(rep.ceasefire.windows) > 1:
        stated = "; ".join(f"{rep.local(a)} → {rep.local(b) or 'open'} ({len(arts)} article(s))"
                           for a, b, arts in rep.ceasefire.windows)
        lines.append(f"The declarations disagree on the window: {stated}.")
    end = rep.local(cf.end) or (f"open-ended (judged until {rep.local(rep.ceasefire.horizon)}, a while after its "
                                 "last report)" if rep.ceasefire.horizon else "open-ended")
    start = rep.local(cf.start) or "unknown"
    if cf.start_latest:  # "since Sunday": the hour is not stated
        start += f" (or as late as {rep.local(cf.start_latest)}: no hour stated)"
    lines.append(f"Window: {start} → {end} ({cf.timezone or 'clock unknown'}, "
                 f"{cf.timezone_basis or '?'})" + (f"; ended early {rep.local(cf.ended_early)}" if cf.ended_early
                                                   else "") + ".")
    lines.append(f"Between: {', '.join(cf.parties) or 'parties not stated'}"
                 + (f"; mediated by {', '.join(cf.mediators)}" if cf.mediators else "")
                 + f". Zone: {zone_text(cf)}.")
    return lines


def _who(cf: Ceasefire) -> str:
    """The heading: an agreement's sides, else its declarer."""
    if len(cf.parties) >= 2 and not cf.declared_by:
        return " – ".join(cf.parties) + " agreement"
    return cf.declared_by or "declarer unknown"


def zone_text(cf: Ceasefire) -> str:
    """The zone as a reader reads it: its name, scope and territory."""
    name = cf.zone or cf.scope or "not stated"
    if cf.zone and cf.scope and cf.scope not in cf.zone:
        name = f"{cf.scope}, in {cf.zone}"
    return f"{name} ({', '.join(cf.zone_territory or cf.zone_countries) or '?'})"


def _quotes_md(rep: TruceReport, rows: list[tuple[Event, Judgement]]) -> list[str]:
    out = []
    for e, _ in rows:
        out += ["", f"**{md(e.place.name if e.place else 'unknown')}** ({e.id}, {md(_when(rep, e))})"]
        for r in e.reports:
            quote = r.incident.evidence[0].text if r.incident.evidence else ""
            out.append(f"> {md(quote)} — {_source_md(r.source, r.published, r.article_id)}")
    return out


def _table_md(rep: TruceReport, rows: list[tuple[Event, Judgement]]) -> list[str]:
    return ["| " + " | ".join(_HEAD) + " |", "|" + "---|" * len(_HEAD)] + [
        "| " + " | ".join(md(c) for c in _cells(rep, e, j)) + " |" for e, j in rows]


def _claims_md(claims: list[StoredClaim]) -> list[str]:
    out: list[str] = []
    for party, said in by_party(claims).items():
        out += ["", f"### {md(party)}"]
        for c in said:
            quote = c.claim.evidence[0].text if c.claim.evidence else ""
            target = f" {md(c.claim.target)}" if c.claim.target else ""
            out.append(f"- {md(c.claim.kind)}{target}: “{md(quote)}” — "
                       f"{_source_md(c.source, c.published, c.article_id)}")
    return out or ["", "No claims in the articles on this truce."]


def markdown(rep: TruceReport, images: dict[str, str]) -> str:
    reg = rep.ceasefire
    cf = reg.ceasefire
    lines = [f"# Ceasefire {md(reg.id)}: {md(_who(cf))}", ""]
    lines += [f"**{md(line)}**" if n == 0 else md(line) for n, line in enumerate(opening(rep))]
    lines += ["", f"- **Zone:** {md(zone_text(cf))}",
              f"- **Parties:** {md(', '.join(cf.parties) or 'not stated')}; **mediators:** "
              f"{md(', '.join(cf.mediators) or 'none named')}",
              f"- **Occasion:** {md(cf.occasion or '-')}",
              "- **Responses:** " + (md(", ".join(f"{p} {s}" for p, s in reg.responses)) or "none reported"),
              "", f"## Incidents during or straddling the window ({len(rep.rows)})", ""]
    lines += _table_md(rep, rep.rows) + _quotes_md(rep, rep.rows)
    lines += ["", f"## Elsewhere: during the window, outside the zone ({len(rep.elsewhere)})", ""]
    lines += _table_md(rep, rep.elsewhere) if rep.elsewhere else ["None."]
    lines += ["", "## Claims, party by party"] + _claims_md(rep.claims)
    lines += ["", f"## Declarations ({len(reg.declarations)} in {len(reg.sources)} article(s))", ""]
    for d in reg.declarations:
        quote = d.ceasefire.evidence[0].text if d.ceasefire.evidence else ""
        lines.append(f"> {md(quote)} — {_source_md(d.source, d.published, d.article_id)}")
    lines += [""] + [f"![{name}]({path})" for name, path in images.items()]
    return "\n".join(lines) + "\n"


def _h(text: object) -> str:
    return html.escape(str(text))


def _source_html(source: Source, published: object, fallback: str) -> str:
    outlet, title = source.outlet or source.path, source.title
    text = ", ".join([_h(outlet or fallback)] + ([f"“{_h(title)}”"] if title else []) +
                     ([_h(published)] if published else []))
    link = _link(source.url)
    return f'<a href="{_h(link)}" rel="noopener noreferrer">{text}</a>' if link else text


def _table_html(rep: TruceReport, rows: list[tuple[Event, Judgement]]) -> str:
    head = "".join(f"<th>{_h(c)}</th>" for c in _HEAD)
    body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in _cells(rep, e, j)) + "</tr>" for e, j in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _quotes_html(rep: TruceReport) -> str:
    out = []
    for e, _ in rep.rows:
        items = "".join(f"<li><q>{_h(r.incident.evidence[0].text if r.incident.evidence else '')}</q> — "
                        f"{_source_html(r.source, r.published, r.article_id)}"
                        "</li>" for r in e.reports)
        out.append(f"<h3>{_h(e.place.name if e.place else 'unknown')} ({_h(e.id)})</h3><ul>{items}</ul>")
    return "".join(out)


def _claims_html(claims: list[StoredClaim]) -> str:
    out = []
    for party, said in by_party(claims).items():
        items = "".join(f"<li>{_h(c.claim.kind)} {_h(c.claim.target or '')}: "
                        f"<q>{_h(c.claim.evidence[0].text if c.claim.evidence else '')}</q> — "
                        f"{_source_html(c.source, c.published, c.article_id)}"
                        "</li>" for c in said)
        out.append(f"<h3>{_h(party)}</h3><ul>{items}</ul>")
    return "".join(out) or "<p>No claims in the articles on this truce.</p>"


def html_page(rep: TruceReport, pngs: dict[str, bytes]) -> str:
    reg = rep.ceasefire
    cf = reg.ceasefire
    first, *rest = opening(rep)
    figures = "".join(f'<figure><img alt="{_h(n)}" src="data:image/png;base64,{base64.b64encode(b).decode()}">'
                      f"<figcaption>{_h(n)}</figcaption></figure>" for n, b in pngs.items())
    decls = "".join(f"<li><q>{_h(d.ceasefire.evidence[0].text if d.ceasefire.evidence else '')}</q> — "
                    f"{_source_html(d.source, d.published, d.article_id)}</li>"
                    for d in reg.declarations)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Ceasefire {_h(reg.id)}</title><style>body{{font-family:sans-serif;max-width:70em;margin:auto}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .4em;font-size:.9em}}
img{{max-width:100%}}.verdict{{font-size:1.2em;font-weight:bold}}</style></head><body>
<h1>Ceasefire {_h(reg.id)}: {_h(_who(cf))}</h1>
<p class="verdict">{_h(first)}</p>{"".join(f"<p>{_h(line)}</p>" for line in rest)}
<ul><li><b>Zone:</b> {_h(zone_text(cf))}</li>
<li><b>Parties:</b> {_h(', '.join(cf.parties) or 'not stated')};
<b>mediators:</b> {_h(', '.join(cf.mediators) or 'none named')}</li>
<li><b>Occasion:</b> {_h(cf.occasion or '-')}</li>
<li><b>Responses:</b> {_h(", ".join(f"{p} {s}" for p, s in reg.responses) or "none reported")}</li></ul>
<h2>Incidents during or straddling the window ({len(rep.rows)})</h2>{_table_html(rep, rep.rows)}{_quotes_html(rep)}
<h2>Elsewhere: during the window, outside the zone ({len(rep.elsewhere)})</h2>{_table_html(rep, rep.elsewhere)}
<h2>Claims, party by party</h2>{_claims_html(rep.claims)}
<h2>Declarations</h2><ul>{decls}</ul>{figures}</body></html>
"""


def write_report(rep: TruceReport, out_dir: Path) -> dict[str, Path]:
    """Markdown (with PNG figures beside it), self-contained HTML and JSON in ``out_dir``."""
    from trucewatch.report.figures import map_png, timeline

    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    pngs: dict[str, bytes] = {"timeline": timeline(rep)}
    mapped = map_png(rep)
    if mapped is not None:
        pngs["map"] = mapped
    stem = f"ceasefire-{file_stem(rep.ceasefire.id)}"  # made safe: no id puts a file outside out_dir
    paths = {kind: root / f"{stem}.{kind}" for kind in ("md", "html", "json")}
    images = {}
    for name, data in pngs.items():
        (root / f"{stem}-{name}.png").write_bytes(data)
        images[name] = f"{stem}-{name}.png"
    paths["md"].write_text(markdown(rep, images), encoding="utf-8")
    paths["html"].write_text(html_page(rep, pngs), encoding="utf-8")
    paths["json"].write_text(json.dumps(rep.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return paths
