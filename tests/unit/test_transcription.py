"""German transcriptions of foreign names rewritten as English spells them (extract/transcription.py)."""

from __future__ import annotations

from trucewatch.extract.transcription import spellings
from trucewatch.nlp.lexicon import load_lexicon


def test_german_rules_reach_the_english_spelling() -> None:
    rules = load_lexicon("de").section("filters.transcription")
    assert "vovchansk" in spellings(rules, "Wowtschansk")
    assert "ashkelon" in spellings(rules, "Aschkelon")
    assert "jabaliya" in spellings(rules, "Dschabaliya")
    assert "chasiv yar" in spellings(rules, "Tschassiw Jar")
    assert "khan yunis" in spellings(rules, "Chan Junis")


def test_a_name_no_rule_touches_has_no_other_spelling() -> None:
    rules = load_lexicon("de").section("filters.transcription")
    assert spellings(rules, "Kairo") == []


def test_languages_that_write_names_as_english_have_no_rules() -> None:
    for language in ("ar", "ru", "uk"):
        assert load_lexicon(language).section("filters.transcription") == []
    for language in ("en", "es"):  # only the Arabic article's two spellings ("Al Fasher", "El Fasher")
        rules = load_lexicon(language).section("filters.transcription")
        assert {(a.strip(" -"), b.strip(" -")) for a, b in rules} == {("al", "el"), ("el", "al")}


def test_french_writes_english_u_as_ou() -> None:
    """French transcribes the English "u" as "ou" ("Tarhouna", "Marioupol"), beside the article's
    two spellings."""
    rules = load_lexicon("fr").section("filters.transcription")
    assert {(a.strip(" -"), b.strip(" -")) for a, b in rules} == {("al", "el"), ("el", "al"), ("ou", "u")}
    assert "tarhuna" in spellings(rules, "Tarhouna")
