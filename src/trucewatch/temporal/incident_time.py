"""When an incident happened, as an interval, from the words of its sentence.

In order of precedence:

1. relative to a ceasefire: "quelques heures après le début de la trêve" -> [start, start+12h];
   "peu avant le cessez-le-feu" -> [start-12h, start]; "three hours after the truce began";
   "during the truce" -> the window;
2. calendar words: a date, weekday or "yesterday", with a clock time or part of the day, or
   "overnight"; a bare date covers the whole day on every clock the article involves;
3. nothing: the caller inherits from the incident before (continuation) or falls back to the
   reporting window (the day before publication to the end of the day of publication).

"A few hours" and "shortly" are bounded at 12 hours: wide enough to be true, narrow enough to
judge; an interval that straddles a truce boundary is judged ``uncertain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from trucewatch.nlp.lexicon import Lexicon, phrase_regex
from trucewatch.records import Ceasefire, TimeInterval
from trucewatch.temporal.intervals import clamp_to, day_interval, localize, shift
from trucewatch.temporal.points import Point, grammar
from trucewatch.temporal.resolve import resolve_date, wall_span

FEW_HOURS = 12.0
UNBOUNDED = 48.0


@dataclass(frozen=True)
class Clocks:
    """The clocks an incident's words may be on: the place's first, then the ceasefire's."""

    zones: tuple[str | None, ...]

    @property
    def local(self) -> str | None:
        return self.zones[0] if self.zones else None


def _alt(words: list[str]) -> str:
    """Alternation of lexicon phrases, each as the lexicon matches it (with Arabic clitics)."""
    return "|".join(f"(?:{phrase_regex(w)})" for w in sorted(words, key=len, reverse=True))


class _Relative:
    def __init__(self, lex: Lexicon):
        t, c = lex.section("time"), lex.section("ceasefire")
        number = _alt(list(lex.number_words))
        hours = _alt(t["hour_words"])
        quant = rf"(?P<few>{_alt(t['few_hours'])})|(?P<shortly>{_alt(t['shortly'])})|(?P<n>\d+|{number})\s+(?:{hours})"
        refs = (rf"(?P<start>{_alt(c['start_refs'])})|(?P<end>{_alt(c['end_refs'])})"
                rf"|(?P<cf>{_alt(list(c['terms']))})")
        self.rx = re.compile(
            rf"(?<!\w)(?:(?:{quant})\s+(?:\w+\s+){{0,2}}?)?(?P<dir>{_alt(t['after'])}|{_alt(t['before'])})"
            rf"\s+(?:[^.;]{{0,40}}?)(?:{refs})"
        )
        self.quant = re.compile(quant)
        self.before = re.compile(_alt(t["before"]))
        self.during = lex.phrases("ceasefire.during_refs")
        self.lex = lex


@cache
def _relative(lex: Lexicon) -> _Relative:
    return _Relative(lex)


def relative_to_ceasefire(lex: Lexicon, sh: str, lo: int, hi: int, cf: Ceasefire | None,
                          cf_end: datetime | None = None) -> TimeInterval | None:
    """``cf_end`` is the effective end: the early end when the truce was cut short."""
    if cf is None or cf.start is None:
        return None
    end_at = cf_end or cf.end
    if end_at is not None and end_at <= cf.start:
        end_at = None  # an early end read before the start: two truces mixed up, trust neither end
    r = _relative(lex)
    during = r.during.search(sh, lo, hi)
    if during:
        end = end_at or shift(cf.start, UNBOUNDED)
        return TimeInterval(cf.start, end, "relative_to_ceasefire", sh[during.start:during.end])
    m = r.rx.search(sh, lo, hi)
    if not m:
        return None
    inner = None if (m["few"] or m["shortly"] or m["n"]) else r.quant.search(sh, m.end("dir"), m.end())
    few, shortly, n = (inner["few"], inner["shortly"], inner["n"]) if inner else (m["few"], m["shortly"], m["n"])
    anchor = end_at if m["end"] and end_at else cf.start
    if m["end"] and end_at is None:
        return None
    span = UNBOUNDED
    if few or shortly:
        span = FEW_HOURS
    elif n:
        count = lex.number(n)
        span = float(count) + 1 if count is not None else UNBOUNDED
    before = r.before.fullmatch(m["dir"]) is not None
    earliest, latest = (shift(anchor, -span), anchor) if before else (anchor, shift(anchor, span))
    if n and not before and lex.number(n):
        earliest = shift(anchor, max(0.0, span - 2))
    elif n and before and lex.number(n):
        latest = shift(anchor, -max(0.0, span - 2))
    return TimeInterval(earliest, latest, "relative_to_ceasefire", sh[m.start():m.end()])


