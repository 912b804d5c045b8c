"""Fuzzing (issue 13): how many examples each target ran, printed at the end of the session.

CI replays the seed corpus and runs a few examples per target; ``make fuzz`` sets
``TRUCEWATCH_FUZZ_EXAMPLES`` for a long run."""

from __future__ import annotations

from collections import Counter
from typing import Any

RUN: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if RUN:
        failed = len(terminalreporter.stats.get("failed", []))
        terminalreporter.write_line(f"fuzz: {sum(RUN.values())} examples run, {failed} targets with an uncaught "
                                    "exception; " + ", ".join(f"{k} {v}" for k, v in sorted(RUN.items())))
