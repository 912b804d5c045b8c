"""The annotated article every extractor reads: text, shadow, spaCy Doc, sentences, lexicon,
parties, gazetteer and reference times. Built once per article by the pipeline; read-only after.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trucewatch.budget import check
from trucewatch.geo.gazetteer import Gazetteer
from trucewatch.nlp.lexicon import Lexicon, Match
from trucewatch.nlp.parties import Mention, PartyBook
from trucewatch.records import Span


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    caption: bool


@dataclass
class ArticleContext:
    text: str
    shadow: str
    doc: Any
    lex: Lexicon
    parties: PartyBook
    gazetteer: Gazetteer
    sentences: list[Sentence]
    published: date | None
    dyad: tuple[str, ...]
    mentions: list[Mention] = field(default_factory=list)
    country_hint: str | None = None
    memo: dict[tuple[str, int], Any] = field(default_factory=dict, repr=False)  # per-sentence results
    _found: dict[str, list[Match]] = field(default_factory=dict, repr=False)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _mention_starts: list[int] | None = field(default=None, repr=False)
    _sentence_starts: list[int] | None = field(default=None, repr=False)
    _widest: int = field(default=-1, repr=False)

    @property
    def parsed(self) -> bool:
        """Whether the Doc has a dependency parse (not for languages on a blank pipeline)."""
        return bool(self.doc.has_annotation("DEP"))

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_span(self, s: Sentence) -> Span:
        return self.span(s.start, s.end)

    def find(self, section: str, s: Sentence) -> list[Match]:
        """Matches of a lexicon section inside a sentence (the article is scanned once per
        section, then sliced). Every extractor's per-sentence loop asks here, so this is where
        the article's time budget is checked (:func:`trucewatch.budget.check`)."""
        check()
        hits = self._found.get(section)
        if hits is None:
            hits = self._found[section] = self.lex.phrases(section).finditer(self.shadow)
            self._starts[section] = [h.start for h in hits]
        starts = self._starts[section]
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        return [h for h in hits[lo:hi] if h.end <= s.end]

    def has(self, section: str, s: Sentence) -> bool:
        return bool(self.find(section, s))

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), in order (mentions are sorted by start: a bisection,
        not a scan of the article, so asking for every sentence stays linear)."""
        check()
        if self._mention_starts is None or len(self._mention_starts) != len(self.mentions):
            self._mention_starts = [m.start for m in self.mentions]
        lo, hi = bisect_left(self._mention_starts, start), bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def mentions_overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that share a character with [start, end)."""
        self.mentions_in(0, 0)  # the index of starts
        assert self._mention_starts is not None
        widest = self._widest if self._widest >= 0 else max((m.end - m.start for m in self.mentions), default=0)
        self._widest = widest
        lo, hi = bisect_left(self._mention_starts, start - widest), bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and start < m.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        if self._sentence_starts is None or len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.start for s in self.sentences]
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def tokens(self, start: int, end: int) -> list[Any]:
        check()
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a spaCy sentence at line breaks: captions and paragraphs never share a sentence."""
    out, lo = [], start
    for i in range(start, end):
        if text[i] == "\n":
            out.append((lo, i))
            lo = i + 1
    out.append((lo, end))
    return out


_ENDS = tuple(".!?:;»\"”…)")


def _spans(doc: Any) -> list[tuple[int, int]]:
    """spaCy's sentences, split at line breaks, with its false breaks mended: the French model
    cuts "À Kherson, | une caserne ..." after a fronted place; a piece that ends without
    punctuation and is followed, on the same line, by a comma or a lower-case word continues."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        for start, end in _pieces(text, sent.start_char, sent.end_char):
            if spans:
                a, b = spans[-1]
                gap = text[b:start]
                head = text[start:end].lstrip()[:1]
                if "\n" not in gap and not text[a:b].rstrip().endswith(_ENDS) and (
                    head in {",", ";"} or head.islower()
                ):
                    spans[-1] = (a, end)
                    continue
            spans.append((start, end))
    return spans


def sentences_of(doc: Any, captions: tuple[tuple[int, int], ...]) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    text = doc.text
    for start, end in _spans(doc):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or not any(c.isalpha() for c in text[start:end]):
            continue
        if out and "\n" in text[out[-1].end : start]:
            paragraph += 1
        is_caption = any(cs <= start < ce for cs, ce in captions)
        out.append(Sentence(len(out), start, end, paragraph, is_caption))
    return out
