"""Casualty counts as low/high from a sentence: "au moins une personne a été tuée" (1, null),
"killing two civilians" (2, 2), "dozens wounded" (24, 99), "no casualties" (0, 0).

Following ACLED, the low figure is what a coder would record; ``high`` is null when the text sets
no upper bound ("at least", "others"). A number counts only when it is tied to a casualty word
(people killed, "un mort", "killing two"), so "two missiles" never becomes two dead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from trucewatch.nlp.lexicon import Lexicon, PhraseSet, shadow


@dataclass(frozen=True)
class Count:
    low: int | None
    high: int | None
    span: tuple[int, int]
    #: "report": one report of the toll (several reports of one toll: the lowest counts);
    #: "more": victims on top of those already counted ("another 5 were killed");
    #: "total": the toll so far ("raising the death toll to 24")
    kind: str = "report"


def combine(counts: list[Count]) -> tuple[int | None, int | None]:
    """(low, high) of one incident's counts: the lowest report, plus the victims counted on top,
    and never below a stated total (ACLED sums distinct victims, takes the lowest of conflicting
    reports of the same ones)."""
    if not counts:
        return None, None
    reports = [c for c in counts if c.kind == "report"]
    more = [c for c in counts if c.kind == "more"]
    totals = [c for c in counts if c.kind == "total"]
    lows = [c.low for c in reports if c.low is not None]
    low = min(lows) if lows else None
    if more:
        low = (low or 0) + sum(c.low or 0 for c in more)
    if totals:
        low = max([low or 0, *(c.low or 0 for c in totals)])
    if any(c.high is None for c in counts):
        return low, None
    high = max((c.high or 0 for c in reports), default=0) + sum(c.high or 0 for c in more)
    high = max([high, *(c.high or 0 for c in totals)])
    return low, max(high, low or 0)


@dataclass(frozen=True)
class Casualties:
    killed: Count | None
    injured: Count | None


class _Quantities:
    def __init__(self, lex: Lexicon):
        numbers = "|".join(re.escape(w) for w in sorted(lex.number_words, key=len, reverse=True))
        vague = dict(lex.section("vague"))
        vague_alt = "|".join(re.escape(w) for w in sorted(vague, key=len, reverse=True))
        c = lex.section("casualties")
        bounds = "|".join(re.escape(w) for w in c["at_least"] + c["at_most"] + c["about"])
        self.at_least = {w for w in c["at_least"]}
        self.at_most = {w for w in c["at_most"]}
        self.vague = {k: (int(v[0]), int(v[1])) for k, v in vague.items()}
        # a conjunction written onto the count ("وثلاثة جرحى": and three wounded)
        clitics = "|".join(re.escape(w) for w in c.get("number_clitics", ()))
        clitic = rf"(?P<clitic>{clitics})?" if clitics else ""
        self.quantity = re.compile(
            rf"(?<!\w){clitic}(?:(?P<bound>{bounds})\s+)?"
            rf"(?:(?P<num>\d{{1,3}}(?:[,.\u202f ]\d{{3}})+|\d+|{numbers})|(?P<vague>{vague_alt}))(?!\w)"
        )
        self.preposition = re.compile(rf"^\s*(?:{lex.alternation('casualties.count_prepositions')})\s+")
        self.people = lex.phrases("casualties.people")
        self.more = lex.optional("casualties.more")
        self.more_after = lex.optional("casualties.more_after")  # "seven others", "three more"
        self.conjunctions = set(c.get("conjunctions", ()))
        self.at_least_after = lex.optional("casualties.at_least_after")
        self.total = lex.optional("casualties.total")
        # languages without articles name one victim by a singular noun ("ранена женщина")
        self.one = lex.optional("casualties.one")
        # languages with a dual name two victims by one noun ("قتل جنديان": two soldiers killed)
        self.two = lex.optional("casualties.two")
        self.fillers = set(c.get("fillers", ()))
        self.cumulative = lex.optional("casualties.cumulative")  # "killed in the siege": a war's toll
        self.ages = lex.optional("casualties.ages")  # "Jahren", "years", "ans": the number is an age
        self.kin = lex.optional("casualties.kin")  # "the Abu Sharar family": the name describes the victims
        own = "|".join(re.escape(w) for w in c.get("possessive", ()))
        conj = "|".join(re.escape(w) for w in self.conjunctions)
        # "a mother and her son", "eine Frau und ihr Kind": one victim and another of theirs
        self.pair = re.compile(rf"(?<!\w)(?P<one>\w+)\s+(?P<a>\w+)\s+(?:{conj})\s+(?:{own})\s+(?P<b>\w+)(?!\w)") \
            if own and conj else None
        # after the first victims: at most three words ("of staff"), "and", a count and who
        words = r"\s*(?:[^\s,.;:]+\s+){0,3}?"
        self.and_more = re.compile(rf"{words}(?:{conj})\s+{self.quantity.pattern}\s+(?P<who>\w+)") if conj else None
        self.events = lex.phrases("events")
        t = lex.section("time")  # "at 3 pm", "um drei Uhr": a clock, never a word describing victims
        clause = c.get("clause_aux", [])  # "waren vier Soldaten ... getötet worden" (verb-final clauses)
        self.clause_aux = re.compile(rf"(?<!\w)(?:{lex.alternation('casualties.clause_aux')})\s+") if clause else None
        self.clause_words = set(clause)
        self.describing = bool(c.get("describing_word"))  # "drei junge Männer" (see _tied)
        self.hurt = PhraseSet([*c["killed"], *c["injured"]], lex.number_words)
        self.clock = {shadow(w).rstrip(".") for key in ("clock_suffixes", "am_words", "pm_words", "hour_words",
                                                          "day_words", "week_words") for w in t[key]}
        from trucewatch.nlp.parties import party_book

        self.demonyms = party_book().aliases
        self.lex = lex


@cache
def _quantities(lex: Lexicon) -> _Quantities:
    return _Quantities(lex)


def _value(q: _Quantities, m: re.Match[str]) -> tuple[int | None, int | None] | None:
    bound = m["bound"]
    if m["vague"]:
        low, high = q.vague[m["vague"]]
        return low, (high or None)
    raw = re.sub(r"[\s,.]", "", m["num"])
    n = int(raw) if raw.isdigit() else q.lex.number(m["num"])
    if n is None:
        return None
    if bound in q.at_least:
        return n, None
    if bound in q.at_most:
        return 1, n
    return n, n


def _count_after(q: _Quantities, sh: str, word: tuple[int, int], hi: int) -> Count | None:
    """'killing two civilians', 'tuant un homme', 'killed 14': the object of the verb is the toll."""
    after = sh[word[1] : min(hi, word[1] + 40)]
    tail = q.quantity.match(after.lstrip())
    if tail is None:  # "mataron a dos soldados": a preposition before the count
        tail = q.quantity.match(q.preposition.sub("", after))
    if _pair(q, after.lstrip(), at_start=True):  # "killing a mother and her son"
        return Count(2, 2, (word[0], word[1] + len(after)))
    if tail is None or tail.groupdict().get("clitic"):
        return None  # "17 قتيلا و121 جريحا": a count joined by "and" opens the next group
    v = _value(q, tail)
    if v is None:
        return None
    rest = after.lstrip()[tail.end() :]
    return _with_others(q, Count(v[0], v[1], (word[0], word[1] + len(after))), rest)


def _with_others(q: _Quantities, c: Count, rest: str) -> Count:
    """'killed a commander and four others', 'killed the chief of staff and four others': a
    second group joined by "and" to the first victims named after the verb adds to the toll."""
    if q.and_more is None:
        return c
    m = q.and_more.match(rest)
    if m is None or not q.people.search(m["who"]):
        return c
    v = _value(q, m)
    if v is None or v[0] is None or c.low is None:
        return c
    high = c.high + v[1] if c.high is not None and v[1] is not None else None
    return Count(c.low + v[0], high, c.span, c.kind)


def _count_near(q: _Quantities, sh: str, word: tuple[int, int], lo: int, hi: int) -> Count | None:
    """The quantity tied to a casualty word: right after it, else before it (people words,
    auxiliaries or a single noun between: "one convict killed", "2 civilians were killed")."""
    if q.two and q.two.covers(sh, word[0], word[1]):
        return Count(2, 2, word)  # the casualty word is itself a dual ("سقوط قتيلين": two dead)
    after = _count_after(q, sh, word, hi)
    if after is not None:
        return after
    window = sh[max(lo, word[0] - 75) : word[0]]
    offset = max(lo, word[0] - 75)
    pair = _pair(q, window, at_start=False)
    if pair is not None:
        return Count(2, 2, (offset + pair.start(), word[1]))
    tied = [m for m in q.quantity.finditer(window)
            if _tied(q, window[m.end() :]) and not _counts_other(q, window[m.end() :])]
    best = tied[-1] if tied else None
    if best is not None and best["vague"] and len(tied) > 1 and not tied[-2]["vague"] \
            and tied[-2].end() + 1 >= best.start():
        best = tied[-2]  # "fünf weitere verletzt", "five others wounded": the number, not "others"
    if best is not None:
        v = _value(q, best)
        if v is not None:
            first = _count_before(q, window[: best.start()])
            if first is not None:  # "a man and a woman were killed", "four civilians and three officers"
                low = v[0] + first[0] if v[0] is not None and first[0] is not None else None
                high = v[1] + first[1] if v[1] is not None and first[1] is not None else None
                return Count(low, high, (offset + best.start(), word[1]))
            return Count(v[0], v[1], (offset + best.start(), word[1]))
    return _clause_subject(q, sh, word, lo, hi) or _one_victim(q, sh, word, lo, hi)


def _clause_subject(q: _Quantities, sh: str, word: tuple[int, int], lo: int, hi: int) -> Count | None:
    """'waren vier Soldaten von einem Angriff der Hamas am Grenzübergang, X, getötet worden': where
    the participle closes its clause (``casualties.clause_aux``), the victims counted right after
    the clause's auxiliary are its toll, however much stands between."""
    if q.clause_aux is None:
        return None
    after = sh[word[1] : hi]
    closing = re.match(r"[^,.;:!?]*", after)
    if closing is None or any(w not in q.fillers and w not in q.clause_words for w in closing.group().split()):
        return None
    for m in reversed(list(q.clause_aux.finditer(sh[lo : word[0]]))):
        counted = q.quantity.match(sh, lo + m.end())
        if counted is None:
            continue
        who = sh[counted.end() : counted.end() + 40].split()[:3]  # "vier Soldaten", "drei junge Männer"
        head = next((i for i, w in enumerate(who) if q.people.search(w)), None)
        if head is None or not _tied(q, " ".join(who[: head + 1])):
            continue
        if q.hurt.search(sh, counted.end(), word[0]):
            return None  # "wurden zwei Soldaten verletzt, Menschen wurden getötet": they are the wounded
        v = _value(q, counted)
        return Count(v[0], v[1], (counted.start(), word[1])) if v is not None else None
    return None


