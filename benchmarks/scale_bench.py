#!/usr/bin/env python3
"""`make bench`, scale-out: `ingest --dask local` with 1 and 2 worker processes, in one run.

Corpus: --articles synthetic articles (default 20,000), each a headline and three paragraphs
drawn at random (fixed seed) from the golden reports of one language, all seven languages, every
text distinct. Each run ingests the whole corpus into a fresh SQLite store (corroboration off: it
runs once after ingest and is not what the workers share). Prints articles per second for each
worker count, the scaling efficiency (rate with 2 workers / twice the rate with 1; goal >= 0.8 on
2 cores), and peak resident memory of the client and its workers together, sampled every 0.2 s,
for a corpus of --small articles and for the full one (goal: the same).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def paragraphs() -> dict[str, list[tuple[str, str]]]:
    """language -> [(paragraph, publication date of its article)]"""
    pool: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((GOLDEN / "articles").glob("*.txt")):
        expected = json.loads((GOLDEN / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if len(para.split()) >= 6:
                pool.setdefault(expected["language"], []).append((para.strip(), expected["published"]))
    return pool


def write_corpus(path: Path, n: int, seed: int = 20261128) -> None:
    rng = random.Random(seed)
    pool = paragraphs()
    langs = sorted(pool)
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as f:
        while len(seen) < n:
            lang = langs[len(seen) % len(langs)]
            picked = rng.sample(pool[lang], 3)
            text = "\n\n".join(p for p, _ in picked)
            if text in seen:
                continue
            seen.add(text)
            f.write(json.dumps({"text": text, "published": picked[0][1],
                                "outlet": "synthetic"}, ensure_ascii=False) + "\n")


class PeakRSS:
    """Peak resident memory of this process and all its children (the Dask workers), in MB."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            for p in [self.me, *self.me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total / 1e6)
            self._stop.wait(0.2)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(corpus: Path, workers: int, tmp: Path) -> tuple[float, int, float, float]:
    """(seconds, articles stored, peak MB, client CPU seconds) of one `ingest --dask local` run."""
    from trucewatch.ingest.scale import ingest_dask
    from trucewatch.store.db import Store

    db = tmp / f"w{workers}-{corpus.stem}.sqlite"
    with PeakRSS() as mem, Store.open(str(db)) as store:
        t0, cpu0 = time.perf_counter(), time.process_time()
        report = ingest_dask([str(corpus)], store, "local", workers=workers)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    if report.failed or report.stored == 0:
        sys.exit(f"bench run failed: {report.failures[:3]}")
    return seconds, report.stored, mem.peak, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--small", type=int, default=4_000, help="corpus size for the memory comparison")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="trucewatch-scale-") as tmp_name:
        tmp = Path(tmp_name)
        big, small = tmp / "big.jsonl", tmp / "small.jsonl"
        write_corpus(big, args.articles)
        write_corpus(small, args.small)
        print(f"synthetic corpus: {args.articles} articles in 7 languages ({big.stat().st_size / 1e6:.1f} MB)")
        rates = {}
        for workers in (1, 2):
            seconds, stored, peak, cpu = run(big, workers, tmp)
            rates[workers] = stored / seconds
            print(f"{workers} worker(s): {stored} articles in {seconds:.1f} s = {rates[workers]:.1f} articles/s; "
                  f"peak memory {peak:.0f} MB (client + workers); client CPU {cpu:.1f} s", flush=True)
        efficiency = rates[2] / (2 * rates[1])
        print(f"scaling efficiency, 2 workers: {efficiency:.2f} (goal >= 0.8)")
        _, stored, peak_small, _ = run(small, 2, tmp)
        print(f"2 workers on {stored} articles: peak memory {peak_small:.0f} MB; on {args.articles}: {peak:.0f} MB "
              f"(ratio {peak / peak_small:.2f}, goal: flat)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
