"""Score against human coders: ACLED rows (their ``notes``) and UCDP GED rows (their
``source_headline``), read from CSV.

Metrics (share of rows), the same as ``../shared/tools/score_acled.py``:

* detect: a violent row (Battles, Explosions/Remote violence, Violence against civilians) got an incident
* type: the primary incident's ACLED sub-event type equals the coded one (ACLED rows)
* geo: the primary incident lies within 25 km of the coded point (rows coded at precision 1-2)
* date: the coded day(s) overlap the incident's interval, and the interval is at most 48 h wide
* fatal: fatalities_low (null = 0) equals ACLED's count, or lies in UCDP's [low, high];
  fatal_pos: the same on rows whose coded count is above 0
* per_row: incidents per row

The primary incident is the one nearest the coded point, else the first. ACLED rows get no
publication date (their notes state the date); UCDP rows get their ``source_date``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trucewatch.evaluate.golden import km
from trucewatch.pipeline import Analyzer, ArticleInput, Failure

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
METRICS = ("detect", "type", "geo", "date", "fatal", "fatal_pos")
_COUNTRIES = {"Ukraine": "UA", "Palestine": "PS", "Israel": "IL", "Russia": "RU", "Lebanon": "LB",
              "Syria": "SY", "Yemen": "YE", "India": "IN", "Pakistan": "PK", "Sudan": "SD"}


@dataclass(frozen=True)
class Coded:
    item: ArticleInput
    sub_type: str | None
    violent: bool
    lat: float
    lon: float
    precise: bool
    start: date | None
    end: date | None
    fatal: tuple[int, int]


def _day(text: str | None) -> date | None:
    text = (text or "").split(";")[0].strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def _row(path: Path, n: int, r: dict[str, str]) -> Coded | None:
    ucdp = "source_headline" in r
    text = r["source_headline"].replace(";", ". ") if ucdp else r["notes"]
    if ucdp and len(text.split()) < 5:
        return None
    if ucdp:
        counts = [int(r[k]) for k in ("low", "best", "high") if (r.get(k) or "").strip().lstrip("-").isdigit()]
        fatal = (min(counts), max(counts)) if counts else (0, 0)
    else:
        fatal = (int(r["fatalities"]), int(r["fatalities"]))
    published = _day(r.get("source_date")) if ucdp else None
    item = ArticleInput(text, id=f"{path.stem}:{n}", published=published,
                        published_basis="metadata" if published else "unknown",
                        country=_COUNTRIES.get(r.get("country", "")))
    when = r.get("event_date_iso") or r.get("event_date")
    return Coded(item, None if ucdp else r.get("sub_event_type"), ucdp or r.get("event_type") in VIOLENT,
                 float(r["latitude"]), float(r["longitude"]),
                 (r.get("where_prec") or r.get("geo_precision")) in ("1", "2"),
                 _day(r.get("date_start_iso") or when), _day(r.get("date_end_iso") or when), fatal)


def load(path: Path, limit: int | None = None) -> list[Coded]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[: limit or None]
    return [c for n, r in enumerate(rows) if (c := _row(path, n, r)) is not None]


def score_row(gold: Coded, result: dict[str, Any] | None) -> dict[str, float]:
    incidents = (result or {}).get("incidents") or []
    placed = [i for i in incidents if i.get("lat") is not None]
    primary = (min(placed, key=lambda i: km([gold.lat, gold.lon], i["lat"], i["lon"])) if placed
               else (incidents[0] if incidents else {}))
    m: dict[str, float] = {"per_row": len(incidents)}
    if gold.violent:
        m["detect"] = bool(incidents)
    if gold.sub_type:
        m["type"] = primary.get("acled_sub_event_type") == gold.sub_type
    if gold.precise:
        m["geo"] = primary in placed and km([gold.lat, gold.lon], primary["lat"], primary["lon"]) <= 25
    if gold.start and gold.end:
        lo, hi = primary.get("time_earliest"), primary.get("time_latest")
        a, b = (datetime.fromisoformat(lo), datetime.fromisoformat(hi)) if lo and hi else (None, None)
        m["date"] = bool(a and b and (b - a).total_seconds() <= 48 * 3600
                         and a.date() <= gold.end and gold.start <= b.date())
    got = primary.get("fatalities_low") or 0
    m["fatal"] = gold.fatal[0] <= got <= gold.fatal[1]
    if gold.fatal[0] > 0:
        m["fatal_pos"] = m["fatal"]
    return m


def summarise(rows: Iterable[dict[str, float]]) -> dict[str, float]:
    rows = list(rows)
    out = {k: sum(r[k] for r in rows if k in r) / max(1, sum(1 for r in rows if k in r))
           for k in METRICS if any(k in r for r in rows)}
    out["per_row"] = sum(r["per_row"] for r in rows) / max(1, len(rows))
    out["n"] = len(rows)
    return out


def score_files(analyzer: Analyzer, paths: list[Path], limit: int | None = None) -> dict[str, dict[str, float]]:
    """Per-file and overall metrics ("all")."""
    report: dict[str, dict[str, float]] = {}
    everything: list[dict[str, float]] = []
    for path in paths:
        golds = load(path, limit)
        results = analyzer.analyze_many(g.item for g in golds)
        rows = [score_row(g, None if isinstance(r, Failure) else r.to_contract())
                for g, r in zip(golds, results, strict=True)]
        report[path.stem] = summarise(rows)
        everything += rows
    report["all"] = summarise(everything)
    return report
