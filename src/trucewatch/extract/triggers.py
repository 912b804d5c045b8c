"""The word that makes a sentence an incident, and what cancels it.

A sentence's event words (lexicon ``events``) are read with the codebook's precedence
(:mod:`trucewatch.extract.taxonomy`); a word negated or aimed at ("no shelling", "to stop the
fighting", "no evidence of a bombing"), one describing a place or naming a weapon's crew or
position ("a heavily bombarded region", "the artillery position"), a weapon delivered, made or
tested ("agreed to send 14 tanks"), fire aimed at a craft ("fired at a drone": the craft is the
target) and an air force as the source ("the air force said") are no attack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from trucewatch.extract import apart, taxonomy
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.nlp.lexicon import Lexicon, Match, shadow

Trigger = taxonomy.Choice


def trigger(ctx: ArticleContext, s: Sentence) -> Trigger | None:
    """The sentence's event (type, sub-type, weapon, span), chosen among its event words by the
    codebook's precedence (:mod:`trucewatch.extract.taxonomy`)."""
    events = ctx.lex.phrases("events")
    readings = []
    hits = ctx.find("events", s)
    aims = {h.start: a for h in hits if (a := _aimed_at(ctx, s, h, events.value(h)[2])) is not None}
    for hit in hits:
        etype, sub, weapon = events.value(hit)
        if _negated(ctx, s, hit.start) or _descriptive(ctx, hit.start, hit.end) or _supplied(ctx, s, hit, weapon):
            continue
        if _nominalised(ctx, s, hit):
            continue  # "Leichen von Verschleppten": the people abducted, not an abduction told
        if weapon == "~march" and not _crowd_before(ctx, s, hit):
            continue  # "Moscow protested", "the ministry protested the decision": a statement
        if weapon == "~air" and ctx.lex.phrases("speech.verbs").search(ctx.shadow, hit.end, hit.end + 20):
            continue  # "the air force said": a source, not the attacker
        if any(a.start < hit.end and hit.start < a.end for a in aims.values()):
            continue  # the fire aimed at a craft is told by the craft's reading
        if hit.start in aims:  # "fired at a drone": an attempt to stop it, not its strike
            etype, sub, weapon = "Strategic developments", "Disrupted weapons use", ""
        readings.append(taxonomy.Reading(hit, etype, sub, weapon))
    return taxonomy.choose(ctx, s, readings)


def _aimed_at(ctx: ArticleContext, s: Sentence, hit: Match, weapon: str) -> Match | None:
    """'fired at a drone', 'shots directed at the OSCE SMM UAV', 'огонь по беспилотнику': fire
    aimed (``filters.aimed_at``) at a drone or an aircraft at most three words before it, in its
    clause: the craft is the target, as in an attempt to shoot it down, not the attacker."""
    if weapon not in {"drones", "air strike"}:
        return None
    for a in ctx.find("filters.aimed_at", s):
        gap = ctx.shadow[a.end : hit.start]
        if a.end <= hit.start and len(gap.split()) <= 3 and not re.search(r"[,;:.]", gap):
            return a
    return None


def _nominalised(ctx: ArticleContext, s: Sentence, hit: Match) -> bool:
    """'die Verschleppten', 'den Entführten': where every noun is capitalised (German), a verb
    form of violence (``filters.nominalised``) written with a capital inside its sentence is a
    noun for its victims, not the deed."""
    if not ctx.lex.optional("filters.nominalised").covers(ctx.shadow, hit.start, hit.end):
        return False
    return ctx.text[hit.start : hit.start + 1].isupper() and bool(ctx.text[s.start : hit.start].strip(" \"'„“«»-"))


def _crowd_before(ctx: ArticleContext, s: Sentence, hit: Match) -> bool:
    """'Hundreds of residents protested', 'students rallied': a verb of demonstrating is a
    demonstration when people (``taxonomy.crowd``, ``taxonomy.communal``,
    ``taxonomy.civilian_people``) are named before it in its sentence, its subject; a state or
    an official that "protested" made a statement. Where the verb comes first (``speech.verb_first``:
    "تظاهر آلاف"), the people after it in the sentence are its subject."""
    after = bool(ctx.lex.section("speech").get("verb_first"))
    keys = ("taxonomy.crowd", "taxonomy.communal", "taxonomy.civilian_people")
    return any(h.end <= hit.start or after for key in keys for h in ctx.find(key, s))


def _descriptive(ctx: ArticleContext, start: int, end: int) -> bool:
    """'a heavily bombarded region', 'the badly hit region of Zaporizhzhia', 'une ville pilonnée':
    an event word describing a place, not an event; 'the artillery position', 'drone operators',
    'une position d'artillerie': a weapon naming what serves or holds it (``filters.weapon_holders``,
    the noun it modifies in the parse), not its use."""
    holders = ctx.lex.words("filters.weapon_holders")
    for t in ctx.tokens(start, end):
        if t.dep_ in {"amod", "acl"} and shadow(t.head.lemma_) in ctx.lex.words("filters.area_nouns"):
            return True
        if t.dep_ in {"compound", "nmod"} and t.head.i != t.i and shadow(t.head.lemma_) in holders:
            return True
    return False


