"""Settings: one commented defaults file (``defaults.toml``), validated, immutable.

Build once (``Settings.load()``), change with ``replace()``, pass down. Unknown keys are rejected
by name with the list of valid ones, never silently ignored.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from trucewatch.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    max_chars: int = 1_000_000
    data_dir: str = ""
    min_language_score: float = 0.5
    languages: tuple[str, ...] = ("ar", "de", "en", "es", "fr", "ru", "uk")

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        raw = tomllib.loads((resources.files("trucewatch") / "defaults.toml").read_text("utf-8"))
        return cls.from_dict({**raw, **overrides})

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
        if not isinstance(self.max_chars, int) or self.max_chars < 1:
            raise ConfigError("E302", what="max_chars", value=self.max_chars, why="a positive integer")
        if not 0 <= float(self.min_language_score) <= 1:
            raise ConfigError("E302", what="min_language_score", value=self.min_language_score,
                              why="between 0 and 1")

    def replace(self, **changes: Any) -> Settings:
        return Settings.from_dict({**dataclasses.asdict(self), **changes})
