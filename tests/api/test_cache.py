"""Answers kept per store generation (issue 12): a review, an undo, a rebuild or a hand-written
UPDATE changes the next answer at once (never a stale one), an unchanged store answers from what
was kept, and a client holding the answer gets a 304; the map's GeoJSON is compact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import golden_jsonl

pytestmark = pytest.mark.model


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


def _fresh(client: Any, path: str) -> Any:
    """``path`` answered with nothing kept: what the store says now."""
    from trucewatch.api import cache

    cache.clear()
    return client.get(path).json()


def test_generation_moves_with_every_counted_write_in_either_database(api_store: str) -> None:
    from trucewatch.store.db import Store
    from trucewatch.store.generation import generation

    with Store.open(api_store) as store:
        first = generation(store.conn)
        assert generation(store.conn) == first  # reading moves nothing
        eid = store.rows("SELECT id FROM events ORDER BY id LIMIT 1")[0][0]
        with store.transaction() as c:
            c.execute("UPDATE events SET place = place WHERE id = ?", (eid,))
        moved = generation(store.conn)
        assert moved[0] == first[0] and moved[1] > first[1]
        with store.transaction() as c:  # a table no answer reads: not counted
            c.execute("INSERT INTO source_failures VALUES ('x.txt', 'E101', 'unreadable', '2025-01-01')")
        assert generation(store.conn) == moved


def test_a_review_changes_the_ceasefire_list_and_the_map_at_once(client: Any, tokens: dict[str, str]) -> None:
    truces = client.get("/api/ceasefires")
    truce = next(t for t in truces.json()["ceasefires"] if t["counts"]["during"])
    report = client.get(f"/api/ceasefires/{truce['id']}").json()
    eid = report["incidents"][0]["event_id"]
    geo = client.get("/api/events", params={"format": "geojson", "ceasefire": truce["id"], "limit": 1000})
    assert eid in {f["id"] for f in geo.json()["features"]}
    # unchanged store: the same answer, and a client holding it gets a 304 without a body
    again = client.get("/api/ceasefires", headers={"If-None-Match": truces.headers["etag"]})
    assert again.status_code == 304 and not again.content and again.headers["etag"] == truces.headers["etag"]
    r = client.post(f"/api/events/{eid}/review", json={"action": "reject", "reason": "not an incident"},
                    headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    rid = r.json()["revision"]["id"]
    try:
        after = client.get("/api/ceasefires", headers={"If-None-Match": truces.headers["etag"]})
        assert after.status_code == 200 and after.headers["etag"] != truces.headers["etag"]
        counted = next(t for t in after.json()["ceasefires"] if t["id"] == truce["id"])["counts"]
        assert counted["during"] + counted["straddling"] < truce["counts"]["during"] + truce["counts"]["straddling"]
        assert after.json() == _fresh(client, "/api/ceasefires")
        assert eid not in {e["event_id"] for e in client.get(f"/api/ceasefires/{truce['id']}").json()["incidents"]}
        regeo = client.get("/api/events", params={"format": "geojson", "ceasefire": truce["id"], "limit": 1000})
        assert regeo.headers["etag"] != geo.headers["etag"]
    finally:
        undo = client.post(f"/api/revisions/{rid}/undo", json={"reason": "test done"},
                           headers=_auth(tokens["analyst"]))
        assert undo.status_code == 201
    back = client.get("/api/ceasefires")
    assert back.json() == truces.json() and back.headers["etag"] == truces.headers["etag"]  # the same bytes


def test_a_hand_written_update_is_seen_by_the_next_request(client: Any, api_store: str) -> None:
    from trucewatch.store.db import Store

    first = client.get("/api/events?limit=1").json()["events"][0]
    with Store.open(api_store) as store, store.transaction() as c:
        c.execute("UPDATE events SET fatalities_best = ? WHERE id = ?", ((first["fatalities_best"] or 0) + 40,
                                                                        first["event_id"]))
    try:
        assert client.get("/api/events?limit=1").json()["events"][0]["fatalities_best"] == \
            (first["fatalities_best"] or 0) + 40
    finally:
        with Store.open(api_store) as store, store.transaction() as c:
            c.execute("UPDATE events SET fatalities_best = ? WHERE id = ?", (first["fatalities_best"],
                                                                            first["event_id"]))
    assert client.get("/api/events?limit=1").json()["events"][0] == first


def test_the_map_variant_is_compact_and_the_full_one_whole(client: Any) -> None:
    from trucewatch.api.query import MAP_PROPERTIES

    listed = {e["event_id"]: e for e in client.get("/api/events?limit=1000").json()["events"]}
    geo = client.get("/api/events?format=geojson&limit=1000")
    assert geo.headers["content-type"].startswith("application/geo+json") and geo.headers["etag"]
    body = geo.json()
    assert body["features"] and body["event_url"] == "/api/events/{id}"
    for f in body["features"]:
        assert tuple(f["properties"]) == MAP_PROPERTIES
        e = listed[f["id"]]
        assert f["geometry"]["coordinates"] == [round(e["lon"], 6), round(e["lat"], 6)]
        assert f["properties"] == {k: e[k] for k in MAP_PROPERTIES}  # read from the points' index: the same
        assert client.get(body["event_url"].format(id=f["id"])).status_code == 200
    full = client.get("/api/events?format=geojson&limit=1000&properties=full").json()
    assert [f["properties"] for f in full["features"]] == [listed[f["id"]] for f in full["features"]]
    assert len(client.get("/api/events?format=geojson&limit=1000").content) < \
        len(client.get("/api/events?format=geojson&limit=1000&properties=full").content)


def test_a_rebuild_changes_the_answers_at_once(client: Any, api_store: str, analyzer: Any, tmp_path: Path) -> None:
    from trucewatch.monitor import ingest
    from trucewatch.store.db import Store

    paths = ("/api/ceasefires", "/api/events?limit=1000", "/api/events?format=geojson&limit=1000",
             "/api/review/queue")
    before = {p: client.get(p).json() for p in paths}
    with Store.open(api_store) as store:
        ingest([str(golden_jsonl(["en10_before_during", "es05_72_horas"], tmp_path / "more.jsonl"))], store, analyzer)
    after = {p: client.get(p).json() for p in paths}
    assert after["/api/events?limit=1000"]["total"] > before["/api/events?limit=1000"]["total"]
    assert after["/api/ceasefires"] != before["/api/ceasefires"]
    for p in paths:
        assert after[p] == _fresh(client, p), p


def test_a_truce_report_from_its_judged_events_equals_the_one_from_every_event(
        client: Any, api_store: str, tokens: dict[str, str]) -> None:
    from trucewatch.api.app import open_store
    from trucewatch.api.read import truce_report
    from trucewatch.review.truces import corrected_registry

    listed = client.get("/api/events?limit=1000").json()["events"]
    moved, gone = listed[0]["event_id"], listed[-1]["event_id"]
    later = "2030-01-01T00:00:00+00:00"
    done = [client.post(f"/api/events/{eid}/review", json=body, headers=_auth(tokens["analyst"])).json()
            for eid, body in ((moved, {"action": "edit", "reason": "a later date",
                                       "values": {"time_earliest": later, "time_latest": later}}),
                              (gone, {"action": "reject", "reason": "not an incident"}))]
    try:
        with open_store(api_store) as s:
            registry = corrected_registry(s.conn, s.registry())
            assert registry
            events = s.events()
            for reg in registry:
                assert truce_report(s, reg).to_dict() == truce_report(s, reg, events).to_dict(), reg.id
    finally:
        for d in done:
            client.post(f"/api/revisions/{d['revision']['id']}/undo", json={"reason": "test done"},
                        headers=_auth(tokens["analyst"]))
