"""Outputs that are safe to open: CSV cells that a spreadsheet would run as a formula are
neutralised (OWASP: a leading quote), genuine numbers stay numbers; report files stay inside
--out whatever a ceasefire's id; registry ids are checked when the YAML is loaded."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.records import incident, place, report
from trucewatch.export.formats import ACLED_COLUMNS, UCDP_COLUMNS, Row, _csv, acled_row, ucdp_row

HOSTILE = ["=HYPERLINK(\"http://evil.example\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


def _cells(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("value", HOSTILE)
def test_safe_csv_cells_that_start_a_formula_are_neutralised(tmp_path: Path, value: str) -> None:
    madrid = place("Madrid", "ES", value, 40.4, -3.7)
    inc = incident(value, where=madrid, perpetrator_acled_actor=value, perpetrator_claimed=value, low=-1)
    row = Row.of_report(report("a1", inc, outlet=value))
    acled, ucdp = tmp_path / "acled.csv", tmp_path / "ucdp.csv"
    _csv(acled, ACLED_COLUMNS, [acled_row(row)])
    _csv(ucdp, UCDP_COLUMNS, [ucdp_row(row)])
    [a], [u] = _cells(acled), _cells(ucdp)
    for cell in (a["source"], a["actor1"], a["admin1"], a["notes"], u["side_a"], u["source_office"], u["adm_1"]):
        assert cell == "'" + value, cell
    assert (a["longitude"], a["latitude"], u["longitude"]) == ("-3.7", "40.4", "-3.7")  # numbers stay numbers
    assert a["fatalities"] == "-1" and u["low"] == "-1"


def test_safe_csv_a_number_written_as_text_stays_a_number(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    _csv(out, ("a", "b", "c", "d"), [{"a": "-3.7", "b": "-12", "c": "-1e5", "d": "- 3"}])
    assert _cells(out) == [{"a": "-3.7", "b": "-12", "c": "-1e5", "d": "'- 3"}]


def test_safe_report_files_stay_inside_out_whatever_the_id(tmp_path: Path) -> None:
    from tests.records import ceasefire
    from trucewatch.report.build import make
    from trucewatch.report.text import write_report
    from trucewatch.stored import Registered

    out = tmp_path / "deep" / "reports"
    for hostile in ("x/../../escaped", "../../../tmp/owned", "/etc/passwd", "..", "a\\b", "C1\x00.md"):
        cf = ceasefire("Russia", "2023-01-06T12:00:00+03:00", "2023-01-08T00:00:00+03:00", id=hostile)
        paths = write_report(make(Registered(cf), [], [], []), out)
        for path in paths.values():
            assert path.resolve().parent == out.resolve(), (hostile, path)
    assert {p.parent for p in tmp_path.rglob("*") if p.is_file()} == {out}
    assert len(list(out.glob("*.md"))) == 6  # six ids, six reports: none overwrites another


@pytest.mark.parametrize("bad", ["x/../../escaped", "..", "a b", "C1\n", "ü" * 3, "x" * 65])
def test_safe_registry_ids_are_checked_when_loaded(tmp_path: Path, bad: str) -> None:
    import yaml

    from trucewatch.errors import ConfigError
    from trucewatch.registry.user import load

    path = tmp_path / "ceasefires.yaml"
    path.write_text(yaml.safe_dump([{"id": "U1", "start": "2023-01-06T12:00:00+03:00", "zone": {"country": "UA"}},
                                    {"id": bad, "start": "2023-01-06T12:00:00+03:00", "zone": {"country": "UA"}}]),
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load(path)
    assert err.value.code == "E302" and repr(bad) in str(err.value) and "ceasefires.yaml" in str(err.value)


@pytest.mark.parametrize("text", ["just a string", "- 5\n- [1, 2]\n", "{a: 1}"])
def test_safe_registry_that_is_not_a_list_of_ceasefires_is_e302(tmp_path: Path, text: str) -> None:
    from trucewatch.errors import ConfigError
    from trucewatch.registry.user import load

    path = tmp_path / "ceasefires.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load(path)
    assert err.value.code == "E302"


def test_safe_ceasefire_add_to_a_registry_that_is_not_a_list_is_e302(tmp_path: Path) -> None:
    from trucewatch.errors import ConfigError
    from trucewatch.registry.user import add

    path = tmp_path / "ceasefires.yaml"
    path.write_text("{a: 1}", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        add(path, {"start": "2023-01-06T12:00:00+03:00", "zone": {"country": "UA"}})
    assert err.value.code == "E302" and path.read_text(encoding="utf-8") == "{a: 1}"
