"""Ingest into a real store, a SQLite file and a PostgreSQL database alike: idempotent, failures
recorded with their reason, and a run killed with SIGKILL halfway, then started again, ends
exactly as one uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOLDEN
from trucewatch.monitor import ingest
from trucewatch.store.db import MIGRATIONS, Store

pytestmark = pytest.mark.model
ARTICLES = GOLDEN / "articles"


def _rows(db: Path | str, sql: str) -> list[tuple[Any, ...]]:
    with Store.open(str(db)) as store:
        return store.rows(sql)


def _snapshot(db: Path | str) -> tuple[Any, ...]:
    return (sorted(_rows(db, "SELECT id, status, language FROM articles")),
            sorted(_rows(db, "SELECT article_id, incident, place, sub_event_type, fatalities_low FROM reports")),
            sorted(_rows(db, "SELECT article_id, ceasefire, start_at FROM declarations")),
            sorted(_rows(db, "SELECT article_id, claim, kind FROM claims")),
            sorted(_rows(db, "SELECT article_id, ceasefire, incident, verdict FROM judgements")),
            _events(db))


def _events(db: Path | str) -> set[frozenset[tuple[str, str]]]:
    """Corroborated events as sets of their reports (event ids are numbering, not identity)."""
    members: dict[str, set[tuple[str, str]]] = {}
    for event, article, incident in _rows(db, "SELECT event_id, article_id, incident FROM event_reports"):
        members.setdefault(event, set()).add((article, incident))
    return {frozenset(m) for m in members.values()}


def test_ingest_twice_adds_nothing_and_records_failures(analyzer: Any, tmp_path: Path, store_url: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(ARTICLES.glob("en0*.txt"))[:4]:
        (src / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "copy.txt").write_text((ARTICLES / "en01_gmt_window.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "italian.txt").write_text("Il cessate il fuoco è stato violato più volte durante il fine settimana, "
                                     "hanno riferito le autorità domenica.", encoding="utf-8")
    (src / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    db = store_url
    with Store.open(db) as store:
        first = ingest([str(src)], store, analyzer)
        second = ingest([str(src)], store, analyzer)
        status = store.status()
    assert (first.read, first.stored, first.skipped, first.failed, first.unreadable) == (6, 4, 1, 1, 1)
    assert (second.stored, second.skipped, second.failed) == (0, 6, 0)
    # undated .txt articles: their truces have no window, so they are mentions, not registered truces
    assert status.analysed == 4 and status.failed == 1 and status.events >= 1 and status.declarations >= 1
    assert {(Path(s).name.split(":")[0], code) for s, code, _ in status.failures} == {("italian.txt", "E201"),
                                                                                       ("broken.jsonl", "E106")}
    assert _rows(db, "SELECT COUNT(*), COUNT(DISTINCT id) FROM articles") == [(5, 5)]
    # every report's evidence embedding is kept, once: the next rebuild embeds only new reports
    assert _rows(db, "SELECT COUNT(*) FROM report_vectors") == _rows(db, "SELECT COUNT(*) FROM reports")


def test_store_migrations_are_recorded_once(store_url: str) -> None:
    for _ in range(2):
        with Store.open(store_url) as store:
            assert store.version() == MIGRATIONS[-1][0]
            tables = store.conn.tables()
            dialect = store.conn.dialect
    assert _rows(store_url, "SELECT version FROM schema_version") == [(v,) for v, _, _ in MIGRATIONS]
    assert {"articles", "reports", "events", "event_reports", "schema_version"} <= tables
    if dialect == "sqlite":
        assert _rows(store_url, "PRAGMA journal_mode") == [("wal",)]
    else:
        assert store_url.startswith("postgresql://")


def test_unreachable_postgresql_is_a_clear_error() -> None:
    from trucewatch.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none")
    assert err.value.code == "E303" and "cannot connect" in str(err.value) and "secret" not in str(err.value)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "trucewatch", *args]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One uninterrupted run into SQLite, the reference both kinds of store must match."""
    db = tmp_path_factory.mktemp("reference") / "reference.sqlite"
    subprocess.run(_cli("ingest", str(ARTICLES), "--db", str(db), "--quiet"), check=False,
                   capture_output=True, timeout=600)
    return db


def test_ingest_killed_with_sigkill_resumes_without_loss_or_duplicates(reference: Path, store_url: str) -> None:
    """The resumed store's events are rebuilt from vectors kept by the killed run plus new ones,
    the reference's from vectors computed at once: the same events either way."""
    resumed = store_url
    total = _rows(reference, "SELECT COUNT(*) FROM articles")[0][0]
    assert total == len(list(ARTICLES.glob("*.txt")))

    proc = subprocess.Popen(_cli("ingest", str(ARTICLES), "--db", resumed, "--quiet"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            stored = _rows(resumed, "SELECT COUNT(*) FROM articles")[0][0]
        except Exception:  # noqa: BLE001 - the database or its schema is being created
            stored = 0
        if stored >= total // 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _rows(resumed, "SELECT COUNT(*) FROM articles")[0][0]
    assert 0 < killed_at < total

    subprocess.run(_cli("ingest", str(ARTICLES), "--db", resumed, "--quiet"), check=False,
                   capture_output=True, timeout=600)
    assert _snapshot(resumed) == _snapshot(reference)
    assert _rows(resumed, "SELECT COUNT(*), COUNT(DISTINCT id) FROM articles") == [(total, total)]


def test_dask_ingest_on_a_local_cluster_matches_a_local_run(reference: Path, store_url: str, tmp_path: Path) -> None:
    """Two worker processes, partitions of 8 articles written as Parquet and merged: the store
    ends exactly as the uninterrupted local run's, and each worker loaded the models once."""
    parts = tmp_path / "parts"
    done = subprocess.run(_cli("ingest", str(ARTICLES), "--db", store_url, "--quiet", "--dask", "local",
                               "--workers", "2", "--partition-size", "8", "--parts", str(parts)),
                          check=False, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert _snapshot(store_url) == _snapshot(reference)
    assert "models loaded 2 times" in done.stderr or "models loaded 1 times" in done.stderr
    written = sorted(parts.glob("run-*/part-*.parquet"))
    assert len(written) == -(-len(list(ARTICLES.glob("*.txt"))) // 8)
    again = subprocess.run(_cli("ingest", str(ARTICLES), "--db", store_url, "--quiet", "--dask", "local",
                                "--workers", "2"), check=False, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0 and " 0 stored," in again.stderr
