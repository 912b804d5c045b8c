"""One strike an article drafts twice, at two names of its place.

A headline and the body, or the lede and a later paragraph, often tell the same strike at two
levels: "three killed in Donetsk region on Tuesday" and "in Kostiantynivka three civilians died
on Tuesday"; "a strike on Beirut killed five" and "five killed in a strike on a building in
Dahieh". Drafts merge by place (:mod:`trucewatch.extract.incidents`), so the two names give two
events for one, and the dead are counted twice.

Two drafts are one strike when they are of one type of violence, at compatible times, state the
same toll (the same dead, or the same wounded where neither states dead), in sentences of their
own, and their places are one inside the other: a region and a town in it, or a city and a much
smaller place within :data:`SAME_TOWN_KM` (its quarter or suburb). The broader draft joins the
more precise one, which keeps its place: ACLED codes the most precise location the report gives.
Only when the broader draft fits exactly one such town: a region's toll that two of its towns
each state is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from trucewatch.extract.casualties import Count, combine
from trucewatch.extract.context import Sentence
from trucewatch.extract.places import PlaceMention
from trucewatch.geo.distance import km
from trucewatch.geo.gazetteer import admin_core, normalise
from trucewatch.records import TimeInterval

#: two towns this close, stating the same toll for the same kind of strike, are one scene named
#: at two levels (a city and its quarter, a suburb), when the broader one is a city
#: :data:`CITY_RATIO` times as populous; neighbouring towns of one size (Khan Younis and Rafah,
#: 8 km apart) are two scenes
SAME_TOWN_KM = 5.0
CITY_RATIO = 5


class _Draft(Protocol):
    place: PlaceMention | None
    sentences: list[Sentence]
    event_type: str
    time: TimeInterval | None
    killed: list[Count]
    injured: list[Count]
    shared_toll: bool


D = TypeVar("D", bound=_Draft)


def _toll(d: _Draft) -> tuple[tuple[int | None, int | None], tuple[int | None, int | None]]:
    return combine(d.killed), combine(d.injured)


def same_toll(a: _Draft, b: _Draft) -> bool:
    """Both state a toll and it is the same: the dead alike (and the wounded, where both state
    them), or, where neither states dead, the same wounded."""
    if a.shared_toll or b.shared_toll:
        return False
    (ka, ia), (kb, ib) = _toll(a), _toll(b)
    none = (None, None)
    if ka != none or kb != none:
        return ka == kb and (ia == ib or none in (ia, ib))
    return ia != none and ia == ib


def _within(broad: PlaceMention, town: PlaceMention) -> bool:
    """``town`` lies in ``broad``: a region enclosing it, or a town beside it (its quarter)."""
    b, t = broad.entry, town.entry
    if t.kind != "P" or b.id == t.id or b.country != t.country:
        return False
    if b.kind == "ADM1":
        return bool(t.admin1) and admin_core(t.admin1 or "") in {normalise(b.name), admin_core(b.admin1 or "")}
    return b.kind == "P" and b.population >= CITY_RATIO * max(t.population, 1) \
        and km(b.lat, b.lon, t.lat, t.lon) <= SAME_TOWN_KM


def _compatible(a: _Draft, b: _Draft) -> bool:
    if a.event_type != b.event_type or {x.index for x in a.sentences} & {x.index for x in b.sentences}:
        return False  # one sentence naming both places ("hit Khan Younis and Rafah") names two scenes
    return a.time is None or b.time is None or a.time.intersect(b.time) is not None


def fold(drafts: list[D], absorb: Callable[[D, D], None]) -> list[D]:
    """The drafts with each one strike told twice merged into its more precise draft
    (``absorb(into, other)``), in their order."""
    gone: set[int] = set()
    for d in drafts:
        if d.place is None or id(d) in gone:
            continue
        fits = [o for o in drafts if o is not d and id(o) not in gone and o.place is not None
                and _within(d.place, o.place) and _compatible(d, o) and same_toll(d, o)]
        if len(fits) == 1:
            absorb(fits[0], d)
            gone.add(id(d))
    return [d for d in drafts if id(d) not in gone]
