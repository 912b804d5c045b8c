"""Casualty counts as (low, high) from phrases, without spaCy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trucewatch.extract.casualties import Count, combine, extract_casualties
from trucewatch.nlp.lexicon import load_lexicon, shadow


def _count(lang: str, text: str) -> tuple[tuple[int | None, int | None] | None, tuple[int | None, int | None] | None]:
    sh = shadow(text)
    c = extract_casualties(load_lexicon(lang), sh, 0, len(sh))
    return ((c.killed.low, c.killed.high) if c.killed else None,
            (c.injured.low, c.injured.high) if c.injured else None)


@pytest.mark.parametrize(
    ("lang", "text", "killed", "injured"),
    [
        ("fr", "Au moins une personne a été tuée dans un bombardement", (1, None), None),
        ("fr", "faisant au moins un mort et d'autres blessés", (1, None), (2, None)),
        ("fr", "deux civils ont été tués par des tirs", (2, 2), None),
        ("fr", "une frappe a fait une dizaine de blessés", None, (10, 10)),
        ("fr", "un drone a touché un immeuble sans faire de victimes", (0, 0), (0, 0)),
        ("en", "killing two civilians", (2, 2), None),
        ("en", "A dozen civilians were wounded when shells hit a market", None, (12, 12)),
        ("en", "dozens of people were injured", None, (12, 99)),
        ("en", "No casualties were reported", (0, 0), (0, 0)),
        ("en", "at least 5 people were killed and 12 wounded", (5, None), (12, 12)),
        ("en", "Two missiles hit the city, killing three people", (3, 3), None),
        ("en", "the strike killed 14 and injured dozens", (14, 14), (12, 99)),
        ("en", "On 14 August 2022, 2 civilians were killed", (2, 2), None),
        ("en", "One convict killed, 106 flee as shells hit the jail", (1, 1), None),
        ("en", "Two missiles killed three people", (3, 3), None),
        ("en", "A Palestinian was killed, and another person was injured", (1, 1), None),
        ("en", "1,250 people were killed", (1250, 1250), None),
        ("en", "The explosion killed the Russian-proclaimed head of two villages", (1, 1), None),
        ("en", "A man and a woman were killed in the strike", (2, 2), None),
        ("de", "durch Artilleriefeuer sind ein Mann und eine Frau getötet worden", (2, 2), None),
        ("en", "A missile and a drone hit the city; a man was killed", (1, 1), None),
        ("en", "2 civilians were wounded, 1 of them died in a hospital", (1, 1), (2, 2)),
        ("ru", "Вчера вечером беспилотник ударил по Марганцу, ранена женщина", None, (1, 1)),
        ("ru", "погибли не менее десяти человек, десятки ранены", (10, None), (12, 99)),
        ("uk", "поранено жінку", None, (1, 1)),
        ("uk", "загинули щонайменше четверо людей", (4, None), None),
        ("ar", "استشهد خمسة فلسطينيين على الأقل في غارة", (5, None), None),
        ("ar", "قتل ما لا يقل عن 12 شخصا وأصيب العشرات", (12, None), (12, 99)),
        # both sides' dead set against each other are summed; short vowels written on a verb
        ("ar", "قتل 9 مسلحين في الاشتباكات، في حين قتل 3 جنود وأصيب 4 آخرون", (12, 12), (4, 4)),
        ("ar", "وقُتل ثلاثة مدنيين في القصف", (3, 3), None),
        # a number that counts attacks or years is no toll; two groups joined by "and" add up
        ("de", "In Gaza sind sieben Menschen bei einem israelischen Luftangriff getötet worden", (7, 7), None),
        ("de", "die Eltern und ihre sechs Kinder im Alter von 8 bis 23 Jahren getötet", None, None),
        ("en", "a boy aged 12 years was killed", None, None),
        ("en", "Four civilians and three police officers have been wounded by shelling", None, (7, 7)),
        ("es", "15 rebeldes y al menos 16 soldados murieron", (31, None), None),
        # one victim, "and", a possessive, another: two
        ("en", "a drone hit a block of flats, killing a mother and her son", (2, 2), None),
        ("en", "A woman and her daughter were killed in the strike", (2, 2), None),
        ("fr", "tuant une femme et son fils", (2, 2), None),
        ("de", "eine Frau und ihr Kind wurden getötet", (2, 2), None),
    ],
)
def test_casualties_low_high(lang: str, text: str, killed: tuple[int, int] | None,
                             injured: tuple[int, int] | None) -> None:
    assert _count(lang, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Warplanes killed at least 19 persons. In addition, another 5 persons were killed, raising "
         "the fatality number to at least 24.", 24),
        ("A strike killed 6 children. Another airstrike on a house killed 5 people. The total of "
         "fatalities rose to 11.", 11),
        ("A missile hit the market. Officials said 4 people were killed; medics said 6 people were "
         "killed.", 4),
    ],
)
def test_casualties_distinct_victims_add_up_and_totals_hold(analyzer: object, text: str, killed: int) -> None:
    out = analyzer.analyze("On 3 May 2024, in Kharkiv: " + text, published="2024-05-03").to_contract()  # type: ignore[attr-defined]
    assert out["incidents"][0]["fatalities_low"] == killed


counts = st.builds(Count, st.integers(0, 500), st.one_of(st.none(), st.integers(0, 1000)),
                   st.just((0, 1)), st.sampled_from(["report", "more", "total"]))


@given(st.lists(counts, min_size=1, max_size=6))
def test_combine_never_below_a_report_or_a_total(cs: list[Count]) -> None:
    low, high = combine(cs)
    reports = [c.low for c in cs if c.kind == "report" and c.low is not None]
    totals = [c.low for c in cs if c.kind == "total" and c.low is not None]
    assert low is not None and low >= max([*totals, min(reports, default=0)])
    assert high is None or high >= low


@pytest.mark.parametrize(("lang", "text", "killed"), [
    ("en", "over 20,000 civilians have been killed in the siege", None),
    ("fr", "une première guerre qui a fait plus de 30.000 morts", None),
    ("ru", "за время войны погибли 500 человек", None),
    ("de", "Seit Kriegsbeginn wurden 900 Menschen getötet", None),
    ("en", "Russian missiles killed five people in Odesa", (5, 5)),
])
def test_casualties_a_war_or_siege_toll_is_no_incident_toll(lang: str, text: str,
                                                            killed: tuple[int, int] | None) -> None:
    """A toll tied to a war, a siege or a campaign (casualties.cumulative) is not the incident's."""
    assert _count(lang, text)[0] == killed


