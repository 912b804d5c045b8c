"""Analysts' reviews of events and the bearer tokens of the HTTP API, in their own tables.

A review never touches the machine's tables: each action (accept, reject, edit, undo; for a
ceasefire also add, :mod:`trucewatch.review.truces`) is one row of ``revisions`` keyed by event
id, with who did it, in which role, when, why, and the values before and after. The reviewed
values are applied on read (:func:`reviewed`), so a re-ingest or a rebuild of the events,
which replaces the derived tables, never overwrites them. An undo is a revision too: it marks
the revision it undoes, and the history keeps both.

Tokens: only a salted SHA-256 of the secret is kept. The secret is 32 random bytes (256 bits),
so a slow password hash buys nothing against guessing; the salt keeps equal secrets apart.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from trucewatch.store.backend import Connection
from trucewatch.store.changes import ChangeAction, Kind, log

Role = Literal["reader", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("reader", "analyst", "admin")
Action = Literal["accept", "reject", "edit", "undo", "merge", "split", "add"]
Status = Literal["accepted", "rejected", "edited", "added"]
#: the fields an edit may set, and the kind of value each takes
EDITABLE: dict[str, type] = {
    "event_type": str, "sub_event_type": str, "place": str, "lat": float, "lon": float,
    "time_earliest": str, "time_latest": str, "perpetrator": str, "fatalities_low": int,
    "fatalities_best": int, "fatalities_high": int, "context": str,
}

#: migration 6 (appended to ``store.db.MIGRATIONS``)
MIGRATION = (6, "analysts' reviews of events (revisions) and the API's bearer tokens (hashes only)", [
    """CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, salt TEXT NOT NULL,
        digest TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)""",
    """CREATE TABLE revisions (
        id TEXT PRIMARY KEY, event_id TEXT NOT NULL, action TEXT NOT NULL, who TEXT NOT NULL,
        role TEXT NOT NULL, at TEXT NOT NULL, why TEXT NOT NULL, before TEXT NOT NULL,
        after TEXT NOT NULL, undoes TEXT, undone_by TEXT)""",
    "CREATE INDEX revisions_event ON revisions (event_id, at)",
])


@dataclass(frozen=True)
class Token:
    id: str
    name: str
    role: Role

    @property
    def label(self) -> str:
        """Who, in a revision: the token's name and id."""
        return f"{self.name} ({self.id})"

    def may(self, needed: Role) -> bool:
        return ROLES.index(self.role) >= ROLES.index(needed)


@dataclass(frozen=True)
class Revision:
    """One action on one event, as the history shows it."""

    id: str
    event_id: str
    action: Action
    who: str
    role: Role
    at: str
    why: str
    before: dict[str, Any]
    after: dict[str, Any]
    undoes: str | None = None
    undone_by: str | None = None


@dataclass(frozen=True)
class Review:
    """What the standing (not undone) revisions of one event say: its status and edited values
    (and of a ceasefire an analyst added, what was added: ``added``)."""

    event_id: str
    status: Status
    values: dict[str, Any] = field(default_factory=dict)
    by: str = ""
    role: Role = "analyst"
    at: str = ""
    added: dict[str, Any] | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode()).hexdigest()


def add_token(c: Connection, name: str, role: Role) -> tuple[Token, str]:
    """A new token; returns it and its bearer string, which is shown once and never stored."""
    tid, secret, salt = uuid.uuid4().hex[:12], secrets.token_urlsafe(32), secrets.token_hex(16)
    with c.transaction() as t:
        t.execute("INSERT INTO api_tokens VALUES (?,?,?,?,?,?,NULL)", (tid, name, role, salt, _digest(salt, secret),
                                                                        _now()))
    return Token(tid, name, role), f"tw_{tid}_{secret}"


