"""Which of the places a sentence names are scenes of its incident: not a place named only to
locate another (a distance's reference point, a direction after a place), nor one a weapon only
passed over, nor a region or a sea that encloses a town the sentence also names."""

from __future__ import annotations

import re

from trucewatch.extract.casualties import extract_casualties
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.place_filters import distance_from, far_from, headed_for, passed_over, reference_point
from trucewatch.extract.places import PlaceMention
from trucewatch.geo.gazetteer import admin_core, normalise
from trucewatch.geo.water import WATER
from trucewatch.nlp.lexicon import Match

#: how far after a word of meeting a place may stand and be where people meet ("talks on Friday
#: between the two delegations in Cairo")
VENUE_CHARS = 80


def at_venue(ctx: ArticleContext, s: Sentence, pm: PlaceMention) -> bool:
    """'talks in Cairo', 'the Istanbul meeting', 'während in Kairo ... verhandelt wurde': where people
    meet (``filters.venue``), not the scene; not a place a clause of violence names after the
    meeting's ("As negotiators met in Doha, Israeli strikes killed five in Gaza City")."""
    for h in ctx.find("filters.venue", s):
        if 0 <= h.start - pm.end <= 2 or _closes_clause(ctx, pm, h):
            return True
        if 0 <= pm.start - h.end <= VENUE_CHARS and not _violence_between(ctx, h.end, pm.start):
            return True
    return False


def _violence_between(ctx: ArticleContext, lo: int, hi: int) -> bool:
    """A clause break, then an event word, between a word of meeting and a place: the place is
    that clause's."""
    brk = re.search(r"[,;:]", ctx.shadow[lo:hi])
    return brk is not None and ctx.lex.phrases("events").search(ctx.shadow, lo + brk.end(), hi) is not None


def _closes_clause(ctx: ArticleContext, pm: PlaceMention, verb: Match) -> bool:
    """In a verb-final clause (``claims.verb_final``: "während in Kairo ... über eine
    Feuerpause verhandelt wurde") the verb of meeting closes the clause the place opens; not
    a verb that also names a hit ("getroffen": met, or struck)."""
    if not ctx.lex.section("claims").get("verb_final") or not 0 <= verb.start - pm.end <= 120:
        return False
    return not re.search(r"[,;:.]", ctx.shadow[pm.end : verb.start]) \
        and not ctx.lex.phrases("events").covers(ctx.shadow, verb.start, verb.end)


def drop_references(ctx: ArticleContext, s: Sentence, places: list[PlaceMention],
                    downed: bool = False) -> list[PlaceMention]:
    """A place named only to locate another of the sentence is no second scene: the point a
    distance is measured from ('In Jinsafut, some 50 km north of Jerusalem', ``filters.distance_from``)
    or a direction after another place ('X, north of Aden', :func:`place_filters.reference_point`).
    Kept when it is the only place named: the scene is near it; unless the distance is long
    ("60 km north of Tel Aviv", :func:`place_filters.far_from`): then the scene is elsewhere.
    A place passed over is dropped too (:func:`drop_passed`), unless the weapon was ``downed``
    there ("drones flying over Kyiv were shot down": ACLED codes where it was downed); where a
    downed weapon was headed is dropped beside the place it was downed."""
    places = [p for p in places if not far_from(ctx, p.start)]
    if downed:
        headed = [p for p in places if headed_for(ctx, p.start)]
        places = [p for p in places if p not in headed] or places
    else:
        places = drop_passed(ctx, s, places)
    spans = [(p.start, p.end) for p in places]
    kept = [p for p in places if not distance_from(ctx, p.start)
            and not reference_point(ctx, s.start, p.start, [sp for sp in spans if sp[1] <= p.start])]
    return kept or places


def drop_passed(ctx: ArticleContext, s: Sentence, places: list[PlaceMention]) -> list[PlaceMention]:
    """'Russian missiles flew over Moldova on their way to Ukraine': a place a weapon passed over
    (:func:`place_filters.passed_over`) is no scene beside another place the sentence names; alone,
    it is none either unless the sentence tells what was hit there, a toll or a target ("drones
    circled over Tyre and struck a car")."""
    passed = [p for p in places if passed_over(ctx, p.start)]
    if not passed:
        return places
    rest = [p for p in places if p not in passed]
    if rest:
        return rest
    cas = extract_casualties(ctx.lex, ctx.shadow, s.start, s.end)
    return places if cas.killed or cas.injured or ctx.has("targets", s) else []


def drop_enclosing_regions(places: list[PlaceMention]) -> list[PlaceMention]:
    """'near Tumaco, in the department of Nariño': the region locates the town, it is not a
    second incident; nor is a sea beside a town."""
    # towns by their region's name, each gazetteer entry once: linear in the places named
    towns: dict[str, dict[int, PlaceMention]] = {}
    for p in places:
        if p.entry.kind == "P" and p.entry.admin1:
            towns.setdefault(admin_core(p.entry.admin1), {}).setdefault(p.entry.id, p)

    def encloses(region: PlaceMention, town: PlaceMention) -> bool:
        if region.entry.id == town.entry.id or town.entry.country != region.entry.country or not town.entry.admin1:
            return False  # the same city named twice does not enclose itself
        return admin_core(town.entry.admin1) in {normalise(region.entry.name), admin_core(region.entry.admin1 or "")} \
            and (region.entry.kind == "ADM1" or normalise(region.entry.name) == admin_core(town.entry.admin1))

    if any(p.entry.kind != WATER for p in places):  # "downed over the Black Sea near Sevastopol"
        places = [p for p in places if p.entry.kind != WATER]
    enclosing: dict[int, bool] = {}
    for p in places:
        if p.entry.id not in enclosing:
            near = {**towns.get(normalise(p.entry.name), {}), **towns.get(admin_core(p.entry.admin1 or ""), {})}
            enclosing[p.entry.id] = any(encloses(p, t) for t in near.values())
    return [p for p in places if not enclosing[p.entry.id]]
