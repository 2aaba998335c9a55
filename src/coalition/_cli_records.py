"""The ``records`` and ``check`` commands: recorded evidence in, and where it meets the news."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from coalition.cli import EXIT_SKIPPED, Db, Target, _code, _errors_to_exit, _store, app, err, out
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.records import Disagreement


@app.command()
def records(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Records CSVs or UN roll-call files.")
    ] = None,
    resolutions: Annotated[
        Path | None,
        typer.Option("--resolutions", help="The roll calls' resolutions file "
                     "[default: resolutions.csv beside each roll call]."),
    ] = None,
    example: Annotated[
        bool, typer.Option("--example", help="Load the shipped roll calls of ES-11/1 and ES-11/4.")
    ] = False,
    db: Db = None,
) -> None:
    """Load structured records (votes, a records CSV) as claims with certainty `recorded`."""
    from coalition.records import example_files, read_records

    paths = [*(files or []), *(example_files() if example else [])]
    if not paths:
        raise typer.BadParameter("give records FILES or --example", param_hint="FILES")
    with _errors_to_exit():
        read = read_records(paths, resolutions)
        store = _store(Settings.load(db=db))
        added = store.add_records(read.records)
        store.close()
    for item in read.rejected:
        err.print(f"[yellow]skipped[/yellow] {item}", markup=True)
    summary = Table(title="records", show_header=False)
    summary.add_row("records read", str(len(read.records)))
    summary.add_row("new", str(added))
    summary.add_row("stored already", str(len(read.records) - added))
    summary.add_row("rows with no claim", str(read.silent))
    summary.add_row("skipped", str(len(read.rejected)))
    out.print(summary)
    if read.rejected:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def check(
    target: Target = None,
    shown: Annotated[int, typer.Option("--show", min=1, help="Claims shown per side.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: Db = None,
) -> None:
    """List where news claims and records disagree, with the evidence of both."""
    import json

    from coalition.records import disagreements

    with _errors_to_exit():
        store = _store(Settings.load(db=db), create=False)
        found = disagreements(store, _code(target), shown)
        store.close()
    if as_json:
        sys.stdout.write(json.dumps([d.as_dict() for d in found], indent=2,
                                    ensure_ascii=False, default=str) + "\n")
        return
    for item in found:
        out.print(_disagreement(item), markup=False)
    out.print(f"{len(found)} disagreement(s) between news and records")


def _disagreement(item: Disagreement) -> str:
    """Plain lines, one per piece of evidence, so long sentences stay whole."""
    first, news = item.records[0].claim, item.news[0].claim
    lines = [f"{first.actor} → {first.target} {first.dimension.value}: records say "
             f"{first.stance.value}, {item.news_total} news claim(s) say {news.stance.value}"]
    for side, rows in (("record", item.records), ("news", item.news)):
        for row in rows:
            when = row.published.isoformat() if row.published else "undated"
            lines.append(f"  {side:6s} “{row.claim.evidence}” ({row.title or row.article_id}, "
                         f"{when}, {row.url or row.source})")
    return "\n".join(lines) + "\n"
