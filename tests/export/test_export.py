"""Exports read back with the libraries analysts use: pyarrow, DuckDB and the csv module."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coalition.cli import app
from coalition.export import arrow_schema, export
from coalition.export._columns import CLAIM_COLUMNS
from coalition.export._plover import EVENTS
from coalition.models import Certainty, ClaimQuery, Dimension, Stance
from coalition.store import Store
from tests.fixtures.records import news_store

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with news_store(f"sqlite:///{tmp_path / 'export.db'}") as filled:
        yield filled


EVERYTHING = ClaimQuery()


def expected(store: Store, query: ClaimQuery = EVERYTHING) -> list[dict[str, Any]]:
    """The rows an export of ``query`` must hold, from the store's own listing."""
    from coalition.export._columns import claim_row

    return [claim_row(row) for row in store.stream(query)]


def body(store: Store, fmt: str, what: str = "claims",
         query: ClaimQuery = EVERYTHING) -> bytes:
    return b"".join(export(store, query, what, fmt))


def test_parquet_reads_back_with_pyarrow_and_duckdb_to_the_same_rows(
    records_store: Store, tmp_path: Path
) -> None:
    import duckdb
    import pyarrow.parquet as pq

    store = records_store  # SQLite and PostgreSQL
    path = tmp_path / "claims.parquet"
    path.write_bytes(body(store, "parquet"))
    table = pq.read_table(path)
    assert table.schema.equals(arrow_schema(CLAIM_COLUMNS))
    rows = expected(store)
    assert len(rows) == 3 + 654
    assert table.to_pylist() == rows
    with duckdb.connect() as con:
        got = con.execute(f"SELECT certainty, count(*) FROM '{path}' GROUP BY 1 ORDER BY 1")
        assert got.fetchall() == [("asserted", 3), ("recorded", 654)]
        day = con.execute(f"SELECT published FROM '{path}' WHERE actor = 'SRB' "
                          "AND certainty = 'asserted'").fetchone()
        assert day == (date(2022, 3, 10),)


def test_csv_and_jsonl_round_trip_without_loss(store: Store) -> None:
    rows = expected(store)
    types = dict(CLAIM_COLUMNS)

    def typed(name: str, value: str) -> Any:
        if value == "":
            return None
        kind = types[name]
        return date.fromisoformat(value) if kind is date else kind(value)

    text = body(store, "csv").decode("utf-8")
    read = [{k: typed(k, v) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]
    assert read == rows
    lines = body(store, "jsonl").decode("utf-8").splitlines()
    back = [{k: typed(k, v) if types[k] is date and v else v for k, v in json.loads(x).items()}
            for x in lines]
    assert back == rows


def test_filters_are_those_of_claims(store: Store) -> None:
    import pyarrow.parquet as pq

    query = ClaimQuery(involving="SRB", certainty=Certainty.ASSERTED)
    table = pq.read_table(io.BytesIO(body(store, "parquet", query=query)))
    assert table.column("actor").to_pylist() == ["SRB"]
    recorded = ClaimQuery(actor="ARM", certainty=Certainty.RECORDED)
    lines = body(store, "jsonl", query=recorded).splitlines()
    assert [json.loads(x)["certainty"] for x in lines] == ["recorded", "recorded"]


def test_plover_events_follow_the_table_and_link_back(store: Store) -> None:
    assert len(EVENTS) == len(Dimension) * len(Stance)
    events = [json.loads(x) for x in body(store, "plover").splitlines()]
    serbia = next(e for e in events if e["actor"]["code"] == "SRB"
                  and e["coalition"]["certainty"] == "asserted")
    assert serbia["event_type"] == "SUPPORT" and serbia["contexts"] == ["political"]
    assert serbia["recipient"] == {"code": "RUS", "name": "Russia"}
    assert serbia["event_date"] == "2022-03-10"
    assert serbia["source"]["url"] == "https://news.example.org/serbia-un"
    assert serbia["text"].startswith("Serbia stood firmly behind Russia")
    kazakh = next(e for e in events if e["actor"]["code"] == "KAZ")
    assert (kazakh["event_type"], kazakh["mode"]) == ("REJECT", "military")
    vote = next(e for e in events if e["coalition"]["certainty"] == "recorded"
                and e["coalition"]["stance"] == "oppose")
    assert vote["event_type"] == "DISAPPROVE" and vote["source"]["url"].startswith("https://")


def test_scorecard_and_timeline(store: Store) -> None:
    import pyarrow.parquet as pq

    cells = pq.read_table(io.BytesIO(body(store, "parquet", "scorecard"))).to_pylist()
    assert {(c["actor"], c["dimension"], c["stance"], c["articles"]) for c in cells} == {
        ("SRB", "diplomatic", "support", 1), ("ERI", "diplomatic", "support", 1),
        ("KAZ", "troops", "refuse", 1)}
    months = list(csv.DictReader(io.StringIO(body(store, "csv", "timeline").decode())))
    serbia = [m for m in months if m["actor"] == "SRB"]
    assert [(m["month"], m["target"], m["stance"], m["claims"], m["records"])
            for m in serbia if m["target"] == "RUS"] == [
        ("2022-03", "RUS", "oppose", "0", "1"), ("2022-03", "RUS", "support", "1", "0"),
        ("2022-10", "RUS", "oppose", "0", "1")]


def test_the_cli_writes_the_same_bytes_and_refuses_what_it_cannot(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(out),
                                 "--db", str(store.url.database), "--target", "Russia"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == body(store, "csv", query=ClaimQuery(target="RUS"))
    refused = runner.invoke(app, ["export", "--format", "plover", "--what", "scorecard",
                                  "--db", str(store.url.database)])
    assert refused.exit_code == 1 and "plover exports claims only" in refused.stderr
    no_file = runner.invoke(app, ["export", "--format", "parquet", "--db", str(store.url.database)])
    assert no_file.exit_code == 2
