"""Pairwise precision and recall of corroboration against a corpus whose events are known
(``tests/corroboration/truth.json``): a pair of reports is right when both sides put the two
reports in one event."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from pathlib import Path

from trucewatch.corroborate.events import corroborate
from trucewatch.pipeline import Analyzer, ArticleInput, Failure
from trucewatch.stored import Report, Source, StoredArticle


@dataclass(frozen=True)
class PairScore:
    precision: float
    recall: float
    reports: int
    true_pairs: int
    predicted_pairs: int
    wrong: tuple[tuple[str, str], ...]  # linked, but not one event
    missed: tuple[tuple[str, str], ...]  # one event, not linked


def _key(r: Report) -> str:
    return f"{r.article_id}:{r.incident.place.name if r.incident.place else None}"


def pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}  # type: ignore[misc]


def score(truth_path: Path, analyzer: Analyzer, root: Path) -> PairScore:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    items = [ArticleInput((root / a["path"]).read_text(encoding="utf-8"), id=name,
                          published=date.fromisoformat(a["published"]), published_basis="metadata")
             for name, a in truth["articles"].items()]
    found: list[Report] = []
    for item, result in zip(items, analyzer.analyze_many(items), strict=True):
        if not isinstance(result, Failure):
            named = replace(result, article=replace(result.article, id=str(item.id)))
            found += StoredArticle(named, Source()).reports()
    events = corroborate(found)
    predicted = pairs([[_key(r) for r in e.reports] for e in events])
    known = {_key(r) for r in found}
    expected = pairs([[k for k in members if k in known] for members in truth["events"].values()])
    right = predicted & expected
    return PairScore(len(right) / max(1, len(predicted)), len(right) / max(1, len(expected)), len(found),
                     len(expected), len(predicted), tuple(sorted(predicted - expected)),
                     tuple(sorted(expected - predicted)))
