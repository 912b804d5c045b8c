"""Bounds on what comes from outside (README, "Limits on input"): each breach is a coded failure
of that one source, found without holding the source whole, and without blocking on a pipe."""

from __future__ import annotations

import json
import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from tests.monitor.test_hostile_sources import BODY
from trucewatch.config import Settings
from trucewatch.ingest.sources import Limits, RawArticle, SourceFailure, read_sources


def _read(paths: list[Path], limits: Limits | None = None) -> list[RawArticle | SourceFailure]:
    """read_sources in a thread, so that a read that blocks fails the test instead of hanging it."""
    out: list[RawArticle | SourceFailure] = []
    worker = threading.Thread(target=lambda: out.extend(read_sources([str(p) for p in paths], limits=limits)),
                              daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "reading blocked"
    return out


def _codes(items: list[RawArticle | SourceFailure]) -> list[str]:
    return ["ok" if isinstance(i, RawArticle) else i.error.code for i in items]


def test_bounds_the_defaults_are_the_settings() -> None:
    s = Settings.load()
    assert Limits.of(s) == Limits() and Limits().max_bytes == 100_000_000
    assert (Limits().max_field_chars, Limits().max_depth) == (10_000, 32)


def test_bounds_a_200_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(200_000_000)  # sparse: 200 MB that take no disk
    tracemalloc.start()
    items = _read([huge, tmp_path])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert _codes(items) == ["E110", "E110"] and "max_source_bytes" in str(items[0].error)  # type: ignore[union-attr]
    assert peak < 10_000_000


def test_bounds_a_jsonl_line_over_the_limit_is_skipped_not_held(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"text": BODY}).encode()
    long = b'{"text": "' + b"x" * 20_000_000 + b'"}'
    path.write_bytes(b"\n".join([good, long, good.replace(b"Two", b"Three")]) + b"\n")
    tracemalloc.start()
    items = _read([path], Limits(max_bytes=100_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert _codes(items) == ["ok", "E110", "ok"] and items[1].source.endswith(":2")
    assert peak < 5_000_000


def test_bounds_pipes_and_devices_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "inside.jsonl")
    items = _read([fifo, Path("/dev/zero"), folder])
    assert _codes(items) == ["E111", "E111", "E111"]
    assert "named pipe" in str(items[0].error) and "character device" in str(items[1].error)  # type: ignore[union-attr]


def test_bounds_a_dangling_symlink_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    items = _read([tmp_path])
    assert _codes(items) == ["E105", "ok"]
    assert "symbolic link" in str(items[0].error) and "deleted.txt" in str(items[0].error)  # type: ignore[union-attr]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_bounds_utf16_and_utf32_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    (tmp_path / "a.txt").write_bytes(bom + BODY.encode(encoding))
    (tmp_path / "b.csv").write_bytes(bom + f'text,title\n"{BODY}",Strike\n'.encode(encoding))
    (tmp_path / "c.jsonl").write_bytes(bom + (json.dumps({"text": BODY, "id": "x"}) + "\n").encode(encoding))
    (tmp_path / "d.json").write_bytes(bom + json.dumps({"text": BODY}).encode(encoding))
    items = _read([tmp_path])
    assert _codes(items) == ["ok"] * 4, [str(getattr(i, "error", "")) for i in items]
    assert all(BODY in i.text for i in items if isinstance(i, RawArticle))


def test_bounds_json_nesting_and_field_length(tmp_path: Path) -> None:
    lines = [{"text": BODY, "extra": [[[[1]]]]}, {"text": BODY, "extra": json.loads("[" * 40 + "]" * 40)},
             {"text": BODY, "title": "t" * 10_001}, {"text": BODY, "title": "t" * 10_000}]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    items = _read([path])
    assert _codes(items) == ["ok", "E112", "E113", "ok"]
    assert "32 levels" in str(items[1].error) and "max_field_chars" in str(items[2].error)  # type: ignore[union-attr]


def test_bounds_a_csv_field_over_the_text_limit_fails_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'text,title\n"{BODY} {"y" * 300_000}",long\n"{BODY}",short\n', encoding="utf-8")
    items = _read([path], Limits(max_chars=200_000))
    assert _codes(items) == ["E113", "ok"] and "max_chars" in str(items[0].error)  # type: ignore[union-attr]
