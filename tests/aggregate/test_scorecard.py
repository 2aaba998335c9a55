"""scorecard and net_stance over hand-built stance counts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from coalition.aggregate import Cell, net_stance, scorecard
from coalition.export import to_json
from coalition.models import Dimension, Stance, StanceCount

ARMS, TROOPS, DIPLO = Dimension.ARMS, Dimension.TROOPS, Dimension.DIPLOMATIC
SUP, REF, OPP = Stance.SUPPORT, Stance.REFUSE, Stance.OPPOSE


def count(actor: str, dim: Dimension, stance: Stance, articles: int, claims: int,
          first: str | None = "2024-01-01", last: str | None = "2024-02-01",
          target: str = "RUS") -> StanceCount:
    return StanceCount(actor, target, dim, stance, articles, claims,
                       date.fromisoformat(first) if first else None,
                       date.fromisoformat(last) if last else None)


def _only(cells: list[Cell]) -> Cell:
    assert len(cells) == 1
    return cells[0]


def test_one_stance_makes_one_plain_cell() -> None:
    cell = _only(scorecard([count("IRN", ARMS, SUP, 3, 5)]))
    assert (cell.actor, cell.target, cell.dimension, cell.stance) == ("IRN", "RUS", ARMS, SUP)
    assert (cell.articles, cell.claims, cell.conflicting) == (3, 5, False)
    assert (cell.first_seen, cell.last_seen) == (date(2024, 1, 1), date(2024, 2, 1))


def test_most_articles_wins_over_most_claims() -> None:
    cell = _only(scorecard([count("KAZ", TROOPS, SUP, 2, 9), count("KAZ", TROOPS, REF, 3, 3)]))
    assert (cell.stance, cell.articles, cell.claims, cell.conflicting) == (REF, 3, 3, True)


def test_claims_break_an_article_tie() -> None:
    cell = _only(scorecard([count("KAZ", TROOPS, SUP, 2, 4), count("KAZ", TROOPS, REF, 2, 3)]))
    assert (cell.stance, cell.claims) == (SUP, 4)


@pytest.mark.parametrize(
    ("stances", "winner"),
    [((SUP, REF), REF), ((SUP, OPP), OPP), ((OPP, REF), REF), ((SUP, OPP, REF), REF)],
)
def test_full_tie_goes_to_refuse_then_oppose(stances: tuple[Stance, ...], winner: Stance) -> None:
    for order in (stances, stances[::-1]):
        cell = _only(scorecard([count("SRB", ARMS, s, 1, 1) for s in order]))
        assert cell.stance == winner


def test_refuse_with_oppose_is_not_conflicting() -> None:
    cell = _only(scorecard([count("IND", DIPLO, REF, 1, 1), count("IND", DIPLO, OPP, 2, 2)]))
    assert (cell.stance, cell.conflicting) == (OPP, False)


def test_dates_span_every_stance_and_skip_unknown() -> None:
    cell = _only(scorecard([
        count("CHN", ARMS, SUP, 1, 1, "2023-05-01", "2023-06-01"),
        count("CHN", ARMS, REF, 2, 2, "2024-01-01", "2024-03-01"),
        count("CHN", ARMS, OPP, 1, 1, None, None),
    ]))
    assert (cell.first_seen, cell.last_seen) == (date(2023, 5, 1), date(2024, 3, 1))
    assert cell.by_stance[SUP].last_seen == date(2023, 6, 1)
    assert list(cell.by_stance) == [SUP, REF, OPP]
    undated = _only(scorecard([count("CHN", ARMS, SUP, 1, 1, None, None)]))
    assert (undated.first_seen, undated.last_seen) == (None, None)


def test_cells_are_sorted_by_actor_target_and_dimension_order() -> None:
    cells = scorecard([
        count("KAZ", DIPLO, SUP, 1, 1), count("KAZ", TROOPS, REF, 1, 1),
        count("BLR", ARMS, SUP, 1, 1, target="UKR"), count("BLR", DIPLO, SUP, 1, 1),
    ])
    assert [(c.actor, c.target, c.dimension) for c in cells] == [
        ("BLR", "RUS", DIPLO), ("BLR", "UKR", ARMS), ("KAZ", "RUS", TROOPS), ("KAZ", "RUS", DIPLO),
    ]


def test_the_json_form_is_the_fields() -> None:
    cell = _only(scorecard([count("KAZ", TROOPS, SUP, 1, 2), count("KAZ", TROOPS, REF, 1, 1,
                                                                  None, "2024-03-05")]))
    data = json.loads(to_json(cell))
    assert data == {
        "actor": "KAZ", "target": "RUS", "dimension": "troops", "stance": "support",
        "articles": 1, "claims": 2, "conflicting": True,
        "first_seen": "2024-01-01", "last_seen": "2024-03-05",
        "by_stance": {
            "support": {"articles": 1, "claims": 2, "first_seen": "2024-01-01",
                        "last_seen": "2024-02-01", "reviewed": 0},
            "refuse": {"articles": 1, "claims": 1, "first_seen": None,
                       "last_seen": "2024-03-05", "reviewed": 0},
        },
        "reviewed": 0,
        "records": 0, "recorded": None,
    }


def test_counting_one_stance_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="IRN RUS arms support is counted twice"):
        scorecard([count("IRN", ARMS, SUP, 1, 1), count("IRN", ARMS, SUP, 2, 2)])


def test_empty_counts_make_an_empty_scorecard() -> None:
    assert scorecard([]) == []
    assert net_stance([], "RUS") == {}


def test_net_stance_weighs_articles_over_all_dimensions_and_stances() -> None:
    cells = scorecard([
        count("IRN", ARMS, SUP, 3, 3), count("IRN", DIPLO, SUP, 1, 1),
        count("KAZ", TROOPS, REF, 2, 2), count("KAZ", DIPLO, SUP, 2, 5),
        count("UKR", DIPLO, OPP, 4, 4),
        count("TUR", ARMS, SUP, 1, 1), count("TUR", ARMS, OPP, 3, 3),
        count("POL", ARMS, SUP, 5, 5, target="UKR"),
    ])
    assert net_stance(cells, "RUS") == {"IRN": 1.0, "KAZ": 0.0, "TUR": -0.5, "UKR": -1.0}
    assert net_stance(cells, "UKR") == {"POL": 1.0}
    assert net_stance(cells, "CHN") == {}
