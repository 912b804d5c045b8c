#!/usr/bin/env python3
"""`make bench`, the HTTP API at scale: list, map, ceasefire and queue endpoints over 100,000 events.

Store: --events synthetic events (default 100,000; fixed seed) written straight into a fresh
SQLite store's tables (typed rows, one transaction; no article is analysed: each event is one
synthetic article's report), one registered truce they are judged against, and a few events
reviewed (edited) so the reviewed path is exercised too. Two uvicorn servers run in subprocesses on free
loopback ports: ``trucewatch serve`` over that store, and a bare FastAPI app with one endpoint
returning a small JSON object. A bounded load loop (--clients threads, each with its own
keep-alive httpx client, --requests per endpoint) measures each endpoint in turn; prints p50 and
p99 in milliseconds, errors, and each p99 over the bare endpoint's (goal: within 3x, no errors).
Answers are kept per store generation (``trucewatch.api.cache``): a row of one URL asks it once
first and then measures the kept answer; the "uncached" rows ask a different URL each time, which
measures rendering one; the ceasefire list's first answer (every truce's report) is timed apart.
Exit 1 on any error (a status other than 200).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
         ("Strategic developments", "Looting/property destruction"), ("Protests", "Peaceful protest")]
PLACES = [("Kramatorsk", "UA", "Donetsk", 48.72, 37.56), ("Kherson", "UA", "Kherson", 46.64, 32.61),
          ("Kharkiv", "UA", "Kharkiv", 49.99, 36.23), ("Belgorod", "RU", "Belgorod", 50.6, 36.6),
          ("Gaza", "PS", "Gaza", 31.5, 34.47), ("Khan Younis", "PS", "Gaza", 31.34, 34.3)]
VERDICTS = ["violation_reported", "violation_contested", "time_uncertain", "outside_zone"]
BARE = "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/bare')\ndef bare():\n    return {'ok': True}\n"
SERVE = ("import sys, uvicorn\nfrom trucewatch.api.app import create_app\n"
         "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')\n")


def build(db: str, n: int, seed: int = 20261202) -> None:
    """A store of ``n`` synthetic events, each of one article's report, 1 in 10 judged against the
    truce "cf1", 20 reviewed."""
    from trucewatch.store.db import Store
    from trucewatch.store.review import Token, record
    from trucewatch.store.search import languages_text

    rng = random.Random(seed)
    base = 1_700_000_000.0
    rows, judged = [], []
    for k in range(n):
        kind, sub = rng.choice(TYPES)
        place, country, admin1, lat, lon = rng.choice(PLACES)
        t0 = base + rng.random() * 2 * 365 * 86400
        t1 = t0 + rng.choice([3600, 86400, 3 * 86400])
        iso0, iso1 = (time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t)) for t in (t0, t1))
        low = rng.choice([None, 0, 1, 2, 5])
        eid = f"e{k:07d}"
        rows.append((eid, place, country, lat + rng.uniform(-0.2, 0.2), lon + rng.uniform(-0.2, 0.2), kind, sub,
                     iso0, iso1, 1, 1, low, low, low, "[]", "{}", t0, t1, admin1, rng.choice(["unknown", "contested"]),
                     rng.random(), languages_text(rng.sample(["en", "fr", "ru", "uk", "ar"], 2)),
                     json.dumps([f"outlet {k % 97}"]), rng.choice([None, "Russia", "Ukraine"]), "new", t0))
        if k % 10 == 0:
            judged.append((eid, "cf1", "during", "inside", "unknown", rng.choice(VERDICTS)))
    with Store.open(db) as store, store.transaction() as c:
        c.executemany("INSERT INTO events (id, place, country, lat, lon, event_type, sub_event_type, time_earliest, "
                      "time_latest, reports, sources, fatalities_low, fatalities_best, fatalities_high, disagreements, "
                      "components, t0, t1, admin1, attribution, confidence, languages, outlets, perpetrator, context, "
                      "tsort) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        c.executemany("INSERT INTO event_judgements VALUES (?,?,?,?,?,?)", judged)
        reviewed = [rows[k] for k in range(0, n, max(1, n // 20))]
        _reports(c, rows)  # the truce's report reads every event whole
        _truce(c, base)
    with Store.open(db) as store:
        who = Token("bench", "bench", "analyst")
        for row in reviewed:
            record(store.conn, row[0], "edit", who, "bench", {"fatalities_best": 3})


def _reports(c: Any, rows: list[tuple[Any, ...]]) -> None:
    """An article and a report of each of these events (the API reads reviewed ones whole, and a
    truce's report every one)."""
    from datetime import datetime

    from trucewatch.records import Incident, Place, Span, TimeInterval

    for row in rows:
        eid, place, country, lat, lon, kind, sub, iso0, iso1 = row[:9]
        text = f"Synthetic report {eid}: an incident at {place}."
        inc = Incident("i1", Place(place, country, row[18], lat, lon, 1, 1), kind, sub, None, None,
                       TimeInterval(datetime.fromisoformat(iso0), datetime.fromisoformat(iso1), "explicit"),
                       row[23], None, None, None, row[11], row[13], None, None, (),
                       (Span(0, len(text), text),), row[20])
        c.execute("INSERT INTO articles (id, text, status, language, published, ingested_at) VALUES (?,?,?,?,?,?)",
                  (f"a{eid}", text, "analysed", "en", iso0[:10], iso0))
        c.execute("INSERT INTO reports (article_id, incident, record) VALUES (?,?,?)",
                  (f"a{eid}", "i1", json.dumps(inc.to_dict())))
        c.execute("INSERT INTO event_reports VALUES (?,?,?)", (eid, f"a{eid}", "i1"))


def _truce(c: Any, base: float) -> None:
    """The registered truce "cf1" the judgements name: 30 days in Ukraine, in the events' span."""
    from datetime import UTC, datetime, timedelta

    from trucewatch.records import Ceasefire

    start = datetime.fromtimestamp(base + 200 * 86400, UTC)
    cf = Ceasefire("cf1", "ceasefire", "Russia", None, None, start, start + timedelta(days=30), "UTC", "stated",
                   "national", "UA", None, None, None, (), (), parties=("Russia", "Ukraine"))
    c.execute("INSERT INTO ceasefires (id, declared_by, start_at, end_at, scope, scope_country, sources, responses, "
              "record) VALUES (?,?,?,?,?,?,?,?,?)", ("cf1", "Russia", start.isoformat(), cf.end.isoformat() if cf.end
                                                     else None, "national", "UA", "[]", "[]",
                                                     json.dumps(cf.to_dict())))


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(code: str, *args: str, cwd: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-c", code, *args, str(port)], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/openapi.json", timeout=2)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"server on {url} did not start")


