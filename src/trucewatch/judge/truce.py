"""Did the truce hold? One answer per registered ceasefire, from its judged events and the claims
of the articles that report on it.

``violations_alleged``  events during the window, inside the zone, reported (by whom, against
                        whom, how many, how many killed)
``contested``           as above, and each side accuses the other, or an event's attribution is
                        disputed in the text
``held``                reports cover the period (events in the zone's country near the window,
                        or articles on the truce published once it began) and none lies inside
``unknown``             nothing reported for the window and the zone

Events straddling a boundary or of unknown place are listed, never counted as violations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from trucewatch.records import Judgement
from trucewatch.stored import Event, EventFacts, Registered, StoredClaim

Verdict = Literal["held", "violations_alleged", "contested", "unknown"]
#: how far around the window a report still shows that someone was watching
COVERAGE = timedelta(days=7)
_ACCUSING = {"accuses", "accuses_violation"}


@dataclass(frozen=True)
class Answer:
    verdict: Verdict
    reason: str
    violations: int = 0  # events during the window, inside the zone
    killed: int = 0  # their lowest tolls, summed
    perpetrators: dict[str, int] = field(default_factory=dict)  # claimed perpetrator -> events
    accusers: dict[str, int] = field(default_factory=dict)  # party -> claims accusing another
    mutual: tuple[tuple[str, str], ...] = ()  # pairs of parties accusing each other


def _violations(judged: list[tuple[Event, Judgement]]) -> list[tuple[Event, Judgement]]:
    return [(e, j) for e, j in judged if j.verdict in {"violation_reported", "violation_contested"}]


@dataclass(frozen=True)
class Timeline:
    """Every event's time in seconds since the epoch (so compared in UTC) and country, of those
    with a time: what a truce's counts before and after it and its coverage read. A store gives it
    from its rows' columns (``DerivedTables.event_times``) without reading the events whole."""

    spans: tuple[tuple[float, float, str | None], ...]

    @classmethod
    def of(cls, events: Iterable[Event | EventFacts]) -> Timeline:
        return cls(tuple((e.time.earliest.timestamp(), e.time.latest.timestamp(), e.place.country if e.place else None)
                         for e in events if e.time is not None))

    def before_after(self, start: datetime, end: datetime | None) -> tuple[int, int]:
        """How many lie wholly before ``start``, and wholly at or after ``end`` (as ``relation``)."""
        lo, hi = start.timestamp(), end.timestamp() if end is not None else None
        before = sum(1 for _, t1, _ in self.spans if t1 <= lo)
        after = 0 if hi is None else sum(1 for t0, t1, _ in self.spans if t1 > lo and t0 >= hi)
        return before, after

    def near(self, first: datetime, last: datetime, zone: tuple[str, ...]) -> bool:
        a, b = first.timestamp(), last.timestamp()
        return any(t1 > a and t0 < b and (not zone or country in zone) for t0, t1, country in self.spans)


def _covered(reg: Registered, events: Timeline) -> bool:
    cf = reg.ceasefire
    if cf.start is None:
        return False
    first, last = cf.start - COVERAGE, (reg.judged_end or cf.start) + COVERAGE
    zone = cf.zone_countries
    # a truce of unknown zone: events anywhere say nothing of it, only its own later articles do
    near = bool(zone) and events.near(first, last, zone)
    after = any(d.published and d.published >= cf.start.date() for d in reg.declarations)
    return near or after


def _mutual(claims: list[StoredClaim], declarer: str | None) -> tuple[tuple[str, str], ...]:
    """Pairs of parties accusing each other; with a known declarer, only pairs that include it."""
    said = {(c.claim.claimant, c.claim.target) for c in claims
            if c.claim.kind in _ACCUSING and c.claim.claimant and c.claim.target}
    pairs = sorted((a, b) for a, b in said if (b, a) in said and a < b)
    return tuple(p for p in pairs if declarer is None or declarer in p)


def answer(reg: Registered, events: Sequence[Event | EventFacts] | Timeline, judged: list[tuple[Event, Judgement]],
           claims: list[StoredClaim]) -> Answer:
    """The verdict on one truce: ``judged`` its events with their judgements against it,
    ``events`` every stored event, or their :class:`Timeline` (for coverage), ``claims`` those of
    the articles on it."""
    hits = _violations(judged)
    accusers: dict[str, int] = {}
    for c in claims:
        if c.claim.kind in _ACCUSING and c.claim.claimant:
            accusers[c.claim.claimant] = accusers.get(c.claim.claimant, 0) + 1
    mutual = _mutual(claims, reg.ceasefire.declared_by)
    if not hits:
        if _covered(reg, events if isinstance(events, Timeline) else Timeline.of(events)):
            return Answer("held", "reports cover the period; none places an incident inside the window and zone",
                          accusers=accusers, mutual=mutual)
        return Answer("unknown", "nothing is reported for the window and the zone", accusers=accusers, mutual=mutual)
    perpetrators: dict[str, int] = {}
    for e, _ in hits:
        who = e.best.incident.perpetrator_claimed or "not stated"
        perpetrators[who] = perpetrators.get(who, 0) + 1
    killed = sum(e.fatalities_low or 0 for e, _ in hits)
    disputed = any(j.verdict == "violation_contested" for _, j in hits)
    if mutual or disputed:
        why = ("each side accuses the other: " + "; ".join(f"{a} and {b}" for a, b in mutual)) if mutual \
            else "who did it is disputed in the reports"
        return Answer("contested", why, len(hits), killed, perpetrators, accusers, mutual)
    return Answer("violations_alleged", f"{len(hits)} event(s) reported inside the window and zone", len(hits),
                  killed, perpetrators, accusers, mutual)
