"""The long fuzzing run (``make fuzz``; never in CI): every target of :mod:`tests.fuzz.targets`,
fed a million examples (by default) from a seeded generator, counting the uncaught exceptions.

Hypothesis, which the CI targets use, spends most of its time choosing and recording examples,
about a hundred a second for these targets; this generator draws from the same vocabulary and
shapes (the words the parsers look for, lone surrogates, control characters, deep and wide JSON,
huge integers, quotes and carriage returns in CSV) and mutates the seed corpus (bytes flipped,
cut, spliced, a piece repeated thousands of times), so a run reaches a million examples per
target in minutes, not days. No shrinking: an input that raises is saved as it is, with its
traceback, under ``--crashes``; copy it into ``tests/fuzz/corpus/`` once fixed and CI replays it.

Parallel-safe: ``--jobs N`` splits each target into N shards, each in its own process (spawned,
never forked from a loaded model), with its own seed, temporary directory and crash files.

    python -m tests.fuzz.run                       # every target, 1,000,000 examples each
    python -m tests.fuzz.run --examples 100000 --seconds 600 --only read_ parse_en --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from tests.fuzz import targets
from tests.fuzz.targets import CORPUS, KEYS, LANGS, READERS, WORDS

#: code point ranges the generator draws from: ASCII, controls, Latin, Cyrillic, Arabic,
#: surrogates, punctuation and format characters, emoji, anything
_RANGES = [(0x20, 0x7E), (0x00, 0x1F), (0x80, 0x2FF), (0x400, 0x4FF), (0x600, 0x6FF), (0xD800, 0xDFFF),
           (0x2000, 0x206F), (0x1F300, 0x1FAFF), (0x0, 0x10FFFF)]
_INTS = [0, -1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**30]
_FLOATS = [float("nan"), float("inf"), float("-inf"), -0.0, 1e308, 5e-324]
#: the corpus files each reader's mutations start from
_FAMILY = {"read_txt": {".txt"}, "read_json": {".json"}, "read_jsonl": {".jsonl"}, "read_csv": {".csv"},
           "read_feed": {".rss", ".atom", ".xml"}, "read_html": {".html"}}
#: examples after which a target's crash files stop being written (they are still counted)
_KEEP = 20


class Maker:
    """Random inputs, from a seeded generator: texts, JSON values, bytes, mutations."""

    def __init__(self, rnd: random.Random, seeds: list[bytes]):
        self.rnd = rnd
        self.seeds = seeds or [b"Kharkiv was shelled on 5 January 2023; two people were killed."]

    def piece(self) -> str:
        if self.rnd.random() < 0.7:
            return self.rnd.choice(WORDS)
        lo, hi = self.rnd.choice(_RANGES)
        return "".join(chr(self.rnd.randint(lo, hi)) for _ in range(self.rnd.randint(0, 8)))

    def text(self, most: int = 60) -> str:
        if self.rnd.random() < 0.03:  # a piece repeated: the shape of the quadratic inputs
            return self.piece() * self.rnd.randint(100, 3000) + self.text(8)
        return "".join(self.piece() for _ in range(self.rnd.randint(0, most)))

    def scalar(self) -> Any:
        kind = self.rnd.randrange(6)
        if kind == 0:
            return self.rnd.choice([None, True, False])
        if kind == 1:
            return self.rnd.choice(_INTS) if self.rnd.random() < 0.5 else self.rnd.randint(-10**6, 10**6)
        if kind == 2:
            return self.rnd.choice(_FLOATS) if self.rnd.random() < 0.5 else self.rnd.uniform(-1e6, 1e6)
        return self.text()

    def value(self, leaves: int = 20) -> Any:
        if leaves <= 1 or self.rnd.random() < 0.4:
            return self.scalar()
        if self.rnd.random() < 0.02:  # deep nesting
            return self._deep(self.rnd.randint(30, 800))  # json.dumps itself stops near 1,000
        n = self.rnd.randint(0, 5)
        share = max(1, leaves // max(n, 1))
        if self.rnd.random() < 0.5:
            return [self.value(share) for _ in range(n)]
        return {self.rnd.choice(KEYS): self.value(share) for _ in range(n)}

    def _deep(self, levels: int) -> Any:
        inner: Any = self.scalar()
        for _ in range(levels):
            inner = [inner] if self.rnd.random() < 0.5 else {"x": inner}
        return inner

    def binary(self, most: int) -> bytes:
        return self.rnd.randbytes(self.rnd.randint(0, most))

    def mutate(self, data: bytes | None = None) -> bytes:
        out = bytearray(data if data is not None else self.rnd.choice(self.seeds))
        for _ in range(self.rnd.randint(1, 4)):
            self._mutation(out)
        return bytes(out[:400_000])

    def _mutation(self, out: bytearray) -> None:
        at = self.rnd.randint(0, len(out))
        end = min(len(out), at + self.rnd.randint(0, 64))
        kind = self.rnd.randrange(6)
        if kind == 0 and out:
            out[min(at, len(out) - 1)] ^= 1 << self.rnd.randrange(8)
        elif kind == 1:
            out[at:at] = self.binary(16)
        elif kind == 2:
            del out[at:end]
        elif kind == 3:
            out[at:at] = out[at:end] * self.rnd.randint(2, 2000)
        elif kind == 4:
            out[at:at] = targets.encoded(self.text(6))
        else:
            other = self.rnd.choice(self.seeds)
            cut = self.rnd.randint(0, len(other))
            out[at:] = other[cut:]


Target = tuple[Callable[[Any], object], Callable[[], Any]]  # (run one input, make one input)


def _reader_target(name: str, tmp: Path, m: Maker) -> Target:
    def make() -> bytes:
        r = m.rnd.random()
        if r < 0.15:
            return m.binary(400)
        if r < 0.55:
            return m.mutate(_structured(name, m) if m.rnd.random() < 0.3 else None)
        return _structured(name, m)

    return targets.reader(name, tmp), make


def _structured(name: str, m: Maker) -> bytes:
    """One file of the reader's kind, shaped as the hypothesis strategies shape it."""
    rnd = m.rnd
    if name == "read_txt":
        return targets.encoded(m.text())
    if name == "read_json":
        return targets.json_bytes(m.value())
    if name == "read_jsonl":
        return targets.jsonl_bytes([m.value() for _ in range(rnd.randint(0, 5))])
    if name == "read_csv":
        return targets.csv_bytes([[m.text(20) for _ in range(rnd.randint(1, 4))] for _ in range(rnd.randint(0, 5))])
    if name == "read_feed":
        return targets.feed_bytes([(m.text(20), m.text(20)) for _ in range(rnd.randint(0, 4))])
    return targets.html_bytes(m.text())


