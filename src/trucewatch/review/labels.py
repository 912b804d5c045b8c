"""Analysts' reviews as labelled data (``trucewatch review export --out F.jsonl``), and the
store's events as the reviews have them, for the exports and reports outside the API.

One JSON object per reviewed event, schema ``trucewatch-review-labels/1`` (docs/review.md):
what the machine said, what the analyst settled (the label), the status, who, in which role,
when and why (every standing revision's reason), and each report's evidence (article id,
language, character offsets and the quoted words), so a learned component can be trained on
the text with the reviewed values as targets. Undone revisions are left out; rejected events
are kept (a rejection is a label: "not an incident").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trucewatch.records import Judgement
from trucewatch.review.reviewed import applied, judgements_of, machine_values
from trucewatch.store.db import Store
from trucewatch.store.review import Review, history, reviewed
from trucewatch.stored import Event, Registered

SCHEMA = "trucewatch-review-labels/1"


def reviewed_events(store: Store) -> list[Event]:
    """Every event as the reviews have it: edited values applied, rejected events left out."""
    from trucewatch.review.grouping import apply_groupings

    reviews = reviewed(store.conn)
    events, _ = apply_groupings(store.conn, store.events())
    return [a for e in events if (a := applied(e, reviews.get(e.id))) is not None]


def reviewed_judgements(store: Store, events: list[Event], truce: Registered) -> list[Judgement]:
    """The judgements of ``events`` (reviewed, :func:`reviewed_events`) against one registered
    truce: the stored ones, and those of events whose time or place was reviewed, judged again."""
    from trucewatch.review.grouping import groupings
    from trucewatch.review.reviewed import rejudged
    from trucewatch.review.truces import is_corrected

    if groupings(store.conn) or is_corrected(store.conn, truce.id):  # regrouped or corrected: all judged again
        return sorted((j for e in events for j in rejudged(e, [truce])), key=lambda j: j.incident)
    reviews = reviewed(store.conn)
    judged = judgements_of(events, reviews, store.event_judgements(truce.id), [truce])
    kept = {e.id for e in events}
    return sorted((j for e, js in judged.items() if e in kept for j in js if j.ceasefire == truce.id),
                  key=lambda j: j.incident)


@dataclass(frozen=True)
class Label:
    """One reviewed event as a training example."""

    event: Event
    review: Review
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        machine = machine_values(self.event)
        r = self.review
        return {"schema": SCHEMA, "event_id": self.event.id, "status": r.status,
                "label": {**machine, **r.values} if r.status != "rejected" else None,
                "reviewed_fields": sorted(r.values), "machine": machine,
                "reviewed_by": r.by, "reviewer_role": r.role, "reviewed_at": r.at, "reasons": list(self.reasons),
                "reports": [{"article_id": rep.article_id, "incident": rep.incident.id, "language": rep.language,
                             "confidence": rep.incident.confidence, "context": rep.incident.context,
                             "evidence": [s.to_dict() for s in rep.incident.evidence]} for rep in self.event.reports]}


def labels(store: Store) -> list[Label]:
    """The reviewed events of the store, by event id."""
    reviews = reviewed(store.conn)
    out = []
    for e in store.events(sorted(reviews)):
        revs = history(store.conn, e.id)
        reasons = tuple(r.why for r in revs if r.action != "undo" and r.undone_by is None)
        out.append(Label(e, reviews[e.id], reasons))
    return out


def export_labels(store: Store, out: Path) -> int:
    """Write the labels as JSONL to ``out``; returns how many."""
    out.parent.mkdir(parents=True, exist_ok=True)
    found = labels(store)
    with out.open("w", encoding="utf-8") as f:
        for lab in found:
            f.write(json.dumps(lab.to_dict(), ensure_ascii=False) + "\n")
    return len(found)
