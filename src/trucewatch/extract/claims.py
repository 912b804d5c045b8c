"""Claims and counter-claims, kept apart from what was observed: explicit attributions only.

* ``accuses``: a party says another did something: an accusation ("Ukraine accused Russia of
  shelling ...", "was accused by Ukraine of ...", "held Hamas responsible", "обвинила Украину в",
  "звинуватив Росію у", "اتهمت حماس إسرائيل ب", "حمّل ... المسؤولية"), both sides at once ("accused
  each other", "تبادل الاتهامات"), a violation said ("Hamas violated the truce, Israel said",
  "violations by Hamas", "израильские нарушения"; kind ``accuses_violation``), or an incident whose
  perpetrator a party names ("Les occupants ont frappé la ville", said by a Ukrainian official);
* ``denies``: a party denies an allegation ("Moscow denies targeting civilians", "which it
  denies", "نفى", "опроверг", "заперечує");
* ``asserts_compliance``: a party says it respects the ceasefire (not a call on another to
  respect it, not a negated or conditional one);
* ``rejects_ceasefire`` / ``calls_to_reciprocate`` / ``accepts_ceasefire``: from the ceasefire's
  responses, when the sentence is about a truce or a proposal, and is no denial.

Who says it and whom it names are read by :mod:`trucewatch.extract.attribution` from the
language's constructions (the lexicon's ``claims`` section); a claim whose claimant or target is
not a party in the sentence's grammar is not made. Every claim keeps its sentence as evidence.
Whether the claims about an incident contest who did it is the judge's
(:mod:`trucewatch.judge.attribution`).
"""

from __future__ import annotations

from dataclasses import replace

from trucewatch.budget import check
from trucewatch.extract.anaphora import armed_mentions
from trucewatch.extract.attribution import (
    Who,
    attacker,
    claimant,
    named_after,
    named_before,
    party_of,
    said_by,
    subject_of,
    who_of,
)
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.sources import attributed, condemned, demonym_doer
from trucewatch.nlp.lexicon import Match
from trucewatch.nlp.parties import Mention
from trucewatch.records import Ceasefire, Claim, Incident


def _about(ctx: ArticleContext, s: Sentence, incidents: list[Incident]) -> tuple[str, ...]:
    """The incidents a sentence is about: those at the places it names, else its own."""
    named = [i.id for i in incidents if i.place and i.place.mention
             and ctx.shadow[i.place.mention.start : i.place.mention.end] in ctx.shadow[s.start : s.end]]
    if named:
        return tuple(named)
    return tuple(i.id for i in incidents if any(e.start == s.start for e in i.evidence))


def _slot(ctx: ArticleContext, s: Sentence, hit: Match) -> Mention | None:
    """The party where a phrase's ``{party}`` stands ("held {party} responsible")."""
    if "party" not in hit.groups:
        return None
    lo = hit.start + ctx.shadow[hit.start : hit.end].find(hit.groups["party"])
    inside = [m for m in ctx.mentions_in(lo, lo + len(hit.groups["party"]))]
    return inside[0] if inside else None


def _pair(ctx: ArticleContext, who: Who | None, accused: Mention | None) -> tuple[Who, str] | None:
    if who is None or accused is None:
        return None
    target = party_of(ctx, accused, who[0])
    return (who, target) if target and target != who[0] else None


def _passive(ctx: ArticleContext, s: Sentence) -> tuple[list[tuple[Who, str]], list[Match]]:
    """'Russia was accused by Ukraine of ...': the accuser follows the phrase, the accused is the
    subject."""
    out, hits = [], ctx.find("claims.accuser_after", s) if ctx.lex.optional("claims.accuser_after") else []
    for hit in hits:
        accuser = _slot(ctx, s, hit) or named_after(ctx, s, hit.end, stop=None)
        if accuser is None:
            continue
        accused = subject_of(ctx, s, hit.start, hit.end, exclude=accuser, passive=True)
        pair = _pair(ctx, who_of(ctx, accuser), accused)
        if pair:
            out.append(pair)
    return out, hits


