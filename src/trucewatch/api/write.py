"""The write endpoints: an analyst's review of an event (accept, reject, edit), its history,
and undo. Each needs a bearer token of role analyst or admin (none: 401, a reader's: 403);
each action is one revision row (:mod:`trucewatch.store.review`)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from trucewatch.api.app import PROBLEM, store
from trucewatch.api.read import CSV, Format, not_found
from trucewatch.api.shown import event_views
from trucewatch.errors import ConfigError, TrucewatchError
from trucewatch.store.db import Store
from trucewatch.store.review import Revision, Role, Token, check_token, history, record, record_group, revision, undo

router = APIRouter(prefix="/api", responses={401: {"content": {PROBLEM: {}}}, 403: {"content": {PROBLEM: {}}},
                                             404: {"content": {PROBLEM: {}}}, 422: {"content": {PROBLEM: {}}}})
StoreDep = Annotated[Store, Depends(store)]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("a NUL character is not valid text")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


def token(s: StoreDep, authorization: Annotated[str | None, Header()] = None) -> Token:
    scheme, _, bearer = (authorization or "").partition(" ")
    found = check_token(s.conn, bearer.strip()) if scheme.lower() == "bearer" else None
    if found is None:
        raise ConfigError("E305")
    return found


def analyst(t: Annotated[Token, Depends(token)]) -> Token:
    return _role(t, "analyst", "review events")


def _role(t: Token, needed: Role, what: str) -> Token:
    if not t.may(needed):
        raise ConfigError("E306", role=t.role, what=what, needs=needed)
    return t


class Edit(BaseModel):
    """The fields an analyst may correct; those left out keep their value."""

    model_config = ConfigDict(extra="forbid")
    event_type: Text | None = Field(None, max_length=100)
    sub_event_type: Text | None = Field(None, max_length=100)
    place: Text | None = Field(None, max_length=200)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    time_earliest: Text | None = None
    time_latest: Text | None = None
    perpetrator: Text | None = Field(None, max_length=200)
    fatalities_low: int | None = Field(None, ge=0, le=1_000_000)
    fatalities_best: int | None = Field(None, ge=0, le=1_000_000)
    fatalities_high: int | None = Field(None, ge=0, le=1_000_000)
    context: Literal["new", "recap", "historical", "hypothetical", "statement"] | None = None

    @field_validator("time_earliest", "time_latest")
    @classmethod
    def _aware(cls, value: str | None) -> str | None:
        if value is None:
            return None
        moment = datetime.fromisoformat(value)  # a ValueError is a 422 naming the field
        if moment.utcoffset() is None:
            raise ValueError("a time needs its UTC offset, e.g. 2025-05-08T06:00:00+03:00")
        return moment.isoformat()


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["accept", "reject", "edit"]
    reason: Text = Field(min_length=1, max_length=2000)
    values: Edit | None = None


class TruceEdit(BaseModel):
    """What an analyst may correct of a ceasefire: its window, its zone, its parties."""

    model_config = ConfigDict(extra="forbid")
    start: Text | None = None
    end: Text | None = None
    declared_by: Text | None = Field(None, max_length=200)
    scope: Text | None = Field(None, max_length=200, description="the zone: a region or place named, or a line")
    scope_country: Text | None = Field(None, min_length=2, max_length=2, description="ISO 3166-1 alpha-2")

    @field_validator("start", "end")
    @classmethod
    def _aware(cls, value: str | None) -> str | None:
        return Edit._aware(value)


class UndoIn(BaseModel):
    """An action with its reason (every revision says why); the base of the other actions."""

    model_config = ConfigDict(extra="forbid")
    reason: Text = Field(min_length=1, max_length=2000)


class TruceIn(UndoIn):
    values: TruceEdit


class MergeIn(UndoIn):
    events: list[Text] = Field(min_length=1, max_length=100, description="the events merged into this one")


class ReportKey(BaseModel):
    model_config = ConfigDict(extra="forbid")
    article_id: Text = Field(max_length=200)
    incident: Text = Field(max_length=200)


class SplitIn(UndoIn):
    reports: list[ReportKey] = Field(min_length=1, max_length=1000, description="the reports split into a new event")


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    low, best, high = (values.get(k) for k in ("fatalities_low", "fatalities_best", "fatalities_high"))
    given = [v for v in (low, best, high) if v is not None]
    if given != sorted(given):
        raise ConfigError("E302", what="values.fatalities_best", value=given, why="low <= best <= high")
    if (values.get("lat") is None) != (values.get("lon") is None):
        raise ConfigError("E302", what="values.lat", value=values.get("lat"), why="give lat and lon together")
    return values


def _revision(r: Revision) -> dict[str, Any]:
    return asdict(r)


@router.post("/events/{event_id}/review", status_code=201, summary="Accept, reject or edit an event (analyst+)")
def review(event_id: str, body: ReviewIn, s: StoreDep, who: Annotated[Token, Depends(analyst)]) -> dict[str, Any]:
    if not event_views(s, [event_id]):
        raise not_found("event", event_id)
    values: dict[str, Any] = {}
    if body.action == "edit":
        values = _checked(body.values.model_dump(exclude_none=True) if body.values else {})
        if not values:
            raise ConfigError("E302", what="values", value=None, why="an edit names at least one field")
    rev = record(s.conn, event_id, body.action, who, body.reason, values)
    return {"revision": _revision(rev), "event": event_views(s, [event_id])[0].summary()}


REVISION_COLUMNS = ("id", "event_id", "action", "who", "role", "at", "why", "undoes", "undone_by")


def _history(revs: list[Revision], format: str, name: str, body: dict[str, Any]) -> Response:
    if format == "csv":
        from trucewatch.api.read import csv_response

        return csv_response(REVISION_COLUMNS, [_revision(r) for r in revs], name)
    return JSONResponse({**body, "revisions": [_revision(r) for r in revs]})


@router.get("/events/{event_id}/history", summary="Every revision of an event, oldest first", responses=CSV)
def event_history(event_id: str, s: StoreDep, format: Format = "json") -> Response:
    revs = history(s.conn, event_id)
    if not revs and not event_views(s, [event_id]):
        raise not_found("event", event_id)
    return _history(revs, format, "history", {"event_id": event_id})


@router.post("/revisions/{revision_id}/undo", status_code=201, summary="Undo a revision (analyst+)")
def undo_revision(revision_id: str, body: UndoIn, s: StoreDep,
                  who: Annotated[Token, Depends(analyst)]) -> dict[str, Any]:
    target = revision(s.conn, revision_id)
    if target is None:
        raise not_found("revision", revision_id)
    rev = undo(s.conn, revision_id, who, body.reason)
    if rev is None:
        raise TrucewatchError("E307", what=f"revision {revision_id}", why="it is an undo, or already undone")
    found = event_views(s, [target.event_id])
    return {"revision": _revision(rev), "event": found[0].summary() if found else None}


@router.post("/ceasefires/{ceasefire}/review", status_code=201,
             summary="Correct a ceasefire's window, zone or parties (analyst+)")
def correct_ceasefire(ceasefire: str, body: TruceIn, s: StoreDep,
                      who: Annotated[Token, Depends(analyst)]) -> dict[str, Any]:
    from trucewatch.api.read import _registered, truce_report
    from trucewatch.review.truces import key

    _registered(s, ceasefire)
    values = body.values.model_dump(exclude_none=True)
    if not values:
        raise ConfigError("E302", what="values", value=None, why="a correction names at least one field")
    if "scope_country" in values:
        values["scope_country"] = values["scope_country"].upper()
    start, end = values.get("start"), values.get("end")
    if start and end and datetime.fromisoformat(end) <= datetime.fromisoformat(start):
        raise ConfigError("E302", what="values.end", value=end, why="the end comes after the start")
    rev = record(s.conn, key(ceasefire), "edit", who, body.reason, values)
    d = truce_report(s, _registered(s, ceasefire)).to_dict()
    return {"revision": _revision(rev), "ceasefire": {**d["ceasefire"], "verdict": d["verdict"], "counts": d["counts"]}}


@router.get("/ceasefires/{ceasefire}/history", summary="Every correction of a ceasefire, oldest first",
            responses=CSV)
def ceasefire_history(ceasefire: str, s: StoreDep, format: Format = "json") -> Response:
    from trucewatch.api.read import _registered
    from trucewatch.review.truces import key

    _registered(s, ceasefire)
    return _history(history(s.conn, key(ceasefire)), format, "corrections", {"ceasefire": ceasefire})


@router.post("/events/{event_id}/merge", status_code=201, summary="Merge other events into this one (analyst+)")
def merge_events(event_id: str, body: MergeIn, s: StoreDep, who: Annotated[Token, Depends(analyst)]) -> dict[str, Any]:
    others = sorted(set(body.events) - {event_id})
    found = {v.id: v.event for v in event_views(s, [event_id, *others])}
    for eid in (event_id, *others):
        if eid not in found:
            raise not_found("event", eid)
    if not others:
        raise ConfigError("E302", what="events", value=body.events, why="name at least one other event")
    keys = [list(r.key) for eid in others for r in found[eid].reports]
    rev = record_group(s.conn, event_id, "merge", who, body.reason, {"merged": {"events": others, "reports": keys}},
                       [(eid, {"into": event_id}) for eid in others])
    return {"revision": _revision(rev), "event": event_views(s, [event_id])[0].detail()}


@router.post("/events/{event_id}/split", status_code=201, summary="Split reports out into a new event (analyst+)")
def split_event(event_id: str, body: SplitIn, s: StoreDep, who: Annotated[Token, Depends(analyst)]) -> dict[str, Any]:
    from trucewatch.review.grouping import split_plan

    found = event_views(s, [event_id])
    if not found:
        raise not_found("event", event_id)
    have = {r.key for r in found[0].event.reports}
    moved = [(k.article_id, k.incident) for k in body.reports]
    if not set(moved) <= have or set(moved) == have:
        raise ConfigError("E302", what="reports", value=[list(k) for k in moved],
                          why="some, not all, of the event's own reports (article_id, incident)")
    part, new_id = split_plan(found[0].event, moved)
    after = {"split": {"reports": [list(k) for k in part], "new_id": new_id}}
    rev = record_group(s.conn, event_id, "split", who, body.reason, after, [(new_id, {"from": event_id})])
    shown = {v.id: v.summary() for v in event_views(s, [event_id, new_id])}
    return {"revision": _revision(rev), "event": shown.get(event_id), "new_event": shown.get(new_id)}
