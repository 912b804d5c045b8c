"""The dashboard in a real browser (Debian's chromium through Playwright), against a server the
test starts on a free loopback port over a store of golden articles and one hostile article.

Without /usr/bin/chromium (or the playwright package) the tests skip, saying why; under CI
(``$CI`` set) they fail: .ci/run installs chromium. Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import HOSTILE_OUTLET, HOSTILE_TITLE, build_store, serving

pytestmark = pytest.mark.model
CHROMIUM = Path(os.environ.get("TRUCEWATCH_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _need_browser() -> None:
    why = None
    if not CHROMIUM.exists():
        why = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            why = "the playwright package is not installed (requirements-dev.lock)"
    if why:
        if os.environ.get("CI"):
            pytest.fail(why + ": .ci/run installs it")
        pytest.skip(why)


@pytest.fixture(scope="module")
def server(analyzer: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base URL, an analyst's token) of a server on a free port, stopped after the module."""
    _need_browser()
    from trucewatch.store.db import Store
    from trucewatch.store.review import add_token

    tmp = tmp_path_factory.mktemp("browser")
    db = str(tmp / "dash.sqlite")
    build_store(db, analyzer, tmp)
    with Store.open(db) as store:
        bearer = add_token(store.conn, "browser-test", "analyst")[1]
    with serving(db) as base:
        yield base, bearer


def _api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=10) as r:  # noqa: S310 - the loopback test server
        return json.loads(r.read())


@pytest.fixture(scope="module")
def page(server: tuple[str, str]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    base = server[0]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        pg = browser.new_page(viewport={"width": 1280, "height": 1000})
        pg.outside = []  # requests to anything but the test server: none may be made
        pg.dialogs = []
        pg.errors = []  # console errors (a CSP violation is one) and uncaught exceptions
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
        pg.on("request", lambda r: None if r.url.startswith((base, "data:")) else pg.outside.append(r.url))
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        yield pg
        browser.close()


def _ready(page: Any) -> None:
    page.wait_for_selector("body[data-ready='true']", timeout=20_000)


def test_truce_page_filters_and_verdict(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    truces = _api(base, "/api/ceasefires")["ceasefires"]
    truce = max(truces, key=lambda t: t["articles"])
    page.goto(base + "/")
    _ready(page)
    assert f"ceasefire={truce['id']}" in page.url  # the chosen truce is in the URL
    shown = page.locator("#verdict-value").inner_text().strip()
    assert shown == truce["verdict"]["verdict"].replace("_", " ")
    rows = page.locator("#incidents tbody tr")
    assert rows.count() >= 1
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached")  # outlines and markers drawn
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "truce.png"), full_page=True)
    page.screenshot(path=str(SHOTS / "truce-top.png"))  # the first screen: what docs/img/truce.png shows
    kinds = [o for o in page.locator("#f-type option").all_inner_texts() if o != "any"]
    assert kinds
    page.evaluate("document.body.dataset.ready = ''")
    page.select_option("#f-type", kinds[0])
    _ready(page)
    assert "event_type=" in page.url
    types = page.locator("#incidents tbody tr td:nth-child(3)").all_inner_texts()
    assert types and all(t.startswith(kinds[0]) for t in types)
    page.reload()  # filters live in the URL
    _ready(page)
    assert page.locator("#f-type").input_value() == kinds[0]
    assert not page.outside, f"the dashboard fetched outside the server: {page.outside}"
    assert not page.errors, f"console errors: {page.errors}"


