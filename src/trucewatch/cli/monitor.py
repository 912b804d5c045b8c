"""Monitoring commands: ``ingest`` sources into the store, ``status`` of the store, ``export``
its reports. Registered on the ``trucewatch`` group by ``cli.main``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from trucewatch.config import Settings
from trucewatch.errors import EXIT_OK, EXIT_PARTIAL, failure_line

DB_HELP = ("The store: a SQLite file or a postgresql://user@host/db URL "
           "(default $TRUCEWATCH_DB or ./trucewatch.sqlite).")
REGISTRY_HELP = "Your ceasefires, a YAML file (default $TRUCEWATCH_REGISTRY or ./ceasefires.yaml)."


def _registry_path() -> Path:
    return Path(Settings.load().registry)


def _db(db: str | None) -> str:
    return db or Settings.load().database


@click.group()
def ceasefire() -> None:
    """Ceasefires you declare or correct (a YAML file the reports read)."""


@ceasefire.command(name="add")
@click.option("--declared-by", help="Party that declared it (e.g. Russia).")
@click.option("--start", required=True, help="Start, ISO 8601 with offset (2023-01-06T12:00:00+03:00).")
@click.option("--end", help="End, ISO 8601 with offset; omit for open-ended.")
@click.option("--country", help="Zone: a country (ISO 3166-1 alpha-2).")
@click.option("--region", help="Zone: an admin-1 region of that country (e.g. Kherson).")
@click.option("--line", type=click.Path(dir_okay=False, exists=True), help="Zone: a buffer around this GeoJSON line.")
@click.option("--buffer-km", type=float, default=10.0, show_default=True, help="Width of the buffer on each side.")
@click.option("--geojson", type=click.Path(dir_okay=False, exists=True), help="Zone: these GeoJSON polygons.")
@click.option("--note", help="Where the declaration comes from.")
@click.option("--registry", "registry_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=REGISTRY_HELP)
def ceasefire_add(declared_by: str | None, start: str, end: str | None, country: str | None, region: str | None,
                  line: str | None, buffer_km: float, geojson: str | None, note: str | None,
                  registry_file: Path | None) -> None:
    """Add a ceasefire with its zone (a country, a region, a buffer around a line, or polygons)."""
    from datetime import datetime

    from trucewatch.errors import ConfigError
    from trucewatch.registry.user import add, zone_of

    for what, value in (("--start", start), ("--end", end)):
        try:
            if value and datetime.fromisoformat(value).utcoffset() is None:
                raise ValueError("no UTC offset")
        except ValueError as exc:
            raise ConfigError("E302", what=what, value=value, why=f"{exc}; use 2023-01-06T12:00:00+03:00") from exc
    path = registry_file or _registry_path()
    zone: dict[str, object] = {k: v for k, v in (("country", country), ("region", region)) if v}
    if line:
        zone.update(line=str(Path(line).resolve()), buffer_km=buffer_km)
    if geojson:
        zone["geojson"] = str(Path(geojson).resolve())
    zone_of(zone, path.parent)  # refuse a zone the reports could not use, before writing it
    entry = {"declared_by": declared_by, "start": start, "end": end, "zone": zone, "note": note}
    new_id = add(path, {k: v for k, v in entry.items() if v is not None})
    click.echo(f"{new_id} added to {path}")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", metavar="URL", help=DB_HELP)
@click.option("--text-column", default="text", show_default=True, help="Text column of .csv / key of .jsonl input.")
@click.option("--quiet", is_flag=True, help="No progress bar (there is none in a pipe anyway).")
@click.option("--data-dir", metavar="DIR", help="Where the built gazetteer lives.")
@click.option("--dask", "scheduler", metavar="local|tcp://HOST:8786",
              help="Analyse on Dask: 'local' starts a cluster of one process per core (loopback only); else a "
                   "scheduler address. A scheduler runs whatever code it is sent: it must be reachable only by "
                   "trusted clients (a private network, a firewall, or Dask's TLS).")
@click.option("--workers", type=click.IntRange(min=1), help="With --dask local: number of worker processes.")
@click.option("--partition-size", type=click.IntRange(min=1), default=128, show_default=True,
              help="With --dask: articles per task.")
@click.option("--parts", metavar="DIR|URL",
              help="With --dask: where workers write Parquet partitions (kept); a cluster needs a shared path.")
def ingest(paths: tuple[str, ...], db: str | None, text_column: str, quiet: bool, data_dir: str | None,
           scheduler: str | None, workers: int | None, partition_size: int, parts: str | None) -> None:
    """Read articles (files, directories of .txt/.html/.jsonl/.csv/RSS, or - for stdin), analyse
    the new ones and store them. Running it again adds nothing; a killed run resumes."""
    from trucewatch.ingest.run import progress_bar
    from trucewatch.ingest.sources import Columns
    from trucewatch.monitor import ingest as run
    from trucewatch.store.db import Store

    settings = Settings.load(**({"data_dir": data_dir} if data_dir else {}))
    update, close = progress_bar(quiet)
    with Store.open(db or settings.database) as store:
        try:
            report = run(list(paths), store, columns=Columns(text=text_column), progress=update, settings=settings,
                         scheduler=scheduler, workers=workers, parts=parts, partition=partition_size)
        finally:
            close()
    click.echo(f"read {report.read} articles: {report.stored} stored, {report.skipped} already stored, "
               f"{report.failed} failed; {report.unreadable} unreadable sources"
               + (f"; {report.events} events after corroboration" if report.events is not None else "")
               + (f"; models loaded {report.model_loads} times" if report.model_loads is not None else ""), err=True)
    for line in report.failures[:20]:
        click.echo(f"  failed: {line}", err=True)
    if len(report.failures) > 20:
        click.echo(f"  ... and {len(report.failures) - 20} more: trucewatch status", err=True)
    sys.exit(EXIT_PARTIAL if report.failed or report.unreadable else EXIT_OK)


@click.command()
@click.option("--db", metavar="URL", help=DB_HELP)
def status(db: str | None) -> None:
    """What the store holds, and every article or source that failed, with the reason."""
    from trucewatch.store.db import Store

    with Store.open(_db(db)) as store:
        s = store.status()
        click.echo(f"store {store.url} (schema v{store.version()})")
    langs = ", ".join(f"{k} {v}" for k, v in s.languages.items()) or "none"
    click.echo(f"articles: {s.analysed} analysed ({langs}), {s.failed} failed")
    click.echo(f"reports of incidents: {s.reports} (corroborated into {s.events} events); "
               f"ceasefire declarations: {s.declarations} (registry: {s.ceasefires} ceasefires; {s.unregistered} "
               f"undated mentions of no registered truce); claims: {s.claims}")
    click.echo(f"events judged violations of at least one registered ceasefire: {s.violations}")
    if s.failures:
        click.echo(f"failed ({len(s.failures)}):")
        for source, code, message in s.failures:
            click.echo(f"  {failure_line(source, code, message)}")


@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(["acled", "ucdp", "plover", "geojson", "parquet"]),
              help="ACLED CSV, UCDP GED CSV, PLOVER JSON lines, GeoJSON points, or Parquet.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@click.option("--db", metavar="URL", help=DB_HELP)
@click.option("--per", type=click.Choice(["event", "report"]), default="event", show_default=True,
              help="ACLED / UCDP rows: one per corroborated event (all its sources) or one per article's report.")
def export(fmt: str, out: Path, db: str | None, per: str) -> None:
    """Write the stored events and reports in a format analysts load."""
    from trucewatch.corroborate.rebuild import rebuild
    from trucewatch.export.formats import write
    from trucewatch.store.db import Store

    with Store.open(_db(db)) as store:
        rebuild(store, settings=Settings.load())  # stale derived tables (a killed ingest) are finished first
        n = write(fmt, store, out, per)
    click.echo(f"wrote {n} {fmt} records to {out}", err=True)


@click.command()
@click.argument("ceasefire", required=False)
@click.option("--db", metavar="URL", help=DB_HELP)
@click.option("--out", "out_dir", default="reports", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Directory for the Markdown, HTML, JSON and PNGs.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True,
              help="The form printed on stdout (all three are written to --out).")
@click.option("--list", "list_only", is_flag=True, help="List the registered ceasefires and stop.")
@click.option("--registry", "registry_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=REGISTRY_HELP)
def report(ceasefire: str | None, db: str | None, out_dir: Path, fmt: str, list_only: bool,
           registry_file: Path | None) -> None:
    """Did the truce hold? Report on one ceasefire of the registry (an id from --list; default: the one
    most articles declare): the verdict and its counts first, then each incident during or
    straddling the window with its quotes and sources, those elsewhere, the claims party by
    party, the declarations quoted, a map and a timeline. Markdown, self-contained HTML, JSON."""
    from trucewatch.corroborate.rebuild import rebuild
    from trucewatch.registry.judged import judge_events
    from trucewatch.registry.user import load
    from trucewatch.report.build import articles_of, chosen, make
    from trucewatch.report.text import write_report
    from trucewatch.review.labels import reviewed_events, reviewed_judgements
    from trucewatch.review.truces import corrected_registry
    from trucewatch.store.db import Store

    user = load(registry_file or _registry_path())
    with Store.open(_db(db)) as store:
        rebuild(store, settings=Settings.load())  # stale derived tables (a killed ingest) are finished first
        registry = user + corrected_registry(store.conn, store.registry())  # analysts' corrections win
        if list_only:
            for reg in registry:
                cf = reg.ceasefire
                start = cf.start.isoformat() if cf.start else "?"
                end = cf.end.isoformat() if cf.end else "open"
                click.echo(f"{reg.id}\t{cf.declared_by or '?'}\t{start} -> {end}\t{len(reg.sources)} article(s)")
            return
        truce = chosen(registry, ceasefire)
        if truce is None:
            raise click.UsageError(f"no ceasefire {ceasefire or ''} in the store; see trucewatch report --list")
        events = reviewed_events(store)  # analysts' reviews win over the machine's values
        mine = {u.id for u in user}
        judgements = judge_events([truce], events) if truce.id in mine else reviewed_judgements(store, events, truce)
        claims = store.claims(articles_of(truce, events, judgements))
    paths = write_report(make(truce, events, judgements, claims), out_dir)
    click.echo(paths[fmt].read_text(encoding="utf-8"))
    click.echo("wrote " + ", ".join(str(p) for p in paths.values()), err=True)
