"""Pooled SQLite connections: reused, never across a replaced file, and what a reader kept with
one is computed again once the store changes, by another connection or through this one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def _db(path: Path) -> None:
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA journal_mode=WAL")
        c.execute("CREATE TABLE t (x INTEGER)")
    c.close()


def _count(conn: object) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM t").fetchone()[0])  # type: ignore[attr-defined]


def test_memo_follows_changes(tmp_path: Path) -> None:
    from trucewatch.api.pool import memo, pooled

    db = tmp_path / "s.sqlite"
    _db(db)
    conn = pooled(db, str(db))
    calls: list[int] = []

    def counted() -> int:
        calls.append(1)
        return _count(conn)

    assert memo(conn, "n", counted) == 0 and memo(conn, "n", counted) == 0 and len(calls) == 1
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("INSERT INTO t VALUES (1)")  # a commit by another connection
    assert memo(conn, "n", counted) == 1 and len(calls) == 2
    conn.execute("INSERT INTO t VALUES (2)")  # a change through this one
    assert memo(conn, "n", counted) == 2 and len(calls) == 3
    conn.close()
    again = pooled(db, str(db))
    assert again.raw is conn.raw and memo(again, "n", counted) == 2 and len(calls) == 3  # reused, memo kept
    again.close()
    other.close()


def test_a_replaced_file_gets_a_new_connection(tmp_path: Path) -> None:
    from trucewatch.api.pool import pooled

    db = tmp_path / "s.sqlite"
    _db(db)
    first = pooled(db, str(db))
    first.execute("INSERT INTO t VALUES (1)")
    first.close()
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{db}{suffix}").exists():
            os.remove(f"{db}{suffix}")
    _db(db)
    second = pooled(db, str(db))
    assert _count(second) == 0
    second.close()
