"""The indexed judgement gives exactly what the pairwise loop gives, for any events and windows,
and for stored events against registered ceasefires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.records import ceasefire, incident, place, report
from trucewatch.judge.index import Events, Window, judge_indexed, judge_naive
from trucewatch.registry.judged import judge_event, judge_events
from trucewatch.stored import Event, Registered

times = st.integers(0, 500)


@st.composite
def corpus(draw: st.DrawFn) -> tuple[Events, list[Window]]:
    n = draw(st.integers(0, 60))
    starts = [draw(times) for _ in range(n)]
    ends = [s + draw(st.integers(0, 80)) for s in starts]
    countries = [draw(st.integers(-1, 2)) for _ in range(n)]
    windows = []
    for _ in range(draw(st.integers(1, 6))):
        s = draw(times)
        e = float("inf") if draw(st.booleans()) and draw(st.booleans()) else s + draw(st.integers(1, 120))
        windows.append(Window(float(s), e, draw(st.integers(-1, 2))))
    return Events(np.array(starts, float), np.array(ends, float), np.array(countries, int)), windows


@settings(max_examples=300, deadline=None)
@given(corpus())
def test_indexed_judgement_equals_the_pairwise_loop(data: tuple[Events, list[Window]]) -> None:
    events, windows = data
    for fast, slow in zip(judge_indexed(events, windows), judge_naive(events, windows), strict=True):
        assert sorted(fast.during.tolist()) == sorted(slow.during.tolist())
        assert sorted(fast.uncertain.tolist()) == sorted(slow.uncertain.tolist())
        assert (fast.before, fast.after) == (slow.before, slow.after)


@st.composite
def stored(draw: st.DrawFn) -> tuple[list[Registered], list[Event]]:
    """Events as stored (intervals on several clocks, some untimed, some unplaced) and
    registered ceasefires."""
    base = datetime(2023, 1, 1, tzinfo=UTC)
    zones = [timezone(timedelta(hours=h)) for h in (0, 2, 3)]
    events = []
    for n in range(draw(st.integers(0, 25))):
        timed = draw(st.integers(0, 5)) > 0
        lo = base + timedelta(hours=draw(times))
        hi = lo + timedelta(hours=draw(st.integers(1, 80)))
        tz = draw(st.sampled_from(zones))
        country = draw(st.sampled_from(["UA", "RU", None]))
        inc = incident(f"Report {n}.", where=place("Town", country, None) if country else None,
                       start=lo.astimezone(tz).isoformat() if timed else None,
                       end=hi.astimezone(tz).isoformat() if timed else None)
        events.append(Event.single(report(f"a{n}", inc)))
    registry = []
    for n in range(draw(st.integers(1, 4))):
        start = base + timedelta(hours=draw(times))
        open_ended = draw(st.booleans()) and draw(st.booleans())
        end = None if open_ended else start + timedelta(hours=draw(st.integers(1, 120)))
        cf = ceasefire("Russia", (start if draw(st.integers(0, 6)) else None) and start.isoformat(),
                       end.isoformat() if end else None, id=f"C{n}", scope_country=draw(st.sampled_from(["UA", None])))
        registry.append(Registered(cf))
    return registry, events


@settings(max_examples=200, deadline=None)
@given(stored())
def test_event_judgements_are_every_pair_that_meets_a_window(data: tuple[list[Registered], list[Event]]) -> None:
    """The indexed judgement of stored events finds exactly the (event, ceasefire) pairs the
    pairwise rule judges during or uncertain, with the same verdicts."""
    registry, events = data
    fast = {(v.incident, v.ceasefire): v for v in judge_events(registry, events)}
    slow = {}
    for reg in registry:
        cf = reg.ceasefire
        if cf.start is None:
            continue
        for e in events:
            v = judge_event(reg, e.facts)
            country = e.place.country if e.place else None
            if (e.time and v.temporal in {"during", "uncertain"}) or (
                    not e.time and (not cf.scope_country or country in (None, cf.scope_country))):
                slow[(v.incident, v.ceasefire)] = v
    assert fast == slow
