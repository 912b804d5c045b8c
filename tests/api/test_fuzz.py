"""No query string, path or body makes the API answer a 5xx (hypothesis, in place of a schema
fuzzer): every refusal is a 4xx problem document."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model

PARAMS = ["from", "to", "bbox", "event_type", "country", "verdict", "ceasefire", "language", "min_confidence",
          "cursor", "limit", "format"]
text = st.one_of(st.text(max_size=40), st.sampled_from(["nan,nan,nan,nan", "1e999", "-0", "2025-05-08", "inf",
                                                        "W1tdXQ", "bnVsbA", "e30", "180,-90,-180,90", "a\x00b"]))
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _ok(r: Any) -> None:
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert r.headers["content-type"] == "application/problem+json" and r.json()["code"]


@FUZZ
@given(st.dictionaries(st.sampled_from(PARAMS), text, max_size=5))
def test_fuzz_event_filters(client: Any, query: dict[str, str]) -> None:
    _ok(client.get("/api/events", params=query))


@FUZZ
@given(st.text(min_size=1, max_size=30), st.sampled_from(["events", "ceasefires", "articles", "events/{}/history"]))
def test_fuzz_paths(client: Any, ident: str, kind: str) -> None:
    path = kind.format(quote(ident, safe="")) if "{}" in kind else f"{kind}/{quote(ident, safe='')}"
    _ok(client.get(f"/api/{path}"))


scalar = st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
edit = st.dictionaries(st.sampled_from(["fatalities_best", "lat", "lon", "time_earliest", "context", "x"]), scalar,
                       max_size=3)
body = st.dictionaries(st.sampled_from(["action", "reason", "values"]),
                       st.one_of(st.sampled_from(["accept", "reject", "edit"]), scalar, st.none(), edit), max_size=3)


@FUZZ
@given(st.one_of(st.none(), st.integers(), st.text(max_size=20), body))
def test_fuzz_review_bodies(client: Any, tokens: dict[str, str], body: Any) -> None:
    eid = client.get("/api/events?limit=1").json()["events"][0]["event_id"]
    _ok(client.post(f"/api/events/{eid}/review", json=body, headers={"Authorization": f"Bearer {tokens['analyst']}"}))


def test_nul_characters_are_refused_not_stored(client: Any, tokens: dict[str, str]) -> None:
    eid = client.get("/api/events?limit=1").json()["events"][0]["event_id"]
    for r in (client.get("/api/events/a%00b"), client.get("/api/events?event_type=a%00b"),
              client.post(f"/api/events/{eid}/review", json={"action": "accept", "reason": "a\x00b"},
                          headers={"Authorization": f"Bearer {tokens['analyst']}"})):
        assert r.status_code == 422 and r.json()["code"] == "E302", r.text


geometry = st.dictionaries(st.sampled_from(["type", "coordinates", "features", "geometry"]),
                           st.one_of(scalar, st.sampled_from(["Polygon", "LineString", "Feature"]),
                                     st.lists(st.lists(st.one_of(scalar, st.lists(scalar, max_size=3)), max_size=4),
                                              max_size=3)), max_size=3)
zone = st.dictionaries(st.sampled_from(["country", "region", "geojson", "line", "buffer_km"]),
                       st.one_of(scalar, st.none(), geometry), max_size=3)
truce = st.dictionaries(st.sampled_from(["declared_by", "parties", "start", "end", "zone", "note", "reason", "x"]),
                        st.one_of(scalar, st.none(), st.lists(scalar, max_size=3), zone,
                                  st.sampled_from(["2025-03-01T00:00:00+02:00", "2025-03-01"])), max_size=7)


@FUZZ
@given(st.one_of(st.none(), st.integers(), truce))
def test_fuzz_ceasefire_bodies(client: Any, tokens: dict[str, str], body: Any) -> None:
    _ok(client.post("/api/ceasefires", json=body, headers={"Authorization": f"Bearer {tokens['analyst']}"}))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from(["application/json", "application/x-ndjson", "text/csv",
                                                  "application/rss+xml", "text/html", "text/plain", "image/png"]),
       st.one_of(st.none(), st.text(max_size=20)))
def test_fuzz_ingest_bodies(client: Any, tokens: dict[str, str], data: bytes, media: str, name: str | None) -> None:
    params = {"name": name} if name is not None else {}
    _ok(client.post("/api/articles", content=data, params=params,
                    headers={"Authorization": f"Bearer {tokens['analyst']}", "Content-Type": media}))
