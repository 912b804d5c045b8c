"""The change feed (``GET /api/changes``): every event and ceasefire a rebuild or a review
creates, updates or deletes, numbered, so a downstream copy stays in step from a cursor; the
deletions are a log of their own (``action=deleted``)."""

from __future__ import annotations

import csv
from typing import Any

import pytest

pytestmark = pytest.mark.model


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


def _read(client: Any, since: str = "", **query: str) -> tuple[list[dict[str, Any]], str]:
    """Every change after ``since``, a page of 7 at a time, and the cursor after the last."""
    out: list[dict[str, Any]] = []
    while True:
        r = client.get("/api/changes", params={"since": since, "limit": 7, **query})
        assert r.status_code == 200, r.text
        page = r.json()
        out += page["changes"]
        if page["next_cursor"] == since:
            return out, since
        since = page["next_cursor"]


def test_the_feed_holds_what_the_store_was_built_with(client: Any) -> None:
    rows, cursor = _read(client)
    seqs = [r["seq"] for r in rows]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs) and cursor == str(seqs[-1])
    made = {r["id"] for r in rows if r["kind"] == "event" and r["action"] == "created"}
    events = {e["event_id"] for e in client.get("/api/events?limit=1000").json()["events"]}
    assert events and events <= made and all(r["cause"] == "rebuild" for r in rows)
    truces = {c["id"] for c in client.get("/api/ceasefires").json()["ceasefires"]}
    assert truces <= {r["id"] for r in rows if r["kind"] == "ceasefire"}
    assert client.get("/api/changes", params={"since": cursor}).json()["changes"] == []


def test_a_merge_deletes_the_absorbed_event_and_its_undo_brings_it_back(client: Any, tokens: dict[str, str]) -> None:
    _, cursor = _read(client)
    a, b = (e["event_id"] for e in client.get("/api/events?limit=1000").json()["events"][:2])
    r = client.post(f"/api/events/{a}/merge", json={"reason": "one strike", "events": [b]},
                    headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    rows, after_merge = _read(client, cursor)
    assert {(x["id"], x["action"], x["cause"]) for x in rows} == {(a, "updated", "review"), (b, "deleted", "review")}
    deletions, _ = _read(client, cursor, action="deleted")  # the log of deletions
    assert [(x["kind"], x["id"]) for x in deletions] == [("event", b)]
    undo = client.post(f"/api/revisions/{r.json()['revision']['id']}/undo", json={"reason": "two strikes"},
                       headers=_auth(tokens["analyst"]))
    assert undo.status_code == 201, undo.text
    rows, _ = _read(client, after_merge)
    assert {(x["id"], x["action"]) for x in rows} == {(a, "updated"), (b, "created")}


def test_an_edit_and_a_truce_correction_are_updates(client: Any, tokens: dict[str, str]) -> None:
    _, cursor = _read(client)
    eid = client.get("/api/events?limit=1").json()["events"][0]["event_id"]
    truce = client.get("/api/ceasefires").json()["ceasefires"][0]["id"]
    done = [client.post(f"/api/events/{eid}/review", json={"action": "accept", "reason": "checked"},
                        headers=_auth(tokens["analyst"])),
            client.post(f"/api/ceasefires/{truce}/review", json={"reason": "the decree", "values": {
                "declared_by": "Russia"}}, headers=_auth(tokens["analyst"]))]
    assert all(d.status_code == 201 for d in done), [d.text for d in done]
    rows, _ = _read(client, cursor)
    assert [(x["kind"], x["id"], x["action"]) for x in rows] == [("event", eid, "updated"),
                                                                 ("ceasefire", truce, "updated")]
    events, _ = _read(client, cursor, kind="ceasefire")
    assert [x["id"] for x in events] == [truce]
    for d in done:
        client.post(f"/api/revisions/{d.json()['revision']['id']}/undo", json={"reason": "test done"},
                    headers=_auth(tokens["analyst"]))


def test_feed_as_csv_and_a_bad_cursor(client: Any) -> None:
    r = client.get("/api/changes?format=csv&limit=3")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(r.text.splitlines()))
    assert len(rows) == 3 and list(rows[0]) == ["seq", "at", "kind", "id", "action", "cause"]
    assert r.headers["x-next-cursor"] == rows[-1]["seq"]
    for bad in ("abc", "-1", "1.5"):
        r = client.get("/api/changes", params={"since": bad})
        assert r.status_code == 422 and r.json()["parameter"] == "since", r.text


def test_a_rebuild_that_drops_an_event_logs_its_deletion(client: Any, api_store: str) -> None:
    from trucewatch.store.db import Store
    from trucewatch.store.derived import Change

    _, cursor = _read(client)
    with Store.open(api_store) as store:
        victim = store.events()[0].id
        store.apply(Change(components=store.derived_components() or {}, removed_events=[victim]))
    rows, _ = _read(client, cursor)
    assert [(x["id"], x["action"], x["cause"]) for x in rows] == [(victim, "deleted", "rebuild")]
