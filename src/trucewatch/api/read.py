"""The read endpoints: ceasefires with their verdicts, events (filtered, paged, as JSON,
GeoJSON or CSV), one event with every report, claims, and articles. Open to anyone who can
reach the server (it listens on 127.0.0.1 by default); writes need a token (:mod:`.write`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from trucewatch.api.app import PROBLEM, open_store, store
from trucewatch.api.cache import Rendered, as_json, kept
from trucewatch.api.query import Context, EventFilter, Verdict, bad, geojson, parse_bbox, parse_time, table_csv, to_csv
from trucewatch.api.shown import event_views
from trucewatch.contract import incident_from_dict
from trucewatch.errors import TrucewatchError
from trucewatch.geo.gazetteer import Gazetteer
from trucewatch.judge.truce import Timeline
from trucewatch.report.build import TruceReport, articles_of, by_party, make
from trucewatch.review.grouping import apply_groupings, groupings
from trucewatch.review.reviewed import applied, judgements_of, rejudged
from trucewatch.review.truces import PREFIX, corrected_registry, is_corrected
from trucewatch.store.db import Store
from trucewatch.store.review import Review, reviewed
from trucewatch.stored import Event, Registered, StoredClaim

router = APIRouter(prefix="/api", responses={404: {"content": {PROBLEM: {}}}, 422: {"content": {PROBLEM: {}}}})
StoreDep = Annotated[Store, Depends(store)]


def not_found(what: str, id: str) -> TrucewatchError:
    return TrucewatchError("E308", what=what, id=id)


def truce_report(s: Store, reg: Registered, events: list[Event] | None = None,
                 timeline: Timeline | None = None) -> TruceReport:
    """The report on one truce, following the reviews: rejected events left out, reviewed tolls
    counted, events whose time or place was reviewed judged again. Without a standing merge,
    split or correction of it, only the events judged against it and the reviewed ones are read
    whole; for the counts and coverage, every event's time and country from the rows (``timeline``)."""
    if events is None and not groupings(s.conn) and not is_corrected(s.conn, reg.id):
        return _judged_report(s, reg, timeline)
    machine, regrouped = apply_groupings(s.conn, events if events is not None else s.events())
    reviews = reviewed(s.conn)
    shown = [a for e in machine if (a := applied(e, reviews.get(e.id))) is not None]
    if regrouped or is_corrected(s.conn, reg.id):  # the analysts' window, zone or parties: every event judged again
        judgements = sorted((j for e in shown for j in rejudged(e, [reg])), key=lambda j: j.incident)
    else:
        judged = judgements_of(shown, reviews, s.event_judgements(reg.id), [reg])
        judgements = sorted((j for e in shown for j in judged.get(e.id, ()) if j.ceasefire == reg.id),
                            key=lambda j: j.incident)
    return make(reg, shown, judgements, s.claims(articles_of(reg, shown, judgements)))


def _judged_report(s: Store, reg: Registered, timeline: Timeline | None) -> TruceReport:
    """:func:`truce_report` reading whole only the events a stored judgement puts against ``reg``
    and the reviewed ones (which a review may move into its window, or reject)."""
    reviews = {k: r for k, r in reviewed(s.conn).items() if not k.startswith(PREFIX)}
    stored = s.event_judgements(reg.id)
    whole = {e.id: a for e in s.events({j.incident for j in stored} | set(reviews))
             if (a := applied(e, reviews.get(e.id))) is not None}
    shown = list(whole.values())
    judged = judgements_of(shown, reviews, stored, [reg])
    judgements = sorted((j for e in shown for j in judged.get(e.id, ()) if j.ceasefire == reg.id),
                        key=lambda j: j.incident)
    every = timeline if timeline is not None else shown_timeline(s, reviews, whole)
    return make(reg, shown, judgements, s.claims(articles_of(reg, shown, judgements)), every)


def shown_timeline(s: Store, reviews: dict[str, Review], whole: dict[str, Event]) -> Timeline:
    """Every event's time and country as the API shows them: from the rows, a reviewed event's
    from the event as reviewed (``whole``: each reviewed event, reviews applied; a rejected one absent)."""
    rows = [(t0, t1, country) for eid, t0, t1, country in s.event_times() if t0 is not None and t1 is not None
            and eid not in reviews]
    return Timeline((*rows, *Timeline.of(whole[i] for i in sorted(whole) if i in reviews).spans))


