"""Geocode the places a sentence names: choose, for each candidate name (``place_names``), the
gazetteer entry it means.

Each entry is scored: population, the article's countries (parties and other places), NER's
label, a locative preposition ("à", "in", "near"), and region words ("Kherson region" is the
oblast). NER is one signal, not the gate: the small English model labels Ukrainian towns as PERSON.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from trucewatch.budget import check
from trucewatch.extract import place_lists
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.place_filters import object_of_attack, route_pair, state_named
from trucewatch.extract.place_names import Candidate, lookups
from trucewatch.geo.distance import km
from trucewatch.geo.gazetteer import Entry, admin_core, normalise, region_own_names
from trucewatch.geo.water import WATER
from trucewatch.nlp.lexicon import Lexicon
from trucewatch.records import Place

ACCEPT = 6.5
_NER_PLACE = {"LOC", "GPE", "FAC"}


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    entry: Entry
    score: float
    near: bool
    region: bool
    #: "Uman district", "Бахмутський район", "the Kherson direction" (no region of that name):
    #: the area around the town (ACLED geo_precision 2, UCDP where_prec 3)
    district: bool = False


@dataclass(frozen=True)
class _Context:
    label: str
    near: bool
    region: bool
    locative: bool
    multiword_person: bool
    person: bool
    district: bool = False


def _context(ctx: ArticleContext, start: int, end: int, label: str) -> _Context:
    before = ctx.shadow[max(0, start - 30) : start]
    after = ctx.shadow[end : end + 20]
    lex = ctx.lex
    region = bool(lex.phrases("filters.region").search(before[-16:] + " " + after[:12]))
    near = bool(lex.phrases("filters.near").search(before[-22:])) or route_pair(ctx, start, end) == "first"
    locative = bool(lex.phrases("filters.locative").search(before[-14:])) or object_of_attack(ctx, start)
    person = label in {"PER", "PERSON"} and " " in ctx.text[start:end]
    districts = lex.optional("filters.district")
    district = bool(districts.search(after[:16]) or districts.search(before[-16:]))
    return _Context(label, near, region, locative, person, label in {"PER", "PERSON"}, district)


def _score(c: _Context, e: Entry, countries: set[str], full_name: bool = False) -> float:
    """``full_name``: the text names the region in full ("the Gaza Strip", "West Bank") or by a
    name that is the region's own in its language ("Gazastreifen", "Cisjordanie")."""
    score = math.log10((e.population or 500) + 10)  # GeoNames writes 0 for "not known"
    score += 3 if e.country in countries else (-2 if countries else 0)
    score += 2 if c.label in _NER_PLACE else 0
    score += 2 if c.locative or c.near or c.district else 0  # "Bakhmut district" names a place
    if c.multiword_person and not (c.locative or c.near):
        score -= 6  # "Kyrylo Timochenko"; but "à Bint Jbeil" is a place the model calls PER
    if e.population >= 1_000_000:
        score += 4  # New York, Berlin: a world city is not the village of the same name
    if e.kind == "ADM1":
        score += 1 if c.region or full_name else -10
    elif e.kind == "PCLI":
        score -= 20
    elif c.region:
        score -= 1
    return score


def _names_its_region(e: Entry) -> bool:
    """A city that shares its region's name (Sumy, Kherson; Vinnytsya in Vinnyts'ka)."""
    return e.kind == "P" and bool(e.admin1) and _head(e.admin1 or "") == _head(e.name)


def _head(name: str) -> str:
    """The first four letters, apostrophes aside ("Ta'izz" and "Taiz"), of the name without its
    administrative type ("Muhafazat al Hudaydah") and the Arabic article ("al Hudaydah" and "Al
    Hudaydah" share "huda"; "Al Hawl" is no town named after "Al Hasakah")."""
    return _ARTICLE.sub("", admin_core(name)).replace("'", "")[:4]


