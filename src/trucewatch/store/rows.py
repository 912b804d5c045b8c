"""Rows of the store's tables read back into typed records (:mod:`trucewatch.stored`), and the
few values the tables keep beside the records: times as seconds since the epoch (UTC), so that
"what overlaps this window" is an indexed range query in either database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from trucewatch.contract import ceasefire_from_dict, claim_from_dict, incident_from_dict
from trucewatch.records import Incident, Place, Span, TimeInterval
from trucewatch.stored import Declaration, Event, EventFacts, Registered, Report, Source, StoredClaim

#: the columns :func:`report_of` reads: a report joined to its article
REPORT_COLUMNS = ("r.record", "r.article_id", "a.published", "a.language", "a.source", "a.outlet", "a.url",
                  "a.title", "(SELECT MIN(j.attribution) FROM judgements j WHERE j.article_id = r.article_id "
                  "AND j.incident = r.incident)")
REPORTS_FROM = "FROM reports r JOIN articles a ON a.id = r.article_id"
EVENT_COLUMNS = ("id", "time_earliest", "time_latest", "sources", "fatalities_low", "fatalities_best",
                 "fatalities_high", "disagreements")


def seconds(value: str | datetime | None) -> float | None:
    """An ISO time (or a datetime) as seconds since the epoch; None stays None."""
    if value is None or value == "":
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.timestamp()


def incident_times(incident: dict[str, Any]) -> tuple[float | None, float | None]:
    return seconds(incident.get("time_earliest")), seconds(incident.get("time_latest"))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def source_of(path: str | None, outlet: str | None, url: str | None, title: str | None) -> Source:
    return Source(path, outlet, url, title)


def report_of(row: tuple[Any, ...]) -> Report:
    record, article, published, language, path, outlet, url, title, said = row
    incident: Incident = incident_from_dict(json.loads(record))
    return Report(incident, article, _day(published), language, source_of(path, outlet, url, title),
                  said or "unknown")


def event_of(row: tuple[Any, ...], reports: Iterable[Report]) -> Event:
    """An event's row and its reports (any order) as an :class:`Event`."""
    eid, lo, hi, sources, low, best, high, disagreements = row
    members = tuple(sorted(reports, key=lambda r: r.order))
    time = TimeInterval(datetime.fromisoformat(lo), datetime.fromisoformat(hi), "corroborated") if lo and hi else None
    evidence: tuple[Span, ...] = tuple(s for r in members for s in r.incident.evidence[:1])
    return Event(eid, members, int(sources), time, low, best, high, tuple(json.loads(disagreements or "[]")),
                 evidence)


#: the columns :func:`facts_of` reads: what judging an event needs
FACT_COLUMNS = ("id", "time_earliest", "time_latest", "place", "country", "admin1", "lat", "lon", "attribution")


def facts_of(row: tuple[Any, ...]) -> EventFacts:
    eid, lo, hi, name, country, admin1, lat, lon, attribution = row
    time = TimeInterval(datetime.fromisoformat(lo), datetime.fromisoformat(hi), "corroborated") if lo and hi else None
    place = Place(name, country, admin1, lat, lon, 0, 0) if name is not None else None
    return EventFacts(eid, time, place, attribution or "unknown")


def declaration_of(row: tuple[Any, ...]) -> Declaration:
    record, article, published, path, outlet, url, title = row
    return Declaration(ceasefire_from_dict(json.loads(record)), article, _day(published),
                       source_of(path, outlet, url, title))


def claim_of(row: tuple[Any, ...]) -> StoredClaim:
    record, article, published, path, outlet, url, title = row
    return StoredClaim(claim_from_dict(json.loads(record)), article, _day(published),
                       source_of(path, outlet, url, title))


def registered_of(record: str, declarations: list[Declaration], horizon: str | None) -> Registered:
    return Registered(ceasefire_from_dict(json.loads(record)), tuple(declarations),
                      horizon=datetime.fromisoformat(horizon) if horizon else None)
