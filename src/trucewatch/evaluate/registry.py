"""The ceasefire registry against the labelled real articles: merge the declarations the pipeline
reads from a set of labelled articles, as ingest would, and compare each registered truce with a
window to the truces the labels date.

A registered truce is *right* when a labelled truce has its start and its end (both within an
hour, an open end matching an open end); *right on start* when the start alone matches. A
labelled truce is *found* when some registered truce is right about it. Labelled truces stated
in several articles count once (same start and end within an hour).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trucewatch.records import Analysis
from trucewatch.registry.ceasefires import build
from trucewatch.stored import Registered, Source, StoredArticle

_HOUR = 3600.0


@dataclass(frozen=True)
class Truth:
    start: datetime
    end: datetime | None
    declared_by: str | None
    countries: tuple[str, ...]


@dataclass(frozen=True)
class RegistryScore:
    registered: int  # registered truces with a start
    right: int
    right_start: int
    truths: int  # distinct labelled truces with a start
    found: int
    wrong: tuple[str, ...]  # the registered truces that match no labelled one: id, window, sources

    def figures(self) -> dict[str, float | None]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {"registry_precision": share(self.right, self.registered),
                "registry_start": share(self.right_start, self.registered),
                "registry_recall": share(self.found, self.truths)}


def _close(a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).total_seconds()) <= _HOUR


def truths(labels: list[dict[str, Any]]) -> list[Truth]:
    out: list[Truth] = []
    for label in labels:
        for cf in label["ceasefires"]:
            if not cf.get("start"):
                continue
            t = Truth(datetime.fromisoformat(cf["start"]), datetime.fromisoformat(cf["end"]) if cf.get("end") else None,
                      cf.get("declared_by"), tuple(cf.get("zone_countries") or ()))
            if not any(_close(t.start, o.start) and _close(t.end, o.end) for o in out):
                out.append(t)
    return out


def _matches(reg: Registered, t: Truth) -> bool:
    return _close(reg.ceasefire.start, t.start) and _close(reg.ceasefire.end, t.end)


def _shown(reg: Registered) -> str:
    cf = reg.ceasefire
    start, end = cf.start.isoformat() if cf.start else "?", cf.end.isoformat() if cf.end else "open"
    sources = sorted({d.source.path or d.article_id for d in reg.declarations})
    return f"{reg.id} {cf.declared_by or '?'} {start} -> {end} ({', '.join(sources)})"


def score_registry(items: list[tuple[str, dict[str, Any], Analysis]]) -> RegistryScore:
    """``items``: (label name, label, the pipeline's analysis of its article)."""
    declarations = [d for name, _, a in items for d in StoredArticle(a, Source(name)).declarations()]
    registered = [r for r in build(declarations) if r.ceasefire.start is not None]
    known = truths([label for _, label, _ in items])
    right = [r for r in registered if any(_matches(r, t) for t in known)]
    on_start = [r for r in registered if any(_close(r.ceasefire.start, t.start) for t in known)]
    found = [t for t in known if any(_matches(r, t) for r in registered)]
    return RegistryScore(len(registered), len(right), len(on_start), len(known), len(found),
                         tuple(_shown(r) for r in registered if r not in right))