#: the Arabic article as romanised names write it, assimilated or not ("al", "ad", "ash", "el")
_ARTICLE = re.compile(r"^(?:al|el|a[dnrstz]|ash|adh|ath)[ -]")


def _region_name(c: Candidate) -> str | None:
    """The admin-1 region a candidate can name: a region entry, or a city that shares its
    region's name (Sumy, Kherson; Vinnytsya in Vinnyts'ka, Odesa in Odessa)."""
    for e in c.entries:  # the region itself first: "Kyiv" names the oblast ("Kiev"), not "Kyiv City"
        if e.kind == "ADM1":
            return e.admin1 or e.name
    return next((e.admin1 for e in c.entries if _names_its_region(e)), None)


def _with_region(ctx: ArticleContext, cands: list[Candidate]) -> dict[int, tuple[str, int]]:
    """'Senkivka, Chernihiv' / 'Dubno, Rivne' / 'Ulanove, Sumy region' / 'das Dorf Archanhelske in
    der ostukrainischen Region Donezk': the second names the first's region. Returns {index of the
    place: (region name, index of the region)}; the region is not a place."""
    pairs: dict[int, tuple[str, int]] = {}
    for i, a in enumerate(cands):
        for j in _next_named(cands, i):
            b = cands[j]
            gap = ctx.shadow[a.end : b.start]
            district = ctx.lex.optional("filters.district").search(gap)
            if district is not None and not gap[: district.start].strip():
                gap = gap[district.end :]  # "Semenivka district, Chernihiv", "X hromada (Sumy)"
            region = _region_name(b)
            if not region or not (_region_gap(ctx.lex).match(gap) or _region_clause(ctx, gap, b)):
                continue
            # a name the gazetteer lacks counts only as "Village, Region": in German every noun
            # is capitalised, and "Raketen in Sumy" is no village in Sumy; nor, said with a
            # preposition, a name none of whose bearers lies there ("الجمعة في البصرة", "on
            # Friday in Basra": a village called Friday lies in Yemen)
            # "Wad al-Nourah (Al Jazirah)": a region in brackets right after a name is its region,
            # as coders write it, whether or not the gazetteer knows the village
            if gap.strip() in {",", "("} or a.entries and (gap.strip().startswith(("(", ",")) or _inside(a, region)):
                pairs[i] = (region, j)
            break
    return pairs


def _inside(c: Candidate, region: str) -> bool:
    return any(e.kind == "P" and normalise(e.admin1 or "") == normalise(region) for e in c.entries)


def _next_named(cands: list[Candidate], i: int) -> list[int]:
    """The next two candidates after the i-th that the gazetteer knows (a longer run the
    gazetteer does not know, "Region Donezk", stands between "Archanhelske" and "Donezk")."""
    out: list[int] = []
    for j in range(i + 1, len(cands)):
        if cands[j].start >= cands[i].end and cands[j].entries:
            out.append(j)
            if len(out) == 2:
                break
    return out


def _region_clause(ctx: ArticleContext, gap: str, b: Candidate) -> bool:
    """'in der ostukrainischen Region Donezk', 'in the southern Kherson region', 'в Донецкой
    области': a preposition of ``filters.region_gap``, a few words without punctuation, and a
    region named with its region word."""
    words = gap.split()
    return 2 <= len(words) <= 4 and words[0] in ctx.lex.words("filters.region_gap") \
        and not re.search(r"[,;:.()«»\"]", gap) and _names_region(ctx, b)


@cache
def _region_gap(lex: Lexicon) -> re.Pattern[str]:
    """Between a place and its region: a comma, a parenthesis, or ``filters.region_gap``."""
    return re.compile(rf"^\s*(?:,|\(|{lex.alternation('filters.region_gap')})\s*$")


