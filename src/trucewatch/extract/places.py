"""Find and geocode the places a sentence names.

Candidates are capitalised token runs and NER LOC/GPE spans; each is looked up in the gazetteer
and scored: population, the article's countries (parties and other places), NER's label, a
locative preposition ("à", "in", "near"), and region words ("Kherson region" is the oblast). NER is
one signal, not the gate: the small English model labels Ukrainian towns as PERSON. A party's
capital used as its government ("Moscow blamed Kyiv") is an actor, not a place.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from trucewatch.budget import check
from trucewatch.extract import place_lists
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.place_filters import not_a_place, state_named
from trucewatch.extract.transcription import transcribed
from trucewatch.geo.distance import km
from trucewatch.geo.gazetteer import Entry, normalise
from trucewatch.nlp.lexicon import Lexicon
from trucewatch.nlp.morph import MORPH_LANGUAGES, adjective_stems, place_forms
from trucewatch.records import Place

ACCEPT = 6.5
_NER_PLACE = {"LOC", "GPE", "FAC"}
_SKIP_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"}


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


def _candidates(ctx: ArticleContext, s: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, ner label) for capitalised token runs of 1-3 tokens and NER spans."""
    tokens = ctx.tokens(s.start, s.end)
    ner = {}
    for ent in ctx.doc.ents:
        if ent.start_char >= s.start and ent.end_char <= s.end:
            ner[(ent.start_char, ent.end_char)] = ent.label_
    out: dict[tuple[int, int], str] = {}
    particles = ctx.lex.words("filters.name_particles")  # "Deir al-Balah", "Ciudad de México"
    if ctx.lex.language in _CASELESS:
        out.update(_caseless_runs(tokens))
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper() or tok.pos_ in _SKIP_POS and tok.ent_type_ == "":
            continue
        if tok.is_stop and (i + 1 >= len(tokens) or not tokens[i + 1].text[:1].isupper()):
            continue  # "Dabei", "Moi", "Also": a capitalised function word, not Dubai
        for j in range(i, min(i + 3, len(tokens))):
            t = tokens[j]
            if j > i and not (t.text[:1].isupper() or t.text == "-" or t.text in particles):
                break
            start, end = tok.idx, t.idx + len(t.text)
            label = ner.get((start, end), "")  # a word inside a longer entity is not that entity
            out[(start, end)] = label
    for (start, end), label in ner.items():
        out.setdefault((start, end), label)
    return [(a, b, lab) for (a, b), lab in out.items()]


#: scripts without capital letters: every word run is a candidate, and the gazetteer decides
_CASELESS = {"ar"}
#: Arabic clitics written onto a name ("بخان يونس", "والخيام"); the article stays, GeoNames has it
_AR_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def _caseless_runs(tokens: list[Any]) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    for i, tok in enumerate(tokens):
        if not tok.is_alpha:
            continue  # short and stop words too: "أم" starts Omdurman (أم درمان); the gazetteer decides
        for prefix in _AR_PREFIXES:
            if not tok.text.startswith(prefix) or prefix and len(tok.text) - len(prefix) < 3:
                continue
            for j in range(i, min(i + 3, len(tokens))):
                if j > i and not tokens[j].is_alpha:
                    break
                out[(tok.idx + len(prefix), tokens[j].idx + len(tokens[j].text))] = ""
    return out


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
    near = bool(lex.phrases("filters.near").search(before[-22:]))
    locative = bool(lex.phrases("filters.locative").search(before[-14:])) or _object_of_attack(ctx, start)
    person = label in {"PER", "PERSON"} and " " in ctx.text[start:end]
    districts = lex.optional("filters.district")
    district = bool(districts.search(after[:16]) or districts.search(before[-16:]))
    return _Context(label, near, region, locative, person, label in {"PER", "PERSON"}, district)


def _object_of_attack(ctx: ArticleContext, start: int) -> bool:
    """'shelled Klishchiivka', 'обстріляли Кліщіївку': the name right after a word of attack is
    where it happened, as much as one after a locative preposition."""
    events = ctx.lex.phrases("events")
    hits = [h for h in events.finditer(ctx.shadow, max(0, start - 30), start)  # "طيران التحالف": whose aircraft
            if events.value(h)[2] not in {"air strike", "~air", "drones"}]
    articles = {"", *ctx.lex.words("filters.articles")}  # "shelled the Znob-Novhorodska hromada"
    return any(0 < start - h.end <= 6 and ctx.shadow[h.end : start].strip() in articles for h in hits)


