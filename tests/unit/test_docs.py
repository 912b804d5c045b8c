"""The generated CLI reference is current, and the README's commands are the Makefile's."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("script", ["scripts/gen_docs.py"])
def test_docs_cli_reference_is_current(script: str) -> None:
    run = subprocess.run([sys.executable, str(ROOT / script), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("command", ["make demo", "make test"])
def test_docs_readme_names_the_two_setup_commands(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert command in readme
    target = command.split()[1]
    assert f"\n{target}:" in (ROOT / "Makefile").read_text(encoding="utf-8")
