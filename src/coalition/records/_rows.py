"""Reading the rows of a records file, with errors that name the file and line."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from coalition.errors import InputError


class RowError(ValueError):
    """One row cannot become a record; the message says why."""


def read_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row of stripped cells) for each row of a CSV file with a header.

    Raises:
        InputError: the file cannot be read or lacks a ``required`` column.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(str(path), f"missing column(s) {', '.join(missing)}")
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"cannot read records ({exc})") from exc


def header(path: Path) -> list[str]:
    """The column names of a CSV file (nothing for an empty or unreadable one)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(fh), [])
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"cannot read records ({exc})") from exc


def code_cell(row: dict[str, str], column: str) -> str:
    """The actor code a cell names (a code or a name)."""
    from coalition.resolve.names import actor_code

    if not row.get(column):
        raise RowError(f"{column} is empty")
    try:
        return actor_code(row[column])
    except InputError as exc:
        raise RowError(f"{column}: {exc}") from None


def day_cell(row: dict[str, str], column: str) -> date | None:
    """An ISO date cell, ``None`` when blank."""
    if not row.get(column):
        return None
    try:
        return date.fromisoformat(row[column])
    except ValueError:
        raise RowError(f"{column} {row[column]!r} is not a date (YYYY-MM-DD)") from None