def check_token(c: Connection, bearer: str) -> Token | None:
    """The token ``bearer`` is, or None (unknown, malformed, revoked)."""
    prefix, _, rest = bearer.partition("_")
    tid, _, secret = rest.partition("_")
    if prefix != "tw" or not tid or not secret:
        return None
    row = c.execute("SELECT name, role, salt, digest FROM api_tokens WHERE id = ? AND revoked_at IS NULL",
                    (tid,)).fetchone()
    if row is None or not hmac.compare_digest(_digest(row[2], secret), row[3]):
        return None
    return Token(tid, row[0], row[1])


def tokens(c: Connection) -> list[tuple[Token, str, str | None]]:
    """Every token (no secret: none is kept), with when it was made and revoked."""
    rows = c.execute("SELECT id, name, role, created_at, revoked_at FROM api_tokens ORDER BY created_at").fetchall()
    return [(Token(r[0], r[1], r[2]), r[3], r[4]) for r in rows]


def revoke_token(c: Connection, tid: str) -> bool:
    with c.transaction() as t:
        cur = t.execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (_now(), tid))
    return cur.rowcount > 0


def _revision(row: tuple[Any, ...]) -> Revision:
    rid, event, action, who, role, at, why, before, after, undoes, undone_by = row
    return Revision(rid, event, action, who, role, at, why, json.loads(before), json.loads(after), undoes, undone_by)


_COLUMNS = "id, event_id, action, who, role, at, why, before, after, undoes, undone_by"


def history(c: Connection, event_id: str) -> list[Revision]:
    """Every revision of one event, oldest first (undone ones and undos included)."""
    rows = c.execute(f"SELECT {_COLUMNS} FROM revisions WHERE event_id = ? ORDER BY at, id", (event_id,))
    return [_revision(tuple(r)) for r in rows]


def revision(c: Connection, rid: str) -> Revision | None:
    row = c.execute(f"SELECT {_COLUMNS} FROM revisions WHERE id = ?", (rid,)).fetchone()
    return _revision(tuple(row)) if row else None


def fold(revs: list[Revision]) -> Review | None:
    """The standing review of one event's revisions: the last accept or reject sets the
    status, edits accumulate the fields each set (a later edit of a field wins); undone ones
    count not, so undoing an early edit keeps the later ones."""
    standing = [r for r in revs if r.action != "undo" and r.undone_by is None]
    if not standing:
        return None
    values: dict[str, Any] = {}
    status: Status = "edited"
    added: dict[str, Any] | None = None
    for r in standing:
        if r.action == "edit":
            values.update(r.after.get("edited", {}))  # this edit's own fields, not the state it left
        elif r.action in ("accept", "reject"):
            status = "accepted" if r.action == "accept" else "rejected"
        elif r.action == "add":
            status, added = "added", dict(r.after.get("added", {}))
    last = standing[-1]
    return Review(last.event_id, status, values, last.who, last.role, last.at, added)


def reviewed(c: Connection, event_ids: list[str] | None = None) -> dict[str, Review]:
    """The standing reviews of these events (of every reviewed event by default)."""
    rows = [tuple(r) for r in c.execute(f"SELECT {_COLUMNS} FROM revisions ORDER BY at, id")]
    wanted = set(event_ids) if event_ids is not None else None
    by_event: dict[str, list[Revision]] = {}
    for row in rows:
        if wanted is None or row[1] in wanted:
            by_event.setdefault(row[1], []).append(_revision(row))
    out = {e: fold(revs) for e, revs in by_event.items()}
    return {e: r for e, r in out.items() if r is not None}


def _state(review: Review | None) -> dict[str, Any]:
    return {"status": review.status if review else None, "values": dict(review.values) if review else {}}


