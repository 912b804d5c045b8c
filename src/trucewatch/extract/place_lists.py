"""Lists of places: "strikes hit Gaza City and Beit Lahia in the north, Bureij and Nuseirat in
the centre, and Khan Younis in the south" names five places hit, each its own incident.

A name joined by a comma or a list word (``filters.list_joins``) to a list that a word of place
opens ("in Gaza City and ...", "à Kherson, Mykolaïv et ...") stands where the first stands: it
takes the locative context of the list's head, so a multi-word name the NER calls a person
("Beit Lahia", "Khan Younis") is read as the place the list says it is. And "Kharkiv, Odesa and
Dnipro" names three cities: the second is no region of the first ("Dubno, Rivne") when the first
is not in it and the second is a city of its own, far from the first.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from trucewatch.geo.distance import km
from trucewatch.geo.gazetteer import Entry, normalise
from trucewatch.nlp.lexicon import Lexicon

if TYPE_CHECKING:
    from trucewatch.extract.context import ArticleContext, Sentence
    from trucewatch.extract.places import PlaceMention

#: how far back the head of a list may be named ("in Gaza City and Beit Lahia in the north of
#: Gaza, Bureij and Nuseirat in the centre, and Khan Younis")
LIST_CHARS = 160
#: how far before a name the list's word of place may stand
LOCATIVE_CHARS = 14
#: a second name of "X, Y" this far from the first is no region around it but the next city
LIST_KM = 100.0
_TOWN = 10_000


@cache
def _join_before(lex: Lexicon) -> re.Pattern[str]:
    """A comma or a list word right before a name (", and ", " и ", "وخان يونس": the prefix)."""
    return re.compile(rf"(?:,|(?<!\w)(?:{lex.alternation('filters.list_joins')}))\s*$")


def continues_list(ctx: ArticleContext, s: Sentence, start: int, found: list[PlaceMention]) -> bool:
    """The name at ``start`` is joined to a list of places opened by a word of place, in the same
    clause."""
    if not _join_before(ctx.lex).search(ctx.shadow, max(s.start, start - 12), start):
        return False
    locative = ctx.lex.phrases("filters.locative")
    for p in reversed(found):
        if p.end > start:
            continue
        if start - p.start > LIST_CHARS or re.search(r"[.;:!?]", ctx.shadow[p.end : start]):
            return False
        if locative.search(ctx.shadow, max(s.start, p.start - LOCATIVE_CHARS), p.start) is not None:
            return True
    return False


def is_next_city(first: PlaceMention | None, region: str, second: tuple[Entry, ...]) -> bool:
    """'Kharkiv, Odesa': the second name, read as the first's region, names a city far from a
    first that is not in that region: a list of two cities, not a town and its region."""
    if first is None or first.entry.kind != "P" or first.entry.lat is None or first.entry.lon is None:
        return False
    if normalise(first.entry.admin1 or "") == normalise(region):
        return False
    lat, lon = first.entry.lat, first.entry.lon
    return any(e.kind == "P" and e.population >= _TOWN and e.lat is not None and e.lon is not None
               and km(lat, lon, e.lat, e.lon) > LIST_KM for e in second)