def from_calendar(lex: Lexicon, sh: str, lo: int, hi: int, published: date | None,
                  clocks: Clocks) -> TimeInterval | None:
    """An interval from calendar words in the sentence, or None."""
    overnight = lex.phrases("time.overnight").search(sh, lo, hi)
    speech = lex.phrases("speech.verbs")
    points = [p for p in grammar(lex).points(sh, lo, hi) if p.has_date or p.has_time or p.part]
    # "the army said on Monday": the day of the statement, not of the event
    dated = [p for p in points if p.has_date and not speech.search(sh, max(lo, p.start - 16), p.start)]
    if overnight and published is not None:
        # "ليل أمس", "last night": the night that ends on the day of publication; its own
        # "yesterday" is not a date of the night's start
        dated = [p for p in dated if not (overnight.start <= p.start and p.end <= overnight.end)]
        own = dated[-1] if dated else None
        # "en la madrugada de hoy viernes", "в ночь на 5 мая": the night's own hours
        if own is not None and own.part and own.start < overnight.end and overnight.start < own.end:
            return _wall(own, published, clocks, sh)
        day = resolve_date(dated[-1], published, future=False) if dated else published
        if day is None:
            return None
        lo_t = localize(datetime.combine(day - timedelta(days=1), datetime.min.time()).replace(hour=18), clocks.local)
        hi_t = localize(datetime.combine(day, datetime.min.time()).replace(hour=7), clocks.local)
        return TimeInterval(lo_t, hi_t, "explicit", sh[overnight.start:overnight.end])
    for phrase_set, part in (("time.this_morning", (5, 12)), ("time.this_evening", (17, 24))):
        hit = lex.phrases(phrase_set).search(sh, lo, hi)
        if hit and published is not None:
            return _wall(Point(hit.start, hit.end, rel_day=0, part=part), published, clocks, sh)
    if dated:
        return _wall(dated[0], published, clocks, sh)
    return _month(lex, sh, lo, hi, published, clocks)


@cache
def _month_rx(lex: Lexicon) -> re.Pattern[str] | None:
    intro = lex.optional("time.in_month")
    if not intro:
        return None
    months = "|".join(re.escape(m) for m in sorted(grammar(lex).months, key=len, reverse=True))
    words = _alt(list(lex.section("time")["in_month"]))
    of = lex.alternation("filters.of")  # "en mayo de 2024", "in May of 2022"
    return re.compile(rf"(?<!\w)(?:{words})\s*(?P<m>{months})\.?(?!\w)(?:\s+(?:(?:{of})\s+)?(?P<y>(?:19|20)\d\d))?")


def _month(lex: Lexicon, sh: str, lo: int, hi: int, published: date | None, clocks: Clocks) -> TimeInterval | None:
    """'in June', 'in early March', 'im Juni 2023': the whole month, when the sentence gives no
    day; without a year, the last such month up to publication."""
    rx = _month_rx(lex)
    m = rx.search(sh, lo, hi) if rx is not None and published is not None else None
    if m is None or published is None:
        return None
    month = grammar(lex).months[m["m"]]
    year = int(m["y"]) if m["y"] else published.year - (month > published.month)
    start, end = date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)
    if start > published:
        return None
    lo_t = localize(datetime.combine(start, datetime.min.time()), clocks.local)
    hi_t = localize(datetime.combine(end, datetime.min.time()), clocks.local)
    return TimeInterval(lo_t, hi_t, "explicit", sh[m.start() : m.end()])


def _wall(p: Point, published: date | None, clocks: Clocks, sh: str) -> TimeInterval | None:
    day = resolve_date(p, published, future=False)
    if day is None:
        return None
    expression = sh[p.start : p.end]
    if p.has_time or p.part:
        a, b = wall_span(p, day)
        zone = p.zone if p.zone and p.zone != "local" else clocks.local
        return TimeInterval(localize(a, zone), localize(b, zone), "explicit", expression)
    lo_t, hi_t = day_interval(day, day, clocks.zones)
    return TimeInterval(lo_t, hi_t, "explicit", expression)


def reporting_window(published: date | None, clocks: Clocks) -> TimeInterval | None:
    """With no time words: from the start of the day before publication to its end."""
    if published is None:
        return None
    lo_t, hi_t = day_interval(published - timedelta(days=1), published, clocks.zones)
    return TimeInterval(lo_t, hi_t, "reporting_window", None)


NIGHT_HOURS = 14.0


def clamp_reported(t: TimeInterval, end: datetime) -> TimeInterval:
    """Cut an incident's interval at the end of the day of publication (nothing reported happens
    later), except a night the text names that begins before it: an overnight attack spans two
    dates, and an article stamped the evening before ("hoy viernes" in a Thursday-stamped one)
    reports a night that ends the next morning. A time reckoned from a truce is cut."""
    if t.basis == "explicit" and t.width_hours <= NIGHT_HOURS and t.earliest <= end:
        return t
    return clamp_to(t, end)


def publication_end(published: date | None, clocks: Clocks) -> datetime | None:
    if published is None:
        return None
    return day_interval(published, published, clocks.zones)[1]
