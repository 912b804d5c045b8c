"""Read articles from the files a monitor collects: .txt, .html (main text and metadata through
trafilatura), .jsonl and .csv (a text column), RSS/Atom feeds (feedparser), directories of those,
and standard input.

Every source yields :class:`RawArticle` records, or a :class:`SourceFailure` that names the file
(or line) and why it could not be read; one broken file never stops the others.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trucewatch.errors import InputError, TrucewatchError, warning
from trucewatch.nlp.normalize import decode
from trucewatch.records import PublishedBasis
from trucewatch.temporal.published import parse_published

HTML = {".html", ".htm", ".xhtml"}
FEEDS = {".rss", ".atom", ".xml"}
TEXT = {".txt", ".text"}
_MIN_WORDS = 8
KNOWN = HTML | FEEDS | TEXT | {".jsonl", ".ndjson", ".csv", ".json"}


@dataclass(frozen=True)
class RawArticle:
    text: str
    source: str  # file, file:line or feed#entry: where the text was read
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    warnings: tuple[str, ...] = ()
    id: str | None = None  # the id the input gives (JSONL/CSV), kept by analyze --jsonl
    country: str | None = None  # ISO 3166-1 alpha-2 hint for geocoding

    @property
    def published_basis(self) -> PublishedBasis:
        """"metadata" when a date came with the article, else "unknown" (inferred later)."""
        return "metadata" if self.published else "unknown"


@dataclass(frozen=True)
class SourceFailure:
    source: str
    error: TrucewatchError
    id: str | None = None  # the record's own id, when it had one


Item = RawArticle | SourceFailure


@dataclass(frozen=True)
class Columns:
    """Column (or JSON key) names for tabular input."""

    text: str = "text"
    title: str = "title"
    url: str = "url"
    outlet: str = "outlet"
    published: str = "published"
    language: str = "language"
    country: str = "country"
    id: str = "id"


def read_sources(paths: Iterable[str], columns: Columns | None = None) -> Iterator[Item]:
    """Every article in ``paths`` (files, directories, or "-" for standard input), in order."""
    columns = columns or Columns()
    for path in paths:
        if path == "-":
            yield from _stdin()
            continue
        p = Path(path)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in KNOWN):
                yield from read_file(f, columns)
        else:
            yield from read_file(p, columns)


def read_file(path: Path, columns: Columns | None = None) -> Iterator[Item]:
    columns = columns or Columns()
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield SourceFailure(source, InputError("E105", source=source, why=exc.strerror or str(exc)))
        return
    suffix = path.suffix.lower()
    try:
        if suffix in HTML:
            yield _html(data, source)
        elif suffix in FEEDS:
            yield from _feed(data, source)
        elif suffix in {".jsonl", ".ndjson"}:
            yield from _jsonl(data, source, columns)
        elif suffix == ".json":
            yield from _json(data, source, columns)
        elif suffix == ".csv":
            yield from _csv(data, source, columns)
        else:
            text, warnings = decode(data, source)
            yield RawArticle(text, source, warnings=warnings)
    except TrucewatchError as exc:
        yield SourceFailure(source, exc)


def _stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    try:
        text, warnings = decode(data, "<stdin>")
        yield RawArticle(text, "<stdin>", warnings=warnings)
    except TrucewatchError as exc:
        yield SourceFailure("<stdin>", exc)


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    try:
        return parse_published(str(value))
    except ValueError:
        return None


def _html(data: bytes, source: str) -> RawArticle:
    import trafilatura

    html, warnings = decode(data, source)
    found: Any = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, as_dict=True)
    doc: dict[str, Any] = found if isinstance(found, dict) else {}
    text = doc.get("text") or ""
    if len(text.split()) < _MIN_WORDS:  # a menu, a cookie banner, a photo caption: not an article
        raise InputError("E108", source=source, kind="HTML page", why=f"no main text of {_MIN_WORDS}+ words")
    published = _day(doc.get("date"))
    title = doc.get("title")
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return RawArticle(body, source, title=title, outlet=doc.get("sitename") or doc.get("hostname"),
                      url=doc.get("url"), author=doc.get("author"), published=published, warnings=warnings)


def _strip_html(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    from lxml import html as lxml_html

    try:
        return str(lxml_html.fromstring(fragment).text_content())
    except (ValueError, TypeError):
        return fragment


def _feed(data: bytes, source: str) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        why = str(getattr(feed, "bozo_exception", "")) or "no entries"
        raise InputError("E108", source=source, kind="feed", why=why[:80])
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        where = f"{source}#{n}"
        content = entry.get("content") or []
        body = _strip_html(content[0].get("value", "") if content else entry.get("summary", ""))
        title = entry.get("title")
        text = "\n\n".join(x for x in (title, body.strip()) if x)
        if not text.strip():
            yield SourceFailure(where, InputError("E108", source=where, kind="feed entry", why="no title or text"))
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*parsed[:3]) if parsed else None
        yield RawArticle(text, where, title=title, outlet=outlet, url=entry.get("link"),
                         author=entry.get("author"), published=published)


def _record(obj: dict[str, Any], where: str, columns: Columns, headline: bool = True) -> RawArticle:
    """One article of a JSON object or a CSV row. A date that is not one becomes W105 and the date
    is inferred later (bad metadata never loses the article). ``headline``: put the title before
    the text (ingest) or leave the text as given, so offsets point into it (analyze --jsonl)."""
    text = obj.get(columns.text)
    if not isinstance(text, str) or headline and not text.strip():
        raise InputError("E106", source=where, why=f"no '{columns.text}' text")
    raw_date = obj.get(columns.published)
    published = _day(raw_date)
    warnings = (warning("W105", source=where, value=raw_date),) if published is None and raw_date else ()
    title = obj.get(columns.title) or None
    if headline and isinstance(title, str) and title.strip() and not text.lstrip().startswith(title.strip()[:40]):
        text = f"{title.strip()}\n\n{text}"  # the headline is part of what was published
    given = obj.get(columns.id)
    country = obj.get(columns.country)
    return RawArticle(text, where, title=title, outlet=obj.get(columns.outlet) or None,
                      url=obj.get(columns.url) or None, published=published,
                      language=obj.get(columns.language) or None, warnings=warnings,
                      id=str(given) if given is not None else None,
                      country=country.upper() if isinstance(country, str) and country else None)


def jsonl_records(lines: Iterable[str], source: str, columns: Columns | None = None,
                  headline: bool = True) -> Iterator[Item]:
    """Articles of JSON lines, one per non-empty line: the one reader of ``ingest`` and
    ``analyze --jsonl``. A bad line is a :class:`SourceFailure` (with the line's id when it has
    one) and the rest go on."""
    columns = columns or Columns()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        obj: Any = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise InputError("E106", source=where, why="not a JSON object")
            yield _record(obj, where, columns, headline)
        except TrucewatchError as exc:
            yield SourceFailure(where, exc, _id_of(obj))
        except (ValueError, TypeError, AttributeError) as exc:
            yield SourceFailure(where, InputError("E106", source=where, why=str(exc)[:80]), _id_of(obj))


def _id_of(obj: Any) -> str | None:
    return str(obj["id"]) if isinstance(obj, dict) and obj.get("id") is not None else None


def _jsonl(data: bytes, source: str, columns: Columns) -> Iterator[Item]:
    text, _ = decode(data, source)
    yield from jsonl_records(text.splitlines(), source, columns)


def _json(data: bytes, source: str, columns: Columns) -> Iterator[Item]:
    """A JSON file: one article object, or a list of them."""
    text, _ = decode(data, source)
    try:
        obj = json.loads(text)
    except ValueError as exc:
        yield SourceFailure(source, InputError("E106", source=source, why=str(exc)[:80]))
        return
    records = obj if isinstance(obj, list) else [obj]
    for n, rec in enumerate(records, 1):
        where = source if len(records) == 1 else f"{source}#{n}"
        try:
            if not isinstance(rec, dict):
                raise InputError("E106", source=where, why="not a JSON object")
            yield _record(rec, where, columns)
        except TrucewatchError as exc:
            yield SourceFailure(where, exc)


def _csv(data: bytes, source: str, columns: Columns) -> Iterator[Item]:
    text, _ = decode(data, source)
    reader = csv.DictReader(io.StringIO(text))
    if columns.text not in (reader.fieldnames or []):
        raise InputError("E109", source=source, column=columns.text, have=", ".join(reader.fieldnames or [])[:80])
    for n, row in enumerate(reader, 2):
        where = f"{source}:{n}"
        try:
            yield _record(row, where, columns)
        except TrucewatchError as exc:
            yield SourceFailure(where, exc)
