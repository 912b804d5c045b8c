"""``trucewatch report``: the answer on one ceasefire of the registry, with its evidence.

:func:`make` assembles a :class:`TruceReport` from what the store holds: the registered truce
and its declarations, the stored judgements of events against it, every event (for the counts
before and after the window and for coverage) and the claims of the articles involved. It opens
with the verdict (:mod:`trucewatch.judge.truce`); :meth:`TruceReport.to_dict` is the JSON form,
a documented contract (``docs/reports.md``); :mod:`trucewatch.report.text` writes Markdown and
HTML and :mod:`trucewatch.report.figures` the map and timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from trucewatch.judge.truce import Answer, Timeline, answer
from trucewatch.records import Judgement, Span
from trucewatch.stored import Event, Registered, Source, StoredClaim

#: the JSON form's version: additive keys keep it, a changed or removed key raises it
REPORT_SCHEMA = "trucewatch-report/1"
_SHOWN = {"during", "uncertain"}


@dataclass(frozen=True)
class TruceReport:
    ceasefire: Registered
    answer: Answer
    rows: list[tuple[Event, Judgement]]  # during or straddling the window, not outside the zone
    elsewhere: list[tuple[Event, Judgement]]  # during or straddling the window, outside the zone
    untimed: list[tuple[Event, Judgement]]  # of no known time, in the zone's country
    before: int
    after: int
    claims: list[StoredClaim]

    @property
    def clock(self) -> tzinfo | None:
        """The truce's own clock: its stated or assumed zone, else the offset of its start."""
        cf = self.ceasefire.ceasefire
        try:
            return ZoneInfo(cf.timezone) if cf.timezone else (cf.start.tzinfo if cf.start else None)
        except (ZoneInfoNotFoundError, ValueError):
            return cf.start.tzinfo if cf.start else None

    def local(self, moment: datetime | None) -> str | None:
        """A time on the truce's clock, ISO 8601 with its offset."""
        if moment is None:
            return None
        return (moment.astimezone(self.clock) if self.clock else moment).isoformat()

    @property
    def counts(self) -> dict[str, int]:
        return {"during": sum(j.temporal == "during" for _, j in self.rows),
                "straddling": sum(j.temporal == "uncertain" for _, j in self.rows),
                "before": self.before, "after": self.after, "elsewhere": len(self.elsewhere),
                "time_unknown": len(self.untimed)}

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``docs/reports.md``)."""
        a = self.answer
        return {"schema": REPORT_SCHEMA, "ceasefire": self._truce(),
                "verdict": {"verdict": a.verdict, "reason": a.reason, "violations": a.violations, "killed": a.killed,
                            "perpetrators": a.perpetrators, "accusers": a.accusers,
                            "mutual_accusations": [list(p) for p in a.mutual]},
                "counts": self.counts, "incidents": [self._event(e, j) for e, j in self.rows],
                "elsewhere": [self._event(e, j) for e, j in self.elsewhere],
                "time_unknown": [self._event(e, j) for e, j in self.untimed],
                "claims": {party: [_claim(c) for c in said] for party, said in by_party(self.claims).items()}}

    def _truce(self) -> dict[str, Any]:
        reg = self.ceasefire
        cf = reg.ceasefire
        return {"id": reg.id, "declared_by": cf.declared_by, "kind": cf.kind, "start": self.local(cf.start),
                "start_latest": self.local(cf.start_latest),
                "end": self.local(cf.end), "open_ended": cf.end is None, "ended_early": self.local(cf.ended_early),
                "judged_until": self.local(reg.judged_end),
                "timezone": cf.timezone, "timezone_basis": cf.timezone_basis, "scope": cf.scope,
                "scope_country": cf.scope_country, "occasion": cf.occasion, "note": reg.note,
                "parties": list(cf.parties), "mediators": list(cf.mediators), "zone": cf.zone,
                "zone_territory": list(cf.zone_territory), "zone_countries": list(cf.zone_countries),
                "responses": [{"party": p, "stance": s} for p, s in reg.responses],
                "windows_stated": [{"start": self.local(a), "end": self.local(b), "articles": arts}
                                   for a, b, arts in reg.windows],
                "declarations": [_cited(d.article_id, d.published, d.source, d.ceasefire.evidence)
                                 for d in reg.declarations]}

    def _event(self, e: Event, j: Judgement) -> dict[str, Any]:
        best, p, t = e.best.incident, e.place, e.time
        return {"event_id": e.id, "verdict": j.verdict, "temporal": j.temporal, "spatial": j.spatial,
                "attribution": j.attribution, "place": p.name if p else None, "country": p.country if p else None,
                "admin1": p.admin1 if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
                "time_earliest": self.local(t.earliest if t else None),
                "time_latest": self.local(t.latest if t else None), "event_type": best.acled_event_type,
                "sub_event_type": best.acled_sub_event_type, "fatalities_low": e.fatalities_low,
                "fatalities_best": e.fatalities_best, "fatalities_high": e.fatalities_high,
                "perpetrator": best.perpetrator_claimed, "perpetrator_claimed_by": best.perpetrator_claimed_by,
                "sources": e.sources,
                "reports": [_cited(r.article_id, r.published, r.source, r.incident.evidence) for r in e.reports]}


def _cited(article: str, published: Any, source: Source, evidence: tuple[Span, ...]) -> dict[str, Any]:
    return {"article_id": article, "outlet": source.outlet, "title": source.title, "url": source.url,
            "path": source.path, "published": published.isoformat() if published else None,
            "quote": evidence[0].text if evidence else None}


def _claim(c: StoredClaim) -> dict[str, Any]:
    return {"kind": c.claim.kind, "target": c.claim.target, "about": list(c.claim.about),
            **_cited(c.article_id, c.published, c.source, c.claim.evidence)}


def by_party(claims: list[StoredClaim]) -> dict[str, list[StoredClaim]]:
    """Claims grouped by claimant (unknown claimants last), in the store's order."""
    out: dict[str, list[StoredClaim]] = {}
    for c in claims:
        out.setdefault(c.claim.claimant or "unknown", []).append(c)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == "unknown", kv[0])))


