"""One validated Settings object: the defaults file and the dataclass agree, the environment is
read only by Settings.load, bad values are coded errors, and the thresholds passed in are the
ones corroboration and the registry use."""

from __future__ import annotations

import numpy as np
import pytest

from tests.records import ceasefire, declaration, incident, place, report
from trucewatch.config import Settings
from trucewatch.corroborate.events import corroborate
from trucewatch.errors import ConfigError
from trucewatch.registry.ceasefires import build


def test_the_defaults_file_and_the_record_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRUCEWATCH_DB", raising=False)
    monkeypatch.delenv("TRUCEWATCH_REGISTRY", raising=False)
    assert Settings.load() == Settings()


def test_the_environment_sets_the_store_and_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUCEWATCH_DB", "postgresql://monitor@db/truces")
    monkeypatch.setenv("TRUCEWATCH_REGISTRY", "/srv/ceasefires.yaml")
    settings = Settings.load()
    assert (settings.database, settings.registry) == ("postgresql://monitor@db/truces", "/srv/ceasefires.yaml")
    assert Settings.load(database="other.sqlite").database == "other.sqlite"  # an explicit value wins


@pytest.mark.parametrize(("key", "value"), [("min_similarity", 1.5), ("near_km", 0), ("near_km", "far"),
                                            ("min_confidence", -0.1), ("batch", 0), ("batch", True),
                                            ("mention_days", 2.5),
                                            ("database", ""), ("same_start_hours", -1)])
def test_a_bad_value_is_a_coded_error_naming_it(key: str, value: object) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load(**{key: value})
    assert err.value.code == "E302" and key in str(err.value)


def test_an_unknown_key_is_refused_by_name() -> None:
    with pytest.raises(ConfigError) as err:
        Settings.load(near_kms=10)
    assert err.value.code == "E301" and "near_kms" in str(err.value) and "near_km" in str(err.value)


def test_corroboration_uses_the_thresholds_it_is_given() -> None:
    """'Near Kherson' and a village 20 km away are one strike within near_km, two beyond it."""
    near = report("a", incident("Drones struck near Kherson.", where=place(precision=2)))
    village = report("b", incident("Drones struck the village.", where=place("Village", lat=46.64, lon=32.87)))
    vectors = np.zeros((2, 384))
    vectors[0, 0], vectors[1, 0], vectors[1, 1] = 1.0, 0.9, np.sqrt(1 - 0.81)  # evidence 0.9 alike
    assert len(corroborate([near, village], vectors)) == 1
    assert len(corroborate([near, village], vectors, Settings.load(near_km=10.0))) == 2
    assert len(corroborate([near, village], vectors, Settings.load(min_similarity=0.95))) == 2


def test_the_registry_uses_the_thresholds_it_is_given() -> None:
    """Two declarations of one truce whose starts differ by 6 hours: one truce by default, two
    when starts must lie within 3 hours."""
    a = declaration("a1", ceasefire("Russia", "2023-01-06T12:00:00+03:00", "2023-01-08T00:00:00+03:00"))
    b = declaration("a2", ceasefire("Russia", "2023-01-06T18:00:00+03:00", "2023-01-08T00:00:00+03:00"))
    assert len(build([a, b])) == 1
    assert len(build([a, b], Settings.load(same_start_hours=3.0))) == 2
