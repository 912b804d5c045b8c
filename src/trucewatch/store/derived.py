"""The store's derived tables, read and written as typed records: reports (incidents with their
article), corroborated events, the ceasefire registry and the judgements of events against it.

A rebuild writes a :class:`Change` in one transaction: the events it replaces and the ones it
makes, the registry when it changed, and the judgements of what it touched. A report that no
event holds yet is *pending*: that is the marker of what a rebuild still owes, so a run killed
mid-rebuild leaves the pending reports pending and the next rebuild picks them up.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from trucewatch.records import Judgement
from trucewatch.store.backend import Connection
from trucewatch.store.changes import log, replaced
from trucewatch.store.generation import bump
from trucewatch.store.rows import (
    EVENT_COLUMNS,
    FACT_COLUMNS,
    REPORT_COLUMNS,
    REPORTS_FROM,
    claim_of,
    declaration_of,
    event_of,
    facts_of,
    registered_of,
    report_of,
    seconds,
)
from trucewatch.store.search import search_values
from trucewatch.stored import Declaration, Event, EventFacts, Registered, Report, StoredClaim

_CHUNK = 400  # ids per IN (...) list


@dataclass
class Change:
    """What one rebuild changes; applied in one transaction by :meth:`DerivedTables.apply`."""

    components: dict[str, str]
    removed_events: list[str] = field(default_factory=list)  # their reports, judgements go too
    events: list[Event] = field(default_factory=list)
    registry: list[Registered] | None = None  # None: unchanged
    rejudged: list[str] = field(default_factory=list)  # ceasefires whose judgements are all replaced
    verdicts: list[Judgement] = field(default_factory=list)
    full: bool = False  # every derived row is replaced


def _chunks(ids: list[str]) -> Iterator[tuple[list[str], str]]:
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


class DerivedTables:
    conn: Connection

    # ------------------------------------------------------------------ reports

    def _reports(self, where: str = "", params: tuple[Any, ...] = ()) -> list[Report]:
        rows = self.conn.execute(f"SELECT {', '.join(REPORT_COLUMNS)} {REPORTS_FROM} {where}", params)
        return sorted((report_of(tuple(r)) for r in rows), key=lambda r: r.order)

    def reports(self) -> list[Report]:
        """Every stored report, in the store's order (:attr:`Report.order`)."""
        return self._reports()

    def pending_reports(self) -> list[Report]:
        """Reports no event holds yet: what the next rebuild must corroborate."""
        return self._reports("WHERE NOT EXISTS (SELECT 1 FROM event_reports e WHERE e.article_id = r.article_id "
                             "AND e.incident = r.incident)")

    def reports_near(self, country: str, start: float, end: float, width: float) -> list[Report]:
        """Reports of ``country`` whose interval, at most ``width`` seconds wide, meets [start, end)."""
        return self._reports("WHERE r.country = ? AND r.t0 > ? AND r.t0 < ? AND r.t1 > ? AND r.t1 - r.t0 <= ?",
                             (country, start - width, end, start, width))

    # ------------------------------------------------------------------ events

    def event_members(self) -> dict[tuple[str, str], str]:
        """(article id, incident id) -> corroborated event id."""
        return {(a, i): e for e, a, i in self.conn.execute("SELECT event_id, article_id, incident FROM event_reports")}

    def events_of(self, keys: Iterable[tuple[str, str]]) -> set[str]:
        """The events holding these reports (read by article: no whole-table scan)."""
        wanted = set(keys)
        out: set[str] = set()
        for chunk, marks in _chunks(sorted({a for a, _ in wanted})):
            out |= {e for e, a, i in self.conn.execute(
                f"SELECT event_id, article_id, incident FROM event_reports WHERE article_id IN ({marks})", chunk)
                if (a, i) in wanted}
        return out

    def events(self, ids: Iterable[str] | None = None) -> list[Event]:
        """The corroborated events (those of ``ids``), each with its reports, by id: the reports
        are read with their event ids, in one pass over ``event_reports``."""
        cols = ", ".join(EVENT_COLUMNS)
        join = "JOIN event_reports e ON e.article_id = r.article_id AND e.incident = r.incident"
        if ids is None:
            rows = [tuple(r) for r in self.conn.execute(f"SELECT {cols} FROM events")]
            members = self._event_reports(join)
        else:
            wanted, rows, members = sorted(set(ids)), [], []
            for chunk, marks in _chunks(wanted):
                rows += [tuple(r) for r in self.conn.execute(f"SELECT {cols} FROM events WHERE id IN ({marks})", chunk)]
                members += self._event_reports(f"{join} WHERE e.event_id IN ({marks})", tuple(chunk))
        grouped: dict[str, list[Report]] = {}
        for event, rep in sorted(members, key=lambda m: m[1].order):
            grouped.setdefault(event, []).append(rep)
        return sorted((event_of(row, grouped.get(row[0], [])) for row in rows), key=lambda e: e.id)

    def _event_reports(self, where: str, params: tuple[Any, ...] = ()) -> list[tuple[str, Report]]:
        """(event id, report) of the reports joined to ``event_reports`` by ``where``."""
        rows = self.conn.execute(f"SELECT e.event_id, {', '.join(REPORT_COLUMNS)} {REPORTS_FROM} {where}", params)
        return [(r[0], report_of(tuple(r[1:]))) for r in rows]

    def event_facts(self, ids: Iterable[str]) -> list[EventFacts]:
        """What judging these events reads (time, place, attribution), from their rows alone."""
        out: list[EventFacts] = []
        for chunk, marks in _chunks(sorted(set(ids))):
            out += [facts_of(tuple(r)) for r in self.conn.execute(
                f"SELECT {', '.join(FACT_COLUMNS)} FROM events WHERE id IN ({marks})", chunk)]
        return out

    def event_times(self) -> list[tuple[str, float | None, float | None, str | None]]:
        """(event id, start, end, country) of every event: what the time index needs."""
        return [(r[0], r[1], r[2], r[3]) for r in self.conn.execute("SELECT id, t0, t1, country FROM events")]

    # ------------------------------------------------------------------ registry and judgements

    def declarations(self) -> list[Declaration]:
        """Every stored ceasefire declaration, with its article."""
        rows = self.conn.execute("SELECT d.record, d.article_id, a.published, a.source, a.outlet, a.url, a.title "
                                 "FROM declarations d JOIN articles a ON a.id = d.article_id")
        return [declaration_of(tuple(r)) for r in rows]

    def claims(self, articles: Iterable[str]) -> list[StoredClaim]:
        """The claims of these articles, with their article."""
        out: list[StoredClaim] = []
        for chunk, marks in _chunks(sorted(set(articles))):
            rows = self.conn.execute("SELECT c.record, c.article_id, a.published, a.source, a.outlet, a.url, a.title "
                                     f"FROM claims c JOIN articles a ON a.id = c.article_id "
                                     f"WHERE c.article_id IN ({marks})", chunk)
            out += [claim_of(tuple(r)) for r in rows]
        return sorted(out, key=lambda c: (c.article_id, len(c.claim.id), c.claim.id))

    def pending_declarations(self) -> int:
        return int(self.conn.execute(
            "SELECT COUNT(*) FROM declarations d WHERE NOT EXISTS (SELECT 1 FROM ceasefire_declarations c "
            "WHERE c.article_id = d.article_id AND c.declaration = d.ceasefire)").fetchone()[0])

    def registry(self) -> list[Registered]:
        """The stored ceasefire registry, each truce with its declarations, in id order."""
        by_key = {(d.article_id, d.ceasefire.id): d for d in self.declarations()}
        held: dict[str, list[Declaration]] = {}
        for cid, article, decl in self.conn.execute("SELECT ceasefire, article_id, declaration "
                                                    "FROM ceasefire_declarations ORDER BY article_id, declaration"):
            if (article, decl) in by_key:
                held.setdefault(cid, []).append(by_key[(article, decl)])
        rows = self.conn.execute("SELECT id, record, judged_until FROM ceasefires WHERE record IS NOT NULL")
        out = [registered_of(record, held.get(cid, []), until) for cid, record, until in rows]
        return sorted(out, key=_start)

    def event_judgements(self, ceasefire: str | None = None) -> list[Judgement]:
        """The stored judgements of events (of one ceasefire): events during or straddling a
        window, and untimed ones in its country; the rest lie before or after it."""
        from trucewatch.judge.judge import verdict_of

        sql = "SELECT event_id, ceasefire, temporal, spatial, attribution, verdict FROM event_judgements"
        rows = self.conn.execute(sql + (" WHERE ceasefire = ?" if ceasefire else ""), (ceasefire,) if ceasefire else ())
        return sorted((Judgement(c, e, t, s, a, v, verdict_of(t, s, a)[1]) for e, c, t, s, a, v in rows),
                      key=lambda j: (j.ceasefire, j.incident))

    def derived_components(self) -> dict[str, str] | None:
        """What the derived tables were built with (None when nothing is derived yet)."""
        row = self.conn.execute("SELECT components FROM events LIMIT 1").fetchone()
        return json.loads(row[0]) if row and row[0] else None

    # ------------------------------------------------------------------ writing

    def apply(self, change: Change) -> None:
        """Write one rebuild's :class:`Change` in one transaction."""
        with _cache_pages(self.conn, len(change.events)):
            self._apply(change)

    def _apply(self, change: Change) -> None:
        comp = json.dumps(change.components, sort_keys=True)
        with self.conn.transaction() as c:
            _feed(c, change)
            if change.full:
                for table in ("event_judgements", "event_reports", "events", "ceasefires", "ceasefire_declarations"):
                    c.execute(f"DELETE FROM {table}")
            for chunk, marks in _chunks(change.removed_events):
                for table in ("event_judgements", "event_reports"):
                    c.execute(f"DELETE FROM {table} WHERE event_id IN ({marks})", chunk)
                c.execute(f"DELETE FROM events WHERE id IN ({marks})", chunk)
            _insert_events(c, change.events, comp)
            if change.registry is not None:
                _replace_registry(c, change.registry, comp)
            for chunk, marks in _chunks(change.rejudged):
                c.execute(f"DELETE FROM event_judgements WHERE ceasefire IN ({marks})", chunk)
            c.executemany("INSERT INTO event_judgements VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                          [(v.incident, v.ceasefire, v.temporal, v.spatial, v.attribution, v.verdict)
                           for v in change.verdicts])
            bump(c)  # the generation: SQLite counts no insert or delete of these tables (generation.BULK)


