"""Judge every incident against every ceasefire: when (before / during / after / uncertain),
where (inside / outside / unknown) and who (attribution uncontested / contested / unknown).

Verdicts, in order of precedence:

``outside_window``      the incident's interval lies wholly before or after the window
``outside_zone``        it lies outside the ceasefire's zone
``time_uncertain``      its interval straddles a boundary of the window
``zone_unknown``        during the window, but the zone or the place is unknown
``violation_contested`` during, inside, and the parties disagree about who did it
``violation_reported``  during, inside, attribution not disputed in the text
"""

from __future__ import annotations

from datetime import datetime

from trucewatch.budget import check
from trucewatch.geo.zones import contains
from trucewatch.judge.attribution import attribution
from trucewatch.records import Attribution, Ceasefire, Claim, Incident, Judgement, Place, Spatial, TimeInterval
from trucewatch.stored import Zone
from trucewatch.temporal.intervals import relation

_LINE_SCOPES = {"entire line of contact", "entire front line", "line of contact", "front line",
                "nationwide"}


def in_scope(country: str | None, names: set[str], scope: str | None, scope_country: str | None) -> Spatial:
    """Where a place (its country and names) lies against a ceasefire's scope."""
    if country is None or scope_country is None:
        return "unknown"
    if country != scope_country:
        return "outside"
    if scope is None or scope in _LINE_SCOPES:
        return "inside"
    s = scope.lower()
    return "inside" if any(n and (n.lower() in s or s in n.lower()) for n in names) else "unknown"


def spatial(place: Place | None, cf: Ceasefire) -> Spatial:
    """Where a place lies against a ceasefire: against its zone's territory when it has one
    (``data/truces.toml``: the Gaza Strip, not the West Bank), else against its scope."""
    if place is None:
        return "unknown"
    if cf.zone_territory:
        where = contains(cf.zone_territory, place.country, place.admin1)
        if where != "inside" or cf.scope is None or cf.scope in _LINE_SCOPES:
            return where
    return in_scope(place.country, {place.name, place.admin1 or ""}, cf.scope, cf.scope_country)


def verdict_of(temporal: str, where: str, who: str) -> tuple[str, str]:
    """(verdict, reason), in the order of precedence of the module docstring."""
    if temporal in ("before", "after"):
        return "outside_window", f"the incident is {temporal} the window"
    if where == "outside":
        return "outside_zone", "the incident is outside the ceasefire's zone"
    if temporal == "uncertain":
        return "time_uncertain", "the incident's time straddles a window boundary or is unknown"
    if where == "unknown":
        return "zone_unknown", "during the window; the zone or the place is unknown"
    if who == "contested":
        return "violation_contested", "during the window, inside the zone; attribution disputed"
    return "violation_reported", "during the window, inside the zone"


def judge(cf: Ceasefire, subject: str, time: TimeInterval | None, place: Place | None, who: Attribution,
          zone: Zone | None = None, until: datetime | None = None) -> Judgement:
    """The one judge: something that happened (``subject``: an incident's or an event's id) at
    ``time`` and ``place``, against one ceasefire; ``zone``: a user-drawn zone, which replaces
    the test of the ceasefire's country and scope; ``until``: where an open-ended truce stops
    being judged."""
    end = cf.ended_early or cf.end or until
    temporal = relation(time, cf.start, end, cf.start_latest) if time else "uncertain"
    where = zone.contains(place) if zone is not None else spatial(place, cf)
    verdict, reason = verdict_of(temporal, where, who)
    return Judgement(cf.id, subject, temporal, where, who, verdict, reason)


def judge_one(incident: Incident, cf: Ceasefire, claims: list[Claim]) -> Judgement:
    return judge(cf, incident.id, incident.time, incident.place, attribution(incident, claims))


def judge_all(incidents: list[Incident], ceasefires: list[Ceasefire], claims: list[Claim]) -> list[Judgement]:
    out = []
    for cf in ceasefires:
        check()  # each truce judges every incident: the article's time budget holds here too
        out += [judge_one(i, cf, claims) for i in incidents]
    return out
