#!/usr/bin/env python3
"""Write the demo's sample corpus as JSONL: the seed article (when ../shared is beside the clone)
and the project's own golden reports, each with its publication date.

Usage: python scripts/demo_corpus.py OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    records = []
    seed = ROOT.parent / "shared" / "seed" / "000_8c01d9043c4b7f2f.txt"
    if seed.exists():
        records.append({"text": seed.read_text(encoding="utf-8"), "published": "2023-01-06", "outlet": "seed"})
    for path in sorted((ROOT / "tests" / "golden" / "articles").glob("*.txt")):
        expected_path = ROOT / "tests" / "golden" / "expected" / f"{path.stem}.json"
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        records.append({"text": path.read_text(encoding="utf-8"), "published": expected["published"],
                        "outlet": f"trucewatch golden report {path.stem}"})
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
