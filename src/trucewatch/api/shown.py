"""The events as the API shows them: the analysts' merges and splits applied, standing reviews
attached, and judgements (judged again where a review moved an event or corrected a truce)."""

from __future__ import annotations

from trucewatch.api.views import EventView
from trucewatch.records import Judgement
from trucewatch.review.grouping import apply_groupings, groupings, involved
from trucewatch.review.reviewed import applied, judgements_of, moves, rejudged
from trucewatch.review.truces import corrected_registry, corrections
from trucewatch.store.db import Store
from trucewatch.store.review import reviewed
from trucewatch.stored import Event


def event_views(s: Store, ids: list[str] | None = None) -> list[EventView]:
    """The events (of ``ids``) as the API shows them: standing reviews attached, and judgements
    (judged again where a review moved the event in time or place)."""
    events, regrouped = _grouped(s, ids)
    reviews = reviewed(s.conn, [e.id for e in events])
    shown = {e.id: a for e in events if (a := applied(e, reviews.get(e.id))) is not None}
    fixes = corrections(s.conn)
    again = regrouped or fixes or any(moves(r) for r in reviews.values())
    registry = corrected_registry(s.conn, s.registry()) if again else []
    stored = s.event_judgements() if ids is None else judgements_of_ids(s, [e.id for e in events])
    judged = judgements_of(list(shown.values()), reviews, stored, registry)
    for eid in regrouped & set(shown):  # merged or split: judged again as the analyst grouped it
        judged[eid] = rejudged(shown[eid], registry)
    for reg in (r for r in registry if r.id in fixes):  # a corrected truce: every event judged again against it
        for e in shown.values():
            judged[e.id] = sorted([j for j in judged.get(e.id, []) if j.ceasefire != reg.id] + rejudged(e, [reg]),
                                  key=lambda j: j.ceasefire)
    return [EventView(e, tuple(judged.get(e.id, ())), reviews.get(e.id)) for e in events]


def _grouped(s: Store, ids: list[str] | None) -> tuple[list[Event], set[str]]:
    """The events of ``ids`` (all by default) after the analysts' merges and splits, and the ids
    of those these rebuilt; an absorbed event is gone (its reports are in the one it went into)."""
    gs = groupings(s.conn)
    touched = involved(gs)
    if not gs or (ids is not None and not touched & set(ids)):
        return s.events(ids), set()
    events = s.events(None if ids is None else sorted(set(ids) | touched))
    out, changed = apply_groupings(s.conn, events)
    return ([e for e in out if ids is None or e.id in set(ids)]), changed


def judgements_of_ids(s: Store, ids: list[str]) -> list[Judgement]:
    """The stored judgements of these events alone (an indexed read, not the whole table)."""
    from trucewatch.judge.judge import verdict_of

    out: list[Judgement] = []
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        out += [Judgement(c, e, t, sp, a, v, verdict_of(t, sp, a)[1]) for e, c, t, sp, a, v in s.rows(
            "SELECT event_id, ceasefire, temporal, spatial, attribution, verdict FROM event_judgements "
            f"WHERE event_id IN ({','.join('?' * len(chunk))})", tuple(chunk))]
    return sorted(out, key=lambda j: (j.ceasefire, j.incident))
