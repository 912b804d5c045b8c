"""Truces on sentences written for these tests (issue 10): a start verb tied to its truce by a
relative pronoun, a zone whose own war names the sides (Donbas before the invasion), an extension
of a stated length beginning when the truce in force ends, and the sides of a named agreement."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

pytestmark = pytest.mark.model

SEPARATISTS = {"Ukraine", "Donetsk People's Republic", "Luhansk People's Republic"}


def _dated(analyzer: Any, text: str, published: date, lang: str) -> list[Any]:
    return [c for c in analyzer.analyze(text, published=published, language=lang).ceasefires if c.start]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The sides welcomed the full ceasefire along the whole front, which begins at 00:01 on 14 August."),
    ("ru", "Стороны приветствовали полное прекращение огня на всей линии фронта, "
           "которое начинается с 00:01 14 августа."),
])
def test_a_relative_pronoun_ties_the_start_verb_to_its_truce(analyzer: Any, lang: str, text: str) -> None:
    cfs = _dated(analyzer, text, date(2019, 8, 10), lang)
    assert len(cfs) == 1, cfs
    assert cfs[0].start.replace(tzinfo=None) == datetime(2019, 8, 14, 0, 1), cfs[0]


def test_a_donbas_truce_before_the_invasion_binds_ukraine_and_both_republics(analyzer: Any) -> None:
    text = ("Президенты России и Украины обсудили перемирие в Донбассе. "
            "Режим прекращения огня в Донбассе вступает в силу с 14 августа.")
    cfs = _dated(analyzer, text, date(2019, 8, 10), "ru")
    assert len(cfs) == 1 and set(cfs[0].parties) == SEPARATISTS, cfs
    assert cfs[0].zone == "the line of contact in Donbas", cfs[0]
    # once the invasion began, a truce in Donbas is one of the war between Russia and Ukraine
    later = _dated(analyzer, text, date(2023, 8, 10), "ru")
    assert len(later) == 1 and not set(later[0].parties) & {"Donetsk People's Republic"}, later


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les talibans ont décrété une trêve de trois jours à partir de dimanche. "
           "Un commandant a jugé possible qu'ils prolongent le cessez-le-feu de cinq jours."),
    ("en", "The Taliban declared a three-day truce starting on Sunday. "
           "A commander said they might extend the ceasefire by five days."),
])
def test_an_extension_begins_when_the_truce_in_force_ends(analyzer: Any, lang: str, text: str) -> None:
    cfs = sorted(_dated(analyzer, text, date(2021, 6, 13), lang), key=lambda c: c.start)
    assert len(cfs) == 2, cfs
    first, extension = cfs
    assert first.end is not None and extension.start == first.end, cfs
    assert extension.end - extension.start == timedelta(days=5), extension
    assert set(extension.parties) == set(first.parties), extension


def test_a_refused_extension_is_no_truce(analyzer: Any) -> None:
    text = ("The Taliban declared a three-day truce starting on Sunday. "
            "The Taliban rejected calls to extend the ceasefire by five days.")
    assert len(_dated(analyzer, text, date(2021, 6, 13), "en")) == 1


def test_a_truce_tied_to_a_named_agreement_binds_its_signatories(analyzer: Any) -> None:
    text = ("Un accord a été signé le 5 mars à Lomé entre Washington et les talibans. "
            "Les talibans ont respecté une trêve partielle du 1er au 6 mars à l'occasion de la signature "
            "de l'accord de Lomé.")
    cfs = _dated(analyzer, text, date(2021, 6, 13), "fr")
    assert len(cfs) == 1 and "United States" in cfs[0].parties and "Taliban" in cfs[0].parties, cfs


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "أعلن التحالف هدنة إنسانية لمدة خمسة أيام تبدأ منتصف ليل الأحد. وهذه ثالث هدنة منذ بدء الحرب، "
           "إذ بدأت الهدنة الأولى في 12 مايو واستمرت خمسة أيام، وأعلنت الهدنة الثانية في 10 يوليو بمناسبة العيد."),
    ("en", "The coalition announced a five-day humanitarian truce starting at midnight on Sunday. "
           "A first truce took effect on 12 May and lasted five days. "
           "A second truce was declared on 10 July for Eid."),
])
def test_past_truces_named_beside_a_new_one_keep_their_own_windows(analyzer: Any, lang: str, text: str) -> None:
    cfs = {c.start.date(): c for c in _dated(analyzer, text, date(2015, 7, 26), lang)}
    assert set(cfs) == {date(2015, 7, 26), date(2015, 5, 12), date(2015, 7, 10)}, cfs
    assert cfs[date(2015, 5, 12)].end is not None and cfs[date(2015, 5, 12)].end.date() == date(2015, 5, 17)
    assert cfs[date(2015, 7, 10)].occasion is not None and cfs[date(2015, 7, 26)].occasion is None, cfs


@pytest.mark.parametrize(("lang", "text", "hours"), [
    ("en", "The truce ended twelve days of strikes.", None),
    ("ru", "Перемирие положило конец 12-дневному обмену ударами.", None),
    ("fr", "La trêve a mis fin à douze jours de combats.", None),
    ("es", "La tregua puso fin a doce días de combates.", None),
    ("ar", "أنهت الهدنة 12 يوما من القصف.", None),
    ("en", "The army declared a three-day halt to the fighting.", 72.0),
    ("en", "The UN chief called for a four-day halt in fighting.", 96.0),
])
def test_a_length_of_fighting_is_no_truce_length(lang: str, text: str, hours: float | None) -> None:
    from trucewatch.nlp.lexicon import load_lexicon, shadow
    from trucewatch.temporal.window import duration_hours

    lex, sh = load_lexicon(lang), shadow(text)
    found = duration_hours(lex, sh, 0, len(sh))
    assert (found[0] if found else None) == hours, found


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The president announced that Armenia and Iran had agreed to a ceasefire from 14 March."),
    ("fr", "Le président a annoncé que l'Arménie et l'Iran avaient accepté un cessez-le-feu à partir du 14 mars."),
    ("de", "Trump verkündete, Armenien und der Iran hätten sich auf eine Waffenruhe ab dem 14. März geeinigt."),
    ("es", "El 14 de marzo el presidente anunció que Armenia e Irán acordaron un alto el fuego."),
    ("ru", "14 марта Трамп объявил, что Армения и Иран согласились на перемирие."),
    ("uk", "14 березня Трамп оголосив, що Вірменія та Іран погодилися на перемир'я."),
    ("ar", "أعلن ترامب في 14 مارس أن أرمينيا وإيران اتفقتا على وقف إطلاق النار."),
])
def test_the_states_that_agreed_are_the_sides_not_who_announced_it(analyzer: Any, lang: str, text: str) -> None:
    cfs = _dated(analyzer, text, date(2026, 3, 20), lang)
    assert len(cfs) == 1 and set(cfs[0].parties) == {"Armenia", "Iran"}, cfs
    assert set(cfs[0].zone_territory) == {"AM", "IR"}, cfs[0]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "« Le plan propose un cessez-le-feu à partir du lundi 14 mars », a annoncé le président égyptien. "
           "Les forces de Haftar et le gouvernement libyen de Tripoli ont accepté."),
    ("en", "\"The plan calls for a ceasefire from Monday 14 March,\" the Egyptian president announced. "
           "Haftar's forces and the Tripoli government accepted."),
])
def test_a_state_announcing_a_truce_for_others_brokers_it(analyzer: Any, lang: str, text: str) -> None:
    cfs = _dated(analyzer, text, date(2022, 3, 12), lang)
    assert len(cfs) == 1 and "Egypt" in cfs[0].mediators and "Egypt" not in cfs[0].parties, cfs


def test_a_pause_declared_without_a_day_takes_the_start_said_just_before(analyzer: Any) -> None:
    text = ("The second round of the vaccination campaign begins on Monday in central Gaza. "
            "Israel agreed to humanitarian pauses of several hours a day in the area.")
    cfs = _dated(analyzer, text, date(2024, 10, 12), "en")
    assert len(cfs) == 1 and cfs[0].start.date() == date(2024, 10, 14), cfs
    assert cfs[0].end is None, cfs[0]  # "several hours a day" is a schedule, not its length
    talks = ("Talks begin on Monday in Cairo. Israel agreed to humanitarian pauses of several hours a day.")
    assert not _dated(analyzer, talks, date(2024, 10, 12), "en")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Israel agreed to humanitarian pauses of ten hours a day."),
    ("fr", "Israël a accepté des pauses humanitaires de dix heures par jour."),
])
def test_hours_a_day_is_no_truce_length(lang: str, text: str) -> None:
    from trucewatch.nlp.lexicon import load_lexicon, shadow
    from trucewatch.temporal.window import duration_hours

    lex, sh = load_lexicon(lang), shadow(text)
    assert duration_hours(lex, sh, 0, len(sh)) is None
