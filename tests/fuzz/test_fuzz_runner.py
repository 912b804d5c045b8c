"""The long fuzzing runner (``make fuzz``, tests/fuzz/run.py): it runs each target the number
of examples asked, counts what raised and keeps those inputs, and goes on after them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.fuzz import run


@pytest.mark.parametrize("target", ["read_txt", "read_json", "read_jsonl", "read_csv", "parse_en", "parse_uk"])
def test_fuzz_runner_runs_the_examples_asked_without_an_uncaught_exception(target: str, tmp_path: Path) -> None:
    stats = run.run_shard(run.Shard(target, 150, None, 7, str(tmp_path / "crashes")))
    assert (stats.examples, stats.uncaught) == (150, 0)
    assert all(why.read_text().startswith("slow") for why in (tmp_path / "crashes").glob("*.why.txt"))


def test_fuzz_runner_counts_and_keeps_what_raised_and_goes_on(tmp_path: Path) -> None:
    def fragile(tmp: Path, m: run.Maker) -> run.Target:
        def target(data: bytes) -> None:
            if data.startswith(b"\x00"):
                raise ValueError("a defect")

        return target, lambda: bytes([m.rnd.randrange(4)]) + m.binary(8)

    crashes = tmp_path / "crashes"
    stats = run.run_shard(run.Shard("read_txt", 200, None, 3, str(crashes)), {"read_txt": fragile})
    assert stats.examples == 200 and 20 < stats.uncaught < 100 and stats.kinds == {"ValueError": stats.uncaught}
    kept = sorted(crashes.glob("*.txt"))
    inputs = [p for p in kept if not p.name.endswith(".why.txt")]
    assert 0 < len(inputs) <= 20 and all(p.read_bytes().startswith(b"\x00") for p in inputs)
    assert all("ValueError: a defect" in p.read_text() for p in crashes.glob("*.why.txt"))


def test_fuzz_runner_main_reports_every_target_and_fails_on_an_uncaught_exception(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "fuzz.json"
    assert run.main(["--examples", "40", "--only", "read_txt", "parse_de", "--seed", "5",
                     "--crashes", str(tmp_path / "c"), "--summary", str(summary)]) == 0
    figures: dict[str, Any] = json.loads(summary.read_text())["targets"]
    assert {k: v["examples"] for k, v in figures.items()} == {"parse_de": 40, "read_txt": 40}
    assert "80 examples run, 0 uncaught" in capsys.readouterr().out

    def broken(tmp: Path, m: run.Maker) -> run.Target:
        return (lambda data: 1 / 0), m.text

    monkeypatch.setitem(run.BUILDERS, "parse_de", broken)
    assert run.main(["--examples", "5", "--only", "parse_de", "--crashes", str(tmp_path / "c2")]) == 1
