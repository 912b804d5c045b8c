"""One incident drafted twice, and places taken from what is no incident (issue 9, careful reader).

Own sentences: a region and a town in it stating one toll are one strike; places a weapon only
passed over, a front-wide sentence, jets flying low are no scenes."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _shown(analyzer: Any, text: str, lang: str = "en") -> list[tuple[str | None, int | None]]:
    a = analyzer.analyze(text, published="2024-05-10", language=lang)
    return [(i.place.name if i.place else None, i.fatalities_low) for i in a.incidents]


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("en", "Three people were killed in Donetsk region on Tuesday in Russian shelling, the governor said.\n\n"
           "In Kostiantynivka, three civilians died on Tuesday when Russian shells hit a market, he added.",
     "Kostyantynivka"),
    ("de", "Bei russischem Beschuss sind am Dienstag in der Region Donezk drei Menschen getötet worden.\n\n"
           "In Kostjantyniwka wurden am Dienstag drei Zivilisten getötet, als Granaten einen Markt trafen.",
     "Kostyantynivka"),
])
def test_a_region_and_its_town_with_one_toll_are_one_strike(analyzer: Any, lang: str, text: str,
                                                             town: str) -> None:
    assert _shown(analyzer, text, lang) == [(town, 3)]


def test_a_region_and_its_town_with_different_tolls_stay_two(analyzer: Any) -> None:
    text = ("Three people were killed in Donetsk region on Tuesday in Russian shelling, the governor said.\n\n"
            "In Kostiantynivka, one civilian died on Tuesday when Russian shells hit a market, he added.")
    assert sorted(p for p, _ in _shown(analyzer, text)) == ["Donetsk", "Kostyantynivka"]


def test_a_region_toll_two_of_its_towns_state_is_left_alone(analyzer: Any) -> None:
    text = ("Two people were killed in Donetsk region on Tuesday in Russian shelling, the governor said.\n\n"
            "In Kostiantynivka, two civilians died on Tuesday when Russian shells hit a market.\n\n"
            "In Pokrovsk, two people died on Tuesday when Russian shells hit a house.")
    assert len(_shown(analyzer, text)) == 3


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Heavy fighting went on along the entire front line on Monday, from Kupiansk to Zaporizhzhia."),
    ("de", "Heftige Kämpfe gab es am Montag an der gesamten Front, von Kupjansk bis Saporischschja."),
    ("ar", "واستمرت المعارك العنيفة يوم الاثنين على طول خط الجبهة من حلب إلى حماة."),
    ("ru", "В понедельник бои шли по всей линии фронта, от Купянска до Запорожья."),
    ("uk", "У понеділок бої тривали по всій лінії фронту, від Куп'янська до Запоріжжя."),
])
def test_fighting_along_the_whole_front_is_a_statement(analyzer: Any, lang: str, text: str) -> None:
    a = analyzer.analyze(text, published="2024-05-10", language=lang)
    assert not a.incidents
    assert {i.context for i in a.other_incidents} == {"statement"}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Israeli warplanes flew low over Beirut on Friday, breaking the sound barrier."),
    ("fr", "Des avions de chasse israéliens ont volé à basse altitude au-dessus de Beyrouth vendredi."),
])
def test_jets_flying_low_are_no_strike(analyzer: Any, lang: str, text: str) -> None:
    a = analyzer.analyze(text, published="2024-05-10", language=lang)
    assert not a.incidents


def test_jets_flying_low_that_hit_a_house_are_a_strike(analyzer: Any) -> None:
    text = "Low-flying Israeli jets struck a house in Tyre on Friday, killing two people."
    assert _shown(analyzer, text) == [("Tyre", 2)]


@pytest.mark.parametrize(("lang", "text", "scene"), [
    ("en", "Russian missiles flew over Moldova on their way to Lviv on Friday, where they hit a warehouse.", "Lviv"),
    ("fr", "Des missiles russes ont survolé la Moldavie avant de frapper Lviv vendredi.", "Lviv"),
])
def test_a_place_a_weapon_passed_over_is_no_scene(analyzer: Any, lang: str, text: str, scene: str) -> None:
    assert [p for p, _ in _shown(analyzer, text, lang)] == [scene]


def test_a_weapon_downed_over_a_place_is_downed_there(analyzer: Any) -> None:
    text = "Ukrainian air defences shot down six drones flying over Odesa on Friday night."
    assert [p for p, _ in _shown(analyzer, text)] == ["Odesa"]


def test_the_arabic_adjective_new_is_no_place(analyzer: Any) -> None:
    """'بحسب حصيلة جديدة' (according to a new tally): 'جديدة' alone is an adjective, not Judaydat."""
    text = "قتل خمسة مقاتلين في معارك عنيفة أمس، بحسب حصيلة جديدة للمرصد."
    a = analyzer.analyze(text, published="2024-05-10", language="ar")
    assert all(i.place is None or "Judaydat" not in i.place.name for i in (*a.incidents, *a.other_incidents))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Netanyahu pledged to hit Hamas hard in Rafah on Friday."),
    ("es", "Israel prometió atacar Beirut de nuevo el viernes."),
])
def test_a_vow_to_strike_is_planned(analyzer: Any, lang: str, text: str) -> None:
    a = analyzer.analyze(text, published="2024-05-10", language=lang)
    assert not a.incidents
    assert "planned" in {i.context for i in a.other_incidents}


def test_the_strike_a_vow_answers_is_news(analyzer: Any) -> None:
    """'vowed to avenge the strike on Tyre': the strike happened; the vow is of another."""
    a = analyzer.analyze("Le Hezbollah a promis de venger la frappe israélienne sur Tyr vendredi.",
                         published="2024-05-10", language="fr")
    assert [i.place.name for i in a.incidents if i.place] == ["Tyre"]


def test_a_clause_of_violence_after_a_meeting_keeps_its_place(analyzer: Any) -> None:
    text = "As negotiators met in Doha on Friday, Israeli strikes killed five people in Khan Younis."
    assert [p for p, _ in _shown(analyzer, text)] == ["Khān Yūnis"]


def test_aircraft_heard_are_no_strike_explosions_heard_are(analyzer: Any) -> None:
    assert not _shown(analyzer, "Israeli jets were heard over Beirut on Friday.")
    assert [p for p, _ in _shown(analyzer, "Explosions were heard in Kyiv on Friday morning.")] == ["Kyiv"]


@pytest.mark.parametrize(("lang", "text", "scene"), [
    ("en", "Missiles heading for Kyiv were shot down over Zhytomyr region on Friday.", "Zhytomyr"),
    ("de", "Drohnen auf dem Weg nach Kiew wurden am Freitag über der Region Schytomyr abgeschossen.", "Zhytomyr"),
])
def test_where_a_downed_weapon_was_headed_is_no_scene(analyzer: Any, lang: str, text: str, scene: str) -> None:
    assert [p for p, _ in _shown(analyzer, text, lang)] == [scene]


def test_two_neighbouring_towns_one_sentence_names_stay_two(analyzer: Any) -> None:
    text = "Israeli strikes hit homes in Khan Younis and Rafah on Tuesday night, killing five people."
    assert sorted(p for p, _ in _shown(analyzer, text) if p) == ["Khān Yūnis", "Rafaḩ"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A view of the destroyed school in northeast Kharkiv."),
    ("en", "Rescuers search the rubble of a house destroyed by an Israeli strike in Khan Younis."),
    ("de", "Blick auf ein zerstörtes Wohnhaus nach einem russischen Angriff in Charkiw."),
    ("fr", "Vue d'un immeuble détruit par une frappe russe à Kharkiv."),
    ("es", "Vista de un edificio destruido por un ataque ruso en Járkov."),
])
def test_a_photo_caption_scene_is_a_recap(analyzer: Any, lang: str, text: str) -> None:
    a = analyzer.analyze(text, published="2024-05-10", language=lang)
    assert not a.incidents
    assert {i.context for i in a.other_incidents} == {"recap"}
