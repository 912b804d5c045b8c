"""The events list in SQL: filters, order and cursor pages run in the database over the events'
columns (:mod:`trucewatch.store.search`), so a page costs the same at 100,000 events as at 100.

Reviewed events are the exception: their shown values are the analysts', which the machine's
columns do not hold. The SQL query leaves out every event with a standing review; those few are
read as :class:`EventView` s, filtered in Python (:meth:`EventFilter.keeps`) and merged into the
page in the same (time, id) order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from trucewatch.api.query import EventFilter, decode_cursor, encode_key
from trucewatch.api.shown import event_views
from trucewatch.api.views import EventView
from trucewatch.store.db import Store
from trucewatch.store.search import UNDATED, languages_of
from trucewatch.stored import Registered

#: the columns of ``events`` a list row reads, in the order of :func:`_summary`
_COLUMNS = ("id", "event_type", "sub_event_type", "place", "country", "admin1", "lat", "lon", "time_earliest",
            "time_latest", "perpetrator", "fatalities_low", "fatalities_best", "fatalities_high", "context",
            "confidence", "sources", "reports", "outlets", "languages", "attribution", "tsort")
STANDING = ("SELECT 1 FROM revisions v WHERE v.event_id = e.id AND v.action <> 'undo' AND v.undone_by IS NULL")
_VIOLATIONS = ("violation_reported", "violation_contested")
Window = tuple[float, float | None]
#: the most events a list counts: its ``total`` is exact below, and ``total_exact`` false at it
TOTAL_CAP = 1_000
ACLED_TYPES = {t.lower(): t for t in ("Battles", "Explosions/Remote violence", "Violence against civilians",
                                      "Protests", "Riots", "Strategic developments")}


@dataclass(frozen=True)
class Page:
    events: list[dict[str, Any]]  # summaries, as EventView.summary() gives them
    next_cursor: str | None
    total: int

    @property
    def total_exact(self) -> bool:
        return self.total < TOTAL_CAP


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def machine_where(f: EventFilter, page: bool = False, window: Window | None = None) -> tuple[list[str], list[Any]]:
    """The SQL conditions (over ``events e``) and parameters of the filter, for unreviewed events;
    for a ``page``, written so the planner walks the time index (and stops at the page's end).
    ``window``: the (start, end) of the filter's ceasefire when an analyst corrected it: events
    meeting it in time (the stored judgements are of the machine's window)."""
    where: list[str] = [f"NOT EXISTS ({STANDING})"]
    params: list[Any] = []
    if f.start is not None:
        where.append("e.t1 >= ?")
        params.append(f.start)
    if f.end is not None:
        where.append("e.t0 <= ?")
        params.append(f.end)
    if f.country:
        where.append("e.country = ?")
        params.append(f.country.upper())
    if f.event_type is not None:
        known = ACLED_TYPES.get(f.event_type.lower())  # the stored spelling: an indexed equality
        where.append("e.event_type = ?" if known else "LOWER(e.event_type) = ?")
        params.append(known or f.event_type.lower())
    if f.bbox is not None:
        west, south, east, north = f.bbox
        # unary + keeps the planner on the time index for a page (a page sorted out of the
        # lat/lon index costs a sort of every event in the box); the count searches the index
        lat = "+e.lat" if page else "e.lat"
        where.append(f"{lat} >= ? AND {lat} <= ? AND " + ("e.lon >= ? AND e.lon <= ?" if west <= east
                                                          else "(e.lon >= ? OR e.lon <= ?)"))
        params += [south, north, west, east]
    if f.language:
        language = f.language.lower()
        where.append("1 = 0" if "," in language else "e.languages LIKE ? ESCAPE '\\'")
        params += [] if "," in language else [f"%,{_like(language)},%"]
    if f.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.party:
        where.append("LOWER(e.perpetrator) = ?")
        params.append(f.party.lower())
    if f.context is not None:
        where.append("e.context = ?")
        params.append(f.context)
    if window is not None:
        where.append("e.t1 >= ?" + (" AND e.t0 <= ?" if window[1] is not None else ""))
        params += [window[0]] + ([window[1]] if window[1] is not None else [])
        f = replace(f, ceasefire=None) if f.verdict is None else f
    _judged(f, where, params, "(e.id || '')" if page else "e.id")
    return where, params


def _judged(f: EventFilter, where: list[str], params: list[Any], eid: str) -> None:
    # IN (subquery): the judgements' own index finds the events to count; a page tests the id
    # as an expression (no index), so it walks the time index instead of sorting every match
    if f.ceasefire is not None and f.verdict is None:
        where.append(f"{eid} IN (SELECT j.event_id FROM event_judgements j WHERE j.ceasefire = ? "
                     "AND j.temporal IN ('during', 'uncertain'))")
        params.append(f.ceasefire)
    if f.verdict is not None:
        extra = " AND j.ceasefire = ?" if f.ceasefire is not None else ""
        where.append(f"{eid} IN (SELECT j.event_id FROM event_judgements j WHERE j.verdict = ?{extra})")
        params += [f.verdict] + ([f.ceasefire] if f.ceasefire is not None else [])


def _verdicts(s: Store, ids: list[str], fixed: list[Registered]) -> dict[str, list[dict[str, Any]]]:
    """Each event's judgements, by ceasefire; of a corrected truce (``fixed``), judged again."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not ids:
        return out
    marks = ",".join("?" * len(ids))
    gone = {r.id for r in fixed}
    for eid, cf, temporal, spatial, verdict in s.rows(
            "SELECT event_id, ceasefire, temporal, spatial, verdict FROM event_judgements "
            f"WHERE event_id IN ({marks}) ORDER BY event_id, ceasefire", tuple(ids)):
        if cf not in gone:
            out.setdefault(eid, []).append({"ceasefire": cf, "verdict": verdict, "temporal": temporal,
                                            "spatial": spatial})
    if fixed:
        from trucewatch.registry.judged import judge_event

        for facts in s.event_facts(ids):
            for reg in fixed:
                j = judge_event(reg, facts)
                if j.temporal == "during" or (j.temporal == "uncertain" and (facts.time is not None
                                                                             or j.spatial != "outside")):
                    out.setdefault(facts.id, []).append({"ceasefire": reg.id, "verdict": j.verdict,
                                                         "temporal": j.temporal, "spatial": j.spatial})
        for js in out.values():
            js.sort(key=lambda v: v["ceasefire"])
    return out


def _corrected(s: Store, ceasefire: str | None) -> tuple[Window | None, list[Registered]]:
    """The corrected truces, and the window of the filter's one when it is among them."""
    from trucewatch.review.truces import corrected_registry, corrections

    if not corrections(s.conn):
        return None, []
    fixes = corrections(s.conn)
    fixed = [r for r in corrected_registry(s.conn, s.registry()) if r.id in fixes]
    reg = next((r for r in fixed if r.id == ceasefire), None)
    if reg is None or reg.ceasefire.start is None:
        return None, fixed
    end = reg.judged_end
    return (reg.ceasefire.start.timestamp(), end.timestamp() if end else None), fixed


def _summary(row: tuple[Any, ...], verdicts: list[dict[str, Any]]) -> dict[str, Any]:
    """One unreviewed event's row as :meth:`EventView.summary` shows it (straight from the
    columns, unpacked by position: this runs for every row of a page)."""
    (eid, event_type, sub_event_type, place, country, admin1, lat, lon, time_earliest, time_latest, perpetrator,
     low, best, high, context, confidence, sources, reports, outlets, languages, attribution, _) = row
    return {"event_id": eid, "event_type": event_type, "sub_event_type": sub_event_type, "place": place,
            "country": country, "admin1": admin1, "lat": lat, "lon": lon, "time_earliest": time_earliest,
            "time_latest": time_latest, "perpetrator": perpetrator, "fatalities_low": low,
            "fatalities_best": best, "fatalities_high": high, "context": context,
            "confidence": round(confidence or 0.0, 3), "sources": sources, "reports": reports,
            "outlets": _outlets(outlets), "languages": languages_of(languages),
            "attribution": attribution or "unknown", "verdicts": verdicts,
            "violation": any(v["verdict"] in _VIOLATIONS for v in verdicts) if verdicts else False,
            "reviewed": False, "review_status": None, "reviewer_role": None, "reviewed_by": None,
            "reviewed_fields": [], "machine": {}}


#: the columns of a map point, in the order of :func:`_point`: the ``events_points`` index holds
#: them all (:data:`trucewatch.store.search.POINTS`)
_POINT_COLUMNS = ("id", "lat", "lon", "event_type", "place", "time_earliest", "fatalities_best", "confidence", "tsort")


def _point(row: tuple[Any, ...], verdicts: list[dict[str, Any]]) -> dict[str, Any]:
    """One unreviewed event's row as a map point: the values of its summary that
    :data:`~trucewatch.api.query.MAP_PROPERTIES` names, and its coordinates."""
    eid, lat, lon, event_type, place, time_earliest, best, confidence, _ = row
    return {"event_id": eid, "lat": lat, "lon": lon, "event_type": event_type, "place": place,
            "time_earliest": time_earliest, "fatalities_best": best, "confidence": round(confidence or 0.0, 3),
            "violation": any(v["verdict"] in _VIOLATIONS for v in verdicts) if verdicts else False,
            "reviewed": False}


def _outlets(text: str | None) -> list[str]:
    return [] if not text or text == "[]" else list(_parsed_outlets(text))


@lru_cache(maxsize=4096)
def _parsed_outlets(text: str) -> tuple[str, ...]:
    """An outlets column parsed once (the same few lists recur across a store's events)."""
    return tuple(json.loads(text))


def _key(v: EventView) -> tuple[float, str]:
    t = v.sort_time
    return (UNDATED if t == float("inf") else t), v.id


def reviewed_views(s: Store, f: EventFilter) -> list[EventView]:
    """The events with a standing review that the filter keeps, as the API shows them."""

    from trucewatch.api.pool import memo

    def views() -> list[EventView]:
        ids = [r[0] for r in s.rows("SELECT DISTINCT event_id FROM revisions WHERE action <> 'undo' "
                                    "AND undone_by IS NULL")]
        return event_views(s, ids) if ids else []

    # the same few views on every page: kept with a pooled connection until the store changes
    return [v for v in memo(s.conn, "reviewed_views", views) if f.keeps(v)]


def listing(s: Store, f: EventFilter, cursor: str | None, limit: int, points: bool = False) -> Page:
    """One page of events in (time, id) order after ``cursor``; the total the filter keeps.
    ``points``: each event as a map point (:func:`_point`), read from the narrow columns that
    the ``events_points`` index holds whole (migration 9), so the page need not read the table."""
    after = decode_cursor(cursor)
    reviewed = reviewed_views(s, f)
    window, fixed = _corrected(s, f.ceasefire)
    if after is not None and after[2] is not None:
        total = after[2]
    else:
        total = _count(s, *machine_where(f, window=window), len(reviewed))
    where, params = machine_where(f, page=True, window=window)
    if after is not None:
        t, i, _ = after
        where.append("(e.tsort > ? OR (e.tsort = ? AND e.id > ?))")
        t = UNDATED if t == float("inf") else t
        params += [t, t, i]
    columns = _POINT_COLUMNS if points else _COLUMNS
    rows = s.rows(f"SELECT {', '.join('e.' + c for c in columns)} FROM events e WHERE {' AND '.join(where)} "
                  "ORDER BY e.tsort, e.id LIMIT ?", (*params, limit + 1))
    kept = [v for v in reviewed if after is None or _key(v) > (UNDATED if after[0] == float("inf") else after[0],
                                                                 after[1])]
    merged: list[tuple[tuple[float, str], Any]] = [((r[-1], r[0]), r) for r in rows] + [(_key(v), v) for v in kept]
    merged.sort(key=lambda x: x[0])
    shown = merged[:limit]
    verdicts = _verdicts(s, [x[1][0] for x in shown if not isinstance(x[1], EventView)], fixed)
    shape = _point if points else _summary
    out = [x[1].summary() if isinstance(x[1], EventView) else shape(x[1], verdicts.get(x[1][0], []))
           for x in shown]
    next_cursor = encode_key(*shown[-1][0], total) if len(merged) > limit else None
    return Page(out, next_cursor, total)


def _count(s: Store, where: list[str], params: list[Any], reviewed: int) -> int:
    """How many events the filter keeps, counted up to :data:`TOTAL_CAP` (past it, the cap):
    the machine's matches less the reviewed ones among them (few, found by the revisions' index),
    plus the ``reviewed`` events the filter keeps; no per-row subquery."""
    machine = " AND ".join(where[1:]) or "1 = 1"  # where[0] is the NOT EXISTS of a standing review
    every = int(s.rows(f"SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE {machine} LIMIT ?) AS kept",
                       (*params, TOTAL_CAP + 1))[0][0])
    if every > TOTAL_CAP:
        return TOTAL_CAP
    held = int(s.rows(f"SELECT COUNT(*) FROM events e WHERE e.id IN (SELECT v.event_id FROM revisions v "
                      f"WHERE v.action <> 'undo' AND v.undone_by IS NULL) AND {machine}", tuple(params))[0][0])
    return min(TOTAL_CAP, every - held + reviewed)
