"""German recall (issue 9): compounds whose head is a word of violence, the arson verb, a place
named only as the point a distance is measured from, a ministry's seat, and a date without a
year that lies in the past. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from trucewatch.nlp.lexicon import PhraseSet, shadow
from trucewatch.temporal.points import Point
from trucewatch.temporal.resolve import resolve_date

pytestmark = pytest.mark.model


def _incidents(analyzer: Any, text: str) -> list[dict[str, Any]]:
    out = analyzer.analyze(text, published="2024-03-12", language="de").to_contract()
    return list(out["incidents"])


@pytest.mark.parametrize(("text", "found"), [
    ("Artilleriebeschusses", ["artilleriebeschusses"]),  # a compound's head
    ("der Beschuss", ["beschuss"]),
    ("Luftangriffe", ["luftangriffe"]),  # the phrase that spells the compound out wins
])
def test_lexicon_compound_heads_match_after_any_first_part(text: str, found: list[str]) -> None:
    ps = PhraseSet({"*beschuss*": "head", "luftangriff*": "air", "beschuss*": "word"})
    hits = ps.finditer(shadow(text))
    assert [shadow(text)[h.start:h.end] for h in hits] == found
    if text == "Luftangriffe":
        assert hits[0].phrase == "luftangriff*"


def test_a_day_without_a_year_that_happened_is_not_ahead() -> None:
    p = Point(0, 10, day=7, month=10)
    assert resolve_date(p, date(2024, 5, 8), future=False) == date(2023, 10, 7)
    assert resolve_date(p, date(2024, 10, 5), future=False) == date(2023, 10, 7)
    assert resolve_date(p, date(2024, 10, 6), future=False) == date(2024, 10, 7)  # a day's clock aside


@pytest.mark.parametrize(("text", "place", "sub_type"), [
    ("Bei einem nächtlichen Raketenbeschuss auf Charkiw wurden zwei Menschen getötet.", "Kharkiv",
     "Shelling/artillery/missile attack"),
    ("In Butscha, etwa 25 Kilometer nordwestlich von Kiew, haben Soldaten am Montag mehrere Häuser angezündet.",
     "Bucha", "Looting/property destruction"),
])
def test_german_compounds_arson_and_a_distance_from_a_city(analyzer: Any, text: str, place: str,
                                                            sub_type: str) -> None:
    found = _incidents(analyzer, text)
    assert [(i["place"], i["acled_sub_event_type"]) for i in found] == [(place, sub_type)]


def test_a_ministry_in_a_city_speaks_from_its_seat(analyzer: Any) -> None:
    text = "Bei einem Luftangriff wurden nach Angaben des Gesundheitsministeriums in Ramallah fünf Menschen getötet."
    assert [i["place"] for i in _incidents(analyzer, text)] == [None]


@pytest.mark.parametrize(("text", "place"), [
    ("Hunderte Demonstranten haben am Montag an der Universität Bremen ein Protestcamp errichtet und "
     "wurden von der Polizei mit Wasserwerfern vertrieben.", "Bremen"),
    ("Am Sonntag wurden in Malmö bei einer Kundgebung gegen den Krieg zwei Polizisten verletzt.", "Malmö"),
])
def test_a_city_abroad_by_its_own_name_after_a_word_of_place(analyzer: Any, text: str, place: str) -> None:
    assert [i["place"] for i in _incidents(analyzer, text)] == [place]



@pytest.mark.parametrize(("text", "language", "places"), [
    ("A drone hit a village 60 km south of Kharkiv on Monday, killing two.", "en", [None]),
    ("A drone hit a village 40 miles south of Kharkiv on Monday, killing two.", "en", [None]),
    ("A drone hit a village 5 km from Kharkiv on Monday, killing two.", "en", ["Kharkiv"]),
    ("Un drone a frappé un village à 60 km au sud de Kharkiv lundi, tuant deux personnes.", "fr", [None]),
    ("Eine Drohne traf am Montag ein Dorf 60 Kilometer südlich von Charkiw, zwei Menschen wurden getötet.", "de",
     [None]),
])
def test_a_city_far_from_the_scene_is_no_place_of_it(analyzer: Any, text: str, language: str,
                                                      places: list[str | None]) -> None:
    """'60 km south of Kharkiv': the scene is not Kharkiv, nor near it; 5 km from it, it is near."""
    a = analyzer.analyze(text, published="2024-10-14", language=language)
    assert [i.place.name if i.place else None for i in a.incidents] == places, a.incidents
