"""The indexed judgement gives exactly what the pairwise loop gives, for any events and windows."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from trucewatch.judge.index import Events, Window, judge_indexed, judge_naive

times = st.integers(0, 500)


@st.composite
def corpus(draw: st.DrawFn) -> tuple[Events, list[Window]]:
    n = draw(st.integers(0, 60))
    starts = [draw(times) for _ in range(n)]
    ends = [s + draw(st.integers(0, 80)) for s in starts]
    countries = [draw(st.integers(-1, 2)) for _ in range(n)]
    windows = []
    for _ in range(draw(st.integers(1, 6))):
        s = draw(times)
        e = float("inf") if draw(st.booleans()) and draw(st.booleans()) else s + draw(st.integers(1, 120))
        windows.append(Window(float(s), e, draw(st.integers(-1, 2))))
    return Events(np.array(starts, float), np.array(ends, float), np.array(countries, int)), windows


@settings(max_examples=300, deadline=None)
@given(corpus())
def test_indexed_judgement_equals_the_pairwise_loop(data: tuple[Events, list[Window]]) -> None:
    events, windows = data
    for fast, slow in zip(judge_indexed(events, windows), judge_naive(events, windows), strict=True):
        assert sorted(fast.during.tolist()) == sorted(slow.during.tolist())
        assert sorted(fast.uncertain.tolist()) == sorted(slow.uncertain.tolist())
        assert (fast.before, fast.after) == (slow.before, slow.after)
