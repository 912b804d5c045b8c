"""When two reports of violence at one place and time are two events, not one.

ACLED codes one event per place, day and event type: a battle in Jabalia and an air strike on
Jabalia the same day are two events, as are an armed clash and the shelling of the same town.
Two drafts of one article merge only when their types agree, or when one of them was read from
a word that does not name the kind of event (a killing verb, damage, a bare "attacks":
``taxonomy.Choice`` strength 0, or 1 with no weapon), which tells more about an event another
sentence names. Strategic developments (damage, territory held) merge with the violence beside
them: they describe its outcome.
"""

from __future__ import annotations

from typing import Protocol


class _Typed(Protocol):
    event_type: str
    strength: int
    weapon: str | None


#: the types of violence ACLED codes apart at one place and day; a strategic development
#: (damage, territory held, a base) read beside them describes the same fighting's outcome
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"})


class _Kind(_Typed, Protocol):
    sub_type: str
    targets: list[str]


#: what a fight's own fire hits: shelling of these alone is part of the battle
MILITARY_TARGETS = frozenset({"military positions"})


#: a weapon shot down or intercepted: ACLED's event of its own, not the outcome of the strike or
#: shelling told beside it ("shot down a jet and destroyed helicopters", "shelling in the region")
DISRUPTED = "Disrupted weapons use"


def different_types(a: _Kind, b: _Kind) -> bool:
    """Both drafts name their kind of violence, and the kinds differ. Shells and mortars fired in
    a fight are the fight (ACLED codes the battle); an air or drone strike, or shelling of homes,
    a hospital, civilians, is an event of its own beside it; so is a weapon downed beside violence
    that names its kind."""
    if (a.sub_type == DISRUPTED) != (b.sub_type == DISRUPTED):
        other = b if a.sub_type == DISRUPTED else a
        return other.event_type in VIOLENT and _names_its_kind(other)
    kinds = {a.event_type, b.event_type}
    if kinds == {"Battles", "Explosions/Remote violence"}:
        remote = a if a.event_type != "Battles" else b
        if remote.sub_type != "Air/drone strike" and set(remote.targets) <= MILITARY_TARGETS:
            return False
    return a.event_type != b.event_type and kinds <= VIOLENT and _names_its_kind(a) and _names_its_kind(b)


def _names_its_kind(d: _Typed) -> bool:
    """A word that names the kind of event (a clash, an air strike, fire on civilians), or a
    weapon; not a bare "attacks" ("Angriffe auf Rafah"), which tells of the fighting there."""
    return d.strength >= 2 or d.strength == 1 and d.weapon is not None
