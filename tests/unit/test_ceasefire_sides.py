"""Who a truce binds, who brokered it, where it holds (issue 10): zones as data, the judge
against a zone's territory, each side's announcement of one deal merged, and sentences written
for these tests in several languages."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.records import ceasefire, declaration, place
from trucewatch.contract import ceasefire_from_dict
from trucewatch.geo.zones import book, contains
from trucewatch.judge.judge import judge
from trucewatch.registry.ceasefires import build
from trucewatch.stored import Registered

GAZA = book().zones["gaza_strip"].territory
INDIA_PAKISTAN = book().zones["india_pakistan"].territory


@pytest.mark.parametrize(
    ("territory", "country", "admin1", "where"),
    [
        (GAZA, "PS", "Gaza Strip", "inside"),
        (GAZA, "PS", "West Bank", "outside"),  # Jenin lies outside a Gaza truce
        (GAZA, "PS", None, "unknown"),
        (GAZA, "IL", "Tel Aviv", "outside"),
        (INDIA_PAKISTAN, "PK", "Punjab", "inside"),
        (INDIA_PAKISTAN, "IN", "Kashmir", "inside"),
        (INDIA_PAKISTAN, None, None, "unknown"),
    ],
)
def test_zones_contains_a_place_by_country_and_region(territory: tuple[str, ...], country: str | None,
                                                     admin1: str | None, where: str) -> None:
    assert contains(territory, country, admin1) == where


def test_zones_every_conflict_zone_names_known_conflicts() -> None:
    from trucewatch.nlp.parties import party_book

    conflicts = set(party_book().conflicts)
    for z in book().zones.values():
        assert set(z.conflicts) <= conflicts, z.key
        assert all(len(t.split(":")[0]) == 2 for t in z.territory), z.key


def _gaza(declared_by: str, start: str, end: str | None, **kw: Any) -> Any:
    return ceasefire(declared_by, start, end, kind="ceasefire", parties=("Israel", "Hamas"),
                     zone="Gaza Strip", zone_territory=GAZA, scope_country="PS", timezone="Asia/Jerusalem", **kw)


def test_judge_an_incident_in_the_west_bank_is_outside_a_gaza_truce() -> None:
    cf = _gaza("Israel", "2025-01-19T11:15:00+02:00", "2025-03-02T00:00:00+02:00")
    jenin = place("Jenin", "PS", "West Bank", 32.46, 35.30)
    rafah = place("Rafah", "PS", "Gaza Strip", 31.30, 34.24)
    from tests.records import interval

    when = interval("2025-01-21T09:00:00+02:00", "2025-01-21T12:00:00+02:00")
    assert judge(cf, "e1", when, jenin, "unknown").verdict == "outside_zone"
    assert judge(cf, "e2", when, rafah, "unknown").verdict == "violation_reported"


def test_registry_each_sides_announcement_a_day_apart_is_one_truce() -> None:
    by_hamas = _gaza("Hamas", "2025-01-19T00:00:00+02:00", "2025-03-02T00:00:00+02:00",
                     mediators=("Qatar", "Egypt"))
    by_israel = _gaza("Israel", "2025-01-20T00:00:00+02:00", None, mediators=("United States",))
    got = build([declaration("a1", by_hamas, "2025-01-19"), declaration("a2", by_israel, "2025-01-21")])
    assert len(got) == 1
    reg: Registered = got[0]
    cf = reg.ceasefire
    assert cf.declared_by is None and set(cf.parties) == {"Israel", "Hamas"}
    assert set(cf.mediators) == {"Qatar", "Egypt", "United States"} and cf.zone == "Gaza Strip"
    assert cf.start is not None and cf.start.isoformat() == "2025-01-19T00:00:00+02:00"
    assert cf.end is not None  # the window with an end, among as many stating each
    assert sorted(arts for _, _, arts in reg.windows) == [["a1"], ["a2"]]  # where they disagree


def test_registry_two_unilateral_truces_of_different_declarers_stay_apart() -> None:
    a = ceasefire("Russia", "2025-05-08T00:00:00+03:00", "2025-05-11T00:00:00+03:00", parties=("Russia",))
    b = ceasefire("Ukraine", "2025-05-08T00:00:00+03:00", "2025-05-11T00:00:00+03:00", parties=("Ukraine",))
    assert len(build([declaration("a1", a, "2025-05-07"), declaration("a2", b, "2025-05-07")])) == 2


def test_contract_keeps_parties_mediators_and_zone_and_reads_old_records() -> None:
    cf = _gaza("Israel", "2025-01-19T00:00:00+02:00", None, mediators=("Qatar",))
    assert ceasefire_from_dict(cf.to_dict()) == cf
    old = {k: v for k, v in cf.to_dict().items() if k not in {"parties", "mediators", "zone", "zone_territory"}}
    back = ceasefire_from_dict(old)
    assert back.parties == () and back.zone_territory == () and back.zone_countries == ("PS",)


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "parties", "mediators", "countries"),
    [
        ("en", "Israel and Hamas agreed to a ceasefire in Gaza brokered by Qatar, Egypt and the US, which took "
               "effect on Sunday 19 January 2025 at 11:15 local time.",
         {"Israel", "Hamas"}, {"Qatar", "Egypt", "United States"}, {"PS"}),
        ("fr", "Le cessez-le-feu entre Israël et le Hamas, conclu à la médiation du Qatar et de l'Égypte, est "
               "entré en vigueur dimanche 19 janvier 2025 à Gaza.",
         {"Israel", "Hamas"}, {"Qatar", "Egypt"}, {"PS"}),
        ("ru", "Перемирие между Израилем и ХАМАС в секторе Газа при посредничестве Катара и Египта вступило в "
               "силу 19 января 2025 года.",
         {"Israel", "Hamas"}, {"Qatar", "Egypt"}, {"PS"}),
        ("ar", "بدأ سريان وقف إطلاق النار بين إسرائيل وحماس في قطاع غزة يوم 19 يناير 2025 بوساطة قطر ومصر.",
         {"Israel", "Hamas"}, {"Qatar", "Egypt"}, {"PS"}),
        ("en", "India and Pakistan agreed to a full ceasefire along the Line of Control, mediated by the "
               "United States, from 17:00 IST on 10 May 2025.",
         {"India", "Pakistan"}, {"United States"}, {"IN", "PK"}),
        ("en", "Russia declared a unilateral ceasefire on the whole front line in Ukraine from 8 May 2025 to "
               "10 May 2025.",
         {"Russia"}, set(), {"UA", "RU"}),
    ],
)
def test_ceasefire_sides_parties_mediators_zone(analyzer: Any, lang: str, text: str, parties: set[str],
                                               mediators: set[str], countries: set[str]) -> None:
    got = analyzer.analyze(text, published=date(2025, 5, 10), language=lang).ceasefires
    assert len(got) == 1, got
    cf = got[0]
    assert (set(cf.parties), set(cf.mediators), set(cf.zone_countries)) == (parties, mediators, countries), cf


def test_window_a_clock_before_a_day_is_that_clock_on_that_day() -> None:
    """'(2059 GMT) Sunday night': the hour of the clock on that day, not the eve of Sunday."""
    from datetime import datetime

    from trucewatch.nlp.lexicon import load_lexicon, shadow
    from trucewatch.temporal.window import parse_window

    text = "تبدأ الهدنة في الساعة (2059 بتوقيت غرينتش) ليل الأحد."
    w = parse_window(load_lexicon("ar"), shadow(text), 0, len(text), date(2015, 7, 27))
    assert w is not None and (w.start, w.zone) == (datetime(2015, 7, 26, 20, 59), "UTC")


@pytest.mark.model
@pytest.mark.parametrize(
    ("lang", "text", "published", "end"),
    [
        ("fr", "La trêve est entrée en vigueur vendredi dans tout le pays. Dimanche était le dernier jour de la trêve, "
               "selon les autorités.", date(2020, 8, 2), "2020-08-03"),
        ("en", "The truce began on Friday across the country. Sunday was the last day of the truce, officials "
               "said.", date(2020, 8, 2), "2020-08-03"),
    ],
)
def test_ceasefire_the_day_named_its_last_ends_it(analyzer: Any, lang: str, text: str, published: date,
                                                  end: str) -> None:
    got = [c for c in analyzer.analyze(text, published=published, language=lang).ceasefires if c.start]
    assert len(got) == 1 and got[0].end is not None and got[0].end.date().isoformat() == end, got


def test_registry_a_window_without_an_end_takes_the_end_another_states() -> None:
    """Stated clock, no end ('from 20:59 GMT Sunday'), and an assumed clock with an end ('from
    midnight until Friday'): one truce, settled on the stated start and the stated end."""
    stated = ceasefire("Houthis", "2015-07-26T20:59:00+00:00", None, timezone="UTC", scope_country="YE")
    ended = ceasefire("Houthis", "2015-07-27T00:00:00+03:00", "2015-08-01T00:00:00+03:00", timezone="Asia/Aden",
                      timezone_basis="assumed", scope_country="YE")
    got = build([declaration("a1", stated, "2015-07-27"), declaration("a2", ended, "2015-07-27")])
    assert len(got) == 1
    cf = got[0].ceasefire
    assert cf.start is not None and cf.start.isoformat() == "2015-07-26T20:59:00+00:00"
    assert cf.end is not None and cf.end.isoformat() == "2015-08-01T00:00:00+03:00"
    open_one = ceasefire("Houthis", "2015-07-26T20:59:00+00:00", None, open_ended=True)
    assert build([declaration("a1", open_one), declaration("a2", ended)])[0].ceasefire.end is None
