"""Violence an article mentions but does not report as news is kept, flagged with its context,
and never becomes an incident that is judged or exported (issue 9)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

CASES = [
    ("en", "Russian missiles hit Kramatorsk on Friday, killing two people. Officials fear Russia could "
           "shell Sloviansk next week.", "Kramatorsk", "Slovyansk", "hypothetical"),
    ("en", "Russian missiles hit Kramatorsk on Friday, killing two people. The 2014 shelling of Mariupol "
           "killed dozens.", "Kramatorsk", "Mariupol", "historical"),
    ("en", "Russian missiles hit Kramatorsk on Friday, killing two people. Last month, Russian drones "
           "struck Kharkiv.", "Kramatorsk", "Kharkiv", "recap"),
    ("fr", "Des missiles russes ont frappé Kramatorsk vendredi, tuant deux personnes. Les bombardements de "
           "Marioupol en 2014 avaient fait des dizaines de morts.", "Kramatorsk", "Mariupol", "historical"),
    # exposure to violence is its possibility, not an occurrence
    ("en", "Russian missiles hit Kramatorsk on Friday, killing two people. Fog left the roads near Sloviansk "
           "less vulnerable to attacks from drones.", "Kramatorsk", "Slovyansk", "hypothetical"),
    ("es", "Misiles rusos alcanzaron Kramatorsk el viernes y mataron a dos personas. Los vecinos de Sloviansk "
           "viven con el riesgo de ataques con drones.", "Kramatorsk", "Slovyansk", "hypothetical"),
    # an article announcing a timeline retells it; only a day of this week is news
    ("en", "The war began a year ago. Here is a timeline of the main developments. Russian troops try to "
           "encircle Kyiv and shell Sloviansk. On Friday, Russian missiles hit Kramatorsk, killing two people.",
     "Kramatorsk", "Slovyansk", "recap"),
    ("de", "Der Krieg begann vor einem Jahr. Eine Chronologie der Ereignisse: Russische Artillerie beschießt "
           "die Stadt Slowjansk. Am Freitag töteten russische Raketen in Kramatorsk zwei Menschen.",
     "Kramatorsk", "Slovyansk", "recap"),
    # what a truce is to end is a term of it, no incident
    ("en", "Russian missiles hit Kramatorsk on Friday, killing two people. The truce applies to attacks on "
           "Sloviansk and the towns around it.", "Kramatorsk", "Slovyansk", "statement"),
    ("de", "Am Freitag töteten russische Raketen in Kramatorsk zwei Menschen. Mit der Waffenruhe sollen die "
           "Angriffe auf Slowjansk ein Ende haben.", "Kramatorsk", "Slovyansk", "statement"),
]


@pytest.mark.parametrize(("lang", "text", "news", "other", "context"), CASES)
def test_incident_context_not_news_is_kept_with_its_flag(analyzer: Any, lang: str, text: str, news: str,
                                                         other: str, context: str) -> None:
    a = analyzer.analyze(text, published="2023-01-07", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == [news]
    assert all(i.context == "new" for i in a.incidents)
    flagged = [(i.place.name if i.place else None, i.context) for i in a.other_incidents]
    assert (other, context) in flagged, flagged
    out = a.to_contract()
    assert all(j["incident"].startswith("i") for j in out["judgements"])  # only news is judged
    assert {i["context"] for i in out["other_incidents"]} >= {context}


@pytest.mark.parametrize(("lang", "text", "places"), [
    ("ru", "Российские войска не обстреливали Краматорск в пятницу.", []),
    ("ru", "Российские войска не только обстреляли Краматорск в пятницу, но и атаковали дронами.", ["Kramatorsk"]),
    ("uk", "Російські війська не обстрілювали Краматорськ у п'ятницю.", []),
    ("uk", "Сторони домовилися припинити обстріли Краматорська.", []),
    ("de", "Die russische Armee hat Kramatorsk am Freitag nicht beschossen.", []),
    ("en", "Russian forces did not shell Kramatorsk on Friday.", []),
    ("en", "Russian forces not only shelled Kramatorsk on Friday but also struck Sloviansk.",
     ["Kramatorsk", "Slovyansk"]),
])
def test_incident_negation_and_aims_come_from_the_lexicon(analyzer: Any, lang: str, text: str,
                                                          places: list[str]) -> None:
    """Negation ('не обстреливали'), aims ('припинити обстріли') and 'not only' in every language
    (issue 11: the words are in filters.negation, filters.aims, filters.emphasis)."""
    a = analyzer.analyze(text, published="2023-01-07", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == places


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian missiles hit Kramatorsk on Friday, killing two people. Sloviansk has faced repeated "
           "shelling from Russian forces."),
    ("uk", "Російські ракети влучили в Краматорськ у п'ятницю, загинули двоє людей. Окупанти регулярно "
           "обстрілюють Слов'янськ."),
    ("de", "Russische Raketen trafen Kramatorsk am Freitag, zwei Menschen wurden getötet. Seit Tagen gibt es "
           "heftige Kämpfe um Slowjansk."),
])
def test_incident_habitual_violence_without_a_day_is_a_statement(analyzer: Any, lang: str, text: str) -> None:
    """Violence told as a pattern ('repeated shelling', 'регулярно', 'seit Tagen') with no day is
    kept as a statement, not shown as an incident (filters.habitual)."""
    a = analyzer.analyze(text, published="2023-01-07", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"]
    assert "statement" in {i.context for i in a.other_incidents}


def test_incident_habitual_violence_on_a_stated_day_stays_news(analyzer: Any) -> None:
    a = analyzer.analyze("Sloviansk was constantly shelled by Russian forces on Friday.", published="2023-01-07",
                         language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Slovyansk"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Germany agreed to send 14 tanks to Kramatorsk."),
    ("ru", "США возобновили поставки ракет в Краматорск."),
    ("fr", "Paris va livrer des missiles à Kramatorsk."),
])
def test_incident_weapons_delivered_are_no_attack(analyzer: Any, lang: str, text: str) -> None:
    """A weapon named as what is sent or delivered (filters.supply) is no attack."""
    a = analyzer.analyze(text, published="2023-01-07", language=lang)
    assert not a.incidents


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "Повітряні сили попереджають про загрозу балістики для Полтави."),
    ("ru", "В Харькове объявлена тревога из-за угрозы ракетного удара."),
])
def test_incident_a_threat_is_no_event(analyzer: Any, lang: str, text: str) -> None:
    """An air-raid warning ('загрозу балістики', 'угрозы ракетного удара') is speculation."""
    a = analyzer.analyze(text, published="2024-11-13", language=lang)
    assert not a.incidents


def test_incident_a_verb_final_clause_of_talks_makes_the_place_a_venue(analyzer: Any) -> None:
    """'während in Kairo ... über eine Feuerpause verhandelt wurde': the talks' city, not the scene;
    'nahe Armawir getroffen' (struck) stays a scene."""
    a = analyzer.analyze("Israelische Kampfflugzeuge bombardierten am Mittwoch Rafah, während in Kairo über eine "
                         "Feuerpause verhandelt wurde.", published="2024-05-08", language="de")
    assert [i.place.name for i in a.incidents if i.place] == ["Rafaḩ"]
    b = analyzer.analyze("Bei einem ukrainischen Drohnenangriff sei am Donnerstag eine Radaranlage nahe der Stadt "
                         "Armawir im Süden Russlands getroffen worden.", published="2024-05-24", language="de")
    assert [i.place.name for i in b.incidents if i.place] == ["Armavir"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Attacks in the Red Sea\n\nOman said on Tuesday that the United States and the Houthis had agreed "
           "to a truce."),
    ("de", "Angriffe im Roten Meer\n\nDer Oman teilte am Dienstag mit, die USA und die Huthi hätten sich auf eine "
           "Waffenruhe verständigt."),
])
def test_a_topic_label_over_a_story_is_no_incident(analyzer: Any, lang: str, text: str) -> None:
    """'Angriffe im Roten Meer' over a story about a truce: a subject, not an event; kept aside."""
    a = analyzer.analyze(text, published="2025-05-06", language=lang)
    assert not a.incidents, a.incidents
    assert [i.context for i in a.other_incidents] == ["statement"], a.other_incidents