def _count_before(q: _Quantities, before: str) -> tuple[int | None, int | None] | None:
    """A first group of victims joined by "and" right before the counted one: 'ein Mann und
    (eine Frau)', 'four civilians and (three police officers)'."""
    if not q.conjunctions:
        return None
    m = re.search(r"(?<!\w)(\w+)\s+$", before)
    if m is None or m.group(1) not in q.conjunctions:
        return None
    head = before[: m.start()]
    for count in reversed(list(q.quantity.finditer(head))):
        words = head[count.end() :].split()
        if 1 <= len(words) <= 3 and all(q.people.search(w) or q.one.search(w) or q.demonyms.search(w)
                                         for w in words) and q.people.search(words[-1]):
            return _value(q, count)
        break
    return None


def _pair(q: _Quantities, text: str, at_start: bool) -> re.Match[str] | None:
    """'a mother and her son' at the start of ``text`` (after the verb), or at its end before
    auxiliaries only ("a woman and her daughter were killed")."""
    if q.pair is None:
        return None
    for m in q.pair.finditer(text):
        if at_start and m.start() != 0:
            break
        if not at_start and any(w not in q.fillers for w in text[m.end() :].split()):
            continue
        one = q.lex.number(m["one"]) == 1 or q.vague.get(m["one"]) == (1, 1)
        if one and all(q.people.search(w) or q.one.search(w) for w in (m["a"], m["b"])):
            return m
    return None