def _registered(s: Store, ceasefire: str) -> Registered:
    reg = next((r for r in corrected_registry(s.conn, s.registry()) if r.id == ceasefire), None)
    if reg is None:
        raise not_found("ceasefire", ceasefire)
    return reg


def csv_response(columns: tuple[str, ...], rows: list[dict[str, Any]], name: str,
                 headers: dict[str, str] | None = None) -> Response:
    return Response(table_csv(columns, rows), media_type="text/csv; charset=utf-8",
                    headers={**(headers or {}), "Content-Disposition": f'attachment; filename="{name}.csv"'})


def csv_rendered(text: str, name: str, headers: dict[str, str] | None = None) -> Rendered:
    """A CSV answer as kept (:mod:`.cache`), offered as the file ``name``.csv."""
    return Rendered(text.encode("utf-8"), "text/csv; charset=utf-8",
                    (*(headers or {}).items(), ("Content-Disposition", f'attachment; filename="{name}.csv"')))


Format = Annotated[Literal["json", "csv"], Query(description="json, or csv (formula cells neutralised)")]
CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}
CEASEFIRE_COLUMNS = ("id", "declared_by", "kind", "start", "end", "open_ended", "ended_early", "judged_until",
                     "scope", "scope_country", "occasion", "parties", "note", "verdict", "violations", "killed",
                     "articles")


@router.get("/ceasefires", summary="The registered ceasefires, each with the verdict of its report",
            response_model=None, responses=CSV)
def ceasefires(request: Request, s: StoreDep, format: Format = "json") -> Response:
    # every truce's report (each reading its judged events and every event's time): rendered once per
    # generation of the store (.cache)
    def render() -> Rendered:
        out = _ceasefires(s)
        if format == "csv":
            flat = [{**c, "verdict": c["verdict"]["verdict"], "violations": c["verdict"]["violations"],
                     "killed": c["verdict"]["killed"]} for c in out["ceasefires"]]
            return csv_rendered(table_csv(CEASEFIRE_COLUMNS, flat), "ceasefires")
        return as_json(out)

    answer = kept(s, ("ceasefires", format), render, "reports")
    return answer.response(request.headers.get("if-none-match"))


def _ceasefires(s: Store) -> dict[str, Any]:
    out = []
    registry = corrected_registry(s.conn, s.registry())
    reviews = {k: r for k, r in reviewed(s.conn).items() if not k.startswith(PREFIX)}
    timeline = shown_timeline(s, reviews, {e.id: a for e in s.events(set(reviews))
                                        if (a := applied(e, reviews.get(e.id))) is not None}) if registry else None
    regrouped, events = bool(groupings(s.conn)), None
    for reg in registry:
        if regrouped or is_corrected(s.conn, reg.id):  # every event judged again: read whole, once
            events = s.events() if events is None else events
            d = truce_report(s, reg, events).to_dict()
        else:
            d = truce_report(s, reg, timeline=timeline).to_dict()
        out.append({**d["ceasefire"], "verdict": d["verdict"], "counts": d["counts"],
                    "articles": len(reg.sources)})
    return {"ceasefires": out}


@router.get("/ceasefires/{ceasefire}", summary="One ceasefire's report (its JSON form, docs/reports.md)",
            response_model=None)
def ceasefire(ceasefire: str, request: Request, s: StoreDep) -> Response:
    def render() -> Rendered:
        return as_json(truce_report(s, _registered(s, ceasefire)).to_dict())

    return kept(s, ("ceasefire", ceasefire), render, "reports").response(request.headers.get("if-none-match"))


