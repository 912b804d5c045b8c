"""Reviews outside the API: they win in the ACLED export and the truce report, a re-ingest and a
full rebuild leave them standing, and they export as labelled data (trucewatch review export)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.api.conftest import GOLDEN_NAMES
from tests.conftest import golden_jsonl

pytestmark = pytest.mark.model


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


def _review(client: Any, token: str, eid: str, body: dict[str, Any]) -> str:
    r = client.post(f"/api/events/{eid}/review", json=body, headers=_auth(token))
    assert r.status_code == 201, r.text
    return str(r.json()["revision"]["id"])


def test_reviews_win_in_exports_survive_reingest_and_export_as_labels(
        client: Any, tokens: dict[str, str], api_store: str, analyzer: Any, tmp_path: Path) -> None:
    from trucewatch.cli.main import cli
    from trucewatch.config import Settings
    from trucewatch.corroborate.rebuild import rebuild
    from trucewatch.monitor import ingest
    from trucewatch.store.db import Store

    events = client.get("/api/events?limit=1000").json()["events"]
    edited, gone = events[0]["event_id"], events[1]["event_id"]
    done = [_review(client, tokens["analyst"], edited, {"action": "edit", "reason": "the governor's toll", "values": {
        "fatalities_low": 41, "fatalities_best": 42, "fatalities_high": 43}}),
        _review(client, tokens["analyst"], gone, {"action": "reject", "reason": "a recap"})]
    try:
        with Store.open(api_store) as store:  # the same articles again, then every derived row anew
            ingest([str(golden_jsonl(GOLDEN_NAMES, tmp_path / "again.jsonl"))], store, analyzer)
            rebuild(store, settings=Settings.load(), full=True)
        assert client.get(f"/api/events/{edited}").json()["fatalities_best"] == 42
        runner = CliRunner()
        out = tmp_path / "acled.csv"
        r = runner.invoke(cli, ["export", "--format", "acled", "--db", api_store, "--out", str(out)])
        assert r.exit_code == 0, r.output
        rows = {row["event_id_cnty"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
        assert rows[f"TW{edited}"]["fatalities"] == "41" and f"TW{gone}" not in rows
        labels = tmp_path / "labels.jsonl"
        r = runner.invoke(cli, ["review", "export", "--db", api_store, "--out", str(labels)])
        assert r.exit_code == 0, r.output
        got = {d["event_id"]: d for d in map(json.loads, labels.read_text(encoding="utf-8").splitlines())}
        lab = got[edited]
        assert lab["schema"] == "trucewatch-review-labels/1" and lab["status"] == "edited"
        assert lab["label"]["fatalities_best"] == 42 and lab["machine"]["fatalities_best"] != 42
        assert lab["reviewed_fields"] == ["fatalities_best", "fatalities_high", "fatalities_low"]
        assert lab["reasons"] == ["the governor's toll"] and lab["reviewer_role"] == "analyst"
        assert lab["reports"] and all(s["text"] for rep in lab["reports"] for s in rep["evidence"])
        assert got[gone]["status"] == "rejected" and got[gone]["label"] is None
    finally:
        for rid in done:
            client.post(f"/api/revisions/{rid}/undo", json={"reason": "test done"}, headers=_auth(tokens["analyst"]))
