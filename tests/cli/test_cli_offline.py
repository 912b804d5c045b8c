"""Nothing downloads at run time: the whole analysis runs in a network namespace with no
network at all (``unshare -n``, as root in CI and on developer machines)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("args", [["--published", "2023-01-06"]])
def test_cli_offline_analysis_needs_no_network(args: list[str], seed: Path) -> None:
    unshare = shutil.which("unshare")
    assert unshare, "util-linux's unshare is part of the machine image"
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.fail(f"unshare -n is not permitted here ({probe.stderr.decode().strip()}); run as root")
    run = subprocess.run([unshare, "-n", sys.executable, "-m", "trucewatch", "analyze", str(seed), *args,
                          "--format", "json"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["article"]["language"] == "fr" and len(out["incidents"]) == 3
