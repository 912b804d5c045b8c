"""Actors: canonical parties from multilingual aliases, officials, and "the other side".

``PartyBook`` finds party mentions in a span of the article. An official's name resolves to the
party they speak for (Podolyak -> Ukraine), in every case of a Russian or Ukrainian surname
("за словами Залужного"). Terms such as "les occupants" resolve to the speaker's
opponent in the article's dyad (the two most-mentioned parties), never to a fixed party.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from trucewatch.nlp.lexicon import Match, PhraseSet


@dataclass(frozen=True)
class Party:
    name: str
    acled_actor: str
    country: str
    timezone: str
    heads: tuple[str, ...]
    belligerent: bool = True  # False: an organisation that speaks but fights in no article (the UN)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    party: str
    person: str | None = None  # surface form of an official's name
    opponent: bool = False  # "the occupiers": resolve against the speaker


class PartyBook:
    def __init__(self, raw: dict[str, Any]):
        self.parties: dict[str, Party] = {}
        aliases: dict[str, str] = {}
        people: dict[str, str] = {}
        org_aliases: dict[str, str] = {}
        org_people: dict[str, str] = {}
        for p in raw["party"]:
            self._add(p)
        for p in raw["party"]:
            fights = self.parties[p["name"]].belligerent
            (aliases if fights else org_aliases).update({a: p["name"] for a in p.get("aliases", ())})
            (people if fights else org_people).update({a: p["name"] for a in p.get("people", ())})
        for names in (people, org_people):
            names.update({f: party for a, party in list(names.items()) for f in declined(a) if f not in names})
        self._aliases = PhraseSet(aliases)
        self._people = PhraseSet(people)
        # organisations that speak but fight in no article (the UN): found for claims only
        # (:meth:`organisations`), never an incident's side, a truce's declarer or a place's owner
        self._org_aliases = PhraseSet(org_aliases)
        self._org_people = PhraseSet(org_people)
        opponents = [*raw.get("opponent_terms", ()), *(t for block in raw.get("opponents", ()) for t in block["terms"])]
        self._opponent = PhraseSet(opponents)
        #: (the block's terms, who says them, region -> party) of the blocks that name the side by region
        self._regional = [(PhraseSet(list(b["terms"])), frozenset(b.get("said_by", ())), dict(b["regions"]))
                          for b in raw.get("opponents", ()) if b.get("regions")]
        self.conflicts: dict[str, dict[str, Any]] = dict(raw.get("conflict", {}))

    def _add(self, p: dict[str, Any]) -> None:
        """A party, or more names for one already listed: a second block of the same name (its
        institutions, added apart to ease merges) adds its heads and keeps the first's facts; a
        party fights when any of its blocks says so (or says nothing)."""
        old = self.parties.get(p["name"])
        heads = tuple(p.get("heads", ()))
        if old is not None:
            self.parties[p["name"]] = Party(old.name, old.acled_actor, old.country, old.timezone,
                                            old.heads + heads, old.belligerent or p.get("belligerent", True))
            return
        self.parties[p["name"]] = Party(p["name"], p.get("acled_actor", p["name"]), p.get("country", ""),
                                        p.get("timezone", "UTC"), heads, p.get("belligerent", True))

    def mentions(self, sh: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
        """Party mentions in the shadow text between lo and hi, people first, no overlaps."""
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for m in self._people.finditer(sh, lo, hi):
            out.append(Mention(m.start, m.end, self._people.value(m), person=sh[m.start:m.end]))
            taken.append((m.start, m.end))
        for m in self._opponent.finditer(sh, lo, hi):
            if not _inside(taken, m):
                out.append(Mention(m.start, m.end, "", opponent=True))
                taken.append((m.start, m.end))
        for m in self._aliases.finditer(sh, lo, hi):
            if not _inside(taken, m):
                out.append(Mention(m.start, m.end, self._aliases.value(m)))
        return sorted(out, key=lambda x: x.start)

    def organisations(self, sh: str, taken: list[Mention]) -> list[Mention]:
        """Mentions of the organisations that speak without fighting ("the UN chief", "ООН"), not
        overlapping the party mentions ``taken``: people first."""
        spans = [(m.start, m.end) for m in taken]
        out: list[Mention] = []
        for book, person in ((self._org_people, True), (self._org_aliases, False)):
            for m in book.finditer(sh):
                if not _inside(spans, m):
                    out.append(Mention(m.start, m.end, book.value(m), person=sh[m.start:m.end] if person else None))
                    spans.append((m.start, m.end))
        return sorted(out, key=lambda x: x.start)

    @property
    def aliases(self) -> PhraseSet:
        return self._aliases

    def is_alias(self, sh_phrase: str) -> bool:
        """The phrase is (nearly all) a party alias: "Moscou", "Kyiv's"."""
        hit = self._aliases.search(sh_phrase)
        return hit is not None and len(hit.phrase.replace("*", "")) >= len(sh_phrase.strip()) - 3

    def is_person(self, sh_phrase: str) -> bool:
        return self._people.search(sh_phrase) is not None

    def dyad(self, sh: str) -> tuple[str, ...]:
        return self.dyad_of(self.mentions(sh))

    def dyad_of(self, mentions: list[Mention]) -> tuple[str, ...]:
        """The two most-mentioned parties that fight (not the UN quoted all along): the sides of
        the article's conflict."""
        fights = {n for n, p in self.parties.items() if p.belligerent}
        counts = Counter(m.party for m in mentions if m.party in fights)
        return tuple(p for p, _ in counts.most_common(2))

    def theatre(self, dyad: tuple[str, ...]) -> set[str]:
        """Countries the article's conflict is likely fought in: those of the known conflicts the
        parties fight (an article quoting only Moscow is still about Ukraine), else the parties'
        own; a party in none of those conflicts adds nothing."""
        parties = set(dyad)
        fought: set[str] = set()
        for conflict in self.conflicts.values():
            if parties & set(conflict["parties"]):
                fought |= set(conflict["parties"])
        # a party in none of the known conflicts of the others fights abroad: the United States
        # in an article about Israel and Hamas does not bring Bremen, Georgia, into it
        chosen = fought or parties
        return {self.parties[p].country for p in chosen if p in self.parties and self.parties[p].country}

    def allied(self, a: str | None, b: str | None) -> bool:
        """Two parties on one side of a known conflict (its ``sides``: Yemen's government and
        the Saudi-led coalition against the Houthis)."""
        return a is not None and b is not None and a != b and any(
            {a, b} <= set(side) for c in self.conflicts.values() for side in c.get("sides", ()))

    def regional_opponent(self, term: str, speaker: str | None, regions: set[str]) -> str | None:
        """The side an opponent term of ``speaker`` names where the article names no other side:
        the one its block assigns to the region of the sentence's place (one region only)."""
        found = {table[r] for terms, said_by, table in self._regional
                 if speaker in said_by and terms.covers(term, 0, len(term)) for r in regions if r in table}
        return found.pop() if len(found) == 1 else None

    def opponent_of(self, party: str | None, dyad: tuple[str, ...]) -> str | None:
        if party is None or party not in dyad or len(dyad) < 2:
            return None
        return dyad[1] if dyad[0] == party else dyad[0]

    def timezone(self, party: str | None) -> str | None:
        return self.parties[party].timezone if party in self.parties else None

    def acled_actor(self, party: str | None) -> str | None:
        """ACLED's name for the party's forces ("Military Forces of Russia (2000-)")."""
        return self.parties[party].acled_actor if party in self.parties else None

    def country(self, party: str | None) -> str | None:
        return (self.parties[party].country or None) if party in self.parties else None

    def head_of(self, party: str | None, sh: str) -> str | None:
        """The party's head (as named in the article) if the article names them."""
        if party not in self.parties:
            return None
        for m in self._people.finditer(sh):
            if self._people.value(m) == party and m.phrase in self.parties[party].heads:
                return m.phrase.title()
        return None


