"""The store: articles, their analyses (reports of incidents, ceasefire declarations, claims,
judgements) and the sources that could not be read, in SQLite (one file, WAL) or PostgreSQL
(:mod:`trucewatch.store.backend`).

Every article's rows are written in one transaction, so a run killed at any instant leaves each
article either wholly stored or absent; the article id is a hash of the normalised text, so
storing the same article twice adds nothing. The schema is versioned: :data:`MIGRATIONS` are
applied in order and recorded in ``schema_version``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from trucewatch.contract import analysis_from_dict
from trucewatch.store.backend import Connection, connect
from trucewatch.store.changes import MIGRATION as FEED
from trucewatch.store.derived import DerivedTables
from trucewatch.store.generation import BULK_MIGRATION, bulk_by_writer
from trucewatch.store.generation import MIGRATION as GENERATION
from trucewatch.store.generation import install as install_generation
from trucewatch.store.review import MIGRATION as REVIEWS
from trucewatch.store.rows import incident_times
from trucewatch.store.search import MIGRATION as SEARCH
from trucewatch.store.search import POINTS
from trucewatch.store.search import backfill as backfill_search
from trucewatch.stored import Source, StoredArticle

#: (version, what it adds, statements); never edit a released migration, add the next one
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, reports, declarations, claims, judgements, source failures", [
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, source TEXT, outlet TEXT, url TEXT, title TEXT, author TEXT,
            language TEXT, published TEXT, published_basis TEXT, text TEXT NOT NULL,
            status TEXT NOT NULL, error_code TEXT, error_message TEXT,
            analysis TEXT, components TEXT, ingested_at TEXT NOT NULL)""",
        """CREATE TABLE reports (
            article_id TEXT NOT NULL REFERENCES articles(id), incident TEXT NOT NULL,
            place TEXT, country TEXT, admin1 TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
            geo_precision INTEGER, where_prec INTEGER, event_type TEXT, sub_event_type TEXT,
            time_earliest TEXT, time_latest TEXT, perpetrator TEXT, reported_by TEXT,
            fatalities_low INTEGER, fatalities_high INTEGER, injured_low INTEGER, injured_high INTEGER,
            record TEXT NOT NULL, PRIMARY KEY (article_id, incident))""",
        """CREATE TABLE declarations (
            article_id TEXT NOT NULL REFERENCES articles(id), ceasefire TEXT NOT NULL,
            declared_by TEXT, start_at TEXT, end_at TEXT, timezone TEXT, scope TEXT,
            record TEXT NOT NULL, PRIMARY KEY (article_id, ceasefire))""",
        """CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles(id), claim TEXT NOT NULL,
            claimant TEXT, kind TEXT, target TEXT, record TEXT NOT NULL,
            PRIMARY KEY (article_id, claim))""",
        """CREATE TABLE judgements (
            article_id TEXT NOT NULL REFERENCES articles(id), ceasefire TEXT NOT NULL,
            incident TEXT NOT NULL, temporal TEXT, spatial TEXT, attribution TEXT, verdict TEXT,
            PRIMARY KEY (article_id, ceasefire, incident))""",
        """CREATE TABLE source_failures (
            source TEXT PRIMARY KEY, code TEXT, message TEXT, at TEXT NOT NULL)""",
        "CREATE INDEX reports_time ON reports (time_earliest, time_latest)",
        "CREATE INDEX reports_place ON reports (lat, lon)",
        "CREATE INDEX articles_status ON articles (status)",
    ]),
    (2, "events: reports of one incident corroborated across articles", [
        """CREATE TABLE events (
            id TEXT PRIMARY KEY, place TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
            event_type TEXT, sub_event_type TEXT, time_earliest TEXT, time_latest TEXT,
            reports INTEGER NOT NULL, sources INTEGER NOT NULL, fatalities_low INTEGER,
            fatalities_best INTEGER, fatalities_high INTEGER, disagreements TEXT)""",
        """CREATE TABLE event_reports (
            event_id TEXT NOT NULL REFERENCES events(id), article_id TEXT NOT NULL, incident TEXT NOT NULL,
            PRIMARY KEY (article_id, incident))""",
        "CREATE INDEX events_time ON events (time_earliest, time_latest)",
    ]),
    (3, "report vectors: evidence embeddings kept, so rebuilding events embeds only new reports", [
        """CREATE TABLE report_vectors (
            article_id TEXT NOT NULL, incident TEXT NOT NULL, model TEXT NOT NULL, vector BYTEA NOT NULL,
            PRIMARY KEY (article_id, incident, model))""",
    ]),
    (4, "the ceasefire registry and event judgements, rebuilt with the events; components of each", [
        """CREATE TABLE ceasefires (
            id TEXT PRIMARY KEY, declared_by TEXT, start_at TEXT, end_at TEXT, ended_early TEXT,
            timezone TEXT, timezone_basis TEXT, scope TEXT, scope_country TEXT, occasion TEXT,
            sources TEXT NOT NULL, responses TEXT NOT NULL, components TEXT)""",
        """CREATE TABLE event_judgements (
            event_id TEXT NOT NULL, ceasefire TEXT NOT NULL, temporal TEXT, spatial TEXT,
            attribution TEXT, verdict TEXT, PRIMARY KEY (event_id, ceasefire))""",
        "ALTER TABLE events ADD COLUMN components TEXT",
    ]),
    (5, "typed reads, incremental rebuilds: times in seconds, each registered ceasefire's record and declarations", [
        "ALTER TABLE reports ADD COLUMN t0 DOUBLE PRECISION",
        "ALTER TABLE reports ADD COLUMN t1 DOUBLE PRECISION",
        "ALTER TABLE events ADD COLUMN t0 DOUBLE PRECISION",
        "ALTER TABLE events ADD COLUMN t1 DOUBLE PRECISION",
        "ALTER TABLE events ADD COLUMN admin1 TEXT",
        "ALTER TABLE events ADD COLUMN attribution TEXT",
        "ALTER TABLE ceasefires ADD COLUMN record TEXT",
        "ALTER TABLE ceasefires ADD COLUMN judged_until TEXT",
        """CREATE TABLE ceasefire_declarations (
            ceasefire TEXT NOT NULL, article_id TEXT NOT NULL, declaration TEXT NOT NULL,
            PRIMARY KEY (article_id, declaration))""",
        "CREATE INDEX reports_country_t0 ON reports (country, t0)",
        "CREATE INDEX events_t0 ON events (t0)",
        # what was derived before this version lacks the new columns: derive it again, whole
        "DELETE FROM event_judgements", "DELETE FROM event_reports", "DELETE FROM events",
        "DELETE FROM ceasefires",
        "backfill report times",
    ]),
    REVIEWS,  # 6: analysts' reviews of events and the API's tokens (trucewatch.store.review)
    SEARCH,  # 7: the events' columns the API filters on in SQL (trucewatch.store.search)
    GENERATION,  # 8: a counter of changes, kept by triggers (trucewatch.store.generation)
    POINTS,  # 9: the map's points in one index (trucewatch.store.search)
    BULK_MIGRATION,  # 10: the rebuild moves the generation for its bulk tables (trucewatch.store.generation)
    FEED,  # 11: the change feed, deletions included (trucewatch.store.changes)
]