def _accusations(ctx: ArticleContext, s: Sentence) -> list[tuple[Who, str]]:
    """(claimant, accused) of each accusation in the sentence, active or passive."""
    out, passive = _passive(ctx, s)
    verb_first = bool(ctx.lex.section("claims").get("subject_after")) and not ctx.parsed
    for hit in ctx.find("claims.accused_after", s):
        if any(p.start <= hit.start < p.end for p in passive):
            continue
        accused = _slot(ctx, s, hit) or named_after(ctx, s, hit.end)
        if accused is None:
            continue
        who: Who | None = None
        if verb_first and named_before(ctx, s, hit.start) is None:
            second = named_after(ctx, s, accused.end, words=2)
            joined = ctx.lex.optional("casualties.conjunctions")  # "accused Russia and Belarus"
            if second is not None and second.party != accused.party and not (
                    joined and joined.search(ctx.shadow, accused.end, second.start)):
                # "اتهمت حماس إسرائيل بـ", "warf Israel der Hamas vor": the subject comes first
                who = who_of(ctx, accused)
                accused = second if who is not None else accused
        who = who or claimant(ctx, s, hit.start, hit.end, exclude=accused)
        pair = _pair(ctx, who, accused)
        if pair:
            out.append(pair)
    return out


def _nouns(ctx: ArticleContext, s: Sentence) -> list[tuple[Who, str]]:
    """'Ukrainian accusations that the Russians ...': the party right before the noun accuses, the
    one named right after it is accused."""
    out = []
    for hit in ctx.find("claims.accusation_nouns", s) if ctx.lex.optional("claims.accusation_nouns") else []:
        before = [m for m in ctx.mentions_in(max(s.start, hit.start - 40), hit.start) if 0 <= hit.start - m.end <= 1]
        accused = named_after(ctx, s, hit.end, stop=None, exclude=before[0] if before else None)
        pair = _pair(ctx, who_of(ctx, before[0]), accused) if before else None
        if pair:
            out.append(pair)
    return out


def _mutual(ctx: ArticleContext, s: Sentence) -> list[tuple[Who, str]]:
    """'accused each other', 'تبادل الاتهامات': the two sides named, or the article's two sides."""
    if not ctx.lex.optional("claims.mutual") or not ctx.has("claims.mutual", s):
        return []
    named = list(dict.fromkeys(m.party for m in ctx.mentions_in(s.start, s.end) if m.party and not m.person))
    if len(named) != 2:
        # "Both sides accused each other": the article's two sides, if the sentence or the two
        # before name them both (not "the two countries" of another conflict)
        lo = ctx.sentences[max(0, s.index - 2)].start
        near = {m.party for m in ctx.mentions_in(lo, s.end)}
        named = list(ctx.dyad) if len(ctx.dyad) == 2 and set(ctx.dyad) <= near and set(named) <= near else []
    if len(named) != 2:
        return []
    a, b = named
    return [((a, None), b), ((b, None), a)]


def _qualified(ctx: ArticleContext, s: Sentence, hit: Match, section: str, words: int = 6) -> bool:
    """A word of ``section`` (a negation, a condition, a call) stands shortly before the hit."""
    found = ctx.lex.optional(section)
    lo = max(s.start, hit.start - 12 * words)
    return any(len(ctx.shadow[h.end : hit.start].split()) <= words
               for h in found.finditer(ctx.shadow, lo, hit.start)) if found else False


def _negated(ctx: ArticleContext, s: Sentence, hit: Match) -> bool:
    return _qualified(ctx, s, hit, "filters.negation", words=1)


def _noun(ctx: ArticleContext, hit: Match) -> bool:
    toks = ctx.tokens(hit.start, hit.end)
    return not ctx.parsed or bool(toks) and toks[0].pos_ == "NOUN"


