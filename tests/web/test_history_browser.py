"""The timeline, shifts and contradictions pages in the real browser (Debian's chromium through
Playwright), over the drift corpus; no request may leave the server, as in test_browser.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coalition.settings import Settings
from coalition.store import Store
from tests.drift import fill_drift
from tests.web.test_browser import browser, page, serving, shot  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Iterator[str]:
    """The app over the drift corpus under uvicorn in a thread; yields its base URL."""
    settings = Settings(db=f"sqlite:///{tmp_path_factory.mktemp('drift-browser') / 'drift.db'}")
    fill_drift(settings.db, extractor)
    with Store(settings.db) as store, serving(store, settings, None) as url:
        yield url


def _fits_a_phone(page: Any) -> bool:  # noqa: F811
    page.set_viewport_size(PHONE)
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_timeline_months_link_to_their_sentences(page: Any, server: str) -> None:  # noqa: F811
    page.goto(f"{server}/timeline?actor=ARM&target=RUS")
    months = page.locator("svg.timeline a.month")
    assert months.count() >= 6
    assert page.locator("section.dimension-chart").count() >= 3
    heading = page.locator("h3", has_text="diplomatic")
    diplomatic = page.locator("section.dimension-chart").filter(has=heading).locator("a.month")
    assert [diplomatic.nth(i).get_attribute("data-leading")
            for i in range(diplomatic.count())][-2:] == ["oppose", "oppose"]
    shot(page, "timeline")
    assert _fits_a_phone(page)
    shot(page, "timeline-phone")
    page.locator('svg.timeline a.month[data-month="2024-03"]').first.click()
    page.wait_for_url("**/claims?*when_since=2024-03-01*")
    assert "condemned" in page.locator("ol.claims").inner_text()


def test_shifts_show_both_sentences_side_by_side(page: Any, server: str) -> None:  # noqa: F811
    page.goto(f"{server}/shifts?target=RUS&since=2024-01-01")
    shifts = page.locator("li.shift")
    assert shifts.count() == 2
    first = shifts.first
    assert "since 2024-03" in first.inner_text()
    sides = first.locator(".side-by-side > div")
    assert "2 March 2022" in sides.nth(0).inner_text()
    assert "On Monday" in sides.nth(1).inner_text()
    shot(page, "shifts")
    assert _fits_a_phone(page)
    assert page.locator('link[type="application/atom+xml"]').count() == 1


def test_contradictions_from_the_heatmap_mark(page: Any, server: str) -> None:  # noqa: F811
    page.goto(f"{server}/?target=RUS")
    page.locator('td[data-actor="BLR"][data-dimension="troops"] a.conflict-link').click()
    page.wait_for_url("**/contradictions?actor=BLR&target=RUS&dimension=troops")
    pair = page.locator("li.contradiction")
    assert pair.count() == 1
    text = pair.inner_text()
    assert "kremlin-wire.example" in text and "minsk-free.example" in text
    shot(page, "contradictions")
    assert _fits_a_phone(page)


def test_state_page_has_its_timeline(page: Any, server: str) -> None:  # noqa: F811
    page.goto(f"{server}/state/ARM")
    chart = page.locator("section.state-timeline svg.timeline")
    assert chart.locator("a.month").count() >= 5
    shot(page, "state-timeline")
