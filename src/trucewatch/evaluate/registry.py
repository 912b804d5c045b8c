"""The ceasefire registry against the labelled real articles: merge the declarations the pipeline
reads from a set of labelled articles, as ingest would, and compare each registered truce with a
window to the truces the labels date.

A registered truce is *right* when a labelled truce has its start and its end (both within an
hour, an open end matching an open end); *right on start* when the start alone matches. A
labelled truce is *found* when some registered truce is right about it. Labelled truces stated
in several articles count once (same start and end within an hour); their parties, mediators and
zone countries are those of every label stating them, together.

On the right ones: *parties* right when the registered sides are the labelled ones (as sets),
*mediators* likewise, *zone* when the registered zone's countries are the labelled zone's.
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
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    #: no article lets a reader fix its end, nor says it has none: it is the truce others end
    end_unknown: bool = False


@dataclass(frozen=True)
class RegistryScore:
    registered: int  # registered truces with a start
    right: int
    right_start: int
    truths: int  # distinct labelled truces with a start
    found: int
    wrong: tuple[str, ...]  # the registered truces that match no labelled one: id, window, sources
    parties: int = 0  # of the right ones: parties, mediators and zone right
    mediators: int = 0
    zone: int = 0
    #: what is wrong about the right ones, and the labelled truces none found
    misses: tuple[str, ...] = ()

    def figures(self) -> dict[str, float | None]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {"registry_precision": share(self.right, self.registered),
                "registry_start": share(self.right_start, self.registered),
                "registry_recall": share(self.found, self.truths),
                "registry_parties": share(self.parties, self.right),
                "registry_mediators": share(self.mediators, self.right),
                "registry_zone": share(self.zone, self.right)}

    def lines(self) -> list[str]:
        """What ``--misses`` lists about the registry."""
        return [f"registry: {w} is no labelled truce" for w in self.wrong] + [f"registry: {m}" for m in self.misses]


def _close(a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).total_seconds()) <= _HOUR


def _union(a: tuple[str, ...], b: list[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*a, *(b or [])]))


def truths(labels: list[dict[str, Any]]) -> list[Truth]:
    out: list[Truth] = []
    for label in labels:
        mine: set[int] = set()  # one article's truces with unknown ends are its own, not one
        for cf in label["ceasefires"]:
            if not cf.get("start"):
                continue
            t = Truth(datetime.fromisoformat(cf["start"]), datetime.fromisoformat(cf["end"]) if cf.get("end") else None,
                      cf.get("declared_by"), tuple(cf.get("zone_countries") or ()), tuple(cf.get("parties") or ()),
                      tuple(cf.get("mediators") or ()), not cf.get("end") and cf.get("open_ended") is not True)
            same = next((n for n, o in enumerate(out) if _close(t.start, o.start) and (
                _close(t.end, o.end) or n not in mine and (t.end_unknown or o.end_unknown))), None)
            if same is None:
                mine.add(len(out))
                out.append(t)
                continue
            o = out[same]
            known = o if not o.end_unknown else t
            out[same] = Truth(o.start, known.end, o.declared_by or t.declared_by,
                              _union(o.countries, list(t.countries)), _union(o.parties, list(t.parties)),
                              _union(o.mediators, list(t.mediators)), o.end_unknown and t.end_unknown)
    return out


def _details(reg: Registered, t: Truth) -> dict[str, bool]:
    cf = reg.ceasefire
    return {"parties": set(cf.parties) == set(t.parties), "mediators": set(cf.mediators) == set(t.mediators),
            "zone": set(cf.zone_countries) == set(t.countries)}


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
    checks = [(r, _details(r, next(t for t in known if _matches(r, t)))) for r in right]
    misses = [f"{_shown(r)}: {what} wrong ({', '.join(_value(r, what))})"
              for r, d in checks for what, ok in d.items() if not ok]
    misses += [f"missed {t.declared_by or '?'} {t.start.isoformat()} -> {t.end.isoformat() if t.end else 'open'}"
               for t in known if t not in found]
    return RegistryScore(len(registered), len(right), len(on_start), len(known), len(found),
                         tuple(_shown(r) for r in registered if r not in right),
                         sum(d["parties"] for _, d in checks), sum(d["mediators"] for _, d in checks),
                         sum(d["zone"] for _, d in checks), tuple(misses))


def _value(reg: Registered, what: str) -> tuple[str, ...]:
    cf = reg.ceasefire
    return {"parties": cf.parties, "mediators": cf.mediators, "zone": cf.zone_countries}[what] or ("none",)
