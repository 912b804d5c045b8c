"""The analysis pipeline: article text in, :class:`~trucewatch.records.Analysis` out.

Stages, each a module with typed input and output::

    normalize -> language -> spaCy Doc -> context -> ceasefires -> incidents -> claims -> judge

``Analyzer.load()`` loads models and the gazetteer once; ``analyze`` handles one article and
``analyze_many`` a stream (models stay loaded, spaCy runs in batches, memory stays flat). In a
batch, an article that fails becomes a :class:`Failure` and the others go on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

from trucewatch import __version__
from trucewatch.budget import check, deadline
from trucewatch.config import Settings
from trucewatch.errors import InternalError, LanguageError, TrucewatchError, warning
from trucewatch.extract.ceasefires import extract_ceasefires
from trucewatch.extract.claims import claimed_perpetrators, extract_claims
from trucewatch.extract.context import ArticleContext, sentences_of
from trucewatch.extract.incidents import dominant_country, extract_incidents
from trucewatch.geo.gazetteer import GAZETTEER_VERSION, Gazetteer, default_path
from trucewatch.judge.judge import judge_all
from trucewatch.nlp.langid import detect_language
from trucewatch.nlp.lexicon import load_lexicon, shadow
from trucewatch.nlp.load import load_model, model_version, parse_many
from trucewatch.nlp.normalize import article_id, check_text, clean
from trucewatch.nlp.parties import party_book
from trucewatch.records import Analysis, ArticleMeta, Ceasefire, PublishedBasis
from trucewatch.temporal.published import infer_published


@dataclass(frozen=True)
class ArticleInput:
    text: str
    id: str | None = None
    published: date | None = None
    published_basis: PublishedBasis = "given"
    language: str | None = None
    source: str | None = None
    warnings: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166-1 alpha-2 hint for geocoding


@dataclass(frozen=True)
class Failure:
    id: str | None
    source: str | None
    error: TrucewatchError

    def to_contract(self) -> dict[str, Any]:
        return {"id": self.id, "status": "failed", "source": self.source,
                "error": {"code": self.error.code, "message": str(self.error)}}


@dataclass(frozen=True)
class _Prepared:
    item: ArticleInput
    text: str
    captions: tuple[tuple[int, int], ...]
    language: str
    score: float | None


class Analyzer:
    """Loaded models and data; reuse one instance for many articles."""

    def __init__(self, settings: Settings, gazetteer: Gazetteer):
        self.settings = settings
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, settings: Settings | None = None) -> Analyzer:
        settings = settings or Settings.load()
        path = default_path(settings.data_dir or None)
        return cls(settings, Gazetteer.open(path))

    # ------------------------------------------------------------------ public API

    def analyze(self, text: str, *, published: date | str | None = None,
                language: str | None = None, source: str | None = None,
                country: str | None = None) -> Analysis:
        """Analyse one article (``country``: an ISO 3166-1 alpha-2 hint for geocoding, as a
        batch line's). Raises a TrucewatchError for input that cannot be analysed."""
        if isinstance(published, str):
            published = date.fromisoformat(published)
        item = ArticleInput(text, published=published, language=language, source=source,
                            published_basis="given" if published else "unknown", country=country)
        result = next(self.analyze_many([item]))
        if isinstance(result, Failure):
            raise result.error
        return result

    def analyze_many(self, items: Iterable[ArticleInput]) -> Iterator[Analysis | Failure]:
        """Analyse a stream, in input order; failures are yielded, never raised."""
        stream = iter(items)
        while chunk := list(islice(stream, self.settings.batch)):
            yield from self._chunk(chunk)

    def analyze_all(self, items: list[ArticleInput]) -> list[Analysis | Failure]:
        """:meth:`analyze_many` over a list, never raising: should the batch fail as a whole (a
        defect in a stage run on the whole batch), each article is analysed alone, so only the one
        that fails is lost."""
        try:
            return list(self.analyze_many(items))
        except Exception:  # noqa: BLE001 - retried article by article
            out: list[Analysis | Failure] = []
            for item in items:
                try:
                    out.append(next(self.analyze_many([item])))
                except Exception as exc:  # noqa: BLE001 - this one is the defect
                    out.append(_defect(item, exc))
            return out

    # ------------------------------------------------------------------ stages

    def _prepare(self, item: ArticleInput) -> _Prepared:
        source = item.source or item.id or "<text>"
        check_text(item.text, source, self.settings.max_chars)
        cleaned = clean(item.text)
        if item.language:
            if item.language not in self.settings.languages:
                raise LanguageError("E202", source=source, lang=item.language,
                                    supported=", ".join(self.settings.languages))
            return _Prepared(item, cleaned.text, cleaned.captions, item.language, None)
        lang, score = detect_language(cleaned.text, self.settings.languages,
                                      self.settings.min_language_score, source)
        return _Prepared(item, cleaned.text, cleaned.captions, lang, score)

    def _chunk(self, chunk: list[ArticleInput]) -> Iterator[Analysis | Failure]:
        prepared: dict[int, _Prepared] = {}
        results: dict[int, Analysis | Failure] = {}
        for n, item in enumerate(chunk):
            try:
                prepared[n] = self._prepare(item)
            except TrucewatchError as exc:
                results[n] = Failure(item.id, item.source, exc)
            except Exception as exc:  # noqa: BLE001 - a defect on one article must not lose the batch
                results[n] = _defect(item, exc)
        for lang in sorted({p.language for p in prepared.values()}):
            idx = [n for n, p in prepared.items() if p.language == lang]
            nlp = load_model(lang, self.settings.max_chars + 1)
            docs = parse_many(nlp, [prepared[n].text for n in idx], batch_size=self.settings.batch)
            for n, doc in zip(idx, docs, strict=True):
                try:
                    with deadline(self.settings.max_article_seconds, chunk[n].source or chunk[n].id or "<text>"):
                        results[n] = self._analyse_doc(prepared[n], doc)
                except TrucewatchError as exc:
                    results[n] = Failure(chunk[n].id, chunk[n].source, exc)
                except Exception as exc:  # noqa: BLE001 - a defect on one article must not lose the batch
                    results[n] = _defect(chunk[n], exc)
        for n in range(len(chunk)):
            yield results[n]

    def _analyse_doc(self, p: _Prepared, doc: Any) -> Analysis:
        lex = load_lexicon(p.language)
        parties = party_book()
        sh = shadow(p.text)
        mentions = parties.mentions(sh)
        dyad = parties.dyad_of(mentions)
        check()  # the time budget (E114) at every stage boundary, in whatever thread runs this
        published, basis, notes = self._published(p, lex, parties, sh, dyad)
        check()
        ctx = ArticleContext(p.text, sh, doc, lex, parties, self.gazetteer,
                             sentences_of(doc, p.captions), published, dyad, mentions,
                             country_hint=(p.item.country or "").upper() or None)
        check()
        ceasefires = extract_ceasefires(ctx)
        check()
        found = extract_incidents(ctx, ceasefires)
        check()
        # news the calibrated confidence puts at or above the threshold is shown; the rest is kept
        # aside with its context (a new incident below the threshold keeps context "new")
        shown = {i.id for i in found if i.context == "new" and i.confidence >= self.settings.min_confidence}
        incidents = [i for i in found if i.id in shown]
        others = tuple(i for i in found if i.id not in shown)
        ceasefires = [_with_scope_country(cf, incidents, parties) for cf in ceasefires]
        claims = extract_claims(ctx, incidents, ceasefires)
        check()
        incidents = claimed_perpetrators(incidents, claims)
        judgements = judge_all(incidents, ceasefires, claims)
        check()
        meta = ArticleMeta(p.item.id or article_id(p.item.text), p.language, p.score, published,
                           basis, p.item.source, len(p.text))
        warnings = [*p.item.warnings, *notes,
                    *(warning("W102", stated=cf.duration_stated_hours,
                              window=round((cf.end - cf.start).total_seconds() / 3600, 1))
                      for cf in ceasefires if cf.duration_consistent is False and cf.start and cf.end)]
        return Analysis(meta, tuple(ceasefires), tuple(incidents), tuple(claims),
                        tuple(judgements), tuple(warnings), self.components(p.language), others)

    def _published(self, p: _Prepared, lex: Any, parties: Any, sh: str,
                   dyad: tuple[str, ...]) -> tuple[date | None, PublishedBasis, list[str]]:
        if p.item.published is not None:
            basis = p.item.published_basis if p.item.published_basis != "unknown" else "given"
            return p.item.published, basis, []
        guessed, why = infer_published(lex, parties, sh, dyad)
        if guessed is None:
            return None, "unknown", [warning("W104")]
        return guessed, "inferred", [warning("W103", why=why)]

    def components(self, language: str) -> dict[str, str]:
        return {
            "trucewatch": __version__,
            "nlp": model_version(language),
            "lexicon": f"trucewatch.lexicon.{language}.v1",
            "gazetteer": f"trucewatch.gazetteer.geonames_cities500.v{GAZETTEER_VERSION}",
            "extract": "trucewatch.rules.v1",
            "judge": "trucewatch.judge.intervals.v1",
        }


def _defect(item: ArticleInput, exc: BaseException) -> Failure:
    why = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
    return Failure(item.id, item.source, InternalError("E901", source=item.source or item.id or "<text>", why=why))


def _with_scope_country(cf: Ceasefire, incidents: list[Any], parties: Any) -> Ceasefire:
    if cf.scope_country is not None:
        return cf
    country = dominant_country(incidents)
    if cf.zone_territory:  # its zone's country where most incidents are, else its zone's first
        zone = cf.zone_countries
        return dataclasses.replace(cf, scope_country=country if country in zone else zone[0])
    if country is None and cf.declared_by:
        country = parties.country(cf.declared_by) if cf.scope == "nationwide" else None
    return dataclasses.replace(cf, scope_country=country)
