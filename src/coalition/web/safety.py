"""What keeps untrusted articles and visitors from doing harm: headers, links, write access.

Article text, titles and URLs come from the open web. Templates escape everything (autoescape);
links are rendered only for http(s) URLs; a strict Content-Security-Policy forbids inline and
foreign scripts, so even an escaping mistake could not run code. Writes are refused unless the
settings allow them, and cross-site form posts are refused by an Origin check.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coalition.settings import Settings

TOKEN_HEADER = "X-Coalition-Token"
TOKEN_FIELD = "token"

# Scripts only from this origin; inline styles stay allowed (Swagger UI sets style attributes),
# which cannot run code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: with no-referrer the browser sends "Origin: null" on our own
    # form posts, which the cross-site check must refuse.
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: the headers above on every response that does not set its own.

    A plain ASGI wrapper rather than an ``@app.middleware("http")`` function, which runs each
    request through an extra task and body stream: a cost every cached page paid again.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def web_url(url: str | None) -> str | None:
    """The URL when it is http(s) with a host, else ``None``: a link the page may render."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in {"http", "https"} and parts.netloc else None


def require_write(request: Request, settings: Settings, form_token: str | None = None) -> None:
    """Refuse (403) a write unless ingest is allowed or the request carries the token.

    Args:
        request: the incoming request (its token header and Origin are read).
        settings: ``allow_ingest`` and ``ingest_token``.
        form_token: the token from a form field, when the write is a form post.

    Raises:
        HTTPException: 403 with a message saying how to enable writes.
    """
    _require_same_origin(request)
    if settings.allow_ingest:
        return
    given = request.headers.get(TOKEN_HEADER) or form_token or ""
    expected = settings.ingest_token
    if expected and hmac.compare_digest(given.encode(), expected.encode()):
        return
    raise HTTPException(
        403,
        "adding articles is off on this server: start it with --allow-ingest, "
        f"or send the ingest token (header {TOKEN_HEADER} or form field {TOKEN_FIELD})",
    )


def _require_same_origin(request: Request) -> None:
    # Browsers send Origin on cross-site POSTs; a mismatch with our Host is a forged form post.
    # Clients that send no Origin (curl, scripts) are not browsers a third site could steer.
    origin = request.headers.get("origin")
    if origin is None:
        return
    if urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, f"cross-site request refused: Origin {origin} is not this site")
