"""The store's generation: a counter that moves with every committed change to what the API
shows (articles and their analyses, the derived events, registry and judgements, the analysts'
revisions), so a reader can keep an answer and know, with one indexed read, whether it still
holds (issue 12: the ceasefire list, the map's pages).

The counter is kept in step inside the writing transaction, so it becomes visible with the
change it counts. Triggers add one to it on every table, whoever writes (an ingest, a review, a
hand-written ``UPDATE``); PostgreSQL fires them once per statement. SQLite has row triggers
only, and a ``DELETE`` trigger costs it the emptying of a whole table at once (a full rebuild's
100,000 events: 0.5 s -> 13 s), an ``INSERT`` trigger an update per row: on the tables only the
rebuild fills and empties in bulk (:data:`BULK`), SQLite keeps the ``UPDATE`` triggers (hand
edits) and the rebuild's one transaction (``DerivedTables.apply``) adds one itself (migration
10). ``store`` is a random id given at creation, so two stores' counters are never mistaken for
each other.
"""

from __future__ import annotations

import uuid

from trucewatch.store.backend import Connection

#: the tables whose changes the generation counts (tokens, vectors and source failures do not
#: change an answer of the read API)
COUNTED = ("articles", "reports", "declarations", "claims", "judgements", "events", "event_reports",
           "event_judgements", "ceasefires", "ceasefire_declarations", "revisions")

#: the derived tables a rebuild writes in bulk, and only through ``DerivedTables.apply``
BULK = ("events", "event_reports", "event_judgements", "ceasefires", "ceasefire_declarations")

MIGRATION = (8, "the store's generation: a counter every change to the shown tables moves (triggers)", [
    "CREATE TABLE store_generation (id INTEGER PRIMARY KEY, store TEXT NOT NULL, n BIGINT NOT NULL)",
    "generation triggers",
])

_BUMP = "UPDATE store_generation SET n = n + 1 WHERE id = 1"
_PG_FUNCTION = ("CREATE OR REPLACE FUNCTION trucewatch_generation() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN {_BUMP}; RETURN NULL; END $$")


def install(c: Connection) -> None:
    """Migration 8's code step: the counter's row and a trigger per counted table and change."""
    c.execute("INSERT INTO store_generation (id, store, n) VALUES (1, ?, 0)", (uuid.uuid4().hex,))
    if c.dialect == "postgresql":
        c.execute(_PG_FUNCTION)
        for table in COUNTED:
            c.execute(f"CREATE TRIGGER generation_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                      "FOR EACH STATEMENT EXECUTE FUNCTION trucewatch_generation()")
        return
    for table in COUNTED:
        for change in ("INSERT", "UPDATE", "DELETE"):
            c.execute(f"CREATE TRIGGER generation_{table}_{change.lower()} AFTER {change} ON {table} "
                      f"FOR EACH ROW BEGIN {_BUMP}; END")


#: migration 10: in SQLite, the bulk tables' INSERT and DELETE triggers give way to the rebuild's own bump
BULK_MIGRATION = (10, "the store's generation: the rebuild moves it once for the derived tables it writes in bulk", [
    "generation bumped by the rebuild",
])


def bulk_by_writer(c: Connection) -> None:
    """Migration 10's code step (SQLite only: PostgreSQL's statement triggers cost little)."""
    if c.dialect == "postgresql":
        return
    for table in BULK:
        for change in ("insert", "delete"):
            c.execute(f"DROP TRIGGER IF EXISTS generation_{table}_{change}")


def bump(c: Connection) -> None:
    """Move the generation (inside the writer's transaction): the rebuild's writes of :data:`BULK`."""
    c.execute(_BUMP)


def generation(c: Connection) -> tuple[str, int]:
    """(the store's id, its generation now): equal twice only if nothing counted changed between."""
    row = c.execute("SELECT store, n FROM store_generation WHERE id = 1").fetchone()
    return str(row[0]), int(row[1])
