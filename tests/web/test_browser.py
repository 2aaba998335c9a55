"""The dashboard in a real browser: Debian's chromium driven by Playwright, against the real app
served by uvicorn on loopback over a SQLite file filled by the real pipeline.

Every request the pages make to anything but this server is blocked and recorded; the tests end
by asserting there were none, which proves the pages need no CDN or other network.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from coalition.settings import Settings
from coalition.store import Store
from tests.web.articles import web_articles

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(store: Store, settings: Settings, extractor: Any) -> Iterator[str]:
    """The app over ``store`` under uvicorn in a thread; yields its base URL."""
    import uvicorn

    from coalition.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(store, settings, extractor=extractor),
                            host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Iterator[str]:
    """The app under uvicorn in a thread; yields its base URL."""
    from coalition.pipeline import store_articles

    path = tmp_path_factory.mktemp("browser") / "coalition.db"
    settings = Settings(db=f"sqlite:///{path}", allow_ingest=True)
    with Store(settings.db) as store:
        store_articles(web_articles(), store, settings, extractor=extractor)
        with serving(store, settings, extractor) as url:
            yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh --test)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page whose requests may only go to the server; others are blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    errors: list[str] = []
    ours = urlsplit(server).netloc

    def guard(route: Any) -> None:
        if urlsplit(route.request.url).netloc == ours:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert outside == [], f"pages asked for outside resources: {outside}"
    assert errors == [], f"script errors: {errors}"


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_heatmap_cells_open_their_evidence(page: Any, server: str) -> None:
    page.goto(f"{server}/?target=RUS")
    cells = page.locator("table.heatmap td.cell[data-actor]")
    assert cells.count() >= 3
    assert page.locator("#evidence").is_hidden()
    page.locator('td.cell[data-actor="IRN"][data-dimension="arms"]').click()
    panel = page.locator("#evidence")
    panel.locator("li.claim").first.wait_for()
    assert panel.is_visible()
    assert "Shahed" in panel.inner_text()
    assert page.url == f"{server}/?target=RUS"  # the panel opened in place
    shot(page, "overview")


def test_map_colours_the_states_with_claims(page: Any, server: str) -> None:
    page.goto(f"{server}/map?target=RUS")
    shapes = page.locator("svg.worldmap path.country")
    assert shapes.count() > 150
    coloured = page.locator("svg.worldmap path.country:not(.nodata)")
    assert coloured.count() >= 3  # Russia as target, Iran for, Kazakhstan against
    grey = shapes.and_(page.locator(".nodata")).first.evaluate("e => getComputedStyle(e).fill")
    iran = page.locator('path[data-code="IRN"]').evaluate("e => getComputedStyle(e).fill")
    kazakhstan = page.locator('path[data-code="KAZ"]').evaluate("e => getComputedStyle(e).fill")
    assert len({grey, iran, kazakhstan}) == 3
    # Refusal has its own hue, apart from opposition, and the hover says what it rests on.
    assert "refuse" in (page.locator('path[data-code="ARM"]').get_attribute("class") or "")
    hover = page.locator('path[data-code="ARM"] title').text_content() or ""
    assert "refuse 2 stories (troops)" in hover, hover
    shot(page, "map")
    page.locator('path[data-code="IRN"]').click()
    page.wait_for_url(f"{server}/state/IRN")


def test_network_draws_nodes_and_edges(page: Any, server: str) -> None:
    page.goto(f"{server}/network")
    assert page.locator("svg.network g.node").count() >= 4
    assert page.locator("svg.network path.edge").count() >= 3
    assert page.locator("svg.network path.edge.support").count() >= 1
    shot(page, "network")
    page.goto(f"{server}/network?target=RUS")
    hub = page.locator('g.node.hub[data-code="RUS"] circle').bounding_box()
    iran = page.locator('g.node[data-code="IRN"] circle').bounding_box()
    armenia = page.locator('g.node[data-code="ARM"] circle').bounding_box()
    assert iran["x"] < hub["x"] < armenia["x"] or armenia["y"] > hub["y"]
    assert iran["x"] < hub["x"]  # supporters on the left
    assert armenia["y"] > hub["y"]  # refusers below
    assert "Armenia" in page.locator(".side-list").all_inner_texts()[1]
    shot(page, "network-target")
    page.select_option("select[name=dimension]", "troops")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "dimension=troops" in page.url
    assert page.locator("svg.network path.edge.support").count() == 0
    shot(page, "network-troops")


def test_the_article_page_lists_the_copies_of_its_story(page: Any, server: str) -> None:
    page.goto(f"{server}/article/wire-armenia-2")
    copies = page.locator("#copies li")
    assert copies.count() == 4
    assert "worldbrief.example.org" in page.locator("#copies").inner_text()
    copies.first.locator("a").click()
    page.wait_for_url(f"{server}/article/wire-armenia-1")
    shot(page, "article-copies")


PHONE_PAGES = {
    "overview": "/?target=RUS", "map": "/map?target=RUS", "network": "/network?target=RUS",
    "network-all": "/network", "claims": "/claims", "search": "/search?q=troops",
    "state": "/state/ARM", "article": "/article/wire-armenia-1", "add": "/add",
}


@pytest.mark.parametrize("name", list(PHONE_PAGES))
def test_pages_fit_a_phone(browser: Any, server: str, name: str) -> None:
    """390 px wide: nothing scrolls sideways, and the network's labels stay readable."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    try:
        tab.goto(server + PHONE_PAGES[name])
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"phone-{name}.png"), full_page=True)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name} is {width} px wide"
        if name.startswith("network"):
            label = tab.locator("svg.network text.code").first.bounding_box()
            assert label["height"] >= 9, label  # about 10 px text on the screen
    finally:
        context.close()


