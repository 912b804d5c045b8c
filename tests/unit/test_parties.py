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


def test_the_sides_of_yemen_s_war_are_parties_and_allies_are_known() -> None:
    book = party_book()
    for text, party in (("قصفت طائرات التحالف مواقع الحوثيين", "Saudi-led coalition"),
                        ("the Saudi-led coalition said", "Saudi-led coalition"),
                        ("خاضت المقاومة الشعبية اشتباكات", "Popular Resistance"),
                        ("l'armée yéménite a repris", "Yemen")):
        assert party in {m.party for m in book.mentions(shadow(text))}, text
    # the coalition fights in Yemen: its articles look for places there, not in Saudi Arabia
    assert book.country("Saudi-led coalition") == "YE"
    assert book.allied("Yemen", "Saudi-led coalition") and book.allied("Popular Resistance", "Yemen")
    assert not book.allied("Houthis", "Yemen") and not book.allied("Russia", "Ukraine")


def test_the_taliban_and_kabul_are_the_sides_of_afghanistan_s_war() -> None:
    book = party_book()
    for text, party in (("les talibans ont accepté", "Taliban"), ("طالبان", "Taliban"),
                        ("Kaboul a libéré", "Afghanistan"), ("the Afghan government", "Afghanistan")):
        assert party in {m.party for m in book.mentions(shadow(text))}, text
    assert book.theatre(("Taliban",)) == {"AF"}