def _doer(ctx: ArticleContext, s: Sentence, hit: Match) -> Mention | None:
    """Who is said to have done it: the verb's subject ("Hamas violated", "Russia is guilty of"),
    or a party naming the deed ("Israeli violations", "violations by Hamas", "нарушения со
    стороны Украины", "خروقات الحوثيين")."""
    claims = ctx.lex.section("claims")
    for m in ctx.mentions_in(max(s.start, hit.start - 40), min(s.end, hit.end + 40)):
        if m.person:
            continue
        if 0 <= hit.start - m.end <= 1:
            return m
        gap = ctx.shadow[hit.end : m.start].strip()
        if m.start >= hit.end and (gap in claims.get("violation_by", [])
                                   or (not gap and claims.get("violator_after") and _noun(ctx, hit))):
            return m
    return subject_of(ctx, s, hit.start, hit.end)


def _deeds(ctx: ArticleContext, s: Sentence, section: str) -> list[tuple[Who, str]]:
    """'Hamas violated the truce, Israel said' (``claims.violate``, in a sentence about a truce),
    'Ukraine says Russia is guilty of genocide' (``claims.culpable``): the party the sentence is
    attributed to says the doer did it."""
    out: list[tuple[Who, str]] = []
    if section == "claims.violate" and not ctx.has("ceasefire.terms", s) or not ctx.lex.optional(section):
        return out
    for hit in ctx.find(section, s):
        if _negated(ctx, s, hit) or _qualified(ctx, s, hit, "filters.speculation"):
            continue
        doer = _doer(ctx, s, hit)
        if doer is None:
            continue
        pair = _pair(ctx, attributed(ctx, s, exclude=doer), doer)
        if pair:
            out.append(pair)
    return out


def _attacks(ctx: ArticleContext, s: Sentence) -> list[tuple[Who, str]]:
    """'российские войска обстреляли Херсон, сообщили в ОВА', 'Israeli strikes killed 20, the
    Hamas-run ministry said': the party the sentence is attributed to says who attacked, when
    the grammar ties the attacker to the word of violence (:func:`attacker`)."""
    out: list[tuple[Who, str]] = []
    for hit in ctx.find("events", s):
        if _negated(ctx, s, hit) or any(_qualified(ctx, s, hit, f, words=3)
                                        for f in ("filters.speculation", "claims.call")):
            continue
        doer = attacker(ctx, s, hit.start, hit.end) or demonym_doer(ctx, s, hit)
        pair = _pair(ctx, attributed(ctx, s, exclude=doer), doer) if doer is not None else None
        if pair:
            out.append(pair)
    return out


def _condemnations(ctx: ArticleContext, s: Sentence) -> list[tuple[Who, str]]:
    """'Kyiv condemned Russia's strikes', 'Moskau verurteilte die ukrainischen Angriffe': the
    subject of a verb of condemnation (``claims.condemn``) accuses the party it names
    (:func:`trucewatch.extract.sources.condemned`)."""
    out: list[tuple[Who, str]] = []
    for hit in ctx.find("claims.condemn", s) if ctx.lex.optional("claims.condemn") else []:
        if _negated(ctx, s, hit):
            continue
        who = claimant(ctx, s, hit.start, hit.end)
        pair = _pair(ctx, who, condemned(ctx, s, hit, who)) if who is not None else None
        if pair:
            out.append(pair)
    return out


def _about_a_charge(ctx: ArticleContext, s: Sentence) -> bool:
    """The sentence, or the one before, is about an accusation, a violation, a truce or violence:
    what a bare denying verb there denies ("Hamas denied this.")."""
    return any(ctx.has(section, x) for x in ctx.sentences[max(0, s.index - 1) : s.index + 1]
               for section in ("claims.accuse", "claims.violate", "ceasefire.terms", "events"))


