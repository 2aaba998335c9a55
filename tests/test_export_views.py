"""Exports in each view, read back with the csv module: reviews applied, or alone, or ignored."""

from __future__ import annotations

import csv
import io

from coalition.export import export
from coalition.models import ClaimQuery, Stance
from coalition.review import Decision, Verdict, View
from coalition.store import Store
from tests.store.test_reviews import OTHER, _article, _fill, _review_three


def _rows(store: Store, view: View, query: ClaimQuery | None = None,
          what: str = "claims") -> list[dict[str, str]]:
    body = b"".join(export(store, query or ClaimQuery(), what, "csv", view))
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def test_each_view_exports_its_claims(store_url: str) -> None:
    with Store(store_url) as store:
        ids = _fill(store)
        machine = _rows(store, View.MACHINE)
        assert _rows(store, View.APPLIED) == machine and _rows(store, View.REVIEWED) == []
        _review_three(store, ids)
        start = _article("a1").text.index(OTHER)
        store.add_claim("a1", (start, start + len(OTHER)), Decision(Verdict.ADD, {
            "actor": "CHN", "target": "RUS", "dimension": "diplomatic", "stance": "support"}),
            "alice")
        applied = _rows(store, View.APPLIED)
        reviewed = _rows(store, View.REVIEWED)
        assert _rows(store, View.MACHINE) == machine
        assert len(applied) == len(machine) - 1 + 1  # one rejected, one added
        assert str(ids["KAZ"]) not in {r["id"] for r in applied}
        corrected = next(r for r in applied if r["id"] == str(ids["BLR"]))
        assert (corrected["dimension"], corrected["stance"]) == ("military", "refuse")
        assert sorted((r["actor"], r["stance"]) for r in reviewed) == [
            ("BLR", "refuse"), ("CHN", "support"), ("IRN", "support")]
        added = next(r for r in reviewed if r["actor"] == "CHN")
        assert int(added["id"]) < 0 and added["evidence"] == OTHER
        # Filters apply to the claims as reviewed; the scorecard takes the view too.
        refusals = _rows(store, View.APPLIED, ClaimQuery(stance=Stance.REFUSE))
        assert str(ids["BLR"]) in {r["id"] for r in refusals}
        assert str(ids["BLR"]) not in {
            r["id"] for r in _rows(store, View.APPLIED, ClaimQuery(stance=Stance.SUPPORT))}
        cells = _rows(store, View.REVIEWED, what="scorecard")
        assert {(c["actor"], c["dimension"]) for c in cells} == {
            ("BLR", "military"), ("CHN", "diplomatic"), ("IRN", "arms")}
