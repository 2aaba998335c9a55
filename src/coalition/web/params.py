"""Query parameters of the API and the pages, checked once with messages that name the parameter.

FastAPI declares the parameters (so they appear in the OpenAPI schema) as plain strings; the
checks live here so a page and its JSON twin refuse the same input with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, TypeVar

from fastapi import Query

from coalition.models import Certainty, ClaimQuery, Dimension, Stance
from coalition.review import View

MAX_LIMIT = 500
E = TypeVar("E", bound=StrEnum)


class ParamError(ValueError):
    """A query parameter the app cannot use; ``name`` is the parameter, the message says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def code(name: str, value: str | None) -> str | None:
    """An actor code (ISO 3166-1 alpha-3 or an alliance such as NATO) from a code or a name."""
    from coalition.errors import InputError
    from coalition.resolve.names import actor_code

    if value is None or not value.strip():
        return None
    try:
        return actor_code(value)
    except InputError:
        raise ParamError(name, f"{value!r} is not an actor code or the name of a known "
                               "state or alliance: use a code like RUS or NATO, or a name "
                               "like Armenia") from None


def day(name: str, value: str | None) -> date | None:
    """A date in ISO form, ``YYYY-MM-DD``."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ParamError(name, f"{value!r} is not a date; use YYYY-MM-DD") from None


def choice(name: str, value: str | None, kind: type[E]) -> E | None:
    """One value of a contract enum (dimension, stance, certainty)."""
    if value is None or not value.strip():
        return None
    try:
        return kind(value.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ParamError(name, f"unknown value {value!r}; use one of {allowed}") from None


def number(name: str, value: str | None, default: int, low: int, high: int) -> int:
    """An integer within ``low..high``."""
    if value is None or not value.strip():
        return default
    try:
        result = int(value)
    except ValueError:
        raise ParamError(name, f"{value!r} is not a whole number") from None
    if not low <= result <= high:
        raise ParamError(name, f"{result} is out of range {low}..{high}")
    return result


def words(name: str, value: str | None) -> str | None:
    """Search words, within the store's bounds on a query's words and length."""
    from coalition.store import query_problem

    text = value.strip() if value else ""
    if not text:
        return None
    problem = query_problem(text)
    if problem:
        raise ParamError(name, f"too long: {problem}")
    return text


@dataclass(frozen=True, slots=True)
class Period:
    """A checked date range and target, shared by the scorecard, map and network."""

    target: str | None
    since: date | None
    until: date | None
    view: View = View.APPLIED


def period(target: str | None, since: str | None, until: str | None,
           view: str | None = None) -> Period:
    """Check target and date range; ``since`` must not be after ``until``."""
    first, last = day("since", since), day("until", until)
    if first and last and first > last:
        raise ParamError("since", f"{first} is after until={last}")
    return Period(code("target", target), first, last,
                  choice("view", view, View) or View.APPLIED)


TargetParam = Annotated[
    str | None, Query(description="Target actor code (ISO alpha-3 or alliance) or name, e.g. RUS")
]
SinceParam = Annotated[str | None, Query(description="Earliest article date, YYYY-MM-DD")]
UntilParam = Annotated[str | None, Query(description="Latest article date, YYYY-MM-DD")]
ViewParam = Annotated[str | None, Query(
    description="machine, reviewed (only reviewed claims) or applied (machine claims with "
                "reviews applied; the default)")]


DimensionParam = Annotated[
    str | None, Query(description="One of " + ", ".join(d.value for d in Dimension))
]


WhenSinceParam = Annotated[
    str | None, Query(description="Earliest date of the act (a claim's when), YYYY-MM-DD")
]
WhenUntilParam = Annotated[
    str | None, Query(description="Latest date of the act (a claim's when), YYYY-MM-DD")
]


def acts_period(since: str | None, until: str | None, first: str = "since",
                last: str = "until") -> tuple[date | None, date | None]:
    """A checked range of dates of acts; ``first`` and ``last`` name the parameters."""
    start, end = day(first, since), day(last, until)
    if start and end and start > end:
        raise ParamError(first, f"{start} is after {last}={end}")
    return start, end


def history_params(
    actor: Annotated[str | None, Query(description="Actor code, e.g. ARM")] = None,
    target: TargetParam = None,
    dimension: DimensionParam = None,
    since: Annotated[str | None, Query(description="Acts on or after, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Acts on or before, YYYY-MM-DD")] = None,
) -> ClaimQuery:
    """FastAPI dependency: the claims a timeline or a contradictions view reads, by the date
    of their acts."""
    first, last = acts_period(since, until)
    return ClaimQuery(actor=code("actor", actor), target=code("target", target),
                      dimension=choice("dimension", dimension, Dimension),
                      when_since=first, when_until=last)


def period_params(
    target: TargetParam = None, since: SinceParam = None, until: UntilParam = None,
    view: ViewParam = None,
) -> Period:
    """FastAPI dependency: the target, date range and view of an aggregate."""
    return period(target, since, until, view)


def claim_params(
    actor: Annotated[str | None, Query(description="Actor code or name, e.g. IRN")] = None,
    target: TargetParam = None,
    dimension: DimensionParam = None,
    stance: Annotated[str | None, Query(description="support, refuse or oppose")] = None,
    certainty: Annotated[
        str | None, Query(description="asserted, hedged, or recorded (records, not news)")
    ] = None,
    involving: Annotated[
        str | None, Query(description="Claims with this actor or target (code or name)")
    ] = None,
    since: SinceParam = None,
    until: UntilParam = None,
    q: Annotated[str | None, Query(description="Words the evidence sentence contains")] = None,
    limit: Annotated[str | None, Query(description=f"Claims per page, 1..{MAX_LIMIT}")] = None,
    offset: Annotated[str | None, Query(description="Claims to skip")] = None,
    when_since: WhenSinceParam = None,
    when_until: WhenUntilParam = None,
) -> ClaimQuery:
    """FastAPI dependency: the filters of a claims listing, as a :class:`ClaimQuery`."""
    span = period(target, since, until)
    acts = acts_period(when_since, when_until, "when_since", "when_until")
    return ClaimQuery(
        when_since=acts[0],
        when_until=acts[1],
        actor=code("actor", actor),
        target=span.target,
        dimension=choice("dimension", dimension, Dimension),
        stance=choice("stance", stance, Stance),
        certainty=choice("certainty", certainty, Certainty),
        since=span.since,
        until=span.until,
        text=words("q", q),
        involving=code("involving", involving),
        limit=number("limit", limit, 50, 1, MAX_LIMIT),
        offset=number("offset", offset, 0, 0, 10_000_000),
    )
