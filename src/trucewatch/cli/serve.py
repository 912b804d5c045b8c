"""``trucewatch serve`` (the HTTP API and the dashboard) and ``trucewatch token`` (the API's
bearer tokens). Registered on the ``trucewatch`` group by ``cli.main``."""

from __future__ import annotations

from pathlib import Path

import click

from trucewatch.cli.monitor import DB_HELP, _db
from trucewatch.errors import require


@click.command()
@click.option("--db", metavar="URL", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback: this machine).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the HTTP API (/api/..., schema at /openapi.json) and the dashboard (/) over the store.
    Reads are open; reviews need a token (trucewatch token add)."""
    require("api", "trucewatch serve")
    import uvicorn

    from trucewatch.api.app import create_app

    app = create_app(_db(db))
    click.echo(f"dashboard: http://{host}:{port}/  (API: /api/ceasefires, schema: /openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.group()
def token() -> None:
    """Bearer tokens of the HTTP API: reader, analyst (may review events) or admin."""


@token.command(name="add")
@click.option("--role", type=click.Choice(["reader", "analyst", "admin"]), required=True, help="What it may do.")
@click.option("--name", default="analyst", show_default=True, help="Who holds it (shown in the review history).")
@click.option("--db", metavar="URL", help=DB_HELP)
def token_add(role: str, name: str, db: str | None) -> None:
    """Make a token and print it once: only its salted hash is stored."""
    from trucewatch.store.db import Store
    from trucewatch.store.review import ROLES, add_token

    with Store.open(_db(db)) as store:
        made, bearer = add_token(store.conn, name, ROLES[ROLES.index(role)])
    click.echo(bearer)
    click.echo(f"token {made.id} ({made.role}, {made.name}): shown once, keep it; "
               f"send it as 'Authorization: Bearer <token>'", err=True)


@token.command(name="list")
@click.option("--db", metavar="URL", help=DB_HELP)
def token_list(db: str | None) -> None:
    """List the tokens (ids, names, roles; never the secrets, which are not kept)."""
    from trucewatch.store.db import Store
    from trucewatch.store.review import tokens

    with Store.open(_db(db)) as store:
        for t, made, revoked in tokens(store.conn):
            click.echo(f"{t.id}\t{t.role}\t{t.name}\t{made}" + (f"\trevoked {revoked}" if revoked else ""))


@token.command(name="revoke")
@click.argument("token_id")
@click.option("--db", metavar="URL", help=DB_HELP)
def token_revoke(token_id: str, db: str | None) -> None:
    """Revoke a token by its id (from `trucewatch token list`)."""
    from trucewatch.store.db import Store
    from trucewatch.store.review import revoke_token

    with Store.open(_db(db)) as store:
        if not revoke_token(store.conn, token_id):
            raise click.UsageError(f"no live token {token_id}; see trucewatch token list")
    click.echo(f"token {token_id} revoked", err=True)


@click.group()
def review() -> None:
    """Analysts' reviews of events (made in the dashboard or through the HTTP API)."""


@review.command(name="export")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The JSONL file to write (one reviewed event a line; docs/review.md).")
@click.option("--db", metavar="URL", help=DB_HELP)
def review_export(out: Path, db: str | None) -> None:
    """Export the reviews as labelled data: for each reviewed event, the machine's values, the
    analyst's (the label), who, when, why, and each report's evidence spans."""
    from trucewatch.review.labels import export_labels
    from trucewatch.store.db import Store

    with Store.open(_db(db)) as store:
        n = export_labels(store, out)
    click.echo(f"wrote {n} reviewed event(s) to {out}", err=True)
