"""Ingest through the API (``POST /api/articles``, analyst or admin): one article as JSON (the
record ``trucewatch ingest`` reads from JSON lines) or a file's content as the request body (a
saved RSS/Atom feed, JSON lines, CSV, JSON, HTML, text), read by the ingest's own readers
(:func:`trucewatch.ingest.sources.read_bytes`), analysed and stored as the CLI does
(:func:`trucewatch.ingest.run.ingest_items`), then the derived tables rebuilt incrementally.

Within the CLI's bounds (``max_source_bytes``, JSON depth, field sizes, and each article's time
budget, :func:`trucewatch.budget.deadline`). The analyser loads once per server process, on the
first ingest, in a worker thread (never on the event loop); one ingest runs at a time (a lock),
so two rebuilds of the store never race. The answer gives each article's outcome: stored,
already stored, or failed with its coded error; an upload with no article at all is a 422.
"""

from __future__ import annotations

import threading
from dataclasses import asdict
from pathlib import PurePosixPath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from trucewatch.api.app import PROBLEM, open_store, problem
from trucewatch.api.write import _role, token
from trucewatch.config import Settings
from trucewatch.errors import InputError, TrucewatchError, printable
from trucewatch.ingest.items import Columns, Item, SourceFailure
from trucewatch.ingest.run import IngestReport
from trucewatch.pipeline import Analyzer
from trucewatch.store.review import Token

router = APIRouter(prefix="/api", responses={401: {"content": {PROBLEM: {}}}, 403: {"content": {PROBLEM: {}}}})

#: the media types a body may have, and the file suffix (the reader) each stands for
MEDIA = {"application/json": ".json", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
         "text/csv": ".csv", "application/rss+xml": ".rss", "application/atom+xml": ".atom",
         "application/xml": ".xml", "text/xml": ".xml", "text/html": ".html", "text/plain": ".txt",
         "application/octet-stream": ".txt"}
BODY = "request body"


def ingester(t: Annotated[Token, Depends(token)]) -> Token:
    return _role(t, "analyst", "ingest articles")


class Ingestor:
    """A server's analyser, loaded once and lazily (the first ingest loads it, in its worker
    thread), and the lock that lets one ingest (and so one rebuild) run at a time."""

    def __init__(self, analyzer: Analyzer | None = None, settings: Settings | None = None, wait: float = 600.0):
        self._analyzer = analyzer
        self._settings = analyzer.settings if analyzer is not None else settings
        self.lock = threading.Lock()
        self.wait = wait  # seconds an ingest waits for the one running before it is refused (E307)
        self.loads = 0  # analysers this server loaded: one at most

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.load()
        return self._settings

    def analyzer(self) -> Analyzer:
        """The analyser, loaded on first use; call it holding :attr:`lock`."""
        if self._analyzer is None:
            self._analyzer = Analyzer.load(self.settings)
            self.loads += 1
        return self._analyzer


class ArticleIn(BaseModel):
    """One article (the schema of a JSON body; a list of them is read too, as ``ingest`` reads a
    .json file)."""

    text: str = Field(min_length=1, description="the article's text (the title is put before it)")
    published: str | None = Field(None, description="its date, ISO 8601 (or a date as feeds write one)")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = Field(None, description="ISO 639-1; none: detected")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2: a hint for the places")
    id: str | None = Field(None, description="your own id of it (the stored id is the hash of its text)")


_BINARY = {"schema": {"type": "string", "format": "binary"}}
OPENAPI: dict[str, Any] = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": ArticleIn.model_json_schema()},
    **{m: _BINARY for m in ("application/x-ndjson", "text/csv", "application/rss+xml", "application/atom+xml",
                            "application/xml", "text/html", "text/plain")}}}}


def _results(report: IngestReport, items: list[Item]) -> dict[str, Any]:
    """The counts, and each article's or source's outcome in the order of the upload."""
    order = {printable(i.source): n for n, i in enumerate(items)}
    outcomes = sorted(report.outcomes or (), key=lambda o: order.get(o.source, len(order)))
    return {"read": report.read, "stored": report.stored, "already_stored": report.skipped,
            "failed": report.failed, "unreadable": report.unreadable, "events": report.events,
            "results": [asdict(o) for o in outcomes]}


@router.post("/articles", status_code=201, openapi_extra=OPENAPI,
             summary="Ingest one article (JSON) or a file's articles (the body: a feed, JSONL, CSV, text) (analyst+)",
             responses={200: {"description": "nothing new stored (each article already stored, or failed)"},
                        409: {"content": {PROBLEM: {}}}, 415: {"content": {PROBLEM: {}}},
                        422: {"content": {PROBLEM: {}}}})
async def ingest_articles(
        request: Request, who: Annotated[Token, Depends(ingester)],
        name: Annotated[str | None, Query(max_length=200, description="the file's name: its suffix picks the "
                                          "reader (.rss, .atom, .xml, .jsonl, .csv, .json, .html, .txt)")] = None,
        text_column: Annotated[str, Query(min_length=1, max_length=100, description="the text column of CSV or "
                                          "key of JSON")] = "text") -> Response:
    ingestor: Ingestor = request.app.state.ingestor
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in MEDIA:
        return problem(415, "E302", f"E302 Content-Type: {printable(media)[:80]!r} is not one the ingest reads "
                       f"(give one of {', '.join(MEDIA)})", parameter="content-type")
    file = _file_name(name, MEDIA[media])
    source = BODY if name is None else f"upload:{file}"
    try:
        data = await _body(request, ingestor.settings.max_source_bytes, source)
    except TrucewatchError as exc:
        return problem(422, exc.code, str(exc), parameter="body")
    return await run_in_threadpool(_ingest, request.app.state.db, ingestor, data, file, source,
                                   Columns(text=text_column))


def _file_name(name: str | None, default_suffix: str) -> str:
    """The base name of an uploaded file as given (never a path), or one with the media type's suffix."""
    base = PurePosixPath((name or "").replace("\\", "/")).name if name else ""
    return printable(base)[:200] if base.strip(". ") else f"article{default_suffix}"


async def _body(request: Request, limit: int, source: str) -> bytes:
    """The request's body, read in chunks; E110 past ``limit`` bytes (never held whole)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError("E110", source=source, limit=limit)
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise InputError("E110", source=source, limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(db: str, ingestor: Ingestor, data: bytes, file: str, source: str, columns: Columns) -> Response:
    """Read, analyse and store (in a worker thread): the per-article results, or a 422 when the
    body holds no article at all (nothing is stored then)."""
    from trucewatch.corroborate.rebuild import rebuild
    from trucewatch.ingest.limits import Limits
    from trucewatch.ingest.run import ingest_items
    from trucewatch.ingest.sources import read_bytes

    items: list[Item] = list(read_bytes(data, file, source, columns, Limits.of(ingestor.settings)))
    failed = [i for i in items if isinstance(i, SourceFailure)]
    if len(failed) == len(items):
        first = failed[0].error if failed else InputError("E101", source=source)
        return problem(422, first.code, str(first), parameter="body",
                       failures=[{"source": i.source, "code": i.error.code, "message": str(i.error)}
                                 for i in failed[:100]])
    if not ingestor.lock.acquire(timeout=ingestor.wait):
        raise TrucewatchError("E307", what="ingest", why="another ingest is running; send it again later")
    try:
        with open_store(db) as store:
            report = ingest_items(items, store, ingestor.analyzer(), IngestReport(outcomes=[]))
            report.events = rebuild(store, settings=ingestor.settings)
    finally:
        ingestor.lock.release()
    return JSONResponse(_results(report, items), status_code=201 if report.stored else 200)