def _best(ctx: ArticleContext, c: Candidate, countries: set[str], region: str | None,
          strict: bool = False, listed: bool = False) -> PlaceMention | None:
    """The best entry for a candidate; ``region``: the region named right after it, which, when
    ``strict`` (the pair is no list of towns), rules out homonyms elsewhere."""
    best: PlaceMention | None = None
    entries = c.entries
    if entries and entries[0].kind == WATER:
        return PlaceMention(c.start, c.end, entries[0], ACCEPT + 5, False, False)  # the sea itself
    if not entries or any(e.kind == "PCLI" for e in entries):
        return None  # "en Colombia" names the country, not the town of Colombia, Huila
    context = _context(ctx, c.start, c.end, c.label)  # only for names the gazetteer knows
    if listed:  # a name in a list a word of place opens stands where the list's head stands
        context = dataclasses.replace(context, locative=True)
    if region:
        inside = [e for e in entries if e.kind == "P" and e.admin1 and normalise(e.admin1) == normalise(region)]
        if inside:  # the named region settles the homonym, whatever the population, but a town
            # called so today beats one once called so ("Ivanivka, Kherson" is not Bilozerka)
            e = max(inside, key=lambda x: (x.id not in _renamed(ctx.text[c.start : c.end], tuple(inside)),
                                           x.population))
            return PlaceMention(c.start, c.end, e, ACCEPT + 5, context.near, False, context.district)
        if strict:
            return None  # "Havrylivka, Kherson": not the Havrylivka of Zaporizhzhia; the region it is
    homonyms = sum(e.kind == "P" for e in entries) > 1
    surface = ctx.text[c.start : c.end]
    renamed = _renamed(surface, entries) if homonyms else set()
    town = any(not e.basis and e.kind == "P" and e.population >= _TOWN for e in entries)
    for e in entries:
        if e.basis and town:
            continue  # a register village fills a gap: it never beats a town GeoNames knows by that name
        full = e.kind == "ADM1" and (" " in surface and normalise(surface) == normalise(e.name)
                                     or normalise(surface) in region_own_names())
        score = _score(context, e, countries, full) + (_nearby(ctx, e, c) if homonyms else 0.0)
        if e.id in renamed:
            score -= _OTHER_NAME  # "Pokrovsk" is the Donetsk town, not Engels, once called Pokrovsk
        if _own_name_after_locative(ctx, context, e, surface, entries):
            score += 2  # what NER's place label adds where a model has one
        abroad = bool(countries) and e.country not in countries
        if abroad and e.population < 10_000 and normalise(surface) != normalise(e.name):
            score -= 3  # "l'Occident" is an alternate name of Maxwell, Iowa: a village abroad by another name
        if score >= ACCEPT and (best is None or score > best.score):
            best = PlaceMention(c.start, c.end, e, score, context.near, context.region and e.kind == "ADM1",
                                context.district and e.kind == "P")
    return best


def _own_name_after_locative(ctx: ArticleContext, c: _Context, e: Entry, surface: str,
                             entries: tuple[Entry, ...]) -> bool:
    """Without a named-entity model (German runs on a blank pipeline), 'in Malmö', 'an der
    Universität Bremen': the one city of at least ``_CITY`` inhabitants the name can mean, named by
    its own name after a preposition or a noun of place, counts as NER's place label would, so
    that a protest abroad is placed as in English; the size keeps out a common noun some hamlet
    is called, and a name several cities bear (Newcastle) is left to the other signals."""
    if ctx.doc.has_annotation("ENT_IOB") or not c.locative or e.kind != "P" or e.population < _CITY:
        return False
    cities = [x for x in entries if x.kind == "P" and x.population >= _CITY]
    return len(cities) == 1 and normalise(surface) == normalise(e.name)


#: see :func:`_own_name_after_locative`
_CITY = 100_000

#: a register village (Ukraine's KATOTTG, geo/register.py) never beats a GeoNames town this size
#: of the same name unless the text names its region: "Kostiantynivka" is the Donetsk town, not
#: a village of Sumy oblast placed at its hromada's centre
_TOWN = 10_000

#: among homonyms, a place for which the name is only an old or other name, when another is
#: called so today (GeoNames lists Engels under "Pokrovsk", its name until 1931)
_OTHER_NAME = 2.5


