"""The kept answers themselves (api/cache.py): one render per answer while the store is unchanged,
even for requests arriving together; a new one after any counted write; 304 on a matching tag."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest


def test_one_render_per_generation_even_for_requests_arriving_together(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from trucewatch.api.cache import Rendered, kept
    from trucewatch.store.db import Store

    db = str(tmp_path / "kept.sqlite")
    renders: list[int] = []

    def render() -> Rendered:
        renders.append(1)
        time.sleep(0.2)
        return Rendered(b'{"n": %d}' % len(renders), "application/json")

    got: list[bytes] = []

    def ask() -> None:
        with Store.open(db) as s:
            got.append(kept(s, ("test", "together"), render).body)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(renders) == 1 and got == [b'{"n": 1}'] * 4
    with Store.open(db) as s:
        with s.transaction() as c:
            c.execute("INSERT INTO articles (id, text, status, ingested_at) VALUES ('a1', 'x', 'failed', 'now')")
        answer = kept(s, ("test", "together"), render)
    assert answer.body == b'{"n": 2}' and len(renders) == 2
    assert answer.response(answer.etag).status_code == 304
    assert answer.response('W/"other", ' + answer.etag).status_code == 304
    assert answer.response('"other"').status_code == 200 and answer.response(None).body == answer.body


def test_a_rebuilds_change_moves_the_generation_even_when_it_only_removes(tmp_path: Path) -> None:
    from trucewatch.store.db import Store
    from trucewatch.store.derived import Change
    from trucewatch.store.generation import generation

    with Store.open(str(tmp_path / "bulk.sqlite")) as s:
        first = generation(s.conn)
        s.apply(Change({"trucewatch": "test"}, removed_events=["E-none"], rejudged=["cf-none"]))
        assert generation(s.conn)[1] > first[1]