def _analyze_target(tmp: Path, m: Maker) -> Target:
    from trucewatch.pipeline import Analyzer

    analyzer = Analyzer.load()
    targets.analyze(analyzer, [("Kharkiv was shelled on Monday.", lang) for lang in LANGS])  # models loaded first

    def text() -> str:
        if m.rnd.random() < 0.3:
            return m.mutate().decode("utf-8", "replace")[:5_000]
        return m.text()

    def make() -> list[tuple[str, str | None]]:
        return [(text(), m.rnd.choice([None, *LANGS])) for _ in range(m.rnd.randint(1, 3))]

    return (lambda items: targets.analyze(analyzer, items)), make


def _parser_target(lang: str) -> Callable[[Path, Maker], Target]:
    def build(tmp: Path, m: Maker) -> Target:
        return targets.parser(lang), m.text

    return build


#: target name -> builder of (run one input, make one input), given a temporary directory
BUILDERS: dict[str, Callable[[Path, Maker], Target]] = {
    **{name: (lambda tmp, m, name=name: _reader_target(name, tmp, m)) for name in READERS},
    "analyze": _analyze_target,
    **{f"parse_{lang}": _parser_target(lang) for lang in LANGS},
}
SLOW = {"analyze"}  # run --slow-examples, not --examples


@dataclass
class Shard:
    target: str
    examples: int
    seconds: float | None
    seed: int
    crashes: str
    slow_after: float = 10.0


@dataclass
class Stats:
    target: str
    examples: int = 0
    seconds: float = 0.0
    uncaught: int = 0
    slowest: float = 0.0  # CPU seconds of the slowest example
    slow: int = 0  # examples over the shard's slow_after CPU seconds (saved, not failures)
    kinds: dict[str, int] = field(default_factory=dict)  # exception type -> count

    def add(self, other: Stats) -> None:
        self.examples += other.examples
        self.seconds += other.seconds
        self.uncaught += other.uncaught
        self.slowest = max(self.slowest, other.slowest)
        self.slow += other.slow
        for k, v in other.kinds.items():
            self.kinds[k] = self.kinds.get(k, 0) + v


def _seeds(target: str) -> list[bytes]:
    suffixes = _FAMILY.get(target)
    return [p.read_bytes() for p in sorted(CORPUS.iterdir()) if suffixes is None or p.suffix in suffixes]


def _save(shard: Shard, n: int, data: Any, what: str) -> None:
    out = Path(shard.crashes)
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{shard.target}-{shard.seed}-{n}"
    if isinstance(data, bytes):
        stem.with_suffix(READERS.get(shard.target, ".bin")).write_bytes(data)
    else:
        stem.with_suffix(".json").write_text(json.dumps(data), encoding="utf-8")  # ASCII: surrogates escaped
    stem.with_suffix(".why.txt").write_text(what, encoding="utf-8")


