"""Seas, gulfs, straits and lakes (``data/water_bodies.csv``): places of their own.

GeoNames' cities500 has no water bodies, and its regions include some named after one (Red Sea,
a state of Sudan and a governorate of Egypt): "a ship struck in the Red Sea" was read as Sudan, and
"the Gulf of Aden" as Aden. The names, in the seven languages with their case forms, are matched
as phrases (a sea's name is written in lower case in part: "mer Rouge", "Красное море"), and the
body is the place, at its own point, with no country (ACLED precision 3; UCDP where_prec 7,
international waters).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from trucewatch.geo.gazetteer import Entry
from trucewatch.nlp.lexicon import PhraseSet

#: the kind of a water body's entry (GeoNames' feature class H: hydrographic)
WATER = "H"
#: entry ids of water bodies: below every id the gazetteer gives its own negative entries
_FIRST_ID = -900_000_000


@cache
def bodies() -> tuple[PhraseSet, dict[str, Entry]]:
    """The phrases that name a water body, and the body each names (by phrase)."""
    ref = resources.files("trucewatch.data") / "water_bodies.csv"
    lines = [ln for ln in ref.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    named: dict[str, Entry] = {}
    for row in csv.DictReader(lines):
        entry = Entry(_FIRST_ID - int(row["id"]), row["name"], "", None, float(row["lat"]), float(row["lon"]),
                      0, None, WATER)
        for name in row["alternates"].split("|"):
            named[name] = entry
    return PhraseSet(list(named)), named