def load(url: str | list[str], clients: int, requests: int, budget: float) -> tuple[list[float], int]:
    """Latencies (ms) of ``requests`` GETs of ``url`` spread over ``clients`` threads (stopping
    after ``budget`` seconds whatever is left), and how many did not answer 200. A list of URLs
    is walked in turn, each once (every request a different one: none answered from a cache)."""
    urls = [url] if isinstance(url, str) else url
    counter = iter(range(10**9))
    import httpx

    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + budget

    def run(count: int) -> None:
        with httpx.Client(timeout=30) as c:
            for _ in range(count):
                if time.monotonic() > stop:
                    return
                with lock:
                    k = next(counter)
                t = time.perf_counter()
                r = c.get(urls[k % len(urls)])
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    times.append(ms)
                    errors[0] += r.status_code != 200

    threads = [threading.Thread(target=run, args=(requests // clients,)) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def _pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[q - 1] if len(xs) > 1 else (xs[0] if xs else float("nan"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400, help="per endpoint")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--budget", type=float, default=60.0, help="seconds per endpoint at most")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tw-api-bench-") as tmp:
        db = str(Path(tmp) / "bench.sqlite")
        t = time.perf_counter()
        build(db, a.events)
        print(f"store: {a.events:,} events built in {time.perf_counter() - t:.1f} s", flush=True)
        servers = [_start(BARE + "import uvicorn, sys\n"
                          "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[1]), log_level='warning')\n", cwd=tmp),
                   _start(SERVE, db, cwd=tmp)]
        (_, bare), (_, api) = servers
        failed = 0
        try:
            failed = _measure(a, bare, api)
        finally:
            for proc, _ in servers:
                proc.terminate()
                proc.wait(timeout=10)
    print("goal: p99 within 3x of the bare endpoint, no errors")
    return 1 if failed else 0


def _measure(a: argparse.Namespace, bare: str, api: str) -> int:
    import httpx

    cursor = httpx.get(api + "/api/events?limit=2", timeout=30).json()["next_cursor"]
    box = "format=geojson&bbox=36,47,39,51&limit=500"
    endpoints: list[tuple[str, str | list[str]]] = [
                 ("bare FastAPI", bare + "/bare"), ("list (100)", api + "/api/events"),
                 ("list, type+country", api + "/api/events?event_type=Battles&country=UA&limit=50"),
                 ("list, page 2", api + f"/api/events?limit=100&cursor={cursor}"),
                 ("list, truce verdict", api + "/api/events?verdict=violation_reported&limit=50"),
                 ("map (geojson, bbox)", api + f"/api/events?{box}"),
                 ("map, full properties", api + f"/api/events?{box}&properties=full"),
                 # a new bbox on every request: what rendering a page costs, none answered from the kept ones
                 ("map, uncached", [api + f"/api/events?format=geojson&bbox=36,47,39,{51 + k / 1e5:.5f}&limit=500"
                                    for k in range(a.requests)]),
                 ("list, uncached", [api + f"/api/events?limit=100&min_confidence={k / 1e6:.6f}"
                                     for k in range(a.requests)]),
                 ("ceasefires", api + "/api/ceasefires"), ("review queue", api + "/api/review/queue")]
    load(bare + "/bare", a.clients, 40, 10)  # warm up both
    load(api + "/api/events", a.clients, 40, 10)
    for path in ("/api/ceasefires", "/api/review/queue"):
        t = time.perf_counter()
        httpx.get(api + path, timeout=120).raise_for_status()
        print(f"{path}, first answer (rendered): {(time.perf_counter() - t) * 1000:.0f} ms")
    failed, base_p99 = 0, 0.0
    print(f"{'endpoint':<22} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'p99/bare':>8}", flush=True)
    for name, url in endpoints:
        if isinstance(url, str):  # its first answer rendered and kept: the row measures the kept one
            httpx.get(url, timeout=120)
        times, errors = load(url, a.clients, a.requests, a.budget)
        p50, p99 = _pct(times, 50), _pct(times, 99)
        base_p99 = base_p99 or p99
        failed += errors
        print(f"{name:<22} {len(times):>5} {p50:>8.2f} {p99:>8.2f} {errors:>6} {p99 / base_p99:>8.2f}", flush=True)
    return failed


if __name__ == "__main__":
    sys.exit(main())
