"""A truce's start known only to its day or a part of it (issue 10): "in Kraft getreten am
Sonntag" may mean any hour of that Sunday, so a strike that Sunday morning is not a violation
but straddles the start; another article's "on Sunday morning" narrows how late it can be.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.records import ceasefire, declaration, interval
from trucewatch.nlp.lexicon import load_lexicon, shadow
from trucewatch.registry.ceasefires import build
from trucewatch.temporal.intervals import relation
from trucewatch.temporal.window import parse_window


@pytest.mark.parametrize(
    ("lang", "text", "start", "latest"),
    [
        ("de", "Die Waffenruhe ist am Sonntag in Kraft getreten.", datetime(2025, 1, 19), datetime(2025, 1, 20)),
        # German puts the start verb last: the day right before it dates the truce, however far the noun
        ("de", "Das Abkommen über eine Waffenruhe zwischen den beiden Kriegsparteien war mit Verspätung am "
               "Sonntagvormittag in Kraft getreten.", datetime(2025, 1, 19, 8), datetime(2025, 1, 19, 12)),
        ("en", "The truce took effect on Sunday morning.", datetime(2025, 1, 19, 5), datetime(2025, 1, 19, 12)),
        ("en", "The truce took effect at 11:15 on Sunday.", datetime(2025, 1, 19, 11, 15), None),
        ("fr", "Le cessez-le-feu est entré en vigueur dimanche.", datetime(2025, 1, 19), datetime(2025, 1, 20)),
        # "from" a day counts the whole of it: no uncertainty about the first day
        ("en", "a unilateral ceasefire from 19 January to 15 February", datetime(2025, 1, 19), None),
        ("de", "eine Waffenruhe ab Sonntag", datetime(2025, 1, 19), None),
    ],
)
def test_a_start_without_an_hour_keeps_the_latest_it_can_be(lang: str, text: str, start: datetime,
                                                            latest: datetime | None) -> None:
    lex = load_lexicon(lang)
    sh = shadow(text)
    w = parse_window(lex, sh, 0, len(sh), date(2025, 1, 20))
    assert w is not None and w.start == start, w
    assert w.start_latest == latest, w


def test_an_incident_before_the_latest_start_straddles_it() -> None:
    morning = interval("2025-01-19T05:00:00+02:00", "2025-01-19T10:00:00+02:00")
    evening = interval("2025-01-19T19:00:00+02:00", "2025-01-19T21:00:00+02:00")
    eve = interval("2025-01-18T19:00:00+02:00", "2025-01-18T21:00:00+02:00")
    assert morning and evening and eve
    start = datetime.fromisoformat("2025-01-19T00:00:00+02:00")
    latest = datetime.fromisoformat("2025-01-19T12:00:00+02:00")
    assert relation(morning, start, None, latest) == "uncertain"
    assert relation(morning, start, None) == "during"
    assert relation(evening, start, None, latest) == "during"
    assert relation(eve, start, None, latest) == "before"


def test_the_registry_narrows_a_days_latest_start_to_the_part_another_article_states() -> None:
    tz_day = "2025-01-19T00:00:00+02:00"
    day = ceasefire(None, tz_day, "2025-03-02T00:00:00+02:00", timezone="Asia/Gaza",
                    start_latest=datetime.fromisoformat("2025-01-20T00:00:00+02:00"))
    part = ceasefire(None, "2025-01-19T08:00:00+02:00", None, timezone="Asia/Gaza",
                     start_latest=datetime.fromisoformat("2025-01-19T12:00:00+02:00"))
    other_day = ceasefire(None, tz_day, "2025-03-02T00:00:00+02:00", timezone="Asia/Gaza",
                          start_latest=datetime.fromisoformat("2025-01-20T00:00:00+02:00"))
    regs = build([declaration("a", day, "2025-01-19"), declaration("b", other_day, "2025-01-20"),
                  declaration("c", part, "2025-01-20")])
    assert len(regs) == 1
    cf = regs[0].ceasefire
    assert cf.start == datetime.fromisoformat(tz_day)  # the earliest it can be, as the labels read a day
    assert cf.start_latest == datetime.fromisoformat("2025-01-19T12:00:00+02:00")
    assert cf.end == datetime.fromisoformat("2025-03-02T00:00:00+02:00")