def record(c: Connection, event_id: str, action: Action, who: Token, why: str,
           values: dict[str, Any] | None = None) -> Revision:
    """Write one accept, reject or edit of ``event_id`` (``values``: the edited fields), or the
    add of a ceasefire (``values``: what was added)."""
    with c.transaction() as t:
        before = _state(fold(history(t, event_id)))
        after = {"status": before["status"], "values": dict(before["values"])}
        if action == "edit":
            after["values"].update(values or {})
            after["status"] = before["status"] or "edited"
            after["edited"] = dict(values or {})
        elif action == "add":
            after["status"], after["added"] = "added", dict(values or {})
        else:
            after["status"] = "accepted" if action == "accept" else "rejected"
        rev = Revision(uuid.uuid4().hex[:16], event_id, action, who.label, who.role, _now(), why, before, after)
        _insert(t, rev)
        log(t, "review", [_touched(event_id, "created" if action == "add" else "updated")])
    return rev


def undo(c: Connection, rid: str, who: Token, why: str) -> Revision | None:
    """Undo revision ``rid``: a new revision marks it undone. None when ``rid`` is unknown, is
    itself an undo, or is undone already."""
    rid = rid.split(".")[0]  # a merge's or split's child: its parent is what is undone
    with c.transaction() as t:
        target = revision(t, rid)
        if target is None or target.action == "undo" or target.undone_by is not None:
            return None
        before = _state(fold(history(t, target.event_id)))
        rev_id = uuid.uuid4().hex[:16]
        children = [r[0] for r in t.execute("SELECT event_id FROM revisions WHERE id LIKE ? ORDER BY id",
                                            (rid + ".%",))]
        t.execute("UPDATE revisions SET undone_by = ? WHERE id = ? OR id LIKE ?", (rev_id, rid, rid + ".%"))
        log(t, "review", [_touched(target.event_id, "deleted" if target.action == "add" else "updated"),
                          *_grouped(target.action, children, undoing=True)])
        after = _state(fold(history(t, target.event_id)))
        rev = Revision(rev_id, target.event_id, "undo", who.label, who.role, _now(), why, before, after, undoes=rid)
        _insert(t, rev)
    return rev


def _insert(c: Connection, r: Revision) -> None:
    c.execute(f"INSERT INTO revisions ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
              (r.id, r.event_id, r.action, r.who, r.role, r.at, r.why, json.dumps(r.before, ensure_ascii=False),
               json.dumps(r.after, ensure_ascii=False), r.undoes, r.undone_by))


def record_group(c: Connection, event_id: str, action: Action, who: Token, why: str, after: dict[str, Any],
                 others: list[tuple[str, dict[str, Any]]]) -> Revision:
    """Write a merge or split of ``event_id`` and, on each other event it touches, a child
    revision (id: the parent's with ``.1``, ``.2``...; undone with it), in one transaction."""
    with c.transaction() as t:
        state = _state(fold(history(t, event_id)))
        rev = Revision(uuid.uuid4().hex[:16], event_id, action, who.label, who.role, _now(), why, state,
                       {**state, **after})
        _insert(t, rev)
        for n, (other, said) in enumerate(others, start=1):
            _insert(t, Revision(f"{rev.id}.{n}", other, action, who.label, who.role, rev.at, why, {}, said))
        log(t, "review", [_touched(event_id), *_grouped(action, [o for o, _ in others], undoing=False)])
    return rev


def _touched(key: str, action: ChangeAction = "updated") -> tuple[Kind, str, ChangeAction]:
    """The feed row of a revision of an event or (``ceasefire:<id>``) of a ceasefire (an added
    ceasefire is created, and deleted when its add is undone)."""
    if key.startswith("ceasefire:"):  # trucewatch.review.truces' key
        return "ceasefire", key.removeprefix("ceasefire:"), action
    return "event", key, "updated"


def _grouped(action: str, others: list[str], undoing: bool) -> list[tuple[Kind, str, ChangeAction]]:
    """The feed rows of the other events a merge or split touches: a merge deletes the absorbed
    events from the lists and a split creates one; undoing them does the reverse."""
    if action not in ("merge", "split"):
        return []
    gone = (action == "merge") != undoing
    return [("event", other, "deleted" if gone else "created") for other in others]
