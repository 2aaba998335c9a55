"""Fetching from a real HTTP server on 127.0.0.1: pages, feeds, time-outs and redirect loops."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coalition.ingest import read_sources
from coalition.models import Article, Rejected
from coalition.settings import Settings
from tests.fixtures.http_server import QuietHandler, local_server

PAGE = (Path(__file__).parent / "pages" / "embassy_article.html").read_bytes()
RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item>'
       b"<title>Belarus</title><link>http://127.0.0.1/belarus</link>"
       b"<pubDate>Mon, 06 Mar 2023 10:00:00 GMT</pubDate>"
       b"<description>Belarus let Russian jets use its airfields.</description></item>"
       b"</channel></rss>")
SLOW_SECONDS = 5.0
TIMEOUT = 1.0  # generous: a loaded CI machine must still fetch a 4 kB page in time


class Handler(QuietHandler):
    """Routes of the local test server."""

    def do_GET(self) -> None:
        routes = {"/article": self._article, "/feed": self._feed, "/slow": self._slow,
                  "/drip": self._drip, "/loop": self._loop, "/hop": self._hop}
        routes.get(self.path, self._missing)()

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _article(self) -> None:
        self._send(200, PAGE, "text/html; charset=utf-8")

    def _feed(self) -> None:
        self._send(200, RSS, "application/rss+xml")

    def _slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        self._send(200, b"too late", "text/plain")

    def _drip(self) -> None:
        # Each byte arrives well within the read time-out, the whole body never in time.
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(int(SLOW_SECONDS / 0.05)):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.05)

    def _loop(self) -> None:
        self._send(302, b"", "text/plain", Location="/loop")

    def _hop(self) -> None:
        self._send(301, b"", "text/plain", Location="/article")

    def _missing(self) -> None:
        self._send(404, b"not here", "text/plain")

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a slow route, as the test wants



@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(Handler) as url:
        yield url


def _settings(**values: object) -> Settings:
    return Settings().merged({"allow_private_urls": True, "fetch_timeout": TIMEOUT,
                              "max_redirects": 3, **values})


def test_a_batch_of_urls_reads_the_good_and_names_each_failure(server: str) -> None:
    urls = [f"{server}/{path}" for path in ("hop", "slow", "loop", "gone", "feed")]

    started = time.monotonic()
    results = list(read_sources(urls, _settings()))
    elapsed = time.monotonic() - started

    page, slow, loop, gone, entry = results
    assert isinstance(page, Article) and "refusing to send troops" in page.text
    assert page.source == urls[0]
    assert slow == Rejected(urls[1], f"timed out after {TIMEOUT:g} s")
    assert loop == Rejected(urls[2], "too many redirects (more than 3)")
    assert gone == Rejected(urls[3], "HTTP 404 Not Found")
    assert isinstance(entry, Article)
    assert entry.text == "Belarus let Russian jets use its airfields."
    assert elapsed < SLOW_SECONDS


def test_a_slow_drip_is_cut_at_the_whole_fetch_time_out(server: str) -> None:
    started = time.monotonic()
    (result,) = read_sources([f"{server}/drip"], _settings())

    assert result == Rejected(f"{server}/drip", f"timed out after {TIMEOUT:g} s")
    assert time.monotonic() - started < SLOW_SECONDS


def test_loopback_server_is_refused_unless_private_urls_are_allowed(server: str) -> None:
    (result,) = read_sources([f"{server}/article"], _settings(allow_private_urls=False))

    assert isinstance(result, Rejected)
    assert result.reason.startswith("refused address 127.0.0.1 of 127.0.0.1: loopback")
