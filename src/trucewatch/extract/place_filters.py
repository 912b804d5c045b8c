"""Names that the gazetteer knows but that, where they stand, are not the place of anything.

A careful reader does not map "the Minsk agreements", "an observatory based in the United
Kingdom", "the Gulf of Aden" or "Anna" (a first name) to Minsk, Reino de Bandim, Aden or Anna in
Voronezh oblast. Each test reads the words around the name from the lexicon (``filters.*``):

* ``filters.anaphora``: the name is itself a common word for "the city" ("المدينة" is Medina);
  ``filters.not_places``: a people or a common noun GeoNames lists as a place ("Roma", "Republic");
* ``filters.water``: a water body named after a place ("Gulf of Aden", "Golf von Aden", "خليج
  عدن") and ``filters.water_after`` ("Азовського моря", "Black Sea" written "Azov Sea");
* ``filters.seat``: the seat of an organisation ("based in", "con sede en", "mit Sitz in");
* ``filters.border_with``: the other side of a border ("near the border with Gaza");
* ``filters.agreement`` / ``filters.agreement_after``: the name of an agreement or a format
  ("accords de Minsk", "Minsk agreements", "Минские соглашения");
* ``filters.source``: whose report it is ("according to Khartoum", "nach Angaben aus Teheran");
* in a language without a parse, ``speech.verbs`` right after the name ("Moskau erklärte",
  "Damasco acusó", "Хартум обвинил") or right before it ("teilte Moskau mit", "заявила Москва",
  "وقالت أنقرة"): a city that speaks is its government (metonymy), not the scene, unless a
  preposition of place or a word of attack stands right before it ("In Kiew sagte ..."); with a
  parse, ``place_names`` asks the tree;
* a month's name next to a number ("2 March 2023"): a date;
* ``filters.first_names`` and, for Russian and Ukrainian, pymorphy3's Name/Surn/Patr tags with no
  Geox reading: a person, unless a preposition of place stands right before the name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from trucewatch.extract.context import ArticleContext
from trucewatch.nlp.lexicon import Match
from trucewatch.nlp.morph import MORPH_LANGUAGES, analyzer
from trucewatch.temporal.points import grammar

#: how far before the name a seat or a water word may end (an article may stand between)
_BEFORE = 24
_AFTER = 16


def not_a_place(ctx: ArticleContext, start: int, end: int, surface: str) -> bool:
    """Whether the name at [start, end) is a word, a water body, a seat, an agreement or a person."""
    lex, sh = ctx.lex, ctx.shadow
    if any(lex.optional(key).covers(sh, start, end) for key in ("filters.anaphora", "filters.not_places")):
        return True
    if _in_date(ctx, start, end, surface):
        return True
    if _right_before(ctx, "filters.water", start) or _right_after(ctx, "filters.water_after", end):
        return True
    if _right_before(ctx, "filters.seat", start) or _right_before(ctx, "filters.border_with", start):
        return True
    if _right_before(ctx, "filters.agreement", start) or _right_after(ctx, "filters.agreement_after", end):
        return True
    if _right_before(ctx, "filters.source", start) and not _possessive(ctx, end):
        return True  # "according to Gaza's health ministry": the ministry speaks; Gaza stays a place
    return _speaker(ctx, start, end) or _person(ctx, start, end, surface)


def _in_date(ctx: ArticleContext, start: int, end: int, surface: str) -> bool:
    """'On 2 March 2023', 'May 5': a month's name (``time.months``) next to a number is a date,
    not the village GeoNames calls March or May."""
    if surface.rstrip(".").lower() not in grammar(ctx.lex).months:
        return False
    before, after = ctx.text[max(0, start - 6) : start].split(), ctx.text[end : end + 6].split()
    return bool(before and before[-1].rstrip(".,").isdigit() or after and after[0].strip(".,").isdigit())


def _possessive(ctx: ArticleContext, end: int) -> bool:
    return ctx.shadow.startswith(("'s", "’s"), end)


def _placed(ctx: ArticleContext, start: int) -> bool:
    """A preposition of place (at most one word before the name: "в секторе Газа сообщают", the
    medics in the Gaza Strip report), a region word or a word of attack right before the name."""
    sh = ctx.shadow
    for key in ("filters.locative", "filters.region"):
        hits = ctx.lex.phrases(key).finditer(sh, max(0, start - 30), start)
        gap = sh[hits[-1].end : start] if hits else ""
        if hits and (_gap_ok(ctx, gap) or key == "filters.locative" and len(gap.split()) == 1
                     and gap.strip().isalpha()):
            return True
    return object_of_attack(ctx, start)


def _speaker(ctx: ArticleContext, start: int, end: int) -> bool:
    """Without a parse, a name right next to a verb of saying or accusing is who speaks: right
    before it ("Khartum warf ... vor", "Москва заявила") or right after it ("teilte Moskau mit",
    "заявила Москва", "وقالت أنقرة"). With a parse the tree decides: English "said Kharkiv was hit"
    names the place, and "stat*" reads "Kramatorsk station" too."""
    if ctx.parsed:
        return False
    verbs, sh = ctx.lex.phrases("speech.verbs"), ctx.shadow
    after = verbs.search(sh, end, end + 24)
    before = verbs.finditer(sh, max(0, start - 30), start)
    right_after = after is not None and not sh[end : after.start].strip()
    right_before = bool(before) and not sh[before[-1].end : start].strip()
    return (right_after or right_before) and not _placed(ctx, start)


def object_of_attack(ctx: ArticleContext, start: int) -> bool:
    """'shelled Klishchiivka', 'обстріляли Кліщіївку': the name right after a word of attack is
    where it happened, as much as one after a locative preposition."""
    events = ctx.lex.phrases("events")
    hits = [h for h in events.finditer(ctx.shadow, max(0, start - 30), start)  # "طيران التحالف": whose aircraft
            if events.value(h)[2] not in {"air strike", "~air", "drones"}]
    articles = {"", *ctx.lex.words("filters.articles")}  # "shelled the Znob-Novhorodska hromada"
    return any(0 < start - h.end <= 6 and ctx.shadow[h.end : start].strip() in articles for h in hits)


def distance_from(ctx: ArticleContext, start: int) -> bool:
    """'50 Kilometer nördlich von Jerusalem', '20 km south of Kharkiv': the name is the point a
    distance is measured from (``filters.distance_from`` right before it)."""
    return _right_before(ctx, "filters.distance_from", start)


def passed_over(ctx: ArticleContext, start: int) -> bool:
    """'missiles flew over Moldova', 'des drones ont survolé Odessa': the name is a place a weapon
    or a craft passed over (``filters.transit`` right before it), not where it hit."""
    return _right_before(ctx, "filters.transit", start)


def headed_for(ctx: ArticleContext, start: int) -> bool:
    """'drones heading for Kyiv', 'ракети, що летіли на Київ': where a weapon was headed
    (``filters.destination`` right before the name)."""
    return _right_before(ctx, "filters.destination", start)


#: a point more than this far from the scene is no place of it, even when the sentence names no other
FAR_KM = 25.0
_NUMBER_BEFORE = re.compile(r"(\d+(?:[.,]\d+)?)\s*$")


def far_from(ctx: ArticleContext, start: int) -> bool:
    """'60 Kilometer nördlich von Tel Aviv': the point a distance is measured from lies more than
    :data:`FAR_KM` from the scene (the number right before the distance words; miles are
    ``filters.distance_miles``), so the scene is elsewhere, not near it."""
    hit = _hit_before(ctx, "filters.distance_from", start)
    if hit is None:
        return False
    number = _NUMBER_BEFORE.search(ctx.shadow, max(0, hit.start - 12), hit.start)
    if number is None:
        return False
    km = float(number.group(1).replace(",", "."))
    miles = ctx.lex.optional("filters.distance_miles").search(ctx.shadow, hit.start, hit.end)
    return km * (1.609 if miles is not None else 1.0) > FAR_KM


_DASHES = "-‐‑–—"
_CAP = r"[A-ZÀ-ÝА-ЯІЇЄҐ]"
_NAME_AFTER = re.compile(rf"\s?[{_DASHES}]\s?(?:{_CAP}[\w'’]*)(?:[ -]{_CAP}[\w'’]*){{0,2}}")
_NAME_BEFORE = re.compile(rf"(?:{_CAP}[\w'’]*[ -]){{0,2}}{_CAP}[\w'’]*\s?[{_DASHES}]\s?$")
_ANY_AFTER = re.compile(rf"\s?[{_DASHES}]\s?[^\W\d_]+")
_ANY_BEFORE = re.compile(rf"[^\W\d_]+\s?[{_DASHES}]\s?$")


def route_pair(ctx: ArticleContext, start: int, end: int) -> str | None:
    """'the Abuja-Kaduna road', 'la route Abuja–Kaduna', 'la carretera Abuja-Kaduna': two names joined by a
    dash with a route word (``filters.route``) right after the pair or right before it name one
    road between the two towns, not two scenes. ``"first"`` for the first name (where the event
    is placed, near it: ACLED's precision 2), ``"second"`` for the other, else None."""
    caseless = ctx.lex.language == "ar"
    end = len(ctx.text[start:end].rstrip(_DASHES)) + start  # the candidate "Abuja-" is "Abuja"
    after = (_ANY_AFTER if caseless else _NAME_AFTER).match(ctx.text, end)
    if after is not None and _routed(ctx, start, after.end()):
        return "first"
    before = (_ANY_BEFORE if caseless else _NAME_BEFORE).search(ctx.text, max(0, start - 40), start)
    if before is not None and _routed(ctx, before.start(), end):
        return "second"
    return None


def _routed(ctx: ArticleContext, start: int, end: int) -> bool:
    return _right_after(ctx, "filters.route", end) or _right_before(ctx, "filters.route", start)


def _gap_ok(ctx: ArticleContext, gap: str) -> bool:
    gap = gap.strip()
    return not gap or gap in ctx.lex.words("filters.articles")


def _hit_before(ctx: ArticleContext, key: str, start: int) -> Match | None:
    """The phrase of ``key`` that ends right before ``start`` (only a gap ``_gap_ok`` allows between)."""
    hits = ctx.lex.optional(key).finditer(ctx.shadow, max(0, start - _BEFORE), start)
    return hits[-1] if hits and _gap_ok(ctx, ctx.shadow[hits[-1].end : start]) else None


def _right_before(ctx: ArticleContext, key: str, start: int) -> bool:
    return _hit_before(ctx, key, start) is not None


def _right_after(ctx: ArticleContext, key: str, end: int) -> bool:
    hit = ctx.lex.optional(key).search(ctx.shadow, end, end + _AFTER)
    return hit is not None and not ctx.shadow[end : hit.start].strip()


def _person(ctx: ArticleContext, start: int, end: int, surface: str) -> bool:
    """A single word that is a first name (the lexicon's list; pymorphy3's Name, Surn or Patr with
    no geographic reading), not right after a preposition of place ("in Anna" is the town)."""
    if " " in surface:
        return False
    known = ctx.lex.optional("filters.first_names").covers(ctx.shadow, start, end)
    if not known and not (ctx.lex.language in MORPH_LANGUAGES and _morph_person(surface, ctx.lex.language)):
        return False
    locative = ctx.lex.phrases("filters.locative").finditer(ctx.shadow, max(0, start - 14), start)
    return not (locative and _gap_ok(ctx, ctx.shadow[locative[-1].end : start]))


@lru_cache(maxsize=20_000)
def _morph_person(word: str, language: str) -> bool:
    """Every reading names a person (Name, Surn or Patr): "Анна", "Шевченко"; not "Лиман" (also a
    common noun and a town), "Бахмут" or "Николаев" (also Geox, a geographic name)."""
    parses = analyzer(language).parse(word)
    return bool(parses) and all({"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))
                                for p in parses)


def state_named(ctx: ArticleContext, start: int) -> bool:
    """'la France et la Grande-Bretagne', 'the United States': a country after a definite article
    and no preposition of place is the state that acts, not where anything happened ('en
    France', 'in the United States' are places)."""
    articles = ctx.lex.words("filters.articles")
    before = ctx.shadow[max(0, start - 20) : start]
    article = next((a for a in articles if before.rstrip().endswith(a) and (
        len(before.rstrip()) == len(a) or not before.rstrip()[-len(a) - 1].isalpha())), None)
    if article is None:
        return False
    head = before.rstrip()[: -len(article)]
    if any(head.rstrip().endswith(" " + w) for w in ctx.lex.words("filters.of")):
        return False  # "l'est de l'Ukraine": a part of the country
    locative = ctx.lex.phrases("filters.locative").finditer(head, max(0, len(head) - 14))
    return not (locative and not head[locative[-1].end :].strip())


#: how far a reference point may stand from the place it locates
_REFERENCE_CHARS = 60


def reference_point(ctx: ArticleContext, lo: int, start: int, before: list[tuple[int, int]]) -> bool:
    """'بلدتي الوهط وصبر في لحج شمال مدينة عدن', 'محافظة الجوف، شمال شرقي العاصمة صنعاء': a name
    after a direction (``filters.reference_direction``, no preposition of place before it) that
    follows another place of the sentence (``before``: their spans) only locates that place;
    "في شمال غزة" (in the north of Gaza) names the place itself. ``lo``: the sentence's start."""
    table = ctx.lex.optional("filters.reference_direction")
    if not table:
        return False
    sh = ctx.shadow
    hits = [h for h in table.finditer(sh, max(lo, start - 30), start)
            if len(sh[h.end : start].split()) <= 1 and not any(c in ".;:!?()" for c in sh[h.end : start])]
    if not hits:
        return False
    hit = hits[-1]
    prepositions = ctx.lex.words("filters.place_prepositions")
    prev = sh[max(lo, hit.start - 12) : hit.start].split()
    if prev and prev[-1] in prepositions or sh[hit.start : hit.start + 1] in {"ب", "ل"}:
        return False  # "في شمال غزة", "بشمال غزة": in the north of it
    return any(b <= hit.start and hit.start - b <= _REFERENCE_CHARS for _, b in before)


def fire_origin(ctx: ArticleContext, start: int, end: int) -> bool:
    """'lancés depuis Gaza', 'un misil lanzado desde Gaza': a place right after a word of
    origin (``filters.origin``, an article between), or between ``filters.origin_open`` and
    ``filters.origin_close`` ("aus dem Gazastreifen abgefeuert"), is where fire came from."""
    lex, sh = ctx.lex, ctx.shadow
    articles = rf"(?:(?:{lex.alternation('filters.articles')})\s*)?"
    before = sh[max(0, start - 24) : start]
    # a phrase set: participles of firing end in * ("выпущенн* из")
    if any(re.fullmatch(rf"\s+{articles}", sh[h.end : start])
           for h in lex.optional("filters.origin").finditer(sh, max(0, start - 40), start)):
        return True
    # "eine aus dem Gazastreifen abgefeuerte Rakete", "vom Libanon aus": a word that alone
    # also tells where people come from, closed by one of firing or a postposition of origin
    closing = lex.phrases("filters.origin_close")
    if not closing or not re.search(
            rf"(?<!\w)(?:{lex.alternation('filters.origin_open')})\s+{articles}$", before):
        return False
    close = closing.search(ctx.shadow, end, end + 30)
    return close is not None and not ctx.shadow[end : close.start].strip()
