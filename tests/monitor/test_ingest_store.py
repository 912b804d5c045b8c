"""Ingest into a real SQLite store: idempotent, failures recorded with their reason, and a run
killed with SIGKILL halfway, then started again, ends exactly as one uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOLDEN
from trucewatch.ingest.run import ingest
from trucewatch.store.db import MIGRATIONS, Store

pytestmark = pytest.mark.model
ARTICLES = GOLDEN / "articles"


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchall()


def _snapshot(db: Path) -> tuple[Any, ...]:
    return (sorted(_rows(db, "SELECT id, status, language FROM articles")),
            sorted(_rows(db, "SELECT article_id, incident, place, sub_event_type, fatalities_low FROM reports")),
            sorted(_rows(db, "SELECT article_id, ceasefire, start_at FROM declarations")),
            sorted(_rows(db, "SELECT article_id, claim, kind FROM claims")),
            sorted(_rows(db, "SELECT article_id, ceasefire, incident, verdict FROM judgements")),
            _events(db))


def _events(db: Path) -> set[frozenset[tuple[str, str]]]:
    """Corroborated events as sets of their reports (event ids are numbering, not identity)."""
    members: dict[str, set[tuple[str, str]]] = {}
    for event, article, incident in _rows(db, "SELECT event_id, article_id, incident FROM event_reports"):
        members.setdefault(event, set()).add((article, incident))
    return {frozenset(m) for m in members.values()}


def test_ingest_twice_adds_nothing_and_records_failures(analyzer: Any, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(ARTICLES.glob("en0*.txt"))[:4]:
        (src / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "copy.txt").write_text((ARTICLES / "en01_gmt_window.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "italian.txt").write_text("Il cessate il fuoco è stato violato più volte durante il fine settimana, "
                                     "hanno riferito le autorità domenica.", encoding="utf-8")
    (src / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    db = tmp_path / "tw.sqlite"
    with Store.open(str(db)) as store:
        first = ingest([str(src)], store, analyzer)
        second = ingest([str(src)], store, analyzer)
        status = store.status()
    assert (first.read, first.stored, first.skipped, first.failed, first.unreadable) == (6, 4, 1, 1, 1)
    assert (second.stored, second.skipped, second.failed) == (0, 6, 0)
    assert status.analysed == 4 and status.failed == 1 and status.events >= 1
    assert {(Path(s).name.split(":")[0], code) for s, code, _ in status.failures} == {("italian.txt", "E201"),
                                                                                       ("broken.jsonl", "E106")}
    assert _rows(db, "SELECT COUNT(*), COUNT(DISTINCT id) FROM articles") == [(5, 5)]


def test_store_migrations_are_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "tw.sqlite"
    for _ in range(2):
        with Store.open(str(db)) as store:
            assert store.version() == MIGRATIONS[-1][0]
    assert _rows(db, "SELECT version FROM schema_version") == [(v,) for v, _, _ in MIGRATIONS]
    assert _rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert {"events", "event_reports"} <= {r[0] for r in _rows(db, "SELECT name FROM sqlite_master")}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "trucewatch", *args]


def test_ingest_killed_with_sigkill_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    reference, resumed = tmp_path / "reference.sqlite", tmp_path / "resumed.sqlite"
    subprocess.run(_cli("ingest", str(ARTICLES), "--db", str(reference), "--quiet"), check=False,
                   capture_output=True, timeout=600)
    total = _rows(reference, "SELECT COUNT(*) FROM articles")[0][0]
    assert total == len(list(ARTICLES.glob("*.txt")))

    proc = subprocess.Popen(_cli("ingest", str(ARTICLES), "--db", str(resumed), "--quiet"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if resumed.exists():
            try:
                stored = _rows(resumed, "SELECT COUNT(*) FROM articles")[0][0]
            except sqlite3.OperationalError:
                stored = 0  # the schema is being created
        if stored >= total // 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _rows(resumed, "SELECT COUNT(*) FROM articles")[0][0]
    assert 0 < killed_at < total

    subprocess.run(_cli("ingest", str(ARTICLES), "--db", str(resumed), "--quiet"), check=False,
                   capture_output=True, timeout=600)
    assert _snapshot(resumed) == _snapshot(reference)
    assert _rows(resumed, "SELECT COUNT(*), COUNT(DISTINCT id) FROM articles") == [(total, total)]
