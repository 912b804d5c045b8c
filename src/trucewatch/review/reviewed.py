"""Reviews applied to the records themselves, so that what the API judges and reports follows the
analysts: an edited toll counts in a truce's verdict, an edited time or place is judged again
against every registered truce, and a rejected event is left out of the reports.

The machine's rows stay as they are: this runs on read, over the records the store yields.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from trucewatch.judge.judge import judge
from trucewatch.records import Judgement, Place, TimeInterval
from trucewatch.store.review import Review
from trucewatch.stored import Event, Registered

_TOLL = ("fatalities_low", "fatalities_best", "fatalities_high")
_WHEN = ("time_earliest", "time_latest")
_WHERE = ("place", "lat", "lon")
_WHAT = {"event_type": "acled_event_type", "sub_event_type": "acled_sub_event_type",
         "perpetrator": "perpetrator_claimed", "context": "context"}


def moves(review: Review | None) -> bool:
    """Whether the review changes where or when the event happened (so its judgements)."""
    return review is not None and any(k in review.values for k in (*_WHEN, *_WHERE))


def _time(e: Event, v: dict[str, Any]) -> TimeInterval | None:
    old = e.time
    lo = v.get("time_earliest") or (old.earliest.isoformat() if old else None)
    hi = v.get("time_latest") or (old.latest.isoformat() if old else None) or lo
    if lo is None or hi is None:
        return old
    start, end = datetime.fromisoformat(lo), datetime.fromisoformat(hi)
    return TimeInterval(start, max(start, end), "reviewed")


def _place(old: Place | None, v: dict[str, Any]) -> Place:
    base = old or Place(v.get("place") or "", None, None, None, None, 1, 1)
    lat, lon = (v["lat"], v["lon"]) if "lat" in v and "lon" in v else (base.lat, base.lon)
    # a reviewed place is the most precise there is: it stays the event's place
    return replace(base, name=v.get("place", base.name), lat=lat, lon=lon, geo_precision=1, where_prec=1)


def applied(e: Event, review: Review | None) -> Event | None:
    """The event as the review has it; None when the review rejects it."""
    if review is None:
        return e
    if review.status == "rejected":
        return None
    v = review.values
    best = e.best
    incident = best.incident
    changes = {field: v[key] for key, field in _WHAT.items() if key in v}
    if any(k in v for k in _WHERE):
        changes["place"] = _place(incident.place, v)
    if changes:
        incident = replace(incident, **changes)
    reports = tuple(replace(r, incident=incident) if r is best else r for r in e.reports)
    toll = {k: v[k] for k in _TOLL if k in v}
    time = _time(e, v) if any(k in v for k in _WHEN) else e.time
    return replace(e, reports=reports, time=time, **toll)


def rejudged(e: Event, registry: list[Registered]) -> list[Judgement]:
    """The event judged again against every registered truce (its time or place was reviewed),
    keeping what the store keeps: judgements during or straddling a window, and of an untimed
    event those not outside the zone."""
    who = e.facts.attribution
    out = [judge(reg.ceasefire, e.id, e.time, e.place, who, reg.zone, reg.horizon) for reg in registry]
    return [j for j in out if j.temporal == "during" or (j.temporal == "uncertain"
                                                         and (e.time is not None or j.spatial != "outside"))]


def judgements_of(events: list[Event], reviews: dict[str, Review], stored: list[Judgement],
                  registry: list[Registered]) -> dict[str, list[Judgement]]:
    """Each event's judgements, by event id: the stored ones, or, for an event whose time or
    place was reviewed, judged again; ``events`` are the reviewed ones (:func:`applied`)."""
    out: dict[str, list[Judgement]] = {}
    for j in stored:
        out.setdefault(j.incident, []).append(j)
    for e in events:
        if moves(reviews.get(e.id)):
            out[e.id] = rejudged(e, registry)
    return out

def machine_values(e: Event) -> dict[str, Any]:
    """The event's values as the machine derived them (the best-placed report's place and type)."""
    best, p, t = e.best.incident, e.place, e.time
    return {"event_type": best.acled_event_type, "sub_event_type": best.acled_sub_event_type,
            "place": p.name if p else None, "country": p.country if p else None,
            "admin1": p.admin1 if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "time_earliest": t.earliest.isoformat() if t else None, "time_latest": t.latest.isoformat() if t else None,
            "perpetrator": best.perpetrator_claimed, "fatalities_low": e.fatalities_low,
            "fatalities_best": e.fatalities_best, "fatalities_high": e.fatalities_high, "context": best.context}
