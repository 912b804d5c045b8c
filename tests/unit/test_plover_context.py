"""PLOVER's contexts beyond speculation and dated history (issue 9): plans and the future
tense, recaps by "last week", years and "since", photo captions and footage, in every language.
Each text reports a news incident first, so the second sentence's context is what is tested."""

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

CASES = [
    ("en", "Officials warned that Russia is preparing missile strikes on Kharkiv next week.", "planned"),
    ("en", "Russian drones struck Kharkiv last week.", "recap"),
    ("en", "Since 2014, Russian shelling of Donetsk has killed thousands.", "statement"),
    ("en", "In 2014, Russian-backed forces shelled Mariupol.", "historical"),
    ("fr", "La semaine dernière, des drones russes ont frappé Kharkiv.", "recap"),
    ("fr", "La Russie menace de bombarder Kharkiv.", "planned"),
    ("es", "La semana pasada, drones rusos atacaron Járkov.", "recap"),
    ("es", "En 2014, fuerzas prorrusas bombardearon Mariúpol.", "historical"),
    ("de", "Vergangene Woche griffen russische Drohnen Charkiw an.", "recap"),
    ("de", "Russland droht mit Angriffen auf Charkiw.", "planned"),
    ("ru", "На прошлой неделе российские дроны атаковали Харьков.", "recap"),
    ("ru", "Российские войска обстреляют Харьков, заявил губернатор.", "planned"),
    ("uk", "Минулого тижня російські дрони атакували Харків.", "recap"),
    ("uk", "Окупанти обстріляють Харків найближчим часом.", "planned"),
    ("ar", "وفي الأسبوع الماضي، قصفت طائرات مسيرة روسية مدينة خاركيف.", "recap"),
]