def _supplied(ctx: ArticleContext, s: Sentence, hit: Match, weapon: str) -> bool:
    """'agreed to send 14 Leopard 2 tanks', 'поставок ... ракет для Patriot', 'the test launch of
    a new ballistic missile': a weapon named as what is delivered, made or tested
    (``filters.supply``), shortly before it in the clause, is no attack. Only a weapon noun:
    "lieferten sich Kämpfe" is a fight."""
    supply = [h for h in ctx.find("filters.supply", s) if h.end <= hit.start]
    if not weapon or weapon.startswith("~"):
        return False
    return any(hit.start - h.end <= 50 and not re.search(r"[.;:!?]", ctx.shadow[h.end : hit.start]) for h in supply)


def weak(ctx: ArticleContext, s: Sentence) -> bool:
    """Only a killing verb names the violence ("As a result, 35 soldiers were killed")."""
    events = ctx.lex.phrases("events")
    return all(events.value(h)[2] == "~casualty" for h in ctx.find("events", s))


def _negated(ctx: ArticleContext, s: Sentence, at: int) -> bool:
    """'no shelling', 'не обстреливали', 'sans bombardement' (a negation at most one word before the
    event word), 'to stop the fighting', 'прекратить обстрелы', 'die Angriffe einzustellen' (an aim,
    before the event word or, where the verb closes its clause, after it), or 'no evidence of injuries
    from a bombing' (what was not found, a few words on in its clause): no event. The words are the
    lexicon's (``filters.negation``, ``filters.aims``, ``filters.aims_after``, ``filters.no_evidence``,
    ``filters.emphasis`` for 'not only')."""
    emphatic = {h.start for h in ctx.find("filters.emphasis", s)}
    for h in ctx.find("filters.negation", s):
        gap = ctx.shadow[h.end : at]
        if h.end <= at and len(gap) <= 20 and len(gap.split()) <= 1 and h.start not in emphatic:
            return True
    for h in ctx.find("filters.aims", s):
        gap = ctx.shadow[h.end : at]
        if h.end <= at and len(gap) <= 12 and len(gap.split()) <= 2:
            return True
    for h in ctx.find("filters.aims_after", s):  # "ihre Angriffe auf Schiffe einstellen": the verb closes its clause
        gap = ctx.shadow[at : h.start]
        if h.start > at and len(gap.split()) <= 6 and not re.search(r"[,;:.!?]", gap):
            return True
    for h in ctx.find("filters.no_evidence", s):  # "keine Hinweise auf Verletzungen durch einen Bombenangriff"
        gap = ctx.shadow[h.end : at]
        if h.end <= at and len(gap.split()) <= 4 and not re.search(r"[,;:.!?]", gap):
            return True
    return False


@dataclass
class _Kind:
    """A trigger as :func:`apart.different_types` reads a draft (no targets yet)."""

    event_type: str
    sub_type: str
    weapon: str | None
    strength: int
    targets: list[str] = field(default_factory=list)


def _kind(t: Trigger) -> _Kind:
    return _Kind(t.event_type, t.sub_type, t.weapon, t.strength)


@cache
def _contrast_split(lex: Lexicon) -> re.Pattern[str] | None:
    if not lex.words("context.contrast"):
        return None
    return re.compile(rf"(?:[,;]\s*)?(?<!\w)(?:{lex.alternation('context.contrast')})(?!\w)")


def contrasted(ctx: ArticleContext, s: Sentence, main: Trigger) -> tuple[Sentence, Sentence, Trigger] | None:
    """'A missile was shot down by air defences but a drone hit a block of flats': two clauses
    joined by a contrast (``context.contrast``) that tell two kinds of event ACLED codes apart
    (:func:`apart.different_types`). Returns the main event's clause and the other's, each as a
    sentence of its own, and the other's event; None when the sentence tells one."""
    rx = _contrast_split(ctx.lex)
    m = rx.search(ctx.shadow, s.start, s.end) if rx is not None else None
    if m is None:
        return None
    first, second = Sentence(s.index, s.start, m.start(), s.paragraph, s.caption), \
        Sentence(s.index, m.end(), s.end, s.paragraph, s.caption)
    own, other = (first, second) if main.span[1] <= m.start() else (second, first)
    if not own.start <= main.span[0] < own.end:
        return None
    event = trigger(ctx, other)
    if event is None or not apart.different_types(_kind(main), _kind(event)):
        return None
    return own, other, event


def struck_from_afar(ctx: ArticleContext, s: Sentence, trig: Trigger, agent: str | None) -> Trigger:
    """'Russia also destroyed an oil refinery in Kremenchuk': damage a state's forces did to a
    facility or a building (``taxonomy.places_hit`` in the three words after the verb), with no
    troops named on the ground (``filters.armed``), is a strike whose means the text does not
    state (:data:`taxonomy.UNSTATED`), not the looting or destruction of those present."""
    if trig.weapon is not None or trig.sub_type != "Looting/property destruction" or trig.strength != 0:
        return trig
    actor = ctx.parties.acled_actor(agent) or ""
    troops = ctx.lex.phrases("filters.armed").search(ctx.shadow, s.start, s.end)
    if not actor.startswith("Military Forces of") or troops:
        return trig
    words = ctx.shadow[trig.span[1] : s.end].split()[:3]
    if not ctx.lex.optional("taxonomy.places_hit").search(" ".join(words)):
        return trig
    return taxonomy.Choice("Explosions/Remote violence", taxonomy.UNSTATED, None, trig.span, 1)
