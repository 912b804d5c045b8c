#!/usr/bin/env python3
"""`make bench`, incremental rebuilds: ingesting 100 new articles costs the same whatever the
store already holds.

Two stores are built of synthetic analyses (--small, default 1,000, and --large, default 50,000
articles: incidents at towns across Ukraine over three years, some ceasefire declarations,
evidence vectors already kept, derived tables built). Into each, the same 100 new articles
(paragraphs of the golden reports, all seven languages) are ingested the way `trucewatch ingest`
does: analysed, stored, and the derived tables brought up to date. Prints the seconds of each
ingest and of its rebuild alone, their ratio (large / small; goal at most 1.5), and the peak
memory of each (goal: flat), next to what one rebuild of everything costs on the large store.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scale_bench import PeakRSS, write_corpus  # noqa: E402
from tests.records import ceasefire, incident, place  # noqa: E402

TOWNS = [("Kherson", "Kherson", 46.64, 32.61), ("Kramatorsk", "Donetsk", 48.72, 37.56),
         ("Pokrovsk", "Donetsk", 48.28, 37.18), ("Kharkiv", "Kharkiv", 49.99, 36.23),
         ("Zaporizhzhia", "Zaporizhzhia", 47.84, 35.14), ("Nikopol", "Dnipropetrovsk", 47.57, 34.40),
         ("Sumy", "Sumy", 50.91, 34.80), ("Odesa", "Odesa", 46.48, 30.74), ("Kyiv", "Kyiv City", 50.45, 30.52)]
PHRASES = ["Drones struck {t} overnight.", "Shelling hit {t} in the morning.", "A missile hit {t} at dawn.",
           "Artillery fire was reported near {t}.", "Fighting continued around {t}."]
START = datetime.fromisoformat("2023-01-01T00:00:00+02:00")


def _synthetic(n: int, rng: random.Random):  # type: ignore[no-untyped-def]
    from trucewatch.records import Analysis, ArticleMeta

    incidents = []
    day = rng.randrange(0, 3 * 365)
    for k in range(rng.randint(1, 2)):
        town, region, lat, lon = rng.choice(TOWNS)
        start = START + timedelta(days=day, hours=rng.randrange(24))
        text = f"{rng.choice(PHRASES).format(t=town)} (report {n}-{k})"
        incidents.append(incident(text, id=f"i{k + 1}", where=place(town, "UA", region, lat, lon),
                                  start=start.isoformat(), end=(start + timedelta(hours=12)).isoformat(),
                                  low=rng.choice([None, 0, 1, 2, 5])))
    truces = ()
    if rng.random() < 0.02:  # a declaration in one article of fifty
        begin = START + timedelta(days=day)
        truces = (ceasefire(rng.choice(["Russia", "Ukraine"]), begin.isoformat(),
                            (begin + timedelta(hours=36)).isoformat()),)
    aid = hashlib.sha1(f"synthetic {n}".encode()).hexdigest()[:16]
    meta = ArticleMeta(aid, "en", 0.99, date(2023, 1, 1) + timedelta(days=day + 1), "metadata", f"s{n}")
    return Analysis(meta, truces, tuple(incidents), (), ())


def build_store(path: Path, n: int) -> float:
    """A store of ``n`` synthetic articles with their vectors kept and derived tables built;
    returns the seconds one rebuild of everything took."""
    from trucewatch.corroborate.events import vector_model
    from trucewatch.corroborate.rebuild import rebuild
    from trucewatch.store.db import Store

    rng = np.random.default_rng(n)
    pyrng = random.Random(n)
    with Store.open(str(path)) as store:
        vectors = []
        for i in range(n):
            a = _synthetic(i, pyrng)
            store.save_article({"id": a.article.id, "source": a.article.source, "text": f"synthetic {i}"},
                               a.to_contract(), None)
            for inc in a.incidents:
                v = rng.normal(size=384).astype(np.float32)
                vectors.append((a.article.id, inc.id, (v / np.linalg.norm(v)).astype(np.float32).tobytes()))
        store.save_vectors(vector_model(), vectors)
        t0 = time.perf_counter()
        rebuild(store, full=True)
        return time.perf_counter() - t0


def ingest_new(path: Path, corpus: Path, analyzer) -> tuple[float, float, float, int, int]:  # type: ignore[no-untyped-def]
    """(seconds to ingest, of which the rebuild, peak MB, articles stored, judgements written)."""
    import trucewatch.monitor as monitor
    from trucewatch.store.db import Store

    spent = {"rebuild": 0.0}
    original = monitor.rebuild

    def timed(store, **kw):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return original(store, **kw)
        finally:
            spent["rebuild"] += time.perf_counter() - t

    monitor.rebuild = timed
    try:
        with PeakRSS() as mem, Store.open(str(path)) as store:
            judged = store.count("event_judgements")
            t0 = time.perf_counter()
            report = monitor.ingest([str(corpus)], store, analyzer)
            seconds = time.perf_counter() - t0
            judged = store.count("event_judgements") - judged
    finally:
        monitor.rebuild = original
    return seconds, spent["rebuild"], mem.peak, report.stored, judged


def _child(*args: str) -> list[str]:
    """Run this script in a fresh process (so one store's setup never weighs on another's
    measurement); returns its last line, split on tabs."""
    import subprocess

    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1].split("\t")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--large", type=int, default=50_000)
    ap.add_argument("--new", type=int, default=100)
    ap.add_argument("--build", nargs=2, metavar=("N", "DB"), help=argparse.SUPPRESS)
    ap.add_argument("--ingest", nargs=2, metavar=("DB", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build:
        print(f"{build_store(Path(args.build[1]), int(args.build[0])):.3f}")
        return 0
    if args.ingest:
        from trucewatch.pipeline import Analyzer

        analyzer = Analyzer.load()
        db, corpus = Path(args.ingest[0]), Path(args.ingest[1])
        ingest_new(db.with_name("warm-up.sqlite"), corpus, analyzer)  # models load lazily: not measured
        print("\t".join(str(v) for v in ingest_new(db, corpus, analyzer)))
        return 0
    with tempfile.TemporaryDirectory(prefix="trucewatch-incremental-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "new.jsonl"
        write_corpus(corpus, args.new, seed=424242)
        results = {}
        for n in (args.small, args.large):
            db = tmp / f"s{n}" / "store.sqlite"
            db.parent.mkdir()
            full = float(_child("--build", str(n), str(db))[0])
            seconds, rebuilt, peak, stored, judged = (float(v) for v in _child("--ingest", str(db), str(corpus)))
            results[n] = (seconds, rebuilt, peak)
            print(f"store of {n} articles: one rebuild of everything {full:.1f} s; ingesting {int(stored)} new "
                  f"{seconds:.1f} s, of which the incremental rebuild {rebuilt:.2f} s ({int(judged)} judgements "
                  f"written: the new truces against the events they cover); peak memory {peak:.0f} MB", flush=True)
        (s_small, r_small, m_small), (s_large, r_large, m_large) = results[args.small], results[args.large]
        print(f"ingest of {args.new} new, store of {args.large} / store of {args.small}: {s_large / s_small:.2f} "
              f"(goal <= 1.5); rebuild alone {r_large / max(r_small, 1e-3):.2f}; "
              f"peak memory {m_large / m_small:.2f} (goal: flat)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
