"""Fuzz targets kept in the repository (issue 13): every source reader, ``analyze``, and the time
and number parsers must never raise on any input: a bad input is a coded failure, never an
uncaught exception. The HTTP API has its own (tests/api/test_fuzz.py).

``tests/fuzz/corpus/`` holds hostile inputs made by hand (each defect of the issue, and a few
more); CI replays all of them. Each hypothesis target runs ``TRUCEWATCH_FUZZ_EXAMPLES`` examples
(20 by default; ``make fuzz`` runs many more)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.conftest import RUN
from trucewatch.config import Settings
from trucewatch.extract.casualties import extract_casualties
from trucewatch.ingest.sources import Columns, Limits, RawArticle, SourceFailure, read_sources
from trucewatch.nlp.lexicon import load_lexicon, shadow
from trucewatch.pipeline import ArticleInput, Failure
from trucewatch.temporal.incident_time import Clocks, from_calendar
from trucewatch.temporal.points import grammar

pytestmark = pytest.mark.model
CORPUS = Path(__file__).parent / "corpus"
EXAMPLES = int(os.environ.get("TRUCEWATCH_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
LANGS = ["ar", "de", "en", "es", "fr", "ru", "uk"]
LIMITS = Limits.of(Settings.load().replace(max_source_bytes=1_000_000, max_field_chars=2_000))

# words the readers and parsers look for, so that examples reach past the first check
WORDS = ["Kharkiv", "Kyiv", "shelling", "killed", "two", "5", "January", "2023", "ceasefire", "12:00", "GMT",
         "Харків", "загинули", "двоє", "січня", "قصف", "قتيلين", "كانون", "tués", "deux", "janvier", "et",
         "(", ")", ",", ".", "\n", " ", "\r", "\ud800", "=", "<", ">", "&#xD800;", '"', "-", "\x00"]
text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), text)
json_values = st.recursive(scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                         st.dictionaries(st.sampled_from(
                                                             ["text", "title", "url", "outlet", "published",
                                                              "id", "language", "x"]), kids, max_size=5)),
                           max_leaves=20)


def _read(tmp: Path, name: str, data: bytes) -> list[Any]:
    path = tmp / name
    path.write_bytes(data)
    items = list(read_sources([str(path)], Columns(), LIMITS))
    assert all(isinstance(i, RawArticle | SourceFailure) for i in items)
    return items


def _feed(entries: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><description>{d}</description></item>" for t, d in entries)
    return f"<?xml version='1.0'?><rss><channel>{body}</channel></rss>".encode("utf-8", "surrogatepass")


READERS: dict[str, tuple[str, Any]] = {
    "txt": (".txt", st.one_of(st.binary(max_size=400), text.map(lambda t: t.encode("utf-8", "surrogatepass")))),
    "json": (".json", st.one_of(st.binary(max_size=200), json_values.map(
        lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8", "surrogatepass")))),
    "jsonl": (".jsonl", st.lists(json_values.map(lambda v: json.dumps(v)), max_size=5).map(
        lambda ls: "\n".join(ls).encode())),
    "csv": (".csv", st.lists(st.lists(text, min_size=1, max_size=4), max_size=5).map(
        lambda rows: "\n".join(",".join(r) for r in [["text", "title"], *rows]).encode("utf-8", "surrogatepass"))),
    "feed": (".rss", st.one_of(st.binary(max_size=300), st.lists(st.tuples(text, text), max_size=4).map(_feed))),
    "html": (".html", st.one_of(st.binary(max_size=300), text.map(
        lambda t: f"<html><body><p>{t}</p><!-- {t} --></body></html>".encode("utf-8", "surrogatepass")))),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_fuzz_source_readers_never_raise(reader: str, tmp_path: Path) -> None:
    suffix, strategy = READERS[reader]

    @FUZZ
    @given(strategy)
    def run(data: bytes) -> None:
        RUN[f"read_{reader}"] += 1
        _read(tmp_path, f"input{suffix}", data)

    run()


def test_fuzz_analyze_never_raises(analyzer: Any) -> None:
    @FUZZ
    @given(st.lists(st.tuples(text, st.sampled_from([None, *LANGS])), min_size=1, max_size=3))
    def run(items: list[tuple[str, str | None]]) -> None:
        RUN["analyze"] += len(items)
        out = analyzer.analyze_all([ArticleInput(t, id=str(n), language=lang, source=f"fuzz{n}", published=date(
            2023, 1, 7)) for n, (t, lang) in enumerate(items)])
        assert len(out) == len(items)
        for result in out:
            (result.to_contract() if isinstance(result, Failure) else result.to_contract())

    run()


@pytest.mark.parametrize("lang", LANGS)
def test_fuzz_time_and_number_parsers_never_raise(lang: str) -> None:
    lex = load_lexicon(lang)

    @FUZZ
    @given(text)
    def run(t: str) -> None:
        RUN["time_and_numbers"] += 1
        sh = shadow(t)
        grammar(lex).points(sh, 0, len(sh))
        from_calendar(lex, sh, 0, len(sh), date(2023, 1, 7), Clocks(("Europe/Kyiv",)))
        extract_casualties(lex, sh, 0, len(sh))

    run()


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_seed_corpus_is_read_and_analysed_without_an_uncaught_exception(name: str, tmp_path: Path,
                                                                         analyzer: Any) -> None:
    RUN["corpus"] += 1
    items = _read(tmp_path, name, (CORPUS / name).read_bytes())
    articles = [i for i in items if isinstance(i, RawArticle)]
    out = analyzer.analyze_all([ArticleInput(a.text, id=str(n), source=a.source) for n, a in enumerate(articles)])
    assert len(out) == len(articles)
