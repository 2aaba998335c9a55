"""Adding articles from the browser (paste, upload, URL) and through ``POST /api/articles``.

Both are writes: refused unless the settings allow them (see :func:`.safety.require_write`).
The request body is read with a size cap before it is parsed, so an upload over
``settings.upload_limit`` is refused with 413 without being stored anywhere.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from coalition.errors import InputError
from coalition.models import Article, Rejected
from coalition.settings import Settings
from coalition.web.render import page
from coalition.web.safety import TOKEN_FIELD, require_write

router = APIRouter()
# The form fields shown again after an error (not the token, and a browser cannot refill a file).
_KEPT = ("title", "text", "url")


@router.get("/add", response_class=HTMLResponse, include_in_schema=False)
def add_form(request: Request) -> HTMLResponse:
    """The form: paste text, upload a file or give a URL."""
    return page(request, "add.html", None, **_form_context(request))


@router.post("/add", response_class=HTMLResponse, include_in_schema=False)
async def add_submit(request: Request) -> HTMLResponse:
    """Ingest what the form sent and show the new articles with their claims."""
    settings: Settings = request.app.state.settings
    form = await _capped_form(request, settings.upload_limit)
    require_write(request, settings, _text(form, TOKEN_FIELD))
    try:
        items = await _form_items(form, settings)
        report, stored = await run_in_threadpool(_ingest, request, items)
        _refuse_if_nothing_read(report)
    except InputError as exc:
        context = {**_form_context(request, form), "error": str(exc)}
        return page(request, "add.html", None, status=400, **context)
    return page(request, "added.html", None, report=report, stored=stored)


@router.post("/api/articles", tags=["api"], summary="Add an article")
async def add_article(request: Request) -> dict[str, Any]:
    """Add one article: JSON ``{"text": ..., "title": ...}`` or ``{"url": ...}``."""
    settings: Settings = request.app.state.settings
    require_write(request, settings)
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        # A cross-site HTML form can post text/plain but never application/json.
        raise HTTPException(415, "body: send JSON with Content-Type: application/json")
    body = await _capped_body(request, settings.upload_limit)
    try:
        record = json.loads(body)
    except ValueError as exc:
        raise HTTPException(400, f"body: not JSON ({exc})") from None
    if not isinstance(record, dict):
        raise HTTPException(400, "body: expected a JSON object with text or url")
    items = await _items(settings, _str(record, "text"), _str(record, "title"),
                         _str(record, "url"), None)
    report, _stored = await run_in_threadpool(_ingest, request, items)
    _refuse_if_nothing_read(report)
    return {
        "ingested": report.ingested,
        "duplicates": report.duplicates,
        "claims": report.claims,
        "articles": report.stored_ids,
        "rejected": [str(item) for item in report.rejected],
    }


def _form_context(request: Request, form: FormData | None = None) -> dict[str, Any]:
    settings: Settings = request.app.state.settings
    return {
        "open": settings.allow_ingest,
        "upload_limit": settings.upload_limit,
        "error": None,
        # A refused form comes back with what was typed in it, so a mistyped URL is corrected
        # rather than the whole article pasted again.
        "values": {name: (_text(form, name) if form else None) or "" for name in _KEPT},
    }


async def _capped_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload: {declared} bytes is over the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"upload: over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _capped_form(request: Request, limit: int) -> FormData:
    body = await _capped_body(request, limit)

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    capped = Request(request.scope, receive=replay)
    return await capped.form(max_files=1, max_fields=10, max_part_size=limit)


async def _form_items(form: FormData, settings: Settings) -> list[Article | Rejected]:
    upload = form.get("file")
    file = upload if isinstance(upload, UploadFile) and upload.filename else None
    return await _items(settings, _text(form, "text"), _text(form, "title"),
                        _text(form, "url"), file)


async def _items(
    settings: Settings,
    text: str | None,
    title: str | None,
    url: str | None,
    file: UploadFile | None,
) -> list[Article | Rejected]:
    upload = (file.filename or "upload", await file.read()) if file is not None else None
    # Reading is CPU work (decoding, YAML, HTML) and must not hold up the event loop.
    return await run_in_threadpool(_read_items, settings, text, title, url, upload)


def _read_items(
    settings: Settings,
    text: str | None,
    title: str | None,
    url: str | None,
    upload: tuple[str, bytes] | None,
) -> list[Article | Rejected]:
    from coalition.ingest import article_from_text, fetch_url, read_bytes

    items: list[Article | Rejected] = []
    if text:
        items.append(article_from_text(text, source="pasted text", title=title or None))
    if upload is not None:
        items.extend(read_bytes(upload[1], name=upload[0], settings=settings))
    if url:
        items.extend(fetch_url(url, settings))
    if not items:
        raise InputError("form", "nothing to add: paste a text, choose a file or give a URL")
    return items


def _refuse_if_nothing_read(report: Any) -> None:
    """Inputs that all failed are the sender's to fix: a 400 naming each, not a success."""
    if report.rejected and not (report.ingested or report.duplicates):
        first, more = report.rejected[0], len(report.rejected) - 1
        raise InputError(first.source, first.reason + (f" (and {more} more)" if more else ""))


def _ingest(request: Request, items: list[Article | Rejected]) -> tuple[Any, list[Any]]:
    from coalition.pipeline import store_articles

    store = request.app.state.store
    report = store_articles(items, store, request.app.state.settings,
                            extractor=_extractor(request))
    return report, [store.article(article_id) for article_id in report.stored_ids]


def _extractor(request: Request) -> Any:
    # spaCy loads once per app, on the first write, never at start-up: a read-only dashboard
    # should not pay for it. The lock stops two first writes from loading it twice.
    state = request.app.state
    with state.extractor_lock:
        if state.extractor is None:
            from coalition.extract import Extractor

            state.extractor = Extractor(state.settings)
        return state.extractor


def _text(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value.strip() or None if isinstance(value, str) else None


def _str(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise HTTPException(400, f"{name}: expected a string")
    return value.strip() or None if value else None
