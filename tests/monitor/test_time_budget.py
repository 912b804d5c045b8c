"""A time budget per article (issue 13): an article whose analysis runs past
``max_article_seconds`` fails alone with E114, and the rest of the batch is analysed, on the main
thread (a timer), in any other thread, on Dask workers and in the API's thread pool (the
cooperative deadline)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from trucewatch import budget, pipeline
from trucewatch.budget import deadline
from trucewatch.config import Settings
from trucewatch.errors import TrucewatchError
from trucewatch.ingest.run import IngestReport, ingest
from trucewatch.pipeline import Analyzer, ArticleInput, Failure
from trucewatch.store.db import Store

T = TypeVar("T")

pytestmark = pytest.mark.model


def test_a_block_past_its_budget_is_stopped_with_e114() -> None:
    t = time.monotonic()
    with pytest.raises(TrucewatchError) as err, deadline(0.2, "slow.txt"):
        time.sleep(5)
    assert err.value.code == "E114" and "slow.txt" in str(err.value)
    assert time.monotonic() - t < 2


def test_the_budget_setting_is_validated() -> None:
    assert Settings.load().max_article_seconds > 0
    with pytest.raises(TrucewatchError) as err:
        Settings.load(max_article_seconds=0)
    assert err.value.code == "E302"


def test_an_article_that_stalls_fails_alone_and_the_batch_goes_on(analyzer: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_ceasefires

    def stalls(ctx: Any) -> Any:
        if "Stalls" in ctx.text:
            time.sleep(30)  # what a quadratic path did on hostile text
        return real(ctx)

    text = "Russian missiles hit Kramatorsk on Friday, killing two people, officials said."
    analyzer.analyze_all([ArticleInput(text, language="en")])  # a process's first article compiles the lexicon
    monkeypatch.setattr(pipeline, "extract_ceasefires", stalls)
    quick = Analyzer(analyzer.settings.replace(max_article_seconds=1.0), analyzer.gazetteer)
    items = [ArticleInput(text, id="a", language="en", source="a.txt"),
             ArticleInput("Stalls. " + text, id="b", language="en", source="b.txt"),
             ArticleInput(text + " Again.", id="c", language="en", source="c.txt")]
    t = time.monotonic()
    out = quick.analyze_all(items)
    assert time.monotonic() - t < 20
    assert isinstance(out[1], Failure) and out[1].error.code == "E114" and "b.txt" in str(out[1].error)
    assert not isinstance(out[0], Failure) and not isinstance(out[2], Failure)
    assert out[0].incidents and out[2].incidents


# ---------------------------------------------------------------- the budget off the main thread
# Signals reach only the main thread; the cooperative deadline (a context variable read by
# budget.check() at stage boundaries and in the per-sentence loops) holds in any thread. A stage
# made slow by a jump of the budget's clock, never by waiting: deterministic, and no timed test.

TEXT = "Russian missiles hit Kramatorsk on Friday, killing two people, officials said."


class _Jumps:
    """The budget's clock, put an hour forward each time the stalling stage runs."""

    def __init__(self) -> None:
        self.ahead = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.ahead


def _stall_on(monkeypatch: pytest.MonkeyPatch, word: str = "Stalls") -> None:
    clock = _Jumps()
    real = pipeline.extract_ceasefires

    def stalls(ctx: Any) -> Any:
        if word in ctx.text:
            clock.ahead += 3600.0  # what an hour on a quadratic path looks like to the budget
        return real(ctx)

    monkeypatch.setattr(budget, "clock", clock, raising=False)
    monkeypatch.setattr(pipeline, "extract_ceasefires", stalls)


def _in_thread(fn: Callable[[], T]) -> T:
    out: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            out.append(fn())
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if errors:
        raise errors[0]
    return out[0]


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "b.txt").write_text("Stalls. Ukrainian drones struck Belgorod on Sunday, injuring three people.",
                               encoding="utf-8")
    (src / "c.txt").write_text("Israeli air strikes hit Rafah on Tuesday, killing five people, medics said.",
                               encoding="utf-8")
    return src


def _check_store(store: Store, report: IngestReport) -> None:
    failed = {Path(s).name: code for s, code, _ in store.status().failures}
    assert failed == {"b.txt": "E114"}
    stored = {Path(s).name for (s,) in store.rows("SELECT source FROM articles WHERE status = 'analysed'")}
    assert stored == {"a.txt", "c.txt"}
    assert (report.stored, report.failed) == (2, 1)


