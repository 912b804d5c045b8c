"""Rebuild what is derived from the stored articles: corroborated events, the ceasefire
registry, and every event's judgement against it (called after an ingest that stored articles)."""

from __future__ import annotations

from trucewatch import __version__
from trucewatch.corroborate.events import corroborate, embed_cached, vector_model
from trucewatch.corroborate.reports import per_event, reports
from trucewatch.registry.ceasefires import registry_of
from trucewatch.registry.judged import event_attribution, judge_events
from trucewatch.store.db import Store


def rebuild(store: Store) -> int:
    """Rebuild what is derived from every stored article: the events (evidence embeddings are kept
    in the store, so only reports new since the last rebuild are embedded), the ceasefire
    registry, and every event's judgement against it. Returns the number of events."""
    analyses = list(store.analyses())
    records = list(reports(analyses))
    events = corroborate(records, embed_cached(records, store))
    members = {(r["article_id"], r["id"]): e.id for e in events for r in e.reports}
    said: dict[str, list[str]] = {}
    for a in analyses:
        for j in a["judgements"]:
            if (a["article"]["id"], j["incident"]) in members:
                said.setdefault(members[(a["article"]["id"], j["incident"])], []).append(j["attribution"])
    registry = registry_of(analyses)
    event_records = list(per_event(records, (members, {e.id: vars(e) for e in events})))
    verdicts = judge_events(registry, event_records, {e: event_attribution(v) for e, v in said.items()})
    store.replace_derived(events, registry, verdicts, {"trucewatch": __version__, "vectors": vector_model()})
    return len(events)
