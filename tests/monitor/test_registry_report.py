"""The registry merges one truce's declarations from many articles; the report shows it with its
incidents, a map and a timeline, in Markdown and self-contained HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import golden_jsonl
from tests.records import ceasefire, declaration
from trucewatch.monitor import ingest
from trucewatch.records import Response
from trucewatch.registry.ceasefires import build
from trucewatch.report.build import articles_of, chosen, make
from trucewatch.report.text import write_report
from trucewatch.store.db import Store
from trucewatch.stored import Declaration


def _decl(article: str, declared_by: str | None, start: str | None, end: str | None, **kw: Any) -> Declaration:
    responses = tuple(Response(r["party"], r["stance"]) for r in kw.pop("responses", []))
    cf = ceasefire(declared_by, start, end, timezone_basis=kw.pop("basis", "stated"),
                   occasion=kw.pop("occasion", None), responses=responses)
    return declaration(article, cf, kw.pop("published", None))


def test_registry_merges_one_truce_and_keeps_others_apart() -> None:
    decls = [
        _decl("a1", "Russia", "2023-01-06T12:00:00+03:00", "2023-01-08T00:00:00+03:00"),
        _decl("a2", None, "2023-01-06T12:00:00+03:00", "2023-01-08T00:00:00+03:00",
              responses=[{"party": "Ukraine", "stance": "rejected"}]),
        _decl("a3", "Russia", "2023-01-06T13:00:00+03:00", "2023-01-08T01:00:00+03:00", basis="assumed"),
        _decl("a4", "Ukraine", "2023-01-06T12:00:00+03:00", None),  # another declarer
        _decl("a5", "Russia", "2025-05-08T00:00:00+03:00", "2025-05-11T00:00:00+03:00"),  # another truce
    ]
    registry = build(decls)
    assert [(r.ceasefire.declared_by, r.sources) for r in registry] == [
        ("Russia", ["a1", "a2", "a3"]), ("Ukraine", ["a4"]), ("Russia", ["a5"])]
    first = registry[0]
    start = first.ceasefire.start
    assert start is not None and start.isoformat() == "2023-01-06T12:00:00+03:00"  # stated wins
    assert first.responses == [("Ukraine", "rejected")]


def test_an_undated_declaration_joins_the_nearest_truce_of_its_declarer() -> None:
    """'Putin had ordered a three-day truce around the parade' names no window: published within
    a week of a dated Russian truce, it is that truce; another declarer's, or a month later, is not,
    and it is no truce of its own: a mention without a date registers nothing."""
    decls = [
        _decl("a1", "Russia", "2025-04-19T18:00:00+03:00", "2025-04-21T00:00:00+03:00"),
        _decl("a2", "Russia", "2025-05-08T00:00:00+03:00", "2025-05-11T00:00:00+03:00"),
        _decl("m1", "Russia", None, None, published="2025-05-06"),  # nearest: the May truce
        _decl("m2", "Ukraine", None, None, published="2025-05-09"),  # another declarer
        _decl("m3", "Russia", None, None, published="2025-06-20"),  # weeks after
    ]
    registry = build(decls)
    assert [(r.ceasefire.declared_by, r.sources) for r in registry] == [
        ("Russia", ["a1"]), ("Russia", ["a2", "m1"])]
    start = registry[1].ceasefire.start
    assert start is not None and start.isoformat() == "2025-05-08T00:00:00+03:00"


@pytest.mark.model
def test_report_markdown_html_map_and_timeline(analyzer: Any, tmp_path: Path, store_url: str) -> None:
    names = ["de01_moskauer_zeit", "ru05_72_chasa", "uk05_72_hodyny", "fr05_72_heures"]
    batch = golden_jsonl(names, tmp_path / "sample.jsonl")
    with Store.open(store_url) as store:
        ingest([str(batch)], store, analyzer)
        registry, events, judgements = store.registry(), store.events(), store.event_judgements()
        reg = chosen(registry, None)  # the truce most articles declare
        assert reg is not None
        claims = store.claims(articles_of(reg, events, judgements))
        registered = store.rows("SELECT id, declared_by, start_at, sources FROM ceasefires ORDER BY id")
        verdicts = store.rows("SELECT j.event_id, j.temporal, j.verdict, e.place, e.sources FROM event_judgements j "
                              "JOIN events e ON e.id = j.event_id JOIN ceasefires c ON c.id = j.ceasefire "
                              "WHERE c.start_at = ?", ("2025-05-08T00:00:00+03:00",))
    # the registry and every event's judgement are stored with the events
    assert any(d == "Russia" and s == "2025-05-08T00:00:00+03:00" and len(json.loads(src)) >= 3
               for _, d, s, src in registered)
    kostiantynivka = [v for v in verdicts if v[3] in {"Kostiantynivka", "Kostyantynivka"}]
    assert len(kostiantynivka) == 1 and kostiantynivka[0][4] == 2 and kostiantynivka[0][1] in {"during", "uncertain"}
    assert reg.ceasefire.declared_by == "Russia" and len(reg.sources) >= 3
    rep = make(reg, events, judgements, claims)
    # ru05 and uk05 report one strike on Kostiantynivka: one row, its two articles as sources
    assert rep.rows and all(v.temporal in {"during", "uncertain"} for _, v in rep.rows)
    assert max(len(e.reports) for e, _ in rep.rows) == 2
    assert len({e.id for e, _ in rep.rows}) == len(rep.rows)
    paths = write_report(rep, tmp_path / "reports")
    text = paths["md"].read_text(encoding="utf-8")
    assert text.splitlines()[2].startswith("**Verdict: ")  # the answer opens the report
    assert "2025-05-08T00:00:00+03:00" in text and "| place |" in text and "Sumy" in text
    assert "## Claims, party by party" in text and "> " in text  # quotes of the evidence
    answer = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert answer["schema"] == "trucewatch-report/1" and answer["verdict"]["verdict"] in {
        "held", "violations_alleged", "contested", "unknown"}
    assert answer["counts"]["during"] + answer["counts"]["straddling"] == len(answer["incidents"])
    html = paths["html"].read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2 and "<table>" in html and "://" not in html.split("<body>")[0]
    for png in (tmp_path / "reports").glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
