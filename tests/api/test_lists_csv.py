"""CSV and JSON of any list (issue 12, as Datasette gives them): the ceasefires, claims, review
queue, an event's and a ceasefire's history, beside the events and the change feed; the CSV has
the JSON's rows, and a cell a spreadsheet would run is neutralised."""

from __future__ import annotations

import csv
from typing import Any

import pytest

pytestmark = pytest.mark.model


def _csv(client: Any, path: str) -> list[dict[str, str]]:
    r = client.get(path, params={"format": "csv"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    return list(csv.DictReader(r.text.splitlines()))


def test_every_list_comes_as_csv_with_the_json_rows(client: Any, tokens: dict[str, str]) -> None:
    truces = client.get("/api/ceasefires").json()["ceasefires"]
    rows = _csv(client, "/api/ceasefires")
    assert [r["id"] for r in rows] == [t["id"] for t in truces]
    assert [r["verdict"] for r in rows] == [t["verdict"]["verdict"] for t in truces]
    claims = client.get("/api/claims").json()["claims"]
    assert claims and [r["claim_id"] for r in _csv(client, "/api/claims")] == [c["claim_id"] for c in claims]
    queue = client.get("/api/review/queue").json()["events"]
    assert [r["event_id"] for r in _csv(client, "/api/review/queue")] == [e["event_id"] for e in queue]
    eid = queue[0]["event_id"]
    r = client.post(f"/api/events/{eid}/review", json={"action": "accept", "reason": "=HYPERLINK(\"x\")"},
                    headers={"Authorization": f"Bearer {tokens['analyst']}"})
    assert r.status_code == 201, r.text
    history = _csv(client, f"/api/events/{eid}/history")
    assert [h["id"] for h in history] == [r.json()["revision"]["id"]]
    assert history[0]["why"] == "'=HYPERLINK(\"x\")" and history[0]["role"] == "analyst"  # no formula runs
    assert _csv(client, f"/api/ceasefires/{truces[0]['id']}/history") == []
    client.post(f"/api/revisions/{r.json()['revision']['id']}/undo", json={"reason": "test done"},
                headers={"Authorization": f"Bearer {tokens['analyst']}"})
    bad = client.get("/api/claims?format=xlsx")
    assert bad.status_code == 422 and bad.json()["parameter"] == "format"
