"""The FastAPI application: API, pages, static assets, offline API docs and error handling."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from coalition.errors import InputError, StoreError
from coalition.settings import Settings
from coalition.web.cache import CachedStore
from coalition.web.params import ParamError
from coalition.web.render import environment, page
from coalition.web.safety import SecurityHeaders

if TYPE_CHECKING:
    from coalition.extract import Extractor
    from coalition.store import Store

STATIC = Path(__file__).parent / "static"
SETTINGS_ENV = "COALITION_SERVE_SETTINGS"


def create_app(store: Store, settings: Settings, *, extractor: Extractor | None = None) -> FastAPI:
    """The dashboard and JSON API over one store.

    Args:
        store: where claims are read from (and written to, when writes are allowed).
        settings: write access (``allow_ingest``, ``ingest_token``), upload and fetch limits.
        extractor: a loaded extractor for the add-articles form; loaded on first use if absent.

    Returns:
        The ASGI app; its API docs are at ``/docs`` and work with no network.
    """
    from coalition import __version__
    from coalition.web import add, api, history, pages, review
    from coalition.web import export as export_api

    app = FastAPI(
        title="coalition",
        version=__version__,
        description="Who backs whom, in what way, since when, and on what evidence.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = CachedStore(store, fresh_for=settings.cache_seconds)
    app.state.settings = settings
    app.state.extractor = extractor
    app.state.extractor_lock = threading.Lock()
    app.state.world = None
    app.state.templates = environment()
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(export_api.router)
    app.include_router(add.router)
    app.include_router(history.router)
    app.include_router(review.router)
    app.include_router(pages.router)
    app.add_api_route("/docs", _docs, include_in_schema=False)
    app.add_exception_handler(ParamError, _param_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(InputError, _input_error)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _store_error)  # type: ignore[arg-type]
    return app


def serve(
    store: Store, settings: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1
) -> None:
    """Run the app with uvicorn until interrupted (what ``coalition serve`` calls).

    With ``workers`` above 1, uvicorn starts that many processes on one listening socket, each
    with its own app, store connections and cache (see :func:`app_from_environment`); ``store``
    then only served to check the database before they start.
    """
    import uvicorn

    if workers <= 1:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level="info")
        return
    store.close()
    # Worker processes are spawned: the settings reach them in the environment they inherit.
    os.environ[SETTINGS_ENV] = json.dumps(dataclasses.asdict(settings))
    uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=workers, host=host,
                port=port, log_level="info")


def app_from_environment() -> FastAPI:
    """The app of one serving process, over the store and settings its parent passed in
    ``COALITION_SERVE_SETTINGS`` (a JSON object of settings)."""
    from coalition.store import Store

    settings = Settings().merged(json.loads(os.environ[SETTINGS_ENV]))
    return create_app(Store(settings.db), settings)


def _docs(request: Request) -> HTMLResponse:
    # FastAPI's own docs page loads Swagger UI from a CDN with an inline script; this one uses
    # the vendored copy and a static initialiser, so it works offline under the strict CSP.
    return page(request, "docs.html", None)


def _error(request: Request, status: int, message: str, parameter: str | None = None) -> Response:
    if request.url.path.startswith("/api") or "json" in request.headers.get("accept", ""):
        body = {"error": message, "parameter": parameter}
        return JSONResponse(body, status_code=status)
    return page(request, "error.html", None, status=status, status_code=status, message=message)


async def _param_error(request: Request, exc: ParamError) -> Response:
    return _error(request, 400, str(exc), exc.name)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    first = exc.errors()[0]
    name = str(first["loc"][-1]) if first.get("loc") else "request"
    return _error(request, 400, f"{name}: {first['msg']}", name)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    return _error(request, exc.status_code, str(exc.detail))


async def _input_error(request: Request, exc: InputError) -> Response:
    # Bad input reaching the library (a refused URL, an empty text) is the user's to fix.
    return _error(request, 400, str(exc))


async def _store_error(request: Request, exc: StoreError) -> Response:
    # The database is down or refused the query: say so instead of a bare 500.
    return _error(request, 503, str(exc))
