"""Settings: one commented defaults file (``defaults.toml``), validated, immutable.

Build once (``Settings.load()``), change with ``replace()``, pass down. Unknown keys are rejected
by name with the list of valid ones, never silently ignored. The environment is read here and
nowhere else: ``TRUCEWATCH_DB`` and ``TRUCEWATCH_REGISTRY`` set ``database`` and ``registry``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from trucewatch.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    max_chars: int = 1_000_000
    max_source_bytes: int = 100_000_000
    max_field_chars: int = 10_000
    max_json_depth: int = 32
    max_article_seconds: float = 120.0
    data_dir: str = ""
    min_language_score: float = 0.5
    languages: tuple[str, ...] = ("ar", "de", "en", "es", "fr", "ru", "uk")
    batch: int = 32
    database: str = "trucewatch.sqlite"
    registry: str = "ceasefires.yaml"
    min_confidence: float = 0.6
    min_similarity: float = 0.80
    reprint_similarity: float = 0.97
    near_km: float = 25.0
    max_event_hours: float = 72.0
    same_start_hours: float = 12.0
    same_agreement_hours: float = 36.0
    mention_days: int = 7
    open_ended_days: int = 30

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """The defaults file, then the environment, then ``overrides`` (None values are ignored)."""
        raw = tomllib.loads((resources.files("trucewatch") / "defaults.toml").read_text("utf-8"))
        env = {key: os.environ[var] for key, var in _ENVIRONMENT.items() if os.environ.get(var)}
        return cls.from_dict({**raw, **env, **{k: v for k, v in overrides.items() if v is not None}})

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        valid = {f.name for f in dataclasses.fields(cls)}
        for key in raw:
            if key not in valid:
                raise ConfigError("E301", key=key, valid=", ".join(sorted(valid)))
        values = dict(raw)
        if "languages" in values:
            values["languages"] = tuple(values["languages"])
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        for name in ("max_chars", "max_source_bytes", "max_field_chars", "max_json_depth", "batch", "mention_days",
                     "open_ended_days"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError("E302", what=name, value=value, why="a positive integer")
        for name in ("min_language_score", "min_confidence", "min_similarity", "reprint_similarity"):
            if not _number(getattr(self, name)) or not 0 <= float(getattr(self, name)) <= 1:
                raise ConfigError("E302", what=name, value=getattr(self, name), why="a number between 0 and 1")
        for name in ("near_km", "max_event_hours", "same_start_hours", "same_agreement_hours",
                     "max_article_seconds"):
            if not _number(getattr(self, name)) or float(getattr(self, name)) <= 0:
                raise ConfigError("E302", what=name, value=getattr(self, name), why="a positive number")
        for name in ("database", "registry"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise ConfigError("E302", what=name, value=getattr(self, name), why="a path or URL")

    def replace(self, **changes: Any) -> Settings:
        return Settings.from_dict({**dataclasses.asdict(self), **changes})


#: settings the environment may set, and the variable that sets each
_ENVIRONMENT = {"database": "TRUCEWATCH_DB", "registry": "TRUCEWATCH_REGISTRY"}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
