"""Every corroborated event judged against every registered ceasefire, through the time index.

The registry merges the stored declarations (:func:`trucewatch.registry.ceasefires.build`); the
events come from corroboration (:class:`trucewatch.stored.Event`).
:func:`trucewatch.judge.index.judge_indexed` finds, per ceasefire, the events whose interval meets
its window with two binary searches; only those are judged in full (zone, attribution, verdict).
Events wholly before or after a window are not rows: their relation is implied. Events without a
time interval are judged "time uncertain" against ceasefires of their country (or of none). A
ceasefire without a known start is not judged here (every event would be uncertain).
"""

from __future__ import annotations

import numpy as np

from trucewatch.judge.index import Events, Window, judge_indexed
from trucewatch.judge.judge import judge
from trucewatch.records import Judgement
from trucewatch.stored import Event, EventFacts, Registered

#: (event id, start, end in seconds since the epoch, country): all the time index reads of an event
Timed = tuple[str, float | None, float | None, str | None]


def _window(reg: Registered) -> Window:
    cf = reg.ceasefire
    end = reg.judged_end
    return Window(cf.start.timestamp() if cf.start else -np.inf, end.timestamp() if end else np.inf, -1)


def meeting(registry: list[Registered], times: list[Timed]) -> list[tuple[Registered, list[str]]]:
    """Per ceasefire with a start: the events during or straddling its window, and the untimed
    ones of its country (or of none). The rest lie wholly before or after it."""
    timed = [t for t in times if t[1] is not None and t[2] is not None]
    untimed = [t for t in times if t[1] is None or t[2] is None]
    judged = [reg for reg in registry if reg.ceasefire.start is not None]
    index = Events(np.array([t[1] for t in timed], dtype=np.float64),
                   np.array([t[2] for t in timed], dtype=np.float64),
                   np.full(len(timed), -1, dtype=np.int64))  # the zone is judged in full afterwards
    out = []
    for reg, hits in zip(judged, judge_indexed(index, [_window(reg) for reg in judged]), strict=True):
        zone = reg.ceasefire.zone_countries
        ids = [timed[int(i)][0] for i in (*hits.during, *hits.uncertain)]
        ids += [t[0] for t in untimed if not zone or t[3] is None or t[3] in zone]
        out.append((reg, ids))
    return out


def judge_event(reg: Registered, event: EventFacts) -> Judgement:
    return judge(reg.ceasefire, event.id, event.time, event.place, event.attribution, reg.zone, reg.horizon)


def timed(event: Event) -> Timed:
    t, p = event.time, event.place
    return (event.id, t.earliest.timestamp() if t else None, t.latest.timestamp() if t else None,
            p.country if p else None)


def judge_events(registry: list[Registered], events: list[Event]) -> list[Judgement]:
    """Verdicts of events during or straddling each ceasefire's window, and of untimed events in
    its country."""
    by_id = {e.id: e.facts for e in events}
    return [judge_event(reg, by_id[i]) for reg, ids in meeting(registry, [timed(e) for e in events]) for i in ids]
