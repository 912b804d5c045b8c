"""Places across languages: inflected Slavic names reach the gazetteer through their dictionary
forms, region adjectives name the region, and the curated front-line supplement is in the built
gazetteer with a source for every row."""

from __future__ import annotations

import csv
from importlib import resources
from typing import Any

import pytest

from trucewatch.geo.gazetteer import Gazetteer
from trucewatch.nlp.morph import place_forms

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("surface", "language", "form"), [
    ("Херсоні", "uk", "херсон"),
    ("Новій Каховці", "uk", "нова каховка"),
    ("Бахмутом", "uk", "бахмут"),
    ("Новой Каховке", "ru", "новая каховка"),
    ("Краматорске", "ru", "краматорск"),
    ("Сумах", "ru", "сумы"),
])
def test_place_forms_give_the_nominative(surface: str, language: str, form: str) -> None:
    assert form in place_forms(surface, language)


def test_place_forms_only_for_morphology_languages() -> None:
    assert place_forms("Kherson", "en") == ()


def _supplement() -> list[dict[str, str]]:
    text = (resources.files("trucewatch.data") / "places_supplement.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(ln for ln in text.splitlines() if ln and not ln.startswith("#")))


@pytest.mark.parametrize("row", _supplement(), ids=lambda r: r["name"])
def test_supplement_rows_are_sourced_and_found_by_every_name(row: dict[str, str]) -> None:
    assert row["source"].startswith("https://")
    gazetteer = Gazetteer.open()
    for name in [row["name"], *row["alternates"].split("|")]:
        assert any(e.id == int(row["id"]) for e in gazetteer.lookup(name)), name


@pytest.mark.parametrize(("text", "language", "place", "precision"), [
    ("У ніч на неділю російські війська обстріляли Кліщіївку, загинули двоє військових.", "uk",
     "Klishchiivka", 1),
    ("Ночью российская армия обстреляла Херсонскую область, погиб один человек.", "ru", "Kherson", 3),
    ("Вночі окупанти атакували дронами Запорізьку область, поранено жінку.", "uk", "Zaporizhia", 3),
])
def test_inflected_places_and_regions_are_geocoded(analyzer: Any, text: str, language: str, place: str,
                                                   precision: int) -> None:
    out = analyzer.analyze(text, published="2025-04-20", language=language).to_contract()
    [incident] = out["incidents"]
    assert (incident["place"], incident["geo_precision"]) == (place, precision)


@pytest.mark.parametrize(("text", "language", "place", "geo", "where"), [
    ("On 3 May 2023, a Russian rocket fell in the Uman district, Cherkasy. 2 civilians were wounded.",
     "en", "Uman", 2, 3),
    ("On 3 May 2023, Russian forces shelled Ukrainian positions in the Kherson direction.", "en", "Kherson", 3, 4),
    ("On 3 May 2023, Russian forces shelled Ukrainian positions near Bakhmut.", "en", "Bakhmut", 2, 2),
    ("3 мая российские войска обстреляли позиции ВСУ на Бахмутском направлении.", "ru", "Bakhmut", 2, 3),
])
def test_precision_codes_follow_the_wording(analyzer: Any, text: str, language: str, place: str, geo: int,
                                            where: int) -> None:
    out = analyzer.analyze(text, published="2023-05-04", language=language).to_contract()
    [incident] = out["incidents"]
    assert (incident["place"], incident["geo_precision"], incident["where_prec"]) == (place, geo, where)


@pytest.mark.parametrize(("context", "admin1"), [
    ("Russian forces shelled Bakhmut and Soledar on Monday. ", "Donetsk"),  # near the other places
    ("", "Kharkiv"),  # nothing else named: the largest homonym
])
def test_homonym_near_the_articles_other_places(analyzer: Any, context: str, admin1: str) -> None:
    text = context + "Near Andriivka, two soldiers were killed by Russian artillery fire on Monday."
    out = analyzer.analyze(text, published="2022-07-05", language="en").to_contract()
    assert out["incidents"][-1]["admin1"] == admin1


@pytest.mark.parametrize(("text", "language", "places"), [
    ("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv on Tuesday, killing two.", "en", ["Kharkiv"]),
    ("PRAGUE  The Czech Defense Ministry says companies will repair equipment damaged in fighting.", "en", []),
    # neither France (the speaker) nor, since issue 9, a country-wide demand with no toll or date is an incident
    ("Frankreichs Präsident Emmanuel Macron forderte die Hisbollah auf, die Angriffe auf Israel einzustellen.", "de",
     []),
    ("Wegen der Offensive setzte Washington eine Lieferung von Bomben an Israel aus.", "de", []),
    ("Russian missiles damaged the Babyn Yar memorial site in Kyiv on Monday.", "en", ["Kyiv"]),
    ("On Monday, Russian soldiers looted shops in Russian-held Chaplynka, Kherson.", "en", ["Chaplynka"]),
    ("Nach Angaben des Gesundheitsministeriums in Ramallah wurden bei dem Einsatz in Dschenin sechs Menschen "
     "getötet.", "de", ["Janīn"]),
    ("Officials in Kharkiv said two people were killed by Russian shelling.", "en", ["Kharkiv"]),
])
def test_datelines_first_names_and_governments_are_not_incident_places(
        analyzer: Any, text: str, language: str, places: list[str]) -> None:
    out = analyzer.analyze(text, published="2024-10-13", language=language).to_contract()
    assert [i["place"] for i in out["incidents"]] == places


def test_places_a_town_by_its_own_name_beats_a_city_once_so_called(analyzer: Any) -> None:
    """GeoNames lists Engels (Saratov) under "Pokrovsk", its old name: among homonyms, the town
    called so today wins."""
    a = analyzer.analyze("Russian artillery shelled Pokrovsk on Friday.", published="2025-05-09", language="en")
    assert [(i.place.name, i.place.admin1) for i in a.incidents if i.place] == [("Pokrovsk", "Donetsk")]


def test_places_a_quoted_word_is_no_place(analyzer: Any) -> None:
    """'einen "Deal"': a word in quotation marks is a term or a title, not the town of Deal."""
    a = analyzer.analyze('Raketen trafen am Freitag den "Deal" zwischen den Seiten.', published="2025-02-28",
                         language="de")
    assert all(i.place is None or i.place.name != "Deal" for i in a.incidents)
