"""What a reader gives: an article as read (:class:`RawArticle`), or the failure of one source
(:class:`SourceFailure`), and the column names of tabular input (:class:`Columns`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trucewatch.errors import TrucewatchError
from trucewatch.records import PublishedBasis


@dataclass(frozen=True)
class RawArticle:
    text: str
    source: str  # file, file:line or feed#entry: where the text was read
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    warnings: tuple[str, ...] = ()
    id: str | None = None  # the id the input gives (JSONL/CSV), kept by analyze --jsonl
    country: str | None = None  # ISO 3166-1 alpha-2 hint for geocoding

    @property
    def published_basis(self) -> PublishedBasis:
        """"metadata" when a date came with the article, else "unknown" (inferred later)."""
        return "metadata" if self.published else "unknown"


@dataclass(frozen=True)
class SourceFailure:
    source: str
    error: TrucewatchError
    id: str | None = None  # the record's own id, when it had one


Item = RawArticle | SourceFailure


@dataclass(frozen=True)
class Columns:
    """Column (or JSON key) names for tabular input."""

    text: str = "text"
    title: str = "title"
    url: str = "url"
    outlet: str = "outlet"
    published: str = "published"
    language: str = "language"
    country: str = "country"
    id: str = "id"
