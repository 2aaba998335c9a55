"""A cell's JSON lists its fields in declared order, however the cell was made: orjson writes a
plain dataclass's attributes as they were set, so a cell made another way would show."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date

from coalition.aggregate import Cell, Tally, scorecard, with_records
from coalition.export import to_json
from coalition.models import Dimension, Stance, StanceCount

DAY = date(2024, 1, 1)


def _keys(value: object) -> list[str]:
    return list(json.loads(to_json(value)))


def test_cells_of_news_of_records_and_of_records_alone_keep_the_field_order() -> None:
    news = [StanceCount("IRN", "RUS", Dimension.ARMS, Stance.SUPPORT, 2, 1, 3, DAY, DAY),
            StanceCount("IRN", "RUS", Dimension.ARMS, Stance.REFUSE, 1, 1, 1, None, DAY, 1)]
    records = [StanceCount("IRN", "RUS", Dimension.ARMS, Stance.OPPOSE, 0, 0, 1, DAY, DAY),
               StanceCount("KAZ", "RUS", Dimension.DIPLOMATIC, Stance.SUPPORT, 0, 0, 2, DAY,
                           DAY)]
    cells = with_records(scorecard(news), records)
    assert [(c.actor, c.recorded) for c in cells] == [("IRN", Stance.OPPOSE),
                                                      ("KAZ", Stance.SUPPORT)]
    names = [f.name for f in fields(Cell)]
    for cell in cells:
        assert _keys(cell) == names
    tallies = json.loads(to_json(cells[0]))["by_stance"]
    assert list(tallies) == ["support", "refuse"]
    assert all(list(t) == [f.name for f in fields(Tally)] for t in tallies.values())
    assert tallies["refuse"] == {"articles": 1, "stories": 1, "claims": 1, "first_seen": None,
                                 "last_seen": "2024-01-01", "reviewed": 1}
