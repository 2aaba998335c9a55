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
    shot(page, "map")
    page.locator('path[data-code="IRN"]').click()
    page.wait_for_url(f"{server}/state/IRN")


def test_network_draws_nodes_and_edges(page: Any, server: str) -> None:
    page.goto(f"{server}/network")
    assert page.locator("svg.network g.node").count() >= 4
    assert page.locator("svg.network path.edge").count() >= 3
    assert page.locator("svg.network path.edge.support").count() >= 1
    shot(page, "network")


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
