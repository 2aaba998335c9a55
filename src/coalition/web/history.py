"""Since when, and what changed: the timeline, shifts and contradictions pages, their JSON twins
under ``/api`` and the Atom feed of shifts.

Each reads :mod:`coalition.history` through the app's cache, so a page and its twin show the same
result; dates here are dates of acts (a claim's ``when``), not of publication.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from coalition.aggregate import Contradiction, TimelinePoint, timeline
from coalition.export import contradictions_json, shift_report_json, to_json
from coalition.history import ShiftReport, find_contradictions, find_shifts, month_span
from coalition.models import ClaimQuery, Dimension, MonthCount
from coalition.web import views
from coalition.web.chart import Chart, draw
from coalition.web.params import acts_period, code, day, history_params, number
from coalition.web.render import page, query

router = APIRouter()
Acts = Annotated[ClaimQuery, Depends(history_params)]
LIMIT = 50


def _store(request: Request) -> Any:
    # A CachedStore, which passes for the Store it wraps.
    return request.app.state.store


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _params(acts: ClaimQuery) -> dict[str, Any]:
    return {"actor": acts.actor, "target": acts.target,
            "dimension": acts.dimension.value if acts.dimension else None,
            "since": acts.when_since, "until": acts.when_until}


def _month_counts(request: Request, acts: ClaimQuery) -> list[MonthCount]:
    store = _store(request)
    counts: list[MonthCount] = store.memo(("month_counts", acts),
                                          lambda: store.month_counts(acts))
    return counts


def timeline_points(request: Request, acts: ClaimQuery) -> list[TimelinePoint]:
    """The timeline of the claims ``acts`` filters, through the app's cache."""
    return timeline(_month_counts(request, acts))


def _by_dimension(request: Request, acts: ClaimQuery) -> dict[str, list[TimelinePoint]]:
    # From the same counts as the whole timeline: one read for both.
    counts = _month_counts(request, acts)
    return {d.value: points for d in Dimension
            if (points := timeline([c for c in counts if c.dimension is d]))}


def chart(acts: ClaimQuery, points: list[TimelinePoint], half: float = 60.0) -> Chart:
    """The chart of a timeline, each month linked to the claims behind it."""
    def link(month: str) -> str:
        first, last = month_span(month)
        return "/claims" + query(actor=acts.actor, target=acts.target,
                                 dimension=acts.dimension.value if acts.dimension else None,
                                 when_since=first, when_until=last)

    return draw(points, link, half)


@router.get("/api/timeline", tags=["api"])
def timeline_api(request: Request, acts: Acts) -> Response:
    """Stance by month of the act for an actor -> target pair (either may be left open), in all
    dimensions together and in each dimension."""
    def encode() -> bytes:
        return to_json({**_params(acts),
                        "points": [p.as_dict() for p in timeline_points(request, acts)],
                        "dimensions": {d: [p.as_dict() for p in points]
                                       for d, points in _by_dimension(request, acts).items()}})

    body: bytes = _store(request).memo(("api/timeline", acts), encode)
    return _json(body)


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, acts: Acts) -> HTMLResponse:
    """The timeline of a pair: one chart for all dimensions, then one per dimension."""
    if acts.actor is None and acts.target is None:
        acts = replace(acts, target=views.default_target(_store(request)))
    points = timeline_points(request, acts)
    per_dimension = [(d, chart(replace(acts, dimension=Dimension(d)), found, 30.0))
                     for d, found in _by_dimension(request, acts).items()]
    return page(request, "timeline.html", "/api/timeline" + query(**_params(acts)),
                acts=acts, points=points, chart=chart(acts, points),
                per_dimension=per_dimension if acts.dimension is None else [],
                targets=views.targets(_store(request)))


