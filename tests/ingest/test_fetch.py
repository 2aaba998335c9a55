"""URL fetching: httpx.MockTransport at the network edge for the rules, plus a real HTTP server
on 127.0.0.1 for time-outs and redirect loops. No request leaves the machine."""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from coalition.errors import FetchError
from coalition.ingest import fetch_url
from coalition.models import Article, Rejected
from coalition.settings import Settings

PAGE = (Path(__file__).parent / "pages" / "embassy_article.html").read_bytes()
PUBLIC = "http://93.184.216.34"  # an IP literal: checking it needs no DNS look-up
# Mock transports answer any host, so these tests allow private URLs unless they test the rule.
OPEN = Settings(allow_private_urls=True, fetch_timeout=2.0)
GUARDED = Settings(fetch_timeout=2.0)
RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
       b"<title>Iran</title><link>https://wire.example/iran</link>"
       b"<description>Iran sent drones to Russia.</description></item></channel></rss>")


class Recorder:
    """A MockTransport handler that answers from a table and remembers what was asked."""

    def __init__(self, routes: dict[str, Callable[[httpx.Request], httpx.Response]]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.routes[str(request.url)](request)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def _html(body: bytes = PAGE) -> Callable[[httpx.Request], httpx.Response]:
    return lambda _: httpx.Response(200, content=body, headers={"content-type": "text/html"})


def _redirect(to: str) -> Callable[[httpx.Request], httpx.Response]:
    return lambda _: httpx.Response(302, headers={"location": to})


def test_html_page_is_fetched_with_our_user_agent() -> None:
    url = "https://news.example/2023/05/putin-allies-wont-help?ref=rss"
    recorder = Recorder({url: _html()})

    (article,) = fetch_url(url, OPEN, transport=recorder.transport)

    assert isinstance(article, Article)
    assert article.source == url
    assert article.id.startswith("putin-allies-wont-help-") and len(article.id) == 31
    assert "refusing to send troops to help Russia." in article.text
    assert "Connect with us" not in article.text
    assert article.url == "https://embassy.example/2023/05/putin-allies-wont-help/"
    assert recorder.requests[0].headers["user-agent"] == OPEN.user_agent


def test_plain_text_gets_the_final_url_after_redirects() -> None:
    start, end = "https://n.example/short", "https://n.example/news/kazakhstan-troops.txt"
    recorder = Recorder({
        start: _redirect("/news/kazakhstan-troops.txt"),
        end: lambda _: httpx.Response(
            200, content="Kazakhstan refused.\r\n".encode("cp1251"),
            headers={"content-type": "text/plain; charset=windows-1251"}),
    })

    (article,) = fetch_url(start, OPEN, transport=recorder.transport)

    assert isinstance(article, Article)
    assert (article.text, article.url, article.source) == ("Kazakhstan refused.", end, start)
    assert article.id.startswith("kazakhstan-troops-")


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/xml", "text/html", ""])
def test_feed_urls_give_their_entries(content_type: str) -> None:
    url = "https://wire.example/feed"
    headers = {"content-type": content_type} if content_type else {}
    recorder = Recorder({url: lambda _: httpx.Response(200, content=RSS, headers=headers)})

    (entry,) = fetch_url(url, OPEN, transport=recorder.transport)

    assert isinstance(entry, Article)
    assert (entry.text, entry.url, entry.source) == (
        "Iran sent drones to Russia.", "https://wire.example/iran", f"{url}#1")


def test_a_page_without_an_article_is_a_rejection_not_an_error() -> None:
    url = "https://news.example/menu"
    recorder = Recorder({url: _html(b"<html><body><nav>Home</nav></body></html>")})

    assert fetch_url(url, OPEN, transport=recorder.transport) == [
        Rejected(url, "no article text found in the HTML page")
    ]


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("ftp://news.example/a.txt", "refused scheme 'ftp'"),
        ("file:///etc/passwd", "refused scheme 'file'"),
        ("http://127.0.0.1/admin", "refused address 127.0.0.1 of 127.0.0.1: loopback"),
        ("http://localhost:8000/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://100.64.0.1/", "not globally routable"),
        ("http://", "no host"),
    ],
)
def test_refused_schemes_and_addresses_are_never_requested(url: str, fragment: str) -> None:
    recorder = Recorder({})

    with pytest.raises(FetchError, match=fragment) as caught:
        fetch_url(url, GUARDED, transport=recorder.transport)

    assert caught.value.source == url
    assert recorder.requests == []


@pytest.mark.parametrize("url", ["http://LOCALHOST/", "http://127.0.0.1", "HTTP://10.1.2.3/a"])
def test_a_url_never_redirected_is_not_called_a_redirect(url: str) -> None:
    """httpx spells some URLs differently from the user; that is no redirect."""
    with pytest.raises(FetchError) as caught:
        fetch_url(url, GUARDED, transport=Recorder({}).transport)

    assert "redirect" not in caught.value.reason


def test_public_address_is_allowed_but_a_redirect_to_metadata_is_not() -> None:
    recorder = Recorder({
        f"{PUBLIC}/page": _redirect("http://169.254.169.254/latest/meta-data/"),
    })

    with pytest.raises(FetchError, match=r"redirect to http://169\.254\.169\.254/.*link-local"):
        fetch_url(f"{PUBLIC}/page", GUARDED, transport=recorder.transport)

    assert [str(r.url) for r in recorder.requests] == [f"{PUBLIC}/page"]


