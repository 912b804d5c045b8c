"""``trucewatch status`` names each failure once: its source, its code, what went wrong."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from trucewatch.cli.main import cli
from trucewatch.errors import InputError, InternalError
from trucewatch.store.db import Store


def test_status_says_each_failures_code_and_source_once(tmp_path: Path) -> None:
    db = str(tmp_path / "tw.sqlite")
    empty = InputError("E101", source="in/empty.txt")
    stalled = InputError("E114", source="in/long.txt", limit=120)
    broken = InternalError("E901", source="in/odd.txt", why="ValueError: odd")
    with Store.open(db) as store:
        store.save_source_failure("in/empty.txt", empty.code, str(empty))
        store.save_article({"id": "a1", "source": "in/long.txt", "text": "A long article."}, None,
                           (stalled.code, str(stalled)))
        store.save_article({"id": "a2", "source": "in/odd.txt", "text": "An odd article."}, None,
                           (broken.code, str(broken)))
    out = CliRunner().invoke(cli, ["status", "--db", db])
    assert out.exit_code == 0, out.output
    lines = {line.split(":")[0].strip(): line for line in out.output.splitlines() if line.startswith("  in/")}
    assert set(lines) == {"in/empty.txt", "in/long.txt", "in/odd.txt"}
    for source, line in lines.items():
        code = {"in/empty.txt": "E101", "in/long.txt": "E114", "in/odd.txt": "E901"}[source]
        assert line.count(code) == 1 and line.count(source) == 1, line
        assert line.strip().startswith(f"{source}: {code} "), line
