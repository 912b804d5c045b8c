#!/usr/bin/env python3
"""Write tests/real/truces.json: one expectation per labelled real truce (docs/labelling.md,
"Golden truces"), and, as ``known_wrong``, what the registry of STORE gets instead.

usage: python scripts/real_truces.py STORE   (a store ingested from ../shared/corpus/news and news-2)
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from trucewatch.evaluate.registry import Truth, _close, truths
from trucewatch.judge.truce import answer
from trucewatch.report.build import articles_of
from trucewatch.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
LABELS = sorted((ROOT / "tests" / "real" / "labels").glob("*/*.json"))
#: the Gaza Strip lies west of this longitude, the West Bank east of 34.9 E
GAZA_EAST = 34.6
Stated = tuple[str, dict[str, Any], dict[str, Any]]


def _stating(t: Truth, labels: list[tuple[str, dict[str, Any]]]) -> list[Stated]:
    out = []
    for name, lab in labels:
        for cf in lab["ceasefires"]:
            if not cf.get("start") or not _close(datetime.fromisoformat(cf["start"]), t.start):
                continue
            end = datetime.fromisoformat(cf["end"]) if cf.get("end") else None
            unknown = end is None and cf.get("open_ended") is not True
            if t.end_unknown or unknown or _close(end, t.end):
                out.append((name, lab, cf))
    return out


def _inside(t: Truth, inc: dict[str, Any], first: date, last: date) -> bool:
    if not inc.get("date_earliest") or inc.get("country") not in t.countries:
        return False
    if t.countries == ("PS",) and (inc.get("lon") is None or inc["lon"] > GAZA_EAST):
        return False
    if inc.get("place") is None and inc.get("admin1") is None:
        return False  # no place: zone unknown, never counted
    d0, d1 = date.fromisoformat(inc["date_earliest"]), date.fromisoformat(inc["date_latest"])
    return d0 >= first and d1 <= last and not (d0 == first and t.start.hour >= 12)


def _verdict(t: Truth, stated: list[Stated], labels: list[tuple[str, dict[str, Any]]]) -> tuple[str | None, int]:
    if t.end_unknown:
        return None, 0
    first = t.start.date()
    published = [date.fromisoformat(lab["published"]) for _, lab, _ in stated]
    last = (t.end - timedelta(seconds=1)).date() if t.end else max(published) + timedelta(days=30)
    news = [(n, i) for n, lab in labels for i in lab["incidents"] if i["context"] == "new"]
    inside = [(n, i) for n, i in news if _inside(t, i, first, last)]
    near = any(i.get("date_earliest") and i.get("country") in t.countries
               and date.fromisoformat(i["date_latest"]) >= first - timedelta(days=7)
               and date.fromisoformat(i["date_earliest"]) <= last + timedelta(days=7) for _, i in news)
    after = any(p >= first for p in published)
    if not inside:
        return ("held" if near or after else "unknown"), 0
    arts = {n for n, _, _ in stated} | {n for n, _ in inside}
    said = {(c["claimant"], c.get("target")) for n, lab in labels if n in arts for c in lab["claims"]
            if c["kind"] == "accuses" and c.get("target")}
    mutual = any((b, a) in said for a, b in said)
    return ("contested" if mutual else "violations_alleged"), len(inside)


def _wrong(store: Store, t: Truth, verdict: str | None, cache: dict[str, Any]) -> list[str]:
    registry, events, judgements = cache["registry"], cache["events"], cache["judgements"]
    reg = next((r for r in registry if _close(r.ceasefire.start, t.start)
                and (t.end_unknown or _close(r.ceasefire.end, t.end))), None)
    if reg is None:
        return ["not registered with this window"]
    cf, out = reg.ceasefire, []
    if set(cf.parties) != set(t.parties):
        out.append(f"parties {list(cf.parties)}")
    if set(cf.zone_countries) != set(t.countries):
        out.append(f"zone {list(cf.zone_countries)}")
    by_id = {e.id: e for e in events}
    mine = [(by_id[j.incident], j) for j in judgements if j.ceasefire == reg.id and j.incident in by_id]
    got = answer(reg, events, mine, store.claims(articles_of(reg, events, judgements))).verdict
    if verdict is not None and got != verdict:
        out.append(f"verdict {got}")
    return out


def main(store_url: str) -> None:
    labels = [(str(p.relative_to(p.parents[1])), json.loads(p.read_text(encoding="utf-8"))) for p in LABELS]
    out: list[dict[str, Any]] = []
    with Store.open(store_url) as store:
        cache = {"registry": store.registry(), "events": store.events(), "judgements": store.event_judgements()}
        for t in truths([lab for _, lab in labels]):
            stated = _stating(t, labels)
            verdict, n = _verdict(t, stated, labels)
            who = t.declared_by or "-".join(t.parties[:2]) or "truce"
            e: dict[str, Any] = {
                "id": f"{t.start.date().isoformat()}-{who.replace(' ', '_')}", "start": t.start.isoformat(),
                "end": t.end.isoformat() if t.end else None, "end_unknown": t.end_unknown,
                "parties": list(t.parties), "mediators": list(t.mediators), "zone_countries": list(t.countries),
                "verdict": verdict, "violations_labelled": n, "articles": sorted({s[0] for s in stated}),
                "statuses": sorted({s[2]["status"] for s in stated})}
            wrong = _wrong(store, t, verdict, cache)
            if wrong:
                e["known_wrong"] = "; ".join(wrong)
            out.append(e)
    ids = [e["id"] for e in out]
    for e in out:
        if ids.count(e["id"]) > 1:
            e["id"] += "-" + e["start"][11:16].replace(":", "") + ("-" + e["end"][:10] if e["end"] else "-open")
    note = ("Generated by scripts/real_truces.py from the labels' truces (facts) by the rule in "
            "tests/real/test_real_truces.py; known_wrong records what the pipeline gets instead.")
    path = ROOT / "tests" / "real" / "truces.json"
    path.write_text(json.dumps({"note": note, "truces": out}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for e in out:
        print(e["id"], e["verdict"], len(e["articles"]), e.get("known_wrong") or "ok")


if __name__ == "__main__":
    main(sys.argv[1])
