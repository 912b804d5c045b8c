"""Place precision a careful reader gives (issue 9, careful-reader samples): "areas around X",
"rund um X", "autour de X" are near X (precision 2); a region's full name ("the Gaza Strip")
stays the region. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("lang", "text", "place", "precision"), [
    ("en", "On Tuesday Russian missiles struck areas around Dnipro.", "Dnipro", 2),
    ("en", "On Tuesday fighting raged around Sloviansk.", "Slovyansk", 2),
    ("de", "Russische Raketen trafen am Dienstag Ziele rund um Dnipro.", "Dnipro", 2),
    ("fr", "Mardi, des missiles ont frappé autour de Dnipro.", "Dnipro", 2),
    ("es", "El martes, misiles rusos impactaron en los alrededores de Dnipró.", "Dnipro", 2),
    ("en", "On Tuesday Israeli strikes killed five people in the Gaza Strip.", "Gaza Strip", 3),
])
def test_place_precision_as_a_careful_reader_codes_it(analyzer: Any, lang: str, text: str, place: str,
                                                      precision: int) -> None:
    got = [(i.place.name, i.place.geo_precision) for i in analyzer.analyze(text, published="2025-05-08",
                                                                           language=lang).incidents if i.place]
    assert got == [(place, precision)], got


def test_around_a_number_is_no_place_word(analyzer: Any) -> None:
    inc = analyzer.analyze("Around 20 people were killed in Kharkiv on Tuesday.", published="2025-05-08",
                           language="en").incidents
    assert [(i.place.name, i.place.geo_precision, i.fatalities_low) for i in inc if i.place] == [("Kharkiv", 1, 20)]
