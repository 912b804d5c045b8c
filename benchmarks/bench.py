#!/usr/bin/env python3
"""`make bench`: cost of the full analysis against the bare spaCy pass, in the same process.

Corpus: the seed article (if ../shared is present) and the golden test reports, repeated to at
least --articles articles. Prints articles per second (one core) for the bare spaCy pipelines
(the same models, `nlp.pipe` over the same texts) and for `Analyzer.analyze_many` (what
`analyze --jsonl` runs: language detection, paragraph parsing, extraction, geocoding, judging),
their ratio (goal <= 1.5), and resident memory after each quarter of the run (goal: flat).
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[tuple[str, str, str]]:
    items = []
    seed = ROOT.parent / "shared" / "seed" / "000_8c01d9043c4b7f2f.txt"
    if seed.exists():
        items.append((seed.read_text(encoding="utf-8"), "fr", "2023-01-06"))
    for path in sorted((ROOT / "tests" / "golden" / "articles").glob("*.txt")):
        exp = json.loads((ROOT / "tests" / "golden" / "expected" / f"{path.stem}.json").read_text())
        items.append((path.read_text(encoding="utf-8"), exp["language"], exp["published"]))
    return [items[i % len(items)] for i in range(max(n, len(items)))]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


_BARE: dict[str, object] = {}


def bare(texts: list[tuple[str, str, str]]) -> float:
    """The bare spaCy pipelines: the same models as loaded by spaCy, nothing of ours."""
    import spacy

    from trucewatch.nlp.load import MODELS, NER, load_model

    for lang, name in MODELS.items():
        if lang not in _BARE:
            if name is None and lang in NER:  # tokenizer + sentencizer + the NER model (natasha)
                _BARE[lang] = load_model(lang)
            elif name is None:  # no model on PyPI: the same blank tokenizer + sentencizer
                blank = spacy.blank(lang)
                blank.add_pipe("sentencizer")
                _BARE[lang] = blank
            else:
                _BARE[lang] = spacy.load(name)
    t0 = time.perf_counter()
    for lang in MODELS:
        nlp = _BARE[lang]
        for _ in nlp.pipe([t for t, lg, _ in texts if lg == lang], batch_size=32):  # type: ignore[attr-defined]
            pass
    return time.perf_counter() - t0


def full(texts: list[tuple[str, str, str]], analyzer: object) -> tuple[float, list[float], int]:
    from datetime import date

    from trucewatch import ArticleInput, Failure

    items = [ArticleInput(t, id=str(i), published=date.fromisoformat(p)) for i, (t, _, p) in enumerate(texts)]
    quarter = max(1, len(items) // 4)
    marks: list[float] = []
    failed = 0
    t0 = time.perf_counter()
    for n, result in enumerate(analyzer.analyze_many(items), 1):  # type: ignore[attr-defined]
        failed += isinstance(result, Failure)
        if n % quarter == 0:
            marks.append(rss_mb())
    return time.perf_counter() - t0, marks, failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args()
    from trucewatch import Analyzer
    from trucewatch.nlp.load import MODELS, NER, load_model

    texts = corpus(args.articles)
    analyzer = Analyzer.load()
    for lang in MODELS:
        load_model(lang)
    warm = [t for lang in MODELS for t in [x for x in texts if x[1] == lang][:5]]
    full(warm, analyzer)  # warm caches, lazy imports and lazily loaded models, in every language
    bare(warm)
    figures: dict[str, dict[str, float]] = {}
    print(f"corpus: {len(texts)} articles (seed + golden reports, repeated), one core")
    for lang in sorted(MODELS):
        mine = [t for t in texts if t[1] == lang]
        words = sum(len(t.split()) for t, _, _ in mine)
        t_bare, (t_full, marks, failed) = bare(mine), full(mine, analyzer)
        ratio = t_full / t_bare
        model = MODELS[lang] or ("blank tokenizer + natasha NER" if lang in NER else
                                 "no model: blank tokenizer + sentencizer")
        figures[lang] = {"articles": len(mine), "words": words, "bare_s": t_bare, "full_s": t_full, "ratio": ratio}
        print(f"{lang}: {len(mine)} articles, {words} words; bare spaCy ({model}) {words / t_bare:8.0f} words/s; "
              f"trucewatch {words / t_full:7.0f} words/s, {len(mine) / t_full:6.1f} articles/s; "
              f"ratio {ratio:.2f}x" + ("" if MODELS[lang] or lang in NER else " (the bare pass is only a tokenizer)")
              + (f"; {failed} failed" if failed else ""))
    modelled = [lang for lang in figures if MODELS[lang]]
    for lang in (x for x in figures if x in NER):
        print(f"{lang}: ratio against its NER pass {figures[lang]['ratio']:.2f}x (goal <= 1.50)")
    total = sum(figures[k]["full_s"] for k in modelled) / sum(figures[k]["bare_s"] for k in modelled)
    print(f"ratio over languages with a spaCy model ({', '.join(modelled)}): {total:.2f}x (goal <= 1.50)")
    t_all, marks, _ = full(texts, analyzer)
    growth = (marks[-1] - marks[0]) / marks[0] if marks else 0.0
    print("memory: " + ", ".join(f"{m:.0f} MB" for m in marks) + f" after each quarter of all {len(texts)} "
          f"articles (growth {growth:+.1%}; both pipelines are loaded in this process)")
    if args.json:
        Path(args.json).write_text(json.dumps({"languages": figures, "ratio": total, "rss_mb": marks}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
