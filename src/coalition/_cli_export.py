"""The ``export`` command: claims, scorecards and timelines as files analysts' tools read."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from coalition.cli import (
    CertaintyOpt,
    Db,
    DimensionOpt,
    Involving,
    Since,
    StanceOpt,
    Target,
    Until,
    _claim_query,
    _errors_to_exit,
    _store,
    app,
    err,
)
from coalition.settings import Settings


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet or plover.")
    ] = "jsonl",
    what: Annotated[
        str, typer.Option("--what", help="claims, scorecard or timeline (by month).")
    ] = "claims",
    out_path: Annotated[
        Path, typer.Option("--out", "-o", help="File to write ('-': stdout, not for parquet).")
    ] = Path("-"),
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code or name.")] = None,
    target: Target = None,
    involving: Involving = None,
    dimension: DimensionOpt = None,
    stance: StanceOpt = None,
    certainty: CertaintyOpt = None,
    since: Since = None,
    until: Until = None,
    view: Annotated[str, typer.Option("--view", help="machine, reviewed or applied.")] = "applied",
    db: Db = None,
) -> None:
    """Write every matching claim (news and records), the scorecard or the timeline."""
    from coalition._cli_review import parse_view
    from coalition.export import check_export
    from coalition.export import export as run_export

    if fmt == "parquet" and str(out_path) == "-":
        raise typer.BadParameter("parquet needs a file: give --out", param_hint="--out")
    query = _claim_query(actor, target, involving, dimension, stance, certainty, since, until)
    with _errors_to_exit():
        check_export(what, fmt)
        store = _store(Settings.load(db=db), create=False)
        try:
            chunks = run_export(store, query, what, fmt, parse_view(view))
            written = _write(chunks, out_path)
        finally:
            store.close()
    if str(out_path) != "-":
        err.print(f"{what} written to {out_path} ({written:,} bytes)")


def _write(chunks: Iterable[bytes], out_path: Path) -> int:
    written = 0
    if str(out_path) == "-":
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
            written += len(chunk)
        sys.stdout.buffer.flush()
        return written
    with out_path.open("wb") as fh:
        for chunk in chunks:
            written += fh.write(chunk)
    return written