def test_event_page_evidence_and_toll_edit_persists(server: tuple[str, str], page: Any) -> None:
    base, bearer = server
    events = _api(base, "/api/events?limit=1000")["events"]
    multi = max(events, key=lambda e: e["reports"])
    page.goto(f"{base}/event.html?id={multi['event_id']}")
    _ready(page)
    marks = page.locator("#reports mark").all_inner_texts()
    detail = _api(base, f"/api/events/{multi['event_id']}")
    assert marks and set(marks) <= {s["text"] for r in detail["reports_detail"] for s in r["evidence"]}
    assert page.locator("#reports article").count() == multi["reports"]
    first = detail["reports_detail"][0]
    said = page.locator(f"#reports article[data-article='{first['article_id']}'] tr[data-said='place'] td.words")
    mention = first["fields"]["place_mention"]
    assert mention and said.first.text_content() == f"“{mention['text']}”"  # the words the place came from
    page.fill("#token", bearer)
    page.fill("#f-low", "3")
    page.fill("#f-best", "4")
    page.fill("#f-high", "6")
    page.fill("#f-reason", "the regional governor's later toll")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#save")
    page.wait_for_selector("#form-status.ok")
    _ready(page)
    page.reload()
    _ready(page)
    best = page.locator("tr[data-field='fatalities_best'] td.value").inner_text()
    assert best == "4"
    assert "reviewed" in page.locator("tr[data-field='fatalities_best']").inner_text()
    assert "the regional governor's later toll" in page.locator("#history").inner_text()
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    page.screenshot(path=str(SHOTS / "event-top.png"))  # the first screen: what docs/img/event.png shows
    assert _api(base, f"/api/events/{multi['event_id']}")["fatalities_best"] == 4
    assert not page.errors, f"console errors: {page.errors}"