def _shift_params(
    target: Annotated[str | None, Query(description="Target code, e.g. RUS")] = None,
    actor: Annotated[str | None, Query(description="Actor code, e.g. ARM")] = None,
    since: Annotated[str | None, Query(
        description="First day of the later period, YYYY-MM-DD [default: 90 days before the "
        "latest act on record]")] = None,
    until: Annotated[str | None, Query(description="Last day of the later period")] = None,
    start: Annotated[str | None, Query(
        alias="from", description="First day of the earlier period [default: the first act]")]
    = None,
    limit: Annotated[str | None, Query(description="Shifts, 1..500")] = None,
) -> tuple[ClaimQuery, date | None, int]:
    first, last = acts_period(start, until, "from", "until")
    acts = ClaimQuery(actor=code("actor", actor), target=code("target", target),
                      when_since=first, when_until=last)
    return acts, day("since", since), number("limit", limit, LIMIT, 1, 500)


Shifts = Annotated[tuple[ClaimQuery, date | None, int], Depends(_shift_params)]


def _report(request: Request, shifts: Shifts) -> ShiftReport:
    store = _store(request)
    acts, split, limit = shifts
    report: ShiftReport = store.memo(("shifts", shifts),
                                     lambda: find_shifts(store, acts, split, limit))
    return report


def _shift_query(report: ShiftReport, acts: ClaimQuery) -> str:
    return query(target=acts.target, actor=acts.actor, since=report.split, until=report.until,
                 **{"from": report.start})


@router.get("/api/shifts", tags=["api"])
def shifts_api(request: Request, shifts: Shifts) -> Response:
    """Pairs and dimensions whose leading stance changed between two periods of acts, with the
    latest sentence before the change and the first after it, best attested first."""
    def encode() -> bytes:
        return to_json({"target": shifts[0].target, "actor": shifts[0].actor,
                        **shift_report_json(_report(request, shifts))})

    body: bytes = _store(request).memo(("api/shifts", shifts), encode)
    return _json(body)


@router.get("/shifts", response_class=HTMLResponse, include_in_schema=False)
def shifts_page(request: Request, shifts: Shifts) -> HTMLResponse:
    """The shifts, each with its two sentences side by side."""
    report = _report(request, shifts)
    kept = _shift_query(report, shifts[0])
    return page(request, "shifts.html", "/api/shifts" + kept, acts=shifts[0], report=report,
                feed="/shifts.atom" + kept, targets=views.targets(_store(request)))


@router.get("/shifts.atom", include_in_schema=False)
def shifts_feed(request: Request, shifts: Shifts) -> Response:
    """The shifts as an Atom feed, newest change first, for feed readers."""
    report = _report(request, shifts)
    entries = sorted((s for s in report.shifts if s.changed), key=lambda s: s.changed or date.min,
                     reverse=True)
    env = request.app.state.templates
    body = env.get_template("shifts.atom").render(
        request=request, report=report, entries=entries,
        page="/shifts" + _shift_query(report, shifts[0]))
    return Response(body, media_type="application/atom+xml")


def _contradictions(request: Request, acts: ClaimQuery) -> list[Contradiction]:
    store = _store(request)
    found: list[Contradiction] = store.memo(("contradictions", acts),
                                            lambda: find_contradictions(store, acts, LIMIT))
    return found


@router.get("/api/contradictions", tags=["api"])
def contradictions_api(request: Request, acts: Acts) -> dict[str, Any]:
    """Outlets that disagree (support against refusal or opposition) on the same pair and
    dimension in the same month of the act, with both sentences."""
    return {**_params(acts), "contradictions": contradictions_json(_contradictions(request, acts))}


@router.get("/contradictions", response_class=HTMLResponse, include_in_schema=False)
def contradictions_page(request: Request, acts: Acts) -> HTMLResponse:
    """Both sentences of each contradiction side by side, with outlets and dates."""
    return page(request, "contradictions.html", "/api/contradictions" + query(**_params(acts)),
                acts=acts, found=_contradictions(request, acts),
                targets=views.targets(_store(request)))
