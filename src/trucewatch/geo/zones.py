"""Ceasefire zones as data (``data/truces.toml``): a truce's territory is a set of countries, or
of first-level regions of them ("PS:Gaza Strip"), named in the texts by multilingual names and
implied by the conflict its parties fight when the text names none.

:func:`contains` tells whether a place lies inside a territory: ``inside`` when its country is
listed whole or its country and region are, ``outside`` when its country is not listed or its
region is another, ``unknown`` when the place, its country or (for a territory of regions) its
region is unknown. The judge reads it; the extractor finds zones (:mod:`trucewatch.extract.ceasefire_sides`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from trucewatch.nlp.lexicon import PhraseSet
from trucewatch.records import Spatial


@dataclass(frozen=True)
class ZoneDef:
    key: str
    name: str
    territory: tuple[str, ...]  # "IN", "PS:Gaza Strip"
    conflicts: tuple[str, ...]

    @property
    def countries(self) -> tuple[str, ...]:
        return countries(self.territory)


def countries(territory: Iterable[str]) -> tuple[str, ...]:
    """The countries of a territory, in order, once each."""
    return tuple(dict.fromkeys(t.split(":", 1)[0] for t in territory))


def contains(territory: tuple[str, ...], country: str | None, admin1: str | None) -> Spatial:
    """Where a place of ``country`` and ``admin1`` lies against ``territory``."""
    if country is None:
        return "unknown"
    if country in territory:
        return "inside"
    regions = [t.split(":", 1)[1].lower() for t in territory if t.startswith(f"{country}:")]
    if not regions:
        return "outside"
    if not admin1:
        return "unknown"
    return "inside" if admin1.lower() in regions else "outside"


@dataclass(frozen=True)
class Book:
    zones: dict[str, ZoneDef]
    names: PhraseSet  # zone names -> zone key
    brokers: PhraseSet  # broker aliases -> broker name
    broker_names: frozenset[str] = frozenset()

    def for_conflict(self, conflict: str) -> ZoneDef | None:
        return next((z for z in self.zones.values() if conflict in z.conflicts), None)


def _book(raw: dict[str, Any]) -> Book:
    zones = {z["key"]: ZoneDef(z["key"], z["name"], tuple(z["territory"]), tuple(z.get("conflicts", ())))
             for z in raw.get("zone", [])}
    names = {n: z["key"] for z in raw.get("zone", []) for n in z.get("names", ())}
    brokers = {a: b["name"] for b in raw.get("broker", []) for a in b["aliases"]}
    return Book(zones, PhraseSet(names), PhraseSet(brokers), frozenset(brokers.values()))


@cache
def book() -> Book:
    text = (resources.files("trucewatch.data") / "truces.toml").read_text(encoding="utf-8")
    return _book(tomllib.loads(text))
