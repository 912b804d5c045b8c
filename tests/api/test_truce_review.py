"""Correcting a ceasefire (window, zone, parties): a revision with who, when and why, a history
and undo; the corrected truce is what the API's report, the events list and `trucewatch
report` show, its events judged again against it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.model


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


def test_ceasefire_correction_is_a_revision_that_wins_and_undoes(
        client: Any, tokens: dict[str, str], api_store: str, tmp_path: Path) -> None:
    from trucewatch.cli.main import cli

    truce = max(client.get("/api/ceasefires").json()["ceasefires"], key=lambda t: t["articles"])
    path = f"/api/ceasefires/{truce['id']}"
    before = client.get(path).json()
    assert before["incidents"], "the golden truce has incidents during it"
    start = datetime.fromisoformat(truce["start"])
    end = (start + timedelta(minutes=1)).isoformat()  # a one-minute truce: nothing happened during it
    body = {"reason": "the decree's own text: one minute", "values": {"end": end, "declared_by": "Russia",
                                                                      "scope_country": "ua"}}
    assert client.post(f"{path}/review", json=body).status_code == 401
    assert client.post(f"{path}/review", json=body, headers=_auth(tokens["reader"])).status_code == 403
    bad = {"reason": "x", "values": {"end": truce["start"]}}
    assert client.post(f"{path}/review", json={**bad, "values": {"start": end, "end": truce["start"]}},
                       headers=_auth(tokens["analyst"])).status_code == 422
    r = client.post(f"{path}/review", json=body, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    rid = r.json()["revision"]["id"]
    try:
        after = client.get(path).json()
        assert after["ceasefire"]["end"] == end and after["ceasefire"]["scope_country"] == "UA"
        assert len(after["incidents"]) < len(before["incidents"])
        listed = client.get("/api/events", params={"ceasefire": truce["id"], "limit": 1000}).json()["events"]
        assert len(listed) < len(client.get("/api/events?limit=1000").json()["events"])
        hist = client.get(f"{path}/history").json()["revisions"]
        assert [h["why"] for h in hist] == [body["reason"]] and hist[0]["role"] == "analyst"
        out = tmp_path / "reports"
        done = CliRunner().invoke(cli, ["report", truce["id"], "--db", api_store, "--out", str(out),
                                        "--format", "json"])
        assert done.exit_code == 0, done.output
        report = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
        assert report["ceasefire"]["end"] == end and len(report["incidents"]) == len(after["incidents"])
    finally:
        undo = client.post(f"/api/revisions/{rid}/undo", json={"reason": "test done"}, headers=_auth(tokens["analyst"]))
        assert undo.status_code == 201
    assert client.get(path).json() == before
