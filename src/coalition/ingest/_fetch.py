"""Fetch one http(s) URL with limits: scheme, address, redirects, time, size and content type.

Redirects are followed here, one hop at a time, so that every hop's scheme and resolved
addresses are checked before it is requested (a public page must not bounce the fetch to
``http://169.254.169.254/``), and each request connects to the address that was checked, not
to a second DNS answer. Environment proxies are ignored (``trust_env=False``) because the
address check is only meaningful when coalition itself connects to the checked host.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from coalition.errors import FetchError, InputError
from coalition.ingest._feed import looks_like_feed
from coalition.ingest._formats import parse
from coalition.ingest._ids import url_id
from coalition.models import Article, Rejected
from coalition.settings import Settings

if TYPE_CHECKING:
    import httpx

_FEED_TYPES = ("rss", "atom", "rdf")


@dataclass(frozen=True, slots=True)
class _Download:
    body: bytes
    url: str
    content_type: str
    charset: str | None


def fetch_url(
    url: str, settings: Settings, *, transport: httpx.BaseTransport | None = None
) -> list[Article | Rejected]:
    """Download one page or feed and read it as articles.

    Args:
        url: an ``http://`` or ``https://`` URL.
        settings: ``fetch_timeout``, ``max_redirects``, ``max_bytes``, ``allow_private_urls``
            and ``user_agent`` apply.
        transport: the httpx transport to use (tests pass ``httpx.MockTransport``).

    Returns:
        The page's article, or a feed's entries; content that is no article is a
        :class:`Rejected`.

    Raises:
        FetchError: a refused scheme or address, a dead URL, a time-out, too many redirects,
            too many bytes, or a content type that is not text.
    """
    download = _download(url, settings, transport)
    kind = _kind(download)
    try:
        results = parse(download.body, name=url_id(download.url) + kind, settings=settings,
                        source=url, charset=download.charset)
    except InputError as exc:
        return [Rejected(exc.source, exc.reason)]
    if kind == ".xml":
        return results
    return [replace(r, url=r.url or download.url) if isinstance(r, Article) else r
            for r in results]


def _download(url: str, settings: Settings, transport: httpx.BaseTransport | None) -> _Download:
    import httpx

    deadline = time.monotonic() + settings.fetch_timeout
    headers = {"User-Agent": settings.user_agent}
    try:
        with httpx.Client(transport=transport, timeout=settings.fetch_timeout, headers=headers,
                          follow_redirects=False, trust_env=False) as client:
            current = httpx.URL(url)
            for hop in range(settings.max_redirects + 1):
                address = _check_target(current, url, settings, redirected=hop > 0)
                with client.stream("GET", **_pinned(current, address)) as response:
                    if response.has_redirect_location:
                        current = current.join(response.headers["location"])
                        continue
                    return _read(response, url, settings, deadline, final=str(current))
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {settings.fetch_timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"not a valid URL ({exc})") from None
    except httpx.ConnectError as exc:
        raise FetchError(url, f"cannot connect ({_first_line(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"fetch failed ({type(exc).__name__}: {_first_line(exc)})") from None
    raise FetchError(url, f"too many redirects (more than {settings.max_redirects})")


def _check_target(
    target: httpx.URL, url: str, settings: Settings, *, redirected: bool
) -> str | None:
    """The checked address to connect to (``None``: any, private URLs being allowed)."""
    # Only a hop names its target: httpx respells the first URL ("LOCALHOST" -> "localhost").
    where = f"redirect to {target}: " if redirected else ""
    if target.scheme not in ("http", "https"):
        raise FetchError(url, f"{where}refused scheme {target.scheme!r}: only http and https "
                              "URLs are fetched")
    if not target.host:
        raise FetchError(url, f"{where}no host in the URL")
    if settings.allow_private_urls:
        return None
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(target.host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise FetchError(url, f"{where}cannot resolve host {target.host!r}") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        kind = _non_public(address)
        if kind:
            raise FetchError(url, f"{where}refused address {address} of {target.host}: {kind} "
                                  "(allow_private_urls is off)")
    return str(infos[0][4][0])


def _pinned(target: httpx.URL, address: str | None) -> dict[str, Any]:
    """Request arguments that connect to the checked address rather than to a second DNS
    answer, which a rebinding attacker could point at a private host; the Host header and the
    TLS server name (and so certificate checks) still use the URL's host name."""
    if address is None:
        return {"url": target}
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    return {"url": target.copy_with(host=address), "extensions": extensions,
            "headers": {"Host": target.netloc.decode("ascii")}}


def _non_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not a public one to fetch from, or ``None`` when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    # Most specific first: Python counts link-local, unspecified and reserved as private too.
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "not globally routable"


def _read(
    response: httpx.Response, url: str, settings: Settings, deadline: float, *, final: str
) -> _Download:
    # Redirects with a Location were followed already; any other 3xx is no page either.
    if response.status_code >= 300:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and not _is_text(content_type):
        raise FetchError(url, f"not text: content type {content_type!r}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchError(url, f"too large: {declared} bytes, over the max_bytes limit of "
                              f"{settings.max_bytes}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchError(url, f"too large: over the max_bytes limit of {settings.max_bytes}")
        if time.monotonic() > deadline:
            raise FetchError(url, f"timed out after {settings.fetch_timeout:g} s")
        chunks.append(chunk)
    return _Download(b"".join(chunks), final, content_type, response.charset_encoding)


def _is_text(content_type: str) -> bool:
    main, _, sub = content_type.partition("/")
    return main == "text" or sub == "xml" or sub.endswith("+xml")


def _kind(download: _Download) -> str:
    """The file suffix whose reader fits the download: feed, HTML page or plain text."""
    sub = download.content_type.partition("/")[2]
    start = download.body[:1024].lstrip().lower()
    if any(t in sub for t in _FEED_TYPES) or sub == "xml":
        return ".xml"
    # Many servers send feeds as text/html or text/plain; an HTML page is sniffed only when it
    # opens as XML, since a page may well mention "<rss" in its head.
    if ("html" not in sub or start.startswith(b"<?xml")) and looks_like_feed(download.body):
        return ".xml"
    if "html" in sub or start.startswith((b"<!doctype html", b"<html")):
        return ".html"
    return ".txt"


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:160]
