"""Derive from the stored articles: corroborated events, the ceasefire registry, and every
event's judgement against it. Incremental: only what new reports and declarations touch changes.

* **Events.** A *pending* report (one no event holds) can only join reports whose time it meets,
  in its country (:func:`trucewatch.corroborate.events.links`). Those are found with an indexed
  range query; the events they belong to are taken apart and grouped again with the pending
  reports. Linking is a fixed rule on pairs and events are the connected groups, so this gives
  exactly the events a rebuild of everything would (a test checks it).
* **Registry.** Declarations are few next to reports; when new ones arrived the registry is
  merged again from all of them, and only the ceasefires whose window, zone or declarations
  changed count as changed.
* **Judgements.** A changed ceasefire is judged against every event (through the time index,
  which reads only the events' times); an unchanged one only against the new events.

Everything is written in one transaction (:meth:`trucewatch.store.derived.DerivedTables.apply`),
so a killed rebuild leaves the reports pending and the next one picks them up. A store whose
derived tables were built by another version, or another embedding model, is rebuilt whole.
"""

from __future__ import annotations

from datetime import datetime

from trucewatch import __version__
from trucewatch.config import Settings
from trucewatch.corroborate.events import corroborate, embed_cached, links, vector_model
from trucewatch.records import Ceasefire, Judgement
from trucewatch.registry.ceasefires import build
from trucewatch.registry.judged import judge_event, judge_events, meeting, timed
from trucewatch.store.db import Store
from trucewatch.store.derived import Change
from trucewatch.stored import Event, Registered, Report


def components() -> dict[str, str]:
    return {"trucewatch": __version__, "vectors": vector_model()}


def rebuild(store: Store, *, full: bool = False, settings: Settings | None = None) -> int:
    """Bring the derived tables up to date with the stored articles; returns the number of
    events. ``full`` rebuilds everything from scratch."""
    settings = settings or Settings()
    comp = components()
    built = store.derived_components()
    if full or (built is not None and built != comp):
        _rebuild_all(store, comp, settings)
    else:
        _rebuild_pending(store, comp, settings)
    return store.count("events")


def _rebuild_all(store: Store, comp: dict[str, str], settings: Settings) -> None:
    reports = store.reports()
    events = corroborate(reports, embed_cached(reports, store), settings)
    registry = build(store.declarations(), settings)
    store.apply(Change(comp, events=events, registry=registry, verdicts=judge_events(registry, events), full=True))


def _neighbours(store: Store, pending: list[Report], hours: float) -> list[Report]:
    """The stored reports a pending one could link to: same country, meeting its time."""
    width = hours * 3600
    out: dict[tuple[str, str], Report] = {}
    for r in pending:
        t, p = r.incident.time, r.incident.place
        if t is None or p is None or not p.country or t.width_hours > hours:
            continue
        for o in store.reports_near(p.country, t.earliest.timestamp(), t.latest.timestamp(), width):
            out[o.key] = o
    return list(out.values())


def regroup(store: Store, pending: list[Report], settings: Settings) -> tuple[list[Event], list[str]]:
    """The events the pending reports make or join: (new events, ids of the events they replace)."""
    keys = {r.key for r in pending}
    near = _neighbours(store, pending, settings.max_event_hours)
    pool = sorted({**{o.key: o for o in near}, **{r.key: r for r in pending}}.values(), key=lambda r: r.order)
    linked = {pool[k].key for i, j, _ in links(pool, embed_cached(pool, store), settings)
              if pool[i].key in keys or pool[j].key in keys for k in (i, j)} - keys
    replaced = sorted(store.events_of(linked))
    members = {r.key: r for e in store.events(replaced) for r in e.reports} | {r.key: r for r in pending}
    group = sorted(members.values(), key=lambda r: r.order)
    return corroborate(group, embed_cached(group, store), settings), replaced


def _state(reg: Registered) -> tuple[Ceasefire, list[tuple[str, str]], datetime | None]:
    return reg.ceasefire, sorted((d.article_id, d.ceasefire.id) for d in reg.declarations), reg.horizon


def _changed(old: list[Registered], new: list[Registered]) -> set[str]:
    before, after = {r.id: _state(r) for r in old}, {r.id: _state(r) for r in new}
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


def _rebuild_pending(store: Store, comp: dict[str, str], settings: Settings) -> None:
    pending = store.pending_reports()
    fresh_declarations = store.pending_declarations()
    if not pending and not fresh_declarations:
        return
    events, replaced = regroup(store, pending, settings) if pending else ([], [])
    old = store.registry()
    registry = build(store.declarations(), settings) if fresh_declarations else old
    changed = _changed(old, registry)
    verdicts = judge_events([r for r in registry if r.id not in changed], events)
    verdicts += _judge_changed(store, [r for r in registry if r.id in changed], events, set(replaced))
    store.apply(Change(comp, removed_events=replaced, events=events,
                       registry=registry if fresh_declarations else None, rejudged=sorted(changed), verdicts=verdicts))


def _judge_changed(store: Store, registry: list[Registered], events: list[Event], gone: set[str]) -> list[Judgement]:
    """Changed ceasefires against every event after this rebuild: the stored ones (less those
    replaced) and the new ones; only the events that meet a window are read in full."""
    if not registry:
        return []
    new = {e.id: e.facts for e in events}
    times = [t for t in store.event_times() if t[0] not in gone and t[0] not in new] + [timed(e) for e in events]
    hits = meeting(registry, times)
    stored = {f.id: f for f in store.event_facts({i for _, ids in hits for i in ids if i not in new})}
    return [judge_event(reg, new.get(i) or stored[i]) for reg, ids in hits for i in ids]
