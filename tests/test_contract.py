"""The JSON contract of `trucewatch analyze` (DESIGN.md): every listed key is present, times are
ISO 8601 with an offset, unknown values are null, and batches keep input order and ids."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from trucewatch import ArticleInput, Failure

pytestmark = pytest.mark.model

CONTRACT = {
    "article": {"id", "language", "published", "published_basis"},
    "ceasefires": {"id", "declared_by", "start", "end", "timezone", "timezone_basis", "scope", "responses",
                   "evidence"},
    "incidents": {"id", "place", "country", "admin1", "lat", "lon", "geo_precision", "acled_event_type",
                  "acled_sub_event_type", "time_earliest", "time_latest", "perpetrator_claimed", "reported_by",
                  "fatalities_low", "fatalities_high", "injured_low", "injured_high", "targets", "evidence",
                  "confidence"},
    "claims": {"claimant", "kind", "target", "about", "about_ceasefire"},
    "judgements": {"ceasefire", "incident", "temporal", "spatial", "attribution", "verdict"},
}


@pytest.fixture(scope="module")
def seed_result(analyzer: Any, seed: Path) -> dict[str, Any]:
    return analyzer.analyze(seed.read_text(encoding="utf-8"), published="2023-01-06").to_contract()  # type: ignore[no-any-return]


@pytest.mark.parametrize("section", sorted(CONTRACT))
def test_contract_keys_are_present(seed_result: dict[str, Any], section: str) -> None:
    value = seed_result[section]
    records = [value] if isinstance(value, dict) else value
    assert records, f"the seed yields {section}"
    for record in records:
        assert CONTRACT[section] <= set(record), CONTRACT[section] - set(record)


@pytest.mark.parametrize("key", ["start", "end"])
def test_contract_ceasefire_times_carry_offsets(seed_result: dict[str, Any], key: str) -> None:
    assert datetime.fromisoformat(seed_result["ceasefires"][0][key]).utcoffset() is not None


def test_contract_evidence_points_into_the_text(seed_result: dict[str, Any], seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    for incident in seed_result["incidents"]:
        for span in incident["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("n", [5])
def test_contract_batch_keeps_order_and_ids(analyzer: Any, n: int, seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    items = [ArticleInput(text if i != 2 else "", id=f"a{i}", published=date(2023, 1, 6)) for i in range(n)]
    results = list(analyzer.analyze_many(items))
    assert [r.id if isinstance(r, Failure) else r.article.id for r in results] == [f"a{i}" for i in range(n)]
    assert isinstance(results[2], Failure) and results[2].error.code == "E101"
    assert all(not isinstance(r, Failure) and len(r.incidents) == 3 for i, r in enumerate(results) if i != 2)


def test_contract_perpetrator_carries_its_acled_actor(seed_result: dict[str, Any]) -> None:
    claimed = [i for i in seed_result["incidents"] if i["perpetrator_claimed"] == "Russia"]
    assert claimed and all(i["perpetrator_acled_actor"] == "Military Forces of Russia (2000-)" for i in claimed)
    assert all(i["perpetrator_acled_actor"] is None for i in seed_result["incidents"] if not i["perpetrator_claimed"])


def test_a_defect_on_one_article_fails_that_article_only(analyzer: Any, monkeypatch: pytest.MonkeyPatch,
                                                        seed: Path) -> None:
    """An unexpected exception (a bug) becomes an E901 failure of its article; the batch goes on."""
    import trucewatch.pipeline as pipeline

    real = pipeline.extract_incidents

    def flaky(ctx: Any, *args: Any) -> Any:
        if "Sloviansk" in ctx.text:
            raise ValueError("empty interval")
        return real(ctx, *args)

    monkeypatch.setattr(pipeline, "extract_incidents", flaky)
    texts = [seed.read_text(encoding="utf-8"), "Rockets hit Sloviansk on Friday, officials said.",
             seed.read_text(encoding="utf-8")]
    results = list(analyzer.analyze_many(ArticleInput(t, id=f"a{i}", published=date(2023, 1, 6), source=f"s{i}")
                                         for i, t in enumerate(texts)))
    assert [isinstance(r, Failure) for r in results] == [False, True, False]
    failed = results[1]
    assert isinstance(failed, Failure) and failed.error.code == "E901"
    assert "s1" in str(failed.error) and "ValueError: empty interval" in str(failed.error)


@pytest.mark.parametrize("lang", ["ar", "de", "en", "es", "fr", "ru", "uk"])
def test_contract_reads_back_into_the_same_records(analyzer: Any, lang: str) -> None:
    """The store keeps the contract JSON; reading it back gives the analysis that was written."""
    import json

    from tests.conftest import GOLDEN
    from trucewatch.contract import analysis_from_dict

    for article in sorted((GOLDEN / "articles").glob(f"{lang}*.txt")):
        published = json.loads((GOLDEN / "expected" / f"{article.stem}.json").read_text(encoding="utf-8"))["published"]
        analysis = analyzer.analyze(article.read_text(encoding="utf-8"), published=published, source=article.stem)
        back = analysis_from_dict(json.loads(json.dumps(analysis.to_contract())))
        assert back == analysis, article.stem
        assert back.to_contract() == analysis.to_contract()
