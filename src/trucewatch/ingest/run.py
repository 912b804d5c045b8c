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
from typing import Any

from trucewatch.ingest.sources import Columns, RawArticle, SourceFailure, read_sources
from trucewatch.nlp.normalize import article_id
from trucewatch.pipeline import Analyzer, ArticleInput, Failure
from trucewatch.store.db import Store

#: one article as stored: its metadata and text, its analysis (the JSON contract) or its error
Stored = tuple[dict[str, Any], dict[str, Any] | None, tuple[str, str] | None]


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
                  size: int) -> Iterator[tuple[list[tuple[RawArticle, str]], int]]:
    """The articles not yet in the store, in batches of about ``size`` read items: (new articles
    with their ids, items read). Unreadable sources are recorded in the store and ``report``;
    articles already stored, or read twice in this run, are counted as skipped."""
    seen: set[str] = set()
    for chunk in _batches(read_sources(paths, columns), size):
        todo: list[tuple[RawArticle, str]] = []
        for item in chunk:
            if isinstance(item, SourceFailure):
                report.unreadable += 1
                report.failures.append(f"{item.source}: {item.error}")
                store.save_source_failure(item.source, item.error.code, str(item.error))
                continue
            report.read += 1
            todo.append((item, article_id(item.text)))
        known = store.known([aid for _, aid in todo])
        fresh = []
        for raw, aid in todo:
            if aid in known or aid in seen:
                report.skipped += 1
            else:
                seen.add(aid)
                fresh.append((raw, aid))
        yield fresh, len(chunk)


def analyse(batch: list[tuple[RawArticle, str]], analyzer: Analyzer) -> Iterator[Stored]:
    """Analyse a batch: one :data:`Stored` row per article, in order (failures included)."""
    for (raw, aid), result in zip(batch, analyzer.analyze_many(_input(r, a) for r, a in batch), strict=True):
        if isinstance(result, Failure):
            yield _meta(raw, aid), None, (result.error.code, str(result.error))
        else:
            yield _meta(raw, aid), result.to_contract(), None


def keep(store: Store, row: Stored, report: IngestReport) -> None:
    """Store one analysed (or failed) article and count it."""
    meta, result, error = row
    store.save_article(meta, result, error)
    if error:
        report.failed += 1
        report.failures.append(f"{meta['source']}: {error[1]}")
    else:
        report.stored += 1


def ingest(paths: Iterable[str], store: Store, analyzer: Analyzer, columns: Columns | None = None,
           progress: Callable[[int], None] | None = None) -> IngestReport:
    report = IngestReport()
    for fresh, read in fresh_batches(paths, store, columns or Columns(), report, analyzer.settings.batch):
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
