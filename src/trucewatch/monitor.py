"""A monitor's loop as one call: ingest sources into a store (locally or on Dask), then rebuild
what is derived from the articles (events, the registry, judgements): whatever the store owes.

The stages stay apart: :mod:`trucewatch.ingest` reads, analyses and stores articles;
:mod:`trucewatch.corroborate.rebuild` derives from the store. This module, above both, runs one
after the other; the ``ingest`` command is a thin wrapper over :func:`ingest`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from trucewatch.config import Settings
from trucewatch.corroborate.rebuild import rebuild
from trucewatch.ingest.run import IngestReport
from trucewatch.ingest.run import ingest as ingest_local
from trucewatch.ingest.sources import Columns
from trucewatch.pipeline import Analyzer
from trucewatch.store.db import Store


def ingest(paths: Iterable[str], store: Store, analyzer: Analyzer | None = None, columns: Columns | None = None,
           progress: Callable[[int], None] | None = None, *, settings: Settings | None = None,
           scheduler: str | None = None, workers: int | None = None, parts: str | None = None,
           partition: int | None = None) -> IngestReport:
    """Ingest ``paths`` (on Dask when ``scheduler`` is given) and bring the derived tables up to
    date; ``report.events`` is then the number of events."""
    if scheduler:
        from trucewatch.ingest.scale import PARTITION, ingest_dask

        report = ingest_dask(list(paths), store, scheduler, columns=columns, settings=settings, workers=workers,
                             parts=parts, partition=partition or PARTITION, progress=progress)
    else:
        report = ingest_local(paths, store, analyzer or Analyzer.load(settings), columns, progress=progress)
    report.events = rebuild(store, settings=settings)  # incremental; also finishes a rebuild a killed run left owing
    return report