def _denies_a_charge(ctx: ArticleContext, s: Sentence, hit: Match) -> bool:
    """What the verb denies is named right after it ("denied the allegations"), or right before
    it where the verb closes its clause ("hat die Vorwürfe bestritten")."""
    denied = ctx.lex.optional("claims.denied")
    if not denied:
        return False
    after = denied.search(ctx.shadow, hit.end, min(s.end, hit.end + 40))
    if after is not None and len(ctx.shadow[hit.end : after.start].split()) <= 2:
        return True
    before = denied.finditer(ctx.shadow, max(s.start, hit.start - 40), hit.start)
    return bool(ctx.lex.section("claims").get("verb_final")) and any(
        len(ctx.shadow[h.end : hit.start].split()) <= 1 for h in before)


def _denies(ctx: ArticleContext, s: Sentence, about: tuple[str, ...]) -> list[Who]:
    """'Moscow denies targeting civilians', 'Hamas denied this', '..., which it denies', 'rejected
    the allegations': the denier is the verb's subject. A bare denying verb (``claims.deny_strict``)
    counts when it denies an allegation or a deed (``claims.denied``, right after it), or when the
    sentence reports an incident or follows a charge."""
    out = []
    whole = ctx.find("claims.denial", s) if ctx.lex.optional("claims.denial") else []
    for hit in [*whole, *ctx.find("claims.deny_strict", s)]:
        if not (hit in whole or about or _about_a_charge(ctx, s) or _denies_a_charge(ctx, s, hit)):
            continue
        who = claimant(ctx, s, hit.start, hit.end)
        if who is not None and not _only_reported(ctx, s, who):
            out.append(who)
    return out


def _only_reported(ctx: ArticleContext, s: Sentence, who: Who) -> bool:
    """Without a parse, the party is named only inside what someone says ("ونفى فوزي أن يكون ولد
    الشيخ ناقش ...": the envoy is what Fawzi denies, not the denier): each of its mentions
    follows a complementizer (``speech.complementizers``) of the sentence."""
    that = ctx.lex.phrases("speech.complementizers")
    if ctx.parsed or not that:
        return False
    first = next((h.start for h in that.finditer(ctx.shadow, s.start, s.end)), None)
    own = [m for m in ctx.mentions_in(s.start, s.end) if m.party == who[0]]
    return first is not None and bool(own) and all(m.start > first for m in own)


def _complies(ctx: ArticleContext, s: Sentence) -> list[Who]:
    """'Hamas insisted it was committed to the ceasefire': the speaker says it respects the truce
    itself, not that another should ("called on Hamas to respect", ``claims.call``), not negated or
    conditional, and no other party is the one complying."""
    out = []
    for hit in ctx.find("claims.comply", s):
        if _negated(ctx, s, hit) or any(_qualified(ctx, s, hit, f) for f in ("claims.call", "filters.speculation")):
            continue
        who = attributed(ctx, s)
        doer = subject_of(ctx, s, hit.start, hit.end)
        if who is not None and (doer is None or doer.party == who[0]) and not _only_reported(ctx, s, who):
            out.append(who)
    return out


def _names_nearby(ctx: ArticleContext, s: Sentence, hit: Match, sections: tuple[str, ...],
                  words: int = 4) -> bool:
    """A phrase of ``sections`` (a truce, a proposal) within a few words after the verb, or before
    it where the verb closes its clause ("hat eine Waffenruhe gefordert"): there anywhere in the
    clause, the object of a verb that ends it ("hat eine Waffenruhe im Gegenzug für einen Abzug
    aus den Gebieten angeboten, ...")."""
    verb_final = bool(ctx.lex.section("claims").get("verb_final"))
    rest = ctx.shadow[hit.end : s.end].lstrip()
    closing = _VSO_WORDS if verb_final and (not rest or rest[0] in ',.;:!?"') else words
    # verb first (Arabic): the caller and whom it calls on stand between the verb and the truce
    # ("دعا الرئيس اليمني، عبدربه منصور هادي، الميليشيات باحترام الهدنة"), so further, with no
    # other verb of saying between
    reach = _VSO_WORDS if ctx.lex.section("speech").get("verb_first") else words
    speech = ctx.lex.phrases("speech.verbs")
    for section in sections:
        for h in ctx.find(section, s) if ctx.lex.optional(section) else []:
            if hit.start < h.start and h.end <= hit.end or h.start >= hit.end and _complement_of(ctx, hit, h):
                return True  # inside a verb's frame ("wies den Vorschlag einer Waffenruhe zurück")
            gaps = [(hit.end, h.start, reach, ".;:!?")] if h.start >= hit.end else []
            # before a closing verb, the clause ends at a comma
            gaps += [(h.end, hit.start, closing, ".;:!?,")] if verb_final and h.end <= hit.start else []
            for a, b, most, breaks in gaps:
                gap = ctx.shadow[a:b]
                n = len(gap.split())
                far_ok = n <= most and speech.search(ctx.shadow, a, b) is None and not any(c in gap for c in breaks)
                if (n <= words or far_ok) and not any(c in gap for c in ".;:!?"):
                    return True
    return False


