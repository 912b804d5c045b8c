"""The read endpoints on a store of golden articles, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

pytestmark = pytest.mark.model

SECURITY = {"x-content-type-options": "nosniff"}


def _truce(client: Any) -> dict[str, Any]:
    truces = client.get("/api/ceasefires").json()["ceasefires"]
    assert truces, "the golden articles declare truces"
    return max(truces, key=lambda t: t["articles"])


def test_ceasefires_carry_their_verdict_and_report(client: Any) -> None:
    truce = _truce(client)
    assert truce["declared_by"] == "Russia" and truce["start"] == "2025-05-08T00:00:00+03:00"
    assert truce["verdict"]["verdict"] in {"held", "violations_alleged", "contested", "unknown"}
    report = client.get(f"/api/ceasefires/{truce['id']}").json()
    assert report["schema"] == "trucewatch-report/1" and report["verdict"] == truce["verdict"]
    assert report["counts"]["during"] + report["counts"]["straddling"] == len(report["incidents"])


def test_events_filters_pages_and_forms(client: Any) -> None:
    every = client.get("/api/events?limit=1000").json()
    assert every["total"] == len(every["events"]) > 2
    truce = _truce(client)
    mine = client.get("/api/events", params={"ceasefire": truce["id"]}).json()["events"]
    report = client.get(f"/api/ceasefires/{truce['id']}").json()
    assert {e["event_id"] for e in report["incidents"]} <= {e["event_id"] for e in mine}
    assert all(any(v["ceasefire"] == truce["id"] for v in e["verdicts"]) for e in mine)
    kind = every["events"][0]["event_type"]
    assert all(e["event_type"] == kind for e in client.get("/api/events", params={"event_type": kind}).json()["events"])
    ua = client.get("/api/events", params={"country": "UA", "from": "2025-05-08", "to": "2025-05-12"}).json()
    assert ua["events"] and all(e["country"] == "UA" for e in ua["events"])
    box = client.get("/api/events", params={"bbox": "36,47,39,49.5"}).json()["events"]
    assert all(36 <= e["lon"] <= 39 and 47 <= e["lat"] <= 49.5 for e in box)
    assert all(e["confidence"] >= 0.9 for e in client.get("/api/events?min_confidence=0.9").json()["events"])
    assert all("ru" in e["languages"] for e in client.get("/api/events?language=ru").json()["events"])
    # cursor pagination walks every event once, in time order
    seen, cursor = [], None
    while True:
        got = client.get("/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["event_id"] for e in got["events"]]
        cursor = got["next_cursor"]
        if cursor is None:
            break
    assert seen == [e["event_id"] for e in every["events"]]
    geo = client.get("/api/events?format=geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    assert all(f["geometry"]["type"] == "Point" for f in geo.json()["features"])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events?format=csv").text)))
    assert len(rows) == min(every["total"], 100) and rows[0]["event_id"]


@pytest.mark.parametrize(("query", "parameter"), [
    ("from=yesterday", "from"), ("bbox=1,2,3", "bbox"), ("limit=0", "limit"), ("min_confidence=2", "min_confidence"),
    ("verdict=guilty", "verdict"), ("cursor=%%%", "cursor"), ("format=xml", "format"), ("country=Ukraine", "country"),
    ("from=2025-05-09&to=2025-05-01", "to")])
def test_bad_filter_is_a_422_naming_the_parameter(client: Any, query: str, parameter: str) -> None:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["code"] == "E302" and body["parameter"] == parameter and body["status"] == 422


def test_unknown_ids_are_404_problems(client: Any) -> None:
    for path in ("/api/events/nope", "/api/ceasefires/nope", "/api/articles/nope", "/api/events?ceasefire=nope"):
        r = client.get(path)
        assert r.status_code == 404 and r.json()["code"] == "E308", path


def test_one_event_has_every_report_with_evidence(client: Any) -> None:
    events = client.get("/api/events?limit=1000").json()["events"]
    multi = max(events, key=lambda e: e["reports"])
    assert multi["reports"] >= 2  # ru05 and uk05 report one strike on Kostiantynivka
    detail = client.get(f"/api/events/{multi['event_id']}").json()
    reps = detail["reports_detail"]
    assert len(reps) == multi["reports"] and isinstance(detail["disagreements"], list)
    for rep in reps:
        assert rep["article_id"] and rep["outlet"] and rep["evidence"] and 0 <= rep["confidence"] <= 1
        assert rep["context"] and "acled_event_type" in rep["fields"]
        article = client.get(f"/api/articles/{rep['article_id']}").json()
        for span in rep["evidence"]:
            assert article["text"][span["start"]:span["end"]] == span["text"]
        assert any(s["kind"] == "incident" for s in article["evidence"])


def test_claims_by_party(client: Any) -> None:
    truce = _truce(client)
    got = client.get("/api/claims", params={"ceasefire": truce["id"]}).json()
    report = client.get(f"/api/ceasefires/{truce['id']}").json()
    assert got["by_party"] == {p: len(c) for p, c in report["claims"].items()}


def test_security_headers_and_closed_cors(client: Any) -> None:
    for path in ("/", "/api/events", "/api/events/nope", "/openapi.json"):
        r = client.get(path, headers={"Origin": "https://evil.example"})
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/events", headers={"Origin": "https://evil.example",
                                                 "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}/review", "/api/review/queue"} <= set(schema["paths"])


def test_hostile_article_is_returned_as_data(client: Any) -> None:
    from tests.api.conftest import HOSTILE_OUTLET, HOSTILE_TEXT, HOSTILE_TITLE

    events = client.get("/api/events?limit=1000").json()["events"]
    hostile = [e for e in events if HOSTILE_OUTLET in e["outlets"]]
    assert hostile, "the hostile article reports a strike"
    rep = client.get(f"/api/events/{hostile[0]['event_id']}").json()["reports_detail"]
    mine = next(r for r in rep if r["outlet"] == HOSTILE_OUTLET)
    assert mine["title"] == HOSTILE_TITLE
    article = client.get(f"/api/articles/{mine['article_id']}")
    assert article.headers["content-type"] == "application/json"
    assert HOSTILE_TEXT in article.json()["text"]
