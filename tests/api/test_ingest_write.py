"""The API's write endpoints beyond reviews: ingest an article (JSON) or a saved file (a feed,
JSON lines, CSV) through the ingest's own readers, each article's outcome answered, and a
ceasefire added by an analyst, listed and judged like the others, with its history and undo.
The sentences are this test's own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.model

KHARKIV = ("Russian drones struck an apartment block in Kharkiv on 3 March 2025, killing three civilians and "
           "wounding eleven others, the regional governor said on Tuesday.")
SUMY = ("Russian artillery shelled a market in Sumy on 6 March 2025, killing two people, local officials said "
        "on Thursday.")
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Wire</title>
<item><title>Shelling in Sumy</title><description>{sumy}</description>
<pubDate>Thu, 06 Mar 2025 18:00:00 GMT</pubDate><link>https://example.invalid/sumy</link></item>
<item><pubDate>Thu, 06 Mar 2025 19:00:00 GMT</pubDate></item>
</channel></rss>"""


def _auth(bearer: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {bearer}"}


@pytest.fixture(scope="module")
def served(module_store_url: str) -> Iterator[tuple[Any, dict[str, str], Any]]:
    """An app over an empty store, whose analyser is not loaded yet: (client, tokens, app)."""
    from fastapi.testclient import TestClient

    from trucewatch.api.app import create_app
    from trucewatch.store.db import Store
    from trucewatch.store.review import add_token

    app = create_app(module_store_url)
    with Store.open(module_store_url) as store:
        tokens = {role: add_token(store.conn, f"t-{role}", role)[1]  # type: ignore[arg-type]
                  for role in ("reader", "analyst", "admin")}
    with TestClient(app) as c:
        yield c, tokens, app


def _events_near(client: Any, place: str) -> list[dict[str, Any]]:
    events = client.get("/api/events", params={"from": "2025-03-01", "to": "2025-03-10", "limit": 1000}).json()
    return [e for e in events["events"] if e["place"] == place]


def test_ingest_json_article_then_see_its_event_and_models_load_once(served: tuple[Any, dict[str, str], Any]) -> None:
    client, tokens, app = served
    body = {"text": KHARKIV, "published": "2025-03-04", "outlet": "Test Wire", "title": "Drones hit Kharkiv"}
    assert app.state.ingestor.loads == 0  # the server starts without the models
    r = client.post("/api/articles", json=body, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["stored"] == 1 and [x["status"] for x in out["results"]] == ["stored"]
    aid = out["results"][0]["article_id"]
    assert client.get(f"/api/articles/{aid}").json()["outlet"] == "Test Wire"
    assert _events_near(client, "Kharkiv"), "the article's event is listed"
    again = client.post("/api/articles", json=body, headers=_auth(tokens["admin"]))
    assert again.status_code == 200 and again.json()["results"][0]["status"] == "already stored"
    assert app.state.ingestor.loads == 1  # loaded once, by the first ingest


def test_ingest_a_saved_feed_stores_the_good_entry_and_names_the_bad(served: tuple[Any, dict[str, str], Any]) -> None:
    client, tokens, _ = served
    r = client.post("/api/articles", params={"name": "wire.rss"}, content=FEED.format(sumy=SUMY).encode(),
                    headers={**_auth(tokens["analyst"]), "Content-Type": "application/rss+xml"})
    assert r.status_code == 201, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["stored", "failed"]
    assert results[0]["source"] == "upload:wire.rss#1"
    assert results[1]["source"] == "upload:wire.rss#2" and results[1]["code"] == "E108"
    assert _events_near(client, "Sumy"), "the feed entry's event is listed"


def test_a_malformed_jsonl_line_fails_alone(served: tuple[Any, dict[str, str], Any]) -> None:
    client, tokens, _ = served
    good = json.dumps({"text": KHARKIV.replace("eleven", "twelve"), "published": "2025-03-04"})
    lines = "\n".join([good, '{"text": "broken', json.dumps({"title": "no text here"})]).encode()
    r = client.post("/api/articles", content=lines,
                    headers={**_auth(tokens["analyst"]), "Content-Type": "application/x-ndjson"})
    assert r.status_code == 201, r.text
    results = r.json()["results"]
    assert [(x["status"], x["code"]) for x in results] == [("stored", None), ("failed", "E106"), ("failed", "E106")]
    assert [x["source"] for x in results] == ["request body:1", "request body:2", "request body:3"]


@pytest.mark.parametrize(("content_type", "body", "code"), [
    ("text/csv", b"headline,when\nSomething happened,2025-03-04\n", "E109"),  # no text column
    ("application/json", b"[1, 2]", "E106"),
    ("application/json", b"", "E101"),
    ("application/rss+xml", b"<rss><channel></channel></rss>", "E108"),
])
def test_an_upload_with_no_article_is_a_422_naming_the_body(
        served: tuple[Any, dict[str, str], Any], content_type: str, body: bytes, code: str) -> None:
    client, tokens, _ = served
    r = client.post("/api/articles", content=body, headers={**_auth(tokens["analyst"]), "Content-Type": content_type})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == code and r.json()["parameter"] == "body"


def test_an_upload_past_the_byte_bound_is_refused(served: tuple[Any, dict[str, str], Any]) -> None:
    from dataclasses import replace

    client, tokens, app = served
    ingestor = app.state.ingestor
    kept = ingestor._settings
    ingestor._settings = replace(ingestor.settings, max_source_bytes=100)
    try:
        r = client.post("/api/articles", json={"text": KHARKIV}, headers=_auth(tokens["analyst"]))
    finally:
        ingestor._settings = kept
    assert r.status_code == 422 and r.json()["code"] == "E110", r.text


def test_ingest_needs_an_analyst_and_a_type_it_reads(served: tuple[Any, dict[str, str], Any]) -> None:
    client, tokens, _ = served
    body = {"text": SUMY}
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers=_auth(tokens["reader"])).status_code == 403
    r = client.post("/api/articles", content=b"x", headers={**_auth(tokens["analyst"]), "Content-Type": "image/png"})
    assert r.status_code == 415 and r.json()["parameter"] == "content-type"


TRUCE = {"declared_by": "Ukraine", "parties": ["Russia", "Ukraine"], "start": "2025-03-02T00:00:00+02:00",
         "end": "2025-03-08T00:00:00+02:00", "zone": {"country": "ua"}, "note": "a test's own truce",
         "reason": "announced by both sides"}


def test_add_a_ceasefire_see_it_judged_then_undo(served: tuple[Any, dict[str, str], Any], module_store_url: str,
                                                  tmp_path: Path) -> None:
    from click.testing import CliRunner

    from trucewatch.cli.main import cli

    client, tokens, _ = served
    assert client.post("/api/ceasefires", json=TRUCE).status_code == 401
    assert client.post("/api/ceasefires", json=TRUCE, headers=_auth(tokens["reader"])).status_code == 403
    client.post("/api/articles", json={"text": KHARKIV, "published": "2025-03-04"}, headers=_auth(tokens["analyst"]))
    r = client.post("/api/ceasefires", json=TRUCE, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    added = r.json()["ceasefire"]
    cid = added["id"]
    assert added["scope_country"] == "UA" and added["parties"] == ["Russia", "Ukraine"]
    listed = {c["id"]: c for c in client.get("/api/ceasefires").json()["ceasefires"]}
    assert listed[cid]["verdict"]["verdict"] == "violations_alleged", listed[cid]["verdict"]
    report = client.get(f"/api/ceasefires/{cid}").json()
    assert any(i["place"] == "Kharkiv" for i in report["incidents"]), report["incidents"]
    inside = client.get("/api/events", params={"ceasefire": cid, "limit": 1000}).json()["events"]
    assert any(e["place"] == "Kharkiv" for e in inside)
    done = CliRunner().invoke(cli, ["report", cid, "--db", module_store_url, "--out", str(tmp_path), "--format", "json",
                                    "--registry", str(tmp_path / "none.yaml")])
    assert done.exit_code == 0, done.output
    cli_report = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    assert cli_report["verdict"]["verdict"] == "violations_alleged"  # `trucewatch report` judges it alike
    history = client.get(f"/api/ceasefires/{cid}/history").json()["revisions"]
    assert [(h["action"], h["why"], h["role"]) for h in history] == [("add", TRUCE["reason"], "analyst")]
    feed = client.get("/api/changes", params={"kind": "ceasefire"}).json()["changes"]
    assert ("created", cid) in [(c["action"], c["id"]) for c in feed]
    undo = client.post(f"/api/revisions/{r.json()['revision']['id']}/undo", json={"reason": "a duplicate"},
                       headers=_auth(tokens["analyst"]))
    assert undo.status_code == 201, undo.text
    assert cid not in {c["id"] for c in client.get("/api/ceasefires").json()["ceasefires"]}
    assert client.get(f"/api/ceasefires/{cid}").status_code == 404
    feed = client.get("/api/changes", params={"kind": "ceasefire"}).json()["changes"]
    assert ("deleted", cid) in [(c["action"], c["id"]) for c in feed]


def test_a_ceasefire_zone_drawn_as_geojson_judges_by_the_polygon(served: tuple[Any, dict[str, str], Any]) -> None:
    client, tokens, _ = served
    client.post("/api/articles", json={"text": KHARKIV, "published": "2025-03-04"}, headers=_auth(tokens["analyst"]))
    around_odesa = {"type": "Polygon", "coordinates": [[[30.0, 46.0], [31.5, 46.0], [31.5, 47.0], [30.0, 47.0],
                                                        [30.0, 46.0]]]}
    body = {**TRUCE, "zone": {"geojson": around_odesa}}
    r = client.post("/api/ceasefires", json=body, headers=_auth(tokens["analyst"]))
    assert r.status_code == 201, r.text
    report = client.get(f"/api/ceasefires/{r.json()['ceasefire']['id']}").json()
    assert not any(i["place"] == "Kharkiv" for i in report["incidents"]), "Kharkiv lies outside the polygon"


@pytest.mark.parametrize(("change", "parameter"), [
    ({"start": "2025-03-02T00:00:00"}, "start"),  # no UTC offset
    ({"end": "2025-03-01T00:00:00+02:00"}, "request"),  # ends before it starts
    ({"zone": {"region": "Kharkiv"}}, "zone"),  # a region without its country
    ({"zone": {"geojson": {"type": "Point", "coordinates": [30.0, 46.0]}}}, "zone.geojson"),
    ({"zone": {"geojson": {"type": "Polygon", "coordinates": "nonsense"}}}, "zone.geojson"),
    ({"zone": {"line": {"type": "LineString", "coordinates": [[300.0, 46.0], [301.0, 47.0]]}}}, "zone.line"),
    ({"reason": ""}, "reason"),
])
def test_a_ceasefire_the_judge_could_not_use_is_a_422(
        served: tuple[Any, dict[str, str], Any], change: dict[str, Any], parameter: str) -> None:
    client, tokens, _ = served
    r = client.post("/api/ceasefires", json={**TRUCE, **change}, headers=_auth(tokens["analyst"]))
    assert r.status_code == 422, r.text
    assert r.json()["parameter"] == parameter, r.json()
