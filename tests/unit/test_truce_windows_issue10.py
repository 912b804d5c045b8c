"""Truce windows, sides and accusations on sentences written for these tests (issue 10): a length
counted back from a stated end, a truce begun in a night, the day a start verb gives before the
day a truce was announced, an offer accepted by the other side, and a charge about talks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from trucewatch.nlp.lexicon import load_lexicon, shadow
from trucewatch.temporal.points import Point
from trucewatch.temporal.resolve import wall_time
from trucewatch.temporal.window import parse_window


def test_length_counted_back_from_the_stated_end() -> None:
    text = ("Les autorités ont relâché des détenus jeudi, pour que les rebelles prolongent la trêve de deux "
            "jours qui doit se terminer en fin de journée.")
    lex, sh = load_lexicon("fr"), shadow(text)
    w = parse_window(lex, sh, 0, len(sh), date(2021, 6, 10))
    assert w is not None and w.start == datetime(2021, 6, 9) and w.end == datetime(2021, 6, 11), w


def test_a_truce_begun_in_a_night_begins_at_its_midnight() -> None:
    eve = Point(0, 1, weekday=0, part=(-6, 6))  # "the night of Monday": Sunday evening to Monday morning
    late = Point(0, 1, weekday=6, part=(18, 30))  # "Sunday night"
    assert wall_time(eve, date(2021, 6, 14), "start") == datetime(2021, 6, 14)
    assert wall_time(late, date(2021, 6, 13), "start") == datetime(2021, 6, 14)



@pytest.mark.model
def test_start_verb_day_before_the_announcement_day(analyzer: Any) -> None:
    text = ("The rebels broke the truce that took effect on Tuesday night, residents said. "
            "The army announced on Monday a humanitarian truce of four days, and said it would answer any violations.")
    cfs = [c for c in analyzer.analyze(text, published=date(2021, 6, 16), language="en").ceasefires if c.start]
    assert len(cfs) == 1, cfs
    assert cfs[0].start.replace(tzinfo=None) == datetime(2021, 6, 16), cfs[0]
    assert cfs[0].end is not None and (cfs[0].end - cfs[0].start).days == 4, cfs[0]


@pytest.mark.model
def test_talks_charge_is_no_accusation(analyzer: Any) -> None:
    text = ("Putin accused Ukraine of stalling the negotiations, the Kremlin said. "
            "Ukraine accused Russia of shelling Kharkiv on Monday.")
    got = analyzer.analyze(text, published=date(2022, 4, 26), language="en").claims
    accusing = {(c.claimant, c.target) for c in got if c.kind.startswith("accuses")}
    assert ("Russia", "Ukraine") not in accusing and ("Ukraine", "Russia") in accusing, got


@pytest.mark.model
def test_the_declarers_clock_named_beside_the_readers_is_the_truces(analyzer: Any) -> None:
    """'um Mitternacht Moskauer Zeit (23.00 Uhr MESZ am Mittwoch)': the instants are the same on
    either clock; the truce's own is Moscow's, so the report gives its times on Moscow time."""
    text = ("Die von Putin angeordnete Waffenruhe sollte um Mitternacht Moskauer Zeit (23.00 Uhr MESZ am "
            "Mittwoch) beginnen und drei Tage bis Samstag dauern.")
    cf = analyzer.analyze(text, published="2025-05-08", language="de").ceasefires[0]
    assert (cf.timezone, cf.timezone_basis) == ("Europe/Moscow", "stated")
    assert cf.start is not None and cf.start.isoformat() == "2025-05-08T00:00:00+03:00"
    assert cf.end is not None and cf.end.isoformat() == "2025-05-11T00:00:00+03:00"
