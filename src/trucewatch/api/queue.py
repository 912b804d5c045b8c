"""The review queue from the events' columns: the events awaiting review, in the order of
:func:`~trucewatch.api.views.priority`, without reading every event whole (issue 12).

The queue's score needs, of each unreviewed event, its confidence, toll, attribution and sort
time (columns of ``events``, :mod:`trucewatch.store.search`) and whether a stored judgement puts
it during a window or contested (``event_judgements``): one narrow read of each table, scored in
Python (the same float arithmetic as :func:`priority`, on either database). Only the page's
events are then read in full columns; the few with a standing review are read as views.

A standing merge or split touches only events with a standing revision (the merged-into, the
absorbed, the split and the new event each have one), which are read as views, merges and splits
applied. A corrected truce is judged again against every event on read: its stored judgements
give way to the corrected one's, judged through the time index from the events' rows (only the
events meeting its window are judged), as the events list does (:func:`.listing._verdicts`).
"""

from __future__ import annotations

import heapq
from typing import Any

from trucewatch.api.listing import _COLUMNS, _key, _summary, _verdicts
from trucewatch.api.shown import event_views
from trucewatch.api.views import EventView, priority
from trucewatch.registry.judged import judge_event, meeting
from trucewatch.review.truces import corrected_registry, corrections
from trucewatch.store.db import Store
from trucewatch.store.search import UNDATED
from trucewatch.stored import Registered

Entry = tuple[tuple[float, float, str], str | EventView]


def review_queue(s: Store, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` events of the review queue (summaries with ``in_window`` and
    ``contested``), and how many wait in all."""
    held = {r[0] for r in s.rows("SELECT DISTINCT event_id FROM revisions WHERE action <> 'undo' "
                                 "AND undone_by IS NULL")}
    fixed = _fixed(s)
    during, disputed = _judged(s, fixed)
    entries: list[Entry] = []
    for eid, confidence, best, high, low, attribution, tsort in s.rows(
            "SELECT id, confidence, fatalities_best, fatalities_high, fatalities_low, attribution, tsort FROM events"):
        if eid in held:
            continue
        toll = int(best or high or low or 0)
        contested = attribution == "contested" or eid in disputed
        score = (1 - min(confidence or 0.0, 1.0)) + min(toll, 50) / 50 + float(eid in during) + float(contested)
        entries.append(((-score, UNDATED if tsort is None else tsort, eid), eid))
    waiting = [v for v in event_views(s, sorted(held)) if v.review is None or v.review.status == "edited"] \
        if held else []
    entries += [(_ranked(v), v) for v in waiting]
    top = heapq.nsmallest(limit, entries, key=lambda x: x[0])
    return _shown(s, top, during, disputed, fixed), len(entries)


def _fixed(s: Store) -> list[Registered]:
    """The truces an analyst corrected, as corrected."""
    fixes = corrections(s.conn)
    return [r for r in corrected_registry(s.conn, s.registry()) if r.id in fixes] if fixes else []


def _judged(s: Store, fixed: list[Registered]) -> tuple[set[str], set[str]]:
    """The events judged during some truce's window, and those of a contested violation: from the
    stored judgements, a corrected truce's judged again (only the events meeting its window)."""
    gone = {r.id for r in fixed}
    judged = [(eid, temporal, verdict) for eid, ceasefire, temporal, verdict in s.rows(
        "SELECT event_id, ceasefire, temporal, verdict FROM event_judgements "
        "WHERE temporal = 'during' OR verdict = 'violation_contested'") if ceasefire not in gone]
    if fixed:
        hits = meeting(fixed, s.event_times())
        facts = {f.id: f for f in s.event_facts({i for _, ids in hits for i in ids})}
        judged += [(j.incident, j.temporal, j.verdict) for reg, ids in hits
                   for j in (judge_event(reg, facts[i]) for i in ids if i in facts)]
    during = {eid for eid, temporal, _ in judged if temporal == "during"}
    disputed = {eid for eid, _, verdict in judged if verdict == "violation_contested"}
    return during, disputed


def _ranked(v: EventView) -> tuple[float, float, str]:
    negated, _, _ = priority(v)
    t, i = _key(v)  # undated: UNDATED, as the rows' tsort
    return negated, t, i


def _shown(s: Store, top: list[Entry], during: set[str], disputed: set[str],
           fixed: list[Registered]) -> list[dict[str, Any]]:
    ids = [x[1] for x in top if isinstance(x[1], str)]
    rows: dict[str, tuple[Any, ...]] = {}
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        rows |= {r[0]: r for r in s.rows(f"SELECT {', '.join(_COLUMNS)} FROM events WHERE id IN "
                                          f"({','.join('?' * len(chunk))})", tuple(chunk))}
    verdicts = _verdicts(s, ids, fixed)
    out = []
    for _, item in top:
        if isinstance(item, EventView):
            out.append({**item.summary(), "in_window": item.in_window, "contested": item.contested})
        else:
            row = rows[item]
            out.append({**_summary(row, verdicts.get(item, [])), "in_window": item in during,
                        "contested": row[_COLUMNS.index("attribution")] == "contested" or item in disputed})
    return out


def _of_views(views: list[EventView], limit: int) -> tuple[list[dict[str, Any]], int]:
    waiting = sorted((v for v in views if v.review is None or v.review.status == "edited"), key=priority)
    return ([{**v.summary(), "in_window": v.in_window, "contested": v.contested} for v in waiting[:limit]],
            len(waiting))
