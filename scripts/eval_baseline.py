#!/usr/bin/env python3
"""Write tests/eval/baseline.json: the floors CI keeps on extraction quality.

usage: python scripts/eval_baseline.py [--allow-lower]

Runs the evaluation (golden reports, the ACLED files in ../shared/benchmarks/acled, and the
development split of the labelled real articles) and records each figure, rounded down to 0.01,
with the sha256 of every file it was measured on (of the label files as one digest).
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
from trucewatch.evaluate import coded, golden, real

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval" / "baseline.json"
ACLED = sorted((ROOT.parent / "shared" / "benchmarks" / "acled").glob("acled_*.csv"))
LABELS = ROOT / "tests" / "real" / "labels"
CORPUS = ROOT.parent / "shared" / "corpus"
#: the figures of the real-article set that get floors (counts and sizes do not)
REAL = ("precision", "recall", "place", "time", "type", "sub_type", "toll", "perpetrator", "claims_precision",
        "claims_recall", "windows", "registry_precision", "registry_start", "registry_recall", "registry_parties",
        "registry_mediators", "registry_zone")


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
        "real": {lang: {k: v for k, v in t.figures().items() if k in REAL and v is not None}
                 for lang, t in real.score(analyzer, LABELS, CORPUS, "dev").items()},
        "real_labels": real.labels_digest(LABELS),
    }


def main() -> int:
    now = measure()
    floors = {
        "golden": {k: math.floor(v * 100) / 100 for k, v in now["golden"].items()},  # type: ignore[union-attr]
        "acled": {k: math.floor(v * 100) / 100 for k, v in now["acled"].items()},  # type: ignore[union-attr]
        "acled_per_row_max": math.ceil(float(now["acled_per_row_max"]) * 100) / 100,  # type: ignore[arg-type]
        "files": now["files"],
        "real": {lang: {k: math.floor(v * 100) / 100 for k, v in fs.items()}  # type: ignore[attr-defined]
                 for lang, fs in now["real"].items()},  # type: ignore[attr-defined]
        "real_labels": now["real_labels"],
    }
    if BASELINE.exists() and "--allow-lower" not in sys.argv:
        old = json.loads(BASELINE.read_text())
        relabelled = old.get("real_labels") != floors["real_labels"]  # new labels: new floors, said in the commit
        for group in ("golden", "acled"):
            for k, v in old[group].items():
                if floors[group].get(k, 0) < v:  # type: ignore[attr-defined]
                    print(f"refusing to lower {group}.{k} from {v} to {floors[group].get(k)}; "  # type: ignore[attr-defined]
                          "pass --allow-lower and explain why in the commit", file=sys.stderr)
                    return 1
        for lang, fs in old.get("real", {}).items():
            for k, v in fs.items() if not relabelled else ():
                if floors["real"].get(lang, {}).get(k, 0) < v:  # type: ignore[attr-defined]
                    print(f"refusing to lower real.{lang}.{k} from {v}; pass --allow-lower", file=sys.stderr)
                    return 1
    BASELINE.write_text(json.dumps(floors, indent=2) + "\n")
    print(json.dumps(floors, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
