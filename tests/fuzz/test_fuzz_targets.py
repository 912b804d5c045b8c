"""Fuzz targets kept in the repository (issue 13): every source reader, ``analyze``, and the time
and number parsers must never raise on any input: a bad input is a coded failure, never an
uncaught exception. The HTTP API has its own (tests/api/test_fuzz.py).

``tests/fuzz/corpus/`` holds hostile inputs made by hand (each defect of the issue, and a few
more); CI replays all of them. Each hypothesis target runs ``TRUCEWATCH_FUZZ_EXAMPLES`` examples
(20 by default). The long run, a million examples per target, is ``make fuzz``
(``tests/fuzz/run.py``: the same targets, fed by a seeded generator, many times faster)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import targets
from tests.fuzz.conftest import RUN
from tests.fuzz.targets import CORPUS, KEYS, LANGS, WORDS
from trucewatch.ingest.sources import RawArticle
from trucewatch.pipeline import ArticleInput

pytestmark = pytest.mark.model
EXAMPLES = int(os.environ.get("TRUCEWATCH_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map("".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), text)
json_values = st.recursive(scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                         st.dictionaries(st.sampled_from(KEYS), kids, max_size=5)),
                           max_leaves=20)

READERS: dict[str, Any] = {
    "read_txt": st.one_of(st.binary(max_size=400), text.map(targets.encoded)),
    "read_json": st.one_of(st.binary(max_size=200), json_values.map(targets.json_bytes)),
    "read_jsonl": st.lists(json_values, max_size=5).map(targets.jsonl_bytes),
    "read_csv": st.lists(st.lists(text, min_size=1, max_size=4), max_size=5).map(targets.csv_bytes),
    "read_feed": st.one_of(st.binary(max_size=300), st.lists(st.tuples(text, text), max_size=4).map(
        targets.feed_bytes)),
    "read_html": st.one_of(st.binary(max_size=300), text.map(targets.html_bytes)),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_fuzz_source_readers_never_raise(reader: str, tmp_path: Path) -> None:
    target = targets.reader(reader, tmp_path)

    @FUZZ
    @given(READERS[reader])
    def run(data: bytes) -> None:
        RUN[reader] += 1
        target(data)

    run()


def test_fuzz_analyze_never_raises(analyzer: Any) -> None:
    @FUZZ
    @given(st.lists(st.tuples(text, st.sampled_from([None, *LANGS])), min_size=1, max_size=3))
    def run(items: list[tuple[str, str | None]]) -> None:
        RUN["analyze"] += len(items)
        targets.analyze(analyzer, items)

    run()


@pytest.mark.parametrize("lang", LANGS)
def test_fuzz_time_and_number_parsers_never_raise(lang: str) -> None:
    target = targets.parser(lang)

    @FUZZ
    @given(text)
    def run(t: str) -> None:
        RUN[f"parse_{lang}"] += 1
        target(t)

    run()


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_seed_corpus_is_read_and_analysed_without_an_uncaught_exception(name: str, tmp_path: Path,
                                                                         analyzer: Any) -> None:
    RUN["corpus"] += 1
    items = targets.read(tmp_path, name, (CORPUS / name).read_bytes())
    articles = [i for i in items if isinstance(i, RawArticle)]
    out = analyzer.analyze_all([ArticleInput(a.text, id=str(n), source=a.source) for n, a in enumerate(articles)])
    assert len(out) == len(articles)
    json.dumps([r.to_contract() for r in out], ensure_ascii=False)
