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

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

from trucewatch.records import Judgement
from trucewatch.stored import Event, Registered, StoredClaim

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


def _covered(reg: Registered, events: list[Event]) -> bool:
    cf = reg.ceasefire
    if cf.start is None:
        return False
    first, last = cf.start - COVERAGE, (reg.judged_end or cf.start) + COVERAGE
    zone = cf.zone_countries
    # a truce of unknown zone: events anywhere say nothing of it, only its own later articles do
    near = bool(zone) and any(e.time and e.time.latest > first and e.time.earliest < last
                              and e.place is not None and e.place.country in zone for e in events)
    after = any(d.published and d.published >= cf.start.date() for d in reg.declarations)
    return near or after


def _mutual(claims: list[StoredClaim], declarer: str | None) -> tuple[tuple[str, str], ...]:
    """Pairs of parties accusing each other; with a known declarer, only pairs that include it."""
    said = {(c.claim.claimant, c.claim.target) for c in claims
            if c.claim.kind in _ACCUSING and c.claim.claimant and c.claim.target}
    pairs = sorted((a, b) for a, b in said if (b, a) in said and a < b)
    return tuple(p for p in pairs if declarer is None or declarer in p)


def answer(reg: Registered, events: list[Event], judged: list[tuple[Event, Judgement]],
           claims: list[StoredClaim]) -> Answer:
    """The verdict on one truce: ``judged`` its events with their judgements against it,
    ``events`` every stored event (for coverage), ``claims`` those of the articles on it."""
    hits = _violations(judged)
    accusers: dict[str, int] = {}
    for c in claims:
        if c.claim.kind in _ACCUSING and c.claim.claimant:
            accusers[c.claim.claimant] = accusers.get(c.claim.claimant, 0) + 1
    mutual = _mutual(claims, reg.ceasefire.declared_by)
    if not hits:
        if _covered(reg, events):
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
