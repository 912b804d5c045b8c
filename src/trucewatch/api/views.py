"""What the API shows of an event: the machine's values with the analysts' reviewed values
applied on read (:class:`EventView`), the judgements of it against each truce, and, for one
event, every report and the fields on which the reports disagree. JSON only in ``to_dict``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from trucewatch.records import Judgement
from trucewatch.review.reviewed import machine_values
from trucewatch.store.review import Review
from trucewatch.stored import Event, Report

_VIOLATIONS = {"violation_reported", "violation_contested"}
_IN_WINDOW = {"during", "uncertain"}




@dataclass(frozen=True)
class EventView:
    event: Event
    judgements: tuple[Judgement, ...] = ()
    review: Review | None = None

    @property
    def id(self) -> str:
        return self.event.id

    @cached_property
    def machine(self) -> dict[str, Any]:
        return machine_values(self.event)

    @cached_property
    def values(self) -> dict[str, Any]:
        """Reviewed values win over the machine's."""
        return {**self.machine, **(self.review.values if self.review else {})}

    @property
    def confidence(self) -> float:
        return max((r.incident.confidence for r in self.event.reports), default=0.0)

    @property
    def languages(self) -> set[str]:
        return {r.language for r in self.event.reports if r.language}

    @property
    def toll(self) -> int:
        v = self.values
        return int(v.get("fatalities_best") or v.get("fatalities_high") or v.get("fatalities_low") or 0)

    @property
    def contested(self) -> bool:
        return self.event.facts.attribution == "contested" or any(
            j.verdict == "violation_contested" for j in self.judgements)

    @property
    def in_window(self) -> bool:
        return any(j.temporal == "during" for j in self.judgements)

    @property
    def sort_time(self) -> float:
        t = self.values.get("time_earliest")
        try:
            return datetime.fromisoformat(t).timestamp() if t else float("inf")
        except ValueError:
            return float("inf")

    def judged(self, ceasefire: str) -> Judgement | None:
        return next((j for j in self.judgements if j.ceasefire == ceasefire), None)

    def summary(self) -> dict[str, Any]:
        r = self.review
        return {"event_id": self.id, **self.values, "confidence": round(self.confidence, 3),
                "sources": self.event.sources, "reports": len(self.event.reports), "outlets": self.event.outlets,
                "languages": sorted(self.languages), "attribution": self.event.facts.attribution,
                "verdicts": [{"ceasefire": j.ceasefire, "verdict": j.verdict, "temporal": j.temporal,
                              "spatial": j.spatial} for j in self.judgements],
                "violation": any(j.verdict in _VIOLATIONS for j in self.judgements),
                "reviewed": r is not None, "review_status": r.status if r else None,
                "reviewer_role": r.role if r else None, "reviewed_by": r.by if r else None,
                "reviewed_fields": sorted(r.values) if r else [],
                "machine": {k: self.machine.get(k) for k in (r.values if r else {})}}

    def detail(self) -> dict[str, Any]:
        return {**self.summary(), "disagreements": disagreements(self.event),
                "reports_detail": [report_dict(rep) for rep in self.event.reports]}


def report_dict(rep: Report) -> dict[str, Any]:
    """One article's report of the event: where it comes from, its evidence and its fields."""
    i, s = rep.incident, rep.source
    fields = i.to_dict()
    return {"report_id": rep.id, "article_id": rep.article_id, "incident": i.id, "outlet": s.outlet,
            "title": s.title, "url": s.url, "path": s.path, "language": rep.language,
            "published": rep.published.isoformat() if rep.published else None,
            "evidence": [e.to_dict() for e in i.evidence], "confidence": i.confidence, "context": i.context,
            "evidence_kind": i.evidence_kind, "attribution": rep.attribution,
            "fields": {k: v for k, v in fields.items() if k not in {"evidence", "id"}}}


_COMPARED = ("acled_event_type", "acled_sub_event_type", "place", "country", "time_earliest", "time_latest",
             "perpetrator_claimed", "fatalities_low", "fatalities_high", "injured_low", "injured_high")


def disagreements(e: Event) -> list[dict[str, Any]]:
    """The fields on which the event's reports state different values, each with who says what
    (the corroboration's own list of disagreements first)."""
    out: list[dict[str, Any]] = []
    for name in _COMPARED:
        said: dict[str, list[str]] = {}
        for rep in e.reports:
            value = rep.incident.to_dict().get(name)
            if value is not None:
                said.setdefault(str(value), []).append(rep.article_id)
        if len(said) > 1:
            out.append({"field": name, "values": [{"value": v, "articles": a} for v, a in said.items()]})
    known = {d["field"] for d in out}
    out += [{"field": d, "values": []} for d in e.disagreements if d not in known]
    return out


def priority(v: EventView) -> tuple[float, float, str]:
    """The review queue's order: low confidence, high toll, inside a truce window, contested,
    as one score (each term 0..1, summed; highest first), then time and id."""
    score = (1 - min(v.confidence, 1.0)) + min(v.toll, 50) / 50 + float(v.in_window) + float(v.contested)
    return -score, v.sort_time, v.id


def in_window(v: EventView, ceasefire: str) -> bool:
    j = v.judged(ceasefire)
    return j is not None and j.temporal in _IN_WINDOW
