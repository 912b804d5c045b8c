"""Claims and counter-claims, kept apart from what was observed.

* ``accuses``: an incident's perpetrator as a party claims it ("Les occupants ont frappé la ville",
  said by a Ukrainian official), or an accusation sentence ("Moscou a accusé l'Ukraine d'être à
  l'origine des bombardements") about the article's incidents (or those at the places it names);
* ``denies``: a party denies responsibility;
* ``asserts_compliance``: a party says it respects the ceasefire;
* ``rejects_ceasefire`` / ``calls_to_reciprocate``: from the ceasefire's responses.

Whether the claims about an incident contest who did it is the judge's
(:mod:`trucewatch.judge.attribution`).
"""

from __future__ import annotations

from dataclasses import replace

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.speakers import speaker_party
from trucewatch.records import Ceasefire, Claim, Incident


def _other_party(ctx: ArticleContext, s: Sentence, claimant: str) -> str | None:
    for m in ctx.mentions_in(s.start, s.end):
        party = ctx.parties.opponent_of(claimant, ctx.dyad) if m.opponent else m.party
        if party and party != claimant:
            return party
    return None


def _about(ctx: ArticleContext, s: Sentence, incidents: list[Incident]) -> tuple[str, ...]:
    named = [i.id for i in incidents if i.place and i.place.mention
             and i.place.name.lower() in ctx.shadow[s.start : s.end]]
    if named:
        return tuple(named)
    own = [i.id for i in incidents if any(e.start == s.start for e in i.evidence)]
    return tuple(own) if own else tuple(i.id for i in incidents)


def _sentence_claims(ctx: ArticleContext, s: Sentence, incidents: list[Incident],
                     cf: Ceasefire | None) -> list[Claim]:
    out: list[Claim] = []
    if not (ctx.has("speech.verbs", s) or ctx.has("claims.deny_strict", s)):
        return out  # the reporter's own narration is not a party's claim
    claimant, person = speaker_party(ctx, s)
    if claimant is None:
        return out
    ev = (ctx.sentence_span(s),)
    accuse = ctx.has("claims.accuse", s)
    if accuse and incidents:
        target = _other_party(ctx, s, claimant)
        if target:
            out.append(Claim("", claimant, person, "accuses", target, _about(ctx, s, incidents), None, ev))
    if ctx.has("claims.deny_strict", s) and incidents:
        out.append(Claim("", claimant, person, "denies", None, _about(ctx, s, incidents), None, ev))
    if cf is not None and ctx.has("claims.comply", s) and ctx.has("ceasefire.terms", s):
        out.append(Claim("", claimant, person, "asserts_compliance", None, (), cf.id, ev))
    if cf is not None and ctx.has("claims.violate", s) and ctx.has("ceasefire.terms", s):
        target = _other_party(ctx, s, claimant) if not accuse else None
        if target and target != claimant:
            out.append(Claim("", claimant, person, "accuses_violation", target, (), cf.id, ev))
    return out


def _incident_claims(incidents: list[Incident]) -> list[Claim]:
    out = []
    for i in incidents:
        if i.perpetrator_claimed and i.perpetrator_claimed_by and \
                i.perpetrator_claimed != i.perpetrator_claimed_by:
            out.append(Claim("", i.perpetrator_claimed_by, i.reported_by_person, "accuses",
                             i.perpetrator_claimed, (i.id,), None, i.evidence[:1]))
    return out


def _response_claims(cfs: list[Ceasefire]) -> list[Claim]:
    kinds = {"rejected": "rejects_ceasefire", "called_to_reciprocate": "calls_to_reciprocate",
             "accepted": "accepts_ceasefire"}
    return [Claim("", r.party, r.by, kinds[r.stance], None, (), cf.id, r.evidence)
            for cf in cfs for r in cf.responses if r.stance in kinds]


def extract_claims(ctx: ArticleContext, incidents: list[Incident],
                   ceasefires: list[Ceasefire]) -> list[Claim]:
    cf = ceasefires[0] if ceasefires else None
    claims = _incident_claims(incidents)
    for s in ctx.sentences:
        claims += _sentence_claims(ctx, s, incidents, cf)
    claims += _response_claims(ceasefires)
    unique: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    for c in claims:
        key = (c.claimant, c.kind, c.target, c.about, c.about_ceasefire)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return [Claim(f"c{n + 1}", c.claimant, c.by, c.kind, c.target, c.about, c.about_ceasefire,
                  c.evidence) for n, c in enumerate(unique)]


def claimed_perpetrators(incidents: list[Incident], claims: list[Claim]) -> list[Incident]:
    """An accusation aimed at one incident (made in its own sentence, or naming its place) says
    who did it: fill ``perpetrator_claimed`` where the report itself named no one."""
    out = []
    for inc in incidents:
        if inc.perpetrator_claimed is None:
            for c in claims:
                if c.kind == "accuses" and c.target and inc.id in c.about and _aimed_at(c, inc):
                    inc = replace(inc, perpetrator_claimed=c.target, perpetrator_claimed_by=c.claimant)
                    break
        out.append(inc)
    return out


def _aimed_at(claim: Claim, inc: Incident) -> bool:
    spans = {(e.start, e.end) for e in inc.evidence}
    if any((e.start, e.end) in spans for e in claim.evidence):
        return True
    name = inc.place.mention.text.lower() if inc.place and inc.place.mention else None
    return bool(name) and any(name in e.text.lower() for e in claim.evidence)  # type: ignore[operator]
