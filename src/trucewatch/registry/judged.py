"""Every corroborated event judged against every registered ceasefire, through the time index.

The registry merges the stored declarations (:func:`trucewatch.registry.ceasefires.build`); the
events come from corroboration, one record each (:func:`trucewatch.corroborate.reports.per_event`).
:func:`trucewatch.judge.index.judge_indexed` finds, per ceasefire, the events whose interval meets
its window with two binary searches; only those are judged in full (zone, attribution, verdict).
Events wholly before or after a window are not rows: their relation is implied. Events without a
time interval are judged "time uncertain" against ceasefires of their country (or of none). A
ceasefire without a known start is not judged here (every event would be uncertain).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import numpy as np

from trucewatch.judge.index import Events, Window, judge_indexed
from trucewatch.registry.ceasefires import Registered, Verdict, judge

_ORDER = {"contested": 0, "uncontested": 1, "unknown": 2}


def event_attribution(values: Iterable[str]) -> str:
    """One event's attribution from its reports': contested if any report finds it contested."""
    return min(values, key=lambda v: _ORDER.get(v, 3), default="unknown")


def _seconds(value: str) -> float:
    return datetime.fromisoformat(value).timestamp()


def _window(reg: Registered) -> Window:
    end = reg.ended_early or reg.end
    return Window(reg.start.timestamp() if reg.start else -np.inf, end.timestamp() if end else np.inf, -1)


def judge_events(registry: list[Registered], records: list[dict[str, Any]],
                 attribution: dict[str, str]) -> list[Verdict]:
    """Verdicts of events (records whose ``report_id`` is the event id) during or straddling each
    ceasefire's window, and of untimed events in its country; ``attribution``: event id -> value."""
    timed = [r for r in records if r.get("time_earliest") and r.get("time_latest")]
    untimed = [r for r in records if not (r.get("time_earliest") and r.get("time_latest"))]
    judged = [reg for reg in registry if reg.start is not None]
    events = Events(np.array([_seconds(r["time_earliest"]) for r in timed], dtype=np.float64),
                    np.array([_seconds(r["time_latest"]) for r in timed], dtype=np.float64),
                    np.full(len(timed), -1, dtype=np.int64))  # the zone is judged in full below
    windows = [_window(reg) for reg in judged]
    out = []
    for reg, hits in zip(judged, judge_indexed(events, windows), strict=True):
        candidates = [timed[int(i)] for i in (*hits.during, *hits.uncertain)]
        candidates += [r for r in untimed if not reg.scope_country or r.get("country") in (None, reg.scope_country)]
        out += [judge(reg, r, attribution.get(r["report_id"], "unknown")) for r in candidates]
    return out
