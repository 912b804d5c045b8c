"""Serialise an :class:`~trucewatch.records.Analysis` to the JSON contract of ``analyze``.

The keys listed in DESIGN.md ("Contract") are always present; values we do not know are null.
Datetimes are ISO 8601 with their offset (the declaring party's or the place's clock).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from trucewatch.records import (
    Analysis,
    Ceasefire,
    Claim,
    Incident,
    Judgement,
    Span,
)

SCHEMA_VERSION = "1.0"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in spans]


def ceasefire_to_dict(cf: Ceasefire) -> dict[str, Any]:
    return {
        "id": cf.id,
        "kind": cf.kind,
        "declared_by": cf.declared_by,
        "declared_by_person": cf.declared_by_person,
        "implemented_by_person": cf.implemented_by_person,
        "start": _iso(cf.start),
        "end": _iso(cf.end),
        "open_ended": cf.open_ended,
        "ended_early": _iso(cf.ended_early),
        "start_expression": cf.start_expression,
        "end_expression": cf.end_expression,
        "timezone": cf.timezone,
        "timezone_basis": cf.timezone_basis,
        "scope": cf.scope,
        "scope_country": cf.scope_country,
        "occasion": cf.occasion,
        "duration_stated_hours": cf.duration_stated_hours,
        "duration_consistent": cf.duration_consistent,
        "responses": [r.to_dict() for r in cf.responses],
        "evidence": _spans(cf.evidence),
    }


def incident_to_dict(inc: Incident) -> dict[str, Any]:
    place = inc.place
    time = inc.time
    return {
        "id": inc.id,
        "place": place.name if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geo_precision": place.geo_precision if place else None,
        "where_prec": place.where_prec if place else None,
        "geonameid": place.geonameid if place else None,
        "acled_event_type": inc.acled_event_type,
        "acled_sub_event_type": inc.acled_sub_event_type,
        "weapon": inc.weapon,
        "strikes": inc.strikes,
        "time_earliest": _iso(time.earliest) if time else None,
        "time_latest": _iso(time.latest) if time else None,
        "time_basis": time.basis if time else None,
        "time_expression": time.expression if time else None,
        "perpetrator_claimed": inc.perpetrator_claimed,
        "perpetrator_claimed_by": inc.perpetrator_claimed_by,
        "perpetrator_acled_actor": inc.perpetrator_acled_actor,
        "reported_by": inc.reported_by,
        "reported_by_person": inc.reported_by_person,
        "fatalities_low": inc.fatalities_low,
        "fatalities_high": inc.fatalities_high,
        "injured_low": inc.injured_low,
        "injured_high": inc.injured_high,
        "targets": list(inc.targets),
        "evidence_kind": inc.evidence_kind,
        "evidence": _spans(inc.evidence),
        "confidence": round(inc.confidence, 2),
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "claimant": claim.claimant,
        "by": claim.by,
        "kind": claim.kind,
        "target": claim.target,
        "about": list(claim.about),
        "about_ceasefire": claim.about_ceasefire,
        "evidence": _spans(claim.evidence),
    }


def judgement_to_dict(j: Judgement) -> dict[str, Any]:
    return {
        "ceasefire": j.ceasefire,
        "incident": j.incident,
        "temporal": j.temporal,
        "spatial": j.spatial,
        "attribution": j.attribution,
        "verdict": j.verdict,
        "reason": j.reason,
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    meta = analysis.article
    return {
        "id": meta.id,
        "schema": SCHEMA_VERSION,
        "status": analysis.status,
        "article": {
            "id": meta.id,
            "source": meta.source,
            "language": meta.language,
            "language_score": meta.language_score,
            "published": meta.published.isoformat() if meta.published else None,
            "published_basis": meta.published_basis,
            "chars": meta.chars,
        },
        "ceasefires": [ceasefire_to_dict(c) for c in analysis.ceasefires],
        "incidents": [incident_to_dict(i) for i in analysis.incidents],
        "claims": [claim_to_dict(c) for c in analysis.claims],
        "judgements": [judgement_to_dict(j) for j in analysis.judgements],
        "warnings": list(analysis.warnings),
        "components": dict(analysis.components),
    }
