"""A time budget per article (issue 13): an article whose analysis runs past
``max_article_seconds`` fails alone with E114, and the rest of the batch is analysed."""

from __future__ import annotations

import time
from typing import Any

import pytest

from trucewatch import pipeline
from trucewatch.budget import deadline
from trucewatch.config import Settings
from trucewatch.errors import TrucewatchError
from trucewatch.pipeline import Analyzer, ArticleInput, Failure

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

    monkeypatch.setattr(pipeline, "extract_ceasefires", stalls)
    quick = Analyzer(analyzer.settings.replace(max_article_seconds=1.0), analyzer.gazetteer)
    text = "Russian missiles hit Kramatorsk on Friday, killing two people, officials said."
    items = [ArticleInput(text, id="a", language="en", source="a.txt"),
             ArticleInput("Stalls. " + text, id="b", language="en", source="b.txt"),
             ArticleInput(text + " Again.", id="c", language="en", source="c.txt")]
    t = time.monotonic()
    out = quick.analyze_all(items)
    assert time.monotonic() - t < 20
    assert isinstance(out[1], Failure) and out[1].error.code == "E114" and "b.txt" in str(out[1].error)
    assert not isinstance(out[0], Failure) and not isinstance(out[2], Failure)
    assert out[0].incidents and out[2].incidents
