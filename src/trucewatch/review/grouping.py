"""Analysts' merges and splits of events, applied on read.

A merge of events A, B into T is one revision on T (``action="merge"``, ``after.merged``: the
absorbed event ids and their reports' keys) and one on each absorbed event, whose id is the
merge's id with ``.1``, ``.2``... (``after.into``: T), so that every event the merge touches
has a standing revision: the SQL list leaves it out and it is read here. A split of reports out
of E is one revision on E (``after.split``: the reports' keys, ``after.new_id``) and one on the
new event (``.1``). Undoing the parent undoes its children. Groups are kept by report keys
(article id, incident id), which a rebuild does not change; the event keeping the group's first
report keeps its id, as corroboration's own ids do (``E`` + the SHA-1 of that key).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from trucewatch.corroborate.events import _toll, _window
from trucewatch.store.backend import Connection
from trucewatch.stored import Event, Report

Key = tuple[str, str]


def event_id(keys: list[Key]) -> str:
    return "E" + hashlib.sha1("/".join(min(keys)).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Grouping:
    """A standing merge or split, as :func:`regroup` applies it."""

    kind: str  # "merge" | "split"
    target: str  # the merged-into event, or the event split
    keys: tuple[Key, ...]  # the reports moved: absorbed into target, or split out of it
    absorbed: tuple[str, ...] = ()  # merge: the events absorbed
    new_id: str | None = None  # split: the new event's id


def _keys(raw: list[Any]) -> tuple[Key, ...]:
    return tuple((str(a), str(i)) for a, i in raw)


def groupings(c: Connection) -> list[Grouping]:
    """Every standing merge and split, oldest first (children left out)."""
    rows = c.execute("SELECT id, event_id, action, after FROM revisions WHERE action IN ('merge', 'split') "
                     "AND undone_by IS NULL ORDER BY at, id").fetchall()
    import json

    out = []
    for rid, eid, action, after in rows:
        if "." in rid:
            continue
        a = json.loads(after)
        if action == "merge":
            out.append(Grouping("merge", eid, _keys(a["merged"]["reports"]), tuple(a["merged"]["events"])))
        else:
            out.append(Grouping("split", eid, _keys(a["split"]["reports"]), new_id=a["split"]["new_id"]))
    return out


def involved(gs: list[Grouping]) -> set[str]:
    return {x for g in gs for x in (g.target, *g.absorbed, *((g.new_id,) if g.new_id else ()))}


def rebuilt(eid: str, reports: list[Report], like: Event | None = None) -> Event:
    """An event of these reports, its time and toll computed as corroboration does."""
    rs = sorted(reports, key=lambda r: r.order)
    low, best, high = _toll(rs)
    sources = len({r.source.outlet or r.source.path or r.article_id for r in rs})
    evidence = tuple(s for r in rs for s in r.incident.evidence[:1])
    places = {r.incident.place.name for r in rs if r.incident.place} - {""}
    disagreements = tuple(sorted(set(like.disagreements if like else ()) | ({"place"} if len(places) > 1 else set())))
    return Event(eid, tuple(rs), sources, _window(rs), low, best, high, disagreements, evidence)


def regroup(events: dict[str, Event], gs: list[Grouping]) -> tuple[dict[str, Event], dict[str, str]]:
    """The events after the groupings (``events``: every event they involve, by id), and where
    each absorbed event went (id -> the id holding its reports)."""
    out = dict(events)
    gone: dict[str, str] = {}
    for g in gs:
        target = out.get(g.target)
        if target is None:
            continue
        if g.kind == "merge":
            moved = [r for a in g.absorbed if (e := out.pop(a, None)) is not None for r in e.reports]
            gone |= {a: g.target for a in g.absorbed}
            out[g.target] = rebuilt(g.target, [*target.reports, *moved], target)
        elif g.new_id is not None:
            keys = set(g.keys)
            part = [r for r in target.reports if r.key in keys]
            rest = [r for r in target.reports if r.key not in keys]
            if part and rest:
                out[g.target] = rebuilt(g.target, rest, target)
                out[g.new_id] = rebuilt(g.new_id, part, target)
    return out, gone


def split_plan(e: Event, moved: list[Key]) -> tuple[list[Key], str]:
    """The reports to move out of ``e`` and the new event's id: the part without the event's
    first report moves, so ``e`` keeps its id."""
    first = min(r.key for r in e.reports)
    part = sorted(set(moved))
    if first in part:
        part = sorted({r.key for r in e.reports} - set(part))
    return part, event_id(part)


def apply_groupings(c: Connection, events: list[Event]) -> tuple[list[Event], set[str]]:
    """``events`` (every event the groupings involve among them) after the standing merges and
    splits, and the ids of the events they rebuilt (to be judged again)."""
    gs = groupings(c)
    if not gs:
        return events, set()
    out, _ = regroup({e.id: e for e in events}, gs)
    changed = {g.target for g in gs} | {g.new_id for g in gs if g.new_id}
    return sorted(out.values(), key=lambda e: e.id), changed & set(out)
