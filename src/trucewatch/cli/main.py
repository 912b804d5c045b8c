"""The ``trucewatch`` command: a thin layer over the library (``trucewatch.pipeline``).

Exit codes: 0 success (also when no event is found), 1 internal error, 2 usage error, 3 unreadable
input, 4 unsupported language, 5 a batch in which some articles failed, 6 missing model or data.
Errors are one line on stderr, ``trucewatch: error E101 ...``; never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click

from trucewatch import __version__
from trucewatch.config import Settings
from trucewatch.errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_PARTIAL,
    ConfigError,
    InputError,
    TrucewatchError,
    printable,
)
from trucewatch.pipeline import Analyzer, ArticleInput, Failure
from trucewatch.records import Analysis
from trucewatch.temporal.published import parse_published


def _date(value: str | None, what: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return parse_published(str(value))
    except ValueError as exc:
        raise ConfigError("E302", what=what, value=value, why="use YYYY-MM-DD") from exc


def _read(path: str, settings: Settings) -> tuple[str, tuple[str, ...]]:
    """The text of one article: a regular file (or - for stdin) read within max_source_bytes."""
    from trucewatch.ingest.limits import Limits, decode_text, read_bounded, shown
    from trucewatch.ingest.sources import read_path

    limits = Limits.of(settings)
    source = "<stdin>" if path == "-" else shown(path)
    data = read_bounded(sys.stdin.buffer, source, limits.max_bytes) if path == "-" else \
        read_path(Path(path), source, limits)
    return decode_text(data, source)


def _jsonl_items(path: str, settings: Settings) -> Iterator[ArticleInput | Failure]:
    """The lines of a JSONL batch, through ingest's reader (the text as given, no headline),
    streamed within the bounds of the settings; a missing file or a folder is E105."""
    from trucewatch.ingest.limits import Limits, shown
    from trucewatch.ingest.sources import SourceFailure, bounded_lines, jsonl_lines, jsonl_records

    limits = Limits.of(settings)
    source = "<stdin>" if path == "-" else shown(path)
    lines = bounded_lines(sys.stdin.buffer, limits.max_bytes) if path == "-" else \
        jsonl_lines(Path(path), source, limits)
    for item in jsonl_records(lines, source, headline=False, limits=limits):
        if isinstance(item, SourceFailure):
            yield Failure(item.id, item.source, item.error)
        else:
            yield ArticleInput(item.text, id=item.id, published=item.published,
                               published_basis=item.published_basis, language=item.language,
                               source=item.source, country=item.country, warnings=item.warnings)


def _emit(result: Analysis | Failure, fmt: str, out: TextIO) -> None:
    from trucewatch.render import render_text

    if isinstance(result, Failure):
        if fmt == "text":
            out.write(f"{result.source}: FAILED {result.error}\n")
        else:
            out.write(json.dumps(result.to_contract(), ensure_ascii=False) + "\n")
        return
    if fmt == "text":
        out.write(render_text(result) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps(result.to_contract(), ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(result.to_contract(), ensure_ascii=False, indent=2) + "\n")


def _batch(analyzer: Analyzer, path: str, fmt: str) -> int:
    failed = 0
    items = _jsonl_items(path, analyzer.settings)
    if path == "-":
        items = iter(list(items))
    pending: list[ArticleInput] = []

    def flush() -> int:
        bad = 0
        for r in analyzer.analyze_all(pending):
            bad += isinstance(r, Failure)
            _emit(r, fmt, sys.stdout)
        pending.clear()
        return bad

    for it in items:
        if isinstance(it, Failure):
            failed += flush()
            _emit(it, fmt, sys.stdout)
            failed += 1
            continue
        pending.append(it)
        if len(pending) >= 64:
            failed += flush()
    failed += flush()
    if failed:
        click.echo(f"trucewatch: {failed} article(s) failed; see their 'error' field", err=True)
    return EXIT_PARTIAL if failed else EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="trucewatch")
def cli() -> None:
    """trucewatch: ceasefires, incidents, claims and compliance from news text, offline."""


@cli.command()
@click.argument("path", required=False)
@click.option("--jsonl", "jsonl", metavar="IN",
              help="Analyse a JSONL batch: one {id, text, published?, language?, country?} per line.")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD); relative times resolve against it.")
@click.option("--lang", metavar="LL", help="Language of the text (ar, de, en, es, fr, ru, uk); detected when omitted.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]),
              help="Output format; default text on a terminal, json otherwise (jsonl with --jsonl).")
@click.option("--max-chars", type=int, help="Refuse longer articles (default 1,000,000).")
@click.option("--data-dir", metavar="DIR", help="Where the built gazetteer lives.")
def analyze(path: str | None, jsonl: str | None, published: str | None, lang: str | None,
            fmt: str | None, max_chars: int | None, data_dir: str | None) -> None:
    """Analyse one article (PATH, or - for stdin) or a JSONL batch (--jsonl IN)."""
    if (path is None) == (jsonl is None):
        raise click.UsageError("give exactly one of PATH (or -) and --jsonl IN")
    settings = Settings.load(**{k: v for k, v in {"max_chars": max_chars, "data_dir": data_dir}.items() if v})
    analyzer = Analyzer.load(settings)
    if jsonl is not None:
        sys.exit(_batch(analyzer, jsonl, fmt or "jsonl"))
    assert path is not None
    text, warnings = _read(path, settings)
    given = _date(published, "--published")
    item = ArticleInput(text, published=given, published_basis="given" if given else "unknown",
                        language=lang, source=None if path == "-" else printable(path), warnings=warnings)
    result = next(analyzer.analyze_many([item]))
    if isinstance(result, Failure):
        raise result.error
    _emit(result, fmt or ("text" if sys.stdout.isatty() else "json"), sys.stdout)


@cli.command()
@click.option("--data-dir", metavar="DIR", help="Where to build the gazetteer.")
@click.option("--force", is_flag=True, help="Rebuild even if it exists.")
def setup(data_dir: str | None, force: bool) -> None:
    """Build the offline gazetteer from the installed GeoNames data (once per version)."""
    from trucewatch.geo.gazetteer import build_gazetteer, default_path

    path = default_path(data_dir)
    if path.exists() and not force:
        click.echo(f"gazetteer ready: {path}")
        return
    build_gazetteer(path)
    click.echo(f"gazetteer built: {path} ({path.stat().st_size // 1_000_000} MB)")


@cli.command(name="eval")
@click.option("--golden", "golden", metavar="DIR", type=click.Path(file_okay=False, path_type=Path),
              help="Golden reports: DIR/articles/*.txt with DIR/expected/*.json (e.g. tests/golden).")
@click.option("--coded", "coded", metavar="CSV", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Human-coded ACLED or UCDP GED rows to score against (repeatable).")
@click.option("--limit", type=int, help="Only the first N rows of each CSV.")
@click.option("--real", "real", metavar="LABELS", type=click.Path(file_okay=False, path_type=Path),
              help="Labelled real articles (e.g. tests/real/labels; docs/labelling.md): per-field scores per language.")
@click.option("--corpus", metavar="DIR", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/corpus"), show_default=True, help="With --real: where the labelled articles are.")
@click.option("--split", type=click.Choice(["dev", "holdout", "all"]), default="dev", show_default=True,
              help="With --real: the development articles, the held-out third, or all.")
@click.option("--misses", is_flag=True, help="With --real: list every wrong or missed incident and registered truce.")
@click.option("--json", "json_out", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the figures as JSON.")
def evaluate(golden: Path | None, coded: tuple[Path, ...], limit: int | None, real: Path | None, corpus: Path,
             split: str, misses: bool, json_out: Path | None) -> None:
    """Measure extraction: golden reports per language, agreement with human coders, and labelled
    real articles."""
    from trucewatch.evaluate import coded as coded_mod
    from trucewatch.evaluate import golden as golden_mod

    if golden is None and not coded and real is None:
        raise click.UsageError("give --golden DIR, --coded CSV and/or --real LABELS")
    analyzer = Analyzer.load()
    report: dict[str, Any] = {}
    if golden is not None:
        results = list(golden_mod.run_all(analyzer, golden))
        for lang in sorted({r.language for r in results}):
            mine = [r for r in results if r.language == lang]
            report.setdefault("golden", {})[lang] = sum(r.ok for r in mine) / len(mine)
            click.echo(f"golden {lang}: {sum(r.ok for r in mine)}/{len(mine)} reports as expected")
            for r in mine:
                for problem in r.problems:
                    click.echo(f"  {r.name}: {problem}")
    if coded:
        report["coded"] = coded_mod.score_files(analyzer, list(coded), limit)
        for name, m in report["coded"].items():
            figures = " ".join(f"{k} {m[k]:.3f}" for k in (*coded_mod.METRICS, "per_row") if k in m)
            click.echo(f"{name}: {figures} (n={int(m['n'])})")
    if real is not None:
        report["real"] = _real(analyzer, real, corpus, split, misses)
    if json_out is not None:
        json_out.write_text(json.dumps(report, indent=2), encoding="utf-8")


def _real(analyzer: Analyzer, labels: Path, corpus: Path, split: str, misses: bool) -> dict[str, Any]:
    from trucewatch.evaluate import real as real_mod

    if not corpus.is_dir():
        raise InputError("E105", source=str(corpus), why="no such folder; --corpus names "
                         "the folder holding news/ and news-2/")
    tallies = real_mod.score(analyzer, labels, corpus, split)
    out = {}
    for lang, tally in sorted(tallies.items()):
        out[lang] = f = tally.figures()
        click.echo(f"real {split} {lang}: " + " ".join(f"{k} {'-' if v is None else v}" for k, v in f.items()))
    for line in tallies["all"].misses if misses else ():
        click.echo(f"  {line}")
    return out


def _register() -> None:
    from trucewatch.cli.monitor import ceasefire, export, ingest, report, status
    from trucewatch.cli.serve import review, serve, token

    for command in (ingest, status, export, report, ceasefire, serve, token, review):
        cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="trucewatch", standalone_mode=False)
    except TrucewatchError as exc:
        click.echo(f"trucewatch: error {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line, never a traceback
        click.echo(f"trucewatch: internal error {type(exc).__name__}: {exc} "
                   "(please report it with the input)", err=True)
        return EXIT_INTERNAL
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