def test_state_article_claims_and_search_pages_render(page: Any, server: str) -> None:
    page.goto(f"{server}/state/KAZ")
    assert page.locator("li.claim").count() >= 2
    shot(page, "state")
    page.goto(f"{server}/article/iran-drones")
    assert page.locator("mark.sentence").count() >= 1
    page.locator("a.claim-ref").first.click()
    assert "#claim-" in page.url
    shot(page, "article")
    page.goto(f"{server}/search?q=generators")
    assert page.locator("li.hit").count() >= 1
    shot(page, "search")


def test_hostile_article_runs_no_script(page: Any, server: str) -> None:
    for path in ("/article/hostile", "/state/IRN", "/claims", "/search?q=drones", "/?target=RUS"):
        page.goto(f"{server}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.pwned") == "undefined", path
        assert page.title() != "pwned", path
    page.goto(f"{server}/article/hostile")
    assert "<script>" in page.locator("article.text").inner_text()
    assert page.locator("article.text img").count() == 0
    shot(page, "hostile")


def test_adding_an_article_shows_its_claims(page: Any, server: str) -> None:
    page.goto(f"{server}/add")
    page.fill("input[name=title]", "Tanks from Belarus")
    page.fill("textarea[name=text]", "Belarus sent tanks to Russia last week.")
    with page.expect_navigation():
        page.click("form.add button[type=submit]")
    assert "Added 1 article(s)" in page.locator("h1").inner_text(), page.inner_text("main")
    assert page.locator("li.claim").count() >= 1
    shot(page, "added")


def test_api_docs_render_offline(page: Any, server: str) -> None:
    page.goto(f"{server}/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(timeout=10_000)
    assert "/api/claims" in page.locator(".swagger-ui").inner_text()
    shot(page, "docs")


# Forty states toward Russia, in every side, plus a few edges among themselves.
_SUPPORTERS = ["BLR", "IRN", "PRK", "SYR", "CUB", "NIC", "VEN", "ERI", "MLI", "CAF"]
_REFUSERS = ["ARM", "KAZ", "KGZ", "UZB", "TJK", "SRB", "IND", "BRA", "ZAF", "IDN", "MNG",
             "TUR", "EGY", "SAU"]
_OPPONENTS = ["POL", "LTU", "LVA", "EST", "FIN", "SWE", "GBR", "FRA", "DEU", "CAN", "USA",
              "JPN", "AUS"]
_MIXED = ["CHN", "HUN"]


def _forty_states(store: Store) -> None:
    from coalition.models import Dimension, Stance
    from tests.store.build import article, claim

    sides = [(_SUPPORTERS, Stance.SUPPORT), (_REFUSERS, Stance.REFUSE),
             (_OPPONENTS, Stance.OPPOSE)]
    n = 0
    for codes, stance in sides:
        for i, code in enumerate(codes):
            for k in range(1 + i % 3):
                n += 1
                text = f"Report {n}: {code} took a stance {stance.value} toward RUS, item {k}."
                art = article(f"forty-{n}", [text], published=date(2024, 1 + n % 12, 1))
                store.add_article(art, [claim(art, text, code, "RUS", list(Dimension)[n % 9],
                                              stance)])
    for code in _MIXED:
        for stance in (Stance.SUPPORT, Stance.OPPOSE):
            n += 1
            text = f"Report {n}: {code} split {stance.value} toward RUS."
            art = article(f"forty-{n}", [text], published=date(2024, 5, 1))
            store.add_article(art, [claim(art, text, code, "RUS", Dimension.ECONOMIC, stance)])
    n += 1
    text = f"Report {n}: POL sent arms to UKR."
    art = article(f"forty-{n}", [text], published=date(2024, 6, 1))
    store.add_article(art, [claim(art, text, "POL", "UKR")])


def test_the_network_reads_at_forty_states(
    browser: Any, tmp_path: Path, extractor: Any
) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'forty.db'}")
    with Store(settings.db) as store:
        _forty_states(store)
        with serving(store, settings, extractor) as url:
            for name, viewport in (("network-40", (1280, 900)), ("phone-network-40", (390, 844))):
                context = browser.new_context(viewport=dict(zip(("width", "height"), viewport,
                                                                strict=True)))
                tab = context.new_page()
                try:
                    tab.goto(f"{url}/network?target=RUS")
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
                    assert tab.locator("svg.network g.node").count() == 40
                    boxes = [tab.locator(f'g.node[data-code="{c}"] circle').bounding_box()
                             for c in ("BLR", "ARM", "POL")]
                    hub = tab.locator("g.node.hub circle").bounding_box()
                    assert boxes[0]["x"] < hub["x"] < boxes[2]["x"]
                    assert boxes[1]["y"] > hub["y"]
                    assert tab.evaluate("document.documentElement.scrollWidth") <= viewport[0]
                finally:
                    context.close()
