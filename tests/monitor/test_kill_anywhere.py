"""Crash safety as a property: ``ingest`` killed with SIGKILL at random points, the rebuild of
the derived tables included, 50 times on each kind of store, never loses, duplicates or leaves
stale anything. After every kill the store is intact; after every five, a run left to finish makes
the store equal to an uninterrupted run's, articles and derived tables alike.

Each run is a forked child of the test process, which has the models loaded already (a fresh
interpreter would spend its time loading them); the parent kills it with SIGKILL after a random
delay. Articles are analysed and stored two by two, so kills land between them; every other
kill waits until every article is stored, so it lands in the rebuild (or just after it). The
small corpus (twelve golden articles) keeps this to about a minute per store.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOLDEN
from trucewatch.config import Settings
from trucewatch.pipeline import Analyzer
from trucewatch.store.db import Store

pytestmark = pytest.mark.model
KILLS = int(os.environ.get("TRUCEWATCH_KILLS", "50"))
CORPUS = sorted((GOLDEN / "articles").glob("*.txt"))[::6]


def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    with Store.open(url) as store:
        return store.rows(sql)


def _snapshot(url: str) -> tuple[Any, ...]:
    members: dict[str, set[tuple[str, str]]] = {}
    for event, article, incident in _rows(url, "SELECT event_id, article_id, incident FROM event_reports"):
        members.setdefault(event, set()).add((article, incident))
    ceasefires: dict[str, set[tuple[str, str]]] = {}
    for cid, article, decl in _rows(url, "SELECT ceasefire, article_id, declaration FROM ceasefire_declarations"):
        ceasefires.setdefault(cid, set()).add((article, decl))
    judged = _rows(url, "SELECT e.article_id, e.incident, j.ceasefire, j.verdict FROM event_judgements j "
                        "JOIN event_reports e ON e.event_id = j.event_id")
    return (sorted(_rows(url, "SELECT id, status FROM articles")),
            sorted(_rows(url, "SELECT article_id, incident, place FROM reports")),
            sorted(_rows(url, "SELECT article_id, ceasefire FROM declarations")),
            sorted(_rows(url, "SELECT article_id, claim FROM claims")),
            {frozenset(m) for m in members.values()},
            sorted(sorted(m) for m in ceasefires.values()),
            sorted(judged))


def _intact(url: str) -> None:
    """The store opens, SQLite's own check passes, and no derived row points at nothing."""
    if not url.startswith("postgresql"):
        assert _rows(url, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(url, "SELECT COUNT(*), COUNT(DISTINCT id) FROM articles")[0][0] == \
        _rows(url, "SELECT COUNT(DISTINCT id) FROM articles")[0][0]
    orphans = [
        "SELECT COUNT(*) FROM event_reports r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id)",
        "SELECT COUNT(*) FROM event_reports r WHERE NOT EXISTS (SELECT 1 FROM reports p WHERE "
        "p.article_id = r.article_id AND p.incident = r.incident)",
        "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_reports r WHERE r.event_id = e.id)",
        "SELECT COUNT(*) FROM reports p WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = p.article_id)",
        "SELECT COUNT(*) FROM event_judgements j WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = j.event_id)",
    ]
    for sql in orphans:
        assert _rows(url, sql) == [(0,)], sql


def _run(analyzer: Any, url: str) -> None:
    """One ``ingest`` (what the command runs: store the new articles, then rebuild), in the child."""
    from trucewatch.monitor import ingest

    settings = Settings.load().replace(batch=2)  # stored two by two: kills land between articles too
    with Store.open(url) as store:
        ingest([str(p) for p in CORPUS], store, Analyzer(settings, analyzer.gazetteer), settings=settings)


def _stored(url: str) -> int:
    try:
        return int(_rows(url, "SELECT COUNT(*) FROM articles")[0][0])
    except Exception:  # noqa: BLE001 - the schema is being created by the child
        return 0


@dataclass(frozen=True)
class Reference:
    url: str
    storing: float  # seconds until every article is stored, once the models are loaded
    total: float  # seconds of the whole run, the rebuild included


@pytest.fixture(scope="module")
def reference(analyzer: Any, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """An uninterrupted run (after a first one that loads every model in this process): its store
    and how long its two stages take, which the kills' delays are drawn from."""
    from trucewatch.corroborate.rebuild import rebuild
    from trucewatch.ingest.run import ingest

    tmp = tmp_path_factory.mktemp("reference")
    _run(analyzer, str(tmp / "warm.sqlite"))
    url = str(tmp / "reference.sqlite")
    settings = Settings.load().replace(batch=2)
    t = time.monotonic()
    with Store.open(url) as store:
        ingest([str(p) for p in CORPUS], store, Analyzer(settings, analyzer.gazetteer))
        storing = time.monotonic() - t
        rebuild(store, settings=settings)
    return Reference(url, storing, time.monotonic() - t)


def test_ingest_killed_anywhere_fifty_times_ends_as_an_uninterrupted_run(
        analyzer: Any, reference: Reference, store_url: str, request: pytest.FixtureRequest) -> None:
    """Cycles of an empty store, up to five kills, then a run left to finish: after every kill the
    store is intact, and at the end of every cycle it equals the uninterrupted run's."""
    want, total, duration = _snapshot(reference.url), len(CORPUS), reference.total
    assert _rows(reference.url, "SELECT COUNT(*) FROM events")[0][0] > 0  # the corpus has events to rebuild
    rng = random.Random(f"kills-{request.node.callspec.id}")
    fork = multiprocessing.get_context("fork")
    phases = {"before any article was stored": 0, "while storing articles": 0, "after every article was stored": 0}
    kills = cycles = 0
    url = store_url
    while kills < KILLS:
        for n in range(5):
            child = fork.Process(target=_run, args=(analyzer, url))
            child.start()
            if n % 2 == 1:  # wait until every article is stored: the kill lands in the rebuild, or just after it
                deadline = time.monotonic() + duration * 3 + 30
                while child.is_alive() and _stored(url) < total and time.monotonic() < deadline:
                    time.sleep(0.005)
                child.join(rng.uniform(0, reference.total - reference.storing))
            else:
                child.join(rng.uniform(0, reference.storing * 1.2))
            if not child.is_alive():
                assert child.exitcode == 0, f"a run after {kills} kills failed (exit code {child.exitcode})"
                break  # the run finished first: this cycle is over
            os.kill(child.pid, signal.SIGKILL)
            child.join()
            kills += 1
            stored = _stored(url)
            phases[list(phases)[0 if stored == 0 else 1 if stored < total else 2]] += 1
            _intact(url)
        child = fork.Process(target=_run, args=(analyzer, url))  # the next ingest finishes what was left
        child.start()
        child.join(duration * 3 + 60)
        assert child.exitcode == 0, f"the run after {kills} kills failed (exit code {child.exitcode})"
        _intact(url)
        assert _snapshot(url) == want, f"after {kills} kills, the store differs from an uninterrupted run"
        cycles += 1
        url = _fresh(store_url, cycles, request)
    assert phases["while storing articles"] and phases["after every article was stored"], phases
    print(f"{kills} kills in {cycles} cycles, each cycle then equal to an uninterrupted run: "
          + ", ".join(f"{v} {k}" for k, v in phases.items()))


def _fresh(url: str, n: int, request: pytest.FixtureRequest) -> str:
    """Another empty store of the same kind (a PostgreSQL one is dropped after the test)."""
    if not url.startswith("postgresql"):
        return str(Path(url).with_name(f"fresh{n}.sqlite"))
    from tests.pgserver import create_database, drop_database

    admin, name = request.getfixturevalue("pg_admin"), f"{url.rsplit('/', 1)[1]}_{n}"
    request.addfinalizer(lambda: drop_database(admin, name))
    return create_database(admin, name)
