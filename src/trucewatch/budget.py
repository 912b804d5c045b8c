"""A time budget for one article: one article can never stall a run.

:func:`deadline` arms a real-time interval timer (``SIGALRM``) around a block; when it fires, the
block is interrupted with E114 and the caller records that article as failed and goes on. It is
enforced where signals can be: the main thread of a process on a platform with ``setitimer`` (the
CLI, ``ingest``, ``analyze --jsonl``); elsewhere (a Dask worker's task threads, a web server's
threads) it is a no-op, and the linear-time analysis is the bound.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from trucewatch.errors import InputError


def _enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float, source: str) -> Iterator[None]:
    """Run the block within ``seconds`` or raise E114 for ``source``."""
    if not _enforceable() or seconds <= 0:
        yield
        return

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
