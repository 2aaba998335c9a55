"""Recorded evidence: structured records (roll-call votes, a records CSV) read as claims with
certainty ``recorded``, and where they disagree with the news.

Two file kinds, told apart by their columns: a roll call (a ``vote`` column, read with a
resolutions file; :mod:`._unga` has the table of what a vote means) and the generic records CSV
(:mod:`._table`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coalition.errors import InputError
from coalition.models import Record, Rejected
from coalition.records._check import Disagreement, disagreements
from coalition.records._rows import header
from coalition.records._table import read_table
from coalition.records._unga import VOTE_MEANING, read_resolutions, read_votes

__all__ = [
    "VOTE_MEANING",
    "Disagreement",
    "RecordsRead",
    "disagreements",
    "example_files",
    "read_records",
]


@dataclass
class RecordsRead:
    """What reading records files found."""

    records: list[Record] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    silent: int = 0
    """Rows read that make no claim (a state absent from a vote, an abstention on a text that
    backs no state)."""


def example_files() -> list[Path]:
    """The shipped roll calls of A/RES/ES-11/1 and A/RES/ES-11/4."""
    from coalition.resolve._files import data_path

    return [data_path("records/unga_votes.csv")]


def read_records(paths: list[Path], resolutions: Path | None = None) -> RecordsRead:
    """Read records files of either kind.

    Args:
        paths: generic records CSVs and roll-call files.
        resolutions: the resolutions file of the roll calls; by default
            ``unga_resolutions.csv`` or ``resolutions.csv`` beside each roll-call file.

    Returns:
        The records, the rows that could not be read (each with its reason) and the count of
        rows that make no claim.

    Raises:
        InputError: a file cannot be read, lacks columns, or a roll call has no resolutions.
    """
    read = RecordsRead()
    for path in paths:
        if "vote" in header(path):
            found, rejected, silent = read_votes(path, read_resolutions(
                resolutions or _resolutions_beside(path)))
            read.silent += silent
        else:
            found, rejected = read_table(path)
        read.records += found
        read.rejected += rejected
    return read


def _resolutions_beside(path: Path) -> Path:
    for name in ("unga_resolutions.csv", "resolutions.csv"):
        if (path.parent / name).is_file():
            return path.parent / name
    raise InputError(str(path), "a roll call needs its resolutions file: give --resolutions, "
                                "or put resolutions.csv beside it")
