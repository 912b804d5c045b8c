"""Typed records for tests, with defaults: a test states only what it is about."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from trucewatch.records import Ceasefire, Incident, Place, Span, TimeInterval
from trucewatch.stored import Declaration, Report, Source


def place(name: str = "Kherson", country: str | None = "UA", admin1: str | None = "Kherson",
          lat: float | None = 46.64, lon: float | None = 32.61, precision: int = 1) -> Place:
    return Place(name, country, admin1, lat, lon, precision, 1 if precision == 1 else 4)


def interval(start: str | None, end: str | None) -> TimeInterval | None:
    if not start or not end:
        return None
    return TimeInterval(datetime.fromisoformat(start), datetime.fromisoformat(end), "explicit")


def incident(text: str = "Drones hit Kherson.", *, id: str = "i1", where: Place | None = None,
             start: str | None = "2025-04-20T17:00:00+03:00", end: str | None = "2025-04-21T00:00:00+03:00",
             low: int | None = None, **fields: Any) -> Incident:
    base = Incident(id, where, "Explosions/Remote violence", "Air/drone strike", None, None, interval(start, end),
                    None, None, None, None, low, low, None, None, (), (Span(0, len(text), text),), 0.8)
    return replace(base, **fields)


def report(article: str, inc: Incident, published: str | None = "2025-04-21", outlet: str | None = None) -> Report:
    return Report(inc, article, date.fromisoformat(published) if published else None, "en",
                  Source(f"{article}.txt", outlet, None, None))


def ceasefire(declared_by: str | None, start: str | None, end: str | None, **fields: Any) -> Ceasefire:
    base = Ceasefire("cf1", "unilateral", declared_by, None, None,
                     datetime.fromisoformat(start) if start else None, datetime.fromisoformat(end) if end else None,
                     "Europe/Moscow", "stated", None, "UA", None, None, None, (), ())
    return replace(base, **fields)


def declaration(article: str, cf: Ceasefire, published: str | None = None) -> Declaration:
    return Declaration(cf, article, date.fromisoformat(published) if published else None)
