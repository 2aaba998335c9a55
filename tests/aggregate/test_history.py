"""Timelines, shifts and contradictions over hand-built counts and claims."""

from __future__ import annotations

from datetime import date

from coalition.aggregate import contradictions, disputed, shifts, timeline
from coalition.models import (
    Certainty,
    Claim,
    Dimension,
    MonthCount,
    PeriodCount,
    Precision,
    Stance,
    StoredClaim,
    When,
)

SUP, REF, OPP = Stance.SUPPORT, Stance.REFUSE, Stance.OPPOSE
ARMS, TROOPS = Dimension.ARMS, Dimension.TROOPS


def test_timeline_leads_each_month_by_articles_and_refusal_wins_a_tie() -> None:
    points = timeline([
        MonthCount("ARM", "RUS", ARMS, SUP, "2021-03", 2, 3),
        MonthCount("ARM", "RUS", TROOPS, SUP, "2021-03", 1, 1),
        MonthCount("ARM", "RUS", ARMS, REF, "2021-03", 2, 2),
        MonthCount("ARM", "RUS", ARMS, REF, "2024-05", 1, 1),
        MonthCount("ARM", "RUS", ARMS, SUP, "2024-05", 1, 1),
    ])
    assert [p.as_dict() for p in points] == [
        {"month": "2021-03", "stance": "support",
         "articles": {"support": 3, "refuse": 2, "oppose": 0},
         "claims": {"support": 4, "refuse": 2, "oppose": 0}},
        {"month": "2024-05", "stance": "refuse",
         "articles": {"support": 1, "refuse": 1, "oppose": 0},
         "claims": {"support": 1, "refuse": 1, "oppose": 0}},
    ]


def test_shifts_need_evidence_on_both_sides_and_a_new_leader() -> None:
    found = shifts([
        PeriodCount("ARM", "RUS", ARMS, SUP, False, 3, 3),
        PeriodCount("ARM", "RUS", ARMS, OPP, True, 2, 2),
        PeriodCount("KAZ", "RUS", TROOPS, REF, False, 5, 5),
        PeriodCount("KAZ", "RUS", TROOPS, SUP, True, 9, 9),
        PeriodCount("IRN", "RUS", ARMS, SUP, False, 4, 4),  # the same stance after
        PeriodCount("IRN", "RUS", ARMS, SUP, True, 4, 4),
        PeriodCount("BLR", "RUS", ARMS, SUP, True, 7, 7),  # nothing before
    ])
    assert [(s.actor, s.before, s.after, s.evidence) for s in found] == [
        ("KAZ", REF, SUP, 5), ("ARM", SUP, OPP, 2)]


def _stored(id: int, stance: Stance, site: str | None, day: date, article: str) -> StoredClaim:
    claim = Claim("doc", "BLR", "RUS", TROOPS, stance, Certainty.ASSERTED, "x.", 0, 2,
                  when=When(day, Precision.DAY))
    return StoredClaim(id, claim, article, None, None, f"{article}.md", day, site)


def test_contradictions_need_two_outlets_in_one_month() -> None:
    found = contradictions([
        _stored(1, SUP, "wire", date(2024, 4, 3), "a"),
        _stored(2, REF, "wire", date(2024, 4, 5), "b"),  # the same outlet: no contradiction
        _stored(3, OPP, "free", date(2024, 4, 9), "c"),
        _stored(4, REF, "free", date(2024, 5, 1), "d"),  # another month
        _stored(5, SUP, None, date(2024, 6, 1), "e"),  # no site: the article is the outlet
        _stored(6, REF, None, date(2024, 6, 2), "f"),
    ])
    assert [(c.month, c.support.id, c.against.id) for c in found] == [
        ("2024-04", 1, 3), ("2024-06", 5, 6)]
    assert found[0].as_dict()["outlets"] == ["wire", "free"]


def test_disputed_months_are_those_with_both_sides() -> None:
    assert disputed([
        MonthCount("BLR", "RUS", TROOPS, SUP, "2024-04", 1, 1),
        MonthCount("BLR", "RUS", TROOPS, OPP, "2024-04", 2, 2),
        MonthCount("BLR", "RUS", TROOPS, REF, "2024-05", 1, 1),
    ]) == [("BLR", "RUS", TROOPS, "2024-04")]
