"""Rendered answers kept per store generation (issue 12), and their validators.

A read endpoint whose answer depends on the store alone renders it once per
:func:`~trucewatch.store.generation.generation`: the next request with the same parameters costs
one indexed read of the counter while nothing changed, and any change (an ingest, a rebuild, a
review, an undo; the database's own triggers count them) makes the next request render afresh,
so a kept answer is never stale. An answer is kept only when the generation did not move while it
was rendered. Every such answer carries an ``ETag`` (a hash of its bytes) and ``Cache-Control:
no-cache``: a client that sends it back in ``If-None-Match`` gets a ``304`` and no body.

The answers are kept in this process, least recently used evicted first, up to :data:`MAX_BYTES`
(in two pools: events pages, and the truces' reports and the queue). While one request renders
an answer, another asking for the same waits for it instead of rendering it too.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from fastapi.responses import JSONResponse, Response

from trucewatch.api.pool import PooledConnection
from trucewatch.store.db import Store
from trucewatch.store.generation import generation

#: bytes of rendered answers kept in all; an answer above MAX_ENTRY is never kept
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY = 8 * 1024 * 1024


@dataclass(frozen=True)
class Rendered:
    """One answer as sent: its bytes, media type, extra headers and entity tag."""

    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()
    etag: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "etag", '"' + hashlib.blake2b(self.body, digest_size=12).hexdigest() + '"')

    def response(self, if_none_match: str | None) -> Response:
        """The answer, or a bodiless 304 when the client already holds it (RFC 9110 13.1.2)."""
        headers = {**dict(self.headers), "ETag": self.etag, "Cache-Control": "no-cache"}
        if if_none_match is not None and _matches(if_none_match, self.etag):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type=self.media_type, headers=headers)


def _matches(header: str, etag: str) -> bool:
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def as_json(content: Any, media_type: str = "application/json", headers: dict[str, str] | None = None) -> Rendered:
    """``content`` rendered exactly as :class:`JSONResponse` renders it."""
    return Rendered(bytes(JSONResponse(content).body), media_type, tuple((headers or {}).items()))


@dataclass
class _Pool:
    """Kept answers of one kind, least recently used first, up to ``budget`` bytes."""

    budget: int
    answers: OrderedDict[Hashable, tuple[tuple[str, int], Rendered]] = field(default_factory=OrderedDict)
    size: int = 0


#: the events pages (many parameters, each cheap to render) apart from the truces' reports and
#: the queue (few, each reading much of the store), so a walk over many pages never evicts those
POOLS = {"pages": _Pool(MAX_BYTES * 3 // 4), "reports": _Pool(MAX_BYTES // 4)}
_lock = threading.Lock()
#: one render of a key at a time (the others wait for it rather than render it too), striped
_rendering = [threading.Lock() for _ in range(64)]


def _where(s: Store) -> Hashable:
    """Which store file or database: a pooled connection's (path, device, inode), else its URL."""
    return s.conn.key if isinstance(s.conn, PooledConnection) else s.conn.url


def kept(s: Store, key: Hashable, render: Callable[[], Rendered], pool: str = "pages") -> Rendered:
    """The answer ``key`` names, rendered at this generation of the store (kept, or now)."""
    now = generation(s.conn)
    full = (_where(s), now[0], key)
    found = _found(POOLS[pool], full, now)
    if found is not None:
        return found
    with _rendering[hash(full) % len(_rendering)]:
        found = _found(POOLS[pool], full, now)  # rendered by another request meanwhile
        if found is not None:
            return found
        value = render()
        if len(value.body) <= MAX_ENTRY and generation(s.conn) == now:
            _keep(POOLS[pool], full, now, value)
    return value


def _found(pool: _Pool, full: Hashable, now: tuple[str, int]) -> Rendered | None:
    with _lock:
        hit = pool.answers.get(full)
        if hit is None or hit[0] != now:
            return None
        pool.answers.move_to_end(full)
        return hit[1]


def _keep(pool: _Pool, full: Hashable, now: tuple[str, int], value: Rendered) -> None:
    with _lock:
        old = pool.answers.pop(full, None)
        if old is not None:
            pool.size -= len(old[1].body)
        pool.answers[full] = (now, value)
        pool.size += len(value.body)
        while pool.size > pool.budget and pool.answers:
            _, (_, gone) = pool.answers.popitem(last=False)
            pool.size -= len(gone.body)


def clear() -> None:
    """Forget every kept answer (tests; never needed for correctness)."""
    with _lock:
        for pool in POOLS.values():
            pool.answers.clear()
            pool.size = 0
