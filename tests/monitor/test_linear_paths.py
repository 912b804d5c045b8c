"""The indexes that made pathological text linear (issue 13) answer exactly as the scans they
replaced; the time itself is measured by benchmarks/linear_bench.py, not by a timed test."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trucewatch.nlp.load import LONGEST_RUN, tokenizable
from trucewatch.temporal.points import _Taken

spans = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@given(spans, st.integers(0, 220), st.integers(1, 50))
def test_taken_spans_answer_as_a_scan_of_them(taken: list[tuple[int, int]], start: int, width: int) -> None:
    end = start + width
    assert _Taken(taken).overlaps(start, end) == any(start < e and s < end for s, e in taken)


@given(st.text(alphabet=st.sampled_from("(a) .\n"), max_size=2000))
def test_tokenizable_keeps_every_offset_and_breaks_long_runs(text: str) -> None:
    out = tokenizable(text)
    assert len(out) == len(text)
    assert all(a == b or b == " " for a, b in zip(text, out, strict=True))
    assert max((len(r) for r in out.split()), default=0) <= LONGEST_RUN
    if max((len(r) for r in text.split()), default=0) <= LONGEST_RUN:
        assert out == text


def test_a_long_run_of_parentheses_reaches_the_tokenizer_in_pieces() -> None:
    text = "Shelling hit Kharkiv " + "(" * 4000 + ")" * 4000 + " on Monday."
    assert max(len(r) for r in tokenizable(text).split()) < LONGEST_RUN
