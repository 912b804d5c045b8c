"""The app under uvicorn, as `trucewatch serve` runs it: parallel requests on one SQLite store
(each request has its own connection, whichever worker threads FastAPI runs it in)."""

from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import build_store, serving

pytestmark = pytest.mark.model


def _get(url: str) -> tuple[int, Any]:
    with urllib.request.urlopen(url, timeout=30) as r:  # noqa: S310 - the loopback test server
        return r.status, json.loads(r.read())


def test_parallel_requests_on_sqlite(analyzer: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "served.sqlite")
    build_store(db, analyzer, tmp_path)
    with serving(db) as base:
        paths = ["/api/events", "/api/ceasefires", "/api/review/queue", "/api/claims"] * 6
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(lambda p: _get(base + p), paths))
    assert all(status == 200 for status, _ in got)
    assert len({json.dumps(body, sort_keys=True) for (_, body), p in zip(got, paths, strict=True)
                if p == "/api/events"}) == 1