def test_hostile_text_is_shown_as_text_and_runs_nothing(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    events = _api(base, "/api/events?limit=1000")["events"]
    hostile = next(e for e in events if HOSTILE_OUTLET in e["outlets"])
    page.goto(f"{base}/event.html?id={hostile['event_id']}")
    _ready(page)
    text = page.locator("#reports").inner_text()
    assert HOSTILE_TITLE in text and "<script>window.__pwned = 'text'</script>" in text
    assert page.locator("#reports script, #reports img, #reports svg, #reports a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None and not page.dialogs
    page.goto(base + "/")
    _ready(page)
    assert page.evaluate("window.__pwned") is None


def test_truce_page_playback_fades_later_incidents_and_keeps_the_moment(server: tuple[str, str], page: Any) -> None:
    base, _ = server
    truce = max(_api(base, "/api/ceasefires")["ceasefires"], key=lambda t: t["articles"])
    page.goto(f"{base}/?ceasefire={truce['id']}")
    _ready(page)
    dots = page.locator("#timeline .dot")
    assert dots.count() >= 2 and page.locator("#timeline .dot.future").count() == 0  # the end: every incident
    lo = float(page.locator("#playhead").get_attribute("min") or 0)
    page.evaluate("(t) => { const h = document.getElementById('playhead'); h.value = String(t); "
                  "h.dispatchEvent(new Event('input')); h.dispatchEvent(new Event('change')); }", lo)
    assert page.locator("#timeline .dot.future").count() >= 1
    assert page.locator("#incidents tbody tr.future").count() >= 1
    assert "at=" in page.url and "so far" in page.locator("#play-count").inner_text()
    page.reload()  # the moment is in the URL
    _ready(page)
    assert page.locator("#timeline .dot.future").count() >= 1
    page.click("#play")
    for _ in range(100):  # the playhead runs to the end (60 steps of 0.12 s); a CSP page allows no wait_for_function
        if page.locator("#timeline .dot.future").count() == 0:
            break
        page.wait_for_timeout(200)
    assert page.locator("#timeline .dot.future").count() == 0
    assert not page.errors, f"console errors: {page.errors}"


def _event_ids(base: str) -> list[str]:
    return [e["event_id"] for e in _api(base, "/api/events?limit=1000")["events"]]


def test_event_page_split_persists_and_undo_joins_again(server: tuple[str, str], page: Any) -> None:
    base, bearer = server
    before = _event_ids(base)
    multi = max(_api(base, "/api/events?limit=1000")["events"], key=lambda e: e["reports"])
    n = multi["reports"]
    assert n >= 2
    page.goto(f"{base}/event.html?id={multi['event_id']}")
    _ready(page)
    page.fill("#token", bearer)
    page.locator("#split-reports input[type=checkbox]").last.check()
    page.fill("#s-reason", "two strikes on two days, not one")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#split")
    page.wait_for_selector("#split-status.ok")
    _ready(page)
    new_id = page.locator("#split-status a").get_attribute("data-event")
    assert new_id and new_id != multi["event_id"]
    page.reload()  # the split is the store's, not the page's
    _ready(page)
    assert page.locator("#reports article").count() == n - 1
    assert "two strikes on two days" in page.locator("#history li[data-action='split']").inner_text()
    assert set(_event_ids(base)) == set(before) | {new_id}  # two events where there was one
    page.goto(f"{base}/event.html?id={new_id}")
    _ready(page)
    assert page.locator("#reports article").count() == 1
    page.screenshot(path=str(SHOTS / "event-split.png"), full_page=True)
    page.goto(f"{base}/event.html?id={multi['event_id']}")
    _ready(page)
    page.fill("#u-reason", "one strike after all")
    page.evaluate("document.body.dataset.ready = ''")
    page.locator("#history li[data-action='split'] button.undo").click()
    page.wait_for_selector("#undo-status.ok")
    _ready(page)
    page.reload()
    _ready(page)
    assert page.locator("#reports article").count() == n
    assert page.locator("#history li[data-action='split'].undone").count() == 1
    assert sorted(_event_ids(base)) == sorted(before)  # one event again
    assert not page.errors, f"console errors: {page.errors}"
    page.goto(f"{base}/event.html?id={new_id}")  # the split's event is gone: the page says so
    _ready(page)
    assert "not in the store now" in page.locator("#summary").inner_text()
    assert all("404" in e for e in page.errors), page.errors  # the browser logs the API's 404
    page.errors.clear()


def test_event_page_merges_a_nearby_event_and_undoes_it(server: tuple[str, str], page: Any) -> None:
    base, bearer = server
    before = _event_ids(base)
    events = [e for e in _api(base, "/api/events?limit=1000")["events"] if e["lat"] is not None and e["time_earliest"]]
    pairs = [(a, b) for a in events for b in events if a["event_id"] < b["event_id"]
             and abs(a["lat"] - b["lat"]) < 1 and abs(a["lon"] - b["lon"]) < 1
             and abs(_days(a["time_earliest"]) - _days(b["time_earliest"])) < 2]
    assert pairs, "the demo store holds two events near each other"
    keep, other = pairs[0]
    page.goto(f"{base}/event.html?id={keep['event_id']}")
    _ready(page)
    page.fill("#token", bearer)
    page.click("#m-nearby")
    page.wait_for_selector(f"#nearby tr[data-event='{other['event_id']}'] input.pick")
    page.check(f"#nearby tr[data-event='{other['event_id']}'] input.pick")
    assert other["event_id"] in page.input_value("#m-events")
    page.fill("#m-reason", "the same strike, told twice")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#merge")
    page.wait_for_selector("#merge-status.ok")
    _ready(page)
    page.reload()
    _ready(page)
    assert page.locator("#reports article").count() == keep["reports"] + other["reports"]
    assert other["event_id"] not in _event_ids(base)
    assert not page.errors, f"console errors: {page.errors}"
    page.goto(f"{base}/event.html?id={other['event_id']}")  # the absorbed event says where it went
    _ready(page)
    assert page.locator(f"#summary a[data-event='{keep['event_id']}']").count() == 1
    assert all("404" in e for e in page.errors), page.errors
    page.errors.clear()
    page.goto(f"{base}/event.html?id={keep['event_id']}")
    _ready(page)
    page.fill("#u-reason", "two strikes after all")
    page.evaluate("document.body.dataset.ready = ''")
    page.locator("#history li[data-action='merge']:not(.undone) button.undo").click()
    page.wait_for_selector("#undo-status.ok")
    _ready(page)
    assert page.locator("#reports article").count() == keep["reports"]
    assert sorted(_event_ids(base)) == sorted(before)
    assert not page.errors, f"console errors: {page.errors}"


def _days(iso: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(iso).timestamp() / 86400


def test_truce_and_event_pages_fit_a_phone(server: tuple[str, str], page: Any) -> None:
    """On a phone's screen (390 px) no page scrolls sideways: wide tables scroll in their own box,
    the map fills the width and takes a tap."""
    base, _ = server
    truce = max(_api(base, "/api/ceasefires")["ceasefires"], key=lambda t: t["articles"])
    multi = max(_api(base, "/api/events?limit=1000")["events"], key=lambda e: e["reports"])
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        for path in (f"/?ceasefire={truce['id']}", f"/event.html?id={multi['event_id']}"):
            page.goto(base + path)
            _ready(page)
            wide = page.evaluate("document.documentElement.scrollWidth")
            over = page.evaluate("[...document.querySelectorAll('body *')].filter((n) => "
                                 "n.getBoundingClientRect().right > 391).slice(0, 5).map((n) => n.tagName + '#' + "
                                 "n.id + '.' + n.className + ' ' + Math.round(n.getBoundingClientRect().right))")
            assert wide <= 390, f"{path}: the page is {wide} px wide on a 390 px screen: {over}"
        page.goto(f"{base}/?ceasefire={truce['id']}")
        _ready(page)
        box = page.locator("#map").bounding_box()
        assert box and box["width"] >= 330 and box["height"] >= 250
        page.wait_for_selector(".leaflet-interactive", state="attached")
        page.locator(".leaflet-interactive").first.click(force=True)  # a marker's popup opens on a tap
        page.wait_for_selector(".leaflet-popup-content a", timeout=5_000)
        page.screenshot(path=str(SHOTS / "truce-phone.png"), full_page=True)
    finally:
        page.set_viewport_size({"width": 1280, "height": 1000})
    assert not page.errors, f"console errors: {page.errors}"


def test_event_page_edits_place_from_the_gazetteer_and_type_then_rejects(server: tuple[str, str], page: Any) -> None:
    base, bearer = server
    one = min(_api(base, "/api/events?limit=1000")["events"], key=lambda e: (e["reports"], e["event_id"]))
    page.goto(f"{base}/event.html?id={one['event_id']}")
    _ready(page)
    page.fill("#token", bearer)
    page.fill("#e-place", "Kramat")  # the gazetteer answers as the analyst types
    page.wait_for_selector("#place-results button.pick-place")
    page.locator("#place-results button.pick-place", has_text="Kramatorsk").first.click()
    page.select_option("#e-type", "Battles")
    page.fill("#e-reason", "the regional police name the town and a clash")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#e-save")
    page.wait_for_selector("#edit-status.ok")
    _ready(page)
    page.reload()
    _ready(page)
    assert page.locator("tr[data-field='place'] td.value").inner_text() == "Kramatorsk"
    assert abs(float(page.locator("tr[data-field='lat'] td.value").inner_text()) - 48.72) < 0.1
    assert page.locator("tr[data-field='event_type'] td.value").inner_text() == "Battles"
    assert "reviewed" in page.locator("tr[data-field='place']").inner_text()
    shown = _api(base, f"/api/events/{one['event_id']}")
    assert shown["reviewed_fields"] == ["event_type", "lat", "lon", "place"] and shown["reviewer_role"] == "analyst"
    page.fill("#e-reason", "an anniversary recap, not news")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#reject")
    page.wait_for_selector("#edit-status.ok")
    _ready(page)
    assert "Reviewed (rejected)" in page.locator("#summary").inner_text()
    page.fill("#u-reason", "test done")
    while page.locator("#history button.undo").count():  # leave the store as the other tests found it
        page.evaluate("document.body.dataset.ready = ''")
        page.locator("#history button.undo").first.click()
        _ready(page)
    assert _api(base, f"/api/events/{one['event_id']}")["reviewed"] is False
    assert not page.errors, f"console errors: {page.errors}"


def test_truce_page_correction_persists_and_undoes(server: tuple[str, str], page: Any) -> None:
    base, bearer = server
    truce = max(_api(base, "/api/ceasefires")["ceasefires"], key=lambda t: t["articles"])
    page.goto(f"{base}/?ceasefire={truce['id']}")
    _ready(page)
    page.fill("#token", bearer)
    page.fill("#t-declarer", "Russia's defence ministry")
    page.fill("#t-reason", "the decree names the ministry")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#t-save")
    page.wait_for_selector("#truce-status.ok")
    _ready(page)
    page.reload()
    _ready(page)
    verdict = page.locator("#verdict").inner_text()
    assert "Declared by Russia's defence ministry" in verdict and "corrected by browser-test" in verdict
    assert "the decree names the ministry" in page.locator("#truce-history").inner_text()
    assert _api(base, f"/api/ceasefires/{truce['id']}")["ceasefire"]["declared_by"] == "Russia's defence ministry"
    page.fill("#tu-reason", "test done")
    page.evaluate("document.body.dataset.ready = ''")
    page.locator("#truce-history li[data-action='edit'] button.undo").click()
    page.wait_for_selector("#truce-undo-status.ok")
    _ready(page)
    page.reload()
    _ready(page)
    assert "corrected by" not in page.locator("#verdict").inner_text()
    assert _api(base, f"/api/ceasefires/{truce['id']}")["ceasefire"]["declared_by"] == truce["declared_by"]
    assert not page.errors, f"console errors: {page.errors}"