def _cyrillic(word: str) -> bool:
    return " " not in word and any("\u0400" <= c <= "\u04ff" for c in word)


@cache
def declined(name: str) -> tuple[str, ...]:
    """The singular case forms of a Russian or Ukrainian surname ("Залужний" -> "Залужного",
    "Зеленському"; "Песков" -> "Пескова"), from pymorphy3's parses that call it a surname or a
    name (of the same gender), else an adjective-like surname's masculine forms; () for other
    words, so "Песков" never brings "пески" (sands)."""
    if not _cyrillic(name):
        return ()
    from trucewatch.nlp.morph import MORPH_LANGUAGES, analyzer

    parses = [p for lang in MORPH_LANGUAGES for p in analyzer(lang).parse(name)]
    out = {f.word for p in parses if {"Surn", "Name"} & set(p.tag.grammemes) and "nomn" in p.tag
           and "plur" not in p.tag for f in p.lexeme if "plur" not in f.tag and f.tag.gender == p.tag.gender}
    if not out:
        adj = next((p for p in parses if {"ADJF", "masc", "nomn"} <= set(p.tag.grammemes)), None)
        out = {f.word for f in adj.lexeme if "masc" in f.tag and "plur" not in f.tag} if adj else set()
    return tuple(sorted(out - {name}))


def _inside(taken: list[tuple[int, int]], m: Match) -> bool:
    return any(m.start < e and s < m.end for s, e in taken)


@cache
def party_book() -> PartyBook:
    text = (resources.files("trucewatch.data") / "parties.toml").read_text(encoding="utf-8")
    return PartyBook(tomllib.loads(text))
