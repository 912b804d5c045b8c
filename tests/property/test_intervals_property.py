"""Property tests for the algebra of ceasefire windows and incident intervals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given
from hypothesis import strategies as st

from trucewatch.records import TimeInterval
from trucewatch.temporal.intervals import day_interval, hours_between, relation, shift

UTC = UTC
BASE = datetime(2023, 1, 1, tzinfo=UTC)
minutes = st.integers(min_value=0, max_value=60 * 24 * 60)
zones = st.sampled_from(["UTC", "Europe/Kyiv", "Europe/Moscow", "Asia/Gaza", "America/Bogota", "Asia/Kolkata"])


def _at(m: int, zone: str = "UTC") -> datetime:
    return (BASE + timedelta(minutes=m)).astimezone(ZoneInfo(zone) if zone != "UTC" else UTC)


def _interval(a: int, b: int, zone: str = "UTC") -> TimeInterval:
    lo, hi = sorted((a, b))
    return TimeInterval(_at(lo, zone), _at(hi, zone), "test")


@given(minutes, minutes, minutes, minutes, zones)
def test_intervals_relation_matches_the_definition(a: int, b: int, s: int, e: int, zone: str) -> None:
    inc = _interval(a, b, zone)
    start, end = sorted((s, e))
    got = relation(inc, _at(start), _at(end))
    lo, hi = sorted((a, b))
    if hi <= start:
        assert got == "before"
    elif lo >= end:
        assert got == "after"
    elif lo >= start and hi <= end:
        assert got == "during"
    else:
        assert got == "uncertain"


@given(minutes, minutes, minutes, minutes, minutes, minutes)
def test_intervals_narrowing_never_changes_a_certain_verdict(a: int, b: int, s: int, e: int,
                                                             c: int, d: int) -> None:
    start, end = sorted((s, e))
    assume(start < end)  # a window lasts; an empty one is never extracted
    outer = _interval(a, b)
    lo, hi = sorted((a, b))
    x, y = sorted((lo + (c % (hi - lo + 1)), lo + (d % (hi - lo + 1))))
    assume(x < y)  # incident intervals always have a width (an exact clock time is +-30 min)
    inner = _interval(x, y)
    before = relation(outer, _at(start), _at(end))
    if before != "uncertain":
        assert relation(inner, _at(start), _at(end)) == before


@given(minutes, minutes, minutes)
def test_intervals_open_ended_window_has_no_after(a: int, b: int, s: int) -> None:
    assert relation(_interval(a, b), _at(s), None) != "after"


@given(minutes, st.integers(min_value=-500, max_value=500), zones)
def test_intervals_shift_adds_elapsed_hours_across_dst(m: int, hours: int, zone: str) -> None:
    t = _at(m, zone)
    assert hours_between(t, shift(t, hours)) == hours


@given(st.dates(min_value=datetime(2000, 1, 1).date(), max_value=datetime(2040, 1, 1).date()),
       st.lists(zones, min_size=1, max_size=3))
def test_intervals_day_covers_every_clocks_day(d, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    lo, hi = day_interval(d, d, names)
    for z in names:
        one_lo, one_hi = day_interval(d, d, [z])
        assert lo.astimezone(UTC) <= one_lo.astimezone(UTC) and one_hi.astimezone(UTC) <= hi.astimezone(UTC)
    assert 23 <= hours_between(lo, hi) <= 24 + 28  # a day, widened by the spread of the clocks


@given(minutes, minutes, minutes, st.integers(min_value=1, max_value=60 * 24), minutes)
def test_intervals_a_start_known_to_the_day_only_turns_during_into_uncertain(a: int, b: int, s: int, width: int,
                                                                             e: int) -> None:
    start, latest, end = _at(s), _at(s + width), _at(s + width + e)
    sure, vague = relation(_interval(a, b), start, end), relation(_interval(a, b), start, end, latest)
    assert vague == sure or (sure, vague) == ("during", "uncertain")
    if vague == "during":
        assert min(a, b) >= s + width
