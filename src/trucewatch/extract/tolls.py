"""Whose toll: a sentence that names several places hit gives each its own incident, and a toll
belongs to the place it is tied to, or to none of them.

ACLED codes one event per place and day: "Russian strikes hit Kharkiv, Odesa and Dnipro
overnight, killing 3 in Kharkiv" is three events, the three dead Kharkiv's. A toll stated for a
list ("missiles hit Zaporizhzhia and Kherson, killing five") is no single place's: it stays
unattributed (null on every place) rather than copied to each, which would count the dead twice.

A count is tied to a place

* named right after it in its clause, after a word of place ("killing 3 in Kharkiv", "трое
  погибли в Харькове"), or
* named shortly before it, after a word of place, with no comma between ("dabei wurden in
  Charkiw drei Menschen getötet", "у Харкові загинули троє"), or
* named last before it in its clause, when the places there are no list ("In Bureij, five
  members of one family were killed", "a house on a street in Shujaiyya (Gaza City) was hit,
  killing 7": the last names the scene, the others what it is in or on),

and in neither case when that place is itself one of a list ("five killed in Kharkiv and
Odesa"): the words that join a list are the lexicon's (``filters.list_joins``).
"""

from __future__ import annotations

import re
from functools import cache

from trucewatch.extract.casualties import Casualties, Count
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.places import PlaceMention
from trucewatch.geo.distance import km
from trucewatch.geo.gazetteer import normalise
from trucewatch.nlp.lexicon import Lexicon

#: how far after the start of a count the place it is tied to may stand ("3 people were killed
#: overnight in a drone strike on Kharkiv")
AFTER_CHARS = 70
#: how far before a count the place it is tied to may end, with no comma between ("в Харькове
#: погибли три", "in Charkiw drei Menschen getötet")
TIGHT_CHARS = 40
#: how far before a place a word of place may stand ("in", "on the city of")
LOCATIVE_CHARS = 14


def for_place(ctx: ArticleContext, s: Sentence, cas: Casualties, place: PlaceMention | None,
              places: list[PlaceMention]) -> Casualties:
    """The part of a sentence's toll that is ``place``'s, among the ``places`` it names."""
    scenes = _scenes(places)
    if place is None or place.entry.kind in _AREAS or len(scenes) < 2:
        return cas  # one place (or none): the sentence's toll is its incident's
    return Casualties(_share(ctx, s, cas.killed, place, places, scenes),
                      _share(ctx, s, cas.injured, place, places, scenes))


#: a region or a country named beside towns locates them; it is no scene of its own
_AREAS = frozenset({"ADM1", "PCLI"})
#: two names this close are one town and its quarter ("Gaza - Tal el Hawa area (Gaza City)")
SAME_TOWN_KM = 10.0


def _scenes(places: list[PlaceMention]) -> list[PlaceMention]:
    """The places that can each be a scene of their own: towns (a region or a country named beside
    them only locates them), one per town (a quarter and its town, a town named twice are one)."""
    towns = [p for p in places if p.entry.kind not in _AREAS]
    out: list[PlaceMention] = []
    for p in towns:
        if not any(_same_town(p, q) for q in out):
            out.append(p)
    return out


def _same_town(a: PlaceMention, b: PlaceMention) -> bool:
    if a.entry.id == b.entry.id:
        return True
    ea, eb = a.entry, b.entry
    if ea.lat is None or ea.lon is None or eb.lat is None or eb.lon is None:
        return False
    return km(ea.lat, ea.lon, eb.lat, eb.lon) <= SAME_TOWN_KM


def _share(ctx: ArticleContext, s: Sentence, count: Count | None, place: PlaceMention,
           named: list[PlaceMention], scenes: list[PlaceMention]) -> Count | None:
    if count is None:
        return None
    owner = _owner(ctx, s, count, named, scenes)
    return count if owner is not None and _same_town(owner, place) else None


def _owner(ctx: ArticleContext, s: Sentence, count: Count, named: list[PlaceMention],
           scenes: list[PlaceMention]) -> PlaceMention | None:
    at = count.span[0]
    later = [p for p in named if at <= p.start <= at + AFTER_CHARS
             and not re.search(r"[,;:.!?]", ctx.shadow[at : p.start]) and _after_locative(ctx, p)]
    earlier = [p for p in named if at - TIGHT_CHARS <= p.end <= at
               and not re.search(r"[,;:.!?]", ctx.shadow[p.end : at]) and _after_locative(ctx, p)]
    tied = min(later, key=lambda p: p.start) if later else max(earlier, key=lambda p: p.end) if earlier else None
    if tied is not None and tied.entry.kind in _AREAS:
        inside = [p for p in scenes if _within(p, tied)]  # "6 soldiers were killed in the Gaza Strip"
        return inside[0] if len(inside) == 1 else None
    if tied is not None:
        return None if _in_list(ctx, tied, scenes) else tied
    clause = _clause_start(ctx, s, at)
    before = [p for p in named if clause <= p.start < at and p.entry.kind not in _AREAS]
    if before and not any(_in_list(ctx, p, scenes) for p in before):
        # the scene is the last named before the toll, the others are what it is in or on ("a
        # house on a street in X, killing 1"); a place only "near" which it happened is no scene
        scene = [p for p in before if not p.near] or before
        return scene[-1]
    return None


def _within(town: PlaceMention, area: PlaceMention) -> bool:
    t, a = town.entry, area.entry
    if t.country != a.country:
        return False
    return a.kind == "PCLI" or normalise(t.admin1 or "") in {normalise(a.name), normalise(a.admin1 or "")}


def _clause_start(ctx: ArticleContext, s: Sentence, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last semicolon or colon before it."""
    cut = max(ctx.shadow.rfind(";", s.start, at), ctx.shadow.rfind(":", s.start, at))
    return cut + 1 if cut >= 0 else s.start


def _after_locative(ctx: ArticleContext, p: PlaceMention) -> bool:
    return ctx.lex.phrases("filters.locative").search(ctx.shadow, max(0, p.start - LOCATIVE_CHARS), p.start) is not None


def _in_list(ctx: ArticleContext, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """Another place joined to ``p`` by a comma or a list word, right before or right after it."""
    joins = _joins(ctx.lex)
    for q in places:
        if _same_town(q, p):
            continue
        lo, hi = (q.end, p.start) if q.end <= p.start else (p.end, q.start)
        if lo <= hi and joins.fullmatch(ctx.shadow, lo, hi):
            return True
    return False


@cache
def _joins(lex: Lexicon) -> re.Pattern[str]:
    """A gap between two names of a list: a comma, a list word, or both (", and", " і ", "و")."""
    words = lex.alternation("filters.list_joins")  # "(?!)" when a language has none: commas only
    return re.compile(rf"\s*(?:,\s*(?:(?:{words})\s*)?|(?:{words})\s*)")