def _score(c: _Context, e: Entry, countries: set[str], full_name: bool = False) -> float:
    """``full_name``: the text names the region in full ("the Gaza Strip", "West Bank")."""
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


def _is_actor(ctx: ArticleContext, start: int, end: int) -> bool:
    phrase = ctx.shadow[start:end]
    if ctx.parties.is_person(phrase) or any(m.person for m in ctx.mentions_overlapping(start, end)):
        return True  # "Volodymyr" of Volodymyr Zelensky is not Volodymyr-Volynskyi
    if not ctx.parties.is_alias(phrase):
        return False
    if not ctx.parsed:  # no tree: a capital that names a government is a place only after "in", "à"...
        locative = ctx.lex.phrases("filters.locative").search(ctx.shadow, max(0, start - 14), start)
        return not locative and not _object_of_attack(ctx, start)  # ... or as what was hit
    toks = ctx.tokens(start, end)
    return bool(toks) and toks[-1].dep_ in {"nsubj", "nmod:poss", "poss"}


def _speaks(ctx: ArticleContext, start: int, end: int) -> bool:
    """'Danilov said', 'a déclaré Timochenko': the subject of a verb of saying is a person or a
    government, not the place where something happened."""
    speech = ctx.lex.phrases("speech.verbs")
    for t in ctx.tokens(start, end):
        if t.dep_ in {"nsubj", "appos"} and speech.search(ctx.shadow, t.head.idx, t.head.idx + len(t.head.text)):
            return True
    return False


def _clock_names(ctx: ArticleContext, s: Sentence) -> list[tuple[int, int]]:
    """'heure de Moscou', 'Kyiv time': a clock, not a place."""
    return [(m.start, m.end) for m in ctx.find("time.zones", s)]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    entries: tuple[Entry, ...]
    label: str


def _lookups(ctx: ArticleContext, s: Sentence) -> list[_Candidate]:
    """The sentence's place candidates with their gazetteer entries (once per sentence: the
    incident, scope, clock and country readers all ask)."""
    key = ("place-candidates", s.index)
    if key not in ctx.memo:
        ctx.memo[key] = _find_lookups(ctx, s)
    return ctx.memo[key]  # type: ignore[no-any-return]


_DATELINE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,}(?:,[^—–\n]{0,40})?\s*"
                       r"(?:\((?:AP|AFP|Reuters|dpa|DPA|EFE)\)\s*)?(?:[—–-]\s|(?<=\S) {2,}|(?<=\)) {2,})")


def _dateline_end(ctx: ArticleContext, s: Sentence) -> int:
    """'KYIV, Ukraine (AP) — ...', 'PRAGUE — ...': where the reporter filed from, not where it
    happened; returns the offset where the dateline ends (the sentence start if there is none)."""
    m = _DATELINE.match(ctx.text, s.start, min(s.end, s.start + 80))
    return m.end() if m else s.start


_NAME_AFTER = re.compile(r" (?P<next>[A-ZÀ-ÝА-ЯІЇЄҐ][a-zà-ÿа-яіїєґ'’-]+)(?![\w-])")


def _first_name(ctx: ArticleContext, start: int, end: int) -> bool:
    """Without a parse or NER: 'Präsident Emmanuel Macron', 'Omer Schem-Tov' - one capitalised
    word right before another that no gazetteer knows, with no preposition of place before it,
    is a first name, not the village of that name."""
    if ctx.parsed or ctx.doc.ents or " " in ctx.text[start:end]:
        return False
    m = _NAME_AFTER.match(ctx.text, end)
    if m is None or ctx.gazetteer.lookup(m["next"]) or ctx.lex.phrases("filters.locative").search(
            ctx.shadow, max(0, start - 12), start):
        return False
    return ctx.gazetteer.lookup(ctx.text[start : m.end()]) == ()


_NAME_BEFORE = re.compile(r"(?<![\w-])(?P<prev>[A-ZÀ-ÝА-ЯІЇЄҐ][\w'’]+) $")  # not 'Russian-held'
#: languages that capitalise names only (German capitalises every noun: "die Stadt Charkiw")
_NAME_CASE = {"en", "fr", "es", "ru", "uk"}


def _second_name(ctx: ArticleContext, s: Sentence, start: int, end: int) -> bool:
    """'Babyn Yar', 'Romi Gonen', 'Yuri Gagarin': a one-word place name right after another
    capitalised word, not at the start of the sentence, is the second half of a longer name when
    the gazetteer does not know the two together."""
    if ctx.lex.language not in _NAME_CASE or " " in ctx.text[start:end]:
        return False
    m = _NAME_BEFORE.search(ctx.text, max(s.start, start - 30), start)
    if m is None or m.start() == s.start:
        return False
    if ctx.parties.is_alias(ctx.shadow[m.start() : m.start() + len(m["prev"])]):
        return False  # "Russian Kherson", "Israeli Gaza": a party and a place
    return ctx.gazetteer.lookup(ctx.text[m.start() : end]) == ()


