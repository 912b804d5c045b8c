"""Merging and splitting events: revisions with who, when and why on every event touched, applied
on read in the API and the exports, and undone whole."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


def _ids(client: Any) -> list[str]:
    return [e["event_id"] for e in client.get("/api/events?limit=1000").json()["events"]]


def test_merge_then_undo(client: Any, tokens: dict[str, str]) -> None:
    before = client.get("/api/events?limit=1000").json()["events"]
    a, b = before[0], before[1]
    body = {"reason": "the same strike, told twice", "events": [b["event_id"]]}
    assert client.post(f"/api/events/{a['event_id']}/merge", json=body).status_code == 401
    assert client.post(f"/api/events/{a['event_id']}/merge", json=body,
                       headers=_auth(tokens["reader"])).status_code == 403
    r = client.post(f"/api/events/{a['event_id']}/merge", json=body, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    merged = client.get(f"/api/events/{a['event_id']}").json()
    assert merged["reports"] == a["reports"] + b["reports"] and merged["reviewed"] is True
    assert b["event_id"] not in _ids(client) and len(_ids(client)) == len(before) - 1
    assert client.get(f"/api/events/{b['event_id']}").status_code == 404
    hist = client.get(f"/api/events/{b['event_id']}/history").json()["revisions"]
    assert hist[0]["action"] == "merge" and hist[0]["after"] == {"into": a["event_id"]}
    assert hist[0]["why"] == body["reason"]
    undo = client.post(f"/api/revisions/{hist[0]['id']}/undo", json={"reason": "not the same"},
                       headers=_auth(tokens["analyst"]))  # a child's undo undoes the whole merge
    assert undo.status_code == 201, undo.text
    assert _ids(client) == [e["event_id"] for e in before]
    assert client.get(f"/api/events/{a['event_id']}").json()["reports"] == a["reports"]


def test_split_then_undo(client: Any, tokens: dict[str, str]) -> None:
    before = client.get("/api/events?limit=1000").json()["events"]
    multi = max(before, key=lambda e: e["reports"])
    assert multi["reports"] >= 2
    detail = client.get(f"/api/events/{multi['event_id']}").json()
    last = detail["reports_detail"][-1]
    body = {"reason": "two strikes, not one", "reports": [{"article_id": last["article_id"],
                                                             "incident": last["incident"]}]}
    everything = {"reason": "x", "reports": [{"article_id": r["article_id"], "incident": r["incident"]}
                                             for r in detail["reports_detail"]]}
    assert client.post(f"/api/events/{multi['event_id']}/split", json=everything,
                       headers=_auth(tokens["analyst"])).status_code == 422
    r = client.post(f"/api/events/{multi['event_id']}/split", json=body, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    new = r.json()["new_event"]
    assert new["reports"] == 1 and r.json()["event"]["reports"] == multi["reports"] - 1
    assert new["event_id"] in _ids(client) and len(_ids(client)) == len(before) + 1
    shown = client.get(f"/api/events/{new['event_id']}").json()
    assert [x["article_id"] for x in shown["reports_detail"]] == [last["article_id"]]
    undo = client.post(f"/api/revisions/{r.json()['revision']['id']}/undo", json={"reason": "one strike after all"},
                       headers=_auth(tokens["analyst"]))
    assert undo.status_code == 201
    assert _ids(client) == [e["event_id"] for e in before]
