"""The package's layers: every import points down the flow, never back up, and there is no cycle.

Read from the source (``ast``), imports inside functions included: a lazy import that runs back
up the layers is still an arrow the wrong way.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "trucewatch"

#: low to high: a module may import its own layer and those below it
LAYERS: list[set[str]] = [
    {"errors", "config", "records", "stored", "contract", "budget"},
    {"nlp"},
    {"temporal", "geo"},
    {"extract"},
    {"judge"},
    {"pipeline", "render"},
    {"store", "ingest"},
    {"registry"},
    {"corroborate"},
    {"review"},
    {"export"},
    {"report", "evaluate"},
    {"monitor", "api"},
    {"cli", "__main__"},
]
RANK = {name: n for n, names in enumerate(LAYERS) for name in names}


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("trucewatch"):
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("trucewatch")}
    return out


@cache
def _modules() -> dict[str, set[str]]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        out[name] = _imports(path)
    return out


@pytest.mark.parametrize("module", sorted(m for m in _modules() if _part(m) not in ("", "data")))
def test_layers_imports_never_run_back_up(module: str) -> None:
    own = RANK[_part(module)]
    back = sorted(i for i in _modules()[module]
                  if _part(i) and RANK[_part(i)] > own)
    assert not back, f"{module} (layer {own}) imports higher layers: {back}"


def test_layers_every_part_has_a_layer() -> None:
    parts = {_part(m) for m in _modules()} - {"", "data"}
    assert parts <= set(RANK), f"add to LAYERS: {sorted(parts - set(RANK))}"


def test_layers_no_import_cycle() -> None:
    graph = {m: {i for i in imps if i in _modules() and i != m} for m, imps in _modules().items()}
    graph = {m: {i for i in deps if i != "trucewatch"} for m, deps in graph.items() if m != "trucewatch"}
    seen: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(m: str, path: list[str]) -> None:
        seen[m] = 1
        for d in sorted(graph.get(m, ())):
            if seen.get(d) == 1:
                raise AssertionError(f"import cycle: {' -> '.join([*path, m, d])}")
            if d not in seen:
                visit(d, [*path, m])
        seen[m] = 2

    for m in sorted(graph):
        if m not in seen:
            visit(m, [])
