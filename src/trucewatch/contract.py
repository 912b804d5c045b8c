"""The JSON contract of ``trucewatch analyze`` read back into records: the inverse of
:meth:`trucewatch.records.Analysis.to_contract`.

The store keeps each article's analysis as that JSON; everything downstream of the store
(corroboration, the registry, reports, exports) reads it through :func:`analysis_from_dict`, so
it works on the same typed records as the pipeline. ``analysis_from_dict(a.to_contract()) == a``
for every analysis (a property test checks it); datetimes come back with fixed UTC offsets,
which compare equal to the zones they were written from.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from trucewatch.records import (
    Analysis,
    ArticleMeta,
    Ceasefire,
    Claim,
    Incident,
    Judgement,
    Place,
    Response,
    Span,
    TimeInterval,
)


def _t(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def span_from_dict(d: dict[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


def _spans(items: list[dict[str, Any]]) -> tuple[Span, ...]:
    return tuple(span_from_dict(d) for d in items)


def ceasefire_from_dict(d: dict[str, Any]) -> Ceasefire:
    return Ceasefire(
        id=d["id"], kind=d["kind"], declared_by=d["declared_by"], declared_by_person=d["declared_by_person"],
        implemented_by_person=d["implemented_by_person"], start=_t(d["start"]), end=_t(d["end"]),
        timezone=d["timezone"], timezone_basis=d["timezone_basis"], scope=d["scope"],
        scope_country=d["scope_country"], occasion=d["occasion"], duration_stated_hours=d["duration_stated_hours"],
        duration_consistent=d["duration_consistent"],
        responses=tuple(Response(r["party"], r["stance"], r["by"], _spans(r["evidence"])) for r in d["responses"]),
        evidence=_spans(d["evidence"]), start_expression=d["start_expression"], end_expression=d["end_expression"],
        open_ended=d["open_ended"], ended_early=_t(d["ended_early"]),
        parties=tuple(d.get("parties") or ()), mediators=tuple(d.get("mediators") or ()), zone=d.get("zone"),
        zone_territory=tuple(d.get("zone_territory") or ()), start_latest=_t(d.get("start_latest")))


def _place(d: dict[str, Any]) -> Place | None:
    if d["place"] is None:
        return None
    mention = d.get("place_mention")
    return Place(name=d["place"], country=d["country"], admin1=d["admin1"], lat=d["lat"], lon=d["lon"],
                 geo_precision=d["geo_precision"], where_prec=d["where_prec"], geonameid=d["geonameid"],
                 timezone=d.get("place_timezone"), population=d.get("place_population") or 0,
                 mention=span_from_dict(mention) if mention else None)


def _time(d: dict[str, Any]) -> TimeInterval | None:
    earliest, latest = _t(d["time_earliest"]), _t(d["time_latest"])
    if earliest is None or latest is None:
        return None
    return TimeInterval(earliest, latest, d["time_basis"], d["time_expression"])


def incident_from_dict(d: dict[str, Any]) -> Incident:
    return Incident(
        id=d["id"], place=_place(d), acled_event_type=d["acled_event_type"],
        acled_sub_event_type=d["acled_sub_event_type"], weapon=d["weapon"], strikes=d["strikes"], time=_time(d),
        perpetrator_claimed=d["perpetrator_claimed"], perpetrator_claimed_by=d["perpetrator_claimed_by"],
        reported_by=d["reported_by"], reported_by_person=d["reported_by_person"],
        fatalities_low=d["fatalities_low"], fatalities_high=d["fatalities_high"], injured_low=d["injured_low"],
        injured_high=d["injured_high"], targets=tuple(d["targets"]), evidence=_spans(d["evidence"]),
        confidence=float(d["confidence"]), evidence_kind=d["evidence_kind"],
        perpetrator_acled_actor=d["perpetrator_acled_actor"], context=d.get("context", "new"),
        tally=bool(d.get("tally", False)), sub_event_basis=d.get("sub_event_basis", "stated"))


def claim_from_dict(d: dict[str, Any]) -> Claim:
    return Claim(d["id"], d["claimant"], d["by"], d["kind"], d["target"], tuple(d["about"]), d["about_ceasefire"],
                 _spans(d["evidence"]))


def judgement_from_dict(d: dict[str, Any]) -> Judgement:
    return Judgement(d["ceasefire"], d["incident"], d["temporal"], d["spatial"], d["attribution"], d["verdict"],
                     d["reason"])


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """An :class:`Analysis` from its contract JSON (as ``analyze`` prints and the store keeps it)."""
    a = d["article"]
    meta = ArticleMeta(id=a["id"], language=a["language"], language_score=a["language_score"],
                       published=date.fromisoformat(a["published"]) if a["published"] else None,
                       published_basis=a["published_basis"], source=a["source"], chars=a["chars"])
    return Analysis(article=meta, ceasefires=tuple(ceasefire_from_dict(c) for c in d["ceasefires"]),
                    incidents=tuple(incident_from_dict(i) for i in d["incidents"]),
                    claims=tuple(claim_from_dict(c) for c in d["claims"]),
                    judgements=tuple(judgement_from_dict(j) for j in d["judgements"]),
                    warnings=tuple(d["warnings"]), components=dict(d["components"]),
                    other_incidents=tuple(incident_from_dict(i) for i in d.get("other_incidents", [])))
