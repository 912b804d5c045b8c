"""Golden files: each report in tests/golden/articles has hand-written expectations in
tests/golden/expected (what must be extracted, with the reasoning in its ``note``); the checks
live in trucewatch.evaluate.golden, which ``trucewatch eval`` also runs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import GOLDEN
from trucewatch.evaluate.golden import cases, run_case

pytestmark = pytest.mark.model


@pytest.mark.parametrize("name", cases(GOLDEN))
def test_golden_extraction_matches_expectations(analyzer: Any, name: str) -> None:
    result = run_case(analyzer, GOLDEN, name)
    assert result.ok, f"{name}:\n  " + "\n  ".join(result.problems)
