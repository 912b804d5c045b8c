"""The store as the exports read it: every event after the analysts' merges and splits with
their reviews applied, and for each report and declaration the review that stands over it, so
that each exported row says whether an analyst reviewed it and in which role.

* Per-event rows (ACLED, UCDP) carry the event's reviewed values; a rejected event has none.
* Per-report rows (ACLED/UCDP ``--per report``, GeoJSON, Parquet, PLOVER incidents) carry what
  the article states, except the event's best-placed report, which carries the analyst's type,
  place, perpetrator and context (as :func:`~trucewatch.review.reviewed.applied` has them); the
  reports of a rejected event are left out, as the event is; ``event_id`` is the event after
  merges and splits.
* A PLOVER declaration is flagged by the correction of the registered truce it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trucewatch.records import Incident
from trucewatch.review.grouping import apply_groupings
from trucewatch.review.reviewed import applied
from trucewatch.review.truces import corrections
from trucewatch.store.db import Store
from trucewatch.store.review import Review, reviewed
from trucewatch.stored import Event, Report

Key = tuple[str, str]
#: the columns every export row gets after its format's standard ones
REVIEW_COLUMNS = ("reviewed", "review_status", "reviewer_role")


@dataclass(frozen=True)
class Flag:
    """What a row says of its review: none, or the standing review's status and role."""

    review: Review | None = None

    def columns(self) -> dict[str, Any]:
        r = self.review
        return {"reviewed": r is not None, "review_status": r.status if r else None,
                "reviewer_role": r.role if r else None}


NONE = Flag()


@dataclass(frozen=True)
class Exported:
    """The events and reports as the reviews have them, with the review over each."""

    events: tuple[Event, ...]  # reviewed values applied; rejected events left out
    reviews: dict[str, Review]  # standing reviews, by event id
    member: dict[Key, str]  # report key -> its event's id after merges and splits (rejected ones too)
    shown: dict[Key, Report]  # report key -> the report as exported (the analyst's values on the best one)
    truces: dict[Key, Review]  # (article id, declaration id) -> the correction of its registered truce

    def flag(self, event_id: str | None) -> Flag:
        return Flag(self.reviews.get(event_id)) if event_id else NONE

    def report_flag(self, key: Key) -> Flag:
        return self.flag(self.member.get(key))

    def rejected(self, key: Key) -> bool:
        r = self.reviews.get(self.member.get(key, ""))
        return r is not None and r.status == "rejected"

    def reports(self, stored: list[Report]) -> list[Report]:
        """``stored`` (the store's reports) as exported: a rejected event's left out, the
        analyst's values on each reviewed event's best report."""
        return [self.shown.get(r.key, r) for r in stored if not self.rejected(r.key)]

    def incident(self, key: Key, machine: Incident) -> Incident | None:
        """An article's incident as exported (None: its event was rejected)."""
        if self.rejected(key):
            return None
        r = self.shown.get(key)
        return r.incident if r is not None else machine

    def declaration_flag(self, article_id: str, ceasefire_id: str) -> Flag:
        return Flag(self.truces.get((article_id, ceasefire_id)))


def exported(store: Store) -> Exported:
    """The store's events and reports as the exports write them (one read of the reviews)."""
    reviews = reviewed(store.conn)
    events, _ = apply_groupings(store.conn, store.events())
    member = {r.key: e.id for e in events for r in e.reports}
    shown_events = [a for e in events if (a := applied(e, reviews.get(e.id))) is not None]
    shown = {r.key: r for e in shown_events if e.id in reviews for r in e.reports}
    fixes = corrections(store.conn)
    truces = {(d.article_id, d.ceasefire.id): fixes[reg.id] for reg in store.registry() if reg.id in fixes
              for d in reg.declarations}
    return Exported(tuple(shown_events), {k: v for k, v in reviews.items() if ":" not in k}, member, shown, truces)
