"""Hostile input on the command line: one clear coded line (or one failed output line in a
batch), never a traceback, never a hang, never invalid UTF-8 in the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli_bad_input import FRENCH

pytestmark = pytest.mark.model
CLI = [sys.executable, "-m", "trucewatch"]


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], capture_output=True, timeout=timeout)


def _one_line(run: subprocess.CompletedProcess[bytes], code: str) -> str:
    err = run.stderr.decode("utf-8")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert f"error {code} " in err and "{" not in err, err
    return err


def test_cli_hostile_jsonl_bad_lines_fail_alone(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "ok-1", "text": FRENCH, "published": "2023-01-08"}),
             '{"id": "surrogate", "text": "' + FRENCH.strip() + ' \\ud800"}',
             '{"id": "deep", "text": "' + FRENCH.strip() + '", "x": ' + "[" * 1000 + "]" * 1000 + "}",
             json.dumps({"id": "objects", "text": FRENCH, "title": {"a": 1}, "url": [1]}),
             json.dumps({"id": 2**63, "text": FRENCH, "outlet": 2**64})]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = _run("analyze", "--jsonl", str(path), "--format", "jsonl")
    assert run.returncode == 5, run.stderr
    out = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
    assert [(o["id"], o["status"]) for o in out] == [("ok-1", "ok"), ("surrogate", "failed"), ("deep", "failed"),
                                                     ("objects", "ok"), (str(2**63), "ok")]
    assert [o["error"]["code"] for o in out if o["status"] == "failed"] == ["E103", "E112"]
    assert any(w.startswith("W106") for w in out[3]["warnings"])


def test_cli_hostile_jsonl_missing_or_a_folder_is_e105(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.jsonl", tmp_path):
        run = _run("analyze", "--jsonl", str(path))
        assert run.returncode == 3
        _one_line(run, "E105")


def test_cli_hostile_pipes_and_devices_are_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for args in (["analyze", str(fifo)], ["analyze", "--jsonl", str(fifo)], ["analyze", "/dev/zero"]):
        run = _run(*args, timeout=120)
        assert run.returncode == 3, run.stderr
        _one_line(run, "E111")
    db = tmp_path / "tw.sqlite"
    run = _run("ingest", str(tmp_path), "--db", str(db), "--quiet", timeout=300)
    assert run.returncode == 5 and b"E111" in run.stderr and b"Traceback" not in run.stderr
    status = _run("status", "--db", str(db))
    assert status.returncode == 0 and b"pipe.txt: E111" in status.stdout


def test_cli_hostile_a_200_mb_file_is_refused_at_once(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(200_000_000)
    run = _run("analyze", str(huge), timeout=120)
    assert run.returncode == 3
    assert "max_source_bytes" in _one_line(run, "E110")


def test_cli_hostile_utf16_and_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    utf16 = tmp_path / "article-utf16.txt"
    utf16.write_bytes(FRENCH.encode("utf-16"))
    run = _run("analyze", str(utf16), "--published", "2023-01-08", "--format", "json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["article"]["language"] == "fr"
    name = tmp_path / os.fsdecode(b"caf\xe9.txt")
    name.write_text(FRENCH, encoding="utf-8")
    run = _run("analyze", str(name), "--format", "json")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.decode("utf-8"))  # valid UTF-8: the byte is shown, not passed through
    assert out["article"]["source"].endswith("caf\\xe9.txt")


def test_cli_hostile_unsupported_lang_names_the_input(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(FRENCH, encoding="utf-8")
    run = _run("analyze", str(path), "--lang", "xx")
    assert run.returncode == 4
    err = _one_line(run, "E202")
    assert "article.txt: --lang 'xx' is not supported" in err