def _backfill_times(c: Connection) -> None:
    rows = c.execute("SELECT article_id, incident, time_earliest, time_latest FROM reports "
                     "WHERE time_earliest IS NOT NULL").fetchall()
    c.executemany("UPDATE reports SET t0 = ?, t1 = ? WHERE article_id = ? AND incident = ?",
                  [(*incident_times({"time_earliest": lo, "time_latest": hi}), a, i) for a, i, lo, hi in rows])


#: migration steps that are code, not SQL: named in MIGRATIONS by these keys
_BACKFILLS = {"backfill report times": _backfill_times, "backfill event search columns": backfill_search,
              "generation triggers": install_generation, "generation bumped by the rebuild": bulk_by_writer}


@dataclass(frozen=True)
class Status:
    analysed: int
    failed: int
    reports: int
    declarations: int
    claims: int
    languages: dict[str, int]
    failures: list[tuple[str, str, str]]  # (source, code, message): articles and unreadable sources
    events: int = 0
    ceasefires: int = 0  # the registry: declarations merged into truces
    violations: int = 0  # events judged "violation_reported" or "violation_contested" of some ceasefire
    unregistered: int = 0  # declarations in no registered truce: undated mentions of none


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(DerivedTables):
    """One database; use as a context manager or call :meth:`close`. The derived tables' readers
    and writer come from :class:`trucewatch.store.derived.DerivedTables`."""

    def __init__(self, conn: Connection, url: str):
        self.conn = conn
        self.url = url

    @classmethod
    def open(cls, url: str) -> Store:
        """Open (and migrate) the store at ``url``: a SQLite path, or ``postgresql://...``
        (``Settings.database`` is the default the command line passes)."""
        conn = connect(url)
        store = cls(conn, conn.url)
        try:
            store.migrate()
        except Exception:
            conn.close()
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def transaction(self) -> AbstractContextManager[Connection]:
        return self.conn.transaction()

    def version(self) -> int:
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                          "description TEXT, applied_at TEXT)")
        row = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply the migrations this database lacks; returns the schema version. Two processes
        opening a new store at once apply each migration once."""
        with self.conn.exclusive():
            current = self.version()
            for version, description, statements in MIGRATIONS:
                if version <= current:
                    continue
                with self.transaction() as c:
                    if int(c.execute("SELECT COUNT(*) FROM schema_version WHERE version = ?", (version,))
                           .fetchone()[0]):
                        continue  # another process applied it since we read the version
                    for sql in statements:
                        _BACKFILLS[sql](c) if sql in _BACKFILLS else c.execute(sql)
                    c.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (version, description, _now()))
                current = version
        return current

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (``?`` placeholders, either database)."""
        return [tuple(r) for r in self.conn.execute(sql, params).fetchall()]

    # ------------------------------------------------------------------ writing

    def known(self, ids: list[str]) -> set[str]:
        """The ids among ``ids`` already stored (analysed or failed)."""
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out |= {r[0] for r in self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)}
        return out

    def save_article(self, article: dict[str, Any], result: dict[str, Any] | None,
                     error: tuple[str, str] | None) -> bool:
        """Store one article and its analysis (or its failure) in one transaction; False when the
        article was already stored."""
        analysed = (result or {}).get("article", {})  # the analysis knows language and date best
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO articles (id, source, outlet, url, title, author, language, published, "
                "published_basis, text, status, error_code, error_message, analysis, components, ingested_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
                (article["id"], article.get("source"), article.get("outlet"), article.get("url"),
                 article.get("title"), article.get("author"),
                 analysed.get("language") or article.get("language"),
                 analysed.get("published") or article.get("published"),
                 analysed.get("published_basis") or article.get("published_basis"),
                 article["text"], "failed" if error else "analysed",
                 error[0] if error else None, error[1] if error else None,
                 json.dumps(result, ensure_ascii=False) if result else None,
                 json.dumps((result or {}).get("components"), ensure_ascii=False) if result else None, _now()))
            if cur.rowcount == 0:
                return False
            if result:
                _insert_analysis(c, article["id"], result)
        return True

    def save_source_failure(self, source: str, code: str, message: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO source_failures VALUES (?,?,?,?) ON CONFLICT (source) DO UPDATE SET "
                      "code = excluded.code, message = excluded.message, at = excluded.at",
                      (source, code, message, _now()))

    def save_vectors(self, model: str, rows: list[tuple[str, str, bytes]]) -> None:
        """Keep evidence embeddings: (article id, incident id, float32 bytes) made by ``model``."""
        with self.transaction() as c:
            c.executemany("INSERT INTO report_vectors VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                          [(a, i, model, v) for a, i, v in rows])

    # ------------------------------------------------------------------ reading

    def vectors(self, model: str, keys: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
        """The kept embeddings of ``model`` for these (article id, incident id) keys: float32 bytes."""
        out: dict[tuple[str, str], bytes] = {}
        articles = sorted({a for a, _ in keys})
        wanted = set(keys)
        for i in range(0, len(articles), 400):
            chunk = articles[i : i + 400]
            rows = self.conn.execute("SELECT article_id, incident, vector FROM report_vectors WHERE model = ? "
                                     f"AND article_id IN ({','.join('?' * len(chunk))})", (model, *chunk))
            out |= {(a, n): bytes(v) for a, n, v in rows if (a, n) in wanted}
        return out

    def status(self) -> Status:
        c = self.conn
        counts = dict(c.execute("SELECT status, COUNT(*) FROM articles GROUP BY status").fetchall())
        langs = dict(c.execute("SELECT language, COUNT(*) FROM articles WHERE status = 'analysed' "
                               "GROUP BY language ORDER BY COUNT(*) DESC").fetchall())
        failures = [(r[0], r[1], r[2]) for r in c.execute(
            "SELECT source, error_code, error_message FROM articles WHERE status = 'failed' "
            "UNION ALL SELECT source, code, message FROM source_failures ORDER BY 1")]
        violations = c.execute("SELECT COUNT(DISTINCT event_id) FROM event_judgements "
                               "WHERE verdict IN ('violation_reported', 'violation_contested')").fetchone()[0]
        return Status(int(counts.get("analysed", 0)), int(counts.get("failed", 0)), self.count("reports"),
                      self.count("declarations"), self.count("claims"),
                      {str(k): int(v) for k, v in langs.items()}, failures, self.count("events"),
                      self.count("ceasefires"), int(violations),
                      self.count("declarations") - self.count("ceasefire_declarations"))

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def analyses(self) -> Iterator[StoredArticle]:
        """Every stored analysis as records, with where its article came from; by date, then id."""
        rows = self.conn.execute("SELECT analysis, source, outlet, url, title FROM articles "
                                 "WHERE status = 'analysed' ORDER BY published IS NULL, published, id")
        for analysis, source, outlet, url, title in rows:
            yield StoredArticle(analysis_from_dict(json.loads(analysis)), Source(source, outlet, url, title))


def _insert_analysis(c: Connection, article: str, r: dict[str, Any]) -> None:
    c.executemany(
        "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(article, i["id"], i["place"], i["country"], i["admin1"], i["lat"], i["lon"], i["geo_precision"],
          i["where_prec"], i["acled_event_type"], i["acled_sub_event_type"], i["time_earliest"],
          i["time_latest"], i["perpetrator_claimed"], i["reported_by"], i["fatalities_low"],
          i["fatalities_high"], i["injured_low"], i["injured_high"], json.dumps(i, ensure_ascii=False),
          *incident_times(i)) for i in r["incidents"]])
    c.executemany(
        "INSERT INTO declarations VALUES (?,?,?,?,?,?,?,?)",
        [(article, cf["id"], cf["declared_by"], cf["start"], cf["end"], cf["timezone"], cf["scope"],
          json.dumps(cf, ensure_ascii=False)) for cf in r["ceasefires"]])
    c.executemany(
        "INSERT INTO claims VALUES (?,?,?,?,?,?)",
        [(article, cl["id"], cl["claimant"], cl["kind"], cl["target"], json.dumps(cl, ensure_ascii=False))
         for cl in r["claims"]])
    c.executemany(
        "INSERT INTO judgements VALUES (?,?,?,?,?,?,?)",
        [(article, j["ceasefire"], j["incident"], j["temporal"], j["spatial"], j["attribution"], j["verdict"])
         for j in r["judgements"]])
