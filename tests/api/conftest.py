"""A store built from a few golden articles and one hostile article, served by the API app."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import golden_jsonl

GOLDEN_NAMES = ["de01_moskauer_zeit", "ru05_72_chasa", "uk05_72_hodyny", "fr05_72_heures"]
HOSTILE_OUTLET = "<script>window.__pwned = 'outlet'</script>"
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='title'\"> Strike <b>report</b>"
HOSTILE_URL = "javascript:window.__pwned='url'"
HOSTILE_TEXT = ("Russian missiles hit Kramatorsk on 9 May 2025, killing two people, officials said. "
                "<script>window.__pwned = 'text'</script> <svg onload=\"window.__pwned='svg'\"></svg> "
                "<a href=\"javascript:window.__pwned='link'\">more</a>")


def build_store(url: str, analyzer: Any, tmp: Path) -> None:
    from trucewatch.monitor import ingest
    from trucewatch.store.db import Store

    batch = golden_jsonl(GOLDEN_NAMES, tmp / "sample.jsonl")
    with batch.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"text": HOSTILE_TEXT, "published": "2025-05-09", "outlet": HOSTILE_OUTLET,
                            "title": HOSTILE_TITLE, "url": HOSTILE_URL, "language": "en"}) + "\n")
    with Store.open(url) as store:
        ingest([str(batch)], store, analyzer)


@pytest.fixture(scope="module")
def api_store(analyzer: Any, tmp_path_factory: pytest.TempPathFactory, module_store_url: str) -> str:
    build_store(module_store_url, analyzer, tmp_path_factory.mktemp("api"))
    return module_store_url


@pytest.fixture(scope="module")
def client(api_store: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from trucewatch.api.app import create_app

    with TestClient(create_app(api_store)) as c:
        yield c


@pytest.fixture(scope="module")
def tokens(api_store: str) -> dict[str, str]:
    from trucewatch.store.db import Store
    from trucewatch.store.review import add_token

    with Store.open(api_store) as store:
        return {role: add_token(store.conn, f"test-{role}", role)[1]  # type: ignore[arg-type]
                for role in ("reader", "analyst", "admin")}


@contextmanager
def serving(db: str) -> Iterator[str]:
    """The app over ``db`` served by uvicorn in a thread on a free loopback port: its base URL."""
    import uvicorn

    from trucewatch.api.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
