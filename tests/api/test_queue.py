"""The review queue from the events' columns gives what the views' queue gives: the same events
in the same order, the same summaries and total, with an edited and an accepted event standing."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def test_queue_matches_the_views(client: Any, tokens: dict[str, str], api_store: str) -> None:
    from trucewatch.api.queue import _of_views, review_queue
    from trucewatch.api.shown import event_views
    from trucewatch.store.db import Store

    auth = {"Authorization": f"Bearer {tokens['analyst']}"}
    ids = [e["event_id"] for e in client.get("/api/events?limit=3").json()["events"]]
    done = []
    for eid, body in zip(ids, [{"action": "edit", "reason": "later toll", "values": {"fatalities_best": 40}},
                               {"action": "accept", "reason": "checked"}], strict=False):
        r = client.post(f"/api/events/{eid}/review", headers=auth, json=body)
        assert r.status_code == 201, r.text
        done.append(r.json()["revision"]["id"])
    try:
        with Store.open(api_store) as store:
            for limit in (1, 2, 5, 1000):
                assert review_queue(store, limit) == _of_views(event_views(store), limit), limit
        served = client.get("/api/review/queue?limit=1000").json()
        assert ids[1] not in {e["event_id"] for e in served["events"]}  # accepted: no longer waiting
        assert served["total"] == len(served["events"])
    finally:
        for rid in done:
            client.post(f"/api/revisions/{rid}/undo", json={"reason": "test done"}, headers=auth)


def test_queue_with_a_standing_merge_split_and_truce_correction_reads_no_event_whole(
        client: Any, tokens: dict[str, str], api_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The grouped events are read as views (they have standing revisions), the corrected truce
    judged again from the rows: the same queue as the views', without the views of every event."""
    from datetime import datetime, timedelta

    from trucewatch.api import queue
    from trucewatch.api.queue import _of_views, review_queue
    from trucewatch.api.shown import event_views
    from trucewatch.store.db import Store

    auth = {"Authorization": f"Bearer {tokens['analyst']}"}
    events = client.get("/api/events?limit=1000").json()["events"]
    multi = max(events, key=lambda e: e["reports"])
    a, b = [e for e in events if e["event_id"] != multi["event_id"] and e["reports"] == 1][:2]
    last = client.get(f"/api/events/{multi['event_id']}").json()["reports_detail"][-1]
    truce = max(client.get("/api/ceasefires").json()["ceasefires"], key=lambda t: t["counts"]["during"])
    start = datetime.fromisoformat(truce["start"])
    waiting = client.get("/api/review/queue?limit=1000").json()["events"]
    done = [client.post(path, headers=auth, json=body) for path, body in (
        (f"/api/events/{a['event_id']}/merge", {"reason": "one strike", "events": [b["event_id"]]}),
        (f"/api/events/{multi['event_id']}/split", {"reason": "two strikes", "reports": [
            {"article_id": last["article_id"], "incident": last["incident"]}]}),
        (f"/api/ceasefires/{truce['id']}/review", {"reason": "it began a day earlier", "values": {
            "start": (start - timedelta(days=1)).isoformat()}}))]
    assert [r.status_code for r in done] == [201, 201, 201], [r.text for r in done]
    try:
        with Store.open(api_store) as store:
            expected = {limit: _of_views(event_views(store), limit) for limit in (1, 3, 1000)}

            def views_of(s: Any, ids: list[str] | None = None) -> Any:
                assert ids is not None, "every event read whole"
                return event_views(s, ids)

            monkeypatch.setattr(queue, "event_views", views_of)
            for limit, want in expected.items():
                assert review_queue(store, limit) == want, limit
        inside = {x["event_id"] for x in expected[1000][0] if x["in_window"]}
        assert inside - {x["event_id"] for x in waiting if x["in_window"]}  # the corrected window holds more
    finally:
        for r in reversed(done):
            client.post(f"/api/revisions/{r.json()['revision']['id']}/undo", json={"reason": "test done"},
                        headers=auth)
