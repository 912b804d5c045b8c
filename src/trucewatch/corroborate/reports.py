"""Incident reports as records, and corroborated events as one record each: what
corroboration, the registry's judgements, reports and exports read.

A report record is an incident of the contract with its article's metadata (``article_id``,
``published``, ``language``, ``outlet``, ``url``, ``title``, ``source_path``, ``report_id``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def reports(analyses: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every incident of every analysis, with its article's metadata."""
    for a in analyses:
        art, src = a["article"], a.get("source") or {}
        for inc in a["incidents"]:
            yield {**inc, "article_id": art["id"], "published": art.get("published"), "language": art.get("language"),
                   "outlet": src.get("outlet"), "url": src.get("url"), "title": src.get("title"),
                   "source_path": src.get("path"), "report_id": f"{art['id']}-{inc['id']}"}


#: (article id, incident id) -> event id, and event id -> its row in the store's events table
Events = tuple[dict[tuple[str, str], str], dict[str, dict[str, Any]]]


def best_placed(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The report of an event that places it most precisely (ACLED's precision 1 first), with
    coordinates: the event's place."""
    return min(reports, key=lambda r: (r.get("geo_precision") or 9, r.get("lat") is None))


def per_event(records: Iterable[dict[str, Any]], events: Events) -> Iterator[dict[str, Any]]:
    """One record per corroborated event, shaped like a report record: the best-placed report's
    fields; the event's time, toll (low / best / high) and sources; every outlet; the first
    evidence sentence of each report. Reports outside any event pass through unchanged."""
    members, rows = events
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        eid = members.get((r["article_id"], r["id"]))
        if eid in rows:
            grouped.setdefault(eid, []).append(r)
        else:
            yield r
    for eid, rs in sorted(grouped.items()):
        ev = rows[eid]
        best = best_placed(rs)
        outlets = sorted({r.get("outlet") or r.get("source_path") or "" for r in rs} - {""})
        yield {**best, "report_id": eid, "event_id": eid, "time_earliest": ev["time_earliest"],
               "time_latest": ev["time_latest"], "fatalities_low": ev["fatalities_low"],
               "fatalities_best": ev["fatalities_best"], "fatalities_high": ev["fatalities_high"],
               "outlet": "; ".join(outlets), "sources": ev["sources"], "reports": len(rs),
               "evidence": [e for r in rs for e in (r.get("evidence") or [])[:1]]}


def evidence_text(r: dict[str, Any], limit: int = 2000) -> str:
    """A contract record's evidence sentences as one text, at most ``limit`` characters."""
    return " ".join(e["text"] for e in r.get("evidence") or [])[:limit]
