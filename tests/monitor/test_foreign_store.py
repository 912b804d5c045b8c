"""A --db that is not a trucewatch store (another program's SQLite file, or no database at
all) is refused with E303, and left exactly as it was: no table, no journal mode written."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from trucewatch.errors import ConfigError
from trucewatch.store.db import Store


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users (name) VALUES ('ada')")
    conn.commit()
    conn.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_foreign_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = _foreign(tmp_path)
    before = _digest(path)
    with pytest.raises(ConfigError) as err:
        Store.open(str(path))
    assert err.value.code == "E303" and "users" in str(err.value) and "not a trucewatch store" in str(err.value)
    assert _digest(path) == before
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["users"]
    conn.close()


def test_foreign_status_is_one_coded_line(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("just some notes, not a database at all\n" * 200, encoding="utf-8")
    for path in (_foreign(tmp_path), not_a_db):
        before = _digest(path)
        run = subprocess.run([sys.executable, "-m", "trucewatch", "status", "--db", str(path)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 2 and "error E303" in run.stderr and "Traceback" not in run.stderr, run.stderr
        assert len(run.stderr.strip().splitlines()) == 1 and _digest(path) == before


def test_foreign_an_empty_file_or_a_trucewatch_store_opens(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with Store.open(str(empty)) as store:
        assert store.version() >= 1
    with Store.open(str(empty)) as store:  # and again, now that it is a store
        assert store.status().analysed == 0
