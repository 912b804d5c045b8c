"""The quality gate: extraction must not fall below the floors in tests/eval/baseline.json,
measured on the same files (their hashes are pinned). Raising a floor: scripts/eval_baseline.py;
lowering one needs --allow-lower and a commit that says why."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOLDEN, ROOT
from trucewatch.evaluate import coded, golden, real

pytestmark = pytest.mark.model
BASELINE = json.loads((ROOT / "tests" / "eval" / "baseline.json").read_text(encoding="utf-8"))
LABELS = ROOT / "tests" / "real" / "labels"


@pytest.fixture(scope="module")
def acled(analyzer: Any, shared: Path) -> dict[str, float]:
    paths = [shared / "benchmarks" / "acled" / name for name in sorted(BASELINE["files"])]
    for p in paths:
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        assert digest == BASELINE["files"][p.name], f"{p.name} changed: re-run scripts/eval_baseline.py"
    return coded.score_files(analyzer, paths)["all"]


@pytest.mark.parametrize("metric", sorted(BASELINE["acled"]))
def test_eval_gate_acled_metric_holds_its_floor(acled: dict[str, float], metric: str) -> None:
    assert acled[metric] >= BASELINE["acled"][metric], f"{metric} {acled[metric]:.3f} < floor"


def test_eval_gate_acled_does_not_over_split(acled: dict[str, float]) -> None:
    assert acled["per_row"] <= BASELINE["acled_per_row_max"]


@pytest.mark.parametrize("language", sorted(BASELINE["golden"]))
def test_eval_gate_golden_reports_per_language(analyzer: Any, language: str) -> None:
    results = [r for r in golden.run_all(analyzer, GOLDEN) if r.language == language]
    share = sum(r.ok for r in results) / len(results)
    assert share >= BASELINE["golden"][language], [(r.name, r.problems) for r in results if not r.ok]


@pytest.fixture(scope="module")
def real_figures(analyzer: Any, shared: Path) -> dict[str, dict[str, Any]]:
    """Labelled real articles, the development split (the held-out third is scored by hand)."""
    assert real.labels_digest(LABELS) == BASELINE["real_labels"], "labels changed: re-run scripts/eval_baseline.py"
    return {lang: t.figures() for lang, t in real.score(analyzer, LABELS, shared / "corpus", "dev").items()}


@pytest.mark.parametrize("key", sorted(f"{lang}.{m}" for lang, ms in BASELINE["real"].items() for m in ms))
def test_eval_gate_real_articles_hold_their_floor(real_figures: dict[str, dict[str, Any]], key: str) -> None:
    lang, metric = key.split(".")
    value = real_figures[lang][metric]
    assert value is not None and value >= BASELINE["real"][lang][metric], f"real {key} {value} < floor"
