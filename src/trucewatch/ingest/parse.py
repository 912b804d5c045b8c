"""The formats a source can be in: an HTML page (main text and metadata through trafilatura), an
RSS/Atom feed (feedparser), JSON (an object or a list), JSON lines and CSV (a text column).

Each entry, line or row is its own unit of failure: whatever goes wrong in one (a coded error, or
any exception a parser raises) is a :class:`SourceFailure` naming it, and the others go on.
Metadata that is not text (an object or a list for a title) is dropped with W106; a number is
kept as its digits.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from trucewatch.errors import InputError, InternalError, TrucewatchError, printable, warning
from trucewatch.ingest.items import Columns, Item, RawArticle, SourceFailure
from trucewatch.ingest.limits import Limits, check_depth, decode_text, is_text, line_text
from trucewatch.temporal.published import parse_published

_MIN_WORDS = 8
_CSV_FIELD_DEFAULT = 131_072  # the csv module's own limit, kept as a floor
_ID = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.){0,200}"|-?\d{1,40})')
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def failure(where: str, exc: BaseException, given: str | None = None) -> SourceFailure:
    """The failure of one source: its coded error, or E901 naming an unexpected exception."""
    if isinstance(exc, TrucewatchError):
        return SourceFailure(where, exc, given)
    why = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return SourceFailure(where, InternalError("E901", source=where, why=why), given)


def checked(item: Item) -> Item:
    """An article whose text holds a lone surrogate (``\\ud800`` in JSON) is E103; its metadata
    is made printable (no store or JSON output takes a lone surrogate). A feed's ``&#xD800;``
    never gets here: :func:`feed` reads it as U+FFFD."""
    if isinstance(item, SourceFailure):
        return item
    if not is_text(item.text):
        return SourceFailure(item.source, InputError("E103", source=item.source,
                                                     why="it holds a lone surrogate, which is not a character"),
                             item.id)
    fields = {f: printable(v) for f in ("title", "outlet", "url", "author", "language", "id", "country")
              if isinstance(v := getattr(item, f), str) and not is_text(v)}
    return dataclasses.replace(item, **fields) if fields else item  # type: ignore[arg-type]


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    try:
        return parse_published(str(value))
    except (ValueError, OverflowError):
        return None


def html(data: bytes, source: str) -> RawArticle:
    import trafilatura

    page, warnings = decode_text(data, source)
    found: Any = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, as_dict=True)
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
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return str(lxml_html.fromstring(fragment).text_content())
    except etree.ParserError:  # "Document is empty": only a comment, or only markup
        return ""
    except (ValueError, TypeError, etree.LxmlError):
        return fragment


def _charref(m: re.Match[bytes]) -> bytes:
    """A character reference to what is not a character (a lone surrogate such as ``&#xD800;``,
    NUL, past U+10FFFF) becomes U+FFFD, as XML parsers that recover do; the others stay."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return b"&#xFFFD;" if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else m.group(0)


def feed(data: bytes, source: str) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(_CHARREF.sub(_charref, data))
    if not parsed.entries:
        why = str(getattr(parsed, "bozo_exception", "")) or "no entries"
        raise InputError("E108", source=source, kind="feed", why=why[:80])
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{n}"
        try:
            yield _entry(entry, where, outlet)
        except Exception as exc:  # noqa: BLE001 - one entry, whatever broke it, is its own failure
            yield failure(where, exc)


def _entry(entry: Any, where: str, outlet: str | None) -> RawArticle:
    content = [c.get("value") for c in entry.get("content") or [] if c.get("value")]
    body = _strip_html(content[0] if content else entry.get("summary") or "")
    title = entry.get("title")
    text = "\n\n".join(x for x in (title, body.strip()) if x)
    if not text.strip():
        raise InputError("E108", source=where, kind="feed entry", why="no title or text")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(*stamp[:3]) if stamp else None
    return RawArticle(text, where, title=title, outlet=outlet, url=entry.get("link"),
                      author=entry.get("author"), published=published)


