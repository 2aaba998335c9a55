"""The generic records CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coalition.models import Dimension, Stance
from coalition.records import read_records

HEADER = "actor,target,dimension,stance,date,source_url,description\n"


def test_rows_become_records_and_bad_rows_are_named(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(
        HEADER
        + "Germany,Ukraine,arms,support,2023-01-25,https://gov.example/leopard,"
          "Germany approved Leopard 2 tanks for Ukraine.\n"
        + "DEU,UKR,arms,give,2023-01-25,,A stance that is not one.\n"
        + "DEU,UKR,arms,support,2023-01-25,,\n"
        + "DEU,DEU,arms,support,,,Itself.\n", encoding="utf-8")
    read = read_records([path])
    [record] = read.records
    assert (record.actor, record.target, record.dimension, record.stance) == (
        "DEU", "UKR", Dimension.ARMS, Stance.SUPPORT)
    assert record.on == date(2023, 1, 25) and record.url == "https://gov.example/leopard"
    assert record.evidence == "Germany approved Leopard 2 tanks for Ukraine."
    assert [r.source for r in read.rejected] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "give" in read.rejected[0].reason
    assert "description" in read.rejected[1].reason


def test_the_same_row_has_the_same_key_so_loading_twice_adds_nothing(tmp_path: Path) -> None:
    from coalition.store import Store

    path = tmp_path / "tracker.csv"
    path.write_text(HEADER + "DEU,UKR,arms,support,2023-01-25,,Tanks.\n", encoding="utf-8")
    with Store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        assert store.add_records(read_records([path]).records) == 1
        assert store.add_records(read_records([path]).records) == 0
