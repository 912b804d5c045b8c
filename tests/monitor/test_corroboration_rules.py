"""What corroboration never merges (issue 9): a region-wide summary and a town's strike, a tally
over a period and one strike, a battle and a strike, two strikes on other targets with other
weapons, different doers as reporters state them, and different days, even through a report
whose window covers both. Pairwise rules, so no embedding is needed to test them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.records import incident, place, report
from trucewatch.corroborate.events import same_place, same_time, same_type
from trucewatch.stored import Report

REGION = place("Kherson Oblast", "UA", "Kherson", 46.70, 33.0, 3)


def _r(article: str, **kw: Any) -> Report:
    return report(article, incident(**{"where": place(), **kw}))


@pytest.mark.parametrize(("a", "b"), [
    ({}, {"tally": True}),  # one strike, a 24-hour toll
    ({}, {"acled_event_type": "Battles", "acled_sub_event_type": "Armed clash"}),
    ({"targets": ("market",)}, {"targets": ("hospital",), "acled_sub_event_type": "Shelling/artillery/missile attack"}),
    ({"perpetrator_claimed": "Russia"}, {"perpetrator_claimed": "Ukraine"}),
    # a rocket attack one side is blamed for, and the other side's air strike: two incidents
    ({"perpetrator_claimed": "Hamas", "perpetrator_claimed_by": "Israel",
      "acled_sub_event_type": "Shelling/artillery/missile attack"}, {"perpetrator_claimed": "Israel"}),
])
def test_corroboration_rules_other_incidents_are_not_one_type(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert not same_type(_r("a", **a), _r("b", **b))


@pytest.mark.parametrize(("a", "b"), [
    ({}, {}),
    ({"tally": True}, {"tally": True}),
    ({"acled_sub_event_type": "Shelling/artillery/missile attack"}, {}),  # outlets name one strike two ways
    ({"perpetrator_claimed": "Russia", "perpetrator_claimed_by": "Ukraine"}, {"perpetrator_claimed": "Ukraine"}),
])
def test_corroboration_rules_one_incident_told_two_ways(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert same_type(_r("a", **a), _r("b", **b))


def test_corroboration_rules_a_region_summary_is_no_town_strike() -> None:
    town, region = _r("a"), _r("b", where=REGION)
    assert not same_place(town, region, 25.0)
    assert same_place(region, _r("c", where=REGION), 25.0)


@pytest.mark.parametrize(("a", "b", "linked"), [
    # one day each, different days
    (("2025-04-20T00:00:00+03:00", "2025-04-21T00:00:00+03:00"),
     ("2025-04-21T00:00:00+03:00", "2025-04-22T00:00:00+03:00"), False),
    # a two-day reporting window holds both days; it links to neither end of a chain across them
    (("2025-04-19T00:00:00+03:00", "2025-04-21T00:00:00+03:00"),
     ("2025-04-20T18:00:00+03:00", "2025-04-21T00:00:00+03:00"), True),
    (("2025-04-19T00:00:00+03:00", "2025-04-21T00:00:00+03:00"),
     ("2025-04-20T00:00:00+03:00", "2025-04-22T00:00:00+03:00"), False),
    # overnight and "on Sunday": one strike
    (("2025-04-19T18:00:00+03:00", "2025-04-20T07:00:00+03:00"),
     ("2025-04-20T00:00:00+03:00", "2025-04-21T00:00:00+03:00"), True),
])
def test_corroboration_rules_different_days_do_not_link(a: tuple[str, str], b: tuple[str, str], linked: bool) -> None:
    ra, rb = _r("a", start=a[0], end=a[1]), _r("b", start=b[0], end=b[1])
    assert same_time(ra, rb, 72.0) is linked
