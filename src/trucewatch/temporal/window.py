"""Ceasefire windows from a declaration: "du 6 janvier à midi au 7 janvier à minuit",
"a 72-hour truce starting Saturday", "from 10:00 to 14:00 local time", "until further notice".

Returns wall-clock datetimes and the clock they are on; the caller knows the declarer and so the
clock to assume when the text names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from trucewatch.nlp.lexicon import Lexicon, PhraseSet
from trucewatch.temporal.points import Point, grammar
from trucewatch.temporal.resolve import resolve_date, wall_time


@dataclass(frozen=True)
class Window:
    start: datetime | None  # wall time on ``zone``
    end: datetime | None
    zone: str | None  # stated zone (IANA or "local"), None when the text names none
    start_expression: str | None
    end_expression: str | None
    duration_hours: float | None  # stated in the text
    open_ended: bool
    span: tuple[int, int] | None
    #: the end is a bare date ("bis Samstag") while only the start's hour names a clock
    #: ("ab 23.00 Uhr MESZ"): that clock is the start's, the end's day is the declarer's
    end_unclocked: bool = False
    #: the start is a day or a part of one with no hour ("since Sunday morning"): the latest it can be
    start_latest: datetime | None = None


@cache
def _duration_grammar(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, int], PhraseSet, re.Pattern[str],
                                              re.Pattern[str]]:
    t = lex.section("time")
    units = {**{w: 1 for w in t["hour_words"]}, **{w: 24 for w in t["day_words"]},
             **{w: 168 for w in t["week_words"]}}
    number = "|".join(re.escape(w) for w in sorted(lex.number_words, key=len, reverse=True))
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    rx = re.compile(rf"(?<!\w)(?P<n>\d+|{number})[\s-]*(?P<u>{unit})(?!\w)")
    # "six hours before it expired", "three days ago", "il y a trois jours": an offset
    offset = PhraseSet(list(t["after"]) + list(t["before"]) + list(t["offsets"]))
    clock = re.compile(rf"(?<!\w)(?:{lex.alternation('time.clock_at')})\s+$")  # "à 10 heures"
    # "return the hostages within 72 hours": a deadline for an obligation, not the truce's length
    deadline = re.compile(rf"(?<!\w)(?:{lex.alternation('time.deadline') or '(?!)'})\s+$")
    return rx, units, offset, clock, deadline


def duration_hours(lex: Lexicon, sh: str, lo: int, hi: int,
                   clock_spans: list[tuple[int, int]] | None = None) -> tuple[float, tuple[int, int]] | None:
    """A stated duration near a ceasefire word: '36 heures', '72-hour', 'three-day'."""
    rx, units, offset, clock, deadline = _duration_grammar(lex)
    for m in rx.finditer(sh, lo, hi):
        n = lex.number(m["n"])
        if n is None or m["u"] == "h" and not m["n"].isdigit():
            continue
        if any(a <= m.start() < b for a, b in clock_spans or ()):
            continue  # "de 10 heures à 21 heures": clock times, not a duration
        if offset.search(sh[m.end() : m.end() + 12]) or offset.search(sh[max(lo, m.start() - 8) : m.start()]) \
                or clock.search(sh[max(0, m.start() - 12) : m.start()]) \
                or deadline.search(sh[max(0, m.start() - 24) : m.start()]):
            continue  # "six hours before it expired", "within 72 hours": an offset or a deadline
        before, after = sh[max(lo, m.start() - 12) : m.start()].split()[-1:], sh[m.end() : m.end() + 14].split()[:2]
        if (units[m["u"]] == 24 and any(units.get(w) == 1 for w in before)) or (
                units[m["u"]] == 1 and any(units.get(w.strip(".,;")) == 24 for w in after)):
            continue  # "pauses of several hours a day", "dix heures par jour": a daily schedule, not a length
        if _of_fighting(lex, sh, m.end(), hi):
            continue  # "ended twelve days of strikes", "12-дневному обмену ударами": the war's length
        context = sh[max(lo, m.start() - 40) : min(hi, m.end() + 40)]
        if lex.phrases("ceasefire.terms").search(context):
            return float(n * units[m["u"]]), (m.start(), m.end())
    return None


def _of_fighting(lex: Lexicon, sh: str, at: int, hi: int) -> bool:
    """An event word (``events``) two words at most after a length, no ceasefire word between:
    the length is the fighting's ("twelve days of strikes"), not a truce's ("a three-day halt to
    the fighting" has its ceasefire word first)."""
    ev = lex.phrases("events").search(sh, at, min(hi, at + 30))
    if ev is None or len(sh[at : ev.start].split()) > 2:
        return False
    # "a four-day halt in fighting": the event word inside a ceasefire word is the truce's
    return not any(c.start < ev.end for c in lex.phrases("ceasefire.terms").finditer(sh, at, min(hi, ev.end + 30)))


@cache
def _cues(lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(to, from, neither) cue words, longest first. A window starts after a ``from`` or a
    ``starting`` word; a word that is both a ``to`` and an ``at`` word ("à": "au 8 mai",
    "à midi") says nothing by itself."""
    t = lex.section("time")
    def order(words: Any) -> tuple[str, ...]:
        return tuple(sorted(set(words), key=len, reverse=True))
    return order(t["to"]), order((*t["from"], *t["starting"])), frozenset(t["to"]) & frozenset(t["at"])


@cache
def _range_to(lex: Lexicon) -> re.Pattern[str]:
    """After a start, these close the window before a bare point: "de 10 heures à 21 heures"."""
    return re.compile(rf"(?<!\w)(?:{lex.alternation('time.range_to')})\s*$")


def _ends_with_word(before: str, cue: str) -> bool:
    return before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())


def _role(lex: Lexicon, sh: str, p: Point, lo: int) -> str | None:
    before = sh[max(lo, p.start - 16) : p.start].strip()
    to_cues, from_cues, neither = _cues(lex)
    for cue in to_cues:
        if _ends_with_word(before, cue):
            return None if cue in neither else "end"
    for cue in from_cues:
        if _ends_with_word(before, cue):
            return "start"
    return None


def _assign(lex: Lexicon, sh: str, points: list[Point], lo: int, terms: list[tuple[int, int]],
            starts: list[tuple[int, int]]) -> tuple[Point | None, Point | None]:
    roles = [(_role(lex, sh, p, lo), p) for p in points]
    start = _dated_twin(next((p for r, p in roles if r == "start"), None), roles)
    end = next((p for r, p in roles if r == "end"), None)
    if start is not None and end is None:
        # "de 10 heures à 21 heures": after a "de"/"du", a bare "à" closes the window
        later = [p for r, p in roles if r is None and p.start > start.end]
        if later and _range_to(lex).search(sh[max(lo, later[0].start - 8) : later[0].start]):
            end = later[0]
    # an unmarked point starts the window only next to a ceasefire word ("a pause ... on Wednesday
    # night", "am Sonntag in Kraft getreten"), not at the far end of the sentence ("a public
    # holiday in Russia on Friday")
    rest = [p for r, p in roles if p is not start and p is not end and not _said_on(lex, sh, p, lo)
            and (any(min(abs(p.start - b), abs(a - p.end)) <= 60 for a, b in terms)
                 or any(0 <= p.start - b <= 25 or 0 <= a - p.end <= 3 for a, b in starts))]
    if start is None and rest and (end is None or rest[0].start < end.start):
        # "um Mitternacht Moskauer Zeit (23.00 Uhr MESZ am Mittwoch)": the same instant twice;
        # the one that carries a date can be resolved
        dated = [p for p in rest if p.has_date and (end is None or p.start < end.start)]
        start = dated[0] if dated and not rest[0].has_date and dated[0].start - rest[0].end < 40 else rest[0]
    return start, end  # an end needs its cue ("au", "until"): "…, tested on Saturday" is no end


def _said_on(lex: Lexicon, sh: str, p: Point, lo: int) -> bool:
    """'the UN chief said on Tuesday', 'a déclaré mardi', 'erklärte am Dienstag', 'заявил во
    вторник': a day right after a verb of saying (``speech.verbs``, a preposition at most between)
    dates the words, not the truce they speak of."""
    gaps = (sh[v.end : p.start] for v in lex.phrases("speech.verbs").finditer(sh, max(lo, p.start - 30), p.start))
    return any("," not in gap and len(gap.split()) <= 1 for gap in gaps)


def _dated_twin(p: Point | None, roles: list[tuple[str | None, Point]]) -> Point | None:
    """'à partir de 06H00 locales (04H00 GMT), le lundi 8 juin': an hour without a day, restated
    on another clock with one right after it, is that instant; the dated one can be resolved."""
    if p is None or p.has_date:
        return p
    twin = next((q for r, q in roles if r is None and q.start >= p.end), None)
    if twin is None or not (twin.has_date and twin.has_time and twin.start - p.end < 40):
        return p
    # on another clock: "de las 10:00 a las 14:00 hora local del viernes" is a range, not a twin
    return twin if p.zone and twin.zone and p.zone != twin.zone else p


def _tied_to_truce(lex: Lexicon, sh: str, p: Point, lo: int, hi: int) -> bool:
    """A point dates the truce when it stands nearer a ceasefire word than any event word
    ("shells hit a market on Saturday, a day after the truce expired": Saturday dates the shells)."""
    def gap(hits: list[Any]) -> int:
        return min((min(abs(h.start - p.end), abs(p.start - h.end)) for h in hits), default=10**9)

    truce = gap(lex.phrases("ceasefire.terms").finditer(sh, lo, hi))
    event = gap(lex.phrases("events").finditer(sh, lo, hi))
    return truce <= event


def _cued_by_truce(lex: Lexicon, sh: str, p: Point, lo: int) -> bool:
    """'режим тишины объявлен с 1 сентября, однако обстрелы...': a point after a from/to cue a
    few words from a ceasefire word dates the truce, whatever follows it."""
    if _role(lex, sh, p, lo) is None:
        return False
    terms = lex.phrases("ceasefire.terms").finditer(sh, max(lo, p.start - 80), p.start)
    return any(0 <= p.start - t.end <= 30 for t in terms)


def _dated_clocks(sh: str, points: list[Point]) -> list[Point]:
    """'(2059 GMT) on Sunday night', '20:59 GMT, Sunday': a clock with no day right before a day
    with no hour is one instant, that clock on that day (the clock's hour replaces the day's
    part: no "eve of Sunday" reading of a night once the hour is given)."""
    out: list[Point] = []
    for p in points:
        prev = out[-1] if out else None
        if (prev is not None and prev.has_time and not prev.has_date and p.has_date and not p.has_time
                and p.special is None and not sh[prev.end : p.start].strip(" ),(-–")):
            out[-1] = replace(p, start=prev.start, hour=prev.hour, minute=prev.minute, part=None,
                              zone=prev.zone, zone_text=prev.zone_text)
            continue
        out.append(p)
    return out


def _counted_back(start: datetime, end: datetime, hours: float) -> datetime | None:
    """'released prisoners on Tuesday, hoping to extend the three-day truce that ends tonight': a
    day no cue marks as the start, that disagrees with the stated end and length, yields to them
    (the length counted back from the end), when it lies within a week of it."""
    counted = end - timedelta(hours=hours)
    if abs((end - start).total_seconds() / 3600 - hours) <= 0.5 or abs(counted - start) > timedelta(days=7):
        return None
    return counted


def parse_window(lex: Lexicon, sh: str, lo: int, hi: int, ref: date | None) -> Window | None:
    """The window a declaration sentence gives, or None if it names no time at all."""
    every = _dated_clocks(sh, [p for p in grammar(lex).points(sh, lo, hi) if p.has_date or p.has_time])
    points = [p for p in every if _tied_to_truce(lex, sh, p, lo, hi) or _cued_by_truce(lex, sh, p, lo)]
    dur = duration_hours(lex, sh, lo, hi, [(p.start, p.end) for p in every])
    open_ended = bool(lex.phrases("ceasefire.open_ended").search(sh, lo, hi))
    if not points and dur is None and not open_ended:
        return None
    terms = [(t.start, t.end) for t in lex.phrases("ceasefire.terms").finditer(sh, lo, hi)]
    starts = [(t.start, t.end) for t in lex.phrases("ceasefire.start_verbs").finditer(sh, lo, hi)]
    start_p, end_p = _assign(lex, sh, points, lo, terms, starts)
    start_day = resolve_date(start_p, ref, future=None) if start_p and start_p.has_date else None
    end_day = resolve_date(end_p, ref, future=None) if end_p and end_p.has_date else None
    if start_p and start_day is None:
        start_day = end_day or ref
    if end_p and end_day is None:
        end_day = start_day or ref
    start = wall_time(start_p, start_day, "start") if start_p and start_day else None
    end = wall_time(end_p, end_day, "end") if end_p and end_day else None
    if start and end and end <= start and end_p and not end_p.has_date:
        end += timedelta(days=1)
    while start and end and end <= start and end_p and end_p.weekday is not None and end_p.day is None:
        end += timedelta(days=7)
    if start and end and dur and start_p and _role(lex, sh, start_p, lo) is None:
        counted = _counted_back(start, end, dur[0])
        start, start_p = (counted, None) if counted else (start, start_p)
    # "took effect on Sunday" is a moment of that day; "from 15 December" counts the whole day in
    latest = wall_time(start_p, start_day, "end") if start and start_p and start_day and not start_p.has_time \
        and _role(lex, sh, start_p, lo) != "start" else None
    zone = next((p.zone for p in (start_p, end_p) if p and p.zone), None)
    spans = [x for x in (start_p, end_p) if x]
    return Window(
        start=start,
        end=None if open_ended else end,
        zone=zone,
        start_expression=sh[start_p.start : start_p.end] if start_p else None,
        end_expression=sh[end_p.start : end_p.end] if end_p else None,
        duration_hours=dur[0] if dur else None,
        open_ended=open_ended,
        span=(min(p.start for p in spans), max(p.end for p in spans)) if spans else None,
        end_unclocked=bool(end_p and not end_p.has_time and not end_p.zone and start_p and start_p.zone),
        start_latest=latest if latest and start and latest > start else None,
    )

