"""Typed records passed between the pipeline stages, and their JSON contract.

Records are frozen dataclasses. ``to_contract()`` on :class:`Analysis` yields the JSON object
that ``trucewatch analyze`` prints (keys fixed by DESIGN.md; extra keys are additive);
:mod:`trucewatch.contract` reads it back into records (the store keeps that JSON).
Unknown values are ``None`` (JSON ``null``), never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

Temporal = Literal["before", "during", "after", "uncertain"]
Spatial = Literal["inside", "outside", "unknown"]
Attribution = Literal["uncontested", "contested", "unknown"]
PublishedBasis = Literal["given", "metadata", "inferred", "unknown"]

#: version of the JSON contract; additive keys keep it, a changed or removed key raises it
SCHEMA_VERSION = "1.0"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in spans]


@dataclass(frozen=True)
class Span:
    """Evidence: character offsets into the article text, and the text they cover."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class TimeInterval:
    """When something happened or holds: ``[earliest, latest]``, aware datetimes.

    ``basis`` says how the interval was found (``explicit``, ``relative_to_ceasefire``,
    ``relative_to_published``, ``inherited``, ``reporting_window``); ``expression`` is the text.
    """

    earliest: datetime
    latest: datetime
    basis: str
    expression: str | None = None

    def __post_init__(self) -> None:
        if self.earliest.tzinfo is None or self.latest.tzinfo is None:
            raise ValueError("TimeInterval needs timezone-aware datetimes")
        if self.latest.astimezone(UTC) < self.earliest.astimezone(UTC):
            raise ValueError(f"empty interval {self.earliest} > {self.latest}")

    def intersect(self, other: TimeInterval) -> TimeInterval | None:
        """The common part, or None; each bound keeps the clock it came with."""
        a, b = self.earliest.astimezone(UTC), other.earliest.astimezone(UTC)
        c, d = self.latest.astimezone(UTC), other.latest.astimezone(UTC)
        if min(c, d) < max(a, b) or min(c, d) == max(a, b) and a != c and b != d:
            return None  # apart, or two spans that only touch ("7 May" and "from 8 May 00:00")
        earliest = self.earliest if a >= b else other.earliest
        latest = self.latest if c <= d else other.latest
        return TimeInterval(earliest, latest, self.basis, self.expression)

    @property
    def width_hours(self) -> float:
        utc = UTC
        return (self.latest.astimezone(utc) - self.earliest.astimezone(utc)).total_seconds() / 3600


