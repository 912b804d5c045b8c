"""The analyst's place search (``GET /api/places``): the gazetteer's places whose name, in any
of its languages, starts with what was typed; exact names first, then by population."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def test_place_search_in_several_scripts(client: Any) -> None:
    latin = client.get("/api/places", params={"q": "kramators"}).json()["places"]
    assert latin[0]["name"] == "Kramatorsk" and latin[0]["country"] == "UA"
    assert abs(latin[0]["lat"] - 48.72) < 0.1 and abs(latin[0]["lon"] - 37.56) < 0.1
    cyrillic = client.get("/api/places", params={"q": "Краматорськ"}).json()["places"]
    assert cyrillic and cyrillic[0]["geonames_id"] == latin[0]["geonames_id"]
    exact = client.get("/api/places", params={"q": "Sumy", "limit": 3}).json()["places"]
    assert len(exact) <= 3 and exact[0]["name"] == "Sumy"


def test_place_search_refuses_what_it_cannot_search(client: Any) -> None:
    for query in ({"q": "K"}, {}, {"q": "Kyiv", "limit": 0}):
        r = client.get("/api/places", params=query)
        assert r.status_code == 422, r.text
        assert r.json()["parameter"] in {"q", "limit"}
