"""Ceasefires a user declares or corrects: a YAML file (``trucewatch ceasefire add`` writes it),
joined to the registry built from articles.

```yaml
- id: U1                      # optional; given in order
  declared_by: Russia
  start: 2023-01-06T12:00:00+03:00
  end: 2023-01-08T00:00:00+03:00     # or null: open-ended
  zone: {country: UA}         # or {country: UA, region: Kherson}
                              # or {line: contact.geojson, buffer_km: 10}, or {geojson: zone.geojson}
                              # (line and geojson: a file, or the GeoJSON object itself)
  note: Orthodox Christmas truce, as announced by the Kremlin
```

A zone that is a line of contact is a buffer around the line; a GeoJSON zone is its polygons.
Geometry uses shapely, in degrees, with the buffer converted at the line's latitude.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from trucewatch.errors import ConfigError, require
from trucewatch.records import Ceasefire, Place, Spatial
from trucewatch.stored import Registered

#: a ceasefire id: what reports name their files by and commands take as an argument
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_ID_RULE = "an id is 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or a digit"


def file_stem(ceasefire_id: str) -> str:
    """``ceasefire_id`` as part of a file name that stays in its folder: a valid id as it is;
    any other (a stored id, an old registry) with each other character as ``_`` and a hash of
    the id, so two ids never share a file."""
    if ID.fullmatch(ceasefire_id):
        return ceasefire_id
    clean = re.sub(r"[^A-Za-z0-9_.-]", "_", ceasefire_id).lstrip(".")[:48]
    return f"{clean or '_'}-{hashlib.sha1(ceasefire_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


@dataclass(frozen=True)
class Zone:
    country: str | None = None
    region: str | None = None
    geometry: Any = None  # a shapely geometry (lon/lat degrees), or None

    def contains(self, place: Place | None) -> Spatial:
        """inside / outside / unknown for a place."""
        if self.geometry is not None:
            if place is None or place.lat is None or place.lon is None:
                return "unknown"
            from shapely.geometry import Point

            return "inside" if self.geometry.covers(Point(place.lon, place.lat)) else "outside"
        country = place.country if place else None
        if self.country and country and country != self.country:
            return "outside"
        if self.region:
            if place is None or not place.admin1:
                return "unknown"
            return "inside" if place.admin1.lower() == self.region.lower() else "outside"
        return "inside" if self.country and country else "unknown"


#: the most points a zone's GeoJSON may have (every judgement tests a place against it)
MAX_POINTS = 20_000


def _geojson_geometry(given: Any, base: Path, what: str, kinds: tuple[str, ...]) -> Any:
    """The shapely geometry of a GeoJSON file (a path under ``base``) or object (a geometry, a
    Feature or a FeatureCollection); E302 naming ``what`` unless it is GeoJSON of ``kinds``,
    in degrees, of at most :data:`MAX_POINTS` points."""
    require("zones", "a ceasefire zone drawn as GeoJSON polygons or a line buffer")
    import shapely
    from shapely.geometry import shape
    from shapely.ops import unary_union

    data = given if isinstance(given, dict) else json.loads((base / str(given)).read_text(encoding="utf-8"))
    try:
        features = data.get("features") or [data if data.get("type") == "Feature" else {"geometry": data}]
        geometry = unary_union([shape(f["geometry"]) for f in features])
        points = len(shapely.get_coordinates(geometry))
    except Exception as exc:  # noqa: BLE001 - shapely and GeoJSON raise many kinds; each is bad input
        raise ConfigError("E302", what=what, value=type(data).__name__,
                          why=f"not GeoJSON shapely can read ({type(exc).__name__}: {exc})"[:200]) from exc
    west, south, east, north = geometry.bounds if points else (0.0, 0.0, 0.0, 0.0)
    if geometry.is_empty or not any(k in geometry.geom_type for k in kinds):
        raise ConfigError("E302", what=what, value=geometry.geom_type, why=f"give {' or '.join(kinds)} geometry")
    if points > MAX_POINTS or not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ConfigError("E302", what=what, value=f"{points} points",
                          why=f"at most {MAX_POINTS} points, in degrees (longitude, latitude)")
    return geometry


def zone_of(spec: dict[str, Any], base: Path) -> Zone:
    """The zone a spec names: a buffer around a line, polygons, or a country and region."""
    if "line" in spec:
        line = _geojson_geometry(spec["line"], base, "zone.line", ("LineString",))
        km = float(spec.get("buffer_km", 10))
        lat = line.centroid.y
        # degrees of latitude are ~111 km; of longitude, that times cos(latitude): buffer in the
        # larger, a slight over-reach rather than a gap
        return Zone(spec.get("country"), None, line.buffer(km / (111.0 * max(0.2, math.cos(math.radians(lat))))))
    if "geojson" in spec:
        return Zone(spec.get("country"), None, _geojson_geometry(spec["geojson"], base, "zone.geojson", ("Polygon",)))
    if not spec.get("country"):
        raise ConfigError("E302", what="zone", value=spec, why="give country, region, line or geojson")
    return Zone(spec["country"], spec.get("region"))


def inline(spec: dict[str, Any], base: Path) -> dict[str, Any]:
    """A zone spec with its GeoJSON (``geojson``, ``line``) as the geometry read from it, as one
    GeoJSON geometry in degrees (what a store keeps: no file path, no properties); E302 for a
    zone the judge could not use."""
    out = dict(spec)
    for k, kinds in (("geojson", ("Polygon",)), ("line", ("LineString",))):
        if k in out:
            geometry = _geojson_geometry(out[k], base, f"zone.{k}", kinds)  # shapely is there once this returns
            from shapely.geometry import mapping

            out[k] = json.loads(json.dumps(mapping(geometry)))
    zone_of(out, base)
    return out


def _moment(value: Any) -> datetime | None:
    """YAML reads an ISO timestamp as a datetime already; a quoted one stays a string."""
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _entries(path: Path) -> list[dict[str, Any]]:
    """The YAML file's entries; E302 unless it is a list of mappings. No file: none."""
    if not path.exists():
        return []
    import yaml

    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise ConfigError("E302", what=str(path), value="YAML", why=str(exc).splitlines()[0]) from exc
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ConfigError("E302", what=str(path), value=type(items).__name__,
                          why="give a list of ceasefires, each a mapping with start and zone")
    return items


