"""The events endpoint's filters, its cursor and its three forms (JSON, GeoJSON, CSV).

Filters apply to the values the API shows (reviewed values over the machine's): they run in SQL
over the unreviewed events (:mod:`.listing`) and, as :meth:`EventFilter.keeps`, over the few
reviewed ones, so a reviewed place or time is found where the analyst put it. The cursor is the
(time, id) of the last event of a page, opaque (URL-safe base64 of JSON).
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

from trucewatch.api.views import EventView, in_window
from trucewatch.errors import ConfigError

Verdict = Literal["violation_reported", "violation_contested", "time_uncertain", "zone_unknown", "outside_zone",
                  "outside_window"]
VERDICTS: tuple[str, ...] = get_args(Verdict)
#: PLOVER's contexts of an incident (records.Incident.context)
Context = Literal["new", "recap", "historical", "hypothetical", "statement"]


def bad(parameter: str, value: object, why: str) -> ConfigError:
    """A bad filter: E302 naming the parameter (the API answers it with a 422)."""
    return ConfigError("E302", what=parameter, value=value, why=why)


def parse_time(parameter: str, value: str | None) -> float | None:
    if value is None or value == "":
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise bad(parameter, value, "an ISO 8601 date or time, e.g. 2025-05-08 or 2025-05-08T00:00:00+03:00") from exc
    if moment.tzinfo is None:  # a bare date or time is read as UTC
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise bad("bbox", value, "four numbers: west,south,east,north (longitudes and latitudes)") from exc
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise bad("bbox", value, "longitudes in [-180, 180], latitudes in [-90, 90], south <= north")
    return west, south, east, north


@dataclass(frozen=True)
class EventFilter:
    start: float | None = None
    end: float | None = None
    bbox: tuple[float, float, float, float] | None = None
    event_type: str | None = None
    country: str | None = None
    verdict: str | None = None
    ceasefire: str | None = None
    language: str | None = None
    min_confidence: float | None = None
    party: str | None = None  # the stated perpetrator, any case
    context: str | None = None

    def keeps(self, v: EventView) -> bool:
        return all(test(v) for test in (self._when, self._where, self._what, self._judged, self._said, self._who))

    def _who(self, v: EventView) -> bool:
        if self.party and (v.values.get("perpetrator") or "").lower() != self.party.lower():
            return False
        return self.context is None or v.values.get("context") == self.context

    def _when(self, v: EventView) -> bool:
        lo = _seconds(v.values.get("time_earliest"))
        hi = _seconds(v.values.get("time_latest"))
        if self.start is not None and (hi is None or hi < self.start):
            return False
        return self.end is None or (lo is not None and lo <= self.end)

    def _where(self, v: EventView) -> bool:
        if self.country and (v.values.get("country") or "").upper() != self.country.upper():
            return False
        if self.bbox is None:
            return True
        lat, lon = v.values.get("lat"), v.values.get("lon")
        if lat is None or lon is None:
            return False
        west, south, east, north = self.bbox
        inside_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)  # across 180
        return bool(inside_lon and south <= lat <= north)

    def _what(self, v: EventView) -> bool:
        return self.event_type is None or (v.values.get("event_type") or "").lower() == self.event_type.lower()

    def _judged(self, v: EventView) -> bool:
        if self.ceasefire is not None and not in_window(v, self.ceasefire):
            return False
        if self.verdict is None:
            return True
        js = [j for j in v.judgements if self.ceasefire is None or j.ceasefire == self.ceasefire]
        return any(j.verdict == self.verdict for j in js)

    def _said(self, v: EventView) -> bool:
        if self.language and self.language.lower() not in v.languages:
            return False
        return self.min_confidence is None or v.confidence >= self.min_confidence


def _seconds(value: Any) -> float | None:
    try:
        return datetime.fromisoformat(value).timestamp() if value else None
    except (TypeError, ValueError):
        return None


def encode_key(t: float, i: str, total: int | None = None) -> str:
    """The cursor after the event whose (sort time, id) is (t, i) (undated events sort last),
    carrying the first page's total so later pages need not count again."""
    from trucewatch.store.search import UNDATED

    raw = json.dumps([None if t in (float("inf"), UNDATED) else t, i, total]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[float, str, int | None] | None:
    if not cursor:
        return None
    try:
        t, i, *rest = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        total = int(rest[0]) if rest and rest[0] is not None else None
        return (float("inf") if t is None else float(t)), str(i), total
    except (binascii.Error, ValueError, TypeError, OverflowError) as exc:
        raise bad("cursor", cursor, "a cursor is the next_cursor of a previous page, as given") from exc


#: a map point's properties (``properties=map``): what a marker's colour and popup need; the
#: whole event is one request away, at ``/api/events/{id}``
MAP_PROPERTIES = ("event_type", "place", "time_earliest", "fatalities_best", "confidence", "violation", "reviewed")


def geojson(summaries: list[dict[str, Any]], compact: bool = False) -> dict[str, Any]:
    """Events (their summaries) with coordinates as GeoJSON points ([lon, lat], RFC 7946); each
    point's properties the summary, or (``compact``, the map's) :data:`MAP_PROPERTIES` alone,
    with coordinates to 6 decimals (RFC 7946 11.2: about 10 cm)."""
    feats = []
    for s in summaries:
        lat, lon = s.get("lat"), s.get("lon")
        if lat is None or lon is None:
            continue
        if compact:
            point = {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
            props = {k: s.get(k) for k in MAP_PROPERTIES}
        else:
            point, props = {"type": "Point", "coordinates": [lon, lat]}, s
        feats.append({"type": "Feature", "id": s["event_id"], "geometry": point, "properties": props})
    out: dict[str, Any] = {"type": "FeatureCollection", "features": feats}
    if compact:
        out["event_url"] = "/api/events/{id}"
    return out


CSV_COLUMNS = ("event_id", "time_earliest", "time_latest", "place", "country", "admin1", "lat", "lon", "event_type",
               "sub_event_type", "perpetrator", "fatalities_low", "fatalities_best", "fatalities_high", "context",
               "confidence", "sources", "outlets", "languages", "verdicts", "reviewed", "review_status",
               "reviewer_role")


def safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a leading
    apostrophe, unless it is a number (-3, +1.5)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def table_csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    """Any list as CSV: these columns, in order; lists joined with "; ", formula cells neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([safe_cell("; ".join(map(str, v)) if isinstance(v, list | tuple) else v)
                    for v in (r.get(c) for c in columns)])
    return buf.getvalue()


def to_csv(summaries: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for s in summaries:
        s = dict(s)
        s["outlets"] = "; ".join(s["outlets"])
        s["languages"] = "; ".join(s["languages"])
        s["verdicts"] = "; ".join(f"{j['ceasefire']}:{j['verdict']}" for j in s["verdicts"])
        w.writerow([safe_cell(s.get(c)) for c in CSV_COLUMNS])
    return buf.getvalue()
