"""Judge every event against every ceasefire with time and space indexes.

A corpus of a million events and a registry of a thousand ceasefires is a billion pairs; almost
all of them are "before" or "after" and need no row. :func:`judge_indexed` sorts the events by
start time and, per ceasefire and per country of its zone, finds with two binary searches the
events whose interval can meet the window; only those are classified (during / uncertain), in
numpy, and counts stand for the rest. :func:`judge_naive` is the pairwise loop it replaces, kept
as the reference the tests and the benchmark compare with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DURING, UNCERTAIN = 1, 2


@dataclass(frozen=True)
class Events:
    """Columns of events: start/end in seconds since the epoch (UTC), a country code each."""

    start: np.ndarray
    end: np.ndarray
    country: np.ndarray  # small integers; -1 unknown


@dataclass(frozen=True)
class Window:
    start: float
    end: float  # np.inf when open-ended
    country: int  # -1: no zone country, every country is in scope


@dataclass(frozen=True)
class Hits:
    """For one ceasefire: the events during its window or straddling a boundary (indices into
    the events), and how many lie wholly before and after."""

    during: np.ndarray
    uncertain: np.ndarray
    before: int
    after: int


def _in_zone(country: np.ndarray, zone: int) -> np.ndarray:
    """Events in the zone's country, or of unknown country (judged "zone unknown", not dropped)."""
    inside: np.ndarray = (country == zone) | (country < 0)
    return inside


class EventIndex:
    def __init__(self, events: Events):
        order = np.argsort(events.start, kind="stable")
        self.order = order
        self.start = events.start[order]
        self.end = events.end[order]
        self.country = events.country[order]
        # the longest interval bounds how far before a window an overlapping event can start
        self.max_width = float((events.end - events.start).max()) if len(order) else 0.0

    def judge(self, w: Window) -> Hits:
        lo = int(np.searchsorted(self.start, w.start - self.max_width, side="left"))
        hi = int(np.searchsorted(self.start, w.end, side="left"))
        start, end, country = self.start[lo:hi], self.end[lo:hi], self.country[lo:hi]
        meets = end > w.start  # starts before the window ends (by the slice) and ends after it starts
        if w.country >= 0:
            meets &= _in_zone(country, w.country)
        inside = meets & (start >= w.start) & (end <= w.end)
        straddles = meets & ~inside
        early = end <= w.start
        if w.country < 0:
            before, after = lo + int(np.count_nonzero(early)), len(self.start) - hi
        else:  # events outside the zone are neither before nor after this truce's window
            before = int(np.count_nonzero(_in_zone(self.country[:lo], w.country))) + int(
                np.count_nonzero(early & _in_zone(country, w.country)))
            after = int(np.count_nonzero(_in_zone(self.country[hi:], w.country)))
        return Hits(self.order[lo:hi][inside], self.order[lo:hi][straddles], before, after)


def judge_indexed(events: Events, windows: Sequence[Window]) -> list[Hits]:
    index = EventIndex(events)
    return [index.judge(w) for w in windows]


def judge_naive(events: Events, windows: Sequence[Window]) -> list[Hits]:
    """Every pair, in plain Python: the reference."""
    out = []
    for w in windows:
        during, uncertain, before, after = [], [], 0, 0
        for i in range(len(events.start)):
            if w.country >= 0 and events.country[i] not in (w.country, -1):
                continue
            s, e = float(events.start[i]), float(events.end[i])
            if e <= w.start:
                before += 1
            elif s >= w.end:
                after += 1
            elif s >= w.start and e <= w.end:
                during.append(i)
            else:
                uncertain.append(i)
        out.append(Hits(np.array(during, dtype=np.int64), np.array(uncertain, dtype=np.int64), before, after))
    return out
