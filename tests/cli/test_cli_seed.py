"""The seed article through the real command line, checked by shared/tools/check_seed.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
CLI = [sys.executable, "-m", "trucewatch"]


def _analyze(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "analyze", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("published", ["2023-01-06"])
def test_cli_seed_passes_every_gold_check(shared: Path, seed: Path, published: str) -> None:
    run = _analyze(str(seed), "--published", published, "--format", "json")
    assert run.returncode == 0, run.stderr
    check = subprocess.run([sys.executable, str(shared / "tools" / "check_seed.py"), "-"],
                           input=run.stdout, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert "33/33" in check.stdout or "checks pass" in check.stdout


@pytest.mark.parametrize("flag", [[]])
def test_cli_seed_without_date_marks_published_as_inferred(shared: Path, seed: Path, flag: list[str]) -> None:
    run = _analyze(str(seed), "--format", "json", *flag)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["article"]["published_basis"] == "inferred"
    assert out["article"]["published"] == "2023-01-06"
    assert any(w.startswith("W103") for w in out["warnings"])
    check = subprocess.run([sys.executable, str(shared / "tools" / "check_seed.py"), "-"],
                           input=run.stdout, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
