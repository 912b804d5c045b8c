"""Classes of real-article misses in English, French and Spanish (issue 9, "Right on real news"):
each test is a sentence of our own with the construction the labelled articles showed."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("en", "The mayor of Moscow said on Friday that air defences had downed six drones over the city.", "Moscow"),
    ("fr", "Le maire de Moscou a déclaré vendredi que des drones ukrainiens avaient frappé un immeuble de la ville, "
           "blessant deux personnes.", "Moscow"),
])
def test_a_local_officials_town_is_where_it_happened(analyzer: Any, lang: str, text: str, town: str) -> None:
    """'the mayor of X said': a town's own official reports what happened there, not the capital
    speaking for its state ("Moscow said")."""
    a = analyzer.analyze(text, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == [town], (a.incidents, a.other_incidents)


def test_downed_drones_are_disrupted_weapons_use(analyzer: Any) -> None:
    a = analyzer.analyze("The mayor of Moscow said on Friday that air defences had downed six drones over the city.",
                         published="2025-05-10", language="en")
    assert [i.acled_sub_event_type for i in a.incidents] == ["Disrupted weapons use"], a.incidents


def test_bare_name_beside_its_city_form_is_the_territory(analyzer: Any) -> None:
    """'across Gaza' in an article that writes "Gaza City" names the Strip: the city's own strike
    is another incident, not merged into the territory's."""
    a = analyzer.analyze("Israeli air strikes across Gaza killed ten people on Saturday, officials said.\n\n"
                         "In Gaza City, three people were killed on Saturday when a house was hit by an air strike.",
                         published="2025-05-10", language="en")
    assert sorted((i.place.name, i.place.geo_precision) for i in a.incidents if i.place) == [
        ("Gaza", 1), ("Gaza Strip", 3)], a.incidents


def test_bare_name_alone_stays_the_city(analyzer: Any) -> None:
    a = analyzer.analyze("Israeli air strikes on Gaza killed ten people on Saturday, officials said.",
                         published="2025-05-10", language="en")
    assert [i.place.geo_precision for i in a.incidents if i.place] == [1], a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'armée israélienne a mené samedi des frappes aériennes sur la bande de Gaza, tuant trois personnes."),
    ("es", "Aviones israelíes atacaron el sábado objetivos en la franja de Gaza y mataron a tres personas."),
])
def test_the_strip_word_names_the_territory(analyzer: Any, lang: str, text: str) -> None:
    """'la bande de Gaza', 'la franja de Gaza': the Strip, as "Gaza Strip" is in English."""
    a = analyzer.analyze(text, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Gaza Strip"], a.incidents


def test_a_capture_told_as_a_noun_in_french(analyzer: Any) -> None:
    """'la prise de Tarhouna': the capture as a noun, at a town French spells with "ou" (Tarhuna)."""
    a = analyzer.analyze("Les forces du GNA ont annoncé mercredi la prise de Tarhouna, au sud-est de la capitale.",
                         published="2025-05-10", language="fr")
    assert [(i.place.name, i.acled_event_type) for i in a.incidents if i.place] == [("Tarhuna", "Battles")], a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Unos aviones sirios atacaron el sábado zonas en poder de la oposición cerca de Alepo."),
    ("en", "Syrian warplanes struck opposition-held areas near Aleppo on Saturday."),
])
def test_syrian_forces_named_by_their_arms_are_the_perpetrator(analyzer: Any, lang: str, text: str) -> None:
    a = analyzer.analyze(text, published="2025-05-10", language=lang)
    assert [i.perpetrator_claimed for i in a.incidents] == ["Syria"], a.incidents