def _renamed(surface: str, entries: tuple[Entry, ...]) -> set[int]:
    """Towns the name is not like at all ("Pokrovsk" for Engels), when another town's own name
    is the name as written, give or take a transliteration ("Andriivka", "Andriyivka"); for a
    name in another script than the gazetteer's (Cyrillic, Arabic) none is set apart."""
    def like(e: Entry) -> float:
        return SequenceMatcher(None, normalise(surface), normalise(e.name)).ratio()

    towns = [e for e in entries if e.kind == "P"]
    if not any(like(e) >= 0.8 for e in towns):
        return set()
    return {e.id for e in towns if like(e) < 0.5}


def _anchors(ctx: ArticleContext) -> list[tuple[int, float, float]]:
    """(offset, lat, lon) of the article's unambiguous towns (one gazetteer entry, at least
    10,000 inhabitants): what a homonym elsewhere in the article is probably near."""
    key = ("place-anchors", 0)
    if key not in ctx.memo:
        out = []
        for s in ctx.sentences:
            for c in lookups(ctx, s):
                towns = [e for e in c.entries if e.kind == "P"]
                if len(c.entries) == 1 and towns and towns[0].population >= 10_000:
                    out.append((c.start, towns[0].lat, towns[0].lon))
        ctx.memo[key] = out
    return ctx.memo[key]  # type: ignore[no-any-return]


def _nearby(ctx: ArticleContext, e: Entry, c: Candidate) -> float:
    """Bonus for a homonym near the article's other places ("Mykolaivka" in an article about
    Sloviansk and Kramatorsk is the one in Donetsk oblast)."""
    dists = [km(e.lat, e.lon, lat, lon) for at, lat, lon in _anchors(ctx) if at != c.start]
    if not dists:
        return 0.0
    nearest = min(dists)
    return 2.5 if nearest <= 60 else (1.0 if nearest <= 120 else 0.0)


def _region_entry(c: Candidate) -> PlaceMention | None:
    for e in c.entries:
        if e.kind == "ADM1":
            return PlaceMention(c.start, c.end, e, ACCEPT, False, True)
    return None


def _names_region(ctx: ArticleContext, c: Candidate) -> bool:
    """A region word right next to the name ("the Vinnytsia region", "in der Region
    Saporischschja", "the region of Vinnytsia", "Luhansk regional governor"), not a district word
    ("Bakhmut district") and not the region word of another name ("the Kherson region to Dnipro")."""
    regions, districts = ctx.lex.phrases("filters.region"), ctx.lex.optional("filters.district")
    after = regions.search(ctx.shadow, c.end, c.end + 14)
    if after is not None and not ctx.shadow[c.end : after.start].strip():
        return not (districts and districts.search(ctx.shadow, after.start, after.end))
    before = regions.finditer(ctx.shadow, max(0, c.start - 24), c.start)
    return bool(before) and ctx.shadow[before[-1].end : c.start].strip() in {"", *ctx.lex.words("filters.of")} \
        and not (districts and districts.search(ctx.shadow, before[-1].start, before[-1].end))


def _listed(ctx: ArticleContext, after: int, start: int) -> bool:
    """The name continues a list that began with a region: 'aus den Gebieten Charkiw, Donezk und
    Winnyzja'."""
    if after < 0 or start <= after:
        return False
    gap = ctx.shadow[after:start].strip()
    conjunctions = set(ctx.lex.section("casualties").get("conjunctions", ()))
    return gap == "," or gap in conjunctions or gap.startswith(",") and gap[1:].strip() in conjunctions