def test_redirect_to_a_refused_scheme() -> None:
    recorder = Recorder({f"{PUBLIC}/page": _redirect("file:///etc/passwd")})

    with pytest.raises(FetchError, match="redirect to file:/+etc/passwd: refused scheme 'file'"):
        fetch_url(f"{PUBLIC}/page", GUARDED, transport=recorder.transport)


def test_redirects_stop_at_max_redirects() -> None:
    hops = {f"https://n.example/{i}": _redirect(f"/{i + 1}") for i in range(10)}
    recorder = Recorder(hops)

    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetch_url("https://n.example/0", OPEN.merged({"max_redirects": 3}),
                  transport=recorder.transport)

    assert len(recorder.requests) == 4


def _stream(chunks: int) -> Iterator[bytes]:
    for _ in range(chunks):
        yield b"x" * 1000


@pytest.mark.parametrize(
    ("response", "fragment"),
    [
        (httpx.Response(404), "HTTP 404 Not Found"),
        (httpx.Response(302), "HTTP 302 Found"),
        (httpx.Response(503), "HTTP 503 Service Unavailable"),
        (httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}),
         "not text: content type 'image/png'"),
        (httpx.Response(200, content=b"{}", headers={"content-type": "application/json"}),
         "not text"),
        (httpx.Response(200, content=b"x" * 10,
                        headers={"content-type": "text/plain", "content-length": "99999"}),
         "too large: 99999 bytes"),
        (httpx.Response(200, content=_stream(20), headers={"content-type": "text/plain"}),
         "too large: over the max_bytes limit of 5000"),
    ],
)
def test_bad_responses_raise_one_line_fetch_errors(response: httpx.Response, fragment: str) -> None:
    url = "https://n.example/x"
    recorder = Recorder({url: lambda _: response})

    with pytest.raises(FetchError, match=re.escape(fragment)) as caught:
        fetch_url(url, OPEN.merged({"max_bytes": 5000}), transport=recorder.transport)

    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("error", "fragment"),
    [
        (httpx.ReadTimeout("slow"), "timed out after 2 s"),
        (httpx.ConnectTimeout("slow"), "timed out"),
        (httpx.ConnectError("[Errno 111] Connection refused"), "cannot connect ([Errno 111]"),
        (httpx.RemoteProtocolError("peer closed"), "fetch failed (RemoteProtocolError"),
    ],
)
def test_network_failures_raise_fetch_errors(error: Exception, fragment: str) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error

    with pytest.raises(FetchError, match=re.escape(fragment)):
        fetch_url("https://n.example/x", OPEN, transport=httpx.MockTransport(fail))


def test_html_page_that_mentions_rss_in_its_head_is_read_as_a_page() -> None:
    url = "https://news.example/story"
    page = PAGE.replace(b"<head>", b'<head><script>var tpl = "<rss version=2.0>";</script>')
    recorder = Recorder({url: _html(page)})

    (article,) = fetch_url(url, OPEN, transport=recorder.transport)

    assert isinstance(article, Article) and "Shahed drones" in article.text


class FakeDns:
    """getaddrinfo at the network edge: answers from a list, one answer per look-up."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        self.asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
                for ip in self.answers.pop(0)]


def test_connection_is_pinned_to_the_checked_address(monkeypatch: pytest.MonkeyPatch) -> None:
    dns = FakeDns(["93.184.216.34"])
    monkeypatch.setattr(socket, "getaddrinfo", dns)
    recorder = Recorder({"https://93.184.216.34/kaz.txt": lambda _: httpx.Response(
        200, content=b"Kazakhstan refused.", headers={"content-type": "text/plain"})})

    (article,) = fetch_url("https://news.example/kaz.txt", GUARDED, transport=recorder.transport)

    (request,) = recorder.requests
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert isinstance(article, Article) and article.url == "https://news.example/kaz.txt"
    assert dns.asked == ["news.example"]


def test_every_hop_is_resolved_and_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # The second answer for the same name is a rebinding to loopback.
    monkeypatch.setattr(socket, "getaddrinfo", FakeDns(["93.184.216.34"], ["127.0.0.1"]))
    recorder = Recorder({"http://93.184.216.34/a": _redirect("/b")})

    with pytest.raises(FetchError, match="redirect to http://news.example/b: refused address "
                                         "127.0.0.1 of news.example: loopback"):
        fetch_url("http://news.example/a", GUARDED, transport=recorder.transport)

    assert len(recorder.requests) == 1


def test_one_private_address_among_public_ones_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", FakeDns(["93.184.216.34", "10.0.0.8"]))

    with pytest.raises(FetchError, match="refused address 10.0.0.8 of news.example: private"):
        fetch_url("http://news.example/a", GUARDED, transport=Recorder({}).transport)


def test_unresolvable_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> list[tuple]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)

    with pytest.raises(FetchError, match="cannot resolve host 'gone.example'"):
        fetch_url("http://gone.example/", GUARDED, transport=Recorder({}).transport)


def test_an_oversized_download_is_not_read_to_its_end() -> None:
    sent: list[int] = []

    def endless(request: httpx.Request) -> httpx.Response:
        def chunks() -> Iterator[bytes]:
            for n in range(10_000):
                sent.append(n)
                yield b"Iran sent drones. " * 50
        return httpx.Response(200, content=chunks(), headers={"content-type": "text/plain"})

    with pytest.raises(FetchError, match="too large: over the max_bytes limit of 5000"):
        fetch_url("https://n.example/x", OPEN.merged({"max_bytes": 5000}),
                  transport=httpx.MockTransport(endless))

    assert len(sent) < 10
