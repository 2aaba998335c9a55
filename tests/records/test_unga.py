"""The UN roll-call importer and the shipped ES-11/1 and ES-11/4 roll calls."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from coalition.errors import InputError
from coalition.models import Dimension, Stance
from coalition.records import VOTE_MEANING, example_files, read_records

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "records"
RESOLUTIONS = ("resolution,date,title,condemns,supports,source_url\n"
               "A/RES/T/1,2022-03-02,Aggression against Ukraine,Russia,UKR,https://un.example\n")


def shipped_votes() -> dict[tuple[str, str], str]:
    with example_files()[0].open(encoding="utf-8") as fh:
        return {(r["country_iso3"], r["resolution"]): r["vote"] for r in csv.DictReader(fh)}


def test_the_shipped_roll_calls_have_the_un_totals_and_every_member() -> None:
    votes = shipped_votes()
    totals = Counter((resolution, vote) for (_state, resolution), vote in votes.items())
    assert totals == {
        ("A/RES/ES-11/1", "yes"): 141, ("A/RES/ES-11/1", "no"): 5,
        ("A/RES/ES-11/1", "abstain"): 35, ("A/RES/ES-11/1", "absent"): 12,
        ("A/RES/ES-11/4", "yes"): 143, ("A/RES/ES-11/4", "no"): 5,
        ("A/RES/ES-11/4", "abstain"): 35, ("A/RES/ES-11/4", "absent"): 10,
    }
    with example_files()[0].open(encoding="utf-8") as fh:
        assert all(row["source_url"].startswith("https://") for row in csv.DictReader(fh))


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/records is not on this machine")
def test_the_shipped_roll_calls_agree_with_the_shared_reference() -> None:
    votes = shipped_votes()
    with (SHARED / "unga_votes.csv").open(encoding="utf-8") as fh:
        reference = {(r["country_iso3"], r["resolution"]): r["vote"] for r in csv.DictReader(fh)}
    assert len(reference) == 54
    assert {key: votes[key] for key in reference} == reference
    with (SHARED / "unga_totals.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for vote in ("yes", "no", "abstain"):
                mine = sum(1 for (_state, resolution), v in votes.items()
                           if resolution == row["resolution"] and v == vote)
                assert mine == int(row[vote]), (row["resolution"], vote)


def test_a_vote_reads_by_the_documented_table() -> None:
    found = read_records(example_files()).records
    claims: dict[tuple[str, str | None], set[tuple[str, Stance]]] = {}
    for record in found:
        claims.setdefault((record.actor, record.title), set()).add((record.target, record.stance))
    es1 = "A/RES/ES-11/1"
    assert claims[("ERI", es1)] == {("RUS", Stance.SUPPORT), ("UKR", Stance.OPPOSE)}
    assert claims[("ARM", es1)] == {("UKR", Stance.REFUSE)}
    assert claims[("SRB", es1)] == {("RUS", Stance.OPPOSE), ("UKR", Stance.SUPPORT)}
    assert ("AZE", es1) not in claims  # absent: no claim
    assert claims[("RUS", es1)] == {("UKR", Stance.OPPOSE)}  # no claim about itself
    assert claims[("UKR", es1)] == {("RUS", Stance.OPPOSE)}
    assert {r.dimension for r in found} == {Dimension.DIPLOMATIC}
    assert set(VOTE_MEANING) == {"yes", "no", "abstain", "absent"}


def test_the_evidence_names_the_vote_and_the_record_its_source() -> None:
    found = read_records(example_files()).records
    armenia = next(r for r in found if r.actor == "ARM" and r.title == "A/RES/ES-11/4")
    assert armenia.evidence.startswith("Armenia abstained on UN General Assembly resolution "
                                       "A/RES/ES-11/4")
    assert armenia.url == "https://en.interfax.com.ua/news/general/865264.html"
    assert armenia.as_claim().certainty.value == "recorded"


def test_names_work_for_codes_and_bad_rows_are_skipped_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "resolutions.csv").write_text(RESOLUTIONS, encoding="utf-8")
    votes = tmp_path / "votes.csv"
    votes.write_text("country,resolution,vote,source_url\n"
                     "North Korea,A/RES/T/1,no,https://a.example\n"
                     "Narnia,A/RES/T/1,yes,https://b.example\n"
                     "Armenia,A/RES/T/2,abstain,https://c.example\n"
                     "Armenia,A/RES/T/1,maybe,https://c.example\n"
                     "Azerbaijan,A/RES/T/1,absent,https://d.example\n", encoding="utf-8")
    read = read_records([votes])
    assert {(r.actor, r.target, r.stance) for r in read.records} == {
        ("PRK", "RUS", Stance.SUPPORT), ("PRK", "UKR", Stance.OPPOSE)}
    assert [item.source for item in read.rejected] == [f"{votes}:3", f"{votes}:4", f"{votes}:5"]
    assert "Narnia" in read.rejected[0].reason and "A/RES/T/2" in read.rejected[1].reason
    assert "maybe" in read.rejected[2].reason
    assert read.silent == 1


def test_a_roll_call_without_its_resolutions_is_an_error(tmp_path: Path) -> None:
    votes = tmp_path / "votes.csv"
    votes.write_text("country,resolution,vote,source_url\nArmenia,X,yes,\n", encoding="utf-8")
    with pytest.raises(InputError, match="resolutions"):
        read_records([votes])