def _as_region(ctx: ArticleContext, pm: PlaceMention) -> PlaceMention:
    """The region a city shares its name with, when the text names the region (Vinnytsya ->
    Vinnyts'ka, Zaporizhzhya -> Zaporizhia): ACLED's geo_precision 3."""
    e = pm.entry
    if not (_names_its_region(e) and e.admin1):  # (the second test only narrows the type)
        return pm
    for r in ctx.gazetteer.lookup(e.admin1):
        if r.kind == "ADM1" and r.country == e.country:
            # at its capital's coordinates, as ACLED codes a region-level event
            seat = dataclasses.replace(r, lat=e.lat, lon=e.lon, timezone=r.timezone or e.timezone)
            return PlaceMention(pm.start, pm.end, seat, pm.score, False, True)
    return pm


def _bare_territory(ctx: ArticleContext, c: Candidate, pm: PlaceMention) -> bool:
    """'strikes across Gaza' in an article that also writes "Gaza City": where the city's own name
    carries a capitalised city word (``filters.city_suffix``: "Gaza City", "Kuwait City"), that
    word tells the city from the territory it is named after, and the bare name is the territory
    (the city's region, when it shares the name: Gaza -> the Gaza Strip)."""
    suffixes = ctx.lex.words("filters.city_suffix")
    if not suffixes or not _names_its_region(pm.entry):
        return False
    return _city_form(ctx.text, ctx.text[c.start : c.end], suffixes)


def _city_suffixed(ctx: ArticleContext, c: Candidate) -> bool:
    """The name is written with its capitalised city word ("Gaza City"), in the name or right after it."""
    suffixes = ctx.lex.words("filters.city_suffix")
    name = ctx.text[c.start : c.end]
    return any(name.endswith(f" {w.capitalize()}") or ctx.text.startswith(f" {w.capitalize()}", c.end)
               for w in suffixes)


@cache
def _city_form(text: str, name: str, suffixes: tuple[str, ...]) -> bool:
    return any(f"{name} {w.capitalize()}" in text for w in suffixes)


def _village_of(ctx: ArticleContext, cands: list[Candidate], i: int, region: str) -> bool:
    """'Havrylivka, Kherson' names a village and its region, not two towns: the first does not
    name a region itself ('Kharkiv, Sumy') and no list goes on after the second ('Mariupol,
    Kherson and Zaporizhzhia')."""
    j = next(j for j in range(i + 1, len(cands)) if _region_name(cands[j]) == region)
    seat = _region_entry(cands[j])
    if seat is None:
        return False  # no region to fall back to ("Kyiv" is the city's region, not the oblast's)
    r = seat.entry
    if r.lat is None or any(e.kind != "P" or e.lat is None or e.population >= 20_000
                            and km(e.lat, e.lon, r.lat, r.lon) <= 150 for e in cands[i].entries):
        return False  # a region, or a town by the region ("Sevastopol, Crimea": GeoNames' region differs)
    return not any(c.entries and _listed(ctx, cands[j].end, c.start) for c in cands[j + 1 : j + 3])


def _stated_region(ctx: ArticleContext, cands: list[Candidate]) -> tuple[int, str] | None:
    """(index, name) of the first region the sentence names with its region word ("in Taiz
    province", "في محافظة تعز", "в Донецкой области"): where its villages lie unless said otherwise."""
    for i, c in enumerate(cands):
        region = _region_name(c)
        if region and _names_region(ctx, c):
            return i, region
    return None


def _small_homonyms(c: Candidate) -> bool:
    """Several villages bear the name and none is a town: only a region can tell which."""
    towns = [e for e in c.entries if e.kind == "P"]
    return len(towns) > 1 and len(towns) == len(c.entries) and all(e.population < _TOWN for e in towns)


