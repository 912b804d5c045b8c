"""German tolls (issue 9): a word describing the victims between their count and their noun, the
victims counted after the auxiliary of a clause its participle closes, and a toll opening the
paragraph after its incident. Sentences written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.extract.casualties import extract_casualties
from trucewatch.nlp.lexicon import load_lexicon, shadow

pytestmark = pytest.mark.model


def _killed(text: str, language: str = "de") -> int | None:
    sh = shadow(text)
    c = extract_casualties(load_lexicon(language), sh, 0, len(sh))
    return c.killed.low if c.killed else None


@pytest.mark.parametrize(("text", "killed"), [
    ("Soldaten haben am Abend einen bewaffneten Mann getötet.", 1),
    ("Dabei wurden zwei junge israelische Soldaten getötet.", 2),
    ("Am Morgen waren drei Sanitäter bei einem Angriff auf einen Konvoi, nahe der Grenze, getötet worden.", 3),
    ("Bei dem Beschuss sollen fünf Einwohner nach Angaben des Bürgermeisters, eines Zeugen, getötet worden sein.", 5),
    # what the auxiliary counts is no people, or the people are the wounded: no toll of the killing word
    ("Um drei Uhr wurden Zivilisten getötet.", None),
    ("Am Montag wurden zwei Raketen abgefeuert, dabei wurde niemand getötet.", None),
    ("Am Montag wurden zwei Soldaten verletzt, Menschen wurden getötet.", None),
])
def test_german_counts_tied_to_the_killing_word(text: str, killed: int | None) -> None:
    assert _killed(text) == killed


@pytest.mark.parametrize("text", ["Three more people were killed later.", "At 3 pm civilians were killed."])
def test_english_counts_keep_their_tie(text: str) -> None:
    assert _killed(text, "en") in {None, 3}  # "three more" is read by casualties.more, never as "three described"


def test_a_toll_opening_the_next_paragraph_is_the_incidents(analyzer: Any) -> None:
    text = ("Die Armee hat am Montag einen Militäreinsatz in der Stadt Dschenin im Westjordanland begonnen. "
            "Man habe Verdächtige gesucht, hieß es.\n\n"
            "Nach Angaben des Gesundheitsministeriums in Ramallah wurden dabei vier Menschen getötet.")
    out = analyzer.analyze(text, published="2024-03-12", language="de").to_contract()
    found = [i for i in out["incidents"] + out["other_incidents"] if i["context"] == "new"]
    assert [(i["place"], i["fatalities_low"]) for i in found] == [("Janīn", 4)]