def _find_lookups(ctx: ArticleContext, s: Sentence) -> list[_Candidate]:
    out = []
    clocks = _clock_names(ctx, s)
    dateline = _dateline_end(ctx, s)
    for start, end, label in _candidates(ctx, s):
        check()  # a list of names: a look-up per candidate
        if start > 0 and ctx.text[start - 1] in "-‐":
            continue  # "Sloboda" of Mykhalchyna-Sloboda, "Balah" of Deir al-Balah: part of a longer name
        if any(a <= start < b for a, b in clocks) or start < dateline or _first_name(ctx, start, end) \
                or _second_name(ctx, s, start, end):
            continue
        if _quoted(ctx, start, end):
            continue  # 'ein "Deal"', 'مصادر "الرياض"': a word or a title quoted, not a place
        surface = ctx.text[start:end].strip(" .,;:'’\"")
        if len(surface) < 3 or _is_actor(ctx, start, end) or _speaks(ctx, start, end) \
                or _common_word(ctx, start, end) or _surname(ctx, surface) or not_a_place(ctx, start, end, surface):
            continue
        if _COMPOUND_AFTER.match(ctx.text, end) or any(
                ctx.shadow.endswith(p, max(0, start - len(p)), start) for p in ctx.lex.words("filters.name_prefixes")):
            continue  # "Moscow-backed separatists", "pro-Moscow", "Kremlin-friendly": an adjective
        out.append(_Candidate(start, end, _entries(ctx, surface, start, end), label))
    return sorted(out, key=lambda c: (c.start, -c.end))


_OPEN, _CLOSE = "\"“„«", "\"”“»"


def _quoted(ctx: ArticleContext, start: int, end: int) -> bool:
    """The name alone between quotation marks: a newspaper's name, a code word, a word used as a
    term (a place is not written in quotes)."""
    return start > 0 and end < len(ctx.text) and ctx.text[start - 1] in _OPEN and ctx.text[end] in _CLOSE


def _surname(ctx: ArticleContext, surface: str) -> bool:
    """'Oleksiy Danilov ... Danilov was speaking': the last name of a person the article names in
    full (NER's person, or, in languages that capitalise only names, a capitalised word no
    gazetteer knows right before it) is that person wherever it stands alone, not a town."""
    return " " not in surface and surface in _surnames(ctx)


#: a capitalised word and the next (a lookahead, so "Secretary Oleksiy Danilov" yields both pairs)
_PAIR = re.compile(r"(?<![\w.-])(?P<first>[A-ZÀ-ÝА-ЯІЇЄҐ][a-zà-ÿа-яіїєґ'’]+)"
                   r"(?= (?P<last>[A-ZÀ-ÝА-ЯІЇЄҐ][\w'’-]+)(?![\w-]))")


def _surnames(ctx: ArticleContext) -> frozenset[str]:
    """Every surname of the article, found once and kept in the context's memo."""
    key = ("surnames", 0)
    if key not in ctx.memo:
        names = {ent[-1].text for ent in ctx.doc.ents if ent.label_ in {"PER", "PERSON"} and len(ent) >= 2}
        if ctx.lex.language in _NAME_CASE:
            names |= {m["last"] for m in _PAIR.finditer(ctx.text) if _names_person(ctx, m)}
        ctx.memo[key] = frozenset(names)
    found: frozenset[str] = ctx.memo[key]
    return found


def _names_person(ctx: ArticleContext, m: re.Match[str]) -> bool:
    first, before = m["first"], ctx.text[: m.start()].rstrip()
    if not before or before[-1] in '.!?:;"“”«»(\n':
        return False  # a capital at the start of a sentence says nothing ("That Mariupol ...")
    if ctx.gazetteer.lookup(first) or ctx.parties.is_alias(ctx.shadow[m.start() : m.start() + len(first)]):
        return False
    pair = ctx.text[m.start() : m.end("last")]
    return ctx.gazetteer.lookup(pair) == () and not ctx.lex.phrases("filters.locative").search(first.lower())


def _common_word(ctx: ArticleContext, start: int, end: int) -> bool:
    """A word the lexicon knows as people or violence ("Kinder", "Soldaten", "Angriff"), which
    GeoNames may list as some small town's other name (Granite City, Illinois, is "Kinder")."""
    return any(ctx.lex.phrases(words).covers(ctx.shadow, start, end) for words in ("casualties.people", "events"))


