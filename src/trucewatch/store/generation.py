"""The store's generation: a counter that moves with every committed change to what the API
shows (articles and their analyses, the derived events, registry and judgements, the analysts'
revisions), so a reader can keep an answer and know, with one indexed read, whether it still
holds (issue 12: the ceasefire list, the map's pages).

The counter is kept in step by the database itself: triggers on each of those tables add one to
it inside the writing transaction, so it becomes visible with the change it counts, in either
database and whoever writes (a rebuild, an ingest, a review, a hand-written ``UPDATE``). SQLite
has row triggers only (one writer at a time: the row is the writer's anyway); PostgreSQL fires
once per statement. ``store`` is a random id given at creation, so two stores' counters are
never mistaken for each other.
"""

from __future__ import annotations

import uuid

from trucewatch.store.backend import Connection

#: the tables whose changes the generation counts (tokens, vectors and source failures do not
#: change an answer of the read API)
COUNTED = ("articles", "reports", "declarations", "claims", "judgements", "events", "event_reports",
           "event_judgements", "ceasefires", "ceasefire_declarations", "revisions")

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


def generation(c: Connection) -> tuple[str, int]:
    """(the store's id, its generation now): equal twice only if nothing counted changed between."""
    row = c.execute("SELECT store, n FROM store_generation WHERE id = 1").fetchone()
    return str(row[0]), int(row[1])
