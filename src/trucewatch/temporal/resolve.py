"""Resolve a :class:`~trucewatch.temporal.points.Point` to instants.

A point resolves against a reference date (the publication date), a role and a clock:

* role ``start``: a bare date is its 00:00; "midnight" is 00:00 of that date, but "midnight
  last night" ("منتصف ليل أمس", "hier à minuit") is the midnight that closed yesterday;
* role ``end``: a bare date is its 24:00; "midnight" closing a period is 24:00 of that date
  ("du 6 janvier à midi au 7 janvier à minuit" ends at 2023-01-08T00:00);
* a start in a night without an hour ("from Sunday night", "ليلة الاثنين") is that night's
  midnight: truces begin at midnight, not at the evening before;
* a weekday names the nearest such day for a ceasefire window (announced as coming, or reported
  as having begun) and the last such day on or before the reference for something that happened.
* a weekday said to be a relative day ("hoy viernes") is the such day nearest that day;
* a year-less date takes the year that puts it nearest the reference date.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from trucewatch.temporal.points import Point


def resolve_date(p: Point, ref: date | None, *, future: bool | None) -> date | None:
    """The calendar day of a point. ``future``: True for the next such weekday, False for the
    last one (something that happened), None for the nearest (a window announced or reported)."""
    if p.day is not None and p.month is not None:
        if p.year is not None:
            return _safe_date(p.year, p.month, p.day)
        if ref is None:
            return None
        options = [_safe_date(ref.year + k, p.month, p.day) for k in (-1, 0, 1)]
        valid = [d for d in options if d is not None]
        if future is False:  # "am 7. Oktober" in May: last October, what happened is not ahead
            valid = [d for d in valid if d <= ref + timedelta(days=1)] or valid
        return min(valid, key=lambda d: abs((d - ref).days)) if valid else None
    if ref is None:
        return None
    if p.rel_day is not None:
        return ref + timedelta(days=p.rel_day)
    if p.weekday is not None and p.near is not None:  # "hoy viernes": the Friday nearest today
        said = ref + timedelta(days=p.near)
        ahead = (p.weekday - said.weekday()) % 7
        return said + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    if p.weekday is not None:
        ahead = (p.weekday - ref.weekday()) % 7
        behind = (ref.weekday() - p.weekday) % 7
        if future is None:
            future = ahead <= behind
        if future:
            return ref + timedelta(days=ahead)
        return ref - timedelta(days=behind)
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def wall_time(p: Point, day: date, role: str) -> datetime:
    """The wall-clock instant (naive) of a point on a resolved day, for a role."""
    if p.special == "midnight" or p.hour == 24:
        # "midnight last night", "hier à minuit": the midnight that closed that day
        if role == "end" or (p.rel_day is not None and p.rel_day < 0 and p.hour != 24):
            return datetime.combine(day + timedelta(days=1), time())
        return datetime.combine(day, time())
    if p.hour is not None:
        return datetime.combine(day, time(p.hour % 24, p.minute))
    if p.part is not None:
        h0, h1 = p.part
        if role == "start" and (h0 < 0 or h1 > 24):
            # "from Sunday night", "ليلة الاثنين": a truce that begins in a night begins at its midnight
            return datetime.combine(day + timedelta(days=1 if h1 > 24 else 0), time())
        hour = h0 if role == "start" else h1
        return datetime.combine(day, time()) + timedelta(hours=hour)
    if role == "end":
        return datetime.combine(day + timedelta(days=1), time())
    return datetime.combine(day, time())


def wall_span(p: Point, day: date) -> tuple[datetime, datetime]:
    """The wall-clock span a point covers when it dates an incident."""
    base = datetime.combine(day, time())
    if p.special == "noon":
        return base + timedelta(hours=11, minutes=30), base + timedelta(hours=12, minutes=30)
    if p.special == "midnight":
        return base - timedelta(minutes=30), base + timedelta(minutes=30)
    if p.hour is not None:
        at = base + timedelta(hours=p.hour, minutes=p.minute)
        return at - timedelta(minutes=30), at + timedelta(minutes=60)
    if p.part is not None:
        return base + timedelta(hours=p.part[0]), base + timedelta(hours=p.part[1])
    return base, base + timedelta(days=1)
