"""Reviewing claims from the dashboard and the API: accept, reject, correct, add; the log.

Every write needs a reviewer token (the ``reviewer_tokens`` setting): none given is a 401,
a wrong one (or reviews switched off) a 403, and nothing changes. The token comes in the
``X-Coalition-Token`` header or, from the claim cards' forms, the ``token`` field.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from coalition.errors import ConfigError, InputError
from coalition.review import REVIEWED_FIELDS, Decision, Review, Verdict, reviewer_for
from coalition.web.render import page
from coalition.web.safety import TOKEN_FIELD, TOKEN_HEADER, _require_same_origin

router = APIRouter(tags=["reviews"])
_MAX_NOTE = 2000
_MAX_BODY = 64_000  # a review is a few fields and a note


def require_reviewer(request: Request, form_token: str | None = None) -> str:
    """The reviewer whose token the request carries.

    Raises:
        HTTPException: 401 without a token, 403 with a wrong one or with reviews off.
    """
    _require_same_origin(request)
    given = request.headers.get(TOKEN_HEADER) or form_token
    setting = request.app.state.settings.reviewer_tokens
    if not given:
        raise HTTPException(401, f"reviews need a reviewer token (header {TOKEN_HEADER} "
                                 f"or form field {TOKEN_FIELD})")
    try:
        name = reviewer_for(given, setting)
    except ConfigError as exc:
        raise HTTPException(403, f"reviews are off: {exc}") from None
    if name is None:
        raise HTTPException(403, "this token may not review: ask for one in the "
                                 "reviewer_tokens setting" if setting else
                                 "reviews are off on this server (no reviewer_tokens set)")
    return name


def decision(body: dict[str, Any]) -> Decision:
    """A decision from a JSON body or form: ``verdict``, the reviewed fields (or ``set``),
    ``note``; a blank field is not set."""
    values = dict(body.get("set") or {})
    values.update({k: body[k] for k in REVIEWED_FIELDS if str(body.get(k) or "").strip()})
    note = str(body.get("note") or "")[:_MAX_NOTE]
    try:
        verdict = Verdict(str(body.get("verdict", "")).strip().lower())
    except ValueError:
        raise InputError("review", f"verdict {body.get('verdict')!r}: use one of "
                                   f"{', '.join(v.value for v in Verdict)}") from None
    return Decision(verdict, values, note)


async def _body(request: Request) -> tuple[dict[str, Any], bool]:
    """The request's fields and whether it came from a form (which is answered by a redirect)."""
    if len(await request.body()) > _MAX_BODY:
        raise HTTPException(413, f"a review is at most {_MAX_BODY} bytes")
    if request.headers.get("content-type", "").startswith("application/json"):
        body = await request.json()
        if not isinstance(body, dict):
            raise HTTPException(400, "body: expected a JSON object")
        return body, False
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}, True


def _answer(request: Request, review: Review | None, missing: str, form: bool) -> Any:
    if review is None:
        raise HTTPException(404, missing)
    if not form:
        return review.as_dict()
    # Back to the page the form was on (same site only), at the reviewed claim.
    back = urlsplit(request.headers.get("referer", ""))
    # Only a path of this site: "//host/..." would send the browser elsewhere.
    here = back.path.startswith("/") and not back.path.startswith("//")
    page = back.path + (f"?{back.query}" if back.query else "") if here else \
        f"/article/{quote(review.article_id)}"
    return RedirectResponse(f"{page}#review-{review.id}", status_code=303)


async def _decide(request: Request) -> tuple[str, Decision, dict[str, Any], bool]:
    body, form = await _body(request)
    reviewer = require_reviewer(request, body.get(TOKEN_FIELD) if form else None)
    return reviewer, decision(body), body, form


@router.post("/api/claims/{claim_id}/review")
@router.post("/claims/{claim_id}/review", include_in_schema=False)
async def review_claim(request: Request, claim_id: int) -> Any:
    """Accept, reject or correct a claim: ``{"verdict": "correct", "set": {"stance":
    "refuse"}, "note": "..."}``, with a reviewer token."""
    reviewer, choice, _body_, form = await _decide(request)
    store = request.app.state.store
    review = await run_in_threadpool(store.review_claim, claim_id, choice, reviewer)
    return _answer(request, review, f"claim {claim_id} not found", form)


@router.post("/api/reviews/{review_id}")
@router.post("/reviews/{review_id}", include_in_schema=False)
async def revise_review(request: Request, review_id: int) -> Any:
    """Give a review (an added claim's, an orphaned one's) a new verdict."""
    reviewer, choice, _body_, form = await _decide(request)
    store = request.app.state.store
    review = await run_in_threadpool(store.revise_review, review_id, choice, reviewer)
    return _answer(request, review, f"review {review_id} not found", form)


@router.post("/api/articles/{article_id:path}/claims")
@router.post("/article/{article_id:path}/claims", include_in_schema=False)
async def add_claim(request: Request, article_id: str) -> Any:
    """Add a claim the engine missed: actor, target, dimension, stance (certainty) and the
    sentence, as ``start``/``end`` offsets, ``sentence`` (``start-end``) or ``evidence``
    (words of it)."""
    body, form = await _body(request)
    reviewer = require_reviewer(request, body.get(TOKEN_FIELD) if form else None)
    choice = decision({**body, "verdict": "add"})
    store = request.app.state.store
    stored = await run_in_threadpool(store.article, article_id)
    if stored is None:
        raise HTTPException(404, f"article {article_id!r} not found")
    span = _span(body, stored.article.text)
    review = await run_in_threadpool(store.add_claim, article_id, span, choice, reviewer)
    return _answer(request, review, f"article {article_id!r} not found", form)


def _span(body: dict[str, Any], text: str) -> tuple[int, int]:
    from coalition.review import sentence_around

    if body.get("evidence"):
        return sentence_around(text, str(body["evidence"]))
    start, _, end = str(body.get("sentence") or "").partition("-")
    try:
        return (int(body["start"]), int(body["end"])) if "start" in body else \
            (int(start), int(end))
    except (KeyError, ValueError):
        raise InputError("review", "say which sentence: start and end, sentence "
                                   "(start-end) or evidence") from None


@router.get("/reviews", include_in_schema=False, response_class=HTMLResponse)
def reviews_page(request: Request) -> HTMLResponse:
    """Every review (orphaned ones marked) and the audit log."""
    store = request.app.state.store
    found = store.reviews()
    return page(request, "reviews.html", "/api/reviews/log", reviews=found,
                orphans=sum(r.orphaned for r in found), log=store.review_log())


@router.get("/api/reviews")
def reviews(
    request: Request,
    orphaned: Annotated[bool, Query(description="Only reviews re-extraction orphaned")] = False,
) -> dict[str, Any]:
    """Reviews, most recently changed first."""
    found = request.app.state.store.reviews(orphaned=orphaned)
    return {"reviews": [r.as_dict() for r in found]}


@router.get("/api/reviews/log")
def review_log(
    request: Request,
    review: Annotated[int | None, Query(description="Only this review's history")] = None,
) -> dict[str, Any]:
    """The audit log: who changed which review when, and what it was before and after."""
    return {"log": [e.as_dict() for e in request.app.state.store.review_log(review)]}


def sentence_choices(text: str) -> list[tuple[str, str]]:
    """The article's sentences as (``start-end``, the sentence cut short) for the add form."""
    from coalition.review import sentences

    return [(f"{start}-{end}", _short(text[start:end])) for start, end in sentences(text)]


def _short(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit - 1] + "…"