def places_in(ctx: ArticleContext, s: Sentence, countries: set[str]) -> list[PlaceMention]:
    """Accepted place mentions in a sentence, best-scoring entry per mention, no overlaps.

    A place followed by its region ("Dubno, Rivne") takes the homonym in that region, and the
    region is context, not a second place; a village the gazetteer lacks falls back to its
    region (precision 3) rather than vanishing.
    """
    cands = lookups(ctx, s)
    away = ctx.lex.optional("filters.elsewhere").search(ctx.shadow, s.start, s.end)
    if away is not None:  # "... Mariupol ..., Russia took villages elsewhere": not at Mariupol
        cands = [c for c in cands if c.start >= away.end]
    pairs = _with_region(ctx, cands)
    regions = {i: name for i, (name, _) in pairs.items()}
    # the region named after a place is its context, not a second place (j -> the place i it follows)
    context_of = {j: i for i in regions for j in range(i + 1, min(i + 3, len(cands)))
                  if _region_name(cands[j]) == regions[i]} | {j: i for i, (_, j) in pairs.items()}
    stated = _stated_region(ctx, cands)
    found: list[PlaceMention] = []
    listed_after = -1  # end of the last region named, for "the regions of Kharkiv, Donetsk and ..."
    cities: set[int] = set()  # "Kharkiv, Odesa": the second is the next city of a list, not the first's region
    for i, c in enumerate(cands):
        check()
        if i in context_of and context_of[i] not in cities:
            continue
        region, strict = regions.get(i), i in regions and _village_of(ctx, cands, i, regions[i])
        if region is None and stated is not None and stated[0] < i and _small_homonyms(c):
            region, strict = stated[1], True  # "In Taiz province, ... the al-Rawda quarter"
        best = _best(ctx, c, countries, region, strict)
        named = cands[pairs[i][1]] if i in pairs else None
        if best is None and named is not None:
            best = _region_entry(named)
        elif named is not None and place_lists.is_next_city(best, regions[i], named.entries):
            cities.add(i)
        if best is None and c.entries and i not in regions and place_lists.continues_list(ctx, s, c.start, found):
            best = _best(ctx, c, countries, None, listed=True)  # "in Gaza City and Beit Lahia"
        if best is not None and not _city_suffixed(ctx, c) and (
                _names_region(ctx, c) or _listed(ctx, listed_after, c.start) or _bare_territory(ctx, c, best)):
            best = _as_region(ctx, best)  # (never "Gaza City": its city word names the city)
        if best is not None:
            listed_after = best.end if best.entry.kind == "ADM1" else -1
            found.append(best)
    found.sort(key=lambda p: (-(p.end - p.start), -p.score))
    kept: list[PlaceMention] = []  # disjoint, in text order: one bisection finds an overlap
    starts: list[int] = []
    for p in found:
        i = bisect_left(starts, p.end)
        if (i == 0 or kept[i - 1].end <= p.start) and (i == len(kept) or kept[i].start >= p.end):
            kept.insert(i, p)
            starts.insert(i, p.start)
    return kept


def country_in(ctx: ArticleContext, s: Sentence) -> PlaceMention | None:
    """A country the sentence names ("shells hit east Ukraine"): the place of last resort, at
    country precision (UCDP where_prec 6), without coordinates."""
    for c in lookups(ctx, s):
        for e in c.entries:
            if e.kind == "PCLI" and not state_named(ctx, c.start):
                return PlaceMention(c.start, c.end, e, 0.0, False, False)
    return None


def to_place(ctx: ArticleContext, pm: PlaceMention) -> Place:
    e = pm.entry
    if e.kind == WATER:
        geo, where = 3, 7  # UCDP: international waters
    elif e.kind == "PCLI":
        geo, where = 3, 6
    elif e.kind == "ADM1":
        geo, where = 3, 4
    elif pm.district or e.basis == "raion":  # a register village at its raion's centre
        geo, where = 2, 3
    elif pm.near or e.basis == "hromada":  # ... at its hromada's centre, within ~25 km
        geo, where = 2, 2
    else:
        geo, where = 1, 1
    return Place(
        name=e.name, country=e.country or None, admin1=e.admin1, lat=e.lat, lon=e.lon,
        geo_precision=geo, where_prec=where, geonameid=e.id if e.id > 0 else None,
        timezone=e.timezone, population=e.population, mention=ctx.span(pm.start, pm.end),
    )
