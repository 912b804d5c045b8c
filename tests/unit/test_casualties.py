"""Casualty counts as (low, high) from phrases, without spaCy."""

from __future__ import annotations

import pytest

from trucewatch.extract.casualties import extract_casualties
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
    ],
)
def test_casualties_low_high(lang: str, text: str, killed: tuple[int, int] | None,
                             injured: tuple[int, int] | None) -> None:
    assert _count(lang, text) == (killed, injured)
