"""Interval algebra on aware datetimes: clocks, day boundaries, and the relation of an incident's
interval to a ceasefire window. Pure functions, property-tested in tests/property.

Conventions: a ceasefire window is half-open ``[start, end)``; ``end=None`` is open-ended. An
incident interval ``[earliest, latest]`` that ends exactly when a truce starts is ``before`` it (an
attack "shortly before the ceasefire" ends at the start), one that starts exactly when it ends is
``after``; one that straddles a boundary is ``uncertain``: we never guess which side it fell on.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from trucewatch.records import Temporal, TimeInterval

UTC = UTC


def zone(name: str | None) -> ZoneInfo | timezone:
    if not name or name == "UTC":
        return UTC
    return ZoneInfo(name)


def localize(naive: datetime, zone_name: str | None) -> datetime:
    """Attach a clock to a wall time; nonexistent DST times move forward, ambiguous take fold=0."""
    tz = zone(zone_name)
    aware = naive.replace(tzinfo=tz)
    round_trip = aware.astimezone(UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != naive:  # in a DST gap: shift by the gap
        aware = (aware.astimezone(UTC)).astimezone(tz)
    return aware


def day_start(d: date, zone_name: str | None) -> datetime:
    return localize(datetime.combine(d, time()), zone_name)


def day_interval(first: date, last: date, zones: Iterable[str | None]) -> tuple[datetime, datetime]:
    """The instants from the start of ``first`` to the end (24:00) of ``last`` on *any* of the clocks.

    A date known only as a date, in an article whose places and declarers keep different clocks,
    covers the union of those clocks' days: it begins on the clock that is furthest ahead and
    ends on the one furthest behind.
    """
    names = list(zones) or [None]
    starts = [day_start(first, z) for z in names]
    ends = [day_start(last + timedelta(days=1), z) for z in names]
    return min(starts, key=lambda t: t.astimezone(UTC)), max(ends, key=lambda t: t.astimezone(UTC))


def relation(interval: TimeInterval, start: datetime | None, end: datetime | None,
             start_latest: datetime | None = None) -> Temporal:
    """Where an incident's interval lies against a window ``[start, end)``; ``start_latest``: the
    latest the start can be, when it is known only to a day ("since Sunday"): an incident that
    morning may have come before it, and is uncertain, not during."""
    if start is None:
        return "uncertain"
    # compare in UTC: aware datetimes sharing a tzinfo compare by wall clock in Python
    lo, hi = interval.earliest.astimezone(UTC), interval.latest.astimezone(UTC)
    start = start.astimezone(UTC)
    surely = max(start, start_latest.astimezone(UTC)) if start_latest is not None else start
    end = end.astimezone(UTC) if end is not None else None
    if hi <= start:
        return "before"
    if end is not None and lo >= end:
        return "after"
    if lo >= surely and (end is None or hi <= end):
        return "during"
    return "uncertain"


def hours_between(start: datetime, end: datetime) -> float:
    """Elapsed hours (in UTC: a DST change inside the span counts)."""
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 3600


def shift(moment: datetime, hours: float) -> datetime:
    """``moment`` plus elapsed hours, shown on its own clock. Python's ``aware + timedelta`` adds
    wall-clock time, which is wrong across a DST change."""
    return (moment.astimezone(UTC) + timedelta(hours=hours)).astimezone(moment.tzinfo)


def clamp_to(interval: TimeInterval, latest: datetime) -> TimeInterval:
    """Cut an interval at ``latest`` (nothing reported can happen after publication)."""
    cut = latest.astimezone(UTC)
    if interval.latest.astimezone(UTC) <= cut or interval.earliest.astimezone(UTC) > cut:
        return interval
    return TimeInterval(interval.earliest, latest, interval.basis, interval.expression)
