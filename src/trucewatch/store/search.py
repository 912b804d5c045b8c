"""The columns of ``events`` that the API filters and pages on in SQL, beside those the
corroboration writes: each event's highest report confidence, its report languages and outlets,
the best report's perpetrator and context, and a sort key that puts undated events last in
either database (so ``ORDER BY tsort, id`` walks an index, as the cursor pages do).

Migration 7 adds them and fills them for events derived before it; the rebuild writes them with
every event (:func:`search_values`).
"""

from __future__ import annotations

import json
from typing import Any

from trucewatch.store.backend import Connection
from trucewatch.stored import Event

#: the sort key of an event without a time: after every dated one (seconds since the epoch)
UNDATED = 1e15
#: the columns :func:`search_values` gives, in order
SEARCH_COLUMNS = ("confidence", "languages", "outlets", "perpetrator", "context", "tsort")

MIGRATION = (7, "events searchable in SQL: confidence, languages, outlets, perpetrator, context, sort key", [
    "ALTER TABLE events ADD COLUMN confidence DOUBLE PRECISION",
    "ALTER TABLE events ADD COLUMN languages TEXT",
    "ALTER TABLE events ADD COLUMN outlets TEXT",
    "ALTER TABLE events ADD COLUMN perpetrator TEXT",
    "ALTER TABLE events ADD COLUMN context TEXT",
    "ALTER TABLE events ADD COLUMN tsort DOUBLE PRECISION",
    "CREATE INDEX events_tsort ON events (tsort, id)",
    "CREATE INDEX events_type_country_tsort ON events (event_type, country, tsort, id)",
    "CREATE INDEX events_country_tsort ON events (country, tsort, id)",
    "CREATE INDEX event_reports_event ON event_reports (event_id)",
    "CREATE INDEX events_lat_lon ON events (lat, lon)",
    "CREATE INDEX event_judgements_ceasefire ON event_judgements (ceasefire, temporal, event_id)",
    "CREATE INDEX event_judgements_verdict ON event_judgements (verdict, ceasefire, event_id)",
    "CREATE INDEX revisions_standing ON revisions (event_id, action, undone_by)",
    "backfill event search columns",
])

#: migration 9: a map page's columns (``trucewatch.api.listing._POINT_COLUMNS``) in one index in
#: time order, so a page of points walks the index alone, never the table (issue 12)
POINTS = (9, "the map's points: an index holding a page of points whole, in time order", [
    "CREATE INDEX events_points ON events (tsort, id, lat, lon, event_type, place, time_earliest, fatalities_best, "
    "confidence)",
])


def languages_text(langs: set[str] | list[str]) -> str:
    """Languages as one text a ``LIKE '%,xx,%'`` finds: ``,en,fr,`` (empty: ``,``)."""
    return "," + "".join(f"{x}," for x in sorted(langs))


def languages_of(text: str | None) -> list[str]:
    return [x for x in (text or "").split(",") if x]


def search_values(e: Event) -> tuple[Any, ...]:
    """The :data:`SEARCH_COLUMNS` of one event."""
    best = e.best.incident
    confidence = max((r.incident.confidence for r in e.reports), default=0.0)
    langs = {r.language for r in e.reports if r.language}
    return (confidence, languages_text(langs), json.dumps(e.outlets, ensure_ascii=False), best.perpetrator_claimed,
            best.context, e.time.earliest.timestamp() if e.time else UNDATED)


def backfill(c: Connection) -> None:
    """Fill the search columns of events derived before migration 7, from their reports."""
    from trucewatch.store.rows import EVENT_COLUMNS, REPORT_COLUMNS, REPORTS_FROM, event_of, report_of

    rows = {r[0]: tuple(r) for r in c.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events")}
    members: dict[str, list[Any]] = {}
    for r in c.execute(f"SELECT e.event_id, {', '.join(REPORT_COLUMNS)} {REPORTS_FROM} JOIN event_reports e "
                       "ON e.article_id = r.article_id AND e.incident = r.incident"):
        members.setdefault(r[0], []).append(report_of(tuple(r)[1:]))
    c.executemany(f"UPDATE events SET {', '.join(col + ' = ?' for col in SEARCH_COLUMNS)} WHERE id = ?",
                  [(*search_values(event_of(row, members.get(eid, []))), eid) for eid, row in rows.items()
                   if members.get(eid)])