def run_shard(shard: Shard, builders: dict[str, Callable[[Path, Maker], Target]] | None = None) -> Stats:
    """Run one shard: examples until its count or its seconds are reached; never raises."""
    rnd = random.Random(shard.seed)
    memory = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    tmp = Path(tempfile.mkdtemp(prefix=f"trucewatch-fuzz-{shard.target}-", dir=memory))
    stats = Stats(shard.target)
    saved = 0
    try:
        run, make = (builders or BUILDERS)[shard.target](tmp, Maker(rnd, _seeds(shard.target)))
        start = time.monotonic()
        while stats.examples < shard.examples:
            if shard.seconds is not None and time.monotonic() - start >= shard.seconds:
                break
            try:
                data = make()
            except RecursionError:  # a value too deep to serialise: the generator's limit, not the target's
                continue
            t = time.process_time()  # CPU seconds: a loaded machine makes no example slow
            try:
                run(data)
            except Exception as exc:  # noqa: BLE001 - what the run counts
                stats.uncaught += 1
                stats.kinds[type(exc).__name__] = stats.kinds.get(type(exc).__name__, 0) + 1
                if saved < _KEEP:
                    saved += 1
                    _save(shard, stats.examples, data, traceback.format_exc())
            took = time.process_time() - t
            stats.slowest = max(stats.slowest, took)
            if took > shard.slow_after:
                stats.slow += 1
                if saved < _KEEP:
                    saved += 1
                    _save(shard, stats.examples, data, f"slow: {took:.1f} CPU seconds")
            stats.examples += 1
        stats.seconds = time.monotonic() - start
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return stats


def _chosen(only: list[str] | None) -> list[str]:
    names = sorted(BUILDERS)
    if not only:
        return names
    chosen = [n for n in names if any(n.startswith(o) for o in only)]
    if not chosen:
        raise SystemExit(f"no target starts with {only}; targets: {', '.join(names)}")
    return chosen


def _report(totals: dict[str, Stats], out: Any) -> None:
    head = f"{'target':<12} {'examples':>10} {'seconds':>9} {'per s':>8} {'uncaught':>8} {'slowest cpu s':>13}"
    print(head, file=out)
    for name, s in totals.items():
        rate = s.examples / s.seconds if s.seconds else 0.0
        kinds = f"  ({', '.join(f'{k} {v}' for k, v in sorted(s.kinds.items()))})" if s.kinds else ""
        print(f"{name:<12} {s.examples:>10,} {s.seconds:>9.0f} {rate:>8.0f} {s.uncaught:>8} {s.slowest:>13.2f}{kinds}",
              file=out)
    print(f"fuzz: {sum(s.examples for s in totals.values()):,} examples run, "
          f"{sum(s.uncaught for s in totals.values())} uncaught exceptions", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=1_000_000, help="examples per target")
    ap.add_argument("--slow-examples", type=int, default=10_000, help="examples of the slow target (analyze)")
    ap.add_argument("--seconds", type=float, default=None, help="at most this long per shard of a target")
    ap.add_argument("--jobs", type=int, default=1, help="processes; each target is split into this many shards")
    ap.add_argument("--only", nargs="*", help="targets whose names start with these (read_, parse_, analyze)")
    ap.add_argument("--seed", type=int, default=None, help="first seed (default: from the clock, printed)")
    ap.add_argument("--crashes", default="fuzz-crashes", help="directory for inputs that raised (or were slow)")
    ap.add_argument("--summary", default=None, help="write the figures as JSON to this file")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    jobs = max(1, args.jobs)
    names = _chosen(args.only)
    print(f"fuzz: seed {seed}, {jobs} job(s), targets {', '.join(names)}", file=sys.stderr)
    shards = []
    for t, name in enumerate(names):
        total = args.slow_examples if name in SLOW else args.examples
        for j in range(jobs):
            shards.append(Shard(name, total // jobs + (j < total % jobs), args.seconds, seed + 1000 * t + j,
                                os.path.abspath(args.crashes)))
    totals = {name: Stats(name) for name in names}
    if jobs == 1:
        for shard in shards:
            totals[shard.target].add(run_shard(shard))
            print(f"fuzz: {shard.target} done", file=sys.stderr)
    else:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            for shard, stats in zip(shards, pool.map(run_shard, shards), strict=True):
                totals[shard.target].add(stats)
    _report(totals, sys.stdout)
    if args.summary:
        Path(args.summary).write_text(json.dumps({"seed": seed, "targets": {
            n: {"examples": s.examples, "seconds": round(s.seconds, 1), "uncaught": s.uncaught,
                "slowest": round(s.slowest, 2), "slow": s.slow, "kinds": s.kinds} for n, s in totals.items()}},
            indent=1), encoding="utf-8")
    return 1 if any(s.uncaught for s in totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