#: SQLite's page cache while a rebuild writes many events (KiB; SQLite's default is 2 MB): the
#: events' nine indexes, filled in their own orders, no longer evict each other's pages (inserting
#: 100,000 events: 19 s -> 6.5 s on the bench's store); the connection's own size afterwards
WRITE_CACHE_KIB = 65536
_MANY = 1000


@contextmanager
def _cache_pages(conn: Connection, events: int) -> Iterator[None]:
    if conn.dialect != "sqlite" or events < _MANY:
        yield
        return
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-WRITE_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


def _feed(c: Connection, change: Change) -> None:
    """The change feed's rows of ``change``, read before it is written (what it removes)."""
    new = {e.id for e in change.events}
    if change.full:
        old = {r[0] for r in c.execute("SELECT id FROM events")}
    else:
        old = set(change.removed_events)
    rows = replaced("event", old, new)
    if change.registry is not None:
        after = {r.id for r in change.registry}
        rows += replaced("ceasefire", {r[0] for r in c.execute("SELECT id FROM ceasefires")}, after)
        rejudged = set(change.rejudged) - after
    else:
        rejudged = set(change.rejudged)
    rows += [("ceasefire", i, "updated") for i in sorted(rejudged)]  # its verdict may have moved
    log(c, "rebuild", rows)


