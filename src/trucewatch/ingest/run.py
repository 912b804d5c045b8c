"""``trucewatch ingest``: read sources, analyse what is new, store each article as it is done.

Idempotent (an article whose id, the hash of its normalised text, is stored is skipped before it
is analysed) and resumable (each article is one transaction: a run killed at any point and started
again loses nothing and duplicates nothing). Articles are analysed in batches through
:meth:`Analyzer.analyze_many`, so models stay loaded and spaCy streams.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal

from trucewatch.errors import InternalError, TrucewatchError, failure_line, printable
from trucewatch.ingest.sources import Columns, Item, Limits, RawArticle, SourceFailure, read_sources
from trucewatch.nlp.normalize import article_id
from trucewatch.pipeline import Analyzer, ArticleInput, Failure
from trucewatch.store.db import Store

#: one article as stored: its metadata and text, its analysis (the JSON contract) or its error
Stored = tuple[dict[str, Any], dict[str, Any] | None, tuple[str, str] | None]


@dataclass(frozen=True)
class Outcome:
    """What became of one article or source of a run: stored, already stored (before or earlier in
    the run), or failed with its coded error (an article stored as failed, or a source that gave
    no article, ``article_id`` None)."""

    source: str
    status: Literal["stored", "already stored", "failed"]
    article_id: str | None = None
    code: str | None = None
    message: str | None = None


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store, or a duplicate within this run
    failed: int = 0  # articles that could not be analysed (stored as failed)
    unreadable: int = 0  # sources with no article at all (files, lines, feed entries)
    events: int | None = None  # corroborated events after this run (None: not rebuilt)
    model_loads: int | None = None  # on Dask: analysers loaded across the workers (one per worker)
    failures: list[str] = field(default_factory=list)
    #: each article's or source's :class:`Outcome`, in order, when asked for (a list given); the
    #: CLI leaves it None, so a run of a million articles holds no list of them
    outcomes: list[Outcome] | None = None

    def outcome(self, source: str, status: Literal["stored", "already stored", "failed"], article_id: str | None,
                error: tuple[str, str] | None = None) -> None:
        if self.outcomes is not None:
            self.outcomes.append(Outcome(source, status, article_id, *(error or (None, None))))


def _batches(items: Iterable[RawArticle | SourceFailure], n: int) -> Iterator[list[RawArticle | SourceFailure]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def _input(raw: RawArticle, aid: str) -> ArticleInput:
    return ArticleInput(raw.text, id=aid, published=raw.published, published_basis=raw.published_basis,
                        language=raw.language, source=raw.source, warnings=raw.warnings, country=raw.country)


def _meta(raw: RawArticle, aid: str) -> dict[str, Any]:
    return {"id": aid, "source": raw.source, "outlet": raw.outlet, "url": raw.url, "title": raw.title,
            "author": raw.author, "language": raw.language, "text": raw.text,
            "published": raw.published.isoformat() if raw.published else None,
            "published_basis": raw.published_basis}


def fresh_batches(paths: Iterable[str], store: Store, columns: Columns, report: IngestReport,
                  size: int, limits: Limits | None = None) -> Iterator[tuple[list[tuple[RawArticle, str]], int]]:
    """The articles of ``paths`` not yet in the store, in batches: :func:`fresh_items`."""
    yield from fresh_items(read_sources(paths, columns, limits), store, report, size)


def fresh_items(items: Iterable[Item], store: Store, report: IngestReport,
                size: int) -> Iterator[tuple[list[tuple[RawArticle, str]], int]]:
    """The articles of ``items`` not yet in the store, in batches of about ``size`` read items:
    (new articles with their ids, items read). Unreadable sources are recorded in the store and
    ``report``; articles already stored, or read twice in this run, are counted as skipped."""
    seen: set[str] = set()
    for chunk in _batches(items, size):
        todo: list[tuple[RawArticle, str]] = []
        for item in chunk:
            if isinstance(item, RawArticle):
                try:
                    todo.append((item, article_id(item.text)))
                    report.read += 1
                    continue
                except Exception as exc:  # noqa: BLE001 - one article, whatever broke it, is its own failure
                    item = SourceFailure(item.source, _defect(item.source, exc), item.id)
            unreadable(store, item, report)
        known = store.known([aid for _, aid in todo])
        fresh = []
        for raw, aid in todo:
            if aid in known or aid in seen:
                report.skipped += 1
                report.outcome(raw.source, "already stored", aid)
            else:
                seen.add(aid)
                fresh.append((raw, aid))
        yield fresh, len(chunk)


def _defect(source: str, exc: BaseException) -> TrucewatchError:
    if isinstance(exc, TrucewatchError):
        return exc
    return InternalError("E901", source=source, why=" ".join(f"{type(exc).__name__}: {exc}".split())[:200])


def unreadable(store: Store, item: SourceFailure, report: IngestReport) -> None:
    """Record a source that gave no article, in ``report`` and (when the store takes it) the store."""
    source = printable(item.source)
    report.unreadable += 1
    report.failures.append(failure_line(source, item.error.code, str(item.error)))
    report.outcome(source, "failed", None, (item.error.code, str(item.error)))
    try:
        store.save_source_failure(source, item.error.code, str(item.error))
    except Exception as exc:  # noqa: BLE001 - the store refused even the failure: it stays in the report
        report.failures.append(f"{source}: not recorded in the store ({type(exc).__name__}: {exc})")


def analyse(batch: list[tuple[RawArticle, str]], analyzer: Analyzer) -> Iterator[Stored]:
    """Analyse a batch: one :data:`Stored` row per article, in order (failures included; a batch
    that fails as a whole is analysed one article at a time, :meth:`Analyzer.analyze_all`)."""
    results = analyzer.analyze_all([_input(r, a) for r, a in batch])
    for (raw, aid), result in zip(batch, results, strict=True):
        if isinstance(result, Failure):
            yield _meta(raw, aid), None, (result.error.code, str(result.error))
        else:
            yield _meta(raw, aid), result.to_contract(), None


def keep(store: Store, row: Stored, report: IngestReport) -> None:
    """Store one analysed (or failed) article and count it: stored, failed, or skipped when it
    was already there (another ingest stored it meanwhile). A row the store refuses (any
    exception) is stored as failed (E901), or else recorded as a failed source; never raised."""
    meta, result, error = row
    try:
        new = store.save_article(meta, result, error)
    except Exception as exc:  # noqa: BLE001 - one article, whatever broke it, is its own failure
        _refused(store, meta, exc, report)
        return
    if not new:
        report.skipped += 1
        report.outcome(meta["source"], "already stored", meta["id"])
    elif error:
        report.failed += 1
        report.failures.append(failure_line(printable(str(meta["source"])), error[0], error[1]))
        report.outcome(meta["source"], "failed", meta["id"], error)
    else:
        report.stored += 1
        report.outcome(meta["source"], "stored", meta["id"])


def _refused(store: Store, meta: dict[str, Any], exc: BaseException, report: IngestReport) -> None:
    source = printable(str(meta.get("source") or meta.get("id")))
    err = _defect(source, exc)
    report.failed += 1
    report.failures.append(failure_line(source, err.code, str(err)))
    report.outcome(source, "failed", printable(str(meta["id"])), (err.code, str(err)))
    safe = {"id": printable(str(meta["id"])), "source": source, "text": printable(str(meta.get("text", "")))}
    try:
        store.save_article(safe, None, (err.code, str(err)))
    except Exception:  # noqa: BLE001 - then as a source that failed, which needs no text
        try:
            store.save_source_failure(source, err.code, str(err))
        except Exception as again:  # noqa: BLE001 - the store refused even that: it stays in the report
            report.failures.append(f"{source}: not recorded in the store ({type(again).__name__})")


def ingest(paths: Iterable[str], store: Store, analyzer: Analyzer, columns: Columns | None = None,
           progress: Callable[[int], None] | None = None) -> IngestReport:
    limits = Limits.of(analyzer.settings)
    return ingest_items(read_sources(paths, columns or Columns(), limits), store, analyzer, progress=progress)


def ingest_items(items: Iterable[Item], store: Store, analyzer: Analyzer, report: IngestReport | None = None,
                 progress: Callable[[int], None] | None = None) -> IngestReport:
    """Analyse and store the new articles of ``items`` (what a reader gave: :mod:`.sources`)."""
    report = report if report is not None else IngestReport()
    for fresh, read in fresh_items(items, store, report, analyzer.settings.batch):
        for row in analyse(fresh, analyzer):
            keep(store, row, report)
        if progress is not None:
            progress(read)
    return report


def progress_bar(quiet: bool) -> tuple[Callable[[int], None] | None, Callable[[], None]]:
    """A tqdm bar on a terminal, nothing in a pipe or with --quiet: (update, close)."""
    if quiet or not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(unit=" items", file=sys.stderr, dynamic_ncols=True)
    return bar.update, bar.close
