"""The events list in SQL gives what the Python filter over every event view gives: the same
events, the same order, the same summaries and totals, pages joined, reviewed events included."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _reference(store: Any, f: Any) -> list[dict[str, Any]]:
    from trucewatch.api.listing import _key
    from trucewatch.api.read import event_views

    return [v.summary() for v in sorted((v for v in event_views(store) if f.keeps(v)), key=_key)]


def _paged(store: Any, f: Any, limit: int) -> tuple[list[dict[str, Any]], set[int]]:
    from trucewatch.api.listing import listing

    out, totals, cursor = [], set(), None
    while True:
        page = listing(store, f, cursor, limit)
        out += page.events
        totals.add(page.total)
        cursor = page.next_cursor
        if cursor is None:
            return out, totals


def _filters(store: Any) -> list[Any]:
    from trucewatch.api.query import EventFilter, parse_time

    truce = store.registry()[0].id
    return [EventFilter(), EventFilter(event_type="battles"), EventFilter(country="ua"),
            EventFilter(start=parse_time("from", "2025-05-08"), end=parse_time("to", "2025-05-10")),
            EventFilter(bbox=(30.0, 44.0, 40.0, 52.0)), EventFilter(bbox=(170.0, -90.0, -170.0, 90.0)),
            EventFilter(ceasefire=truce), EventFilter(ceasefire=truce, verdict="violation_reported"),
            EventFilter(verdict="time_uncertain"), EventFilter(language="ru"), EventFilter(language="%"),
            EventFilter(min_confidence=0.8), EventFilter(party="russia"), EventFilter(party="RUSSIA", country="UA"),
            EventFilter(context="new"), EventFilter(context="recap")]


@pytest.mark.parametrize("limit", [1, 3, 1000])
def test_listing_matches_the_python_filter(client: Any, tokens: dict[str, str], api_store: str, limit: int) -> None:
    from trucewatch.store.db import Store

    eid = client.get("/api/events?limit=2").json()["events"][1]["event_id"]
    r = client.post(f"/api/events/{eid}/review", headers={"Authorization": f"Bearer {tokens['analyst']}"},
                    json={"action": "edit", "reason": "moved a year on", "values": {
                        "time_earliest": "2026-05-09T06:00:00+03:00", "time_latest": "2026-05-09T07:00:00+03:00",
                        "event_type": "Battles"}})
    assert r.status_code == 201, r.text
    try:
        with Store.open(api_store) as store:
            for f in _filters(store):
                want = _reference(store, f)
                got, totals = _paged(store, f, limit)
                assert [e["event_id"] for e in got] == [e["event_id"] for e in want], f
                assert got == want, f
                assert totals == {len(want)}, f
    finally:
        client.post(f"/api/revisions/{r.json()['revision']['id']}/undo", json={"reason": "test done"},
                    headers={"Authorization": f"Bearer {tokens['analyst']}"})


def test_party_and_context_filters(client: Any, tokens: dict[str, str]) -> None:
    every = client.get("/api/events?limit=1000").json()["events"]
    stated = {e["perpetrator"] for e in every if e["perpetrator"]}
    assert stated, "the demo store states a perpetrator"
    party = sorted(stated)[0]
    kept = client.get("/api/events", params={"party": party.upper(), "limit": 1000}).json()["events"]
    assert kept and {e["perpetrator"] for e in kept} == {party}
    assert {e["event_id"] for e in kept} == {e["event_id"] for e in every if e["perpetrator"] == party}
    assert {e["context"] for e in client.get("/api/events?context=new&limit=1000").json()["events"]} == {"new"}
    eid = every[0]["event_id"]
    r = client.post(f"/api/events/{eid}/review", headers={"Authorization": f"Bearer {tokens['analyst']}"},
                    json={"action": "edit", "reason": "the article recalls last year's strike",
                          "values": {"context": "recap", "perpetrator": "Nobody Stated"}})
    assert r.status_code == 201, r.text
    try:  # the analyst's values are what the filters find
        assert [e["event_id"] for e in client.get("/api/events?context=recap").json()["events"]] == [eid]
        assert [e["event_id"] for e in client.get("/api/events?party=nobody%20stated").json()["events"]] == [eid]
    finally:
        client.post(f"/api/revisions/{r.json()['revision']['id']}/undo", json={"reason": "test done"},
                    headers={"Authorization": f"Bearer {tokens['analyst']}"})
    bad = client.get("/api/events?context=rumour")
    assert bad.status_code == 422 and bad.json()["parameter"] == "context"