@pytest.mark.parametrize(("lang", "other", "context"), CASES)
def test_plover_context_sets_aside_what_is_not_news(analyzer: Any, lang: str, other: str, context: str) -> None:
    a = analyzer.analyze(NEWS[lang] + "\n\n" + other, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"], a.incidents
    flagged = [i.context for i in a.other_incidents]
    assert context in flagged, flagged


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Last week's truce collapsed on Friday when Russian missiles hit Kharkiv."),
    ("de", "Nach dem Waffenstillstand der vergangenen Woche trafen am Freitag russische Raketen Charkiw."),
    ("ru", "Российские ракеты попали в Харьков в пятницу, спустя год после начала наступления 2024 года."),
])
def test_plover_context_a_recent_day_keeps_the_news(analyzer: Any, lang: str, text: str) -> None:
    """A recent day stated in the sentence wins over "last week" and a past year."""
    a = analyzer.analyze(text, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kharkiv"], (a.incidents, a.other_incidents)


def test_plover_context_photo_caption_is_an_aftermath(analyzer: Any) -> None:
    text = (NEWS["en"] + "\n\nA man walks past a destroyed building following shelling in the outskirts of Kharkiv"
            "\n\nRussian army vehicles are burned outside a damaged church, in Sloviansk")
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"]
    assert {i.context for i in a.other_incidents} == {"recap"}


def test_plover_context_drone_footage_is_no_strike(analyzer: Any) -> None:
    text = NEWS["en"] + " The army released footage from a drone that it said showed fighters in Kharkiv."
    a = analyzer.analyze(text, published="2025-05-10", language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"]


@pytest.mark.parametrize(("lang", "text", "published", "first", "last"), [
    # "today, Friday" in a Thursday-stamped article: the Friday after, not the one a week back
    ("es", "Aviones israelíes atacaron Gaza en la madrugada de hoy viernes.", "2014-01-02",
     "2014-01-03T00:00:00+02:00", "2014-01-03T06:00:00+02:00"),
    ("fr", "Des drones russes ont frappé Kherson aujourd'hui vendredi.", "2025-05-09",
     "2025-05-09T00:00:00+03:00", "2025-05-10T00:00:00+03:00"),
    ("ru", "Вчера, в четверг, российские войска обстреляли Херсон.", "2025-05-09",
     "2025-05-08T00:00:00+03:00", "2025-05-09T00:00:00+03:00"),
    # an overnight attack spans two dates: 18:00 the day before to 07:00
    ("en", "Russian drones struck Kherson overnight.", "2025-05-10",
     "2025-05-09T18:00:00+03:00", "2025-05-10T07:00:00+03:00"),
    ("uk", "Вночі російські дрони атакували Херсон.", "2025-05-10",
     "2025-05-09T18:00:00+03:00", "2025-05-10T07:00:00+03:00"),
    ("ru", "В ночь на 5 мая российские дроны атаковали Херсон.", "2025-05-05",
     "2025-05-04T21:00:00+03:00", "2025-05-05T06:00:00+03:00"),
])
def test_plover_context_named_days_and_nights(analyzer: Any, lang: str, text: str, published: str,
                                              first: str, last: str) -> None:
    [i] = analyzer.analyze(text, published=published, language=lang).to_contract()["incidents"]
    assert (i["time_earliest"], i["time_latest"]) == (first, last)


REAL = [
    # "en la madrugada de hoy viernes" in an article stamped Thursday 2 January 2014
    ("news/ljz-2014-01-02-aviones-israelies-atacan-la-franja-de-gaza-tras-di.json", "2014-01-02", "es",
     "madrugada de hoy viernes", "new", "2014-01-03"),
    # a photo caption of an aftermath, its own paragraph, present tense
    ("news/daily-mail-2022-04-23-five-people-including-three-month-old-baby-are-kil.json", "2022-04-23", "en",
     "A man runs away from a destroyed building", None, None),
]


@pytest.mark.parametrize(("file", "published", "lang", "words", "context", "day"), REAL)
def test_plover_context_real_articles(analyzer: Any, shared: Any, file: str, published: str, lang: str,
                                      words: str, context: str | None, day: str | None) -> None:
    """``context`` None: set aside, whichever context (the caption joins the paragraph's pattern)."""
    import json

    text = json.loads((shared / "corpus" / file).read_text(encoding="utf-8"))["text"]
    out = analyzer.analyze(text, published=published, language=lang).to_contract()
    both = out["incidents"] + out["other_incidents"]
    told = [i for i in both if any(words in e["text"] for e in i["evidence"])]
    assert told and all(i["context"] == context or context is None and i["context"] != "new" for i in told), \
        [(i["id"], i["context"]) for i in told]
    assert (context == "new") == any(i in out["incidents"] for i in told)
    if day is not None:
        assert all(i["time_earliest"].startswith(day) for i in told)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian missiles hit Kharkiv on Friday, but officials fear a larger barrage next week."),
    ("fr", "Des missiles russes ont frappé Kharkiv vendredi, mais les autorités craignent que la Russie "
           "pourrait lancer une attaque plus vaste la semaine prochaine."),
    ("es", "Misiles rusos impactaron en Járkov el viernes, pero las autoridades temen que podría haber "
           "un ataque mayor la semana próxima."),
])
def test_plover_context_a_plan_in_another_clause_keeps_the_news(analyzer: Any, lang: str, text: str) -> None:
    """A fear or a plan after "but" is the other clause's: the strike before it stays news."""
    a = analyzer.analyze(text, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kharkiv"], (a.incidents, a.other_incidents)


def test_plover_context_a_plan_in_the_event_clause_is_still_planned(analyzer: Any) -> None:
    a = analyzer.analyze("Russian missiles hit Kramatorsk on Friday, killing two people.\n\n"
                         "Officials say Russia plans to strike Kharkiv, but gave no date.",
                         published="2025-05-10", language="en")
    assert "planned" in [i.context for i in a.other_incidents]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Since Russian troops withdrew from the villages near Chernihiv, residents have returned home."),
    ("fr", "Depuis le retrait des troupes russes et les combats autour de Tchernihiv, les habitants sont rentrés."),
])
def test_plover_context_a_fronted_since_clause_is_a_recap(analyzer: Any, lang: str, text: str) -> None:
    """The event of a fronted "since" clause starts what the sentence reports: an earlier one."""
    a = analyzer.analyze(NEWS[lang] + "\n\n" + text, published="2025-05-10", language=lang)
    assert [i.place.name for i in a.incidents if i.place] == ["Kramatorsk"], a.incidents
    assert "recap" in [i.context for i in a.other_incidents], a.other_incidents


def test_plover_context_since_a_day_keeps_the_news_after_the_comma(analyzer: Any) -> None:
    a = analyzer.analyze("Since Saturday, Russian drones have hit Kharkiv three times, killing two people.",
                         published="2025-05-10", language="en")
    assert [i.place.name for i in a.incidents if i.place] == ["Kharkiv"], (a.incidents, a.other_incidents)