#: how far after a verb of calling, in a verb-first language, the truce may be named
_VSO_WORDS = 14
#: the links of a noun's own complements ("son refus des demandes ... d'un cessez-le-feu")
_NOMINAL_DEPS = {"nmod", "pobj", "prep", "compound"}


def _complement_of(ctx: ArticleContext, hit: Match, h: Match) -> bool:
    """Parsed: the truce is the stance noun's own complement, through at most three nouns
    ("a réitéré son refus des demandes de dirigeants américains d'un cessez-le-feu", "its
    rejection of the US ceasefire proposal"), however many words that takes."""
    if not ctx.parsed:
        return False
    heads = [t for t in ctx.tokens(hit.start, hit.end) if t.pos_ == "NOUN"]
    toks = ctx.tokens(h.start, h.end)
    if not heads or not toks:
        return False
    t = toks[0]
    for _ in range(4):
        if t.i == heads[0].i:
            return True
        if t.dep_ not in _NOMINAL_DEPS or t.head.i == t.i:
            return False
        t = t.head
    return False


def _stances(ctx: ArticleContext, s: Sentence) -> list[tuple[str, Who]]:
    """'Ukraine called for a 30-day ceasefire', 'Россия поддержала договоренность', 'رحبت ...
    بالهدنة', 'يرفض وقف إطلاق النار': a party calls for a truce (``claims.calls_for``, the truce
    named right after), or accepts or rejects one, a proposal or an agreement (``claims.accepts``,
    ``claims.rejects``); not negated or conditional, no call or acceptance itself rejected
    ("rejected calls for a truce")."""
    out = []
    for kind, section, objects in (("calls_for_ceasefire", "claims.calls_for", ("ceasefire.terms",)),
                                   ("accepts_ceasefire", "claims.accepts", ("ceasefire.terms", "claims.proposal")),
                                   ("rejects_ceasefire", "claims.rejects", ("ceasefire.terms", "claims.proposal"))):
        for hit in ctx.find(section, s) if ctx.lex.optional(section) else []:
            rejected = kind != "rejects_ceasefire" and _qualified(ctx, s, hit, "claims.reject", words=3)
            if rejected or _negated(ctx, s, hit) or _qualified(ctx, s, hit, "filters.speculation", words=3):
                continue
            if not _names_nearby(ctx, s, hit, objects) or kind == "rejects_ceasefire" and (
                    _a_charge_inside(ctx, hit) or _denies_a_charge(ctx, s, hit)):
                continue  # "отверг обвинения в нарушении перемирия": a denial, no truce rejected
            who = claimant(ctx, s, hit.start, hit.end)
            if who is not None and _only_reported(ctx, s, who):
                continue
            if who is not None and (not _quoted(ctx, s, hit.start) or said_by(ctx, s) == who):
                out.append((kind, who))
    return out


def _a_charge_inside(ctx: ArticleContext, hit: Match) -> bool:
    """'wies die Vorwürfe eines Bruchs der Waffenruhe zurück': what the frame rejects is an
    allegation (``claims.denied``), a denial and no rejected truce."""
    denied = ctx.lex.optional("claims.denied")
    return bool(denied) and denied.search(ctx.shadow, hit.start + 1, hit.end) is not None


