"""Refit the incident confidence (src/trucewatch/extract/confidence.py) on the labelled dev articles.

    PYTHONPATH=src python scripts/fit_confidence.py [--corpus ../shared/corpus] [--l2 1.0]

Every incident the analysis calls news (context "new"), shown or kept aside, is matched to the
labels of the development split (never the held-out third) as ``scripts/reliability.py`` does; its
features are those ``extract.incidents`` scored it with, and its outcome is whether a careful reader
labelled it a new incident. An L2-regularised logistic regression (Newton's method; the penalty
spares the intercept) gives one log-odds weight per feature. The script prints the weights rounded
to 0.1, as ``confidence.WEIGHTS`` keeps them, and how many incidents each feature saw.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from trucewatch.config import Settings
from trucewatch.evaluate.real import _match, load
from trucewatch.extract import confidence, incidents
from trucewatch.pipeline import Analyzer
from trucewatch.temporal.published import parse_published

_SEEN: dict[tuple[int, ...], confidence.Features] = {}


def _record() -> None:
    """Keep the features of every finished draft, keyed by its evidence starts."""
    features, finish = incidents._features, incidents._finish
    last: list[confidence.Features] = []

    def _features(*a, **k):  # type: ignore[no-untyped-def]
        last.append(features(*a, **k))
        return last[-1]

    def _finish(*a, **k):  # type: ignore[no-untyped-def]
        inc = finish(*a, **k)
        _SEEN[tuple(e.start for e in inc.evidence)] = last[-1]
        return inc

    incidents._features, incidents._finish = _features, _finish  # type: ignore[assignment]


def samples(corpus: Path) -> tuple[np.ndarray, np.ndarray]:
    _record()
    analyzer = Analyzer.load(Settings.load(min_confidence=0.0))
    xs, ys = [], []
    for item in load(Path("tests/real/labels"), corpus, "dev"):
        _SEEN.clear()
        a = analyzer.analyze(item.record["text"], published=parse_published(item.label["published"]),
                             language=item.record.get("language"), source=item.name).to_contract()
        news = [i for i in a["incidents"] if i["context"] == "new"]
        labels = item.label["incidents"]
        matched = _match(news, labels)
        for n, i in enumerate(news):
            f = _SEEN.get(tuple(e["start"] for e in i["evidence"]))
            if f is not None:  # an incident merged after drafting has no features of its own
                xs.append(f.vector())
                ys.append(float(n in matched and labels[matched[n]]["context"] == "new"))
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Weights [bias, w1..wk] of an L2-penalised logistic regression, by Newton's method."""
    X = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(X.shape[1])
    penalty = np.full(X.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) + penalty * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpus", type=Path)
    ap.add_argument("--l2", default=1.0, type=float)
    args = ap.parse_args()
    x, y = samples(args.corpus)
    w = fit(x, y, args.l2)
    print(f"{len(y)} news incidents, {int(y.sum())} confirmed")
    print(f"BIAS = {w[0]:.1f}")
    for name, wi, col in zip(confidence.WEIGHTS, w[1:], x.T, strict=True):
        print(f"{name:>18} {wi:+.1f}  (set in {int(col.sum())}, confirmed {int(y[col > 0].sum())})")


if __name__ == "__main__":
    main()
