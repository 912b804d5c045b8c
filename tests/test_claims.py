"""Claims: who says a party did it, denies it or keeps the truce, read from each language's
constructions (sentences written for these tests, through the whole analyser)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _claims(analyzer: Any, lang: str, text: str) -> set[tuple[str | None, str, str | None]]:
    out = analyzer.analyze(text, published="2024-05-10", language=lang).to_contract()
    return {(c["claimant"], c["kind"], c["target"]) for c in out["claims"]}


def test_the_accuser_is_the_claimant_and_the_accused_the_perpetrator(analyzer: Any) -> None:
    """'Ukraine accused Russia of the attack': the subject of the accusation made no attack."""
    text = "A missile hit Kharkiv on Monday, killing three people. Ukraine accused Russia of the attack."
    out = analyzer.analyze(text, published="2024-05-10", language="en").to_contract()
    (inc,) = out["incidents"]
    assert (inc["perpetrator_claimed"], inc["perpetrator_claimed_by"]) == ("Russia", "Ukraine")
    assert {(c["claimant"], c["kind"], c["target"]) for c in out["claims"]} == {("Ukraine", "accuses", "Russia")}
