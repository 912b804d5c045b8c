"""Who a ceasefire binds, who brokered it, and where it holds.

* **Mediators**: the parties or brokers (``data/truces.toml``) named right after a mediation
  word ("brokered by Qatar, Egypt and the US", "à la médiation de", "при посредничестве",
  "بوساطة": ``ceasefire.mediation``) or right before one ("the US-brokered truce", "Egypt and
  Qatar, the mediators": ``ceasefire.mediation_before``).
* **Parties**: a unilateral truce ("unilateral", ``ceasefire.unilateral``, or, with no word of
  agreement, a declarer that is its agent or owner or the only party its sentences name) binds
  its declarer; an agreement binds both
  sides: the sides of the conflict (``parties.toml`` [conflict]) its sentences name, completed
  with the conflict's other side; with no known conflict, the parties its sentences name. A
  truce tied to a named agreement ("l'accord de Doha") binds the sides another sentence names
  that agreement between; one in a zone whose own war was fought then (Donbas before 2022,
  ``parties.toml`` ``truces_bind``) binds that war's sides. Mediators are never parties.
* **Zone**: a zone its sentences name (``data/truces.toml``: "Gaza", "Line of Control") that lies
  in the parties' theatre; else the zone of the parties' conflict; else none (the judge falls back
  on the country of its scope).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.speakers import speaker_party
from trucewatch.geo.zones import ZoneDef, book
from trucewatch.nlp.lexicon import Lexicon
from trucewatch.nlp.parties import Mention

#: how far after a mediation word its mediators are named, and before one, in characters
_AFTER, _BEFORE = 90, 50


@dataclass(frozen=True)
class Sides:
    parties: tuple[str, ...]
    mediators: tuple[str, ...]
    zone: ZoneDef | None
    unilateral: bool


def _named(ctx: ArticleContext, lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset, name) of the parties and brokers named between lo and hi."""
    found = [(m.start, m.party) for m in ctx.mentions_in(lo, hi) if m.party]
    taken = [(m.start, m.end) for m in ctx.mentions_in(lo, hi)]
    for b in book().brokers.finditer(ctx.shadow, lo, hi):
        if not any(a <= b.start < z for a, z in taken):
            found.append((b.start, str(book().brokers.value(b))))
    return sorted(found)


@cache
def locative_gap(lex: Lexicon) -> re.Pattern[str]:
    """Between a ceasefire word and the place it is for: "local à", "humanitarian pause in the city
    of", "في" (``ceasefire.scope_modifiers``, ``ceasefire.scope_prepositions``, ``filters.articles``,
    ``filters.place_nouns`` and ``filters.of``)."""
    alt = lex.alternation
    return re.compile(
        rf"^\s*(?:(?:{alt('ceasefire.scope_modifiers')})\s+)?(?:{alt('ceasefire.scope_prepositions')})"
        rf"(?:\s+(?:{alt('filters.articles')}))?\s*(?:(?:{alt('filters.place_nouns')})\s+(?:{alt('filters.of')})\s+)?$"
    )


def names_truce_place(ctx: ArticleContext, m: Mention) -> bool:
    """'a four-day halt in fighting in Ukraine', 'a truce in Gaza': a party named as the place a
    ceasefire word is for (only a locative between them) is where it holds, not one of its sides."""
    terms = ctx.lex.phrases("ceasefire.terms").finditer(ctx.shadow, max(0, m.start - 60), m.start)
    return any(0 <= m.start - t.end <= 30 and locative_gap(ctx.lex).match(ctx.shadow[t.end : m.start])
               for t in terms)


def mediators(ctx: ArticleContext, sentences: list[Sentence]) -> tuple[str, ...]:
    out: list[str] = []
    for s in sentences:
        for cue in ctx.find("ceasefire.mediation", s):
            out += [n for _, n in _named(ctx, cue.end, min(s.end, cue.end + _AFTER))]
        for cue in ctx.find("ceasefire.mediation_before", s):
            out += [n for _, n in _named(ctx, max(s.start, cue.start - _BEFORE), cue.start + 1)]
    return tuple(dict.fromkeys(out))