@pytest.mark.parametrize(
    ("lang", "text", "killed"),
    [
        # a family and its name describe the victims (``casualties.kin``), before or after the name
        ("en", "five members of the Abu Sharar family were killed in a strike", (5, 5)),
        ("fr", "cinq membres de la famille Abou Charar ont été tués dans une frappe", (5, 5)),
        ("de", "fünf Mitglieder der Familie Abu Scharar wurden bei einem Luftangriff getötet", (5, 5)),
        ("es", "cinco miembros de la familia Abu Sharar murieron en un bombardeo", (5, 5)),
        ("ru", "погибли пять членов семьи Абу Шарар", (5, 5)),
        ("uk", "загинули п'ятеро членів родини Абу Шарар", (5, 5)),
        ("ar", "قتل خمسة من أفراد عائلة أبو شرار في غارة", (5, 5)),
        # a toll over a period of hours sums many incidents: no one incident's (``casualties.cumulative``)
        ("de", "sind binnen 24 Stunden mindestens 36 Palästinenser getötet worden", None),
        ("en", "In the past 24 hours, 36 Palestinians were killed", None),
        ("ru", "за сутки погибли 36 человек", None),
        ("uk", "за добу загинули 36 людей", None),
        ("es", "en las últimas 24 horas murieron 36 personas", None),
        ("fr", "en 24 heures, 36 personnes ont été tuées", None),
        ("ar", "قتل 36 شخصا خلال الساعات الأربع والعشرين الماضية", None),
    ],
)
def test_casualties_kin_and_period_tolls(lang: str, text: str, killed: tuple[int, int] | None) -> None:
    assert _count(lang, text)[0] == killed


