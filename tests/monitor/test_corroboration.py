"""Corroboration on a corpus whose events are known (tests/corroboration/truth.json: reports in
seven languages, translations of one report, the same town on other days, neighbouring towns,
and reprints): pairwise precision and recall of the grouping, goal 0.95 each."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ROOT
from tests.records import incident, place, report
from trucewatch.corroborate.evaluate import score
from trucewatch.corroborate.events import corroborate
from trucewatch.stored import Report

pytestmark = pytest.mark.model


def test_corroboration_pairwise_precision_and_recall(analyzer: Any) -> None:
    s = score(ROOT / "tests" / "corroboration" / "truth.json", analyzer, ROOT)
    assert s.true_pairs >= 25, "the truth corpus lost its pairs"
    assert s.precision >= 0.95 and s.recall >= 0.95, (s.precision, s.recall, s.wrong, s.missed)


def _report(article: str, name: str, text: str, low: int | None, **kw: Any) -> Report:
    inc = incident(text, where=place(name), low=low, perpetrator_claimed=kw.get("perpetrator"),
                   start=kw.get("start", "2025-04-20T17:00:00+03:00"), end=kw.get("end", "2025-04-21T00:00:00+03:00"))
    return report(article, inc)


def test_event_counts_reprints_once_and_keeps_the_toll_range() -> None:
    wire = "Russian drones attacked Kherson on Sunday evening, killing two civilians, the regional governor said."
    reports = [
        _report("a", "Kherson", wire, 2, perpetrator="Russia"),
        _report("b", "Kherson", wire + " ", 2, perpetrator="Russia"),  # the same wire story, reprinted
        _report("c", "Kherson", "Вечером российские дроны атаковали Херсон, погибли три мирных жителя.", 3),
        _report("d", "Kherson", "Drones hit Kherson the next week.", 1,
                start="2025-04-27T17:00:00+03:00", end="2025-04-28T00:00:00+03:00"),
    ]
    events = corroborate(reports)
    [joined] = [e for e in events if len(e.reports) > 1]
    assert sorted(r.article_id for r in joined.reports) == ["a", "b", "c"]
    assert joined.sources == 2  # a and b are one wire story
    assert (joined.fatalities_low, joined.fatalities_best, joined.fatalities_high) == (2, 2, 3)
    assert "fatalities" in joined.disagreements and len(events) == 2
