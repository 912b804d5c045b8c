"""Golden files: each report in tests/golden/articles has hand-written expectations in
tests/golden/expected (what must be extracted, with the reasoning in its ``note``).

Only the keys an expectation names are checked; counts of ceasefires and incidents are exact, so
extra or missing events fail. Incidents are matched by coordinates (within 15 km), claims by
(claimant, kind[, target]).
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any

import pytest

from tests.conftest import GOLDEN

pytestmark = pytest.mark.model
CASES = sorted(p.stem for p in (GOLDEN / "articles").glob("*.txt"))
_INCIDENT_KEYS = {"country": "country", "geo_precision": "geo_precision", "event_type": "acled_event_type",
                  "sub_event_type": "acled_sub_event_type", "fatalities_low": "fatalities_low",
                  "fatalities_high": "fatalities_high", "injured_low": "injured_low",
                  "injured_high": "injured_high", "perpetrator_claimed": "perpetrator_claimed",
                  "reported_by": "reported_by"}


def _t(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _km(a: list[float], lat: float, lon: float) -> float:
    p1, p2 = math.radians(a[0]), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - a[1]) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _analyse(analyzer: Any, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = json.loads((GOLDEN / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    text = (GOLDEN / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    out = analyzer.analyze(text, published=expected["published"], source=name).to_contract()
    return expected, out


def _check_ceasefire(exp: dict[str, Any], got: dict[str, Any], problems: list[str]) -> None:
    for key, want in exp.items():
        if key == "responses":
            have = {(r["party"], r["stance"]) for r in got["responses"]}
            for r in want:
                if (r["party"], r["stance"]) not in have:
                    problems.append(f"ceasefire response {r} missing; have {sorted(have)}")
        elif key in {"start", "end", "ended_early"}:
            if _t(got.get(key)) != _t(want):
                problems.append(f"ceasefire {key} {got.get(key)} != {want}")
        elif got.get(key) != want:
            problems.append(f"ceasefire {key} {got.get(key)!r} != {want!r}")


def _check_incident(exp: dict[str, Any], got: dict[str, Any], judgements: list[dict[str, Any]],
                    problems: list[str]) -> None:
    where = f"incident near {exp['near']}"
    for key, field in _INCIDENT_KEYS.items():
        if key in exp and got.get(field) != exp[key]:
            problems.append(f"{where}: {field} {got.get(field)!r} != {exp[key]!r}")
    if "time_within" in exp:
        lo, hi = (_t(x) for x in exp["time_within"])
        a, b = _t(got["time_earliest"]), _t(got["time_latest"])
        if a is None or b is None or not (lo <= a <= b <= hi):  # type: ignore[operator]
            problems.append(f"{where}: time [{a}, {b}] not inside [{lo}, {hi}]")
    mine = [j for j in judgements if j["incident"] == got["id"]]
    for key in ("temporal", "spatial", "attribution"):
        if key in exp:
            have = mine[0][key] if mine else None
            if have != exp[key]:
                problems.append(f"{where}: {key} {have!r} != {exp[key]!r}")


@pytest.mark.parametrize("name", CASES)
def test_golden_extraction_matches_expectations(analyzer: Any, name: str) -> None:
    expected, out = _analyse(analyzer, name)
    problems: list[str] = []
    assert out["article"]["language"] == expected["language"]
    if len(out["ceasefires"]) != len(expected["ceasefires"]):
        problems.append(f"{len(out['ceasefires'])} ceasefires, expected {len(expected['ceasefires'])}")
    for exp, got in zip(expected["ceasefires"], out["ceasefires"], strict=False):
        _check_ceasefire(exp, got, problems)
    if len(out["incidents"]) != len(expected["incidents"]):
        problems.append(f"{len(out['incidents'])} incidents, expected {len(expected['incidents'])}: "
                        f"{[i['place'] for i in out['incidents']]}")
    for exp in expected["incidents"]:
        near = [i for i in out["incidents"] if i["lat"] is not None and _km(exp["near"], i["lat"], i["lon"]) <= 15]
        if len(near) != 1:
            problems.append(f"incident near {exp['near']}: {len(near)} found")
            continue
        _check_incident(exp, near[0], out["judgements"], problems)
    for exp in expected.get("claims", []):
        if not any(all(c.get(k) == v for k, v in exp.items()) for c in out["claims"]):
            have = [(c["claimant"], c["kind"], c["target"]) for c in out["claims"]]
            problems.append(f"claim {exp} missing; have {have}")
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)
