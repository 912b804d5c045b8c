"""The review queue from the events' columns: the events awaiting review, in the order of
:func:`~trucewatch.api.views.priority`, without reading every event whole (issue 12).

The queue's score needs, of each unreviewed event, its confidence, toll, attribution and sort
time (columns of ``events``, :mod:`trucewatch.store.search`) and whether a stored judgement puts
it during a window or contested (``event_judgements``): one narrow read of each table, scored in
Python (the same float arithmetic as :func:`priority`, on either database). Only the page's
events are then read in full columns; the few with a standing review are read as views. With
a standing merge, split or truce correction, which rebuild or judge events again on read, the
queue is the views' own (every event read whole, as before).
"""

from __future__ import annotations

import heapq
from typing import Any

from trucewatch.api.listing import _COLUMNS, _key, _summary, _verdicts
from trucewatch.api.shown import event_views
from trucewatch.api.views import EventView, priority
from trucewatch.review.grouping import groupings
from trucewatch.review.truces import corrections
from trucewatch.store.db import Store
from trucewatch.store.search import UNDATED

Entry = tuple[tuple[float, float, str], str | EventView]


def review_queue(s: Store, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The first ``limit`` events of the review queue (summaries with ``in_window`` and
    ``contested``), and how many wait in all."""
    if groupings(s.conn) or corrections(s.conn):
        return _of_views(event_views(s), limit)
    held = {r[0] for r in s.rows("SELECT DISTINCT event_id FROM revisions WHERE action <> 'undo' "
                                 "AND undone_by IS NULL")}
    during = {r[0] for r in s.rows("SELECT DISTINCT event_id FROM event_judgements WHERE temporal = 'during'")}
    disputed = {r[0] for r in s.rows("SELECT DISTINCT event_id FROM event_judgements "
                                     "WHERE verdict = 'violation_contested'")}
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
    return _shown(s, top, during, disputed), len(entries)


def _ranked(v: EventView) -> tuple[float, float, str]:
    negated, _, _ = priority(v)
    t, i = _key(v)  # undated: UNDATED, as the rows' tsort
    return negated, t, i


def _shown(s: Store, top: list[Entry], during: set[str], disputed: set[str]) -> list[dict[str, Any]]:
    ids = [x[1] for x in top if isinstance(x[1], str)]
    rows: dict[str, tuple[Any, ...]] = {}
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        rows |= {r[0]: r for r in s.rows(f"SELECT {', '.join(_COLUMNS)} FROM events WHERE id IN "
                                          f"({','.join('?' * len(chunk))})", tuple(chunk))}
    verdicts = _verdicts(s, ids, [])
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
