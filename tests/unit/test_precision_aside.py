"""What is no new incident though it names violence (issue 9, invented incidents): speculation
about a cause, a drone that only filmed, and a region-wide summary beside the strikes on its
towns; and a region named with its administrative type is not a second incident beside its town."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

NEWS = {
    "en": "Russian missiles hit Kramatorsk on Friday, killing two people.",
    "fr": "Des missiles russes ont frappé Kramatorsk vendredi, tuant deux personnes.",
    "es": "Misiles rusos impactaron en Kramatorsk el viernes y mataron a dos personas.",
    "de": "Russische Raketen trafen Kramatorsk am Freitag, zwei Menschen wurden getötet.",
    "ru": "Российские ракеты попали в Краматорск в пятницу, погибли два человека.",
    "uk": "Російські ракети влучили в Краматорськ у п'ятницю, загинули двоє людей.",
    "ar": "قصفت القوات الروسية مدينة كراماتورسك يوم الجمعة، ما أسفر عن مقتل شخصين.",
}

SPECULATION = [
    ("en", "Large fires broke out at a fuel depot in Bryansk overnight, leading to speculation that "
           "Ukrainian drones had struck it."),
    ("en", "Perhaps Ukrainian drones struck the fuel depot in Bryansk overnight."),
    ("fr", "Peut-être des drones ukrainiens ont-ils frappé le dépôt de carburant de Briansk dans la nuit."),
    ("de", "Vielleicht haben ukrainische Drohnen das Treibstofflager in Brjansk in der Nacht getroffen."),
    ("de", "Das Feuer im Treibstofflager in Brjansk in der Nacht nährte Spekulationen über einen "
           "ukrainischen Drohnenangriff."),
    ("es", "Tal vez drones ucranianos atacaron el depósito de combustible de Briansk durante la noche."),
    ("ru", "Наверное, украинские дроны атаковали нефтебазу в Брянске этой ночью."),
    ("uk", "Мабуть, українські дрони атакували нафтобазу в Брянську цієї ночі."),
    ("ar", "وأثار الحريق في مستودع الوقود في بريانسك الليلة الماضية تكهنات بهجوم بطائرات مسيرة أوكرانية."),
]


@pytest.mark.parametrize(("lang", "other"), SPECULATION)
def test_speculation_about_a_cause_is_hypothetical(analyzer: Any, lang: str, other: str) -> None:
    a = analyzer.analyze(NEWS[lang] + "\n\n" + other, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"], a.incidents
    assert "hypothetical" in [i.context for i in a.other_incidents], a.other_incidents


def test_dated_drone_footage_is_a_recording_not_a_strike(analyzer: Any) -> None:
    text = NEWS["en"] + "\n\nThe army released footage from a drone on Friday that it said showed soldiers " \
                        "entering a building in Kharkiv."
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"], a.incidents
    assert [(i.place.name if i.place else None, i.context) for i in a.other_incidents] == [("Kharkiv", "statement")]


def test_drone_footage_of_a_strike_stays_news(analyzer: Any) -> None:
    text = "Drone footage showed a Russian missile strike on Kharkiv on Friday that killed three people."
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Kharkiv"], (a.incidents, a.other_incidents)


def test_a_region_wide_accusation_beside_its_towns_is_a_statement(analyzer: Any) -> None:
    text = ("Israeli strikes hit homes in Khan Younis and Rafah on Tuesday night, killing five people.\n\n"
            "\"The bombardment of areas of the Gaza Strip is a blatant violation of the ceasefire,\" Hamas said.")
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert sorted(i.place.name for i in a.incidents if i.place) == ["Khān Yūnis", "Rafaḩ"], a.incidents
    assert [(i.place.name if i.place else None, i.context) for i in a.other_incidents] == [("Gaza Strip", "statement")]


def test_a_region_reported_with_its_day_stays_news(analyzer: Any) -> None:
    text = ("Russian shelling killed two people in the city of Popasna on Saturday, the governor said.\n\n"
            "All the cities of the Luhansk region were under constant Russian shelling on Saturday.")
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert sorted(i.place.name for i in a.incidents if i.place) == ["Luhansk", "Popasna"], a.incidents


def test_a_governorate_named_by_its_type_encloses_its_district(analyzer: Any) -> None:
    """'In Hudaydah governorate ... in Bajil district': one attack, at Bajil (the gazetteer's region
    is "Muhafazat al Hudaydah", the text's "محافظة الحديدة")."""
    text = ("قصفت طائرات التحالف مواقع للحوثيين في صنعاء أمس.\n\nوفي محافظة الحديدة، قتل حوثيان وأصيب 4 آخرون "
            "في هجوم مسلح للمقاومة على نقطة للمتمردين بمديرية باجل.")
    a = analyzer.analyze(text, published="2025-05-10", language="ar")
    assert sorted(i.place.name for i in a.incidents if i.place) == ["Bājil", "Sanaa"], a.incidents


@pytest.mark.parametrize(("lang", "other"), [
    ("en", "We drove from the artillery position to the city of Dobropillia, where drone operators "
           "of the brigade live."),
    ("fr", "Nous sommes allés de la position d'artillerie à Dobropillia."),
])
def test_a_weapon_naming_its_position_or_crew_is_no_attack(analyzer: Any, lang: str, other: str) -> None:
    a = analyzer.analyze(NEWS[lang] + "\n\n" + other, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"], a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian artillery shelled Kharkiv on Friday."),
    ("en", "Russian drone attacks hit Kharkiv on Friday."),
    ("fr", "Les tirs d'artillerie ont touché Kharkiv vendredi."),
])
def test_a_weapon_used_stays_an_attack(analyzer: Any, lang: str, text: str) -> None:
    a = analyzer.analyze(text, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kharkiv"], a.incidents


LONG_AFTER = [
    ("en", "On Thursday the mayor spoke in Kharkiv, a week after the shelling of the city."),
    ("fr", "Le maire de Kharkiv a dénoncé ce jeudi, une semaine après de violents combats, une agression russe."),
    ("de", "Der Bürgermeister von Charkiw sprach am Donnerstag, eine Woche nach den schweren Kämpfen in der Stadt."),
    ("es", "El alcalde de Járkov habló el jueves, una semana después de los bombardeos en la ciudad."),
    ("ru", "Мэр Харькова выступил в четверг, через неделю после обстрела города."),
    ("uk", "Мер Харкова виступив у четвер, через тиждень після обстрілу міста."),
    ("ar", "وتحدث رئيس بلدية خاركيف يوم الخميس بعد أسبوع من القصف على المدينة."),
]


@pytest.mark.parametrize(("lang", "other"), LONG_AFTER)
def test_violence_a_week_before_the_sentences_day_is_a_recap(analyzer: Any, lang: str, other: str) -> None:
    """'une semaine après de violents combats': the day stated ("ce jeudi") is the speech's."""
    a = analyzer.analyze(NEWS[lang] + "\n\n" + other, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"], a.incidents
    assert "recap" in [i.context for i in a.other_incidents], a.other_incidents


def test_a_week_after_the_truce_shelling_on_a_day_is_news(analyzer: Any) -> None:
    a = analyzer.analyze("A week after the ceasefire, Russian artillery shelled Kharkiv on Thursday.",
                         published="2025-05-10", language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Kharkiv"], a.incidents


@pytest.mark.parametrize(("lang", "other"), [
    ("en", "On Saturday inspectors in Kharkiv found no evidence of an air strike on the hospital."),
    ("fr", "Samedi, les enquêteurs n'ont trouvé à Kharkiv aucune trace de frappe aérienne sur l'hôpital."),
    ("de", "Die Ermittler fanden am Samstag in Charkiw keine Hinweise auf einen Luftangriff auf das Krankenhaus."),
    ("es", "Los investigadores no encontraron el sábado en Járkov ningún indicio de un bombardeo contra el hospital."),
    ("ru", "В субботу следователи в Харькове не нашли никаких следов авиаудара по больнице."),
    ("uk", "У суботу слідчі в Харкові не знайшли жодних слідів авіаудару по лікарні."),
])
def test_no_evidence_of_an_attack_is_no_attack(analyzer: Any, lang: str, other: str) -> None:
    a = analyzer.analyze(NEWS[lang] + "\n\n" + other, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"], a.incidents


def test_no_evidence_of_a_claim_leaves_the_strike_beside_it(analyzer: Any) -> None:
    text = "Officials found no evidence of the claim, but a Russian missile hit Kharkiv on Saturday."
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Kharkiv"], a.incidents
