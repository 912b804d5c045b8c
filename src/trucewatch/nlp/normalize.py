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

from trucewatch.errors import InputError, warning

_CREDIT = re.compile(
    r"(?P<credit>[ \t]*(?:cr[ée]dits?|photo|image|credit|foto|©)\s*:?\s*"
    r"(?:[A-Z][\w.&/-]*(?:[ \t]+[A-Z][\w.&/-]*){0,3}|getty images|reuters|afp|ap|epa))[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


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
    for m in _CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() == line_start:  # a line that is only a credit: just mask it
            pass
        elif text[line_start : m.start("credit")].rstrip().endswith((".", "!", "?", "»", '"', "”")):
            continue  # a sentence that merely ends with a capitalised word, not a credit
        else:
            captions.append((line_start, m.start("credit")))
        for i in range(m.start("credit"), m.end("credit")):
            chars[i] = " "
    return CleanText("".join(chars), tuple(captions), ())


def article_id(text: str) -> str:
    """Content hash of the normalised text: the same article always gets the same id."""
    norm = " ".join(unicodedata.normalize("NFC", text).split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
