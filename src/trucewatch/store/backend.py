"""The two databases a store can live in: a SQLite file (embedded, the default) or a PostgreSQL
server (a ``postgresql://`` URL). The store writes one SQL dialect — ``?`` placeholders, standard
types, ``ON CONFLICT`` — and this module adapts it: placeholders become ``%s`` for psycopg, and a
transaction is ``BEGIN IMMEDIATE`` in SQLite (one writer, no upgrade deadlock) and psycopg's
transaction block on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from trucewatch.errors import ConfigError, require

PG_SCHEMES = ("postgresql://", "postgres://")
MIGRATION_LOCK = 0x7472756365  # "truce"


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection:
    """One open database, either kind: ``execute`` / ``executemany`` with ``?`` placeholders, and
    ``transaction()`` around writes that must land together."""

    dialect = "sqlite"

    def __init__(self, raw: Any, url: str):
        self.raw = raw
        self.url = url

    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        cursor: Cursor = self.raw.execute(self._sql(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            self.raw.cursor().executemany(self._sql(sql), rows)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        self.raw.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held while migrating: SQLite's ``BEGIN IMMEDIATE`` already lets one writer in at a time."""
        yield

    def tables(self) -> set[str]:
        return {r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def close(self) -> None:
        self.raw.close()


class PostgresConnection(Connection):
    dialect = "postgresql"

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.raw.transaction():
            yield self

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """A session advisory lock: two processes creating the schema at once would otherwise
        collide in PostgreSQL's catalogue even with ``IF NOT EXISTS``."""
        self.raw.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            yield
        finally:
            self.raw.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))

    def tables(self) -> set[str]:
        return {r[0] for r in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}


def connect(url: str) -> Connection:
    """Open the database ``url`` names: ``postgresql://user@host/db`` or a SQLite path
    (``sqlite:///path`` or a bare path). A database that cannot be opened is a :class:`ConfigError`
    naming the URL and the reason."""
    if url.startswith(PG_SCHEMES):
        return _postgres(url)
    path = Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = sqlite3.connect(path, timeout=30, isolation_level=None)
        _refuse_foreign(raw, url)  # before anything is written: the journal mode is written in the file
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA foreign_keys=ON")
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError("E303", url=url, why=str(exc)) from exc
    return Connection(raw, url)


def _refuse_foreign(raw: sqlite3.Connection, url: str) -> None:
    """E303 for a SQLite file with tables but no ``schema_version``: another program's database,
    which the store must not write into. (Reading its tables also fails, E303, on a file that is
    no SQLite database at all.)"""
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "schema_version" not in tables:
        raw.close()
        have = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise ConfigError("E303", url=url, why=f"not a trucewatch store: it holds other tables ({have}) and no "
                                               "schema_version; give a new file or an existing store")


def _postgres(url: str) -> Connection:
    require("postgres", "a PostgreSQL store (--db postgresql://...)")
    import psycopg

    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        why = " ".join(str(exc).split()) or type(exc).__name__
        raise ConfigError("E303", url=_redacted(url),
                          why=f"cannot connect ({why}); is the server running and the database created?") from exc
    return PostgresConnection(raw, _redacted(url))


def _redacted(url: str) -> str:
    """The URL without its password, for messages and ``status``."""
    scheme, _, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at or ":" not in creds:
        return url
    return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
