"""Typed records passed between the pipeline stages, and their JSON contract.

Records are frozen dataclasses. ``to_contract()`` on :class:`Analysis` yields the JSON object
that ``trucewatch analyze`` prints (keys fixed by DESIGN.md; extra keys are additive).
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


@dataclass(frozen=True)
class Judgement:
    ceasefire: str
    incident: str
    temporal: Temporal
    spatial: Spatial
    attribution: Attribution
    verdict: str
    reason: str


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

    @property
    def status(self) -> str:
        return "ok" if (self.ceasefires or self.incidents) else "no_events"

    def to_contract(self) -> dict[str, Any]:
        from trucewatch.contract import analysis_to_dict

        return analysis_to_dict(self)
