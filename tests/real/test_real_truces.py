"""Golden expectations per labelled real truce (issue 10): for every truce the labels of
``news`` and ``news-2`` date, its true window, parties, zone and verdict
(``tests/real/truces.json``), checked against the registry of a store built from
``../shared/corpus`` as a user builds it (``trucewatch ingest news news-2``).

The expected verdict is the documented rule (docs/reports.md) applied to the labelled facts:
labelled new incidents with a place, whose days lie inside the window, in the zone's countries
(for the Gaza Strip, west of 34.6 E: not the West Bank), are violations; each side of the
truce accusing the other makes it contested; none inside, with labelled incidents of the
zone's countries within a week of the window or an article on the truce published once it
began, is held; else unknown. A truce whose end no article fixes has no expected verdict
(``null``): its window is checked, not its verdict.

An expectation the pipeline does not meet yet carries ``known_wrong`` (what it gets instead, and
why): it is an expected failure, strict, so a fix that meets it fails until the mark is removed.
The truces stated by more than one article are the ones whose verdict the issue requires.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from trucewatch.stored import Registered

pytestmark = pytest.mark.model
EXPECTED = json.loads((ROOT / "tests" / "real" / "truces.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(analyzer: Any, shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from trucewatch.judge.truce import answer
    from trucewatch.monitor import ingest
    from trucewatch.report.build import articles_of
    from trucewatch.store.db import Store

    corpus = shared / "corpus"
    with Store.open(str(tmp_path_factory.mktemp("truces") / "s.sqlite")) as store:
        ingest([str(corpus / "news"), str(corpus / "news-2")], store, analyzer)
        registry, events, judgements = store.registry(), store.events(), store.event_judgements()
        by_id = {e.id: e for e in events}
        verdicts = {}
        for reg in registry:
            mine = [(by_id[j.incident], j) for j in judgements if j.ceasefire == reg.id and j.incident in by_id]
            claims = store.claims(articles_of(reg, events, judgements))
            verdicts[reg.id] = answer(reg, events, mine, claims).verdict
    return {"registry": registry, "verdicts": verdicts}


def _close(a: datetime | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - datetime.fromisoformat(b)).total_seconds()) <= 3600


def _found(registry: list[Registered], exp: dict[str, Any]) -> Registered | None:
    return next((r for r in registry if _close(r.ceasefire.start, exp["start"])
                 and (exp.get("end_unknown") or _close(r.ceasefire.end, exp["end"]))), None)


def _case(exp: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=exp["known_wrong"], strict=True)] if exp.get("known_wrong") else []
    return pytest.param(exp, id=exp["id"], marks=marks)


@pytest.mark.parametrize("exp", [_case(e) for e in EXPECTED["truces"]])
def test_real_truce_window_parties_zone_verdict(built: dict[str, Any], exp: dict[str, Any]) -> None:
    reg = _found(built["registry"], exp)
    assert reg is not None, f"not registered with its window {exp['start']} -> {exp['end']}"
    cf = reg.ceasefire
    assert set(cf.parties) == set(exp["parties"]), cf.parties
    assert set(cf.zone_countries) == set(exp["zone_countries"]), cf.zone_countries
    if exp["verdict"] is not None:  # no article fixes its end: no window to judge it by
        assert built["verdicts"][reg.id] == exp["verdict"]


def test_real_truces_no_truce_registered_twice(built: dict[str, Any]) -> None:
    """No labelled truce is registered twice (several registered truces with its window)."""
    for exp in EXPECTED["truces"]:
        same = [r for r in built["registry"] if _close(r.ceasefire.start, exp["start"])
                and _close(r.ceasefire.end, exp["end"])]
        assert len(same) <= 1, (exp["id"], [r.id for r in same])
