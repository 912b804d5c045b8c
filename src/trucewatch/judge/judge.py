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

from trucewatch.extract.claims import attribution
from trucewatch.records import Ceasefire, Claim, Incident, Judgement, Spatial
from trucewatch.temporal.intervals import relation

_LINE_SCOPES = {"entire line of contact", "entire front line", "line of contact", "front line",
                "nationwide"}


def spatial(incident: Incident, cf: Ceasefire) -> Spatial:
    place = incident.place
    if place is None or place.country is None:
        return "unknown"
    if cf.scope_country is None:
        return "unknown"
    if place.country != cf.scope_country:
        return "outside"
    if cf.scope is None or cf.scope in _LINE_SCOPES:
        return "inside"
    scope = cf.scope.lower()
    names = {place.name.lower(), (place.admin1 or "").lower()}
    return "inside" if any(n and (n in scope or scope in n) for n in names) else "unknown"


def judge_one(incident: Incident, cf: Ceasefire, claims: list[Claim]) -> Judgement:
    end = cf.ended_early or cf.end
    temporal = relation(incident.time, cf.start, end) if incident.time else "uncertain"
    where = spatial(incident, cf)
    who = attribution(incident, claims)
    if temporal in ("before", "after"):
        verdict, reason = "outside_window", f"the incident is {temporal} the window"
    elif where == "outside":
        verdict, reason = "outside_zone", "the incident is outside the ceasefire's zone"
    elif temporal == "uncertain":
        verdict, reason = "time_uncertain", "the incident's time straddles a window boundary or is unknown"
    elif where == "unknown":
        verdict, reason = "zone_unknown", "during the window; the zone or the place is unknown"
    elif who == "contested":
        verdict, reason = "violation_contested", "during the window, inside the zone; attribution disputed"
    else:
        verdict, reason = "violation_reported", "during the window, inside the zone"
    return Judgement(cf.id, incident.id, temporal, where, who, verdict, reason)


def judge_all(incidents: list[Incident], ceasefires: list[Ceasefire], claims: list[Claim]) -> list[Judgement]:
    return [judge_one(i, cf, claims) for cf in ceasefires for i in incidents]