def _quoted(ctx: ArticleContext, s: Sentence, at: int) -> bool:
    """Inside a quotation: '"Zelensky will hardly accept the truce," Volodin said' is Volodin's
    guess, not Kyiv's acceptance."""
    return ctx.shadow[s.start : at].count('"') % 2 == 1


def _of_a_stance(ctx: ArticleContext, s: Sentence) -> bool:
    """'Putin accused Ukraine of inconsistency in the talks', 'accused Kyiv of refusing to let its
    troops surrender': a charge about talks or a refusal (``filters.venue``, ``claims.reject``), in a
    sentence that names no deed (violence, a violation, guilt for one, a truce), is about a stance,
    not about what happened: no claim on an incident."""
    deed = any(ctx.lex.optional(section) and ctx.has(section, s)
               for section in ("events", "claims.violate", "claims.culpable", "ceasefire.terms"))
    return not deed and (ctx.has("filters.venue", s) or ctx.has("claims.reject", s))


def _sentence_claims(ctx: ArticleContext, s: Sentence, incidents: list[Incident],
                     cf: Ceasefire | None) -> list[Claim]:
    ev = (ctx.sentence_span(s),)
    about = _about(ctx, s, incidents)
    # "Moscow accused Kyiv of being behind the shelling": violence the sentence names and places
    # nowhere is the article's
    charged = about or (tuple(i.id for i in incidents) if ctx.has("events", s) else ())
    cf_id = cf.id if cf is not None and ctx.has("ceasefire.terms", s) else None
    charges = [] if _of_a_stance(ctx, s) else _accusations(ctx, s) + _nouns(ctx, s) + _mutual(ctx, s)
    out = [Claim("", who[0], who[1], "accuses", target, charged, cf_id, ev)
           for who, target in charges
           + _deeds(ctx, s, "claims.culpable") + _attacks(ctx, s) + _condemnations(ctx, s)]
    said = {(c.claimant, c.target) for c in out}  # "accused Russia of violating the truce": one claim
    out += [Claim("", who[0], who[1], "accuses_violation", target, charged, cf_id, ev)
            for who, target in _deeds(ctx, s, "claims.violate") if (who[0], target) not in said]
    out += [Claim("", who[0], who[1], "denies", None, about, None, ev) for who in _denies(ctx, s, about)]
    if ctx.has("ceasefire.terms", s):  # "the army strictly observes the ceasefire", one declared here or not
        out += [Claim("", who[0], who[1], "asserts_compliance", None, (), cf_id, ev) for who in _complies(ctx, s)]
    out += [Claim("", who[0], who[1], kind, None, (), cf_id, ev) for kind, who in _stances(ctx, s)]
    return out


def _incident_claims(ctx: ArticleContext, incidents: list[Incident]) -> list[Claim]:
    """'Two people were killed by Russian shelling, the governor said': the party a sentence that
    names the incident's perpetrator is attributed to claims who did it (the reporter's own
    narration claims nothing)."""
    out = []
    for i in incidents:
        if not i.perpetrator_claimed:
            continue
        for e in i.evidence:
            s = ctx.sentence_at(e.start)
            doers = [m for m in ctx.mentions_in(e.start, e.end)
                     if m.opponent or m.party == i.perpetrator_claimed] if s is not None else []
            who = attributed(ctx, s, exclude=doers[0]) if s is not None and doers else None
            # an ally narrating a deed done with the perpetrator ("the resistance and the army
            # fought the rebels") accuses no one
            if who is not None and who[0] != i.perpetrator_claimed \
                    and not ctx.parties.allied(who[0], i.perpetrator_claimed):
                out.append(Claim("", who[0], who[1], "accuses", i.perpetrator_claimed, (i.id,), None, (e,)))
                break
    return out


