"""pyproject.toml declares every third-party package the code imports: core ones as dependencies,
the lazily imported heavy ones in the extra that errors.EXTRAS names for them."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from trucewatch.errors import EXTRAS

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


@cache
def _imports() -> set[str]:
    out: set[str] = set()
    for path in (ROOT / "src" / "trucewatch").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                out |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                out.add(node.module.split(".")[0])
    return {m for m in out if m != "trucewatch" and m not in sys.stdlib_module_names}


def _declared(group: str | None) -> set[str]:
    project = PYPROJECT["project"]
    reqs = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return {_name(r) for r in reqs}


@pytest.mark.parametrize("module", sorted(_imports()))
def test_packaging_every_import_is_declared(module: str) -> None:
    dists = {d.lower().replace("_", "-") for d in packages_distributions().get(module, [])}
    assert dists, f"{module} is imported but no installed distribution provides it"
    extras = [e for e, modules in EXTRAS.items() if module in modules]
    declared = _declared(None).union(*(_declared(e) for e in extras))
    assert dists & declared, f"{module} ({sorted(dists)}) is not in dependencies nor in extras {extras}"


@pytest.mark.parametrize("extra", sorted(EXTRAS))
def test_packaging_each_extra_is_declared_and_in_all(extra: str) -> None:
    groups = PYPROJECT["project"]["optional-dependencies"]
    assert extra in groups
    assert extra in groups["all"][0], "trucewatch[all] must bring every extra"


def test_packaging_dev_tools_are_not_runtime_dependencies() -> None:
    assert not _declared(None) & {"pytest", "hypothesis", "mypy", "ruff", "pandas"}