def _start(reg: Registered) -> tuple[float, str]:
    """The registry's order: by start (undated last), then id."""
    start = reg.ceasefire.start
    return (start.timestamp() if start else float("inf")), reg.id


def _insert_events(c: Connection, events: list[Event], comp: str) -> None:
    c.executemany("INSERT INTO events (id, place, country, lat, lon, event_type, sub_event_type, time_earliest, "
                  "time_latest, reports, sources, fatalities_low, fatalities_best, fatalities_high, disagreements, "
                  "components, t0, t1, admin1, attribution, confidence, languages, outlets, perpetrator, context, "
                  "tsort) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
                      _event_row(e, comp) for e in events])
    c.executemany("INSERT INTO event_reports VALUES (?,?,?)",
                  [(e.id, r.article_id, r.incident.id) for e in events for r in e.reports])


def _event_row(e: Event, comp: str) -> tuple[Any, ...]:
    p, best, t = e.place, e.best.incident, e.time
    return (e.id, p.name if p else None, p.country if p else None, p.lat if p else None, p.lon if p else None,
            best.acled_event_type, best.acled_sub_event_type, _iso(t.earliest) if t else None,
            _iso(t.latest) if t else None, len(e.reports), e.sources, e.fatalities_low, e.fatalities_best,
            e.fatalities_high, json.dumps(list(e.disagreements)), comp,
            seconds(t.earliest) if t else None, seconds(t.latest) if t else None, p.admin1 if p else None,
            e.facts.attribution, *search_values(e))


def _replace_registry(c: Connection, registry: list[Registered], comp: str) -> None:
    c.execute("DELETE FROM ceasefires")
    c.execute("DELETE FROM ceasefire_declarations")
    rows = []
    for reg in registry:
        cf = reg.ceasefire
        rows.append((cf.id, cf.declared_by, _iso(cf.start), _iso(cf.end), _iso(cf.ended_early), cf.timezone,
                     cf.timezone_basis, cf.scope, cf.scope_country, cf.occasion, json.dumps(reg.sources),
                     json.dumps(reg.responses), comp, json.dumps(cf.to_dict(), ensure_ascii=False),
                     _iso(reg.horizon)))
    c.executemany("INSERT INTO ceasefires (id, declared_by, start_at, end_at, ended_early, timezone, timezone_basis, "
                  "scope, scope_country, occasion, sources, responses, components, record, judged_until) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    c.executemany("INSERT INTO ceasefire_declarations VALUES (?,?,?)",
                  [(reg.id, d.article_id, d.ceasefire.id) for reg in registry for d in reg.declarations])
