"""HTML pages from Jinja2 templates with autoescape on, each pointing at its JSON twin."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from coalition.models import Dimension, Stance
from coalition.web.cache import Rendered
from coalition.web.highlight import evidence_pieces, sentence_anchor
from coalition.web.safety import web_url

TEMPLATES = Path(__file__).parent / "templates"
P = ParamSpec("P")


def environment() -> Environment:
    """The template environment: autoescape everywhere, undefined names are errors."""
    from coalition.resolve import actor_name
    from coalition.web.review import sentence_choices

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        dimensions=[d.value for d in Dimension],
        stances=[s.value for s in Stance],
        actor_name=actor_name,
        evidence_pieces=evidence_pieces,
        sentence_anchor=sentence_anchor,
        query=query,
        sentence_choices=sentence_choices,
    )
    env.filters["web_url"] = web_url
    return env


def query(**params: Any) -> str:
    """A query string of the parameters that have a value, for links that keep filters."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""


def page(
    request: Request, template: str, twin: str | None, status: int = 200, **context: Any
) -> HTMLResponse:
    """Render a page; ``twin`` is the URL of the same data as JSON (``Link: rel=alternate``).

    Args:
        request: the request, for the navigation's current path.
        template: the template file name.
        twin: the API URL with the same data, or ``None`` for pages without data.
        status: the HTTP status.
        context: the template's variables.
    """
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(request=request, twin=twin, **context)
    response = HTMLResponse(html, status_code=status)
    if twin:
        response.headers["Link"] = f'<{twin}>; rel="alternate"; type="application/json"'
    return response


def remembered(route: Callable[P, HTMLResponse]) -> Callable[P, HTMLResponse]:
    """Keep a page route's rendered page per URL while the data holds (``CachedStore.memo``).

    For pages that depend on nothing but their URL and the stored data; the route takes the
    ``request`` as a keyword, as FastAPI passes it. A route that fails (404, 400) raises, and
    nothing is kept.
    """

    @functools.wraps(route)
    def cached(*args: P.args, **kwargs: P.kwargs) -> HTMLResponse:
        request = kwargs["request"]
        assert isinstance(request, Request)

        def render() -> Rendered:
            fresh = route(*args, **kwargs)
            return Rendered(bytes(fresh.body), tuple(fresh.headers.items()))

        kept = request.app.state.store.memo(("page", request.url.path, request.url.query), render)
        response = HTMLResponse(kept.body)
        for name, value in kept.headers:
            if name.lower() not in ("content-length", "content-type"):
                response.headers[name] = value
        return response

    return cached
