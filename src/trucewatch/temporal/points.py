"""Find calendar points in text: dates, weekdays, relative days, clock times, midnight and noon,
parts of the day and stated timezones, from a language's lexicon.

dateparser is not used here: it returns nothing for "minuit"/"midnight"-as-24:00 and reads
durations ("36 heures", "11 mois") as past dates. A :class:`Point` is the parse; resolving it to
an instant needs a role (a window's start or end), a reference date and a clock (resolve.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from trucewatch.budget import check
from trucewatch.nlp.lexicon import Lexicon, PhraseSet


def _connector(words: tuple[str, ...]) -> re.Pattern[str]:
    """Words that may stand between a date and its time ("6 janvier à midi", "6 января в 12:00")."""
    return re.compile(r"^[\s,()]*(?:(?:" + "|".join(re.escape(w) for w in words) + r")[\s,()]+)*$")


@dataclass(frozen=True)
class Point:
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    rel_day: int | None = None
    hour: int | None = None
    minute: int = 0
    special: str | None = None  # "noon" | "midnight"
    part: tuple[int, int] | None = None
    zone: str | None = None
    zone_text: str | None = None
    #: "hoy viernes", "вчера, в четверг": the weekday said to be that relative day
    near: int | None = None

    @property
    def has_date(self) -> bool:
        return self.day is not None or self.weekday is not None or self.rel_day is not None

    @property
    def has_time(self) -> bool:
        return self.hour is not None or self.special is not None


class PointGrammar:
    """Regular expressions for one language, built from its lexicon."""

    def __init__(self, lex: Lexicon):
        t = lex.section("time")
        self.lex = lex
        # "heures", "часов": a number before them is a time of day only after ``clock_cues``
        self.clock_words = lex.words("time.clock_words")
        # "10 صباحا", "6 p.m.": a.m. and p.m. in words, compared without their dots
        self.am_words = {w.replace(".", "") for w in lex.words("time.am_words")}
        self.pm_words = {w.replace(".", "") for w in lex.words("time.pm_words")}
        # "الساعة 6": a bare number after these is a clock
        self.clock_before = PhraseSet(list(lex.words("time.clock_before")))
        # "à 18 heures", "с 12 часов": a clock; "de 10 heures à 21 heures": a clock range
        self.clock_cue = re.compile(rf"(?<!\w)(?:{lex.alternation('time.clock_cues')})\s+$")
        self.range_from = re.compile(rf"(?<!\w)(?:{lex.alternation('time.range_from')})\s+$")
        self.range_to = re.compile(rf"\s*(?:\([^)]*\)\s*)?(?:{lex.alternation('time.range_to')})\s+\d")
        self.connector = _connector(lex.words("time.connectors"))
        self.months = {k.rstrip("."): v for k, v in t["months"].items()}
        self.weekdays = dict(t["weekdays"])
        self.day_month, self.month_day = _day_month(lex), _month_day(lex)
        parts = t["weekday_parts"]
        self.weekday_parts = {k: (int(v[0]), int(v[1])) for k, v in parts.items()}
        suffix = "|".join(re.escape(k) for k in sorted(parts, key=len, reverse=True))
        compound = rf"(?P<wdpart>{suffix})?" if suffix else ""
        self.weekday = re.compile(rf"(?<!\w)(?P<wd>{_alt(t['weekdays'])}){compound}(?!\w)")
        self.dotted = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)")
        self.iso = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
        suffixes = sorted({*self.clock_words, *lex.words("time.am_words"), *lex.words("time.pm_words"),
                           *lex.words("time.clock_suffixes")}, key=len, reverse=True)
        self.clock = re.compile(
            r"(?<![\w:.])(?P<h>2[0-4]|[01]?\d)(?!\d)(?:(?:[:h]|\.(?=\d\d))(?P<min>[0-5]\d)(?!\d))?\s*"
            r"(?P<suffix>" + ("|".join(f"{re.escape(w)}(?!\\w)" for w in suffixes) or "(?!)") + ")?"
        )
        # "1400 GMT": four digits before a zone
        self.military = re.compile(r"(?<!\d)(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*"
                                   rf"(?=(?:{lex.alternation('time.military_zones')}))")
        # "du 8 au 10 mai", "с 8 по 10 мая": the bare first day of a range
        self.range_day = re.compile(
            rf"(?<![\w.:])(?P<d>\d{{1,2}})(?:-?(?:{lex.alternation('time.ordinals')})|\.)?\s*"
            rf"(?:-|{lex.alternation('time.day_range')})\s*"
            rf"(?=\d{{1,2}}(?:-?(?:{lex.alternation('time.ordinals')})|\.)?\s)"
        )
        self.noon = PhraseSet(t["noon"])
        self.midnight = PhraseSet(t["midnight"])
        self.rel_days = PhraseSet(t["relative_days"])
        self.parts = PhraseSet(t["day_parts"])
        self.zones = PhraseSet(t["zones"])

    def points(self, sh: str, lo: int, hi: int) -> list[Point]:
        """Every point between ``lo`` and ``hi`` in the shadow text, times attached to dates."""
        check()
        dates = self._dates(sh, lo, hi)
        times = self._zones(sh, self._times(sh, lo, hi, dates), hi)
        merged = _attach(sh, dates, times, self.connector)
        return sorted(self._zones(sh, merged, hi), key=lambda p: p.start)

    def _dates(self, sh: str, lo: int, hi: int) -> list[Point]:
        found: list[Point] = []
        taken = _Taken()
        for rx in (self.iso, self.day_month, self.month_day):
            for m in rx.finditer(sh, lo, hi):
                if _overlaps(taken, m.start(), m.end()):
                    continue
                month = self.months.get(m["m"].rstrip(".")) if not m["m"].isdigit() else int(m["m"])
                if month is None or not 1 <= int(m["d"]) <= 31:
                    continue
                wd = m.groupdict().get("wd")
                found.append(Point(m.start(), m.end(), day=int(m["d"]), month=month,
                                   year=int(m["y"]) if m["y"] else None,
                                   weekday=self.weekdays.get(wd.rstrip(".")) if wd else None))
                taken.append((m.start(), m.end()))
        found += self._range_starts(sh, lo, hi, found, taken)
        for m in self.dotted.finditer(sh, lo, hi):  # 08.05.2025
            if not _overlaps(taken, m.start(), m.end()) and 1 <= int(m["m"]) <= 12:
                found.append(Point(m.start(), m.end(), day=int(m["d"]), month=int(m["m"]), year=int(m["y"])))
                taken.append((m.start(), m.end()))
        for m in self.weekday.finditer(sh, lo, hi):
            if not _overlaps(taken, m.start(), m.end()):
                part = self.weekday_parts.get(m.groupdict().get("wdpart") or "")
                found.append(Point(m.start(), m.end(), weekday=self.weekdays[m["wd"].rstrip(".")], part=part))
                taken.append((m.start(), m.end()))
        for hit in self.rel_days.finditer(sh, lo, hi):
            if not _overlaps(taken, hit.start, hit.end):
                found.append(Point(hit.start, hit.end, rel_day=int(self.rel_days.value(hit))))
                taken.append((hit.start, hit.end))
        return _named_days(sh, found, self.connector)

    def _range_starts(self, sh: str, lo: int, hi: int, found: list[Point],
                      taken: _Taken) -> list[Point]:
        """The bare first day of a range takes the month of the second: "с 8 по 10 мая",
        "du 8 au 10 mai", "from 8 to 10 May", "vom 8. bis 10. Mai"."""
        out = []
        by_start = {p.start: p for p in found if p.day is not None}
        for m in self.range_day.finditer(sh, lo, hi):
            second = by_start.get(m.end())
            if second is None or _overlaps(taken, m.start(), m.start() + len(m["d"])) or not 1 <= int(m["d"]) <= 31:
                continue
            out.append(Point(m.start(), m.start() + len(m["d"]), day=int(m["d"]), month=second.month,
                             year=second.year))
            taken.append((m.start(), m.start() + len(m["d"])))
        return out

    def _times(self, sh: str, lo: int, hi: int, dates: list[Point]) -> list[Point]:
        taken = _Taken((p.start, p.end) for p in dates)
        ends = sorted(d.end for d in dates)
        out: list[Point] = []
        for m in self.military.finditer(sh, lo, hi):
            if not _overlaps(taken, m.start(), m.end()):
                out.append(Point(m.start(), m.end(), hour=int(m["h"]), minute=int(m["min"])))
                taken.append((m.start(), m.end()))
        for m in self.clock.finditer(sh, lo, hi):
            p = None if _overlaps(taken, m.start(), m.end()) else self._clock_point(sh, m, ends)
            if p is not None:
                out.append(p)
                taken.append((p.start, p.end))
        # "2 بعد الظهر" is 14:00, not a second point at noon
        out += [Point(h.start, h.end, special="noon", hour=12) for h in self.noon.finditer(sh, lo, hi)
                if not _overlaps(taken, h.start, h.end)]
        out += [Point(h.start, h.end, special="midnight", hour=0) for h in self.midnight.finditer(sh, lo, hi)
                if not _overlaps(taken, h.start, h.end)]
        for hit in self.parts.finditer(sh, lo, hi):
            h0, h1 = self.parts.value(hit)
            if not _overlaps(taken, hit.start, hit.end):
                out.append(Point(hit.start, hit.end, part=(int(h0), int(h1))))
        stated = _Taken((d.start, d.end) for d in dates)
        return [p for p in out if not _overlaps(stated, p.start, p.end)]

    def _clock_point(self, sh: str, m: re.Match[str], ends: list[int]) -> Point | None:
        """A clock time, or None for a number that is not one ("36 heures" is a duration; "2.000
        prisonniers" is a number). "dimanche 20 heures": an hour right after a date is its clock.
        ``ends``: where the dates end, in order; only the nearest before the hour can be joined to
        it by connector words alone (a farther one has that date's own words in between)."""
        before = self._clock_word_before(sh, m.start())
        if not (m["min"] or m["suffix"]) and before is None:
            return None
        hour = int(m["h"])
        suffix = (m["suffix"] or "").replace(".", "")
        if suffix in self.pm_words and hour < 12:
            hour += 12
        if suffix in self.am_words and hour == 12:
            hour = 0
        wordy = (m["suffix"] or "") in self.clock_words
        i = bisect_right(ends, m.start())
        dated = bool(i) and self.connector.match(sh[ends[i - 1] : m.start()]) is not None
        if wordy and not m["min"] and not dated and not self._clock_context(sh, m.start(), m.end()) or hour > 24:
            return None
        start = before if before is not None else m.start()  # "الساعة 10": the point starts at the clock word
        return Point(start, m.end(), hour=hour, minute=int(m["min"] or 0),
                     special="midnight" if hour == 24 else None)

    def _clock_context(self, sh: str, at: int, end: int) -> bool:
        """'à 18 heures', 'à partir de 18 heures', 'de 10 heures à 21 heures', 'с 12 часов' are clock
        times; 'une trêve de 36 heures' is a duration."""
        before = sh[max(0, at - 14) : at]
        if self.clock_cue.search(before):
            return True
        return bool(self.range_from.search(before)) and bool(self.range_to.match(sh[end : end + 30]))

    def _clock_word_before(self, sh: str, at: int) -> int | None:
        hit = self.clock_before.search(sh, max(0, at - 16), at) if self.clock_before else None
        return hit.start if hit is not None and not sh[hit.end : at].strip() else None

    def _zones(self, sh: str, points: list[Point], hi: int) -> list[Point]:
        out = []
        for p in points:
            if p.has_time and p.zone is None:
                hit = self.zones.search(sh, p.end, min(hi, p.end + 24))
                if hit and self.connector.match(sh[p.end : hit.start]):
                    p = replace(p, zone=str(self.zones.value(hit)), zone_text=sh[hit.start : hit.end],
                                end=hit.end)
            out.append(p)
        return out


def _day_month(lex: Lexicon) -> re.Pattern[str]:
    """'6 janvier', 'le 6 janvier 2023', 'the 6th of May', '6 de mayo de 2024', 'Samstag, 8. Mai'."""
    t, of = lex.section("time"), lex.alternation("filters.of")
    return re.compile(
        rf"(?<!\w)(?:(?P<wd>{_alt(t['weekdays'])})\s*,?\s+)?(?:(?:{lex.alternation('time.day_articles')})\s+)?"
        rf"(?P<d>\d{{1,2}})(?:{lex.alternation('time.ordinals')}|\.)?(?:\s+(?:{of}))?\s+(?P<m>{_alt(t['months'])})(?!\w)"
        rf"(?:\s+(?:(?:{of})\s+)?(?P<y>(?:19|20)\d\d))?"
    )


def _month_day(lex: Lexicon) -> re.Pattern[str]:
    """'May 6', 'Saturday, May 6th, 2023'."""
    t = lex.section("time")
    return re.compile(
        rf"(?<!\w)(?:(?P<wd>{_alt(t['weekdays'])})\s*,?\s+)?(?P<m>{_alt(t['months'])})\s+(?P<d>\d{{1,2}})"
        rf"(?:{lex.alternation('time.ordinals')})?(?!\d)(?:\s*,?\s+(?P<y>(?:19|20)\d\d))?"
    )


def _alt(words: dict[str, int]) -> str:
    keys = sorted({k.rstrip(".") for k in words}, key=len, reverse=True)
    return "|".join(re.escape(k) + r"\.?" for k in keys)


def _named_days(sh: str, found: list[Point], connector: re.Pattern[str]) -> list[Point]:
    """'hoy viernes', 'aujourd'hui vendredi', 'вчера, в четверг', 'yesterday (Thursday)': a
    relative day and the weekday it is said to be are one point, the weekday nearest that day
    (a publication date a day off, as a UTC stamp or a late edition gives, would otherwise put
    "hoy viernes" a week back)."""
    rel = sorted((p for p in found if p.rel_day is not None), key=lambda p: p.start)
    starts = [r.start for r in rel]
    out, drop = [], set()
    for p in found:
        if p.weekday is None or p.day is not None:
            out.append(p)
            continue
        # only the nearest relative day on each side can be joined by connector words alone (points
        # never overlap, and the text of one between would not be a connector): a bisection, not a
        # scan of every pair (a run of "hoy viernes" grew with its square)
        i, j = bisect_left(starts, p.start), bisect_left(starts, p.end)
        prev = rel[i - 1] if i else None
        before = prev if prev and prev.end <= p.start and connector.match(sh[prev.end : p.start]) else None
        after = rel[j] if j < len(rel) and connector.match(sh[p.end : rel[j].start]) else None
        r = before or after
        if r is None:
            out.append(p)
            continue
        drop.add(id(r))
        out.append(replace(p, start=min(p.start, r.start), end=max(p.end, r.end), near=r.rel_day))
    return [p for p in out if id(p) not in drop]


class _Taken:
    """Spans already read, kept in order of start: whether a new one overlaps any is a bisection
    (a list scanned for every match made a run of dates quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._spans: list[tuple[int, int]] = []
        self._widest = 0
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        insort(self._spans, span)
        self._widest = max(self._widest, span[1] - span[0])

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect_left(self._spans, (start - self._widest, -1))
        hi = bisect_left(self._spans, (end, -1))
        return any(start < e and s < end for s, e in self._spans[lo:hi])


def _overlaps(spans: _Taken, start: int, end: int) -> bool:
    return spans.overlaps(start, end)


def _attach(sh: str, dates: list[Point], times: list[Point], connector: re.Pattern[str]) -> list[Point]:
    """Glue each time to the date it modifies (the one joined to it by connector words only).

    Dates never overlap, nor do times, so in order of start their ends are in order too, and only
    the nearest date on each side of a time can be joined to it: a bisection per time, not a scan
    of every date (a run of dates and times grew with its square). A merged date spans its time,
    which lies between it and the next date, so the order holds."""
    out = sorted(dates, key=lambda p: p.start)
    starts, ends = [p.start for p in out], [p.end for p in out]
    loose: list[Point] = []
    for t in sorted(times, key=lambda p: p.start):
        i = _neighbour(sh, out, starts, ends, t, connector)
        if i is None:
            loose.append(t)
            continue
        out[i] = _merge(out[i], t)
        starts[i], ends[i] = out[i].start, out[i].end
    return out + loose


def _neighbour(sh: str, dates: list[Point], starts: list[int], ends: list[int], t: Point,
               connector: re.Pattern[str]) -> int | None:
    before = bisect_right(ends, t.start) - 1
    if before >= 0 and connector.match(sh[ends[before] : t.start]) and not _time_slot_taken(dates[before], t):
        return before
    after = bisect_left(starts, t.end)
    if after < len(dates) and connector.match(sh[t.end : starts[after]]) and not _time_slot_taken(dates[after], t):
        return after
    return None


def _time_slot_taken(p: Point, t: Point) -> bool:
    if t.part is not None:
        return p.part is not None
    return p.has_time


def _merge(date_point: Point, t: Point) -> Point:
    if t.part is not None:
        return replace(date_point, part=t.part, start=min(date_point.start, t.start),
                       end=max(date_point.end, t.end))
    return replace(date_point, hour=t.hour, minute=t.minute, special=t.special,
                   zone=t.zone or date_point.zone, zone_text=t.zone_text or date_point.zone_text,
                   start=min(date_point.start, t.start), end=max(date_point.end, t.end))


@cache
def grammar(lex: Lexicon) -> PointGrammar:
    return PointGrammar(lex)
