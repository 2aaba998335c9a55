"""leaders.csv as data: every row parses, names real actors, and no name is ambiguous on a date.

A wrong row makes wrong claims silently, so these checks read the shipped file itself.
"""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from coalition.resolve import Gazetteer, choose
from coalition.resolve._files import data_path, parse_day, read_csv, split_list
from coalition.resolve.gazetteer import LEADER

LEADERS = data_path("leaders.csv")
COLUMNS = ("name", "aliases", "code", "role", "start", "end")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _rows() -> list[dict[str, str]]:
    return read_csv(LEADERS, COLUMNS)


def _term(row: dict[str, str]) -> tuple[date, date]:
    start = parse_day(row["start"], LEADERS, "start") or date.min
    end = parse_day(row["end"], LEADERS, "end") or date.max
    return start, end


def _forms(row: dict[str, str]) -> set[str]:
    return {form.casefold() for form in [row["name"], *split_list(row["aliases"])]}


def _label(row: dict[str, str]) -> str:
    return f"{row['name']} ({row['code']} {row['role']} {row['start']}..{row['end']})"


def test_every_row_is_complete_and_dated() -> None:
    rows = _rows()
    assert len(rows) > 64
    for row in rows:
        assert row["name"] and row["code"] and row["role"] and row["start"], _label(row)
        start, end = _term(row)
        assert start < end, _label(row)


def test_codes_name_known_states_and_groups() -> None:
    known = {r["code"] for r in read_csv(data_path("countries.csv"), ("code",))}
    known |= {r["code"] for r in read_csv(data_path("groups.csv"), ("code",))}
    unknown = [_label(row) for row in _rows() if row["code"] not in known]
    assert unknown == []


def test_a_person_holds_one_office_at_a_time_per_state() -> None:
    # Two overlapping rows of one person for one state are a typo in a date, not two offices.
    clashes = [
        (_label(a), _label(b)) for a, b in combinations(_rows(), 2)
        if a["name"] == b["name"] and a["code"] == b["code"] and a["role"] == b["role"]
        and _overlap(_term(a), _term(b))
    ]
    assert clashes == []


def test_no_form_names_two_people_at_once() -> None:
    clashes = [
        (form, _label(a), _label(b)) for a, b in combinations(_rows(), 2)
        if a["name"] != b["name"] and _overlap(_term(a), _term(b))
        for form in sorted(_forms(a) & _forms(b))
    ]
    assert clashes == []


def test_no_leader_form_is_shadowed_by_a_fixed_name(gazetteer: Gazetteer) -> None:
    # A state, capital, demonym, group or non-actor with the same form always wins over a leader.
    fixed = {e.form.casefold() for e in gazetteer.entries if e.kind != LEADER}
    shadowed = sorted(form for row in _rows() for form in _forms(row) if form in fixed)
    assert shadowed == []


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.mark.parametrize(("form", "on", "code"), [
    ("Shoigu", date(2023, 3, 1), "RUS"), ("Belousov", date(2023, 3, 1), None),
    ("Lammy", date(2025, 1, 10), "GBR"), ("Lammy", date(2025, 10, 1), None),
    ("Katz", date(2024, 12, 1), "ISR"), ("Kallas", date(2023, 5, 1), "EST"),
    ("Kallas", date(2025, 5, 1), "EU"), ("Tusk", date(2017, 1, 1), "EU"),
    ("Tusk", date(2024, 1, 1), "POL"), ("Szijjártó", date(2026, 6, 1), None),
    ("Aoun", date(2020, 1, 1), "LBN"), ("Aoun", date(2023, 6, 1), None),
])
def test_terms_follow_the_date(gazetteer: Gazetteer, form: str, on: date,
                               code: str | None) -> None:
    entry = choose(gazetteer.by_form().get(form.casefold(), []), on)
    assert (entry.code if entry else None) == code
