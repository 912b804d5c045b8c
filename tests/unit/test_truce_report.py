"""Did the truce hold? The verdict of a report on one truce, from its judged events and claims;
and the report's text, which never lets article text run or escape its directory."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from tests.records import ceasefire, declaration, incident, place, report
from trucewatch.judge.judge import judge
from trucewatch.judge.truce import answer
from trucewatch.records import Claim, Span
from trucewatch.registry.user import file_stem
from trucewatch.report.build import make
from trucewatch.report.text import html_page, markdown
from trucewatch.stored import Event, Registered, Report, Source, StoredClaim

TRUCE = Registered(ceasefire("Russia", "2023-01-06T12:00:00+03:00", "2023-01-08T00:00:00+03:00", id="C1"),
                   (declaration("d1", ceasefire("Russia", "2023-01-06T12:00:00+03:00", "2023-01-08T00:00:00+03:00"),
                                "2023-01-05"),))
KRAMATORSK = place("Kramatorsk", "UA", "Donetsk", 48.72, 37.56)


def _event(article: str, start: str, end: str, low: int | None = None, **kw: object) -> Event:
    inc = incident(f"Rockets hit Kramatorsk ({article}).", where=KRAMATORSK, start=start, end=end, low=low, **kw)
    return Event.single(report(article, inc, published="2023-01-07"))


def _judged(events: list[Event], who: str = "uncontested") -> list:  # type: ignore[type-arg]
    return [(e, judge(TRUCE.ceasefire, e.id, e.time, e.place, who)) for e in events]  # type: ignore[arg-type]


def _claim(claimant: str, target: str, article: str = "a1") -> StoredClaim:
    c = Claim("c1", claimant, None, "accuses", target, (), None, (Span(0, 10, f"{claimant} blames {target}"),))
    return StoredClaim(c, article, date(2023, 1, 7))


def test_an_incident_inside_the_window_and_zone_is_an_alleged_violation() -> None:
    during = _event("a1", "2023-01-07T03:00:00+03:00", "2023-01-07T04:00:00+03:00", 2, perpetrator_claimed="Russia")
    got = answer(TRUCE, [during], _judged([during]), [_claim("Ukraine", "Russia")])
    assert (got.verdict, got.violations, got.killed, got.perpetrators) == ("violations_alleged", 1, 2, {"Russia": 1})


def test_each_side_accusing_the_other_is_contested() -> None:
    during = _event("a1", "2023-01-07T03:00:00+03:00", "2023-01-07T04:00:00+03:00")
    claims = [_claim("Ukraine", "Russia"), _claim("Russia", "Ukraine", "a2")]
    got = answer(TRUCE, [during], _judged([during]), claims)
    assert got.verdict == "contested" and got.mutual == (("Russia", "Ukraine"),)
    # a quarrel between two other parties in the same articles does not contest this truce
    other = [_claim("India", "Pakistan"), _claim("Pakistan", "India")]
    assert answer(TRUCE, [during], _judged([during]), other).verdict == "violations_alleged"


def test_reports_around_the_window_and_none_inside_is_held_and_nothing_is_unknown() -> None:
    before = _event("a1", "2023-01-05T03:00:00+03:00", "2023-01-05T04:00:00+03:00")
    straddling = _event("a2", "2023-01-06T11:00:00+03:00", "2023-01-06T13:00:00+03:00")
    assert answer(TRUCE, [before, straddling], _judged([straddling]), []).verdict == "held"
    silent = Registered(TRUCE.ceasefire)  # no declaration after it began, no event near it
    far = _event("a3", "2022-06-01T03:00:00+03:00", "2022-06-01T04:00:00+03:00")
    assert answer(silent, [far], [], []).verdict == "unknown"


def test_hostile_article_text_is_inert_in_markdown(tmp_path: Path) -> None:
    hostile = Source("x.html", "<script>alert(1)</script>", "javascript:alert(1)", "![x](javascript:alert(1)) | a\nb")
    inc = incident("<img src=x onerror=alert(1)> hit", where=KRAMATORSK, start="2023-01-07T03:00:00+03:00",
                   end="2023-01-07T04:00:00+03:00")
    e = Event.single(Report(inc, "a1", date(2023, 1, 7), "en", hostile))
    j = judge(TRUCE.ceasefire, e.id, e.time, e.place, "unknown")
    text = markdown(make(TRUCE, [e], [j], []), {})
    assert "<script>" not in text and "<img" not in text
    assert not re.search(r"(?<!\\)\]\(", text.split("## Declarations")[0])  # no link or image syntax left
    assert "<javascript:" not in text  # only http(s) URLs become links
    table_rows = [line for line in text.splitlines() if line.startswith("| 2023")]
    assert len(table_rows) == 1 and table_rows[0].count(" | ") == 6  # a newline or pipe breaks no row


def test_hostile_article_text_is_inert_in_html(tmp_path: Path) -> None:
    """Every text from articles (outlet, title, url, evidence, a claim) is escaped in the HTML
    page: no element, attribute or script URL of theirs survives."""
    hostile = Source("x.html", "<script>alert(1)</script>", "javascript:alert(1)", '"><svg onload=alert(1)>')
    inc = incident("<img src=x onerror=alert(1)> hit", where=KRAMATORSK, start="2023-01-07T03:00:00+03:00",
                   end="2023-01-07T04:00:00+03:00")
    e = Event.single(Report(inc, "a1", date(2023, 1, 7), "en", hostile))
    j = judge(TRUCE.ceasefire, e.id, e.time, e.place, "unknown")
    page = html_page(make(TRUCE, [e], [j], [_claim("<b>Russia</b>", "Ukraine")]), {})
    body = page.split("<body>", 1)[1]
    for raw in ("<script", "<img", "<svg", "<b>Russia", "href=\"javascript:"):
        assert raw not in body, raw
    assert "&lt;script&gt;" in body or "&lt;img" in body


def test_a_file_name_never_leaves_the_output_directory() -> None:
    assert "/" not in file_stem("x/../../escaped") and not file_stem("..").startswith(".")
    assert file_stem("x/y") != file_stem("x_y")  # two ids never share a file


def test_an_open_ended_truce_is_judged_until_a_while_after_its_last_report() -> None:
    """Nothing says a truce nobody has reported on for months is still in force: an open-ended
    truce is judged until 30 days (Settings.open_ended_days) after the last article on it."""
    from trucewatch.registry.ceasefires import build
    from trucewatch.registry.judged import judge_events

    [reg] = build([declaration("d1", ceasefire("Russia", "2023-01-06T12:00:00+03:00", None), "2023-01-05"),
                   declaration("d2", ceasefire("Russia", "2023-01-06T12:00:00+03:00", None), "2023-01-10")])
    assert reg.ceasefire.end is None and reg.horizon is not None
    assert reg.horizon.isoformat() == "2023-02-09T00:00:00+03:00"
    soon = _event("a1", "2023-01-20T03:00:00+03:00", "2023-01-20T04:00:00+03:00")
    months = _event("a2", "2023-06-20T03:00:00+03:00", "2023-06-20T04:00:00+03:00")
    assert {j.incident for j in judge_events([reg], [soon, months])} == {soon.id}