def _entries(ctx: ArticleContext, surface: str, start: int, end: int) -> tuple[Entry, ...]:
    """Gazetteer entries for a name as written, else for its dictionary forms ("у Краматорську"
    -> Краматорськ), else, for a region adjective before a region word ("Херсонской области"),
    the region."""
    language = ctx.lex.language
    region = _region_adjective(ctx, start, end) if language in MORPH_LANGUAGES else ()
    if region:  # before the name itself: GeoNames lists "Херсонскую" as a name of the city
        return region
    found = ctx.gazetteer.lookup(surface) or transcribed(ctx, surface)
    if found or language not in MORPH_LANGUAGES:
        return found
    by_id: dict[int, Entry] = {}
    for form in place_forms(surface, language):  # every reading: "Донецька" is Donetsk's genitive
        by_id.update((e.id, e) for e in ctx.gazetteer.lookup(form))  # and an adjective
    if not by_id and ctx.lex.optional("filters.district").search(ctx.shadow, end, end + 16):
        for stem in adjective_stems(surface, language):  # "на Бахмутском направлении"
            by_id.update((e.id, e) for e in ctx.gazetteer.lookup(stem) if e.kind == "P")
    return tuple(by_id.values())


def _region_adjective(ctx: ArticleContext, start: int, end: int) -> tuple[Entry, ...]:
    hit = ctx.lex.optional("regions").search(ctx.shadow, start, end)
    if hit is None or hit.start != start or hit.end < end:
        return ()
    if not ctx.lex.phrases("filters.region").search(ctx.shadow, end, end + 14):
        return ()  # "Донецк" the city; only "Донецкая область", "Донецкое направление" is the region
    anchor_name = str(ctx.lex.phrases("regions").value(hit))
    anchors = [e for e in ctx.gazetteer.lookup(anchor_name) if e.kind == "P" and e.admin1]
    if not anchors:
        return ()
    admin1 = max(anchors, key=lambda e: e.population).admin1 or ""
    return tuple(e for e in ctx.gazetteer.lookup(admin1) if e.kind == "ADM1")


def _names_its_region(e: Entry) -> bool:
    """A city that shares its region's name (Sumy, Kherson; Vinnytsya in Vinnyts'ka)."""
    return e.kind == "P" and bool(e.admin1) and normalise(e.admin1 or "")[:4] == normalise(e.name)[:4]


def _region_name(c: _Candidate) -> str | None:
    """The admin-1 region a candidate can name: a region entry, or a city that shares its
    region's name (Sumy, Kherson; Vinnytsya in Vinnyts'ka, Odesa in Odessa)."""
    for e in c.entries:
        if e.kind == "ADM1":
            return e.admin1 or e.name
        if _names_its_region(e):
            return e.admin1
    return None


def _with_region(ctx: ArticleContext, cands: list[_Candidate]) -> dict[int, str]:
    """'Senkivka, Chernihiv' / 'Dubno, Rivne' / 'Ulanove, Sumy region': the second names the
    first's region. Returns {index of the place: region name}; the region is not a place."""
    pairs: dict[int, str] = {}
    for i, a in enumerate(cands):
        for b in cands[i + 1 : i + 3]:
            gap = ctx.shadow[a.end : b.start]
            district = ctx.lex.optional("filters.district").search(gap)
            if district is not None and not gap[: district.start].strip():
                gap = gap[district.end :]  # "Semenivka district, Chernihiv", "X hromada (Sumy)"
            region = _region_name(b)
            if not region or b.start <= a.end or not _region_gap(ctx.lex).match(gap):
                continue
            # a name the gazetteer lacks counts only as "Village, Region": in German every noun
            # is capitalised, and "Raketen in Sumy" is no village in Sumy
            if a.entries or gap.strip() == ",":
                pairs[i] = region
            break
    return pairs


_COMPOUND_AFTER = re.compile(r"-[a-zà-ÿ]")


@cache
def _region_gap(lex: Lexicon) -> re.Pattern[str]:
    """Between a place and its region: a comma, a parenthesis, or ``filters.region_gap``."""
    return re.compile(rf"^\s*(?:,|\(|{lex.alternation('filters.region_gap')})\s*$")


