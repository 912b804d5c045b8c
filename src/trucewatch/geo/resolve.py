"""Find and geocode the places a sentence names.

Candidates are capitalised token runs and NER LOC/GPE spans; each is looked up in the gazetteer
and scored: population, the article's countries (parties and other places), NER's label, a
locative preposition ("à", "in", "near"), and region words ("Kherson region" is the oblast). NER is
one signal, not the gate: the small English model labels Ukrainian towns as PERSON. A party's
capital used as its government ("Moscow blamed Kyiv") is an actor, not a place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trucewatch.geo.gazetteer import Entry
from trucewatch.nlp.context import ArticleContext, Sentence
from trucewatch.records import Place

ACCEPT = 6.5
_NER_PLACE = {"LOC", "GPE", "FAC"}
_SKIP_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"}


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    entry: Entry
    score: float
    near: bool
    region: bool


def _candidates(ctx: ArticleContext, s: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, ner label) for capitalised token runs of 1-3 tokens and NER spans."""
    tokens = ctx.tokens(s.start, s.end)
    ner = {}
    for ent in ctx.doc.ents:
        if ent.start_char >= s.start and ent.end_char <= s.end:
            ner[(ent.start_char, ent.end_char)] = ent.label_
    out: dict[tuple[int, int], str] = {}
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper() or tok.pos_ in _SKIP_POS and tok.ent_type_ == "":
            continue
        for j in range(i, min(i + 3, len(tokens))):
            t = tokens[j]
            if j > i and not (t.text[:1].isupper() or t.text in {"-", "de", "el", "al"}):
                break
            start, end = tok.idx, t.idx + len(t.text)
            label = ner.get((start, end), tok.ent_type_ if j == i else "")
            out[(start, end)] = label
    for (start, end), label in ner.items():
        out.setdefault((start, end), label)
    return [(a, b, lab) for (a, b), lab in out.items()]


@dataclass(frozen=True)
class _Context:
    label: str
    near: bool
    region: bool
    locative: bool
    multiword_person: bool


def _context(ctx: ArticleContext, start: int, end: int, label: str) -> _Context:
    before = ctx.shadow[max(0, start - 30) : start]
    after = ctx.shadow[end : end + 20]
    lex = ctx.lex
    region = bool(lex.phrases("filters.region").search(before[-16:] + " " + after[:12]))
    near = bool(lex.phrases("filters.near").search(before[-22:]))
    locative = bool(lex.phrases("filters.locative").search(before[-14:]))
    person = label in {"PER", "PERSON"} and " " in ctx.text[start:end]
    return _Context(label, near, region, locative, person)


def _score(c: _Context, e: Entry, countries: set[str]) -> float:
    score = math.log10((e.population or 500) + 10)  # GeoNames writes 0 for "not known"
    score += 3 if e.country in countries else 0
    score += 2 if c.label in _NER_PLACE else 0
    score += 2 if c.locative or c.near else 0
    if c.multiword_person and not (c.locative or c.near):
        score -= 6  # "Kyrylo Timochenko"; but "à Bint Jbeil" is a place the model calls PER
    if e.kind == "ADM1":
        score += 1 if c.region else -10
    elif e.kind == "PCLI":
        score -= 20
    elif c.region:
        score -= 1
    return score


def _is_actor(ctx: ArticleContext, start: int, end: int) -> bool:
    phrase = ctx.shadow[start:end]
    if ctx.parties.is_person(phrase) or any(
        m.person and m.start < end and start < m.end for m in ctx.mentions
    ):
        return True  # "Volodymyr" of Volodymyr Zelensky is not Volodymyr-Volynskyi
    if not ctx.parties.is_alias(phrase):
        return False
    toks = ctx.tokens(start, end)
    return bool(toks) and toks[-1].dep_ in {"nsubj", "nmod:poss", "poss"}


def _clock_names(ctx: ArticleContext, s: Sentence) -> list[tuple[int, int]]:
    """'heure de Moscou', 'Kyiv time': a clock, not a place."""
    return [(m.start, m.end) for m in ctx.find("time.zones", s)]


def places_in(ctx: ArticleContext, s: Sentence, countries: set[str]) -> list[PlaceMention]:
    """Accepted place mentions in a sentence, best-scoring entry per mention, no overlaps."""
    found: list[PlaceMention] = []
    clocks = _clock_names(ctx, s)
    for start, end, label in _candidates(ctx, s):
        if any(a <= start < b for a, b in clocks):
            continue
        surface = ctx.text[start:end].strip(" .,;:'’\"")
        if len(surface) < 3:
            continue
        entries = ctx.gazetteer.lookup(surface)
        if not entries or _is_actor(ctx, start, end):
            continue
        c = _context(ctx, start, end, label)
        best: PlaceMention | None = None
        for e in entries:
            score = _score(c, e, countries)
            if score >= ACCEPT and (best is None or score > best.score):
                best = PlaceMention(start, end, e, score, c.near, c.region and e.kind == "ADM1")
        if best is not None:
            found.append(best)
    found.sort(key=lambda p: (-(p.end - p.start), -p.score))
    kept: list[PlaceMention] = []
    for p in found:
        if not any(p.start < k.end and k.start < p.end for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.start)


def to_place(ctx: ArticleContext, pm: PlaceMention) -> Place:
    e = pm.entry
    if e.kind == "ADM1":
        geo, where = 3, 4
    elif pm.near:
        geo, where = 2, 2
    else:
        geo, where = 1, 1
    return Place(
        name=e.name, country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
        geo_precision=geo, where_prec=where, geonameid=e.id if e.id > 0 else None,
        timezone=e.timezone, population=e.population, mention=ctx.span(pm.start, pm.end),
    )