def proposers(ctx: ArticleContext, sentences: list[Sentence]) -> tuple[str, ...]:
    """'UN Secretary-General Antonio Guterres is calling for a four-day halt', 'Egypt announced a
    truce': a broker (``data/truces.toml``, not a party the text names) right before a declaring
    verb, the truce its object, brokers the truce it declares or proposes for others."""
    out: list[str] = []
    for s in sentences:
        taken = [(m.start, m.end) for m in ctx.mentions_in(s.start, s.end)]
        terms = ctx.find("ceasefire.terms", s)
        # the verb's object is the truce ("calling for a four-day halt"), not talks it announces
        for verb in (v for v in ctx.find("ceasefire.declare", s) if any(0 <= t.start - v.end <= 40 for t in terms)):
            for b in book().brokers.finditer(ctx.shadow, max(s.start, verb.start - _BEFORE), verb.start):
                if not any(a <= b.start < z for a, z in taken):
                    out.append(str(book().brokers.value(b)))
    return tuple(dict.fromkeys(out))


def announcers(ctx: ArticleContext, sentences: list[Sentence]) -> tuple[str, ...]:
    """'« … propose un cessez-le-feu à partir de lundi », a annoncé le président égyptien': a state
    among the brokers (``data/truces.toml``) whose words declare a truce brokers it (kept only
    when it is none of the sides it binds)."""
    # the truce is what its verb declares ("propose un cessez-le-feu"), not the talks it announces
    declaring = [s for s in sentences if any(0 <= t.start - v.end <= 40 for v in ctx.find("ceasefire.declare", s)
                                             for t in ctx.find("ceasefire.terms", s))]
    if not declaring:
        return ()
    orgs = ctx.parties.organisations(ctx.shadow, ctx.mentions)
    speaking = replace(ctx, mentions=sorted([*ctx.mentions, *orgs], key=lambda m: m.start), memo={})
    found = (speaker_party(speaking, s)[0] for s in declaring)
    # a state: an organisation's call for a truce (the UN's) is a call, told by ``proposers``
    return tuple(dict.fromkeys(p for p in found if p in book().broker_names and ctx.parties.country(p)))


def _conflict(ctx: ArticleContext, first: list[str]) -> list[str]:
    """The parties of the conflict of the first of ``first`` that fights one, in its order: a
    conflict of which the article names two sides at least (Russia named in an article on
    Libya does not make its truce one of the war in Ukraine)."""
    named = {m.party for m in ctx.mentions if m.party}
    for p in first:
        for conflict in ctx.parties.conflicts.values():
            if p in conflict["parties"] and len(named & set(conflict["parties"])) >= 2:
                return list(conflict["parties"])
    return []


def _zone_war(ctx: ArticleContext, sentences: list[Sentence]) -> dict[str, Any] | None:
    """The war of a zone its sentences name, fought when the article appeared ("перемирие в
    Донбассе" in 2020: Ukraine against the two separatist republics, before the invasion made it
    Russia's war): its truce binds that war's sides, whoever else the sentences name."""
    when = ctx.published.isoformat() if ctx.published else None
    for s in sentences:
        for hit in book().names.finditer(ctx.shadow, s.start, s.end):
            for key in book().zones[str(book().names.value(hit))].conflicts:
                war = ctx.parties.conflicts.get(key)
                if war is not None and when is not None and war["began"] <= when < war.get("ended", "9999"):
                    return war
    return None


def _agreement_names(ctx: ArticleContext, sentences: list[Sentence]) -> set[str]:
    """The names of the agreements its sentences name: the word right after "l'accord de", "the
    accords of" (``filters.agreement``), or right before "agreement" (``filters.agreement_after``)."""
    names: set[str] = set()
    for s in sentences:
        for hit in ctx.lex.optional("filters.agreement").finditer(ctx.shadow, s.start, s.end):
            after = ctx.shadow[hit.end : s.end].split()
            after = after[1:] if after and after[0] in ctx.lex.words("filters.articles") else after
            names |= {after[0].strip(".,;:\"'»«")} if after else set()
        for hit in ctx.lex.optional("filters.agreement_after").finditer(ctx.shadow, s.start, s.end):
            before = ctx.shadow[s.start : hit.start].split()
            names |= {before[-1].strip(".,;:\"'»«")} if before else set()
    return {n for n in names if len(n) > 2 and n not in ctx.lex.words("filters.articles")}


def agreement_sides(ctx: ArticleContext, sentences: list[Sentence]) -> list[str]:
    """'une trêve ... à l'occasion de la signature de l'accord de Doha', and elsewhere 'un accord
    signé à Doha entre Washington et les talibans': a truce tied to a named agreement binds the
    sides another sentence names that agreement between (``ceasefire.between``)."""
    between, names = ctx.lex.phrases("ceasefire.between"), _agreement_names(ctx, sentences)
    if not names:
        return []
    out: list[str] = []
    for s in ctx.sentences:
        words = {w.strip(".,;:\"'»«") for w in ctx.shadow[s.start : s.end].split()}
        if s in sentences or not names & words or not ctx.has("ceasefire.agreement", s):
            continue
        for cue in between.finditer(ctx.shadow, s.start, s.end):
            out += [m.party for m in ctx.mentions_in(cue.end, min(s.end, cue.end + 60)) if m.party]
    return list(dict.fromkeys(out))


