"""Several truces dated in one sentence: "…, the first truce began on 13 May and lasted five days,
and the second was declared on 10 July", "إذ بدأت الهدنة الأولى في 13 مايو…، وأعلنت الهدنة
الثانية في 10 يوليو". Each is read apart: the sentence is cut, at the clause break (a comma or
semicolon) before each ceasefire word after the first, into clauses that each date their truce.
A sentence that dates fewer than two of its truces stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.temporal.points import grammar
from trucewatch.temporal.window import Window, parse_window

#: a clause break: a comma or semicolon (Latin or Arabic), or a dash between spaces
_BREAK = re.compile(r"[,;،؛]|\s[–—]\s")
#: how far a ceasefire word and its start verb may stand apart across a relative clause
_BRIDGE_CHARS = 75


def _dated(ctx: ArticleContext, lo: int, hi: int) -> bool:
    return any(p.has_date for p in grammar(ctx.lex).points(ctx.shadow, lo, hi))


def _cuts(ctx: ArticleContext, s: Sentence) -> list[int]:
    """Where the clauses of a sentence naming several truces begin (its start first)."""
    terms = ctx.find("ceasefire.terms", s)
    cuts = [s.start]
    for prev, t in zip(terms, terms[1:], strict=False):
        breaks = [m.end() for m in _BREAK.finditer(ctx.shadow, prev.end, t.start)]
        if breaks and breaks[-1] > cuts[-1]:
            cuts.append(breaks[-1])
    return cuts


def clauses(ctx: ArticleContext) -> Iterator[Sentence]:
    """The article's sentences, each sentence that dates two truces or more cut into its clauses."""
    for s in ctx.sentences:
        cuts = _cuts(ctx, s) if len(ctx.find("ceasefire.terms", s)) >= 2 else [s.start]
        parts = [replace(s, start=a, end=b) for a, b in zip(cuts, [*cuts[1:], s.end], strict=True)]
        if len(parts) >= 2 and sum(_dated(ctx, p.start, p.end) for p in parts) >= 2:
            yield from parts
        else:
            yield s


def relative_bridge(ctx: ArticleContext, a: int, b: int, truce_first: bool) -> bool:
    """'прекращения огня на Донбассе, которое начинается с 00:01 27 июля', 'a ceasefire along the
    whole line, which takes effect on Monday': a relative pronoun (``ceasefire.relatives``) right
    before the start verb ties it to the truce word across a short phrase (four words at most)."""
    rel = ctx.lex.phrases("ceasefire.relatives")
    if not truce_first or b - a > _BRIDGE_CHARS:
        return False
    hit = next((h for h in rel.finditer(ctx.shadow, a, b) if not ctx.shadow[h.end : b].strip()), None)
    return hit is not None and len(ctx.shadow[a : hit.start].split()) <= 4 and "." not in ctx.shadow[a:b]


def start_said_before(ctx: ArticleContext, s: Sentence) -> Window | None:
    """'The vaccination round begins on Monday in central Gaza. Israel agreed to humanitarian
    pauses there.': a truce declared without a day takes the start the sentence right before
    gives with a start verb (``ceasefire.start_verbs``) right before its day, when that sentence
    names no truce, no event and no talks (``filters.venue``), in the same paragraph."""
    if s.index == 0:
        return None
    prev = ctx.sentences[s.index - 1]
    if prev.paragraph != s.paragraph or any(ctx.has(k, prev) for k in ("ceasefire.terms", "events", "filters.venue")):
        return None
    days = [p for p in grammar(ctx.lex).points(ctx.shadow, prev.start, prev.end) if p.has_date]
    verbs = ctx.find("ceasefire.start_verbs", prev)
    if not any(0 <= p.start - v.end <= 12 for p in days for v in verbs):
        return None
    window = parse_window(ctx.lex, ctx.shadow, prev.start, prev.end, ctx.published)
    return window if window is not None and window.start is not None else None