def _response_claims(ctx: ArticleContext, cfs: list[Ceasefire]) -> list[Claim]:
    """The ceasefire's responses, each from a sentence about a truce or a proposal (``claims.
    proposal``) that is not the denial of an allegation ("rejects the Israeli allegations")."""
    kinds = {"rejected": "rejects_ceasefire", "called_to_reciprocate": "calls_to_reciprocate",
             "accepted": "accepts_ceasefire"}
    out = []
    for cf in cfs:
        for r in cf.responses:
            s = ctx.sentence_at(r.evidence[0].start) if r.evidence else None
            if r.stance not in kinds or s is None:
                continue
            if r.stance == "rejected" and (
                    not (ctx.has("ceasefire.terms", s) or ctx.has("claims.proposal", s))
                    or (ctx.lex.optional("claims.denial") and ctx.has("claims.denial", s))):
                continue
            out.append(Claim("", r.party, r.by, kinds[r.stance], None, (), cf.id, r.evidence))
    return out


def _answered(ctx: ArticleContext, claims: list[Claim], incidents: list[Incident]) -> list[Claim]:
    """A denial about no incident of its own answers the accusations of the two sentences before
    ("Hezbollah accused Israel of shelling Khiam. The army denied the accusations."); one that
    names violence ("denies the shelling", "any involvement in the attack") is about the
    article's incidents."""
    out = []
    for c in claims:
        if c.kind == "denies" and not c.about and c.evidence:
            at = c.evidence[0].start
            before = [a for a in claims if a.kind == "accuses" and a.about and a.evidence
                      and 0 < at - a.evidence[0].start and _sentences_between(ctx, a.evidence[0].start, at) <= 2]
            about = tuple(dict.fromkeys(i for a in before for i in a.about))
            s = ctx.sentence_at(at)
            if not about and s is not None and ctx.has("events", s):
                about = tuple(i.id for i in incidents)
            c = replace(c, about=about)
        out.append(c)
    return out


def _sentences_between(ctx: ArticleContext, a: int, b: int) -> int:
    x, y = ctx.sentence_at(a), ctx.sentence_at(b)
    return y.index - x.index if x is not None and y is not None else 99


def _with_organisations(ctx: ArticleContext) -> ArticleContext:
    """The article as claims read it: the organisations that speak without fighting (the UN, the
    OSCE, NATO) are speakers too, and so are the bare words for a side's forces whose party the
    article settled before, where they speak ("die ukrainische Luftwaffe ... teilte die Luftwaffe
    mit", :func:`trucewatch.extract.anaphora.armed_mentions`; not "its forces had shot down", a
    deed the speaker tells); nothing else changes."""
    orgs = ctx.parties.organisations(ctx.shadow, ctx.mentions)
    armed = [m for s in ctx.sentences for m in armed_mentions(ctx, s) if _speaks(ctx, s, m)]
    if not orgs and not armed:
        return ctx
    return replace(ctx, mentions=sorted([*ctx.mentions, *orgs, *armed], key=lambda m: m.start), memo={})


def _speaks(ctx: ArticleContext, s: Sentence, m: Mention) -> bool:
    """A verb of saying stands within two words of the mention, in the same clause."""
    for h in ctx.find("speech.verbs", s):
        gap = ctx.shadow[h.end : m.start] if h.end <= m.start else ctx.shadow[m.end : h.start]
        if (h.end <= m.start or m.end <= h.start) and len(gap.split()) <= 2 and not any(c in gap for c in ".;:!?,\""):
            return True
    return False


def extract_claims(ctx: ArticleContext, incidents: list[Incident],
                   ceasefires: list[Ceasefire]) -> list[Claim]:
    ctx = _with_organisations(ctx)
    cf = ceasefires[0] if ceasefires else None
    claims: list[Claim] = []
    for s in ctx.sentences:
        check()
        claims += _sentence_claims(ctx, s, incidents, cf)
    claims = _answered(ctx, claims + _incident_claims(ctx, incidents), incidents)
    claims += _response_claims(ctx, ceasefires)
    unique: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    for c in claims:
        key = (c.claimant, c.kind, c.target, c.about, c.about_ceasefire)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return [replace(c, id=f"c{n + 1}") for n, c in enumerate(unique)]


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