#: how far a joint subject may stand from its agreeing verb, and from the next name it is listed with
_SUBJECT_GAP, _LIST_GAP = 20, 10


def _chain(sh: str, named: list[Mention], at: int, forward: bool) -> list[str]:
    """The names listed together right before ``at`` ("Israel and Iran had"), or right after it
    (Arabic "اتفقت إسرائيل وإيران"): each within a short gap of the next, no clause break."""
    out: list[str] = []
    pool = sorted(named, key=lambda m: m.start, reverse=not forward)
    edge, gap = at, _SUBJECT_GAP
    for m in pool:
        lo, hi = (edge, m.start) if forward else (m.end, edge)
        if lo > hi:
            continue
        between = sh[lo:hi]
        if hi - lo > gap or re.search(r"[.;:!?«»\"]", between) or len(between.split()) > 2:
            break
        out.append(m.party)
        edge, gap = (m.end if forward else m.start), _LIST_GAP
    return list(dict.fromkeys(out if forward else out[::-1]))


def agreeing_sides(ctx: ArticleContext, sentences: list[Sentence]) -> list[str]:
    """'Trump said Israel and Iran had agreed to a ceasefire' (``ceasefire.sides_agree``): the
    states and sides named together as the subject of an agreeing verb, in a sentence on a
    truce, are its sides, whoever announced it (a state no war of ``parties.toml`` names too)."""
    verbs = ctx.lex.phrases("ceasefire.sides_agree")
    hits = [(s, v) for s in sentences if ctx.has("ceasefire.terms", s)
            for v in verbs.finditer(ctx.shadow, s.start, s.end)]
    if not hits:
        return []
    states = [m for m in ctx.parties.organisations(ctx.shadow, ctx.mentions) if ctx.parties.country(m.party)]
    for s, v in hits:
        # states and sides, not their people: "verkündete Trump, Israel und der Iran hätten sich…"
        named = [m for m in [*ctx.mentions_in(s.start, s.end), *states]
                 if m.party and not m.person and s.start <= m.start < s.end]
        for sides in (_chain(ctx.shadow, named, v.start, False), _chain(ctx.shadow, named, v.end, True)):
            if len(sides) >= 2:
                return sides
    return []


def _conflict_key(ctx: ArticleContext, sides: tuple[str, ...]) -> str | None:
    # the war all its sides fight (Ukraine and the two republics: Donbas), else one of them fights
    wars = ctx.parties.conflicts.items()
    whole = [k for k, c in wars if set(sides) <= set(c["parties"])]
    return str(whole[0]) if whole else next((str(k) for k, c in wars if set(sides) & set(c["parties"])), None)


def _called_unilateral(ctx: ArticleContext, declarer: str | None) -> bool:
    """Some sentence calls the declarer's truce unilateral ("Zelensky rejected Russia's unilateral
    ceasefire"): a unilateral word, a ceasefire word and the declarer in one sentence."""
    if declarer is None:
        return False
    return any(ctx.has("ceasefire.unilateral", s) and ctx.has("ceasefire.terms", s)
               and any(m.party == declarer for m in ctx.mentions_in(s.start, s.end)) for s in ctx.sentences)


