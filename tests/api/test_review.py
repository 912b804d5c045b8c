"""Reviews: tokens and roles, accept/reject/edit as revisions, history, undo, the queue, and a
rebuild that leaves reviews standing."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


def _some_event(client: Any, n: int = 0) -> str:
    return str(client.get("/api/events?limit=1000").json()["events"][n]["event_id"])


def test_writes_need_an_analyst_token(client: Any, tokens: dict[str, str]) -> None:
    eid = _some_event(client)
    body = {"action": "accept", "reason": "checked against the wire"}
    none = client.post(f"/api/events/{eid}/review", json=body)
    assert none.status_code == 401 and none.json()["code"] == "E305" and none.headers["www-authenticate"] == "Bearer"
    forged = client.post(f"/api/events/{eid}/review", json=body, headers=_auth(tokens["analyst"][:-2] + "xx"))
    assert forged.status_code == 401
    reader = client.post(f"/api/events/{eid}/review", json=body, headers=_auth(tokens["reader"]))
    assert reader.status_code == 403 and reader.json()["code"] == "E306"
    for role in ("analyst", "admin"):
        ok = client.post(f"/api/events/{eid}/review", json=body, headers=_auth(tokens[role]))
        assert ok.status_code == 201, ok.text
        assert ok.json()["event"]["review_status"] == "accepted" and ok.json()["event"]["reviewer_role"] == role


def test_edit_wins_is_flagged_and_undo_restores(client: Any, tokens: dict[str, str]) -> None:
    eid = _some_event(client, 1)
    machine = client.get(f"/api/events/{eid}").json()
    edit = {"action": "edit", "reason": "the ministry's later toll",
            "values": {"fatalities_low": 3, "fatalities_best": 4, "fatalities_high": 5, "place": "Kramatorsk",
                       "lat": 48.72, "lon": 37.56, "time_earliest": "2025-05-09T06:00:00+03:00"}}
    r = client.post(f"/api/events/{eid}/review", json=edit, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    shown = client.get(f"/api/events/{eid}").json()
    assert shown["fatalities_best"] == 4 and shown["place"] == "Kramatorsk" and shown["reviewed"] is True
    assert shown["reviewer_role"] == "analyst" and "fatalities_best" in shown["reviewed_fields"]
    assert shown["machine"]["fatalities_best"] == machine["fatalities_best"]
    assert shown["time_earliest"] == "2025-05-09T06:00:00+03:00"
    hist = client.get(f"/api/events/{eid}/history").json()["revisions"]
    assert [h["action"] for h in hist] == ["edit"] and hist[0]["why"] == "the ministry's later toll"
    assert hist[0]["role"] == "analyst" and "test-analyst" in hist[0]["who"]
    assert hist[0]["before"]["values"] == {} and hist[0]["after"]["values"]["fatalities_best"] == 4
    undo = client.post(f"/api/revisions/{hist[0]['id']}/undo", json={"reason": "wrong event"},
                       headers=_auth(tokens["analyst"]))
    assert undo.status_code == 201
    back = client.get(f"/api/events/{eid}").json()
    assert back["fatalities_best"] == machine["fatalities_best"] and back["reviewed"] is False
    again = client.post(f"/api/revisions/{hist[0]['id']}/undo", json={"reason": "twice"},
                        headers=_auth(tokens["analyst"]))
    assert again.status_code == 409
    hist = client.get(f"/api/events/{eid}/history").json()["revisions"]
    assert [h["action"] for h in hist] == ["edit", "undo"] and hist[0]["undone_by"] == hist[1]["id"]


@pytest.mark.parametrize("body", [
    {"action": "edit", "reason": "x", "values": {}},
    {"action": "edit", "reason": "x", "values": {"fatalities_low": 5, "fatalities_high": 2}},
    {"action": "edit", "reason": "x", "values": {"lat": 100, "lon": 0}},
    {"action": "edit", "reason": "x", "values": {"time_earliest": "2025-05-09T06:00:00"}},
    {"action": "edit", "reason": "x", "values": {"colour": "red"}},
    {"action": "burn", "reason": "x"},
    {"action": "accept", "reason": ""}])
def test_bad_reviews_are_422(client: Any, tokens: dict[str, str], body: dict[str, Any]) -> None:
    r = client.post(f"/api/events/{_some_event(client)}/review", json=body, headers=_auth(tokens["analyst"]))
    assert r.status_code == 422 and r.json()["code"] == "E302" and r.json()["parameter"]


def test_review_queue_order_and_rebuild_keeps_reviews(client: Any, tokens: dict[str, str], api_store: str) -> None:
    from trucewatch.config import Settings
    from trucewatch.corroborate.rebuild import rebuild
    from trucewatch.store.db import Store

    queue = client.get("/api/review/queue").json()["events"]
    assert queue
    score = [(1 - e["confidence"]) + min(e["fatalities_best"] or e["fatalities_high"] or e["fatalities_low"] or 0,
                                         50) / 50 + e["in_window"] + e["contested"] for e in queue]
    assert score == sorted(score, reverse=True)
    eid = _some_event(client, 2)
    r = client.post(f"/api/events/{eid}/review", json={"action": "edit", "reason": "r", "values": {
        "fatalities_best": 7, "fatalities_low": 7, "fatalities_high": 7}}, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201
    with Store.open(api_store) as store:
        rebuild(store, settings=Settings.load(), full=True)
    assert client.get(f"/api/events/{eid}").json()["fatalities_best"] == 7


def test_reports_and_verdicts_follow_reviews(client: Any, tokens: dict[str, str]) -> None:
    truce = max(client.get("/api/ceasefires").json()["ceasefires"], key=lambda t: t["articles"])
    path = f"/api/ceasefires/{truce['id']}"
    before = client.get(path).json()
    assert len(before["incidents"]) >= 3
    gone, moved, tolled = (i["event_id"] for i in before["incidents"][:3])
    low = next(i for i in before["incidents"] if i["event_id"] == tolled)["fatalities_low"] or 0
    done = []
    for eid, body in ((gone, {"action": "reject", "reason": "a recap, not news"}),
                      (moved, {"action": "edit", "reason": "the strike was in June", "values": {
                          "time_earliest": "2025-06-20T10:00:00+03:00", "time_latest": "2025-06-20T11:00:00+03:00"}}),
                      (tolled, {"action": "edit", "reason": "toll", "values": {
                          "fatalities_low": low + 10, "fatalities_best": low + 10, "fatalities_high": low + 10}})):
        r = client.post(f"/api/events/{eid}/review", json=body, headers=_auth(tokens["analyst"]))
        assert r.status_code == 201, r.text
        done.append(r.json()["revision"]["id"])
    after = client.get(path).json()
    shown = {i["event_id"] for i in after["incidents"]}
    assert gone not in shown and moved not in shown and tolled in shown
    assert after["verdict"]["killed"] >= before["verdict"]["killed"] + 10 - sum(
        i["fatalities_low"] or 0 for i in before["incidents"] if i["event_id"] in {gone, moved})
    assert truce["id"] not in {v["ceasefire"] for v in client.get(f"/api/events/{moved}").json()["verdicts"]}
    listed = {e["event_id"] for e in client.get("/api/events", params={"ceasefire": truce["id"]}).json()["events"]}
    assert moved not in listed and tolled in listed
    for rid in done:
        assert client.post(f"/api/revisions/{rid}/undo", json={"reason": "test"},
                           headers=_auth(tokens["analyst"])).status_code == 201
    assert {i["event_id"] for i in client.get(path).json()["incidents"]} == {i["event_id"] for i in before["incidents"]}