def _counts_other(q: _Quantities, gap: str) -> bool:
    """The number counts something else: attacks ('bei einem israelischen Luftangriff getötet',
    'two missiles killed'), or years of age ('children aged 8 to 23 killed')."""
    words = [w for w in gap.split() if not q.demonyms.search(w)]
    return bool(words) and bool(q.events.search(words[0]) or q.ages.search(words[0]))


def _determiner_gap(q: _Quantities, gap: str) -> bool:
    """'killed the Russian-proclaimed head': an article and at most one modifier, no number, no
    punctuation, between the killing word and the singular noun."""
    words = gap.split()
    return (not re.search(r"[.;:,\d]", gap) and 1 <= len(words) <= 2 and words[0] in q.fillers
            and not q.quantity.search(gap))


def _one_victim(q: _Quantities, sh: str, word: tuple[int, int], lo: int, hi: int) -> Count | None:
    """'погибла женщина', 'мирный житель ранен': a singular noun for a person next to the
    casualty word is one victim; a dual noun right after it ('قتل حوثيان') is two."""
    if q.two:
        two = q.two.search(sh, word[1], min(hi, word[1] + 40))
        if two is not None and two.start - word[1] <= 2:
            return _with_others(q, Count(2, 2, (word[0], two.end)), sh[two.end : min(hi, two.end + 50)])
    if not q.one:
        return None
    after = q.one.search(sh, word[1], min(hi, word[1] + 40))
    between = sh[word[1] : after.start] if after is not None else ""
    if after is not None and (after.start - word[1] <= 2 or _determiner_gap(q, between)):
        return _with_others(q, Count(1, 1, (word[0], after.end)), sh[after.end : min(hi, after.end + 50)])
    for hit in q.one.finditer(sh, max(lo, word[0] - 30), word[0]):
        if not sh[hit.end : word[0]].strip(" ,") or set(sh[hit.end : word[0]].split()) <= q.fillers:
            return Count(1, 1, (hit.start, word[1]))
    return None


