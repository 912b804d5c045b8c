"""Per-language lexicons (data files in ``trucewatch/data/lexicons``) compiled to matchers.

A phrase matches case-insensitively on word boundaries in a *shadow* of the text: the same length
as the text, lower-cased, with typographic apostrophes and quotes folded, so match offsets are
offsets into the article. ``*`` at the end of a word matches any ending, at the start of a
phrase any first part of a compound (German "*beschuss": Raketenbeschuss, Artilleriebeschuss; a
phrase that spells the compound out wins where both match), ``{n}`` a number
(digits or a number word), ``{party}`` a short phrase captured as ``party``. In Russian and
Ukrainian, ``~`` before a verb's dictionary form stands for every reported form of it
(``~обвинить``: обвинил, обвинила, обвинят, обвинив ...; :func:`trucewatch.nlp.morph.expand_lemmas`).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from trucewatch.errors import LanguageError

_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "«": '"', "»": '"', "“": '"', "”": '"',
                       "„": '"', "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-",
                       # Arabic: hamza forms of alif written or not (إطلاق / اطلاق), Arabic-Indic
                       # digits, the Arabic comma; one character for one, so offsets hold
                       "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "،": ",", "؛": ";",
                       **{chr(0x660 + i): str(i) for i in range(10)},
                       **{chr(0x6F0 + i): str(i) for i in range(10)}})

#: Arabic writes conjunctions, prepositions and the article onto the word ("والهدنة", "بالهدنة",
#: "للهدنة"): an Arabic phrase matches with any of them in front. A phrase written without the
#: article also matches with it ("هدنة" in "الهدنة"); one written with it needs it ("اليوم",
#: today, is not "يوم", a day)
_AR_CLITICS = "(?:[وف])?(?:[بك]?ال|لل|[بلك])?"
_AR_CLITICS_ARTICLE = "(?:[وف])?(?:[بك]?ال|لل)"
_AR_FIRSTS = "وفبكلا"
#: last letters after which Arabic writes no accusative alif (or where one makes another word:
#: "ها", her; the folded ta marbuta "ه")
_AR_NO_ALIF = "اهءيوى"
#: the marks Arabic may write on a letter: tanween, short vowels, shadda, sukun, the dagger alif,
#: and the tatweel that stretches a word
_AR_MARK_CHARS = "\u064b-\u065f\u0670\u0640"
_AR_MARKS = re.compile(f"[{_AR_MARK_CHARS}]")


def _arabic(text: str) -> bool:
    return bool(text) and "ARABIC" in unicodedata.name(text[0], "")


def shadow(text: str) -> str:
    """Lower-case, fold quotes and apostrophes; always the same length as ``text``."""
    folded = text.translate(_FOLD)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    phrase: str
    groups: dict[str, str]

    def span_text(self, text: str) -> str:
        return text[self.start : self.end]


def phrase_regex(phrase: str, number_words: tuple[str, ...] = ()) -> str:
    """Compile one lexicon phrase to a regular expression string."""
    p = shadow(phrase)
    out: list[str] = []
    arabic = _arabic(p)
    if arabic:
        p = _AR_MARKS.sub("", p)
        article = p.startswith("ال") and len(p) > 3
        out.append(_AR_CLITICS_ARTICLE if article else _AR_CLITICS)
        p = p[2:] if article else p
    i = 0
    while i < len(p):
        if p.startswith("{n}", i):
            words = "|".join(re.escape(w) for w in sorted(number_words, key=len, reverse=True))
            out.append(r"(?P<n>\d+" + ("|" + words if words else "") + ")")
            i += 3
        elif p.startswith("{party}", i):
            out.append(r"(?P<party>[^,.;:]{1,40}?)")
            i += 7
        elif p[i] == "*":
            out.append(rf"[\w{_AR_MARK_CHARS}]*" if arabic else r"\w*")
            i += 1
        elif p[i] == " ":
            out.append(r"\s+")
            i += 1
        else:
            # Arabic may write short vowels, shadda or a stretch after any letter ("قُتلوا", "شنّ")
            out.append(re.escape(p[i]) + (f"[{_AR_MARK_CHARS}]*" if arabic and p[i].isalpha() else ""))
            i += 1
    body = "".join(out)
    if arabic and _arabic(p[-1:]) and p[-1] not in _AR_NO_ALIF:
        body += "ا?"  # the indefinite accusative's alif: "قتالا", "هجوما" are "قتال", "هجوم"
    head = r"(?<!\w)" if p[:1].isalnum() or p[:1] == "*" else ""
    tail = (rf"(?![\w{_AR_MARK_CHARS}])" if arabic else r"(?!\w)") if p[-1:].isalnum() else ""
    return head + body + tail


_STARTS = re.compile(r"(?<!\w)\w|[^\w\s]")


class PhraseSet:
    """Phrases indexed by their first character and tried, longest first, only at word starts
    with that character: a scan costs about (words x a few candidates), not (characters x
    phrases). Matches never overlap; the longest phrase at a position wins."""

    def __init__(self, phrases: list[str] | dict[str, Any], number_words: tuple[str, ...] = ()):
        self.values: dict[str, Any] = (
            dict(phrases) if isinstance(phrases, dict) else {p: p for p in phrases}
        )
        self._index: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        self._anywhere: list[tuple[str, re.Pattern[str]]] = []
        firsts: set[str] = set()
        for key in sorted(self.values, key=len, reverse=True):
            rx = re.compile(phrase_regex(key, number_words))
            first = shadow(key)[:1]
            if first in {"{", "*"}:  # starts with {n}, {party} or a compound's head: try it everywhere
                self._anywhere.append((key, rx))
            else:
                # an Arabic phrase can also start with a clitic, or without its article
                extra = {*_AR_FIRSTS, shadow(key)[2:3]} if _arabic(first) else set()
                for f in {first, *extra}:
                    self._index.setdefault(f, []).append((key, rx))
                    firsts.add(f)
        # where a phrase can start at all, found by the regex engine rather than a Python loop:
        # a word start with one of the phrases' first characters (or such a punctuation mark)
        words = "".join(re.escape(c) for c in sorted(firsts) if c.isalnum())
        marks = "".join(re.escape(c) for c in sorted(firsts) if not c.isalnum())
        parts = ([rf"(?<!\w)[{words}]"] if words else []) + ([f"[{marks}]"] if marks else [])
        self._starts = _STARTS if self._anywhere or not parts else re.compile("|".join(parts))

    def __bool__(self) -> bool:
        return bool(self._index or self._anywhere)

    def _scan(self, text: str, start: int, stop: int, first_only: bool) -> list[Match]:
        found: list[Match] = []
        after = start
        for s in self._starts.finditer(text, start, stop):
            pos = s.start()
            if pos < after:
                continue
            for key, rx in self._index.get(text[pos], []) + self._anywhere:
                m = rx.match(text, pos, stop)
                if m and m.end() > pos:
                    groups = {k: v for k, v in m.groupdict().items() if v is not None}
                    found.append(Match(pos, m.end(), key, groups))
                    after = m.end()
                    break
            if first_only and found:
                break
        return found

    def finditer(self, shadow_text: str, start: int = 0, end: int | None = None) -> list[Match]:
        stop = len(shadow_text) if end is None else end
        return self._scan(shadow_text, start, stop, first_only=False)

    def search(self, shadow_text: str, start: int = 0, end: int | None = None) -> Match | None:
        stop = len(shadow_text) if end is None else end
        hits = self._scan(shadow_text, start, stop, first_only=True)
        return hits[0] if hits else None

    def covers(self, shadow_text: str, start: int, end: int) -> bool:
        """A phrase spans exactly ``shadow_text[start:end]`` (a word the lexicon knows as such)."""
        hit = self.search(shadow_text, start, end)
        return hit is not None and (hit.start, hit.end) == (start, end)

    def value(self, match: Match) -> Any:
        return self.values[match.phrase]


#: sections whose keys are field names with phrase lists or phrase tables under them; every other
#: section is itself a phrase table (phrase -> label)
_FIELD_TABLES = {"ceasefire", "time", "casualties", "taxonomy", "speech", "claims", "filters", "context"}


def _lemmas(raw: dict[str, Any], language: str) -> dict[str, Any]:
    """Phrase lists of the field sections with their ``~verb`` words spelled out in every reported
    form (Russian and Ukrainian: :func:`trucewatch.nlp.morph.expand_lemmas`), so a lexicon names
    "~обвинить" once for обвинил, обвинила, обвинили, обвинит, обвинив ..."""
    from trucewatch.nlp.morph import expand_lemmas

    def spell(value: Any) -> Any:
        if not isinstance(value, list) or not any(isinstance(x, str) and "~" in x for x in value):
            return value
        return list(dict.fromkeys(f for x in value for f in expand_lemmas(x, language)))

    return {section: {field: spell(v) for field, v in body.items()} if section in _FIELD_TABLES
            and isinstance(body, dict) else body for section, body in raw.items()}


def _shadowed(raw: dict[str, Any]) -> dict[str, Any]:
    """The lexicon with every phrase in its shadow form, as the text is matched (labels, zones and
    numbers untouched): code that builds its own regular expressions from phrases then needs no
    folding of its own ("أبريل" matches the shadow "ابريل")."""
    out: dict[str, Any] = {}
    for section, body in raw.items():
        if not isinstance(body, dict):
            out[section] = body
        elif section in _FIELD_TABLES:
            out[section] = {
                field: [shadow(x) if isinstance(x, str) else x for x in value] if isinstance(value, list)
                else {shadow(k): v for k, v in value.items()} if isinstance(value, dict) else value
                for field, value in body.items()}
        else:
            out[section] = {shadow(k): v for k, v in body.items()}
    return out


_EMPTY = PhraseSet([])


class Lexicon:
    """The compiled lexicon of one language."""

    def __init__(self, raw: dict[str, Any]):
        raw = _shadowed(_lemmas(raw, str(raw.get("language", ""))))
        self.raw = raw
        self.language: str = self.section("language")
        self.number_values: dict[str, int] = {shadow(k): int(v) for k, v in self.section("numbers").items()}
        self.number_words = tuple(self.number_values)
        self._sets: dict[str, PhraseSet] = {}
        self._words: dict[str, tuple[str, ...]] = {}

    def section(self, name: str) -> Any:
        """The value at a dotted path (``time.months``, ``events``, ``language``); KeyError if
        the lexicon has no such key."""
        value: Any = self.raw
        for part in name.split("."):
            value = value[part]
        return value

    def words(self, name: str) -> tuple[str, ...]:
        """The phrases at a dotted path as plain strings, longest first ("bis zum" before "bis"),
        for code that builds its own regular expression or compares whole words."""
        if name not in self._words:
            self._words[name] = tuple(sorted(self.section(name), key=len, reverse=True))
        return self._words[name]

    def alternation(self, name: str) -> str:
        """A regular-expression alternation of the words at ``name``, longest first, each literal
        but for its spaces (any run of blanks, as in a phrase); one that never matches when the
        language has none, so the pattern around it stays valid and simply fails there. No ``*``
        or ``{n}`` here: such keys are phrase sets (:meth:`phrases`)."""
        found = self.words(name)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in found) if found else "(?!)"

    def phrases(self, name: str) -> PhraseSet:
        """The phrase set at a dotted path, e.g. ``claims.accuse`` or ``events``."""
        if name not in self._sets:
            self._sets[name] = PhraseSet(self.section(name), self.number_words)
        return self._sets[name]

    def optional(self, name: str) -> PhraseSet:
        """A phrase set some languages leave empty (``casualties.one``, ``filters.perfect_aux``):
        false where it is empty, and where the key is missing (a lexicon being written). The
        shipped lexicons have every key the code reads, ``[]`` for none (test_lexicon_keys)."""
        try:
            self.section(name)
        except KeyError:
            return _EMPTY
        return self.phrases(name)

    def number(self, word: str) -> int | None:
        w = shadow(word).strip()
        if w.isdigit():
            return int(w)
        return self.number_values.get(w)


SUPPORTED: tuple[str, ...] = ("ar", "de", "en", "es", "fr", "ru", "uk")


@cache
def load_lexicon(language: str) -> Lexicon:
    if language not in SUPPORTED:
        raise LanguageError("E202", lang=language, supported=", ".join(SUPPORTED))
    path = resources.files("trucewatch.data.lexicons") / f"{language}.toml"
    return Lexicon(tomllib.loads(path.read_text(encoding="utf-8")))
