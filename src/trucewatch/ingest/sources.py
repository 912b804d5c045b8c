"""Read articles from the files a monitor collects: .txt, .html (main text and metadata through
trafilatura), .jsonl and .csv (a text column), RSS/Atom feeds (feedparser), directories of those,
and standard input.

Every source yields :class:`RawArticle` records, or a :class:`SourceFailure` that names the file
(or line, or entry) and why it could not be read, with a code: one broken file, or one exception
of a parser, never stops the others. What is read stays within :mod:`trucewatch.ingest.limits`;
the formats are read by :mod:`trucewatch.ingest.parse`.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from trucewatch.errors import InputError
from trucewatch.ingest.items import Columns, Item, RawArticle, SourceFailure
from trucewatch.ingest.limits import Limits, bounded_lines, decode_text, open_source, read_bounded, shown
from trucewatch.ingest.parse import checked, csv_file, failure, feed, html, json_file, jsonl_records

__all__ = ["Columns", "Item", "Limits", "RawArticle", "SourceFailure", "bounded_lines", "jsonl_lines", "jsonl_records",
           "read_bytes", "read_file", "read_path", "read_sources", "shown"]

HTML = {".html", ".htm", ".xhtml"}
FEEDS = {".rss", ".atom", ".xml"}
TEXT = {".txt", ".text"}
JSONL = {".jsonl", ".ndjson"}
KNOWN = HTML | FEEDS | TEXT | JSONL | {".csv", ".json"}


def read_sources(paths: Iterable[str], columns: Columns | None = None, limits: Limits | None = None) -> Iterator[Item]:
    """Every article in ``paths`` (files, directories, or "-" for standard input), in order."""
    columns = columns or Columns()
    limits = limits or Limits()
    for path in paths:
        if path == "-":
            yield from _stdin(limits)
            continue
        p = Path(path)
        try:
            folder = p.is_dir()
        except OSError as exc:
            yield failure(shown(p), exc)
            continue
        if folder:
            yield from _folder(p, columns, limits)
        else:
            yield from read_file(p, columns, limits)


def _folder(root: Path, columns: Columns, limits: Limits) -> Iterator[Item]:
    """The files of a folder and its subfolders whose names have a known suffix, sorted; a
    subfolder that cannot be listed is a failure, a symbolic link to nothing is read (and so
    reported, E105), never skipped."""
    unreadable: list[OSError] = []
    found = [Path(top, name) for top, _, names in os.walk(root, onerror=unreadable.append) for name in names]
    for exc in unreadable:
        where = shown(exc.filename or root)
        yield SourceFailure(where, InputError("E105", source=where, why=exc.strerror or str(exc)))
    for path in sorted(found):
        if path.suffix.lower() in KNOWN:
            yield from read_file(path, columns, limits)


def read_file(path: Path, columns: Columns | None = None, limits: Limits | None = None) -> Iterator[Item]:
    """The articles of one file; whatever goes wrong is a coded failure naming it (E901 for an
    exception no reader expected), after the articles read before it."""
    columns = columns or Columns()
    limits = limits or Limits()
    source = shown(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL:
            items = jsonl_file(path, source, columns, limits)
        else:
            items = _parsed(suffix, read_path(path, source, limits), source, columns, limits)
        for item in items:
            yield checked(item)
    except Exception as exc:  # noqa: BLE001 - one source, whatever broke it, is its own failure
        yield failure(source, exc)


def read_bytes(data: bytes, name: str, source: str, columns: Columns | None = None,
               limits: Limits | None = None) -> Iterator[Item]:
    """The articles of a file's content read elsewhere (an upload to the API), by the readers of
    :func:`read_file`: ``name``'s suffix picks the format (any other suffix: plain text), and
    ``source`` names it in every record and failure. Past ``limits.max_bytes``: E110."""
    columns = columns or Columns()
    limits = limits or Limits()
    suffix = Path(name).suffix.lower()
    try:
        if len(data) > limits.max_bytes:
            raise InputError("E110", source=source, limit=limits.max_bytes)
        if suffix in JSONL:
            items = jsonl_records(bounded_lines(io.BytesIO(data), limits.max_bytes), source, columns, limits=limits)
        else:
            items = _parsed(suffix, data, source, columns, limits)
        for item in items:
            yield checked(item)
    except Exception as exc:  # noqa: BLE001 - one source, whatever broke it, is its own failure
        yield failure(source, exc)


def read_path(path: Path, source: str, limits: Limits) -> bytes:
    with open_source(path, source) as f:
        return read_bounded(f, source, limits.max_bytes)


def _parsed(suffix: str, data: bytes, source: str, columns: Columns, limits: Limits) -> Iterator[Item]:
    if suffix in HTML:
        yield html(data, source)
    elif suffix in FEEDS:
        yield from feed(data, source)
    elif suffix == ".json":
        yield from json_file(data, source, columns, limits)
    elif suffix == ".csv":
        yield from csv_file(data, source, columns, limits)
    else:
        text, warnings = decode_text(data, source)
        yield RawArticle(text, source, warnings=warnings)


def jsonl_lines(path: Path, source: str, limits: Limits) -> Iterator[bytes | str | None]:
    """The lines of a JSONL file, streamed (never read whole), each within ``limits.max_bytes``."""
    with open_source(path, source) as f:
        yield from bounded_lines(f, limits.max_bytes)


def jsonl_file(path: Path, source: str, columns: Columns, limits: Limits) -> Iterator[Item]:
    yield from jsonl_records(jsonl_lines(path, source, limits), source, columns, limits=limits)


def _stdin(limits: Limits) -> Iterator[Item]:
    try:
        data = read_bounded(sys.stdin.buffer, "<stdin>", limits.max_bytes)
        text, warnings = decode_text(data, "<stdin>")
        yield checked(RawArticle(text, "<stdin>", warnings=warnings))
    except Exception as exc:  # noqa: BLE001 - standard input is one source
        yield failure("<stdin>", exc)
