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
* named before it in its clause when that clause names no other place ("In Bureij, five
  members of one family were killed"),

and in neither case when that place is itself one of a list ("five killed in Kharkiv and
Odesa"): the words that join a list are the lexicon's (``filters.list_joins``).
"""

from __future__ import annotations

import re
from functools import cache

from trucewatch.extract.casualties import Casualties, Count
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.places import PlaceMention
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
    if place is None or len({p.entry.id for p in places}) < 2:
        return cas  # one place (or none): the sentence's toll is its incident's
    return Casualties(_share(ctx, s, cas.killed, place, places), _share(ctx, s, cas.injured, place, places))


def _share(ctx: ArticleContext, s: Sentence, count: Count | None, place: PlaceMention,
           places: list[PlaceMention]) -> Count | None:
    if count is None:
        return None
    owner = _owner(ctx, s, count, places)
    return count if owner is not None and owner.entry.id == place.entry.id else None


def _owner(ctx: ArticleContext, s: Sentence, count: Count, places: list[PlaceMention]) -> PlaceMention | None:
    at = count.span[0]
    later = [p for p in places if at <= p.start <= at + AFTER_CHARS
             and not re.search(r"[,;:.!?]", ctx.shadow[at : p.start]) and _after_locative(ctx, p)]
    if later:
        first = min(later, key=lambda p: p.start)
        return None if _in_list(ctx, first, places) else first
    earlier = [p for p in places if at - TIGHT_CHARS <= p.end <= at
               and not re.search(r"[,;:.!?]", ctx.shadow[p.end : at]) and _after_locative(ctx, p)]
    if earlier:
        last = max(earlier, key=lambda p: p.end)
        return None if _in_list(ctx, last, places) else last
    clause = _clause_start(ctx, s, at)
    before = [p for p in places if clause <= p.start < at]
    if len({p.entry.id for p in before}) == 1 and not _in_list(ctx, before[-1], places):
        return before[-1]
    return None


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
        if q.entry.id == p.entry.id:
            continue
        lo, hi = (q.end, p.start) if q.end <= p.start else (p.end, q.start)
        if lo <= hi and joins.fullmatch(ctx.shadow, lo, hi):
            return True
    return False


@cache
def _joins(lex: Lexicon) -> re.Pattern[str]:
    """A gap between two names of a list: a comma, a list word, or both (", and", " і ", "و")."""
    words = lex.alternation("filters.list_joins")  # "(?!)" when a language has none: commas only
    return re.compile(rf"\s*,?\s*(?:(?:{words})\s*)?")
