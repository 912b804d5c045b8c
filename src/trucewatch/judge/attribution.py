"""Attribution: whether the claims about an incident agree on who did it.

An incident's attribution is ``contested`` when the claims about it accuse different parties, or
when the accused denies it (or says it keeps the truce); ``uncontested`` when claims exist and
agree; ``unknown`` when no claim is about it.
"""

from __future__ import annotations

from trucewatch.records import Attribution, Claim, Incident


def attribution(incident: Incident, claims: list[Claim]) -> Attribution:
    about = [c for c in claims if incident.id in c.about]
    if not about:
        return "unknown"
    accused = {c.target for c in about if c.kind == "accuses" and c.target}
    deniers = {c.claimant for c in about if c.kind == "denies"}
    # a party accused of an incident that says it is keeping the truce disputes the accusation
    deniers |= {c.claimant for c in claims if c.kind == "asserts_compliance" and c.claimant in accused}
    sides = {incident.reported_by, incident.perpetrator_claimed_by} - {None}
    if len(accused) > 1 or accused & sides or deniers & (accused | {incident.perpetrator_claimed}):
        return "contested"
    return "uncontested"
