"""``/api/export``: claims, the scorecard or the timeline as a file, streamed from the store.

The body is written while the claims are read, a batch at a time, so an export of a million
claims never sits in memory; the filters are those of ``/api/claims`` (limit and offset do not
apply).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from coalition.errors import InputError
from coalition.export import EXPORT_FORMATS, WHATS, check_export, export
from coalition.export._encode import MEDIA_TYPES
from coalition.models import ClaimQuery
from coalition.review import View
from coalition.web.params import ParamError, ViewParam, choice, claim_params

router = APIRouter(prefix="/api", tags=["api"])
_SUFFIX = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet", "plover": "plover.jsonl"}


@router.get("/export", response_class=StreamingResponse)
def export_file(
    request: Request,
    query: Annotated[ClaimQuery, Depends(claim_params)],
    format: Annotated[str, Query(description=", ".join(EXPORT_FORMATS))] = "jsonl",
    what: Annotated[str, Query(description=", ".join(WHATS))] = "claims",
    view: ViewParam = None,
) -> StreamingResponse:
    """Every claim matching the filters (news and records), the scorecard or the timeline."""
    try:
        check_export(what, format)
    except InputError as exc:
        raise ParamError("format" if exc.source == "--format" else "what", exc.reason) from None
    chunks = export(request.app.state.store, query, what, format,
                    choice("view", view, View) or View.APPLIED)
    filename = f"coalition-{what}.{_SUFFIX[format]}"
    return StreamingResponse(chunks, media_type=MEDIA_TYPES[format],
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})
