"""One incident per place hit, and a toll only on the place it is tied to (issue 9: a sentence
listing strikes on several towns with one toll became one event, or copied the toll to each)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

# (language, text, {place: fatalities_low}): every place of the list is an incident; the toll
# stays on the place it is named with, and a toll stated for the list is no one place's (null)
SPLITS = [
    ("en", "Russian strikes hit Kharkiv, Odesa and Dnipro overnight, killing 3 in Kharkiv.",
     {"Kharkiv": 3, "Odesa": None, "Dnipro": None}),
    ("en", "Russian missiles hit Zaporizhzhia and Kherson on Friday, killing five people.",
     {"Zaporizhzhya": None, "Kherson": None}),
    ("en", "The Israeli strikes hit homes in Gaza City and Beit Lahia in the north, Bureij and Nuseirat "
           "in the centre, and Khan Younis in the south, witnesses said.",
     {"Gaza": None, "Bayt Lāhyā": None, "Al Burayj": None, "An Nuşayrāt": None, "Khān Yūnis": None}),
    ("fr", "Des frappes russes ont touché Kharkiv, Odessa et Dnipro dans la nuit, tuant trois personnes à Kharkiv.",
     {"Kharkiv": 3, "Odesa": None, "Dnipro": None}),
    ("de", "Russische Raketen trafen in der Nacht Charkiw, Odessa und Dnipro, dabei wurden in Charkiw drei "
           "Menschen getötet.", {"Kharkiv": 3, "Odesa": None, "Dnipro": None}),
    ("ru", "Ночью российские ракеты ударили по Харькову, Одессе и Днепру, в Харькове погибли три человека.",
     {"Kharkiv": 3, "Odesa": None, "Dnipro": None}),
    ("uk", "Уночі російські ракети вдарили по Харкову, Одесі та Дніпру, у Харкові загинули троє людей.",
     {"Kharkiv": 3, "Odesa": None, "Dnipro": None}),
    ("ar", "قصفت الطائرات الإسرائيلية بيت لاهيا وخان يونس ودير البلح، ما أسفر عن مقتل خمسة أشخاص.",
     {"Bayt Lāhyā": None, "Khān Yūnis": None, "Dayr al Balaḩ": None}),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SPLITS)
def test_incidents_one_per_place_with_its_own_toll(analyzer: Any, lang: str, text: str,
                                                   expected: dict[str, int | None]) -> None:
    a = analyzer.analyze(text, published="2023-03-10", language=lang)
    got = {i.place.name: i.fatalities_low for i in a.incidents if i.place}
    assert got == expected


@pytest.mark.parametrize(("lang", "text", "place", "killed"), [
    ("en", "A Russian missile hit Kramatorsk on Friday, killing two people.", "Kramatorsk", 2),
    ("uk", "У п'ятницю російська ракета влучила в Краматорськ, загинули двоє людей.", "Kramatorsk", 2),
])
def test_incidents_one_place_keeps_the_sentence_toll(analyzer: Any, lang: str, text: str, place: str,
                                                     killed: int) -> None:
    a = analyzer.analyze(text, published="2023-03-10", language=lang)
    assert [(i.place.name, i.fatalities_low) for i in a.incidents if i.place] == [(place, killed)]


# ACLED codes one event per place, day and type: a battle and an air strike on the same town the
# same day are two events; mortars fired in the fight are the fight
APART = [
    ("en", "Israeli troops clashed with Hamas fighters in Jabalia on Saturday. Israeli aircraft also "
           "carried out an air strike on Jabalia on Saturday.", ["Armed clash", "Air/drone strike"]),
    ("de", "Israelische Soldaten lieferten sich am Samstag in Dschabalia heftige Gefechte mit Hamas-Kämpfern. "
           "Am Samstag flog die israelische Luftwaffe zudem einen Luftangriff auf Dschabalia.",
     ["Armed clash", "Air/drone strike"]),
    ("fr", "Des combats ont opposé samedi soldats israéliens et combattants du Hamas à Jabalia. Samedi, "
           "l'aviation israélienne a aussi mené une frappe aérienne sur Jabalia.", ["Armed clash", "Air/drone strike"]),
    ("en", "Ukrainian troops clashed with Russian forces in Bakhmut on Saturday. Russian forces fired mortars "
           "at Ukrainian positions in Bakhmut on Saturday.", ["Armed clash"]),
]


@pytest.mark.parametrize(("lang", "text", "sub_types"), APART)
def test_incidents_one_per_type_at_one_place(analyzer: Any, lang: str, text: str, sub_types: list[str]) -> None:
    a = analyzer.analyze(text, published="2024-05-12", language=lang)
    assert [i.acled_sub_event_type for i in a.incidents] == sub_types
