"""Scale-out: ``trucewatch ingest --dask local|tcp://scheduler:8786``.

The client reads the sources and drops what the store already holds, exactly as a local run does
(:func:`trucewatch.ingest.run.fresh_batches`); each batch of new articles becomes one Dask task.
A worker loads the models once (the analyser is cached in the worker process), analyses its
partition and writes the results as one Parquet file; the client merges each file into the store
as soon as it is ready, one transaction per article, and keeps at most two partitions per worker
in flight, so memory does not grow with the corpus. A run killed at any point resumes like a local
one: merged articles are skipped, unmerged partitions are analysed again.

On a real cluster the partition directory (``--parts``) must be a path every worker and the
client can reach: a shared file system, or an fsspec URL such as ``s3://bucket/run`` with its
package installed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from trucewatch.config import Settings
from trucewatch.errors import ConfigError, InternalError, printable, require
from trucewatch.ingest.run import IngestReport, Stored, analyse, fresh_batches, keep
from trucewatch.ingest.sources import Columns, Limits, RawArticle
from trucewatch.pipeline import Analyzer
from trucewatch.store.db import Store

PARTITION = 128
_COLUMNS = ("id", "meta", "analysis", "error_code", "error_message")
_loads: list[int] = []  # analysers loaded in this process (a worker loads one)


@cache
def _analyzer(settings: Settings) -> Analyzer:
    _loads.append(os.getpid())
    return Analyzer.load(settings)


def analyse_partition(batch: list[tuple[RawArticle, str]], settings: Settings, out: str) -> tuple[str, int, int]:
    """Run on a worker: analyse ``batch`` and write it to the Parquet file ``out``.
    Returns (out, worker pid, analysers this worker has loaded so far)."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_encoded(row) for row in analyse(batch, _analyzer(settings))]
    table = pa.table({
        "id": [m["id"] for m, _, _, _ in rows],
        "meta": [m for _, m, _, _ in rows],
        "analysis": [r for _, _, r, _ in rows],
        "error_code": [e[0] if e else None for _, _, _, e in rows],
        "error_message": [e[1] if e else None for _, _, _, e in rows],
    })
    with fsspec.open(out, "wb") as f:
        pq.write_table(table, f)
    return out, os.getpid(), len(_loads)


def _encoded(row: Stored) -> tuple[dict[str, Any], str, str | None, tuple[str, str] | None]:
    """One row as the partition holds it (meta and analysis as JSON text). A row that cannot be
    written (text that is not UTF-8) becomes the failure of that article, so the partition is kept."""
    meta, result, error = row
    try:
        encoded = json.dumps(meta, ensure_ascii=False), json.dumps(result, ensure_ascii=False) if result else None
        for text in encoded:
            (text or "").encode("utf-8")
        return meta, encoded[0], encoded[1], error
    except (TypeError, ValueError) as exc:
        source = printable(str(meta.get("source") or meta.get("id")))
        err = InternalError("E901", source=source, why=f"{type(exc).__name__}: {exc}"[:200])
        safe = {"id": printable(str(meta["id"])), "source": source, "text": printable(str(meta.get("text", "")))}
        return safe, json.dumps(safe, ensure_ascii=False), None, (err.code, str(err))


def read_partition(path: str) -> Iterator[Stored]:
    """The rows of one partition file, as the store takes them."""
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(path, "rb") as f:
        table = pq.read_table(f, columns=list(_COLUMNS))
    for row in table.to_pylist():
        error = (row["error_code"], row["error_message"]) if row["error_code"] else None
        yield json.loads(row["meta"]), json.loads(row["analysis"]) if row["analysis"] else None, error


def _merge(store: Store, path: str, n: int, report: IngestReport) -> None:
    """Store the ``n`` articles of one partition file, each as :func:`keep` does."""
    try:
        for row in read_partition(path):
            keep(store, row, report)
    except Exception as exc:  # noqa: BLE001 - an unreadable partition file: a rerun retries what it held
        report.failures.append(f"partition {path} not read ({type(exc).__name__}: {exc}); "
                               "run ingest again to retry its articles")
        report.failed += n


@contextmanager
def client_for(scheduler: str, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: ``local`` starts a LocalCluster of ``workers`` single-threaded processes
    (default: one per core); anything else is a scheduler address."""
    require("dask", "ingest --dask")
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None,  # loopback only: see the README
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError("E304", scheduler=scheduler, why=" ".join(str(exc).split())) from exc
    with client:
        yield client


@contextmanager
def _parts_dir(parts: str | None, scheduler: str) -> Iterator[str]:
    if parts:
        yield parts.rstrip("/") + f"/run-{uuid.uuid4().hex[:8]}"
        return
    if scheduler != "local":
        raise ConfigError("E304", scheduler=scheduler,
                          why="a cluster needs --parts, a directory or URL every worker and this machine can reach")
    tmp = tempfile.mkdtemp(prefix="trucewatch-parts-")
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def ingest_dask(paths: Iterable[str], store: Store, scheduler: str = "local", *, columns: Columns | None = None,
                settings: Settings | None = None, workers: int | None = None, parts: str | None = None,
                partition: int = PARTITION, progress: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest on Dask: the same articles, analyses and store rows as :func:`ingest.run.ingest`."""
    from dask.distributed import as_completed

    settings = settings or Settings.load()
    report = IngestReport()
    loads: dict[int, int] = {}
    with client_for(scheduler, workers) as client, _parts_dir(parts, scheduler) as out:
        import fsspec

        fs, root = fsspec.core.url_to_fs(out)
        fs.makedirs(root, exist_ok=True)
        limit = 2 * max(1, len(client.scheduler_info()["workers"]))
        pending = as_completed()
        sizes: dict[str, int] = {}

        def merge_one() -> None:
            future = next(pending)
            n = sizes.pop(future.key)
            try:
                path, pid, loaded = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker died: nothing stored, a rerun retries
                report.failures.append(f"partition of {n} articles not analysed ({type(exc).__name__}: {exc}); "
                                       "run ingest again to retry them")
                report.failed += n
                return
            loads[pid] = loaded
            _merge(store, path, n, report)
            if progress is not None:
                progress(n)

        for n, (fresh, _) in enumerate(fresh_batches(paths, store, columns or Columns(), report, partition,
                                                         Limits.of(settings))):
            if not fresh:
                continue
            future = client.submit(analyse_partition, fresh, settings, f"{out}/part-{n:06d}.parquet", pure=False)
            sizes[future.key] = len(fresh)
            pending.add(future)
            while pending.count() >= limit:
                merge_one()
        while pending.count():
            merge_one()
    report.model_loads = sum(loads.values())
    return report
