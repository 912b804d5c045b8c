"""The names a sentence may use for a place, with their gazetteer entries.

Candidates are capitalised runs of one to three tokens (every word run in a caseless script) and
NER spans. A candidate is dropped where it stands for something else: a dateline, a clock ("Kyiv
time"), a first or second name, a surname the article gives in full, a quoted term, a party used
as its government ("Moscow blamed Kyiv"), the subject of a verb of saying, a common word, an
adjective ("Moscow-backed"), or what ``place_filters`` vetoes (a water body, a seat, an agreement,
a person). What is left is looked up in the gazetteer, its inflected and transcribed forms too;
``places`` chooses among the entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from trucewatch.budget import check
from trucewatch.extract.context import ArticleContext, Sentence
from trucewatch.extract.place_filters import not_a_place, object_of_attack, route_pair
from trucewatch.extract.transcription import transcribed
from trucewatch.geo.gazetteer import Entry
from trucewatch.geo.water import bodies
from trucewatch.nlp.lexicon import shadow
from trucewatch.nlp.morph import MORPH_LANGUAGES, adjective_stems, place_forms

_SKIP_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"}
_COMPOUND_AFTER = re.compile(r"-[a-zà-ÿ]")


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
        article = tok.text.lower() in particles and i + 1 < len(tokens) and tokens[i + 1].text == "-"
        if not tok.text[:1].isupper() or tok.pos_ in _SKIP_POS and tok.ent_type_ == "" and not article:
            continue  # ("El-Fashir": the Arabic article the French tagger reads as "el", a determiner)
        if tok.is_stop and not article and (i + 1 >= len(tokens) or not tokens[i + 1].text[:1].isupper()):
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
    for tok in tokens:  # a tokenizer that keeps "Abuja-Kaduna" whole (es, de): its first town
        head = _ROUTE_HEAD.match(tok.text)
        if head and route_pair(ctx, tok.idx, tok.idx + head.end()) == "first":
            out.setdefault((tok.idx, tok.idx + head.end()), "")
    return [(a, b, lab) for (a, b), lab in out.items()]


#: a token of two capitalised names joined by a dash: "Abuja-Kaduna"
_ROUTE_HEAD = re.compile(r"[A-ZÀ-ÝА-ЯІЇЄҐ][\w'’]+(?=[-‐‑–—][A-ZÀ-ÝА-ЯІЇЄҐ])")


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


def _is_actor(ctx: ArticleContext, start: int, end: int) -> bool:
    phrase = ctx.shadow[start:end]
    if ctx.parties.is_person(phrase) or any(m.person for m in ctx.mentions_overlapping(start, end)):
        return True  # "Volodymyr" of Volodymyr Zelensky is not Volodymyr-Volynskyi
    if not ctx.parties.is_alias(phrase):
        return False
    if not ctx.parsed:  # no tree: a capital that names a government is a place only after "in", "à"...
        locative = ctx.lex.phrases("filters.locative").search(ctx.shadow, max(0, start - 14), start)
        return not locative and not object_of_attack(ctx, start)  # ... or as what was hit
    toks = ctx.tokens(start, end)
    return bool(toks) and toks[-1].dep_ in {"nsubj", "nmod:poss", "poss"}


def _clock_names(ctx: ArticleContext, s: Sentence) -> list[tuple[int, int]]:
    """'heure de Moscou', 'Kyiv time': a clock, not a place."""
    return [(m.start, m.end) for m in ctx.find("time.zones", s)]


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    entries: tuple[Entry, ...]
    label: str


def lookups(ctx: ArticleContext, s: Sentence) -> list[Candidate]:
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


def _find_lookups(ctx: ArticleContext, s: Sentence) -> list[Candidate]:
    out = []
    clocks = _clock_names(ctx, s)
    dateline = _dateline_end(ctx, s)
    for start, end, label in _candidates(ctx, s):
        check()  # a list of names: a look-up per candidate
        if start > 0 and ctx.text[start - 1] in "-‐":
            continue  # "Sloboda" of Mykhalchyna-Sloboda, "Balah" of Deir al-Balah: part of a longer name
        if route_pair(ctx, start, end) == "second":
            continue  # "Kaduna" of "the Abuja–Kaduna road": one road, placed at its first town
        if any(a <= start < b for a, b in clocks) or start < dateline or _first_name(ctx, start, end) \
                or _second_name(ctx, s, start, end):
            continue
        if _quoted(ctx, start, end):
            continue  # 'ein "Deal"', 'مصادر "الرياض"': a word or a title quoted, not a place
        surface = ctx.text[start:end].strip(" .,;:'’\"")
        if len(surface) < 3 or _is_actor(ctx, start, end) or _speaks(ctx, start, end) \
                or _common_word(ctx, start, end) or _surname(ctx, surface) or not_a_place(ctx, start, end, surface):
            continue
        if _COMPOUND_AFTER.match(ctx.text, start + len(ctx.text[start:end].rstrip("-‐"))) or any(
                ctx.shadow.endswith(p, max(0, start - len(p)), start) for p in ctx.lex.words("filters.name_prefixes")):
            continue  # "Moscow-backed separatists", "pro-Moscow", "Kremlin-friendly": an adjective
        out.append(Candidate(start, end, _entries(ctx, surface, start, end), label))
    waters = _waters(ctx, s)
    out = [c for c in out if not any(w.start < c.end and c.start < w.end for w in waters)] + waters
    return sorted(out, key=lambda c: (c.start, -c.end))


def _waters(ctx: ArticleContext, s: Sentence) -> list[Candidate]:
    """The seas, gulfs and straits the sentence names (``geo/water.py``), not those that begin a
    longer name ("the Black Sea Fleet", "Red Sea Hotel")."""
    phrases, named = bodies()
    out = []
    for m in phrases.finditer(ctx.shadow, s.start, s.end):
        if _LONGER_NAME.match(ctx.text, m.end) or _as_region(ctx, m.start, m.end) or _coast(ctx, m.start) \
                or _modifies_noun(ctx, m.end):
            continue
        out.append(Candidate(m.start, m.end, (named[m.phrase],), "LOC"))
    return out


def _as_region(ctx: ArticleContext, start: int, end: int) -> bool:
    """'Red Sea state', 'ولاية البحر الأحمر', 'Port Sudan (Red Sea)', 'Port Sudan, Red Sea': a
    region named after the sea (by a region word, or as the region of the place before it)."""
    if ctx.text[max(0, start - 2) : start] in {", ", " ("} or ctx.text[start - 1 : start] == "(":
        return True
    regions = ctx.lex.phrases("filters.region")
    after = regions.search(ctx.shadow, end, end + 14)
    if after is not None and not ctx.shadow[end : after.start].strip():
        return True
    before = regions.finditer(ctx.shadow, max(0, start - 20), start)
    articles = {"", *ctx.lex.words("filters.articles")}
    return bool(before) and ctx.shadow[before[-1].end : start].strip() in articles


def _coast(ctx: ArticleContext, start: int) -> bool:
    hits = ctx.lex.optional("filters.coast").finditer(ctx.shadow, max(0, start - 30), start)
    articles = {"", *ctx.lex.words("filters.articles")}
    return bool(hits) and ctx.shadow[hits[-1].end : start].strip() in articles


def _modifies_noun(ctx: ArticleContext, end: int) -> bool:
    """'Black Sea ports', 'the Black Sea basin' (with a parse): the sea names a kind of thing."""
    if not ctx.parsed or not ctx.lex.section("filters.noun_adjuncts"):
        return False
    nxt = ctx.tokens(end, min(len(ctx.text), end + 30))
    return bool(nxt) and nxt[0].idx - end <= 1 and nxt[0].pos_ in {"NOUN", "PROPN"}


#: a capitalised word or a hyphen right after a name: the name begins a longer one
_LONGER_NAME = re.compile(r"(?: [A-ZÀ-ÝА-ЯІЇЄҐ]|-\w)")


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
    if _acronym(ctx, surface, start):
        return _abbreviated(ctx, surface, start)
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


def _acronym(ctx: ArticleContext, surface: str, start: int) -> bool:
    """'USA', 'UK', 'РФ': two to four capitals (dots aside) in text that is not itself in capitals
    (a headline in capitals writes "GAZA" as a name)."""
    letters = surface.replace(".", "")
    if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
        return False
    around = ctx.text[max(0, start - 40) : start + len(surface) + 40]
    cased = [c for c in around if c.isalpha() and c.lower() != c.upper()]
    return sum(c.isupper() for c in cased) * 2 < len(cased)


def _abbreviated(ctx: ArticleContext, surface: str, start: int) -> tuple[Entry, ...]:
    """An acronym names a country the lexicon abbreviates so (``filters.abbreviations``), after a
    preposition of place ("Proteste in USA"; "UK officials" is an adjective), and nothing else:
    GeoNames' other names of small places spell acronyms ("Usa" is Usha, Haifa; "Uk" a village
    of Irkutsk)."""
    code = ctx.lex.section("filters.abbreviations").get(shadow(surface).replace(".", ""))  # "EE.UU."
    locative = ctx.lex.phrases("filters.locative").finditer(ctx.shadow, max(0, start - 14), start)
    articles = {"", *ctx.lex.words("filters.articles")}
    if not code or not locative or ctx.shadow[locative[-1].end : start].strip() not in articles:
        return ()
    name = ctx.gazetteer.country_name(str(code))
    return tuple(e for e in ctx.gazetteer.lookup(name) if e.kind == "PCLI" and e.country == code) if name else ()


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


def _speaks(ctx: ArticleContext, start: int, end: int) -> bool:
    """'Danilov said', 'a déclaré Timochenko': the subject of a verb of saying is a person or a
    government, not the place where something happened."""
    speech = ctx.lex.phrases("speech.verbs")
    for t in ctx.tokens(start, end):
        if t.dep_ in {"nsubj", "appos"} and speech.search(ctx.shadow, t.head.idx, t.head.idx + len(t.head.text)):
            return True
    return False
