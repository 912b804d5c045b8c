"""Open SQLite connections kept for the next request (issue 12): a connection's first
statement reads the schema and the WAL index, several milliseconds on a large store, which
every request paid when each opened its own.

A connection goes back to the pool when its request closes the store, a transaction left open
rolled back; a few are kept per store file, the rest closed. The pool is keyed by the file's
device and inode, so a store file replaced at the same path (a new store, a restored copy) is
never read through a connection to the old one (whose open file keeps its inode from reuse).
Autocommit connections in WAL mode see every commit made since, whichever process made it, so a
reused connection reads what a new one would. :func:`memo` keeps a reader's result with a
connection until the store changes (the reviewed events' views, read on every list page).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from trucewatch.store.backend import Connection

T = TypeVar("T")
#: idle connections kept per store file
KEEP = 8
_idle: dict[tuple[str, int, int], list[tuple[sqlite3.Connection, dict[str, Any]]]] = {}
_lock = threading.Lock()


class PooledConnection(Connection):
    """A SQLite connection whose ``close`` hands it back to the pool; ``memo``: what readers
    computed over this connection, kept with it (see :meth:`version`)."""

    def __init__(self, raw: sqlite3.Connection, url: str, key: tuple[str, int, int], memo: dict[str, Any]):
        super().__init__(raw, url)
        self.key = key
        self.memo = memo

    def version(self) -> tuple[int, int]:
        """Changes as seen by this connection: it differs after any commit by another connection
        (``PRAGMA data_version``) or any change made through this one (``total_changes``)."""
        return int(self.raw.execute("PRAGMA data_version").fetchone()[0]), self.raw.total_changes

    def close(self) -> None:
        raw = self.raw
        try:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
        except sqlite3.Error:
            raw.close()
            return
        with _lock:
            idle = _idle.setdefault(self.key, [])
            if len(idle) < KEEP:
                idle.append((raw, self.memo))
                return
        raw.close()


def pooled(path: Path, url: str) -> Connection:
    """A connection to the SQLite store at ``path``: an idle one of the same file, or a new one
    (``sqlite3.Error`` or ``OSError`` when it cannot be opened)."""
    st = os.stat(path)
    key = (str(path), st.st_dev, st.st_ino)
    with _lock:
        idle = _idle.get(key)
        held = idle.pop() if idle else None
    if held is None:
        raw = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA foreign_keys=ON")
        held = (raw, {})
    return PooledConnection(held[0], url, key, held[1])


def memo(conn: Connection, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, remembered with a pooled connection until the store changes (any commit
    by anyone, any change through it); computed afresh on any other connection."""
    if not isinstance(conn, PooledConnection):
        return compute()
    version = conn.version()
    kept = conn.memo.get(name)
    if kept is not None and kept[0] == version:
        return cast(T, kept[1])
    value = compute()
    if conn.version() == version:  # nothing changed while computing: safe to keep
        conn.memo[name] = (version, value)
    return value
