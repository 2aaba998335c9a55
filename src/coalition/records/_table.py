"""The generic records CSV: one claim a row, written by hand or exported from another tracker.

Columns: ``actor``, ``target`` (codes or names), ``dimension``, ``stance`` (the contract's
values), ``date`` (YYYY-MM-DD, may be blank), ``source_url`` and ``description`` (the record's
own evidence text, required).
"""

from __future__ import annotations

from pathlib import Path

from coalition.models import Dimension, Record, Rejected, Stance
from coalition.records._rows import RowError, code_cell, day_cell, read_rows

COLUMNS = ("actor", "target", "dimension", "stance", "date", "source_url", "description")


def read_table(path: Path) -> tuple[list[Record], list[Rejected]]:
    """Records of a generic records CSV, and the rows that could not be read (with why)."""
    found: list[Record] = []
    rejected: list[Rejected] = []
    for line, row in read_rows(path, COLUMNS):
        try:
            found.append(_record(row, str(path)))
        except RowError as exc:
            rejected.append(Rejected(f"{path}:{line}", str(exc)))
    return found, rejected


def _record(row: dict[str, str], source: str) -> Record:
    if not row["description"]:
        raise RowError("description is empty: a record needs its own evidence text")
    try:
        dimension = Dimension(row["dimension"].lower())
        stance = Stance(row["stance"].lower())
    except ValueError as exc:
        raise RowError(str(exc)) from None
    actor, target = code_cell(row, "actor"), code_cell(row, "target")
    if actor == target:
        raise RowError(f"actor and target are both {actor}")
    return Record(actor=actor, target=target, dimension=dimension, stance=stance,
                  evidence=row["description"], source=source, url=row["source_url"] or None,
                  on=day_cell(row, "date"), title=row.get("title") or None)
