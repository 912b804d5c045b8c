#!/usr/bin/env python3
"""Write tests/eval/baseline.json: the floors CI keeps on extraction quality.

usage: python scripts/eval_baseline.py [--allow-lower]

Runs the evaluation (golden reports, and the ACLED files in ../shared/benchmarks/acled) and
records each figure, rounded down to 0.01, with the sha256 of every file it was measured on.
A floor never goes down unless --allow-lower is given: lowering one is a deliberate, explained
commit.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path

from trucewatch import Analyzer
from trucewatch.evaluate import coded, golden

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval" / "baseline.json"
ACLED = sorted((ROOT.parent / "shared" / "benchmarks" / "acled").glob("acled_*.csv"))


def measure() -> dict[str, object]:
    analyzer = Analyzer.load()
    results = list(golden.run_all(analyzer, ROOT / "tests" / "golden"))
    langs = sorted({r.language for r in results})
    report = coded.score_files(analyzer, ACLED)["all"]
    return {
        "golden": {lang: sum(r.ok for r in results if r.language == lang)
                   / sum(1 for r in results if r.language == lang) for lang in langs},
        "acled": {k: v for k, v in report.items() if k in coded.METRICS},
        "acled_per_row_max": report["per_row"],
        "files": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in ACLED},
    }


def main() -> int:
    now = measure()
    floors = {
        "golden": {k: math.floor(v * 100) / 100 for k, v in now["golden"].items()},  # type: ignore[union-attr]
        "acled": {k: math.floor(v * 100) / 100 for k, v in now["acled"].items()},  # type: ignore[union-attr]
        "acled_per_row_max": math.ceil(float(now["acled_per_row_max"]) * 100) / 100,  # type: ignore[arg-type]
        "files": now["files"],
    }
    if BASELINE.exists() and "--allow-lower" not in sys.argv:
        old = json.loads(BASELINE.read_text())
        for group in ("golden", "acled"):
            for k, v in old[group].items():
                if floors[group].get(k, 0) < v:  # type: ignore[attr-defined]
                    print(f"refusing to lower {group}.{k} from {v} to {floors[group].get(k)}; "  # type: ignore[attr-defined]
                          "pass --allow-lower and explain why in the commit", file=sys.stderr)
                    return 1
    BASELINE.write_text(json.dumps(floors, indent=2) + "\n")
    print(json.dumps(floors, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
