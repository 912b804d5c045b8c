"""A readable summary of an analysis: the truce, each incident with place, time, verdict and the
quote it rests on, and the claims. What ``trucewatch analyze --format text`` prints."""

from __future__ import annotations

from datetime import datetime

from trucewatch.records import Analysis, Ceasefire, Claim, Incident, Judgement

_VERDICT = {
    "violation_reported": "VIOLATION reported",
    "violation_contested": "VIOLATION alleged, attribution contested",
    "outside_window": "not a violation (outside the window)",
    "outside_zone": "not a violation (outside the zone)",
    "time_uncertain": "UNCERTAIN (time straddles the window)",
    "zone_unknown": "during the window, zone unknown",
}


def _t(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M %z") if value else "?"


def _quote(text: str, width: int = 110) -> str:
    one = " ".join(text.split())
    return f"“{one[: width - 3]}…”" if len(one) > width else f"“{one}”"


def _ceasefire(cf: Ceasefire) -> list[str]:
    who = cf.declared_by or "unknown party"
    people = ", ".join(p for p in (cf.declared_by_person, cf.implemented_by_person and
                                   f"implemented by {cf.implemented_by_person}") if p)
    lines = [f"Ceasefire {cf.id} ({cf.kind}) declared by {who}" + (f" ({people})" if people else "")]
    end = "open-ended" if cf.open_ended else _t(cf.end)
    tz = f"{cf.timezone}, timezone {cf.timezone_basis}" if cf.timezone else "no time given"
    lines.append(f"  window:   {_t(cf.start)} -> {end}  [{tz}]")
    if cf.duration_stated_hours is not None:
        agree = {True: "agrees with the window", False: "DISAGREES with the window",
                 None: "the end is computed from it" if cf.start and cf.end else "window incomplete"
                 }[cf.duration_consistent]
        lines.append(f"  duration: {cf.duration_stated_hours:g} h stated, {agree}")
    lines.append(f"  scope:    {cf.scope or 'not stated'}"
                 + (f" ({cf.scope_country})" if cf.scope_country else "")
                 + (f"; occasion: {cf.occasion}" if cf.occasion else ""))
    for r in cf.responses:
        lines.append(f"  response: {r.party} {r.stance.replace('_', ' ')}" + (f" ({r.by})" if r.by else ""))
    if cf.evidence:
        lines.append(f"  evidence: {_quote(cf.evidence[0].text)}")
    return lines


def _incident(i: Incident, judgements: list[Judgement]) -> list[str]:
    p = i.place
    if p and p.lat is not None and p.lon is not None:
        where = f"{p.name}, {p.admin1 or '?'}, {p.country} ({p.lat:.3f}, {p.lon:.3f}) precision {p.geo_precision}"
    elif p:
        where = f"{p.name} ({p.country}), country level only"
    else:
        where = "place unknown"
    what = i.acled_sub_event_type + (f", {i.weapon}" if i.weapon else "") + (
        f" x{i.strikes}" if i.strikes else "")
    lines = [f"Incident {i.id}: {where}", f"  what:     {what}"]
    if i.time:
        lines.append(f"  when:     {_t(i.time.earliest)} -> {_t(i.time.latest)} ({i.time.basis}"
                     + (f": {_quote(i.time.expression, 60)}" if i.time.expression else "") + ")")
    who = f"  who:      perpetrator claimed: {i.perpetrator_claimed or 'not stated'}"
    if i.perpetrator_claimed_by:
        who += f" (says {i.perpetrator_claimed_by})"
    if i.reported_by:
        who += f"; reported by {i.reported_by}" + (f" ({i.reported_by_person})" if i.reported_by_person else "")
    lines.append(who)
    lines.append(f"  toll:     killed {_range(i.fatalities_low, i.fatalities_high)}, "
                 f"injured {_range(i.injured_low, i.injured_high)}"
                 + (f"; targets: {', '.join(i.targets)}" if i.targets else ""))
    for j in judgements:
        lines.append(f"  verdict:  vs {j.ceasefire}: {j.temporal}, {j.spatial}, attribution "
                     f"{j.attribution} -> {_VERDICT.get(j.verdict, j.verdict)}")
    for e in i.evidence[:3]:
        lines.append(f"  evidence: {_quote(e.text)}")
    return lines


def _range(low: int | None, high: int | None) -> str:
    if low is None:
        return "not reported"
    if high is None:
        return f"at least {low}"
    return str(low) if low == high else f"{low}-{high}"


def _claim(c: Claim) -> str:
    by = f" ({c.by})" if c.by else ""
    target = f" {c.target}" if c.target else ""
    about = f" about {', '.join(c.about)}" if c.about else (f" about {c.about_ceasefire}" if c.about_ceasefire else "")
    return f"  {c.id}: {c.claimant}{by} {c.kind.replace('_', ' ')}{target}{about}"


def render_text(a: Analysis) -> str:
    m = a.article
    head = (f"Article {m.id}" + (f" ({m.source})" if m.source else "") + f" - language {m.language}, "
            f"published {m.published or 'unknown'} ({m.published_basis})")
    lines = [head, ""]
    if a.status == "no_events":
        lines.append("No ceasefire or incident found: the text names no ceasefire declaration and no "
                     "attack, clash or violence at a place.")
    for cf in a.ceasefires:
        lines += _ceasefire(cf) + [""]
    for i in a.incidents:
        lines += _incident(i, [j for j in a.judgements if j.incident == i.id]) + [""]
    if a.claims:
        lines.append("Claims")
        lines += [_claim(c) for c in a.claims] + [""]
    if a.other_incidents:
        lines.append("Mentioned, not news (not judged, not events)")
        lines += [f"  {i.id} {i.context}: {i.place.name if i.place else 'no place'}, {i.acled_sub_event_type}"
                  f" - {_quote(i.evidence[0].text, 80) if i.evidence else ''}" for i in a.other_incidents] + [""]
    lines += [f"warning: {w}" for w in a.warnings]
    return "\n".join(lines).rstrip() + "\n"
