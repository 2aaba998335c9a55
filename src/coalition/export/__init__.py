"""Claims, scorecards, shifts and contradictions as files: the contract's JSON Lines, CSV, JSON
and Markdown; and ``export``: claims, scorecards and timelines streamed as JSON Lines, CSV,
Parquet or PLOVER."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import orjson

from coalition.export._encode import arrow_schema
from coalition.export._run import EXPORT_FORMATS, WHATS, check_export, export
from coalition.models import Claim, Dimension

if TYPE_CHECKING:
    from coalition.aggregate import Cell, Contradiction
    from coalition.history import ShiftReport

__all__ = [
    "EXPORT_FORMATS",
    "SCORECARD_FORMATS",
    "WHATS",
    "arrow_schema",
    "cell_label",
    "check_export",
    "claims_json",
    "export",
    "scorecard_matrix",
    "scorecard_text",
    "to_json",
    "write_claims_jsonl",
]

SCORECARD_FORMATS = ("table", "csv", "json", "markdown")


def to_json(value: Any, *, indent: bool = False) -> bytes:
    """The JSON form of a result, UTF-8: dataclasses by their fields, dates in ISO 8601,
    enums by value (also as keys)."""
    # orjson writes dataclasses and dates itself, in C: the all-targets scorecard is thousands
    # of cells, and walking them into dicts for the json module cost more than the query.
    option = orjson.OPT_NON_STR_KEYS | (orjson.OPT_INDENT_2 if indent else 0)
    return orjson.dumps(value, option=option)


def write_claims_jsonl(claims: Iterable[Claim], out: TextIO) -> int:
    """Write claims one JSON object a line (``Claim.as_dict``); returns how many."""
    count = 0
    for claim in claims:
        out.write(json.dumps(claim.as_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def cell_label(cell: Cell) -> str:
    """A cell as text: stance, supporting articles, ``!`` where the evidence conflicts, and
    what records (votes) say, apart: ``support 2 (recorded oppose 1)``."""
    mark = " !" if cell.conflicting else ""
    news = f"{cell.stance.value} {cell.articles}{mark}" if cell.articles else ""
    if cell.recorded is None:
        return news
    record = f"recorded {cell.recorded.value} {cell.records}"
    return f"{news} ({record})" if news else record


def scorecard_matrix(cells: Sequence[Cell]) -> tuple[list[str], list[list[str]]]:
    """Actors (with their target) as rows, the nine dimensions as columns."""
    rows: dict[tuple[str, str], dict[Dimension, str]] = {}
    for cell in cells:
        rows.setdefault((cell.actor, cell.target), {})[cell.dimension] = cell_label(cell)
    header = ["actor", "target", *(d.value for d in Dimension)]
    body = [
        [actor, target, *(by_dim.get(d, "") for d in Dimension)]
        for (actor, target), by_dim in sorted(rows.items())
    ]
    return header, body


def scorecard_text(cells: Sequence[Cell], fmt: str) -> str:
    """The scorecard as ``csv``, ``json`` (a list of cells) or ``markdown``."""
    if fmt == "json":
        return to_json(list(cells), indent=True).decode()
    header, body = scorecard_matrix(cells)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
        return buffer.getvalue()
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown scorecard format {fmt!r}; use one of {', '.join(SCORECARD_FORMATS)}")


def claims_json(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Stored claims with their article's title, date and source, as JSON-ready dicts."""
    return [
        {
            **row.claim.as_dict(),
            "id": row.id,
            "title": row.title,
            "published": row.published.isoformat() if row.published else None,
            "url": row.url,
            "source": row.source,
            "review": row.review.as_dict() if getattr(row, "review", None) else None,
        }
        for row in rows
    ]


def shift_report_json(report: ShiftReport) -> dict[str, Any]:
    """Shifts as the API and ``coalition shifts --format json`` give them: the periods compared,
    then each shift with the latest sentence before and the first after, as claim dicts."""
    return {
        "split": report.split, "start": report.start, "until": report.until,
        "shifts": [
            {**shift.as_dict(),
             "last_before": _one_claim(shift.last_before),
             "first_after": _one_claim(shift.first_after)}
            for shift in report.shifts
        ],
    }


def contradictions_json(found: Iterable[Contradiction]) -> list[dict[str, Any]]:
    """Contradictions with both sentences as claim dicts, each with its outlet."""
    from coalition.aggregate import outlet

    return [
        {**pair.as_dict(),
         "support": {**_one_claim(pair.support), "outlet": outlet(pair.support)},
         "against": {**_one_claim(pair.against), "outlet": outlet(pair.against)}}
        for pair in found
    ]


def _one_claim(row: Any) -> Any:
    return claims_json([row])[0] if row is not None else None
