"""Which truce a sentence speaks of, in short articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model


def _cfs(analyzer, text: str, lang: str, published: date):  # type: ignore[no-untyped-def]
    return analyzer.analyze(text, published=published, language=lang).ceasefires


def test_a_past_truce_keeps_its_own_length_and_occasion(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("The president declared a 24-hour truce over Christmas in December. "
            "Now he has announced a three-day truce for the spring. "
            "It will run from 3 March to 5 March.")
    cfs = _cfs(analyzer, text, "en", date(2024, 2, 26))
    dated = [c for c in cfs if c.start]
    assert len(dated) == 1
    cf = dated[0]
    assert (cf.start.date(), cf.end.date()) == (date(2024, 3, 3), date(2024, 3, 6))
    assert cf.duration_stated_hours == 72.0
    assert cf.occasion is None


def test_a_day_inside_the_truce_is_not_its_start(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Am dritten Tag der Waffenruhe erreichten am Dienstag Hilfsgüter die Stadt."
    cfs = _cfs(analyzer, text, "de", date(2024, 2, 27))
    assert all(c.start is None for c in cfs)
