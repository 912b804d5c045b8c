"""Records of what the store holds and what is derived from it: where an article came from, a
report (one incident as one article tells it), a corroborated event (the reports of one incident
across articles), a ceasefire declaration as one article states it, and a registered ceasefire
(the declarations of one truce, merged).

These sit beside :mod:`trucewatch.records` (the pipeline's records) and below every stage that
reads the store: corroboration, the registry, judgements, reports and exports pass them, never
loose dicts. :mod:`trucewatch.store.db` reads them back from its tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Protocol, cast

from trucewatch.records import Analysis, Attribution, Ceasefire, Claim, Incident, Place, Span, Spatial, TimeInterval


@dataclass(frozen=True)
class Source:
    """Where an article came from: the file or feed it was read from, and its metadata."""

    path: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    def label(self, fallback: str) -> str:
        """How a report names the article: its outlet, else its title, else its path."""
        return self.outlet or self.title or self.path or fallback


@dataclass(frozen=True)
class Report:
    """One incident as one article reports it."""

    incident: Incident
    article_id: str
    published: date | None
    language: str | None
    source: Source
    #: whether the article's claims agree on who did it (its judgements' attribution)
    attribution: str = "unknown"

    @property
    def key(self) -> tuple[str, str]:
        return self.article_id, self.incident.id

    @property
    def id(self) -> str:
        return f"{self.article_id}-{self.incident.id}"

    @property
    def order(self) -> tuple[bool, str, str, int, str]:
        """The store's order: by publication date (undated last), article, then the incident's
        place in its article (i2 before i10). Corroboration is order-sensitive only through
        ties; giving it reports in this order makes every rebuild, whole or partial, agree."""
        day = self.published.isoformat() if self.published else ""
        return self.published is None, day, self.article_id, len(self.incident.id), self.incident.id


def best_placed(reports: tuple[Report, ...] | list[Report]) -> Report:
    """The report that places an incident most precisely (ACLED's precision 1 first), with
    coordinates: the event's place. Ties go to the first in the store's order."""
    def key(r: Report) -> tuple[int, bool]:
        p = r.incident.place
        return (p.geo_precision or 9) if p else 9, (p is None or p.lat is None)

    return min(reports, key=key)


_CONTESTED_FIRST = {"contested": 0, "uncontested": 1, "unknown": 2}


def event_attribution(values: Iterable[str]) -> Attribution:
    """One event's attribution from its reports': contested if any report finds it contested."""
    return cast(Attribution, min(values, key=lambda v: _CONTESTED_FIRST.get(v, 3), default="unknown"))


@dataclass(frozen=True)
class EventFacts:
    """What judging an event against a ceasefire reads: its time, place and attribution."""

    id: str
    time: TimeInterval | None
    place: Place | None
    attribution: Attribution


@dataclass(frozen=True)
class Event:
    """Reports of one incident corroborated across articles (one report for most): the best-
    placed report gives place and type; time, toll and sources are the reports' together."""

    id: str
    reports: tuple[Report, ...]
    sources: int  # independent sources: reprints of one wire story count once
    time: TimeInterval | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    disagreements: tuple[str, ...] = ()
    #: the evidence a row of the event quotes: the first sentence of each report
    evidence: tuple[Span, ...] = ()

    @cached_property
    def best(self) -> Report:
        return best_placed(self.reports)

    @property
    def place(self) -> Place | None:
        return self.best.incident.place

    @property
    def facts(self) -> EventFacts:
        return EventFacts(self.id, self.time, self.place, event_attribution(r.attribution for r in self.reports))

    @property
    def outlets(self) -> list[str]:
        return sorted({r.source.outlet or r.source.path or "" for r in self.reports} - {""})

    @classmethod
    def single(cls, report: Report) -> Event:
        """A report outside any event, as an event of its own (an export row per report)."""
        i = report.incident
        return cls(report.id, (report,), 1, i.time, i.fatalities_low, None, i.fatalities_high, (), i.evidence)


@dataclass(frozen=True)
class Declaration:
    """A ceasefire as one article declares or mentions it."""

    ceasefire: Ceasefire
    article_id: str
    published: date | None
    source: Source = Source()


@dataclass(frozen=True)
class StoredClaim:
    """A claim (an accusation, a denial, a rejection) as one article reports it."""

    claim: Claim
    article_id: str
    published: date | None
    source: Source = Source()


class Zone(Protocol):
    """A user-drawn zone (:class:`trucewatch.registry.user.Zone`): it replaces the test of the
    ceasefire's country and scope."""

    def contains(self, place: Place | None) -> Spatial: ...


@dataclass(frozen=True)
class Registered:
    """One truce of the registry: its declarations, and the ceasefire they settle on (the window
    most of them state, the declarer and zone most name); ``ceasefire.id`` is the registry id."""

    ceasefire: Ceasefire
    declarations: tuple[Declaration, ...] = ()
    zone: Zone | None = None
    note: str | None = None
    #: for an open-ended truce, the end of what is judged against it: a while after the last
    #: article that reports it (None: no limit, as for a user's own truce)
    horizon: datetime | None = None

    @property
    def judged_end(self) -> datetime | None:
        """The end of the window events are judged against: an early end, the stated end, or
        the horizon of an open-ended truce."""
        cf = self.ceasefire
        return cf.ended_early or cf.end or self.horizon

    @property
    def id(self) -> str:
        return self.ceasefire.id

    @property
    def sources(self) -> list[str]:
        return sorted({d.article_id for d in self.declarations})

    @property
    def windows(self) -> list[tuple[datetime | None, datetime | None, list[str]]]:
        """Every window its dated declarations state, with the articles stating it (several
        entries: the declarations disagree; the settled window is the one most state). One
        instant written on two clocks ("23.00 Uhr MESZ", "midnight Moscow time") is one window."""
        out: dict[tuple[float, float | None], tuple[datetime | None, datetime | None, set[str]]] = {}
        for d in self.declarations:
            cf = d.ceasefire
            if cf.start is None:
                continue
            key = (cf.start.timestamp(), cf.end.timestamp() if cf.end else None)
            out.setdefault(key, (cf.start, cf.end, set()))[2].add(d.article_id)
        return [(start, end, sorted(arts)) for start, end, arts in out.values()]

    @property
    def responses(self) -> list[tuple[str, str]]:
        return sorted({(r.party, r.stance) for d in self.declarations for r in d.ceasefire.responses})


@dataclass(frozen=True)
class StoredArticle:
    """An analysed article as the store holds it: its analysis and where it came from."""

    analysis: Analysis
    source: Source

    def reports(self) -> Iterator[Report]:
        """Its incidents (the news ones; recaps and history stay in ``other_incidents``)."""
        a = self.analysis
        said = {j.incident: j.attribution for j in a.judgements}
        for inc in a.incidents:
            yield Report(inc, a.article.id, a.article.published, a.article.language, self.source,
                         said.get(inc.id, "unknown"))

    def declarations(self) -> Iterator[Declaration]:
        for cf in self.analysis.ceasefires:
            yield Declaration(cf, self.analysis.article.id, self.analysis.article.published, self.source)


def evidence_text(spans: tuple[Span, ...], limit: int = 2000) -> str:
    """Evidence sentences as one text, at most ``limit`` characters."""
    return " ".join(s.text for s in spans)[:limit]
