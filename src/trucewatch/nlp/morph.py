"""Dictionary forms of inflected place names in Russian and Ukrainian (pymorphy3 with its
OpenCorpora / VESUM dictionaries, bundled in the ``pymorphy3-dicts-ru`` / ``-uk`` wheels).

The gazetteer knows "Краматорськ" and "Нова Каховка"; articles write "у Краматорську", "в Новій
Каховці", "под Бахмутом". :func:`place_forms` gives the nominative forms a name can stand for,
most likely first, each word inflected back to the nominative in its own gender and number (so
"Новой Каховке" gives "Новая Каховка", not the masculine lemma "новый").
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import product
from typing import Any

MORPH_LANGUAGES = ("ru", "uk")
_MAX_FORMS = 6


@cache
def analyzer(language: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def _word_forms(morph: Any, word: str) -> list[str]:
    """Nominative singular (or plural, for plural-only names like Суми) forms of one word."""
    forms: list[str] = []
    for parse in morph.parse(word)[:4]:
        nominative = parse.inflect({"nomn"}) if "nomn" not in parse.tag else parse
        for cand in (nominative.word if nominative else None, parse.normal_form):
            if cand and cand not in forms:
                forms.append(cand)
    return forms or [word.lower()]


_ADJ_ENDINGS = ("ский", "ской", "ський", "ий", "ой", "ый", "ій")


@lru_cache(maxsize=5_000)
def adjective_stems(surface: str, language: str) -> tuple[str, ...]:
    """Town names a place adjective can come from: "Бахмутском" -> бахмут, "Донецкого" -> донецк
    ("на Бахмутском направлении", "Покровський район")."""
    if language not in MORPH_LANGUAGES or " " in surface:
        return ()
    out: list[str] = []
    for parse in analyzer(language).parse(surface)[:3]:
        if "ADJF" not in parse.tag:
            continue
        lemma = parse.normal_form
        out += [lemma[: -len(e)] for e in _ADJ_ENDINGS if lemma.endswith(e) and len(lemma) - len(e) >= 3]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=20_000)
def place_forms(surface: str, language: str) -> tuple[str, ...]:
    """Candidate dictionary forms of a (possibly multi-word) place name, surface form excluded."""
    if language not in MORPH_LANGUAGES:
        return ()
    morph = analyzer(language)
    words = surface.replace("-", " - ").split()
    per_word = [_word_forms(morph, w) if w != "-" else ["-"] for w in words]
    out: list[str] = []
    for combo in product(*per_word):
        form = " ".join(combo).replace(" - ", "-")
        if form.lower() != surface.lower() and form not in out:
            out.append(form)
        if len(out) >= _MAX_FORMS:
            break
    return tuple(out)


#: the forms a reported verb takes in news: third person, past, infinitive (``infn`` in the
#: Ukrainian dictionary), gerund ("обвинил", "обвиняют", "обвинив"), not commands or first and
#: second persons. The Ukrainian dictionary keeps gerunds as words of their own ("звинувативши"):
#: a lexicon lists them
_REPORTED = ({"3per"}, {"past"}, {"INFN"}, {"infn"}, {"GRND"})


@lru_cache(maxsize=2_000)
def verb_forms(lemma: str, language: str) -> tuple[str, ...]:
    """Every reported form of a verb given by its dictionary form ("заявить" -> заявил, заявила,
    заявили, заявит, заявят, заявив ...), from the lexemes pymorphy3 knows for it; the lemma
    alone where it knows none."""
    if language not in MORPH_LANGUAGES:
        return (lemma,)
    out: list[str] = []
    for parse in analyzer(language).parse(lemma):
        if parse.normal_form != lemma or not {"INFN", "VERB"} & set(parse.tag.grammemes):
            continue
        for f in parse.lexeme:
            tags = set(f.tag.grammemes)
            if {"INFN", "VERB", "GRND"} & tags and any(need <= tags for need in _REPORTED) and "impr" not in tags:
                out.append(f.word)
    return tuple(dict.fromkeys(out)) or (lemma,)


def expand_lemmas(phrase: str, language: str) -> list[str]:
    """A lexicon phrase whose words marked ``~`` stand for every reported form of that verb
    ("~обвинить {party}" -> "обвинил {party}", "обвинила {party}", ...); other phrases as given."""
    if "~" not in phrase:
        return [phrase]
    out = [""]
    for word in phrase.split(" "):
        forms = verb_forms(word[1:], language) if word.startswith("~") else (word,)
        out = [f"{head} {form}".strip() for head in out for form in forms]
    return out
