"""Party mentions: officials' surnames in every case (trucewatch.nlp.parties)."""

from __future__ import annotations

from trucewatch.nlp.lexicon import shadow
from trucewatch.nlp.parties import declined, party_book


def test_a_surname_is_declined_and_a_homonym_is_not() -> None:
    assert {"залужного", "залужному"} <= set(declined("залужний"))
    assert "пескова" in declined("песков") and "пески" not in declined("песков")  # not "sands"
    assert declined("zelensky") == () and declined("владимир путин") == ()


def test_an_official_in_another_case_speaks_for_the_party() -> None:
    text = "За словами Залужного та Зеленському"
    assert [(m.party, m.person) for m in party_book().mentions(shadow(text))] == [
        ("Ukraine", "залужного"), ("Ukraine", "зеленському")]
