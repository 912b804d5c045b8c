"""Golden reports: ``articles/NAME.txt`` with hand-written expectations in ``expected/NAME.json``
(what must be extracted, and in its ``note`` why).

Only the keys an expectation names are checked; the numbers of ceasefires and incidents are exact,
so extra or missing events fail. Incidents are matched by coordinates (within 15 km), claims by
their named fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from trucewatch.geo import distance
from trucewatch.pipeline import Analyzer

_INCIDENT_KEYS = {"country": "country", "geo_precision": "geo_precision", "event_type": "acled_event_type",
                  "sub_event_type": "acled_sub_event_type", "fatalities_low": "fatalities_low",
                  "fatalities_high": "fatalities_high", "injured_low": "injured_low",
                  "injured_high": "injured_high", "perpetrator_claimed": "perpetrator_claimed",
                  "reported_by": "reported_by"}


@dataclass(frozen=True)
class GoldenResult:
    name: str
    language: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _t(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def km(a: list[float], lat: float, lon: float) -> float:
    """Kilometres from the point ``a`` ([lat, lon], as expectations write it) to (lat, lon)."""
    return distance.km(a[0], a[1], lat, lon)


def _ceasefire(exp: dict[str, Any], got: dict[str, Any], problems: list[str]) -> None:
    for key, want in exp.items():
        if key == "responses":
            have = {(r["party"], r["stance"]) for r in got["responses"]}
            problems += [f"ceasefire response {r} missing; have {sorted(have)}" for r in want
                         if (r["party"], r["stance"]) not in have]
        elif key in {"start", "end", "ended_early"}:
            if _t(got.get(key)) != _t(want):
                problems.append(f"ceasefire {key} {got.get(key)} != {want}")
        elif got.get(key) != want:
            problems.append(f"ceasefire {key} {got.get(key)!r} != {want!r}")


def _incident(exp: dict[str, Any], got: dict[str, Any], judgements: list[dict[str, Any]],
              problems: list[str]) -> None:
    where = f"incident near {exp['near']}"
    for key, field in _INCIDENT_KEYS.items():
        if key in exp and got.get(field) != exp[key]:
            problems.append(f"{where}: {field} {got.get(field)!r} != {exp[key]!r}")
    if "time_within" in exp:
        lo, hi = (_t(x) for x in exp["time_within"])
        a, b = _t(got["time_earliest"]), _t(got["time_latest"])
        if a is None or b is None or lo is None or hi is None or not (lo <= a <= b <= hi):
            problems.append(f"{where}: time [{a}, {b}] not inside [{lo}, {hi}]")
    mine = [j for j in judgements if j["incident"] == got["id"]]
    for key in ("temporal", "spatial", "attribution"):
        if key in exp and (mine[0][key] if mine else None) != exp[key]:
            problems.append(f"{where}: {key} {mine[0][key] if mine else None!r} != {exp[key]!r}")


def compare(expected: dict[str, Any], out: dict[str, Any]) -> list[str]:
    """Every way the analysis ``out`` falls short of the expectation."""
    problems: list[str] = []
    if out["article"]["language"] != expected["language"]:
        problems.append(f"language {out['article']['language']} != {expected['language']}")
    if len(out["ceasefires"]) != len(expected["ceasefires"]):
        problems.append(f"{len(out['ceasefires'])} ceasefires, expected {len(expected['ceasefires'])}")
    for exp, got in zip(expected["ceasefires"], out["ceasefires"], strict=False):
        _ceasefire(exp, got, problems)
    if len(out["incidents"]) != len(expected["incidents"]):
        problems.append(f"{len(out['incidents'])} incidents, expected {len(expected['incidents'])}: "
                        f"{[i['place'] for i in out['incidents']]}")
    for exp in expected["incidents"]:
        # the incident nearest the expected point, within 15 km; two within 2 km of the point
        # are the same place reported twice (neighbouring villages are a few km apart)
        near = sorted((km(exp["near"], i["lat"], i["lon"]), n) for n, i in enumerate(out["incidents"])
                      if i["lat"] is not None and km(exp["near"], i["lat"], i["lon"]) <= 15)
        if not near or len(near) > 1 and near[1][0] <= 2:
            problems.append(f"incident near {exp['near']}: {len(near)} found")
        else:
            _incident(exp, out["incidents"][near[0][1]], out["judgements"], problems)
    for exp in expected.get("claims", []):
        if not any(all(c.get(k) == v for k, v in exp.items()) for c in out["claims"]):
            have = [(c["claimant"], c["kind"], c["target"]) for c in out["claims"]]
            problems.append(f"claim {exp} missing; have {have}")
    return problems


def cases(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "articles").glob("*.txt"))


def run_case(analyzer: Analyzer, root: Path, name: str) -> GoldenResult:
    expected = json.loads((root / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    text = (root / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    out = analyzer.analyze(text, published=expected["published"], source=name).to_contract()
    return GoldenResult(name, expected["language"], tuple(compare(expected, out)))


def run_all(analyzer: Analyzer, root: Path) -> Iterator[GoldenResult]:
    for name in cases(root):
        yield run_case(analyzer, root, name)
