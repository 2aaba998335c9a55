"""The timeline chart, drawn on the server as SVG: one column per month, support above the line,
refusal and opposition below it, each column a link to its sentences.

Months without evidence keep their place, so the gaps in the record show; the chart needs no
script and no network.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coalition.aggregate import TimelinePoint
from coalition.models import Stance

# Column width and gap, and the height of each half, in SVG units.
_STEP = 14.0
_BAR = 10.0
_LABELS = 16.0
# At most this many months: a longer record is cut to its latest months.
MAX_MONTHS = 240


@dataclass(frozen=True, slots=True)
class Bar:
    """One stance's part of a month's column."""

    stance: str
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Column:
    """One month: its bars, the link to its sentences and the hover text."""

    month: str
    x: float
    bars: list[Bar]
    href: str
    title: str
    leading: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The drawing: its size, the middle line, the columns and the year labels."""

    width: float
    height: float
    middle: float
    columns: list[Column]
    years: list[tuple[float, str]]


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), both included."""
    year, month = (int(part) for part in first.split("-"))
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def draw(points: Sequence[TimelinePoint], link: Callable[[str], str], half: float = 60.0) -> Chart:
    """Lay the points out as columns ``half`` units tall above and below the middle line.

    Args:
        points: the timeline, by month.
        link: the URL of a month's sentences, given the month.
        half: the height of the tallest bar.

    Returns:
        The drawing for the ``_timeline_chart.html`` template (no columns without points).
    """
    if not points:
        return Chart(0.0, 0.0, 0.0, [], [])
    by_month = {p.month: p for p in points}
    months = months_between(points[0].month, points[-1].month)[-MAX_MONTHS:]
    tallest = max(max(sum(p.articles.get(s, 0) for s in side) for side in _SIDES)
                  for p in points) or 1
    scale = half / tallest
    columns = [_column(by_month[m], i * _STEP + _STEP / 2, half, scale, link)
               for i, m in enumerate(months) if m in by_month]
    years = [(i * _STEP + 2, m[:4]) for i, m in enumerate(months) if i == 0 or m.endswith("-01")]
    return Chart(len(months) * _STEP + _STEP, 2 * half + _LABELS, half, columns, years)


_SIDES = ((Stance.SUPPORT,), (Stance.REFUSE, Stance.OPPOSE))


def _column(point: TimelinePoint, x: float, middle: float, scale: float,
            link: Callable[[str], str]) -> Column:
    bars = []
    above = point.articles.get(Stance.SUPPORT, 0) * scale
    if above:
        bars.append(Bar("support", round(middle - above, 1), round(above, 1)))
    below = middle
    for stance in (Stance.REFUSE, Stance.OPPOSE):
        height = point.articles.get(stance, 0) * scale
        if height:
            bars.append(Bar(stance.value, round(below, 1), round(height, 1)))
            below += height
    counts = ", ".join(f"{point.articles[s]} {s.value}" for s in Stance if point.articles.get(s))
    return Column(point.month, round(x - _BAR / 2, 1), bars, link(point.month),
                  f"{point.month}: {counts} (article-dimensions); leading {point.stance.value}",
                  point.stance.value)
