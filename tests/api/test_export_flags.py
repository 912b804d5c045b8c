"""Every export row says whether an analyst reviewed it, and in which role: ACLED and UCDP
(per event and per report), PLOVER, GeoJSON and Parquet, in extra columns after the standard
ones; a rejected event's rows are left out; a machine row says reviewed = false."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from trucewatch.export.formats import ACLED_COLUMNS, UCDP_COLUMNS, write
from trucewatch.review.exported import REVIEW_COLUMNS
from trucewatch.store.db import Store

pytestmark = pytest.mark.model


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


@pytest.fixture
def reviewed(client: Any, tokens: dict[str, str]) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(an event edited by an admin, one rejected by an analyst, one untouched); undone after."""
    events = client.get("/api/events?limit=1000").json()["events"]
    edited, gone, machine = events[0], events[1], events[2]
    done = []
    for eid, who, body in ((edited["event_id"], "admin", {"action": "edit", "reason": "the governor's toll",
                                                           "values": {"fatalities_low": 7, "fatalities_high": 9}}),
                           (gone["event_id"], "analyst", {"action": "reject", "reason": "an anniversary recap"})):
        r = client.post(f"/api/events/{eid}/review", json=body, headers=_auth(tokens[who]))
        assert r.status_code == 201, r.text
        done.append(r.json()["revision"]["id"])
    try:
        yield edited, gone, machine
    finally:
        for rid in done:
            client.post(f"/api/revisions/{rid}/undo", json={"reason": "test done"}, headers=_auth(tokens["analyst"]))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _keys(client: Any, eid: str) -> set[tuple[str, str]]:
    return {(r["article_id"], r["incident"]) for r in client.get(f"/api/events/{eid}").json()["reports_detail"]}


def test_event_rows_say_reviewed_and_the_role(client: Any, api_store: str, reviewed: Any, tmp_path: Path) -> None:
    edited, gone, machine = reviewed
    with Store.open(api_store) as store:
        write("acled", store, tmp_path / "acled.csv")
        write("ucdp", store, tmp_path / "ged.csv")
    acled = {r["event_id_cnty"]: r for r in _rows(tmp_path / "acled.csv")}
    assert list(next(iter(acled.values()))) == [*ACLED_COLUMNS, *REVIEW_COLUMNS]  # extras after ACLED's own
    row = acled[f"TW{edited['event_id']}"]
    assert (row["reviewed"], row["review_status"], row["reviewer_role"], row["fatalities"]) == (
        "true", "edited", "admin", "7")
    plain = acled[f"TW{machine['event_id']}"]
    assert (plain["reviewed"], plain["review_status"], plain["reviewer_role"]) == ("false", "", "")
    assert f"TW{gone['event_id']}" not in acled
    ged = {r["id"]: r for r in _rows(tmp_path / "ged.csv")}
    assert list(next(iter(ged.values()))) == [*UCDP_COLUMNS, *REVIEW_COLUMNS]
    assert (ged[edited["event_id"]]["reviewed"], ged[edited["event_id"]]["reviewer_role"]) == ("true", "admin")
    assert (ged[edited["event_id"]]["low"], ged[edited["event_id"]]["high"]) == ("7", "9")
    assert ged[machine["event_id"]]["reviewed"] == "false" and gone["event_id"] not in ged


def test_report_rows_say_their_events_review(client: Any, api_store: str, reviewed: Any, tmp_path: Path) -> None:
    edited, gone, machine = reviewed
    mine, rejected, plain = (_keys(client, e["event_id"]) for e in (edited, gone, machine))
    with Store.open(api_store) as store:
        write("acled", store, tmp_path / "reports.csv", per="report")
        write("geojson", store, tmp_path / "reports.geojson")
        write("parquet", store, tmp_path / "reports.parquet")
        write("plover", store, tmp_path / "plover.jsonl")
    per_report = _rows(tmp_path / "reports.csv")
    assert {(r["reviewed"], r["reviewer_role"]) for r in per_report if r["reviewed"] == "true"} == {("true", "admin")}
    table = {(r["article_id"], r["incident"]): r for r in pq.read_table(tmp_path / "reports.parquet").to_pylist()}
    assert all(table[k]["reviewed"] is True and table[k]["reviewer_role"] == "admin" for k in mine)
    assert all(table[k]["reviewed"] is False and table[k]["reviewer_role"] is None for k in plain)
    assert not rejected & set(table)  # a rejected event's reports leave the exports, as the event does
    feats = {(f["properties"]["article_id"], f["properties"]["id"]): f["properties"]
             for f in json.loads((tmp_path / "reports.geojson").read_text(encoding="utf-8"))["features"]}
    assert mine & set(feats) and all(feats[k]["reviewed"] is True and feats[k]["review_status"] == "edited"
                                     for k in mine & set(feats))
    assert all(feats[k]["reviewed"] is False for k in plain & set(feats)) and not rejected & set(feats)
    plover = [json.loads(line) for line in (tmp_path / "plover.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(set(REVIEW_COLUMNS) <= set(e) for e in plover)
    ids = {e["event_id"]: e for e in plover}
    assert all(ids[f"{a}-{i}"]["reviewer_role"] == "admin" for a, i in mine)
    assert all(ids[f"{a}-{i}"]["reviewed"] is False for a, i in plain)
    assert not {f"{a}-{i}" for a, i in rejected} & set(ids)


def test_api_lists_say_reviewed_and_the_role(client: Any, reviewed: Any) -> None:
    edited, _, machine = reviewed
    rows = {r["event_id"]: r for r in csv.DictReader(client.get("/api/events?format=csv&limit=1000").text.splitlines())}
    assert (rows[edited["event_id"]]["reviewed"], rows[edited["event_id"]]["reviewer_role"]) == ("true", "admin")
    assert (rows[machine["event_id"]]["reviewed"], rows[machine["event_id"]]["reviewer_role"]) == ("false", "")
    # the map form carries "reviewed" only; every field, the role too, with properties=full
    full = client.get("/api/events?format=geojson&properties=full&limit=1000").json()["features"]
    feats = {f["id"]: f["properties"] for f in full}
    if edited["event_id"] in feats:
        assert feats[edited["event_id"]]["reviewer_role"] == "admin" and feats[edited["event_id"]]["reviewed"] is True
    one = client.get(f"/api/events/{edited['event_id']}").json()
    assert (one["reviewed"], one["reviewer_role"], one["review_status"]) == (True, "admin", "edited")