def test_a_weapon_downed_beside_shelling_is_its_own_event(analyzer: Any) -> None:
    """Shooting down an aircraft is ACLED's disrupted weapons use, not the outcome of the shelling
    of the same region that day."""
    a = analyzer.analyze("Russian shelling killed two people in the Kharkiv region on Saturday, the governor said.\n\n"
                         "Ukraine said on Saturday that its forces had shot down a Russian fighter jet "
                         "in the Kharkiv region.",
                         published="2025-05-10", language="en")
    assert sorted(i.acled_sub_event_type for i in a.incidents) == [
        "Disrupted weapons use", "Shelling/artillery/missile attack"], a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian drones attacked Odesa on Friday night. One missile was intercepted by air defences "
           "but a drone hit a warehouse, injuring three workers."),
    ("es", "Drones rusos atacaron Odesa el viernes por la noche. Un misil fue interceptado por las defensas "
           "aéreas, pero un dron impactó en un almacén e hirió a tres trabajadores."),
])
def test_two_events_joined_by_but_are_two_incidents(analyzer: Any, lang: str, text: str) -> None:
    """'X was intercepted, but a drone hit Y': the interception and the strike are two events."""
    a = analyzer.analyze(text, published="2025-05-10", language=lang)
    assert sorted(i.acled_sub_event_type for i in a.incidents) == [
        "Air/drone strike", "Disrupted weapons use"], (a.incidents, a.other_incidents)


def test_a_weapon_downed_with_no_side_named_is_downed_by_the_land_it_flew_over(analyzer: Any) -> None:
    a = analyzer.analyze("Russian drones attacked Odesa on Friday night. One missile was intercepted by air defences "
                         "but a drone hit a warehouse, injuring three workers.", published="2025-05-10", language="en")
    assert {i.acled_sub_event_type: i.perpetrator_claimed for i in a.incidents} == {
        "Air/drone strike": "Russia", "Disrupted weapons use": "Ukraine"}, a.incidents


def test_a_side_announcing_a_capture_is_its_taker(analyzer: Any) -> None:
    a = analyzer.analyze("Les forces du GNA ont annoncé mercredi la prise de Tarhouna, au sud-est de la capitale.",
                         published="2025-05-10", language="fr")
    assert [(i.perpetrator_claimed, i.acled_sub_event_type) for i in a.incidents] == [
        ("Libya", "Government regains territory")], a.incidents


@pytest.mark.parametrize(("text", "language"), [
    ("Samedi, des roquettes tirées depuis Gaza ont frappé Ashkelon, blessant deux personnes.", "fr"),
    ("On Saturday, rockets fired from Gaza hit Ashkelon, wounding two people.", "en"),
    ("У суботу ракети, випущені з Гази, влучили в Ашкелон, поранивши двох людей.", "uk"),
])
def test_where_fire_came_from_is_not_where_it_hit(analyzer: Any, text: str, language: str) -> None:
    """'des roquettes tirées depuis Gaza ... à Ashkelon': the launch site is no scene."""
    a = analyzer.analyze(text, published="2025-05-10", language=language)
    assert [i.place.name for i in a.incidents if i.place] == ["Ashkelon"], a.incidents


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Russia destroyed an oil refinery in Kremenchuk on Monday, the defence ministry in Moscow said.",
     "Shelling/artillery/missile attack"),
    ("Russian troops destroyed houses in Kremenchuk on Monday, residents said.", "Looting/property destruction"),
])
def test_a_states_forces_destroying_a_facility_from_afar_is_a_strike(analyzer: Any, text: str, sub_type: str) -> None:
    """A state that destroys a facility with no troops on the ground named struck it; troops who
    destroy houses are the destruction of those present."""
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert [i.acled_sub_event_type for i in a.incidents] == [sub_type], a.incidents


@pytest.mark.parametrize(("text", "language"), [
    ("Russian drones struck Kharkiv in the early hours of Wednesday morning, officials said.", "en"),
    ("Des drones russes ont frappé Kharkiv aux premières heures de mercredi.", "fr"),
    ("Drones rusos atacaron Járkov en las primeras horas del miércoles.", "es"),
])
def test_the_early_hours_are_before_dawn(analyzer: Any, text: str, language: str) -> None:
    """'The early hours of Wednesday' are its first hours, not its morning (05:00-12:00)."""
    a = analyzer.analyze(text, published="2024-06-20", language=language)
    assert [(i.time.earliest.hour, i.time.latest.hour) for i in a.incidents] == [(0, 6)], a.incidents