def _tied(q: _Quantities, gap: str) -> bool:
    """Only people words, auxiliaries, the weapon or a demonym stand between a number and a
    casualty word ("2 people were killed", "au moins une personne a été tuée", "a Palestinian was
    killed"), or a single noun that is no weapon ("one convict killed")."""
    if len(gap) > 75 or re.search(r"[.;:,]", gap):
        return False
    words = _without_kin_names(q, gap.split())
    if len(" ".join(words)) > 45:
        return False
    if len(words) == 1 and not q.events.search(words[0]) and words[0].isalpha():
        return True

    def describes(word: str) -> bool:
        return bool(word in q.fillers or q.people.search(word) or q.events.search(word) or q.demonyms.search(word))

    head = next((i for i, w in enumerate(words) if q.people.search(w)), None)
    if q.describing and head and _modifier(q, words[0]) and all(q.demonyms.search(w) for w in words[1:head]):
        words = words[1:]  # "drei junge Männer", "einen bewaffneten Mann", "two young men": a word describing them
    return all(describes(w) for w in words)


def _modifier(q: _Quantities, word: str) -> bool:
    """A word that may describe the victims before their noun: a word of letters that is none of
    the words :func:`_tied` reads (a filler, a weapon, a people word)."""
    return word.isalpha() and word not in q.fillers and not q.events.search(word) and not q.people.search(word) \
        and q.lex.number(word) is None and word not in q.vague and word not in q.clock and not q.more.search(word)


