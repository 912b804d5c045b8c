"""The fuzz targets (issue 13), shared by the hypothesis tests (``test_fuzz_targets.py``: CI runs
a few examples of each and replays the seed corpus) and the long runner (``tests/fuzz/run.py``,
``make fuzz``). A target takes one input and must never raise: a bad input is a coded failure
(a :class:`SourceFailure`, a :class:`Failure`), never an uncaught exception.

Targets: each source reader (``read_txt`` ... ``read_html``: the bytes of one file of that kind),
``analyze`` (a few texts, each in a language or none, analysed as one batch), and the time and
number parsers of each language (``parse_en`` ...: one text).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from trucewatch.config import Settings
from trucewatch.extract.casualties import extract_casualties
from trucewatch.ingest.sources import Columns, Limits, RawArticle, SourceFailure, read_sources
from trucewatch.nlp.lexicon import load_lexicon, shadow
from trucewatch.pipeline import Analyzer, ArticleInput, Failure
from trucewatch.temporal.incident_time import Clocks, from_calendar
from trucewatch.temporal.points import grammar

CORPUS = Path(__file__).parent / "corpus"
LANGS = ["ar", "de", "en", "es", "fr", "ru", "uk"]
LIMITS = Limits.of(Settings.load().replace(max_source_bytes=1_000_000, max_field_chars=2_000))
PUBLISHED = date(2023, 1, 7)

#: words the readers and parsers look for, so that examples reach past the first check
WORDS = ["Kharkiv", "Kyiv", "shelling", "killed", "two", "5", "January", "2023", "ceasefire", "12:00", "GMT",
         "Харків", "загинули", "двоє", "січня", "قصف", "قتيلين", "كانون", "tués", "deux", "janvier", "et",
         "(", ")", ",", ".", "\n", " ", "\r", "\ud800", "=", "<", ">", "&#xD800;", '"', "-", "\x00"]
#: the keys of an article object
KEYS = ["text", "title", "url", "outlet", "published", "id", "language", "x"]
#: reader target -> the file suffix it reads
READERS = {"read_txt": ".txt", "read_json": ".json", "read_jsonl": ".jsonl", "read_csv": ".csv",
           "read_feed": ".rss", "read_html": ".html"}


def encoded(text: str) -> bytes:
    """Text as a file holds it, a lone surrogate included (as its three bytes)."""
    return text.encode("utf-8", "surrogatepass")


def json_bytes(value: Any) -> bytes:
    return encoded(json.dumps(value, ensure_ascii=False))


def jsonl_bytes(values: list[Any]) -> bytes:
    return "\n".join(json.dumps(v) for v in values).encode()


def csv_bytes(rows: list[list[str]]) -> bytes:
    return encoded("\n".join(",".join(r) for r in [["text", "title"], *rows]))


def feed_bytes(entries: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><description>{d}</description></item>" for t, d in entries)
    return encoded(f"<?xml version='1.0'?><rss><channel>{body}</channel></rss>")


def html_bytes(text: str) -> bytes:
    return encoded(f"<html><body><p>{text}</p><!-- {text} --></body></html>")


def read(tmp: Path, name: str, data: bytes) -> list[Any]:
    """Read ``data`` as the file ``name`` in ``tmp``: every item an article or a coded failure."""
    path = tmp / name
    path.write_bytes(data)
    try:
        items = list(read_sources([str(path)], Columns(), LIMITS))
    finally:
        path.unlink()  # a new file each time: truncating one in place costs milliseconds on some disks
    assert all(isinstance(i, RawArticle | SourceFailure) for i in items)
    return items


def reader(target: str, tmp: Path) -> Callable[[bytes], object]:
    suffix = READERS[target]
    return lambda data: read(tmp, f"input{suffix}", data)


def analyze(analyzer: Analyzer, items: list[tuple[str, str | None]]) -> None:
    """Analyse (text, language) pairs as one batch: one result each, every one serialisable."""
    out = analyzer.analyze_all([ArticleInput(t, id=str(n), language=lang, source=f"fuzz{n}", published=PUBLISHED)
                                for n, (t, lang) in enumerate(items)])
    assert len(out) == len(items)
    for result in out:
        json.dumps(result.to_contract() if isinstance(result, Failure) else result.to_contract(),
                   ensure_ascii=False)


def parser(lang: str) -> Callable[[str], object]:
    """The time and number parsers of ``lang`` over one text."""
    lex = load_lexicon(lang)
    clocks = Clocks(("Europe/Kyiv",))

    def run(text: str) -> None:
        sh = shadow(text)
        grammar(lex).points(sh, 0, len(sh))
        from_calendar(lex, sh, 0, len(sh), PUBLISHED, clocks)
        extract_casualties(lex, sh, 0, len(sh))

    return run
