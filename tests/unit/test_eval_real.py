"""The real-article scorer (trucewatch.evaluate.real) on hand-built outputs and labels."""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.evaluate.real import is_holdout, score_article


def _label(**incident: Any) -> dict[str, Any]:
    base = {"id": "i1", "spans": [[0, 40]], "context": "new", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "place": "Kramatorsk", "admin1": "Donetsk",
            "country": "UA", "lat": 48.72, "lon": 37.56, "geo_precision": 1, "date_earliest": "2023-01-06",
            "date_latest": "2023-01-06", "fatalities_low": 1, "perpetrator": "Russia"}
    return {"file": "news/x.json", "incidents": [{**base, **incident}], "claims": [
        {"claimant": "Ukraine", "kind": "accuses", "target": "Russia", "about": ["i1"]}], "ceasefires": [
        {"start": "2023-01-06T12:00:00+03:00", "end": "2023-01-08T00:00:00+03:00"}]}


def _output(**incident: Any) -> dict[str, Any]:
    base = {"id": "i1", "evidence": [{"start": 10, "end": 60}], "place": "Kramatorsk", "country": "UA",
            "admin1": "Donetsk", "lat": 48.73, "lon": 37.57, "geo_precision": 1,
            "acled_event_type": "Explosions/Remote violence",
            "acled_sub_event_type": "Shelling/artillery/missile attack",
            "time_earliest": "2023-01-06T12:00:00+03:00", "time_latest": "2023-01-07T00:00:00+03:00",
            "fatalities_low": 1, "perpetrator_claimed": "Russia"}
    return {"incidents": [{**base, **incident}], "claims": [
        {"claimant": "Ukraine", "kind": "accuses", "target": "Russia"},
        {"claimant": "Russia", "kind": "calls_to_reciprocate", "target": None}], "ceasefires": [
        {"start": "2023-01-06T09:00:00+00:00", "end": "2023-01-07T21:00:00+00:00"}]}


def test_eval_real_a_right_incident_scores_every_field() -> None:
    t = score_article(_output(), _label())
    f = t.figures()
    assert (f["precision"], f["recall"]) == (1.0, 1.0)
    assert all(f[k] == 1.0 for k in ("place", "time", "type", "sub_type", "toll", "perpetrator"))
    assert (f["claims_precision"], f["claims_recall"], f["windows"]) == (1.0, 1.0, 1.0)  # same instants, other clock


@pytest.mark.parametrize(("change", "wrong"), [
    ({"lat": 48.51, "lon": 37.95, "place": "Druzhkivka"}, "place"),
    ({"time_earliest": "2023-01-09T00:00:00+03:00", "time_latest": "2023-01-10T00:00:00+03:00"}, "time"),
    ({"acled_event_type": "Battles", "acled_sub_event_type": "Armed clash"}, "type"),
    ({"fatalities_low": 20000}, "toll"),
    ({"perpetrator_claimed": None}, "perpetrator"),
])
def test_eval_real_one_wrong_field_is_counted_wrong(change: dict[str, Any], wrong: str) -> None:
    f = score_article(_output(**change), _label()).figures()
    assert f[wrong] == 0.0 and f["precision"] == 1.0


@pytest.mark.parametrize("context", ["recap", "historical", "statement", "hypothetical", "planned"])
def test_eval_real_an_incident_that_is_not_new_is_a_false_one(context: str) -> None:
    f = score_article(_output(), _label(context=context)).figures()
    assert f["precision"] == 0.0 and f["recall"] is None


def test_eval_real_an_incident_the_reader_did_not_find_is_false_and_a_missed_one_lowers_recall() -> None:
    f = score_article(_output(evidence=[{"start": 100, "end": 120}]), _label()).figures()
    assert (f["precision"], f["recall"]) == (0.0, 0.0)


def test_eval_real_output_flagged_not_new_is_not_shown() -> None:
    f = score_article(_output(context="recap"), _label(context="recap")).figures()
    assert f["shown"] == 0 and f["precision"] is None


@pytest.mark.parametrize("name", ["a", "bbc-repost-2025-05-10-x", "tagesschau-2024-05-08-y"])
def test_eval_real_holdout_is_fixed_by_the_name(name: str) -> None:
    assert is_holdout(name) == is_holdout(name)
    share = sum(is_holdout(f"article-{n}") for n in range(3000)) / 3000
    assert 0.28 < share < 0.39


@pytest.mark.parametrize(("out", "label"), [
    # "X says Y violated the truce" is an accusation in the labels' words
    ({"claimant": "Ukraine", "kind": "accuses_violation", "target": "Russia"},
     {"claimant": "Ukraine", "kind": "accuses", "target": "Russia"}),
    # a denial names no one accused: the labels' target (the denier itself, the accuser) is not compared
    ({"claimant": "Hamas", "kind": "denies", "target": None},
     {"claimant": "Hamas", "kind": "denies", "target": "Hamas"}),
    ({"claimant": "Ukraine", "kind": "rejects_ceasefire", "target": None},
     {"claimant": "Ukraine", "kind": "rejects_ceasefire", "target": "Russia"}),
])
def test_eval_real_claims_match_in_the_labels_terms(out: dict[str, Any], label: dict[str, Any]) -> None:
    t = score_article({**_output(), "claims": [out]}, {**_label(), "claims": [label]})
    assert t.claims == [1, 1, 1]


def test_eval_real_an_accusation_of_the_wrong_party_is_no_match() -> None:
    out = {"claimant": "Ukraine", "kind": "accuses", "target": "Belarus"}
    t = score_article({**_output(), "claims": [out]}, _label())
    assert t.claims == [0, 1, 1]
