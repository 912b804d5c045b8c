"""Every export format round-trips through the reader analysts use (pandas, pyarrow, json), with
the column set of the published codebook."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import golden_jsonl
from trucewatch.export.formats import ACLED_COLUMNS, PARQUET_COLUMNS, UCDP_COLUMNS, write
from trucewatch.monitor import ingest
from trucewatch.records import Incident
from trucewatch.review.exported import REVIEW_COLUMNS
from trucewatch.store.db import Store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def stored(analyzer: Any, tmp_path_factory: pytest.TempPathFactory, module_store_url: str) -> Iterator[Store]:
    names = ["en01_gmt_window", "fr09_avant_pendant_apres", "uk10_do_pid_chas_pislia", "ar10_qabl_athna_baad"]
    batch = golden_jsonl(names, tmp_path_factory.mktemp("batch") / "batch.jsonl")
    with Store.open(module_store_url) as store:
        ingest([str(batch)], store, analyzer)
        yield store


def _incidents(stored: Store) -> list[Incident]:
    return [i for a in stored.analyses() for i in a.analysis.incidents]


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return next(csv.reader(f))


def test_acled_csv_round_trip(stored: Store, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    n = write("acled", stored, out, per="report")
    df = pd.read_csv(out)
    assert list(df.columns) == [*ACLED_COLUMNS, *REVIEW_COLUMNS] and len(df) == n == len(_incidents(stored))
    assert set(df["event_type"]) <= {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                     "Strategic developments", "Protests", "Riots"}
    placed = df.dropna(subset=["latitude"])
    assert placed["latitude"].between(-90, 90).all() and placed["geo_precision"].isin([1, 2, 3]).all()
    assert (df["fatalities"] >= 0).all() and df["event_date"].str.match(r"^\d{4}-\d\d-\d\d$").all()


def test_acled_columns_are_those_of_acled_data(shared: Path) -> None:
    coded = shared / "benchmarks" / "acled" / "acled_gaza_city_mit_et6.csv"
    assert _header(coded)[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)


def test_ucdp_csv_round_trip_and_columns(stored: Store, tmp_path: Path) -> None:
    out = tmp_path / "ged.csv"
    n = write("ucdp", stored, out)
    df = pd.read_csv(out)
    assert list(df.columns) == [*UCDP_COLUMNS, *REVIEW_COLUMNS] and len(df) == n
    assert (df["low"] <= df["best"]).all() and (df["best"] <= df["high"]).all()
    assert df["type_of_violence"].isin([1, 2, 3]).all()


def test_ucdp_columns_are_those_of_ucdp_ged(shared: Path) -> None:
    coded = shared / "benchmarks" / "acled" / "ucdp_ged_ukraine_peacerep.csv"
    assert _header(coded)[: len(UCDP_COLUMNS)] == list(UCDP_COLUMNS)


def test_plover_jsonl_round_trip(stored: Store, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    n = write("plover", stored, out)
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(events) == n and {"CONCEDE", "ASSAULT"} <= {e["event_type"] for e in events}
    assert all({"event_id", "event_date", "event_type", "event_mode", "actor", "event_text"} <= set(e) for e in events)
    assert len({e["event_id"] for e in events}) == n


def test_geojson_round_trip(stored: Store, tmp_path: Path) -> None:
    out = tmp_path / "incidents.geojson"
    n = write("geojson", stored, out)
    fc = json.loads(out.read_text(encoding="utf-8"))
    placed = [i for i in _incidents(stored) if i.place and i.place.lat is not None]
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == n == len(placed)
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and (lat, lon) == (f["properties"]["lat"], f["properties"]["lon"])


def test_parquet_round_trip(stored: Store, tmp_path: Path) -> None:
    out = tmp_path / "incidents.parquet"
    n = write("parquet", stored, out)
    table = pq.read_table(out)
    assert table.num_rows == n and table.column_names == list(PARQUET_COLUMNS)
    got = {r["report_id"]: r for r in table.to_pylist()}
    for a in stored.analyses():
        for inc in a.analysis.incidents:
            row = got[f"{a.analysis.article.id}-{inc.id}"]
            assert (row["place"], row["fatalities_low"], row["time_earliest"]) == (
                inc.place.name if inc.place else None, inc.fatalities_low,
                inc.time.earliest.isoformat() if inc.time else None)


def test_acled_and_ucdp_rows_are_corroborated_events(analyzer: Any, tmp_path: Path, store_url: str) -> None:
    """ru05 and uk05 report one strike on Kostiantynivka: one ACLED / UCDP row with both outlets,
    two sources and the toll range across them; Parquet keeps both reports, linked to the event."""
    batch = golden_jsonl(["de01_moskauer_zeit", "ru05_72_chasa", "uk05_72_hodyny"], tmp_path / "batch.jsonl")
    with Store.open(store_url) as store:
        ingest([str(batch)], store, analyzer)
        n_reports = write("acled", store, tmp_path / "reports.csv", per="report")
        n_events = write("acled", store, tmp_path / "events.csv")
        write("ucdp", store, tmp_path / "ged.csv")
        write("parquet", store, tmp_path / "reports.parquet")
    assert n_events == n_reports - 1
    acled = pd.read_csv(tmp_path / "events.csv")
    both = acled[acled["source"] == "ru05_72_chasa; uk05_72_hodyny"]
    assert len(both) == 1 and both.iloc[0]["location"] in {"Kostiantynivka", "Kostyantynivka"}
    assert both.iloc[0]["event_id_cnty"].startswith("TWE")
    ged = pd.read_csv(tmp_path / "ged.csv")
    row = ged[ged["id"] == both.iloc[0]["event_id_cnty"][2:]].iloc[0]
    assert row["number_of_sources"] == 2 and row["low"] <= row["best"] <= row["high"]
    linked = pq.read_table(tmp_path / "reports.parquet").to_pandas()
    assert linked.groupby("event_id").size().max() == 2 and linked["event_id"].notna().all()
