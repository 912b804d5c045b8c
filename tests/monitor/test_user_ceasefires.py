"""Ceasefires a user declares, with zones: a country, a region, a buffer around a line of
contact, or GeoJSON polygons; the CLI writes them and reports judge against them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.records import interval, place
from trucewatch.judge.judge import judge
from trucewatch.registry.user import load, zone_of

KHERSON = place("Kherson", "UA", "Kherson", 46.64, 32.61)
KRAMATORSK = place("Kramatorsk", "UA", "Donetsk", 48.73, 37.57)
BELGOROD = place("Belgorod", "RU", "Belgorod", 50.60, 36.59)


def _line(tmp_path: Path) -> Path:
    # a line of contact running north-south through 37.6 E, from 47.5 to 49.5 N
    path = tmp_path / "contact.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {},
                                "geometry": {"type": "LineString", "coordinates": [[37.6, 47.5], [37.6, 49.5]]}}))
    return path


def test_zones_country_region_line_and_polygon(tmp_path: Path) -> None:
    assert [zone_of({"country": "UA"}, tmp_path).contains(p) for p in (KHERSON, BELGOROD)] == ["inside", "outside"]
    region = zone_of({"country": "UA", "region": "Kherson"}, tmp_path)
    assert [region.contains(p) for p in (KHERSON, KRAMATORSK)] == ["inside", "outside"]
    line = zone_of({"line": str(_line(tmp_path)), "buffer_km": 10}, tmp_path)
    assert [line.contains(p) for p in (KRAMATORSK, KHERSON, place("Somewhere", "UA", None, None, None))] == [
        "inside", "outside", "unknown"]
    polygon = tmp_path / "gaza.geojson"
    polygon.write_text(json.dumps({"type": "Polygon", "coordinates": [[[34.2, 31.2], [34.6, 31.2], [34.6, 31.6],
                                                                       [34.2, 31.6], [34.2, 31.2]]]}))
    gaza = zone_of({"geojson": str(polygon)}, tmp_path)
    khan_younis = place("Khan Younis", "PS", None, 31.34, 34.31)
    assert gaza.contains(khan_younis) == "inside" and gaza.contains(KHERSON) == "outside"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "trucewatch", *args], capture_output=True, text=True, timeout=120)


def test_ceasefire_add_writes_a_registry_that_judges(tmp_path: Path) -> None:
    registry = tmp_path / "ceasefires.yaml"
    run = _cli("ceasefire", "add", "--declared-by", "Russia", "--start", "2023-01-06T12:00:00+03:00",
               "--end", "2023-01-08T00:00:00+03:00", "--line", str(_line(tmp_path)), "--buffer-km", "15",
               "--note", "Orthodox Christmas truce", "--registry", str(registry))
    assert run.returncode == 0, run.stderr
    bad = _cli("ceasefire", "add", "--start", "2023-01-06 12:00", "--country", "UA", "--registry", str(registry))
    assert bad.returncode != 0 and "E302" in bad.stderr and "Traceback" not in bad.stderr
    [user] = load(registry)
    assert user.id == "U1" and user.note == "Orthodox Christmas truce"
    during = interval("2023-01-06T14:00:00+03:00", "2023-01-06T16:00:00+03:00")
    verdicts = [judge(user.ceasefire, "a-i1", during, where, "uncontested", user.zone).verdict
                for where in (KRAMATORSK, KHERSON)]
    assert verdicts == ["violation_reported", "outside_zone"]


@pytest.mark.parametrize("zone", [{}, {"region": "Kherson"}])
def test_a_zone_needs_a_country_or_a_shape(tmp_path: Path, zone: dict[str, str]) -> None:
    from trucewatch.errors import ConfigError

    with pytest.raises(ConfigError):
        zone_of(zone, tmp_path)
