"""Infer a publication date from the text when none is given, and say so.

Years come from the text itself: a year written out, or a conflict's age ("l'invasion qui dure
depuis 11 mois", "11 months into the war") counted from the day the conflict began (data in
parties.toml). Day and month come from the earliest calendar date the article names. Nothing is
ever taken from the machine's clock: without such evidence the date stays unknown.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from trucewatch.nlp.lexicon import Lexicon, PhraseSet
from trucewatch.nlp.parties import PartyBook
from trucewatch.temporal.points import grammar


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


@cache
def _markers(lex: Lexicon) -> PhraseSet:
    return PhraseSet(lex.section("time")["year_markers"], lex.number_words)


def _anchor(lex: Lexicon, parties: PartyBook, sh: str, dyad: tuple[str, ...]) -> tuple[date, str] | None:
    markers = _markers(lex)
    for conflict in parties.conflicts.values():
        if not set(conflict["parties"]) <= set(dyad) and not (
            dyad and dyad[0] in conflict["parties"]
        ):
            continue
        began = date.fromisoformat(conflict["began"])
        for m in markers.finditer(sh):
            n = lex.number(m.groups.get("n", ""))
            if n is None:
                continue
            months = n * int(markers.value(m))  # each marker counts months or years
            return _add_months(began, months), sh[m.start : m.end]
    return None


def infer_published(lex: Lexicon, parties: PartyBook, sh: str,
                    dyad: tuple[str, ...]) -> tuple[date | None, str]:
    """(date, why). ``date`` is None when the text gives no evidence."""
    points = [p for p in grammar(lex).points(sh, 0, len(sh)) if p.day and p.month]
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", sh)]
    anchor = _anchor(lex, parties, sh, dyad)
    if points:
        first = min(points, key=lambda p: p.start)
        if first.year:
            return date(first.year, first.month or 1, first.day or 1), "a dated mention"
        if anchor:
            ref, why = anchor
            options = [date(ref.year + k, first.month or 1, first.day or 1) for k in (-1, 0, 1)]
            best = min(options, key=lambda d: abs((d - ref).days))
            return best, f"the earliest date named, in the year given by '{why}'"
        if years:
            return date(max(years), first.month or 1, first.day or 1), "the year written in the text"
    if anchor:
        return anchor[0], f"'{anchor[1]}' counted from the conflict's start"
    if years:
        return date(max(years), 1, 1), "the latest year written in the text"
    return None, "no date, year or conflict age in the text"


def parse_published(value: str) -> date:
    """A publication date from metadata: ISO 8601 date or datetime ("2022-04-19T19:19:06"), an
    RSS/e-mail date ("Fri, 10 May 2024 17:00:00 +0200"), or day.month.year. The calendar date as the outlet wrote
    it: no conversion to UTC. Raises ValueError."""
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    dotted = re.search(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?!\d)", text)
    if dotted:  # "Stand: 02.05.2024 14:25 Uhr": day.month.year, as European outlets write it
        return date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"not an ISO 8601, RFC 2822 or day.month.year date: {value!r}") from exc
