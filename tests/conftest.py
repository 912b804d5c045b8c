"""The project's one conftest: shared fixtures, built once per session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_8c01d9043c4b7f2f.txt"
GOLDEN = ROOT / "tests" / "golden"

# one BLAS thread (the machines are small anyway): a test that forks a warm process
# (tests/monitor/test_kill_anywhere.py) must never fork while a BLAS worker holds a lock
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# deterministic time: no test may depend on the machine's clock or zone
os.environ.setdefault("TZ", "Pacific/Chatham")


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    from trucewatch import Analyzer

    return Analyzer.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` beside the clone (the seed, the benchmarks, the real articles). A clone without
    it skips the tests that read it, saying why; under CI (``$CI`` set) its absence fails them."""
    if not SHARED.is_dir():
        message = f"{SHARED} is missing: these tests read the shared material laid beside the clone"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI lays it there)")
        pytest.skip(message)
    return SHARED


@pytest.fixture(scope="session")
def seed(shared: Path) -> Path:
    """The seed article (French, 6 January 2023)."""
    return SEED


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[str | None]:
    """An admin URL of a real PostgreSQL server for this session (see tests/pgserver.py)."""
    from tests.pgserver import server

    with server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store of each kind: a SQLite file, then a database on a real PostgreSQL."""
    yield from _store_url(request, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _store_url(request, tmp_path_factory.mktemp("store"))


def _store_url(request: pytest.FixtureRequest, tmp: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp / "tw.sqlite")
        return
    admin = request.getfixturevalue("pg_admin")
    if admin is None:
        message = "no PostgreSQL server (initdb not found, $TRUCEWATCH_TEST_PG unset)"
        if os.environ.get("CI"):
            pytest.fail(message + ": .ci/run installs one")
        pytest.skip(message)
    from tests.pgserver import create_database, drop_database

    name = f"tw_{uuid.uuid4().hex[:12]}"
    url = create_database(admin, name)
    try:
        yield url
    finally:
        drop_database(admin, name)


def golden_jsonl(names: list[str], path: Path) -> Path:
    """Golden reports as one JSONL batch (text, publication date, the report's name as outlet)."""
    import json

    with path.open("w", encoding="utf-8") as f:
        for n in names:
            published = json.loads((GOLDEN / "expected" / f"{n}.json").read_text(encoding="utf-8"))["published"]
            f.write(json.dumps({"text": (GOLDEN / "articles" / f"{n}.txt").read_text(encoding="utf-8"),
                                "published": published, "outlet": n}) + "\n")
    return path
