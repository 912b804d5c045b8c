"""From bytes to clean article text: decoding, binary and size checks, caption credits.

Offsets matter: every evidence span points into the text returned here, so cleaning *masks*
(replaces with spaces) rather than deletes. Photo credits ("Crédit : EPA", "Photo: AP") are
masked before NLP so they never become entities, and the caption lines they end are marked.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from trucewatch.errors import InputError, warning
from trucewatch.nlp.lexicon import SUPPORTED, load_lexicon, phrase_regex, shadow

#: a credit: a credit word ("Photo", "Crédit", "Фото", "©": ``filters.caption_credit``), an optional
#: colon, one to four names, the end of the line. Matched in the shadow of the text (lower case), so
#: the names need not be capitalised. The credit word comes first, never a run of blanks: the blanks
#: before it are added afterwards (a leading ``[ \t]*`` made every blank of a long run a start to
#: try again, quadratic in the run's length), and ``\s*(?::\s*)?`` has one way to read a blank.
_CREDIT_NAMES = r"\s*(?::\s*)?[A-Z][\w.&/-]*(?:[ \t]+[A-Z][\w.&/-]*){0,3}"


@cache
def _credit() -> re.Pattern[str]:
    """Cleaning runs before the language is known, and a credit line is often in the agency's
    language rather than the article's: the credit words of every lexicon apply to every text."""
    words = sorted({w for lang in SUPPORTED for w in load_lexicon(lang).words("filters.caption_credit")},
                   key=len, reverse=True)
    alternation = "|".join(phrase_regex(w) for w in words)  # on word boundaries: "bilden" is no "Bild"
    return re.compile(rf"(?P<credit>(?:{alternation}){_CREDIT_NAMES})[ \t]*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class CleanText:
    text: str
    captions: tuple[tuple[int, int], ...]
    warnings: tuple[str, ...]


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8, else the most likely legacy encoding; reject binary content."""
    if not data.strip():
        raise InputError("E101", source=source)
    if b"\x00" in data[:4096]:
        raise InputError("E102", source=source, why="it contains NUL bytes")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1251", "cp1252", "latin_1", "koi8_r", "cp1256",
                                          "iso8859_7", "utf_16"]).best()
    if best is None:
        raise InputError("E103", source=source, why="no text encoding fits its bytes")
    return str(best), (warning("W101", source=source, encoding=best.encoding),)


def check_text(text: str, source: str, max_chars: int) -> None:
    if not text.strip():
        raise InputError("E101", source=source)
    if len(text) > max_chars:
        raise InputError("E104", source=source, size=len(text), limit=max_chars)
    sample = text[:20000]
    control = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if control > max(8, len(sample) // 100):
        raise InputError("E102", source=source, why=f"{control} control characters")
    if not any(c.isalpha() for c in sample):
        raise InputError("E107", source=source, why="digits and punctuation")


def clean(text: str) -> CleanText:
    """Normalise line ends and mask caption credits; return the caption spans."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    captions: list[tuple[int, int]] = []
    chars = list(text)
    for m in _credit().finditer(shadow(text)):
        start = _blanks_before(text, m.start("credit"))
        line_start = text.rfind("\n", 0, start) + 1
        if start == line_start:  # a line that is only a credit: just mask it
            pass
        elif text[line_start:start].rstrip().endswith((".", "!", "?", "»", '"', "”")):
            continue  # a sentence that merely ends with a capitalised word, not a credit
        else:
            captions.append((line_start, start))
        for i in range(start, m.end("credit")):
            chars[i] = " "
    return CleanText("".join(chars), tuple(captions), ())


def _blanks_before(text: str, at: int) -> int:
    """Where the spaces and tabs right before ``at`` begin (they belong to the credit)."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at


def article_id(text: str) -> str:
    """Content hash of the normalised text: the same article always gets the same id."""
    norm = " ".join(unicodedata.normalize("NFC", text).split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