@dataclass(frozen=True)
class Place:
    """A geocoded place with its precision (ACLED geo_precision 1-3, UCDP where_prec 1-7)."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int
    where_prec: int
    geonameid: int | None = None
    timezone: str | None = None
    population: int = 0
    mention: Span | None = None


@dataclass(frozen=True)
class Response:
    party: str
    stance: str
    by: str | None = None
    evidence: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "stance": self.stance,
            "by": self.by,
            "evidence": [s.to_dict() for s in self.evidence],
        }


@dataclass(frozen=True)
class Ceasefire:
    id: str
    kind: str
    declared_by: str | None
    declared_by_person: str | None
    implemented_by_person: str | None
    start: datetime | None
    end: datetime | None
    timezone: str | None
    timezone_basis: str | None
    scope: str | None
    scope_country: str | None
    occasion: str | None
    duration_stated_hours: float | None
    duration_consistent: bool | None
    responses: tuple[Response, ...]
    evidence: tuple[Span, ...]
    start_expression: str | None = None
    end_expression: str | None = None
    open_ended: bool = False
    ended_early: datetime | None = None
    #: the sides bound by it (both sides of an agreement; the declarer of a unilateral truce)
    parties: tuple[str, ...] = ()
    #: who brokered or guarantees it ("brokered by Qatar, Egypt and the US")
    mediators: tuple[str, ...] = ()
    #: where it holds: the zone's name, and its territory ("IN", "PK"; "PS:Gaza Strip" for a region)
    zone: str | None = None
    zone_territory: tuple[str, ...] = ()
    #: the latest instant the start can be, when the text dates it only to a day or a part of one
    #: ("in force since Sunday": any time that Sunday); None when the start is stated to the hour
    start_latest: datetime | None = None

    @property
    def zone_countries(self) -> tuple[str, ...]:
        """The countries of its zone, else the country of its scope."""
        if self.zone_territory:
            return tuple(dict.fromkeys(t.split(":", 1)[0] for t in self.zone_territory))
        return (self.scope_country,) if self.scope_country else ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "declared_by": self.declared_by,
            "declared_by_person": self.declared_by_person, "implemented_by_person": self.implemented_by_person,
            "start": _iso(self.start), "start_latest": _iso(self.start_latest), "end": _iso(self.end),
            "open_ended": self.open_ended, "ended_early": _iso(self.ended_early),
            "start_expression": self.start_expression, "end_expression": self.end_expression,
            "timezone": self.timezone, "timezone_basis": self.timezone_basis,
            "scope": self.scope, "scope_country": self.scope_country, "occasion": self.occasion,
            "duration_stated_hours": self.duration_stated_hours, "duration_consistent": self.duration_consistent,
            "responses": [r.to_dict() for r in self.responses], "evidence": _spans(self.evidence),
            "parties": list(self.parties), "mediators": list(self.mediators), "zone": self.zone,
            "zone_territory": list(self.zone_territory), "zone_countries": list(self.zone_countries),
        }


@dataclass(frozen=True)
class Incident:
    id: str
    place: Place | None
    acled_event_type: str
    acled_sub_event_type: str
    weapon: str | None
    strikes: int | None
    time: TimeInterval | None
    perpetrator_claimed: str | None
    perpetrator_claimed_by: str | None
    reported_by: str | None
    reported_by_person: str | None
    fatalities_low: int | None
    fatalities_high: int | None
    injured_low: int | None
    injured_high: int | None
    targets: tuple[str, ...]
    evidence: tuple[Span, ...]
    confidence: float
    evidence_kind: str = "reported"
    #: ACLED's actor name for the claimed perpetrator ("Military Forces of Russia (2000-)")
    perpetrator_acled_actor: str | None = None
    #: PLOVER's context: "new" (news the article reports), "recap", "historical", "hypothetical", "statement"
    context: str = "new"
    #: a toll over a period or a war ("within 24 hours", "since the war began"), not one strike's:
    #: corroboration never merges it with a single strike
    tally: bool = False
    #: how the sub-type was read: "stated" (a word of the text names the means or the kind of
    #: event) or "inferred" (remote violence whose means the text does not state for this
    #: incident: ACLED's default, or the means the article states for the same side's attacks)
    sub_event_basis: str = "stated"

    def to_dict(self) -> dict[str, Any]:
        p, t = self.place, self.time
        return {
            "id": self.id, "place": p.name if p else None, "country": p.country if p else None,
            "admin1": p.admin1 if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "geo_precision": p.geo_precision if p else None, "where_prec": p.where_prec if p else None,
            "geonameid": p.geonameid if p else None, "place_timezone": p.timezone if p else None,
            "place_population": p.population if p else None,
            "place_mention": p.mention.to_dict() if p and p.mention else None,
            "acled_event_type": self.acled_event_type, "acled_sub_event_type": self.acled_sub_event_type,
            "weapon": self.weapon, "strikes": self.strikes,
            "time_earliest": _iso(t.earliest) if t else None, "time_latest": _iso(t.latest) if t else None,
            "time_basis": t.basis if t else None, "time_expression": t.expression if t else None,
            "perpetrator_claimed": self.perpetrator_claimed, "perpetrator_claimed_by": self.perpetrator_claimed_by,
            "perpetrator_acled_actor": self.perpetrator_acled_actor, "reported_by": self.reported_by,
            "reported_by_person": self.reported_by_person, "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high, "injured_low": self.injured_low,
            "injured_high": self.injured_high, "targets": list(self.targets), "evidence_kind": self.evidence_kind,
            "evidence": _spans(self.evidence), "confidence": self.confidence, "context": self.context,
            "tally": self.tally, "sub_event_basis": self.sub_event_basis,
        }


@dataclass(frozen=True)
class Claim:
    id: str
    claimant: str | None
    by: str | None
    kind: str
    target: str | None
    about: tuple[str, ...]
    about_ceasefire: str | None
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "claimant": self.claimant, "by": self.by, "kind": self.kind, "target": self.target,
                "about": list(self.about), "about_ceasefire": self.about_ceasefire,
                "evidence": _spans(self.evidence)}


@dataclass(frozen=True)
class Judgement:
    ceasefire: str
    incident: str
    temporal: Temporal
    spatial: Spatial
    attribution: Attribution
    verdict: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"ceasefire": self.ceasefire, "incident": self.incident, "temporal": self.temporal,
                "spatial": self.spatial, "attribution": self.attribution, "verdict": self.verdict,
                "reason": self.reason}


@dataclass(frozen=True)
class ArticleMeta:
    id: str
    language: str
    language_score: float | None
    published: date | None
    published_basis: PublishedBasis
    source: str | None = None
    chars: int = 0


@dataclass(frozen=True)
class Analysis:
    article: ArticleMeta
    ceasefires: tuple[Ceasefire, ...]
    incidents: tuple[Incident, ...]
    claims: tuple[Claim, ...]
    judgements: tuple[Judgement, ...]
    warnings: tuple[str, ...] = ()
    components: dict[str, str] = field(default_factory=dict)
    #: violence the article mentions that is not news (recaps, history, speculation), flagged with
    #: its context: kept, never judged, corroborated or exported as events by default
    other_incidents: tuple[Incident, ...] = ()

    @property
    def status(self) -> str:
        return "ok" if (self.ceasefires or self.incidents) else "no_events"

    def to_contract(self) -> dict[str, Any]:
        """The JSON object of ``trucewatch analyze`` (DESIGN.md, "Contract");
        :func:`trucewatch.contract.analysis_from_dict` is its inverse."""
        meta = self.article
        return {
            "id": meta.id, "schema": SCHEMA_VERSION, "status": self.status,
            "article": {"id": meta.id, "source": meta.source, "language": meta.language,
                        "language_score": meta.language_score,
                        "published": meta.published.isoformat() if meta.published else None,
                        "published_basis": meta.published_basis, "chars": meta.chars},
            "ceasefires": [c.to_dict() for c in self.ceasefires],
            "incidents": [i.to_dict() for i in self.incidents],
            "claims": [c.to_dict() for c in self.claims],
            "judgements": [j.to_dict() for j in self.judgements],
            "other_incidents": [i.to_dict() for i in self.other_incidents],
            "warnings": list(self.warnings), "components": dict(self.components),
        }