def chosen(registry: list[Registered], ceasefire: str | None) -> Registered | None:
    """The ceasefire ``ceasefire`` names; by default the truce most articles declare."""
    if not registry:
        return None
    if ceasefire:
        return next((r for r in registry if r.id == ceasefire), None)
    return max(registry, key=lambda r: (len(r.sources), r.ceasefire.start is not None))


def articles_of(reg: Registered, events: list[Event], judgements: list[Judgement]) -> set[str]:
    """The articles whose claims a report on ``reg`` quotes: its declarations' and those of the
    timed events during or straddling its window, not outside its zone."""
    by_id = {e.id: e for e in events}
    judged = {j.incident for j in judgements if j.ceasefire == reg.id and j.spatial != "outside"
              and j.temporal in _SHOWN and j.incident in by_id and by_id[j.incident].time is not None}
    return set(reg.sources) | {r.article_id for i in judged for r in by_id[i].reports}


def make(reg: Registered, events: list[Event], judgements: list[Judgement],
         claims: list[StoredClaim], timeline: Timeline | None = None) -> TruceReport:
    """The report on one registered ceasefire: the store's judgements of events against it,
    every event for the counts and coverage (or, given every event's ``timeline``, ``events``
    those judged), and the claims of the articles involved."""
    every = timeline if timeline is not None else Timeline.of(events)
    cf = reg.ceasefire
    by_id = {e.id: e for e in events}
    mine = [(by_id[j.incident], j) for j in judgements if j.ceasefire == reg.id and j.incident in by_id]
    mine.sort(key=lambda x: (x[0].time.earliest.timestamp() if x[0].time else float("inf"), x[0].id))
    timed = [(e, j) for e, j in mine if e.time is not None]
    shown = [(e, j) for e, j in timed if j.temporal in _SHOWN and j.spatial != "outside"]
    elsewhere = [(e, j) for e, j in timed if j.temporal in _SHOWN and j.spatial == "outside"]
    untimed = [(e, j) for e, j in mine if e.time is None and j.spatial != "outside"]
    before, after = every.before_after(cf.start, reg.judged_end) if cf.start else (0, 0)
    return TruceReport(reg, answer(reg, every, mine, claims), shown, elsewhere, untimed, before, after, claims)
