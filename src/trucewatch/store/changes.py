"""The change feed: every event and ceasefire created, updated or deleted, in one numbered log,
so that a downstream copy stays in step by reading what changed since the last number it saw
(``GET /api/changes?since=N``), deletions included (ACLED users ask for exactly that).

Rows are written in the transaction that makes the change: a rebuild (:meth:`DerivedTables.apply`:
events and ceasefires written, removed, or judged again) and an analyst's revision (an edit, an
accept or reject, a merge, which deletes the absorbed events from the lists, a split, which
creates one, an undo, which reverses them). An ``updated`` row says "read it again": a rebuild
rewrites an event whose reports changed even when its values come out the same. The log starts
at migration 11; a copy made before it resynchronises once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from trucewatch.store.backend import Connection

Kind = Literal["event", "ceasefire"]
ChangeAction = Literal["created", "updated", "deleted"]
Cause = Literal["rebuild", "review"]

FEED_LOCK = 0x6665656400  # "feed"
#: migration 11 (appended to ``store.db.MIGRATIONS``)
MIGRATION = (11, "the change feed: events and ceasefires created, updated, deleted, numbered", [
    """CREATE TABLE changes (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
        action TEXT NOT NULL, cause TEXT NOT NULL)""",
])


@dataclass(frozen=True)
class Changed:
    """One row of the feed."""

    seq: int
    at: str
    kind: Kind
    id: str
    action: ChangeAction
    cause: Cause

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def log(c: Connection, cause: Cause, rows: Iterable[tuple[Kind, str, ChangeAction]]) -> None:
    """Append ``rows`` (kind, id, action) to the feed, inside the caller's transaction."""
    items = list(rows)
    if not items:
        return
    if c.dialect == "postgresql":  # one numbering writer at a time (SQLite's BEGIN IMMEDIATE is one already)
        c.execute("SELECT pg_advisory_xact_lock(?)", (FEED_LOCK,))
    last = int(c.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    c.executemany("INSERT INTO changes (seq, at, kind, id, action, cause) VALUES (?,?,?,?,?,?)",
                  [(last + n, at, kind, i, action, cause) for n, (kind, i, action) in enumerate(items, start=1)])


def replaced(kind: Kind, before: set[str], after: set[str]) -> list[tuple[Kind, str, ChangeAction]]:
    """The feed rows of replacing the ``before`` ids with the ``after`` ones."""
    return ([(kind, i, "deleted") for i in sorted(before - after)]
            + [(kind, i, "updated") for i in sorted(before & after)]
            + [(kind, i, "created") for i in sorted(after - before)])


def since(c: Connection, seq: int, limit: int, kind: str | None = None,
          action: str | None = None) -> list[Changed]:
    """The feed after ``seq``, oldest first, at most ``limit`` rows (of one kind or action)."""
    where: list[str] = ["seq > ?"]
    params: list[Any] = [seq]
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if action is not None:
        where.append("action = ?")
        params.append(action)
    rows = c.execute(f"SELECT seq, at, kind, id, action, cause FROM changes WHERE {' AND '.join(where)} "
                     "ORDER BY seq LIMIT ?", (*params, limit)).fetchall()
    return [Changed(int(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]


def latest(c: Connection) -> int:
    return int(c.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])
