"""Ingest with hostile sources in the batch, locally and on Dask: each bad source or article is a
recorded, coded failure (``trucewatch status`` lists it), the good ones of the same folder are
stored, and a rerun neither dies at the same file nor counts anything twice."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.monitor.test_hostile_sources import BODY, HOSTILE
from trucewatch.ingest.run import IngestReport, ingest, keep
from trucewatch.store.db import Store


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a-good.txt").write_text(BODY, encoding="utf-8")
    for name, data, _ in HOSTILE:
        (src / f"b-{name}").write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    os.mkfifo(src / "b-pipe.txt")
    (src / "b-gone.txt").symlink_to(src / "nowhere.txt")
    (src / os.fsdecode(b"b-caf\xe9.txt")).write_text(BODY + " In the café.", encoding="utf-8")
    (src / "c-good.txt").write_text("Kyiv said Russian drones hit Odesa overnight despite the Easter truce, "
                                    "killing one man; Moscow denied it.", encoding="utf-8")
    return src


def _check(store: Store, report: IngestReport) -> None:
    sources = {Path(s).name for (s,) in store.rows("SELECT source FROM articles")}
    assert {"a-good.txt", "c-good.txt", "b-caf\\xe9.txt"} <= sources
    failed = {Path(s.split("#")[0].split(":")[0]).name: code for s, code, _ in store.status().failures}
    assert failed["b-pipe.txt"] == "E111" and failed["b-gone.txt"] == "E105"
    assert failed["b-deep.json"] == "E112" and failed["b-surrogate.json"] == "E103"
    assert report.unreadable >= 8 and report.stored >= 3


@pytest.mark.model
def test_hostile_ingest_stores_the_good_and_records_the_bad(analyzer: Any, tmp_path: Path) -> None:
    src = _folder(tmp_path)
    with Store.open(str(tmp_path / "tw.sqlite")) as store:
        first = ingest([str(src)], store, analyzer)
        _check(store, first)
        again = ingest([str(src)], store, analyzer)
    assert again.stored == again.failed == 0 and again.skipped == again.read == first.read


@pytest.mark.model
def test_hostile_ingest_on_dask_stores_the_good_and_records_the_bad(tmp_path: Path) -> None:
    from trucewatch.ingest.scale import ingest_dask

    src = _folder(tmp_path)
    with Store.open(str(tmp_path / "tw.sqlite")) as store:
        report = ingest_dask([str(src)], store, "local", workers=1, partition=4)
        _check(store, report)


def _meta(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"a{n}", "source": f"a{n}.txt", "text": f"article {n}", **extra}


def test_hostile_store_error_is_a_failure_of_that_article(tmp_path: Path) -> None:
    """A row the store cannot take (a lone surrogate, an integer past 64 bits, an object) is
    recorded as failed (E901), named by its source; the rows around it are stored."""
    rows = [_meta(1), _meta(2, text="bad \ud800"), _meta(3, url=2**63), _meta(4, title={"a": 1}), _meta(5)]
    report = IngestReport()
    with Store.open(str(tmp_path / "tw.sqlite")) as store:
        for meta in rows:
            keep(store, (meta, None, None), report)
        status = store.status()
        stored = store.rows("SELECT id FROM articles ORDER BY id")
    assert (report.stored, report.failed) == (2, 3)
    assert ("a1",) in stored and ("a5",) in stored
    assert sorted((s, code) for s, code, _ in status.failures) == [("a2.txt", "E901"), ("a3.txt", "E901"),
                                                                   ("a4.txt", "E901")]


def test_hostile_an_article_another_process_stored_counts_as_skipped(tmp_path: Path) -> None:
    """Two ingests at once: the one whose insert finds the article there counts it skipped."""
    report = IngestReport()
    with Store.open(str(tmp_path / "tw.sqlite")) as store:
        keep(store, (_meta(1), None, None), report)
        keep(store, (_meta(1), None, None), report)  # what the other process does meanwhile
    assert (report.stored, report.skipped) == (1, 1)
