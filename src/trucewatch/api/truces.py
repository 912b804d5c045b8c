"""Add a ceasefire through the API (``POST /api/ceasefires``, analyst or admin): a user's truce
with its declarer, parties, window and zone, as ``trucewatch ceasefire add`` takes one, stored
in the store as a revision (who, when, why; undo through ``POST /api/revisions/{id}/undo``) and
from then on listed, judged and reported with the others (:mod:`trucewatch.review.truces`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from trucewatch.api.app import PROBLEM
from trucewatch.api.write import Edit, StoreDep, Text, _revision, _role, token
from trucewatch.store.review import Token

router = APIRouter(prefix="/api", responses={401: {"content": {PROBLEM: {}}}, 403: {"content": {PROBLEM: {}}},
                                             422: {"content": {PROBLEM: {}}}})


def adder(t: Annotated[Token, Depends(token)]) -> Token:
    return _role(t, "analyst", "add ceasefires")


GeoJSON = Annotated[dict[str, Any], Field(description="a GeoJSON geometry, Feature or FeatureCollection (degrees)")]


class ZoneIn(BaseModel):
    """Where the truce holds: a country (and an admin-1 region of it), polygons, or a buffer
    around a line of contact; one of the three."""

    model_config = ConfigDict(extra="forbid")
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")
    region: Text | None = Field(None, min_length=1, max_length=200, description="an admin-1 region of the country")
    geojson: GeoJSON | None = Field(None, description="the zone's polygons")
    line: GeoJSON | None = Field(None, description="a line of contact: the zone is a buffer around it")
    buffer_km: float = Field(10.0, gt=0, le=500, description="with line: the buffer's width on each side")

    @model_validator(mode="after")
    def _one(self) -> ZoneIn:
        if self.geojson is not None and self.line is not None:
            raise ValueError("give geojson or line, not both")
        if self.geojson is None and self.line is None and not self.country:
            raise ValueError("give a country (and a region), geojson polygons or a line")
        if self.region and not self.country:
            raise ValueError("a region needs its country")
        return self

    def entry(self) -> dict[str, Any]:
        """The zone as the YAML registry writes it."""
        out: dict[str, Any] = {"country": self.country.upper()} if self.country else {}
        if self.region:
            out["region"] = self.region
        if self.geojson is not None:
            out["geojson"] = self.geojson
        if self.line is not None:
            out.update(line=self.line, buffer_km=self.buffer_km)
        return out


class CeasefireIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    declared_by: Text | None = Field(None, min_length=1, max_length=200, description="the party that declared it")
    parties: list[Annotated[Text, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=20, description="the sides bound by it")
    start: Text = Field(description="ISO 8601 with its UTC offset, e.g. 2023-01-06T12:00:00+03:00")
    end: Text | None = Field(None, description="ISO 8601 with its offset; none: open-ended")
    zone: ZoneIn
    note: Text | None = Field(None, max_length=2000, description="where the declaration comes from")
    reason: Text = Field(min_length=1, max_length=2000, description="why it is added (kept in its history)")

    @field_validator("start", "end")
    @classmethod
    def _aware(cls, value: str | None) -> str | None:
        return Edit._aware(value)

    @model_validator(mode="after")
    def _ordered(self) -> CeasefireIn:
        if self.end is not None and datetime.fromisoformat(self.end) <= datetime.fromisoformat(self.start):
            raise ValueError("the end comes after the start")
        return self

    def entry(self) -> dict[str, Any]:
        """The ceasefire as the YAML registry writes one (``trucewatch ceasefire add``)."""
        out = {"declared_by": self.declared_by, "parties": self.parties or None, "start": self.start,
               "end": self.end, "zone": self.zone.entry(), "note": self.note}
        return {k: v for k, v in out.items() if v is not None}


@router.post("/ceasefires", status_code=201, summary="Add a ceasefire: declarer, parties, window, zone (analyst+)")
def add_ceasefire(body: CeasefireIn, s: StoreDep, who: Annotated[Token, Depends(adder)]) -> dict[str, Any]:
    from trucewatch.api.read import _registered, truce_report
    from trucewatch.review.truces import add

    new_id, rev = add(s.conn, body.entry(), who, body.reason)  # a zone the judge cannot use: E302, a 422
    d = truce_report(s, _registered(s, new_id)).to_dict()
    return {"revision": _revision(rev), "ceasefire": {**d["ceasefire"], "verdict": d["verdict"], "counts": d["counts"]}}
