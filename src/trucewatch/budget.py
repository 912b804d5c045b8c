"""A time budget for one article: one article can never stall a run.

:func:`deadline` bounds a block in two ways, and whichever comes first raises E114 for that
article (the caller records it as failed and goes on):

- a cooperative deadline, in every thread and process: the block's end time is held in a context
  variable, and :func:`check`, called at the pipeline's stage boundaries and inside the loops that
  grow with the article (per sentence, per candidate, per lexicon look-up), raises once it has
  passed. It holds on Dask workers' task threads and in any server thread, where signals cannot
  reach; a stage is stopped at its next check, so a step between two checks (one regex over one
  sentence) is the grain.
- a real-time interval timer (``SIGALRM``) where signals can be delivered (the main thread of a
  process on a platform with ``setitimer``: the CLI, ``ingest``, ``analyze --jsonl``), which also
  stops a block that never reaches a check.

A deadline nested in another keeps the earlier end; leaving the block restores the outer one.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from types import FrameType

from trucewatch.errors import InputError

#: the clock of the cooperative deadline (monotonic seconds)
clock = time.monotonic


@dataclass(frozen=True)
class _Budget:
    until: float  # clock() past which the block is stopped
    source: str
    limit: float


_current: ContextVar[_Budget | None] = ContextVar("trucewatch_budget", default=None)


def check() -> None:
    """Raise E114 when the innermost running :func:`deadline` has passed; cheap (a context
    variable and a clock read), so it can sit in loops that run once per sentence or candidate."""
    budget = _current.get()
    if budget is not None and clock() > budget.until:
        raise InputError("E114", source=budget.source, limit=budget.limit)


def _enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float, source: str) -> Iterator[None]:
    """Run the block within ``seconds`` or raise E114 for ``source`` (``seconds <= 0``: no bound)."""
    if seconds <= 0:
        yield
        return
    outer = _current.get()
    mine = _Budget(clock() + seconds, source, seconds)
    token = _current.set(mine if outer is None or mine.until < outer.until else outer)
    try:
        if _enforceable():
            with _alarm(seconds, source):
                yield
        else:
            yield
    finally:
        _current.reset(token)


@contextmanager
def _alarm(seconds: float, source: str) -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise InputError("E114", source=source, limit=seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:  # a timer someone else armed keeps running
            signal.setitimer(signal.ITIMER_REAL, outer[0], outer[1])