def test_check_outside_a_deadline_does_nothing_and_inside_one_past_it_raises_e114() -> None:
    budget.check()  # no deadline: no bound
    with pytest.raises(TrucewatchError) as err:
        _in_thread(lambda: _past_its_budget())
    assert err.value.code == "E114" and "late.txt" in str(err.value)


def _past_its_budget() -> None:
    with deadline(0.05, "late.txt"):
        budget.check()
        until = time.monotonic() + 0.1
        while time.monotonic() < until:
            time.sleep(0.01)
        budget.check()


def test_a_nested_deadline_keeps_the_earlier_end(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _Jumps()
    monkeypatch.setattr(budget, "clock", clock, raising=False)

    def nested() -> str:
        with deadline(10, "outer.txt"), deadline(1000, "inner.txt"):
            clock.ahead += 100
            try:
                budget.check()
            except TrucewatchError as exc:
                return str(exc)
        return "not stopped"

    assert "outer.txt" in _in_thread(nested)


def test_an_article_that_stalls_in_a_thread_fails_alone_with_e114(analyzer: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _stall_on(monkeypatch)
    quick = Analyzer(analyzer.settings.replace(max_article_seconds=60.0), analyzer.gazetteer)
    items = [ArticleInput(TEXT, id="a", language="en", source="a.txt"),
             ArticleInput("Stalls. " + TEXT, id="b", language="en", source="b.txt"),
             ArticleInput(TEXT + " Again.", id="c", language="en", source="c.txt")]
    out = _in_thread(lambda: quick.analyze_all(items))
    assert isinstance(out[1], Failure) and out[1].error.code == "E114" and "b.txt" in str(out[1].error)
    assert not isinstance(out[0], Failure) and not isinstance(out[2], Failure)
    assert out[0].incidents and out[2].incidents


def test_a_long_article_past_a_tiny_budget_in_a_thread_is_stopped_inside_the_extraction(analyzer: Any) -> None:
    """No stage patched: the checks in the per-sentence loops stop a long article's extraction."""
    quick = Analyzer(analyzer.settings.replace(max_article_seconds=0.001), analyzer.gazetteer)
    long = " ".join(f"Shelling hit Kharkiv on Monday, killing {n % 9 + 2} people." for n in range(400))
    out = _in_thread(lambda: quick.analyze_all([ArticleInput(long, id="l", language="en", source="long.txt")]))
    assert isinstance(out[0], Failure) and out[0].error.code == "E114"


def test_an_ingest_in_a_thread_records_the_stalled_article_and_stores_the_rest(
        analyzer: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _stall_on(monkeypatch)
    quick = Analyzer(analyzer.settings.replace(max_article_seconds=60.0), analyzer.gazetteer)
    src = _folder(tmp_path)
    db = str(tmp_path / "tw.sqlite")

    def run() -> IngestReport:
        with Store.open(db) as store:  # a connection belongs to its thread
            return ingest([str(src)], store, quick)

    report = _in_thread(run)
    with Store.open(db) as store:
        _check_store(store, report)


def test_an_ingest_in_the_api_thread_pool_records_the_stalled_article(
        analyzer: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Where a FastAPI endpoint's work runs (starlette's thread pool, the context copied in)."""
    anyio = pytest.importorskip("anyio")
    concurrency = pytest.importorskip("starlette.concurrency")
    _stall_on(monkeypatch)
    quick = Analyzer(analyzer.settings.replace(max_article_seconds=60.0), analyzer.gazetteer)
    src = _folder(tmp_path)
    db = str(tmp_path / "tw.sqlite")

    def work() -> IngestReport:
        with Store.open(db) as store:  # as an endpoint's dependency opens it, in the worker thread
            return ingest([str(src)], store, quick)

    async def endpoint() -> IngestReport:
        return await concurrency.run_in_threadpool(work)

    report = anyio.run(endpoint)
    with Store.open(db) as store:
        _check_store(store, report)


def test_an_ingest_on_dask_records_the_stalled_article_and_stores_the_rest(
        analyzer: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A Dask worker runs its tasks in threads; an in-process cluster, so the stall is patched in."""
    distributed = pytest.importorskip("dask.distributed")
    from trucewatch.ingest.scale import ingest_dask

    _stall_on(monkeypatch)
    settings = analyzer.settings.replace(max_article_seconds=60.0)
    src = _folder(tmp_path)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Store.open(str(tmp_path / "tw.sqlite")) as store:
        report = ingest_dask([str(src)], store, cluster.scheduler_address, settings=settings,
                             parts=str(tmp_path / "parts"), partition=2)
        _check_store(store, report)