def _best(ctx: ArticleContext, c: _Candidate, countries: set[str], region: str | None,
          strict: bool = False, listed: bool = False) -> PlaceMention | None:
    """The best entry for a candidate; ``region``: the region named right after it, which, when
    ``strict`` (the pair is no list of towns), rules out homonyms elsewhere."""
    best: PlaceMention | None = None
    entries = c.entries
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
        full = e.kind == "ADM1" and " " in surface and normalise(surface) == normalise(e.name)
        score = _score(context, e, countries, full) + (_nearby(ctx, e, c) if homonyms else 0.0)
        if e.id in renamed:
            score -= _OTHER_NAME  # "Pokrovsk" is the Donetsk town, not Engels, once called Pokrovsk
        abroad = bool(countries) and e.country not in countries
        if abroad and e.population < 10_000 and normalise(surface) != normalise(e.name):
            score -= 3  # "l'Occident" is an alternate name of Maxwell, Iowa: a village abroad by another name
        if score >= ACCEPT and (best is None or score > best.score):
            best = PlaceMention(c.start, c.end, e, score, context.near, context.region and e.kind == "ADM1",
                                context.district and e.kind == "P")
    return best


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
            for c in _lookups(ctx, s):
                towns = [e for e in c.entries if e.kind == "P"]
                if len(c.entries) == 1 and towns and towns[0].population >= 10_000:
                    out.append((c.start, towns[0].lat, towns[0].lon))
        ctx.memo[key] = out
    return ctx.memo[key]  # type: ignore[no-any-return]


def _nearby(ctx: ArticleContext, e: Entry, c: _Candidate) -> float:
    """Bonus for a homonym near the article's other places ("Mykolaivka" in an article about
    Sloviansk and Kramatorsk is the one in Donetsk oblast)."""
    dists = [km(e.lat, e.lon, lat, lon) for at, lat, lon in _anchors(ctx) if at != c.start]
    if not dists:
        return 0.0
    nearest = min(dists)
    return 2.5 if nearest <= 60 else (1.0 if nearest <= 120 else 0.0)


def _region_entry(c: _Candidate) -> PlaceMention | None:
    for e in c.entries:
        if e.kind == "ADM1":
            return PlaceMention(c.start, c.end, e, ACCEPT, False, True)
    return None


def _names_region(ctx: ArticleContext, c: _Candidate) -> bool:
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


def _village_of(ctx: ArticleContext, cands: list[_Candidate], i: int, region: str) -> bool:
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


def places_in(ctx: ArticleContext, s: Sentence, countries: set[str]) -> list[PlaceMention]:
    """Accepted place mentions in a sentence, best-scoring entry per mention, no overlaps.

    A place followed by its region ("Dubno, Rivne") takes the homonym in that region, and the
    region is context, not a second place; a village the gazetteer lacks falls back to its
    region (precision 3) rather than vanishing.
    """
    cands = _lookups(ctx, s)
    regions = _with_region(ctx, cands)
    context_of = {j: i for i in regions for j in range(i + 1, min(i + 3, len(cands)))
                  if _region_name(cands[j]) == regions[i]}
    found: list[PlaceMention] = []
    listed_after = -1  # end of the last region named, for "the regions of Kharkiv, Donetsk and ..."
    cities: set[int] = set()  # "Kharkiv, Odesa": the second is the next city of a list, not the first's region
    for i, c in enumerate(cands):
        check()
        if i in context_of and context_of[i] not in cities:
            continue
        best = _best(ctx, c, countries, regions.get(i), i in regions and _village_of(ctx, cands, i, regions[i]))
        region = next(cands[j] for j in range(i + 1, len(cands)) if _region_name(cands[j]) == regions[i]) \
            if i in regions else None
        if best is None and region is not None:
            best = _region_entry(region)
        elif region is not None and place_lists.is_next_city(best, regions[i], region.entries):
            cities.add(i)
        if best is None and c.entries and i not in regions and place_lists.continues_list(ctx, s, c.start, found):
            best = _best(ctx, c, countries, None, listed=True)  # "in Gaza City and Beit Lahia"
        if best is not None and (_names_region(ctx, c) or _listed(ctx, listed_after, c.start)):
            best = _as_region(ctx, best)
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
    for c in _lookups(ctx, s):
        for e in c.entries:
            if e.kind == "PCLI" and not state_named(ctx, c.start):
                return PlaceMention(c.start, c.end, e, 0.0, False, False)
    return None


def to_place(ctx: ArticleContext, pm: PlaceMention) -> Place:
    e = pm.entry
    if e.kind == "PCLI":
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
        name=e.name, country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
        geo_precision=geo, where_prec=where, geonameid=e.id if e.id > 0 else None,
        timezone=e.timezone, population=e.population, mention=ctx.span(pm.start, pm.end),
    )
