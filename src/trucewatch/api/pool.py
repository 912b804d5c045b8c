"""Open SQLite connections kept for the next request (issue 12): a connection's first
statement reads the schema and the WAL index, several milliseconds on a large store, which
every request paid when each opened its own.

A connection goes back to the pool when its request closes the store, a transaction left open
rolled back; a few are kept per store file, the rest closed. The pool is keyed by the file's
device and inode, so a store file replaced at the same path (a new store, a restored copy) is
never read through a connection to the old one. Autocommit connections in WAL mode see every
commit made since, whichever process made it, so a reused connection reads what a new one would.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from trucewatch.store.backend import Connection

#: idle connections kept per store file
KEEP = 8
_idle: dict[tuple[str, int, int], list[sqlite3.Connection]] = {}
_lock = threading.Lock()


class PooledConnection(Connection):
    """A SQLite connection whose ``close`` hands it back to the pool."""

    def __init__(self, raw: sqlite3.Connection, url: str, key: tuple[str, int, int]):
        super().__init__(raw, url)
        self.key = key

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
                idle.append(raw)
                return
        raw.close()


def pooled(path: Path, url: str) -> Connection:
    """A connection to the SQLite store at ``path``: an idle one of the same file, or a new one
    (``sqlite3.Error`` or ``OSError`` when it cannot be opened)."""
    st = os.stat(path)
    key = (str(path), st.st_dev, st.st_ino)
    with _lock:
        idle = _idle.get(key)
        raw = idle.pop() if idle else None
    if raw is None:
        raw = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA foreign_keys=ON")
    return PooledConnection(raw, url, key)
