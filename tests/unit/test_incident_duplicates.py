"""One incident drafted twice, and places taken from what is no incident (issue 9, careful reader).

Own sentences: a region and a town in it stating one toll are one strike; places a weapon only
passed over, a front-wide sentence, jets flying low are no scenes."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _shown(analyzer: Any, text: str, lang: str = "en") -> list[tuple[str | None, int | None]]:
    a = analyzer.analyze(text, published="2024-05-10", language=lang)
    return [(i.place.name if i.place else None, i.fatalities_low) for i in a.incidents]


@pytest.mark.parametrize(("lang", "text", "town"), [
    ("en", "Three people were killed in Donetsk region on Tuesday in Russian shelling, the governor said.\n\n"
           "In Kostiantynivka, three civilians died on Tuesday when Russian shells hit a market, he added.",
     "Kostyantynivka"),
    ("de", "Bei russischem Beschuss sind am Dienstag in der Region Donezk drei Menschen getötet worden.\n\n"
           "In Kostjantyniwka wurden am Dienstag drei Zivilisten getötet, als Granaten einen Markt trafen.",
     "Kostyantynivka"),
])
def test_a_region_and_its_town_with_one_toll_are_one_strike(analyzer: Any, lang: str, text: str,
                                                             town: str) -> None:
    assert _shown(analyzer, text, lang) == [(town, 3)]


def test_a_region_and_its_town_with_different_tolls_stay_two(analyzer: Any) -> None:
    text = ("Three people were killed in Donetsk region on Tuesday in Russian shelling, the governor said.\n\n"
            "In Kostiantynivka, one civilian died on Tuesday when Russian shells hit a market, he added.")
    assert sorted(p for p, _ in _shown(analyzer, text)) == ["Donetsk", "Kostyantynivka"]


def test_a_region_toll_two_of_its_towns_state_is_left_alone(analyzer: Any) -> None:
    text = ("Two people were killed in Donetsk region on Tuesday in Russian shelling, the governor said.\n\n"
            "In Kostiantynivka, two civilians died on Tuesday when Russian shells hit a market.\n\n"
            "In Pokrovsk, two people died on Tuesday when Russian shells hit a house.")
    assert len(_shown(analyzer, text)) == 3
