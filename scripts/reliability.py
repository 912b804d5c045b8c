"""Reliability of the incident confidence on the labelled real articles.

    PYTHONPATH=src python scripts/reliability.py [--split dev|holdout] [--corpus ../shared/corpus]

Every incident the analysis calls news (context "new"), shown or kept aside under
``Settings.min_confidence``, is matched to the labels (``trucewatch.evaluate.real``); a bin of
confidences is reliable when the share of its incidents that a careful reader labelled as new
incidents is close to its mean confidence. Then precision and recall of the shown incidents at
several thresholds, the configured one marked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from trucewatch.config import Settings
from trucewatch.evaluate.real import _match, load
from trucewatch.pipeline import Analyzer
from trucewatch.temporal.published import parse_published

BINS = [(0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
THRESHOLDS = [0.0, 0.6, 0.7, 0.75, 0.8, 0.85]


def _scored(split: str, corpus: Path) -> tuple[list[tuple[float, bool]], int]:
    """(confidence, confirmed) of every news incident, and the number of labelled new incidents."""
    analyzer = Analyzer.load(Settings.load(min_confidence=0.0))
    out, labelled = [], 0
    for item in load(Path("tests/real/labels"), corpus, split):
        a = analyzer.analyze(item.record["text"], published=parse_published(item.label["published"]),
                             language=item.record.get("language"), source=item.name).to_contract()
        news = [i for i in a["incidents"] if i["context"] == "new"]
        labels = item.label["incidents"]
        matched = _match(news, labels)
        out += [(i["confidence"], n in matched and labels[matched[n]]["context"] == "new") for n, i in enumerate(news)]
        labelled += sum(1 for lab in labels if lab["context"] == "new")
    return out, labelled


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "holdout", "all"])
    ap.add_argument("--corpus", default="../shared/corpus", type=Path)
    args = ap.parse_args()
    scored, labelled = _scored(args.split, args.corpus)
    print("| confidence | incidents | mean confidence | confirmed |\n|---|---|---|---|")
    for lo, hi in BINS:
        b = [(c, ok) for c, ok in scored if lo <= c < hi]
        if b:
            print(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {len(b)} | {sum(c for c, _ in b) / len(b):.2f} "
                  f"| {sum(ok for _, ok in b) / len(b):.2f} |")
    chosen = Settings.load().min_confidence
    print("\n| threshold | shown | precision | recall |\n|---|---|---|---|")
    for t in sorted({*THRESHOLDS, chosen}):
        shown = [ok for c, ok in scored if c >= t]
        mark = " (min_confidence)" if t == chosen else ""
        print(f"| {t:.2f}{mark} | {len(shown)} | {sum(shown) / max(1, len(shown)):.3f} "
              f"| {sum(shown) / max(1, labelled):.3f} |")


if __name__ == "__main__":
    main()
