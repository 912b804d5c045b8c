"""Analysts' corrections of a registered ceasefire: its window (start, end), its zone (scope and
country) and its parties (who declared it). Each correction is a revision like an event's edit
(who, role, when, why; history and undo), kept in ``revisions`` under the key
``ceasefire:<id>``, so no event id can collide with it and a rebuild of the registry, which
replaces the ``ceasefires`` table, never overwrites it. Applied on read: the corrected truce is
what the reports show, and every event is judged again against it.

An analyst may also add a ceasefire (``POST /api/ceasefires``): an ``add`` revision under the
same key holds its entry (declarer, parties, window, zone as the YAML registry takes it, with a
GeoJSON zone inline), so the added truce is in every registry read here, judged, reported and
corrected like the others; undoing the add takes it out.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from trucewatch.records import Judgement
from trucewatch.registry.judged import judge_events
from trucewatch.store.backend import Connection
from trucewatch.store.review import Review, Revision, Token, record, reviewed
from trucewatch.stored import Event, Registered

PREFIX = "ceasefire:"
#: the fields a correction may set
CORRECTABLE = ("start", "end", "declared_by", "scope", "scope_country")


def key(ceasefire: str) -> str:
    return PREFIX + ceasefire


def corrections(c: Connection) -> dict[str, Review]:
    """The standing corrections, by ceasefire id."""
    return {k.removeprefix(PREFIX): r for k, r in reviewed(c).items() if k.startswith(PREFIX)}


def corrected(reg: Registered, review: Review | None) -> Registered:
    """The truce as the analysts corrected it (unchanged without a correction)."""
    if review is None or not review.values:
        return reg
    v: dict[str, Any] = review.values
    changes: dict[str, Any] = {k: v[k] for k in ("declared_by", "scope", "scope_country") if k in v}
    for k in ("start", "end"):
        if k in v:
            changes[k] = datetime.fromisoformat(v[k]) if v[k] else None
    cf = replace(reg.ceasefire, **changes)
    if "end" in v:  # a corrected end is the end: an early end the machine read gives way, and so does the horizon
        cf = replace(cf, ended_early=None, open_ended=cf.end is None)
    return replace(reg, ceasefire=cf, note=f"corrected by {review.by} ({review.role}) at {review.at}")


def corrected_registry(c: Connection, registry: list[Registered]) -> list[Registered]:
    """The registry as the analysts left it: each truce corrected, then those they added (in the
    order they were added), corrected too."""
    fixes = corrections(c)
    known = {reg.id for reg in registry}
    out = [corrected(reg, fixes.get(reg.id)) for reg in registry]
    return out + [corrected(added_truce(i, r.added), r) for i, r in fixes.items() if r.added and i not in known]


def added_truce(ceasefire: str, entry: dict[str, Any]) -> Registered:
    """The registered truce of an analyst's add (its entry as :func:`add` stored it)."""
    from trucewatch.registry.user import registered

    return registered(ceasefire, entry, Path("."))


def add(c: Connection, entry: dict[str, Any], who: Token, why: str) -> tuple[str, Revision]:
    """Add a ceasefire (an entry as the YAML registry takes it; zones inline): its new id and
    the revision. The zone is read first, so one the judge could not use is refused (E302), and
    kept as the geometry read from it."""
    from trucewatch.registry.user import inline

    new_id = f"A{uuid.uuid4().hex[:10]}"
    entry = {**entry, "zone": inline(entry.get("zone") or {}, Path("."))}
    added_truce(new_id, entry)
    return new_id, record(c, key(new_id), "add", who, why, entry)


def is_corrected(c: Connection, ceasefire: str) -> bool:
    return ceasefire in corrections(c)


def judged_against(reg: Registered, events: list[Event]) -> list[Judgement]:
    """Every event judged against one (corrected) truce, in event order."""
    return sorted(judge_events([reg], events), key=lambda j: j.incident)
