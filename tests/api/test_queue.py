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