def _without_kin_names(q: _Quantities, words: list[str]) -> list[str]:
    """'members of the Abu Sharar family were', 'Mitglieder der Familie Abu Scharar': a
    ``casualties.kin`` noun and its name (up to three words back to the victims' noun, and up to
    three words of a name after it) describe the victims; they drop out."""
    if not q.kin:
        return words

    def plain(w: str) -> bool:  # a word of a name: no filler, people, weapon or demonym word
        return not (w in q.fillers or q.people.search(w) or q.events.search(w) or q.demonyms.search(w))

    out: list[str] = []
    skip = 0
    for w in words:
        if skip and plain(w):
            skip -= 1
            continue
        skip = 0
        hit = q.kin.search(w)
        if hit is None or (hit.start, hit.end) != (0, len(w)):
            out.append(w)
            continue
        for _ in range(3):  # back to the victims' noun: "of the Abu Sharar", "de la", "der"
            if not out or q.people.search(out[-1]):
                break
            out.pop()
        skip = 3  # "familia Abu Sharar": the name after the kin noun
    return out


def extract_casualties(lex: Lexicon, sh: str, lo: int, hi: int) -> Casualties:
    if lex.phrases("casualties.none").search(sh, lo, hi):
        return Casualties(Count(0, 0, (lo, hi)), Count(0, 0, (lo, hi)))
    q = _quantities(lex)
    return Casualties(
        _first(q, lex.phrases("casualties.killed"), sh, lo, hi),
        _first(q, lex.phrases("casualties.injured"), sh, lo, hi),
    )


def _first(q: _Quantities, words: PhraseSet, sh: str, lo: int, hi: int) -> Count | None:
    counts = []
    for hit in words.finditer(sh, lo, hi):
        c = _count_near(q, sh, (hit.start, hit.end), lo, hi)
        if c is not None and _cumulative(q, sh, c, lo, hi):
            continue
        if c is not None:
            c = replace(c, kind=_kind(q, sh, lo, c))
            if q.at_least_after.search(sh, c.span[0], min(hi, c.span[1] + 25)):
                c = replace(c, high=None)  # "خمسة فلسطينيين على الأقل": "at least" after the count
            counts.append(c)
    if not counts:
        return None
    low, high = combine(counts)
    kinds = {c.kind for c in counts}
    return Count(low, high, (counts[0].span[0], counts[-1].span[1]), kinds.pop() if len(kinds) == 1 else "report")


def _cumulative(q: _Quantities, sh: str, c: Count, lo: int, hi: int) -> bool:
    """'over 20,000 civilians have been killed in the nearly two-month siege', 'une guerre qui a
    fait plus de 30.000 morts': a war's, a siege's or a campaign's toll (``casualties.cumulative``
    right after the count, or shortly before it) is no incident's (ACLED codes each event's own)."""
    if not q.cumulative:
        return False
    after = q.cumulative.search(sh, c.span[0], min(hi, c.span[1] + 35))
    before = q.cumulative.finditer(sh, max(lo, c.span[0] - 30), c.span[0])
    # a marker after the count is in its clause; one before may open the sentence ("In the past
    # 24 hours, 36 ...", "Since the start of the war, 6,500 ...")
    return after is not None and not re.search(r"[,;.]", sh[c.span[1] : max(c.span[1], after.start)]) or any(
        not re.search(r"[;.]", sh[h.end : c.span[0]]) for h in before)


def _kind(q: _Quantities, sh: str, lo: int, c: Count) -> str:
    """'raising the toll to 24' is a total; 'another 5 were killed', 'In addition, ... killed 5',
    'seven others were killed' count victims on top of those already reported."""
    if q.total.search(sh, max(lo, c.span[0] - 40), c.span[0]):
        return "total"
    if q.more.search(sh, lo, c.span[0]):
        return "more"
    number = q.quantity.match(sh, c.span[0])
    after = q.more_after.search(sh, number.end(), number.end() + 12) if number else None
    if number and after is not None and not sh[number.end() : after.start].strip():
        return "more"  # "Seven others were killed in another strike"
    return "report"