def parties(ctx: ArticleContext, sentences: list[Sentence], declarer: str | None, strong: bool,
            brokers: tuple[str, ...], war: dict[str, Any] | None = None) -> tuple[tuple[str, ...], bool]:
    """(the sides bound, whether it is unilateral); ``war``: that of the zone it holds in."""
    unilateral = any(ctx.has("ceasefire.unilateral", s) for s in sentences) or _called_unilateral(ctx, declarer)
    agreed = any(ctx.has("ceasefire.agreement", s) for s in sentences)
    mentions = [m for s in sentences for m in ctx.mentions_in(s.start, s.end) if m.party and m.party not in brokers]
    places = [m.party for m in mentions if names_truce_place(ctx, m)]
    named = [m.party for m in mentions if m.party not in places]
    joint = agreeing_sides(ctx, sentences)
    if joint and not any(set(joint) <= set(c["parties"]) for c in ctx.parties.conflicts.values()):
        return tuple(joint), False  # "Israel and Iran agreed to a ceasefire": no war listed holds both
    if war is not None and war.get("truces_bind") and not unilateral and not strong:
        return tuple(war["truces_bind"]), False  # its declarer only guessed: the war's sides
    # "Putin ordered a three-day truce": its declarer alone named, no word of agreement
    if declarer and (unilateral or (not agreed and (strong or set(named) <= {declarer}))):
        if named or strong or not places:
            return (declarer,), True
        # "Guterres is calling for a halt in fighting in Ukraine": it names nobody but its place,
        # the declarer is only guessed from an earlier sentence: the sides of the war there
    named = list(dict.fromkeys(([declarer] if declarer and not places else []) + named))
    if war is not None and war.get("truces_bind"):
        return tuple(war["truces_bind"]), False
    conflict = list(war["parties"]) if war is not None else _conflict(ctx, named + places + list(ctx.dyad))
    signed = agreement_sides(ctx, sentences) if agreed else []
    if conflict:
        sides = [p for p in conflict if p in named]
        sides += [p for p in conflict if p not in sides][: max(0, 2 - len(sides))]
        return tuple(dict.fromkeys(sides + signed)), False
    if len(signed) >= 2:  # no known conflict: the sides its agreement was signed between
        return tuple(signed), False
    # no known conflict: the sides are not known; a declarer that owns it binds itself
    return ((declarer,) if declarer and strong else ()), False


def zone(ctx: ArticleContext, sentences: list[Sentence], sides: tuple[str, ...]) -> ZoneDef | None:
    """The zone its sentences name in its parties' theatre, else that of their conflict."""
    theatre = ctx.parties.theatre(sides) if sides else set()
    for s in sentences:
        for hit in book().names.finditer(ctx.shadow, s.start, s.end):
            z = book().zones[str(book().names.value(hit))]
            if not theatre or set(z.countries) & theatre:
                return z
    # "a four-day halt in fighting in Ukraine": the country named as the place it is for
    for s in sentences:
        for m in ctx.mentions_in(s.start, s.end):
            country = ctx.parties.country(m.party) if m.party and names_truce_place(ctx, m) else None
            if country and (not theatre or country in theatre):
                return ZoneDef(f"country_{country}", m.party, (country,), ())
    key = _conflict_key(ctx, sides) if len(sides) >= 2 or sides and _conflict(ctx, list(sides)) else None
    fought = [c for c in ctx.parties.conflicts.values() if len(set(sides) & set(c["parties"])) >= 2]
    own = tuple(dict.fromkeys(c for c in (ctx.parties.country(p) for p in sides) if c))
    if len(sides) >= 2 and not fought and len(own) >= 2:
        # sides no listed war holds two of (Israel and Iran): the truce holds in their countries
        return ZoneDef("countries_" + "_".join(own), " and ".join(sides), own, ())
    if key is None and len(sides) == 1:
        # a unilateral truce of a side that fights one war only ("l'armée libyenne a annoncé un
        # cessez-le-feu unilatéral"): that war's zone, though the article names no other side
        wars = [k for k, c in ctx.parties.conflicts.items() if sides[0] in c["parties"]]
        key = wars[0] if len(wars) == 1 else None
    return book().for_conflict(key) if key else None


def sides(ctx: ArticleContext, own: list[Sentence], declarer: str | None, strong: bool,
          single: bool) -> Sides:
    """Parties, mediators and zone of a truce spoken of in ``own`` (``single``: the article's only
    truce, whose mediators and zone any sentence may name)."""
    said = [s for s in ctx.sentences if ctx.has("ceasefire.mediation", s)
            or ctx.has("ceasefire.mediation_before", s)] if single else own
    brokers = tuple(dict.fromkeys(mediators(ctx, said) + proposers(ctx, own)))
    # the article's only truce: a zone any sentence on a truce names tells its war
    truce_talk = [s for s in ctx.sentences if ctx.has("ceasefire.terms", s)] if single else own
    war = _zone_war(ctx, own) or _zone_war(ctx, truce_talk)
    bound, unilateral = parties(ctx, own, declarer, strong, brokers, war)
    # its announcer, when a broker that is no side of it ("a annoncé le président égyptien")
    brokers = tuple(b for b in dict.fromkeys(brokers + announcers(ctx, own)) if b not in bound)
    where = zone(ctx, own, bound)
    if where is None and single:
        # the article's only truce: a zone any sentence on a truce names ("перемирия в Донбассе")
        where = zone(ctx, [s for s in ctx.sentences if ctx.has("ceasefire.terms", s)], bound)
    return Sides(bound, brokers, where, unilateral)
