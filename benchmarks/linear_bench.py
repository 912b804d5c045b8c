#!/usr/bin/env python3
"""`make bench`: the analysis is linear in the article's length, even on pathological text.

Times the full analysis (`Analyzer.analyze`: cleaning, spaCy, every extractor, judging) of each
generator of issue 13 at 10 KB and at 100 KB, and prints the growth ratio of each. Linear time
gives about 10 for ten times the size; the goal is at most 12 (``--max-ratio``). Exits 1 when any
generator grows faster: a path that has become quadratic again.

Generators: a run of spaces; a list of place names; parentheses; a French sentence chained with
"et"; a run of dates; "KYIV " repeated. Each is a valid article that ends in a real report, so
every stage runs.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core

import argparse
import sys
import time
from collections.abc import Callable

_PLACES = ("Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia", "Kherson", "Mykolaiv", "Bakhmut", "Sumy")


def spaces(n: int) -> str:
    return "Russian shelling hit Kharkiv on Monday." + " " * n + "Photo: AP"


def places(n: int) -> str:
    names = [_PLACES[i % len(_PLACES)] for i in range(n // 8)]
    return "Shelling was reported in " + ", ".join(names) + "."


def parentheses(n: int) -> str:
    return "Shelling hit Kharkiv " + "(" * (n // 2) + ")" * (n // 2) + " on Monday."


def french_et(n: int) -> str:
    unit = "les forces ont bombardé la ville et "
    return "Le 5 janvier, " + unit * (n // len(unit)) + "deux civils ont été tués."


def dates(n: int) -> str:
    unit = "5 January 2023, "
    return "Attacks on " + unit * (n // len(unit)) + "killed two people in Kharkiv."


def kyiv(n: int) -> str:
    return "KYIV " * (n // 5) + "Russian missiles hit Kyiv."


#: name -> (generator of about n characters, language)
GENERATORS: dict[str, tuple[Callable[[int], str], str]] = {
    "spaces": (spaces, "en"), "places": (places, "en"), "parentheses": (parentheses, "en"),
    "french_et": (french_et, "fr"), "dates": (dates, "en"), "kyiv": (kyiv, "en"),
}


def timed(analyzer: object, text: str, lang: str) -> float:
    t = time.perf_counter()
    analyzer.analyze(text, published="2023-01-07", language=lang)  # type: ignore[attr-defined]
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", type=int, default=10_000, help="characters of the small input")
    ap.add_argument("--factor", type=int, default=10, help="the large input is this many times larger")
    ap.add_argument("--max-ratio", type=float, default=12.0, help="fail above this growth ratio")
    ap.add_argument("--only", nargs="*", choices=sorted(GENERATORS), help="these generators only")
    args = ap.parse_args()
    from trucewatch.pipeline import Analyzer

    analyzer = Analyzer.load()
    for lang in sorted({lang for _, lang in GENERATORS.values()}):  # models loaded before timing
        timed(analyzer, "Russian missiles hit Kyiv on Monday.", lang)
    worst = 0.0
    print(f"{'generator':<12} {args.small // 1000:>5} KB {args.small * args.factor // 1000:>6} KB  ratio "
          f"(goal <= {args.max_ratio:g} for {args.factor}x)")
    for name in args.only or GENERATORS:
        gen, lang = GENERATORS[name]
        small = timed(analyzer, gen(args.small), lang)
        large = timed(analyzer, gen(args.small * args.factor), lang)
        ratio = large / max(small, 1e-3)
        worst = max(worst, ratio)
        flag = "" if ratio <= args.max_ratio else "  <- grows faster than linear"
        print(f"{name:<12} {small:7.2f} s {large:8.2f} s  {ratio:5.1f}{flag}", flush=True)
    ok = worst <= args.max_ratio
    print(f"worst ratio {worst:.1f}: {'linear' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
