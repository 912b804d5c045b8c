"""Bounds on what comes from outside, and reading bytes within them.

* a source (a file, standard input, or one line of a JSONL file) is read in chunks and refused
  past ``max_bytes`` (E110): a huge file is never held whole, nor its text stored;
* only regular files are read: a named pipe, a device (``/dev/zero``) or a socket is refused at
  once (E111), without blocking; a symbolic link to nothing is E105;
* JSON nests at most ``max_depth`` levels (E112); a JSON or CSV field other than the text has
  at most ``max_field_chars`` characters (E113);
* text with a byte-order mark is decoded as UTF-16 or UTF-32 (not refused as binary).

The settings ``max_source_bytes``, ``max_json_depth``, ``max_field_chars`` and ``max_chars`` set them.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from trucewatch.config import Settings
from trucewatch.errors import InputError, printable, warning
from trucewatch.nlp.normalize import decode

_CHUNK = 1 << 20
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


@dataclass(frozen=True)
class Limits:
    max_bytes: int = Settings.max_source_bytes
    max_chars: int = Settings.max_chars
    max_field_chars: int = Settings.max_field_chars
    max_depth: int = Settings.max_json_depth

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(settings.max_source_bytes, settings.max_chars, settings.max_field_chars,
                   settings.max_json_depth)


def shown(path: Path | str) -> str:
    """A path as text to print, store or put in JSON: bytes of the name that are not UTF-8
    are shown as ``\\xNN``."""
    return printable(os.fspath(path))


def open_source(path: Path, source: str) -> BinaryIO:
    """``path`` opened for reading if it is a regular file; else E105 (missing, a folder, a link
    to nothing) or E111 (a pipe, a device, a socket). Opening never blocks, even on a pipe."""
    if path.is_symlink() and not path.exists():
        raise InputError("E105", source=source, why=f"a symbolic link to {shown(os.readlink(path))}, "
                                                    "which does not exist")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError("E105", source=source, why=exc.strerror or str(exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("E105", source=source, why="it is a folder; give a file")
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise InputError("E111", source=source, kind=kind)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(f: BinaryIO, source: str, limit: int) -> bytes:
    """All of ``f``, read in chunks; E110 as soon as it passes ``limit`` bytes."""
    try:
        size = os.fstat(f.fileno()).st_size
    except (OSError, ValueError, io.UnsupportedOperation):
        size = 0
    if size > limit:
        raise InputError("E110", source=source, limit=limit)
    chunks: list[bytes] = []
    total = 0
    while chunk := f.read(min(_CHUNK, limit + 1 - total)):
        total += len(chunk)
        if total > limit:
            raise InputError("E110", source=source, limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def read_path(path: Path, source: str, limit: int) -> bytes:
    with open_source(path, source) as f:
        return read_bounded(f, source, limit)


def decode_text(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Bytes as text: UTF-16 or UTF-32 when a byte-order mark says so, else as
    :func:`trucewatch.nlp.normalize.decode` does (UTF-8, else the likeliest legacy encoding)."""
    for bom, encoding in _BOMS:
        if not data.startswith(bom):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-32":
                continue  # FF FE 00 00 may also be UTF-16 whose first character is NUL
            raise InputError("E103", source=source, why=f"{encoding} with a byte-order mark, but {exc.reason}") from exc
        if not text.strip():
            raise InputError("E101", source=source)
        return text, (warning("W101", source=source, encoding=encoding),)
    return decode(data, source)


def bounded_lines(f: BinaryIO, limit: int) -> Iterator[bytes | str | None]:
    """The lines of a binary stream, each at most ``limit`` bytes; ``None`` for a longer line,
    which is skipped to its end without being held. A stream that starts with a UTF-16 or UTF-32
    byte-order mark gives decoded lines (str)."""
    head = f.peek(4)[:4] if hasattr(f, "peek") else b""
    encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
    if encoding is not None:
        text = io.TextIOWrapper(f, encoding=encoding)
        while line := text.readline(limit // 2 + 1):
            if len(line) > limit // 2 and not line.endswith("\n"):
                while (rest := text.readline(_CHUNK)) and not rest.endswith("\n"):
                    pass
                yield None
            else:
                yield line
        return
    while raw := f.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (more := f.readline(_CHUNK)) and not more.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def line_text(raw: bytes | str, source: str) -> str:
    """One line of a JSONL stream as text: UTF-8 (a leading byte-order mark dropped), else decoded
    as a file would be."""
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode(raw, source)[0]


def check_depth(text: str, source: str, limit: int) -> None:
    """E112 when the JSON ``text`` nests arrays and objects deeper than ``limit``; checked before
    parsing, so a hostile file never reaches the parser's recursion limit."""
    if text.count("[") + text.count("{") <= limit:
        return
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if m.group() in "[{" else -1
        if depth > limit:
            raise InputError("E112", source=source, limit=limit)


def is_text(value: str) -> bool:
    """True unless ``value`` holds a lone surrogate (which no UTF-8 store or output can take)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
