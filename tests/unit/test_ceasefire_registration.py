"""Which sentences date a truce, and whose truce it is (issue 10), on sentences written for these
tests: a truce's taking effect stated beside a deadline, a bare day restated with its hour, a day
that dates someone's words, a declarer only guessed, a country named as the truce's place, and
the sides of the war in Libya."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

pytestmark = pytest.mark.model


def _dated(analyzer: Any, text: str, lang: str, published: date) -> list[Any]:
    return [c for c in analyzer.analyze(text, published=published, language=lang).ceasefires if c.start]


@pytest.mark.parametrize(
    ("lang", "text", "published", "start"),
    [
        # a deadline for hostages in a sentence that speculates: the truce's start is still a fact
        ("en", "Under the plan, Hamas would return the hostages within 72 hours of the ceasefire taking "
               "effect on 10 October.", date(2025, 10, 29), "2025-10-10T00:00:00+03:00"),
        ("de", "Die Geiseln der Hamas sollen freikommen, sobald die Waffenruhe am Sonntag in Kraft tritt, sagte "
               "ein Sprecher Israels.",
         date(2025, 1, 17), "2025-01-19T00:00:00+02:00"),
        ("ru", "По словам посредников, режим прекращения огня в секторе Газа вступает в силу с 19 января.",
         date(2025, 1, 17), "2025-01-19T00:00:00+02:00"),
    ],
)
def test_ceasefire_taking_effect_on_a_day_dates_the_truce(analyzer: Any, lang: str, text: str, published: date,
                                                          start: str) -> None:
    got = _dated(analyzer, text, lang, published)
    assert len(got) == 1, got
    assert got[0].start == datetime.fromisoformat(start) and got[0].end is None, got[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Officials fear the ceasefire could take effect on Friday only on paper."),
        ("en", "The ceasefire talks begin on Monday in Cairo."),
        # the day dates the words: nothing says when the truce starts
        ("en", "The truce was agreed by both sides, the minister said on Tuesday."),
        ("es", "La tregua fue acordada por ambas partes, dijo el martes el ministro."),
        ("ru", "Перемирие согласовано обеими сторонами, заявил во вторник министр."),
    ],
)
def test_ceasefire_no_start_from_talks_speculation_or_the_day_of_saying(analyzer: Any, lang: str,
                                                                          text: str) -> None:
    assert _dated(analyzer, text, lang, date(2025, 5, 7)) == []


def test_ceasefire_the_same_day_restated_with_its_hour_and_clock_wins(analyzer: Any) -> None:
    text = ("Le maréchal Haftar s'est dit favorable à un cessez-le-feu à partir de lundi. "
            "L'initiative propose un cessez-le-feu à partir de 06H00 locales (04H00 GMT), le lundi 8 juin 2020.")
    got = _dated(analyzer, text, "fr", date(2020, 6, 6))
    assert len(got) == 1 and got[0].start == datetime.fromisoformat("2020-06-08T04:00:00+00:00"), got


@pytest.mark.parametrize(
    ("lang", "text", "published", "parties", "countries", "offset"),
    [
        # a guessed declarer (the Taliban of the sentence before) makes no truce unilateral
        ("fr", "Des prisonniers talibans ont été libérés samedi. La trêve a débuté vendredi dans tout le pays. "
               "Dimanche était le dernier jour de la trêve entre les talibans et le gouvernement afghan.",
         date(2020, 8, 2), {"Taliban", "Afghanistan"}, {"AF"}, "+04:30"),
        # a country named as the place it is for is its zone, not its declarer; the sides' clock,
        # not that of the United States named before
        ("en", "The US said Russia has lost a quarter of its combat power. UN Secretary-General Antonio Guterres "
               "is calling for a four-day halt in fighting in Ukraine, starting Thursday.",
         date(2022, 4, 19), {"Russia", "Ukraine"}, {"UA"}, "+03:00"),
        ("fr", "L'armée libyenne a annoncé un cessez-le-feu unilatéral à partir de dimanche 20 heures.",
         date(2011, 3, 22), {"Libya"}, {"LY"}, "+02:00"),
        ("fr", "Le maréchal Haftar et le gouvernement d'union nationale ont accepté un cessez-le-feu à partir "
               "du lundi 8 juin 2020.", date(2020, 6, 6), {"Libya", "Libyan National Army"}, {"LY"}, "+02:00"),
        ("es", "Las FARC anunciaron un cese al fuego unilateral de 30 días que arranca este domingo, mientras el "
               "gobierno colombiano sigue las negociaciones.",
         date(2013, 12, 15), {"FARC"}, {"CO"}, "-05:00"),
    ],
)
def test_ceasefire_sides_and_zone_of_real_kinds_of_truce(analyzer: Any, lang: str, text: str, published: date,
                                                          parties: set[str], countries: set[str], offset: str) -> None:
    got = _dated(analyzer, text, lang, published)
    assert len(got) == 1, got
    cf = got[0]
    assert (set(cf.parties), set(cf.zone_countries), cf.start.isoformat()[-6:]) == (parties, countries, offset), cf


def test_truce_of_unknown_zone_is_not_held_by_events_elsewhere() -> None:
    """Events anywhere near the window say nothing of a truce whose zone is unknown: unknown, not
    held (the Donbas truce of July 2020 was 'held' by unrelated events)."""
    from tests.records import ceasefire, declaration, incident, place, report
    from trucewatch.judge.truce import answer
    from trucewatch.stored import Event, Registered

    cf = ceasefire(None, "2020-07-27T00:00:00+03:00", None, scope_country=None, open_ended=True)
    horizon = datetime.fromisoformat("2020-08-26T00:00:00+03:00")
    truce = Registered(cf, (declaration("d1", cf, "2020-07-26"),), horizon=horizon)
    sanaa = place("Sanaa", "YE", "Sanaa", 15.35, 44.2)
    shelling = incident("Shelling hit Sanaa.", where=sanaa, start="2020-07-28T03:00:00+03:00",
                        end="2020-07-28T04:00:00+03:00")
    elsewhere = Event.single(report("a9", shelling, published="2020-07-28"))
    assert cf.zone_countries == ()
    assert answer(truce, [elsewhere], [], []).verdict == "unknown"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Контактная группа приняла меры по обеспечению перемирия в Донбассе. Режим полного прекращения "
               "огня вступает в силу с 27 июля."),
        ("en", "The contact group agreed on measures to support the truce in Donbas. The full ceasefire comes into "
               "force on 27 July."),
    ],
)
def test_ceasefire_the_only_truce_takes_the_zone_another_sentence_names(analyzer: Any, lang: str, text: str) -> None:
    got = _dated(analyzer, text, lang, date(2020, 7, 26))
    assert len(got) == 1 and set(got[0].zone_countries) == {"UA"}, got


@pytest.mark.parametrize(
    ("lang", "text", "mediators"),
    [
        ("en", "UN Secretary-General Antonio Guterres is calling for a four-day halt in fighting in Ukraine, "
               "starting Thursday, as Russia presses its offensive.", {"United Nations"}),
        # the broker announces talks, not the truce
        ("fr", "Le maréchal Haftar et le gouvernement d'union nationale ont accepté un cessez-le-feu à partir du "
               "lundi 8 juin 2020. L'ONU a annoncé mercredi la reprise des réunions du comité militaire.", set()),
    ],
)
def test_ceasefire_a_broker_declaring_it_for_others_mediates(analyzer: Any, lang: str, text: str,
                                                             mediators: set[str]) -> None:
    got = _dated(analyzer, text, lang, date(2022, 4, 19) if lang == "en" else date(2020, 6, 6))
    assert len(got) == 1 and set(got[0].mediators) == mediators, got
