"""German recall and precision (issue 9): regions named by their own name in a language
("Gazastreifen", "Westjordanland", data/admin1_alternates.csv), a place fire came from ("aus dem
Gazastreifen abgefeuert"), an aim whose verb closes its clause ("ihre Angriffe einstellen") and a
verb of violence written as a noun for its victims ("von Verschleppten"). Sentences written for
the tests."""

from __future__ import annotations

import csv
from importlib import resources
from typing import Any

import pytest

from trucewatch.geo.gazetteer import Gazetteer

pytestmark = pytest.mark.model


def _all(analyzer: Any, text: str) -> list[dict[str, Any]]:
    out = analyzer.analyze(text, published="2024-03-12", language="de").to_contract()
    return [i for i in out["incidents"] + out["other_incidents"] if i["context"] == "new"]


def _alternates() -> list[dict[str, str]]:
    text = (resources.files("trucewatch.data") / "admin1_alternates.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(ln for ln in text.splitlines() if ln and not ln.startswith("#")))


@pytest.mark.parametrize("row", _alternates(), ids=lambda r: r["admin1"])
def test_region_alternates_are_sourced_and_find_the_region(row: dict[str, str]) -> None:
    assert row["source"].startswith("https://")
    gazetteer = Gazetteer.open()
    for name in row["alternates"].split("|"):
        found = gazetteer.lookup(name)
        assert any(e.kind == "ADM1" and e.name == row["admin1"] and e.country == row["country"] for e in found), name


@pytest.mark.parametrize(("text", "place"), [
    ("Bei einem Luftangriff im Gazastreifen wurden am Montag drei Menschen getötet.", "Gaza Strip"),
    ("Soldaten haben am Montag im Westjordanland zwei Männer erschossen.", "West Bank"),
])
def test_a_region_named_by_its_german_name(analyzer: Any, text: str, place: str) -> None:
    assert [i["place"] for i in _all(analyzer, text)] == [place]


@pytest.mark.parametrize("text", [
    "Eine aus dem Gazastreifen abgefeuerte Rakete schlug am Montag in einem Wohnhaus in der israelischen "
    "Stadt Aschkelon ein.",
    "Vom Gazastreifen aus wurde am Montag eine Rakete auf die israelische Stadt Aschkelon abgefeuert.",
])
def test_where_fire_came_from_is_not_where_it_hit(analyzer: Any, text: str) -> None:
    assert [i["place"] for i in _all(analyzer, text)] == ["Ashkelon"]


@pytest.mark.parametrize("text", [
    "Die Miliz im Jemen will ihre Angriffe auf Schiffe im Roten Meer einstellen.",
    "Im Gazastreifen halten Bewaffnete noch die Leichen von Verschleppten fest.",
])
def test_an_aim_and_the_victims_named_by_a_verb_are_no_event(analyzer: Any, text: str) -> None:
    assert _all(analyzer, text) == []