def _field(obj: dict[str, Any], key: str, where: str, limits: Limits, warnings: list[str]) -> str | None:
    """One metadata field as text, or None: a number is kept as its digits, an object or a list
    is dropped (W106), a field longer than ``limits.max_field_chars`` is E113."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool | int | float):
        value = str(value)
    if not isinstance(value, str):
        what = "an object" if isinstance(value, dict) else "a list" if isinstance(value, list) else "not text"
        warnings.append(warning("W106", source=where, field=key, what=what))
        return None
    if len(value) > limits.max_field_chars:
        raise InputError("E113", source=where, field=key, limit=limits.max_field_chars, setting="max_field_chars")
    return printable(value)


def record(obj: dict[str, Any], where: str, columns: Columns, headline: bool = True,
           limits: Limits | None = None) -> RawArticle:
    """One article of a JSON object or a CSV row. A date that is not one becomes W105 and the date
    is inferred later (bad metadata never loses the article). ``headline``: put the title before
    the text (ingest) or leave the text as given, so offsets point into it (analyze --jsonl)."""
    limits = limits or Limits()
    text = obj.get(columns.text)
    if not isinstance(text, str) or headline and not text.strip():
        raise InputError("E106", source=where, why=f"no '{columns.text}' text")
    warnings: list[str] = []
    field = {name: _field(obj, key, where, limits, warnings) for name, key in (
        ("title", columns.title), ("outlet", columns.outlet), ("url", columns.url), ("id", columns.id),
        ("published", columns.published), ("language", columns.language), ("country", columns.country))}
    published = _day(field["published"])
    if published is None and field["published"]:
        warnings.append(warning("W105", source=where, value=field["published"]))
    title = field["title"]
    if headline and title and title.strip() and not text.lstrip().startswith(title.strip()[:40]):
        text = f"{title.strip()}\n\n{text}"  # the headline is part of what was published
    country = field["country"]
    return RawArticle(text, where, title=title, outlet=field["outlet"], url=field["url"], published=published,
                      language=field["language"], warnings=tuple(warnings), id=field["id"],
                      country=country.upper() if country else None)


def id_of(obj: Any, line: str | None = None) -> str | None:
    """The id of a record that failed, when it has a plain one; of a line that could not be
    parsed (too deep, broken), the first ``"id": value`` in it."""
    if not isinstance(obj, dict) and line is not None and (m := _ID.search(line)):
        try:
            obj = {"id": json.loads(m.group(1))}
        except ValueError:
            return None
    given = obj.get("id") if isinstance(obj, dict) else None
    return printable(str(given))[:200] if isinstance(given, str | int | float) else None


def jsonl_records(lines: Iterable[str | bytes | None], source: str, columns: Columns | None = None,
                  headline: bool = True, limits: Limits | None = None) -> Iterator[Item]:
    """Articles of JSON lines, one per non-empty line: the one reader of ``ingest`` and
    ``analyze --jsonl``. A line is text, bytes (decoded here), or None for one over
    ``limits.max_bytes`` (E110). A bad line is a :class:`SourceFailure` (with the line's id when
    it has one) and the rest go on."""
    columns = columns or Columns()
    limits = limits or Limits()
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        obj: Any = None
        line: str | None = None
        try:
            if raw is None:
                raise InputError("E110", source=where, limit=limits.max_bytes)
            if not raw.strip():
                continue
            line = line_text(raw, where)
            check_depth(line, where, limits.max_depth)
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise InputError("E106", source=where, why="not a JSON object")
            yield checked(record(obj, where, columns, headline, limits))
        except (ValueError, TypeError, AttributeError) as exc:
            yield SourceFailure(where, InputError("E106", source=where, why=str(exc)[:80]), id_of(obj, line))
        except Exception as exc:  # noqa: BLE001 - one line, whatever broke it, is its own failure
            yield failure(where, exc, id_of(obj, line))


def json_file(data: bytes, source: str, columns: Columns, limits: Limits) -> Iterator[Item]:
    """A JSON file: one article object, or a list of them."""
    text, _ = decode_text(data, source)
    check_depth(text, source, limits.max_depth)
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
            yield record(rec, where, columns, limits=limits)
        except Exception as exc:  # noqa: BLE001 - one record, whatever broke it, is its own failure
            yield failure(where, exc, id_of(rec))


def csv_file(data: bytes, source: str, columns: Columns, limits: Limits) -> Iterator[Item]:
    """A CSV file with a header row; any line ending (``\\r\\n``, ``\\n``, a bare ``\\r``). A row the
    csv module cannot read (a field over ``limits.max_chars``) is its own failure."""
    text, _ = decode_text(data, source)
    csv.field_size_limit(max(_CSV_FIELD_DEFAULT, limits.max_chars + 1, limits.max_field_chars + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        names = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError("E109", source=source, column=columns.text, have=f"none read: {exc}"[:80]) from exc
    if columns.text not in names:
        raise InputError("E109", source=source, column=columns.text, have=", ".join(names)[:80])
    n = 1
    while True:
        n += 1
        where = f"{source}:{n}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            too_long = "larger than field limit" in str(exc)
            yield failure(where, InputError("E113", source=where, field="(a column)", limit=limits.max_chars,
                                            setting="max_chars") if too_long else exc)
            continue
        try:
            yield record(row, where, columns, limits=limits)
        except Exception as exc:  # noqa: BLE001 - one row, whatever broke it, is its own failure
            yield failure(where, exc, id_of(row))
