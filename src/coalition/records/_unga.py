"""UN General Assembly roll calls as records: what a state's vote says about where it stands.

A resolutions file names, for each resolution, the state it condemns and the state whose
position it backs. A vote then reads as diplomatic claims by this table (``docs/records.md``):

=========  =======================  ========================
vote       toward the condemned      toward the supported
=========  =======================  ========================
yes        oppose                    support
no         support                   oppose
abstain    (nothing)                 refuse
absent     (nothing)                 (nothing)
=========  =======================  ========================

So a "no" on condemning Russia is diplomatic support for Russia, and an abstention is a refusal
to condemn: diplomatic ``refuse`` toward the condemned state's opponent (Ukraine). A state's
vote on its own case (Russia voting no) makes no claim: a claim is about another state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coalition.errors import InputError
from coalition.models import Dimension, Record, Rejected, Stance
from coalition.records._rows import RowError, code_cell, day_cell, read_rows

CONDEMNED, SUPPORTED = "condemns", "supports"
VOTE_MEANING: dict[str, dict[str, Stance]] = {
    "yes": {CONDEMNED: Stance.OPPOSE, SUPPORTED: Stance.SUPPORT},
    "no": {CONDEMNED: Stance.SUPPORT, SUPPORTED: Stance.OPPOSE},
    "abstain": {SUPPORTED: Stance.REFUSE},
    "absent": {},
}
_WORDS = {"yes": "voted in favour of", "no": "voted against",
          "abstain": "abstained on", "absent": "did not vote on"}
VOTE_COLUMNS = ("resolution", "vote", "source_url")
RESOLUTION_COLUMNS = ("resolution", "date", "title", "condemns", "supports")


@dataclass(frozen=True, slots=True)
class Resolution:
    """One resolution: its symbol, date, title and the states it condemns and backs."""

    symbol: str
    on: date | None
    title: str
    sides: dict[str, str]


def read_resolutions(path: Path) -> dict[str, Resolution]:
    """The resolutions file, by symbol.

    Raises:
        InputError: the file is missing, lacks a column or has a bad row.
    """
    found = {}
    for line, row in read_rows(path, RESOLUTION_COLUMNS):
        try:
            sides = {side: code_cell(row, side) for side in (CONDEMNED, SUPPORTED) if row[side]}
            found[row["resolution"]] = Resolution(row["resolution"], day_cell(row, "date"),
                                                  row["title"], sides)
        except RowError as exc:
            raise InputError(f"{path}:{line}", str(exc)) from None
    return found


def read_votes(
    path: Path, resolutions: dict[str, Resolution]
) -> tuple[list[Record], list[Rejected], int]:
    """Records from a roll-call file: (records, rejected rows, votes that make no claim)."""
    found: list[Record] = []
    rejected: list[Rejected] = []
    silent = 0
    for line, row in read_rows(path, VOTE_COLUMNS):
        try:
            made = _vote_records(row, resolutions, str(path))
        except RowError as exc:
            rejected.append(Rejected(f"{path}:{line}", str(exc)))
            continue
        found += made
        silent += not made
    return found, rejected, silent


def _vote_records(
    row: dict[str, str], resolutions: dict[str, Resolution], source: str
) -> list[Record]:
    resolution = resolutions.get(row["resolution"])
    if resolution is None:
        raise RowError(f"resolution {row['resolution']!r} is not in the resolutions file")
    vote = row["vote"].lower()
    if vote not in VOTE_MEANING:
        raise RowError(f"vote {row['vote']!r} is not one of {', '.join(VOTE_MEANING)}")
    actor = code_cell(row, "country_iso3" if row.get("country_iso3") else "country")
    name = row.get("country") or actor
    on = day_cell(row, "date") if row.get("date") else resolution.on
    evidence = (f"{name} {_WORDS[vote]} UN General Assembly resolution {resolution.symbol} "
                f"\u201c{resolution.title}\u201d" + (f" on {on.isoformat()}." if on else "."))
    return [
        Record(actor=actor, target=target, dimension=Dimension.DIPLOMATIC, stance=stance,
               evidence=evidence, source=source, url=row["source_url"] or None, on=on,
               title=resolution.symbol)
        for side, stance in VOTE_MEANING[vote].items()
        if (target := resolution.sides.get(side)) and target != actor
    ]
