"""The project's one conftest: shared fixtures, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_8c01d9043c4b7f2f.txt"
GOLDEN = ROOT / "tests" / "golden"

# deterministic time: no test may depend on the machine's clock or zone
os.environ.setdefault("TZ", "Pacific/Chatham")


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    from trucewatch import Analyzer

    return Analyzer.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.fail(f"{SHARED} is missing: CI lays shared/ beside the clone")
    return SHARED