async def event_filter(
    from_: Annotated[str | None, Query(alias="from", description="ISO date or time: events ending at or after")] = None,
    to: Annotated[str | None, Query(description="ISO date or time: events starting at or before")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")] = None,
    verdict: Annotated[Verdict | None, Query(description="a judgement's verdict")] = None,
    ceasefire: Annotated[str | None, Query(description="events during or straddling this truce's window")] = None,
    language: Annotated[str | None, Query(description="a report in this language (ISO 639-1)")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    party: Annotated[str | None, Query(max_length=200, description="the stated perpetrator, e.g. Russia (any case)")]
    = None,
    context: Annotated[Context | None, Query(description="PLOVER's context of the event's incident")] = None,
) -> EventFilter:
    start, end = parse_time("from", from_), parse_time("to", to)
    if start is not None and end is not None and start > end:
        raise bad("to", to, "'to' is before 'from'")
    return EventFilter(start, end, parse_bbox(bbox), event_type, country, verdict, ceasefire, language,
                       min_confidence, party, context)


@router.get("/events", summary="Events, filtered, in time order, a page at a time",
            responses={200: {"content": {"application/geo+json": {}, "text/csv": {}}}})
async def events(request: Request, f: Annotated[EventFilter, Depends(event_filter)],
                 cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                 format: Annotated[Literal["json", "geojson", "csv"], Query()] = "json",
                 properties: Annotated[Literal["map", "full"], Query(
                     description="GeoJSON only: 'map', a few short properties per point (the whole event is at "
                                 "/api/events/{id}), or 'full', every field of the JSON list")] = "map") -> Response:
    # one worker thread opens the store, reads the page, renders it and closes the store: the
    # parameters are parsed on the event loop (pure work), so a page costs one hop to a thread,
    # not four (issue 12: under load every hop waits for the GIL)
    page = Asked(f, cursor, limit, format, properties if format == "geojson" else "full")
    return await run_in_threadpool(_events, request.app.state.db, page, request.headers.get("if-none-match"))


@dataclass(frozen=True)
class Asked:
    """What one events request asks for: the key of its answer in :mod:`.cache`."""

    filter: EventFilter
    cursor: str | None
    limit: int
    format: str
    properties: str


def _events(db: str, asked: Asked, if_none_match: str | None) -> Response:
    with open_store(db) as s:
        found = kept(s, asked, lambda: _page(s, asked))
    return found.response(if_none_match)


def _page(s: Store, asked: Asked) -> Rendered:
    from trucewatch.api.listing import listing

    f = asked.filter
    if f.ceasefire is not None:
        _registered(s, f.ceasefire)
    found = listing(s, f, asked.cursor, asked.limit, points=asked.format == "geojson" and asked.properties == "map")
    shown, next_cursor = found.events, found.next_cursor
    headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
    if asked.format == "csv":
        return csv_rendered(to_csv(shown), "events", headers)
    counted = {"next_cursor": next_cursor, "total": found.total, "total_exact": found.total_exact}
    if asked.format == "geojson":
        return as_json({**geojson(shown, asked.properties == "map"), **counted}, "application/geo+json", headers)
    return as_json({"events": shown, **counted}, headers=headers)


@router.get("/events/{event_id}", summary="One event: every report, its evidence, fields, and disagreements")
def event(event_id: str, s: StoreDep) -> dict[str, Any]:
    found = event_views(s, [event_id])
    if not found:
        raise not_found("event", event_id)
    return found[0].detail()


@router.get("/review/queue", summary="Events awaiting review: low confidence, high toll, in a window, contested",
            response_model=None, responses=CSV)
def review_queue(request: Request, s: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
                 format: Format = "json") -> Response:
    from trucewatch.api.queue import review_queue as queued

    def render() -> Rendered:
        shown, total = queued(s, limit)
        if format == "csv":
            return csv_rendered(to_csv(shown), "queue")
        return as_json({"events": shown, "total": total})

    return kept(s, ("queue", limit, format), render, "reports").response(request.headers.get("if-none-match"))


CHANGE_COLUMNS = ("seq", "at", "kind", "id", "action", "cause")


@router.get("/changes", summary="The change feed: events and ceasefires created, updated or deleted since a cursor")
def changes(s: StoreDep,
            since: Annotated[str | None, Query(description="next_cursor of the previous read; none: from the start")]
            = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
            kind: Annotated[Literal["event", "ceasefire"] | None, Query()] = None,
            action: Annotated[Literal["created", "updated", "deleted"] | None,
                              Query(description="deleted: the log of deletions")] = None,
            format: Format = "json") -> Response:
    from trucewatch.store.changes import latest
    from trucewatch.store.changes import since as changed_since

    if since not in (None, "") and not (since.isascii() and since.isdigit()):
        raise bad("since", since, "a cursor is the next_cursor of a previous read (a whole number), as given")
    seq = int(since or 0)
    rows = changed_since(s.conn, seq, limit, kind, action)
    cursor = str(rows[-1].seq if rows else seq)
    out = [r.to_dict() for r in rows]
    if format == "csv":
        return csv_response(CHANGE_COLUMNS, out, "changes", {"X-Next-Cursor": cursor})
    return JSONResponse({"changes": out, "next_cursor": cursor, "latest": latest(s.conn)},
                        headers={"X-Next-Cursor": cursor})


def _claim(c: StoredClaim) -> dict[str, Any]:
    s = c.source
    return {"claim_id": c.claim.id, "claimant": c.claim.claimant, "by": c.claim.by, "kind": c.claim.kind,
            "target": c.claim.target, "about": list(c.claim.about), "about_ceasefire": c.claim.about_ceasefire,
            "article_id": c.article_id, "outlet": s.outlet, "title": s.title, "url": s.url,
            "published": c.published.isoformat() if c.published else None,
            "evidence": [e.to_dict() for e in c.claim.evidence]}


CLAIM_COLUMNS = ("claim_id", "claimant", "by", "kind", "target", "about", "about_ceasefire", "article_id", "outlet",
                 "title", "url", "published")


@router.get("/claims", summary="Claims (accusations, denials), by party; of one ceasefire's articles or one article",
            responses=CSV)
def claims(s: StoreDep, ceasefire: str | None = None, article: str | None = None,
           claimant: str | None = None, kind: str | None = None, format: Format = "json") -> Response:
    if ceasefire is not None:
        reg = _registered(s, ceasefire)
        evs = s.events()
        arts = articles_of(reg, evs, s.event_judgements(reg.id))
    else:
        arts = {r[0] for r in s.rows("SELECT id FROM articles WHERE status = 'analysed'")}
    if article is not None:
        arts &= {article}
    said = [c for c in s.claims(arts) if (claimant is None or c.claim.claimant == claimant)
            and (kind is None or c.claim.kind == kind)]
    if format == "csv":
        return csv_response(CLAIM_COLUMNS, [_claim(c) for c in said], "claims")
    return JSONResponse({"claims": [_claim(c) for c in said],
                         "by_party": {party: len(cs) for party, cs in by_party(said).items()}})


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    """The gazetteer the pipeline reads (built by ``trucewatch setup``), opened once, read-only."""
    from trucewatch.config import Settings
    from trucewatch.geo.gazetteer import default_path

    return Gazetteer.open(default_path(Settings.load().data_dir or None), build=False)


@router.get("/places", summary="The gazetteer's places whose name, in any language, starts with q (a place search)")
def places(q: Annotated[str, Query(min_length=2, max_length=100, description="the start of a place's name")],
           limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict[str, Any]:
    found = _gazetteer().search(q, limit)
    return {"places": [{"name": e.name, "country": e.country, "admin1": e.admin1, "lat": e.lat, "lon": e.lon,
                        "kind": e.kind, "population": e.population, "geonames_id": e.id} for e in found]}


@router.get("/articles/{article_id}", summary="An article's text and metadata, with the evidence spans it holds")
def article(article_id: str, s: StoreDep) -> dict[str, Any]:
    rows = s.rows("SELECT id, source, outlet, url, title, author, language, published, status, error_code, text "
                  "FROM articles WHERE id = ?", (article_id,))
    if not rows:
        raise not_found("article", article_id)
    keys = ("article_id", "path", "outlet", "url", "title", "author", "language", "published", "status",
            "error_code", "text")
    out: dict[str, Any] = dict(zip(keys, rows[0], strict=True))
    spans: list[dict[str, Any]] = []
    for (record,) in s.rows("SELECT record FROM reports WHERE article_id = ?", (article_id,)):
        inc = incident_from_dict(json.loads(record))
        spans += [{"kind": "incident", "of": inc.id, **e.to_dict()} for e in inc.evidence]
    for c in s.claims([article_id]):
        spans += [{"kind": "claim", "of": c.claim.id, **e.to_dict()} for e in c.claim.evidence]
    out["evidence"] = sorted(spans, key=lambda x: (x["start"], x["end"]))
    return out