@pytest.mark.parametrize(("lang", "text", "killed"), [
    ("en", "The strike killed the brigade's deputy commander and three others near the border.", (4, 4)),
    ("en", "Shelling killed two civilians and three soldiers in the village.", (5, 5)),
    ("en", "The strike killed two people and wounded three others.", (2, 2)),
    ("en", "The strike killed four people and two horses.", (4, 4)),
])
def test_a_second_group_after_the_victims_adds_to_the_toll(lang: str, text: str, killed: tuple[int, int]) -> None:
    """'killed the commander and three others': victims joined by "and" after the verb add up;
    a verb or a non-person after "and" starts something else."""
    assert _count(lang, text)[0] == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("قتل جنديان وأصيب 3 آخرون في هجوم على حاجز", (2, 2)),
    ("قتل مسلحان في كمين قرب البلدة", (2, 2)),
    ("قتل جندي في هجوم على حاجز", (1, 1)),
    ("أسفر القصف عن سقوط قتيلين", (2, 2)),
    ("أسفرت الغارة عن مقتل شخصين", (2, 2)),
])
def test_casualties_an_arabic_dual_is_two(text: str, killed: tuple[int, int]) -> None:
    """Arabic names two people by one noun (``casualties.two``): 'two soldiers killed' has no number word."""
    assert _count("ar", text)[0] == killed


def test_casualties_a_count_with_an_arabic_conjunction_written_on() -> None:
    """'وثلاثة جرحى': 'and three wounded', the conjunction written onto the number (``casualties.number_clitics``)."""
    assert _count("ar", "أسفر القصف عن سقوط قتيلين وثلاثة جرحى") == ((2, 2), (3, 3))
    # a count joined by "and" after the casualty noun opens the next group, not the noun's count
    assert _count("ar", "ارتفعت الحصيلة إلى 20 قتيلا و95 جريحا") == ((20, 20), (95, 95))


@pytest.mark.parametrize(("lang", "text", "killed"), [
    ("en", "dozens of people were killed when the market was shelled", 12),
    ("de", "bei dem Angriff wurden dutzende Menschen getötet", 12),
    ("ru", "десятки человек погибли при обстреле рынка", 12),
])
def test_casualties_dozens_is_coded_as_acled_codes_it(lang: str, text: str, killed: int) -> None:
    """ACLED codes 'tens' 10, 'dozens' 12, 'hundreds' 100 (its fatalities FAQ): the lowest figure
    the words allow, as its coders write it (docs/decisions.md)."""
    assert _count(lang, text)[0][0] == killed


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Also, six people were killed in a strike on a car."),
    ("de", "Außerdem wurden bei einem Angriff auf ein Auto sechs Menschen getötet."),
    ("fr", "En outre, six personnes ont été tuées dans une frappe."),
    ("es", "Además, seis personas murieron en un ataque contra un coche."),
    ("ru", "Также погибли шесть человек."),
    ("uk", "Також загинули шість людей."),
])
def test_casualties_victims_also_killed_count_on_top(lang: str, text: str) -> None:
    """'Also, six were killed': victims on top of those already counted (ACLED sums distinct
    victims of one place and day), not another report of the same dead."""
    sh = shadow(text)
    c = extract_casualties(load_lexicon(lang), sh, 0, len(sh))
    assert c.killed is not None and c.killed.low == 6 and c.killed.kind == "more", c