def load(path: Path) -> list[Registered]:
    """The user's ceasefires; an absent file is an empty registry."""
    out = []
    for n, item in enumerate(_entries(path), 1):
        given = str(item.get("id") or f"U{n}")
        if not ID.fullmatch(given):
            raise ConfigError("E302", what=f"{path}: the id of ceasefire {n}", value=given, why=_ID_RULE)
        out.append(registered(given, item, path.parent))
    return out


def registered(given: str, item: dict[str, Any], base: Path) -> Registered:
    """One user's ceasefire as the registry holds it, from its entry (of the YAML file, or of an
    analyst's add through the API, :mod:`trucewatch.review.truces`)."""
    zone = zone_of(item.get("zone") or {}, base)
    end = _moment(item.get("end"))
    parties = tuple(str(p) for p in item.get("parties") or ())
    cf = Ceasefire(given, "user", item.get("declared_by"), None, None,
                   _moment(item.get("start")), end, item.get("timezone"), "stated",
                   (item.get("zone") or {}).get("region"), zone.country, None, None, None, (), (),
                   open_ended=end is None, parties=parties)
    return Registered(cf, (), zone, item.get("note"))


def add(path: Path, entry: dict[str, Any]) -> str:
    """Append one ceasefire to the YAML file; returns its id."""
    import yaml

    items = _entries(path)
    entry = {"id": entry.get("id") or f"U{len(items) + 1}", **{k: v for k, v in entry.items() if k != "id"}}
    items.append(entry)
    path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(entry["id"])
