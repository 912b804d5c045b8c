"""Classes of real-news errors in English, French and Spanish (issue 9): a road named by the two
towns it joins is one place; a fight with sticks and stones is a mob's; a town in a side's hands
is taken; "others" killed add up. Sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Gunmen abducted 20 passengers from a bus on the Abuja–Kaduna highway on Monday, police said."),
    ("en", "Bandits abducted 20 passengers from a bus on the Abuja-Kaduna road on Monday."),
    ("fr", "Des hommes armés ont enlevé lundi vingt passagers d'un bus sur la route Abuja-Kaduna, selon la police."),
    ("es", "Hombres armados secuestraron el lunes a veinte pasajeros de un autobús en la carretera Abuja-Kaduna."),
])
def test_a_road_named_by_two_towns_is_one_place(analyzer: Any, lang: str, text: str) -> None:
    """'the Abuja-Kaduna road': one incident, near the first town (ACLED precision 2), not one
    incident per town."""
    a = analyzer.analyze(text, published="2024-03-06", language=lang)
    assert [(i.place.name, i.place.geo_precision) for i in a.incidents if i.place] == [("Abuja", 2)], a.incidents


def test_two_towns_without_a_road_word_stay_two(analyzer: Any) -> None:
    a = analyzer.analyze("Russian missiles struck Kharkiv and Odesa on Monday, killing four people.",
                         published="2024-03-06", language="en")
    assert sorted(i.place.name for i in a.incidents if i.place) == ["Kharkiv", "Odesa"], a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Supporters of the two candidates clashed with stones and sticks in Kano on Saturday, injuring "
           "12 people, police said."),
    ("fr", "Samedi, des partisans des deux candidats se sont affrontés à coups de pierres et de bâtons à Kano, "
           "faisant douze blessés."),
    ("es", "El sábado, simpatizantes de los dos candidatos se enfrentaron con piedras y palos en Kano, dejando "
           "doce heridos."),
])
def test_a_fight_with_sticks_and_stones_is_mob_violence(analyzer: Any, lang: str, text: str) -> None:
    """No armed side and no weapon of war: ACLED's mob violence (Riots), not a battle; the police
    who report it are no side of the fight."""
    a = analyzer.analyze(text, published="2024-03-05", language=lang)
    assert [(i.acled_event_type, i.acled_sub_event_type) for i in a.incidents] == [("Riots", "Mob violence")], \
        a.incidents


def test_soldiers_fighting_stay_a_battle(analyzer: Any) -> None:
    a = analyzer.analyze("Soldiers clashed with militants armed with knives in Kano on Saturday, killing three.",
                         published="2024-03-05", language="en")
    assert [i.acled_sub_event_type for i in a.incidents] == ["Armed clash"], a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The town of Kupiansk is now effectively in Russian hands, Ukrainian officials said on Friday."),
    ("fr", "La ville de Koupiansk est désormais aux mains des forces russes, ont indiqué vendredi des responsables."),
    ("es", "La ciudad de Kupiansk está ahora en manos de las fuerzas rusas, dijeron el viernes las autoridades."),
])
def test_a_town_now_in_a_sides_hands_is_taken(analyzer: Any, lang: str, text: str) -> None:
    """'now in Russian hands': the side holds the town it did not hold, a capture (ACLED codes a
    foreign state's forces taking it as overtaking territory)."""
    a = analyzer.analyze(text, published="2024-03-08", language=lang)
    assert [(i.place.name if i.place else None, i.acled_sub_event_type) for i in a.incidents] == [
        ("Kupyansk", "Non-state actor overtakes territory")], (a.incidents, a.other_incidents)


def test_others_killed_add_to_the_first(analyzer: Any) -> None:
    """'Five others were killed': victims on top of those counted, not a lower report of them."""
    a = analyzer.analyze("Two people were killed on Sunday when a strike hit a house in Nuseirat. Five others were "
                         "killed in another strike on a house in Nuseirat, medics said.",
                         published="2025-11-23", language="en")
    assert [i.fatalities_low for i in a.incidents] == [7], a.incidents


@pytest.mark.parametrize(("text", "doer"), [
    ("The Russian army has kept up its attacks on the region for weeks. On Monday, it shelled Kupyansk, "
     "killing two people.", "Russia"),
    ("The Russian army and the Ukrainian army both reported heavy losses. On Monday, it shelled Kupyansk, "
     "killing two people.", None),
])
def test_a_pronoun_subject_takes_the_forces_named_just_before(analyzer: Any, text: str, doer: str | None) -> None:
    """'it shelled': the forces the sentence before names, when it names one side's only."""
    a = analyzer.analyze(text, published="2025-11-25", language="en")
    assert [i.perpetrator_claimed for i in a.incidents if i.place and i.place.name == "Kupyansk"] == [doer], \
        a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "As the battle for Kupyansk went on, Russian forces shelled two villages elsewhere in the region on "
           "Monday, killing three people."),
    ("fr", "Alors que les combats se poursuivaient à Koupiansk, les forces russes ont bombardé lundi deux villages "
           "ailleurs dans la région, tuant trois personnes."),
])
def test_an_event_elsewhere_is_not_at_the_place_named_before(analyzer: Any, lang: str, text: str) -> None:
    """'... villages elsewhere': the place named before "elsewhere" is not the scene of what follows."""
    a = analyzer.analyze(text, published="2025-11-25", language=lang)
    assert not [i for i in a.incidents if i.place and i.place.name == "Kupyansk" and i.fatalities_low], a.incidents
