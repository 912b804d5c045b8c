"""Schemathesis against the app's own OpenAPI spec, in process (ASGI transport, no network):
no generated request makes a 5xx; every write without a token is a 401 and with a reader's
token a 403, whatever its path and body. Skips, saying why, when schemathesis is not installed
(it is a dev requirement; tests/api/test_fuzz.py covers the same ground with hypothesis alone)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.model
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (a dev requirement)")
RUN = settings(max_examples=25, deadline=None, database=None,
               suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def operations(api_store: str) -> list[Any]:
    from trucewatch.api.app import create_app

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(api_store))
    ops = [result.ok() for result in schema.get_all_operations()]
    assert {op.method.upper() for op in ops} >= {"GET", "POST"}
    return ops


def _cases(operations: list[Any], writes: bool) -> Any:
    from hypothesis import strategies as st

    chosen = [op for op in operations if (op.method.upper() != "GET") == writes]
    return st.one_of([op.as_strategy() for op in chosen])


def _problem(r: Any) -> None:
    assert r.status_code < 500, (r.status_code, r.text)
    if r.status_code >= 400:
        assert r.headers["content-type"][0].startswith("application/problem+json"), r.headers


def test_schemathesis_reads_make_no_server_error(operations: list[Any]) -> None:
    @RUN
    @given(_cases(operations, writes=False))
    def run(case: Any) -> None:
        _problem(case.call())

    run()


def test_schemathesis_every_write_needs_a_token_and_a_reader_cannot_write(
        operations: list[Any], tokens: dict[str, str]) -> None:
    @RUN
    @given(_cases(operations, writes=True))
    def run(case: Any) -> None:
        case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
        anonymous = case.call()
        assert anonymous.status_code == 401, (case.path, anonymous.text)
        reader = case.call(headers={"Authorization": f"Bearer {tokens['reader']}"})
        assert reader.status_code == 403, (case.path, reader.text)
        _problem(case.call(headers={"Authorization": f"Bearer {tokens['analyst']}"}))

    run()
