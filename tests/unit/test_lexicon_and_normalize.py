"""Lexicon matching, text cleaning and settings, without spaCy."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trucewatch.config import Settings
from trucewatch.errors import ConfigError, InputError
from trucewatch.nlp.lexicon import PhraseSet, shadow
from trucewatch.nlp.normalize import article_id, clean, decode


@given(st.text())
def test_lexicon_shadow_keeps_offsets(text: str) -> None:
    assert len(shadow(text)) == len(text)


@pytest.mark.parametrize(("phrases", "text", "found"), [
    (["bombard*"], "des bâtiments ont été bombardés", ["bombardés"]),
    (["strike", "air strike*"], "an Israeli air strike hit", ["air strike"]),
    (["hit"], "a white van", []),
    (["l'ukraine"], "Moscou a accusé l’Ukraine", ["l’Ukraine"]),
    # Arabic: the indefinite accusative's alif ("قتالا"), with clitics; none after the ta marbuta
    (["قتال", "هجوم"], "شهدت المدينة قتالا عنيفا وهجوما", ["قتالا", "وهجوما"]),
    (["غارة"], "غارها", []),
    # short vowels and shadda may be written on any letter, never after a whole word
    (["قتل*", "شنت", "شن"], "قُتلوا حين شنّت", ["قُتلوا", "شنّت"]),
])
def test_lexicon_phrases_match_words_longest_first(phrases: list[str], text: str, found: list[str]) -> None:
    hits = PhraseSet(phrases).finditer(shadow(text))
    assert [text[h.start:h.end] for h in hits] == found


@pytest.mark.parametrize(("text", "caption"), [
    ("Poutine a rompu son cessez-le-feu Crédit : EPA\n\nCorps.", "Poutine a rompu son cessez-le-feu"),
    ("Rescuers in Kherson Photo: Reuters\nBody text.", "Rescuers in Kherson"),
])
def test_normalize_masks_credits_and_keeps_offsets(text: str, caption: str) -> None:
    c = clean(text)
    assert len(c.text) == len(text)
    assert "Crédit" not in c.text and "Photo:" not in c.text
    [(start, end)] = c.captions
    assert text[start:end].strip() == caption


@pytest.mark.parametrize(("text", "caption"), [
    ("Зруйнований будинок у Херсоні Фото: Reuters\nТекст.", "Зруйнований будинок у Херсоні"),
    ("Ein zerstörtes Haus in Cherson Bild: dpa\nText.", "Ein zerstörtes Haus in Cherson"),
])
def test_normalize_masks_credits_of_every_lexicon(text: str, caption: str) -> None:
    [(start, end)] = clean(text).captions
    assert text[start:end].strip() == caption


@pytest.mark.parametrize("text", [
    "Il a déclaré : « Les occupants ont frappé la ville. »",
    "die Länder bilden werde\nText.",  # "bilden" is no "Bild"
    "could not verify the imagery\nText.",
])
def test_normalize_leaves_sentences_ending_in_capitals_alone(text: str) -> None:
    assert clean(text).text == text


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        clean(text)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("blanks", [" ", "\t "])
def test_normalize_is_linear_in_runs_of_blanks(blanks: str) -> None:
    """A long run of blanks costs what as much prose costs (it was quadratic: 12 s on 20 KB).
    A ratio, not a time, so a busy machine does not fail it; 10 KB first, so a quadratic
    regression fails in seconds rather than minutes."""
    for size in (10_000, 100_000):
        run = (blanks * size)[:size]
        prose = ("Rescuers worked in Kherson all night. " * (size // 30))[:size]
        for text in (run + "Photo: Reuters", "Photo" + run + "!", "photo " + run + "x"):
            assert _seconds(text) < 20 * _seconds(prose) + 0.01, (size, text[:8])


@pytest.mark.parametrize(("data", "code"), [(b"", "E101"), (b"\x00\x01binary", "E102")])
def test_normalize_decode_rejects(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "x.txt")
    assert err.value.code == code


@pytest.mark.parametrize("a,b", [("Kherson  est\nbombardée", "kherson est bombardée")])
def test_normalize_article_id_ignores_spacing_and_case(a: str, b: str) -> None:
    assert article_id(a) == article_id(b)


@pytest.mark.parametrize(("key", "value"), [("max_char", 10), ("langauges", ["fr"])])
def test_config_rejects_unknown_keys_by_name(key: str, value: object) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load(**{key: value})
    assert key in str(err.value) and "max_chars" in str(err.value)


def test_config_replace_validates() -> None:
    with pytest.raises(ConfigError):
        Settings.load().replace(max_chars=0)


def test_optional_phrase_sets_are_empty_where_a_language_has_none() -> None:
    from trucewatch.nlp.lexicon import load_lexicon, shadow

    ru, en = load_lexicon("ru"), load_lexicon("en")
    assert ru.optional("casualties.one").search(shadow("ранена женщина")) is not None
    assert not en.optional("regions") and en.optional("regions").search("kherson") is None
    assert not en.optional("no_such_section")
    with pytest.raises(KeyError):
        en.phrases("no_such_section")  # a key no lexicon has stays an error


@pytest.mark.parametrize(("name", "words"), [("time.day_range", ("bis zum", "bis", "und"))])
def test_lexicon_words_and_alternation_longest_first(name: str, words: tuple[str, ...]) -> None:
    import re

    from trucewatch.nlp.lexicon import load_lexicon

    de = load_lexicon("de")
    assert de.words(name) == words
    assert re.fullmatch(de.alternation(name), "bis  zum") and not re.search(de.alternation("time.clock_at"), "um")


def test_a_stop_after_a_closing_quote_ends_the_sentence_in_arabic() -> None:
    """The blank Arabic tokenizer kept "لحج»." as one token: no sentence ended there, and the
    name in it was no word."""
    from trucewatch.nlp.load import load_model

    doc = load_model("ar")("قال مصدر إن «القتال مستمر في لحج». وقالت مصادر أخرى إن الوضع هادئ.")
    assert [s.text for s in doc.sents] == ["قال مصدر إن «القتال مستمر في لحج».", "وقالت مصادر أخرى إن الوضع هادئ."]
    assert "لحج" in [t.text for t in doc]
