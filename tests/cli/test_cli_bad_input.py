"""Bad input gets one clear line and a documented exit code, never a traceback; in a batch the
other articles still complete."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
CLI = [sys.executable, "-m", "trucewatch"]
FRENCH = ("Au moins deux personnes ont été tuées samedi dans un bombardement à Kherson, "
          "ont déclaré les autorités ukrainiennes.\n")
ITALIAN = ("Il cessate il fuoco tra le parti è stato violato più volte durante il fine settimana, "
           "hanno riferito le autorità domenica. Il governo ha annunciato nuovi colloqui.\n")
POLISH = ("Zawieszenie broni zostało złamane w niedzielę: ostrzał trwał całą noc, "
          "poinformowały władze lokalne.\n")
RUSSIAN = ("Режим тишины был нарушен в воскресенье: в Херсоне погибли два человека, "
           "сообщили местные власти.\n")


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "analyze", *args], capture_output=True, text=True, input=stdin, timeout=300)


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("name", "data", "code", "exit_code"),
    [
        ("empty.txt", b"", "E101", 3),
        ("blank.txt", b"  \n\n \t\n", "E101", 3),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "E102", 3),
        ("numbers.txt", b"12 34 56 -- 78 ... 90\n", "E107", 3),
        ("italian.txt", ITALIAN.encode("utf-8"), "E201", 4),
        ("polish-cp1250.txt", POLISH.encode("cp1250"), "E201", 4),
    ],
)
def test_cli_bad_input_fails_with_one_clear_line(tmp_path: Path, name: str, data: bytes, code: str,
                                                 exit_code: int) -> None:
    path = _write(tmp_path, name, data)
    run = _run(path, "--format", "json")
    assert run.returncode == exit_code, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    assert code in lines[0] and (name in lines[0] or code == "E201" and name in lines[0])


@pytest.mark.parametrize(("text", "encoding", "language"),
                         [(FRENCH, "latin-1", "fr"), (FRENCH, "cp1252", "fr"), (RUSSIAN, "cp1251", "ru"),
                          (RUSSIAN, "koi8-r", "ru")])
def test_cli_bad_input_legacy_encoding_is_decoded_and_analysed(tmp_path: Path, text: str, encoding: str,
                                                               language: str) -> None:
    path = _write(tmp_path, f"article-{encoding}.txt", text.encode(encoding))
    run = _run(path, "--published", "2023-01-08", "--format", "json")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["article"]["language"] == language
    assert any(w.startswith("W101") for w in out["warnings"])
    [incident] = out["incidents"]
    assert incident["place"] == "Kherson" and incident["fatalities_low"] == 2


@pytest.mark.parametrize("megabytes", [20])
def test_cli_bad_input_huge_file_is_refused_quickly(tmp_path: Path, megabytes: int) -> None:
    path = _write(tmp_path, "huge.txt", (FRENCH * (megabytes * 1_000_000 // len(FRENCH) + 1)).encode())
    run = _run(path)
    assert run.returncode == 3
    assert "E104" in run.stderr and "--max-chars" in run.stderr


@pytest.mark.parametrize("missing", ["does-not-exist.txt"])
def test_cli_bad_input_missing_file(tmp_path: Path, missing: str) -> None:
    run = _run(str(tmp_path / missing))
    assert run.returncode == 3 and "E105" in run.stderr and missing in run.stderr


@pytest.mark.parametrize("text", [
    "Le gouvernement a présenté son budget mardi devant l'Assemblée nationale, a-t-on appris.\n",
])
def test_cli_bad_input_no_events_is_a_clear_success(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, "budget.txt", text.encode())
    run = _run(path, "--format", "text")
    assert run.returncode == 0
    assert "No ceasefire or incident found" in run.stdout


def test_cli_bad_input_batch_goes_on_after_failures(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": FRENCH, "published": "2023-01-08"}),
        "{not json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "italian", "text": ITALIAN}),
        json.dumps({"id": "bad-date", "text": FRENCH, "published": "8 janvier"}),
        json.dumps({"id": "rss-date", "text": FRENCH, "published": "Sun, 08 Jan 2023 17:00:00 +0200"}),
        json.dumps({"id": "ok-2", "text": FRENCH, "published": "2023-01-09", "language": "fr"}),
    ]
    path = _write(tmp_path, "batch.jsonl", ("\n".join(lines) + "\n").encode())
    run = _run("--jsonl", path, "--format", "jsonl")
    assert run.returncode == 5, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert [o["status"] for o in out] == ["ok", "failed", "failed", "failed", "ok", "ok", "ok"]
    assert out[4]["article"]["published_basis"] == "unknown"  # nothing in the text dates it either
    assert any(w.startswith("W105") for w in out[4]["warnings"])
    assert out[5]["article"]["published"] == "2023-01-08"
    assert [o["id"] for o in out][0] == "ok-1" and out[-1]["id"] == "ok-2"
    assert [o["error"]["code"] for o in out if o["status"] == "failed"] == ["E106", "E101", "E201"]
    assert "Traceback" not in run.stderr
