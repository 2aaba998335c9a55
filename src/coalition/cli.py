"""The ``coalition`` command: one small function per command, each calling the library.

Exit status: 0 done; 1 an error stopped the command; 2 bad usage; 3 done, but some inputs
were skipped (each named on standard error with its reason).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from coalition._terminal import plain as _plain
from coalition._terminal import skipped_line
from coalition.errors import CoalitionError
from coalition.models import Certainty, ClaimQuery, Dimension, Rejected, Stance
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.aggregate import Cell
    from coalition.store import Store

EXIT_SKIPPED = 3

app = typer.Typer(
    help="Turn news into evidence-backed claims of who backs whom, and aggregate them.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

Db = Annotated[
    str | None,
    typer.Option("--db", help="Database URL, or a SQLite file's path "
                 "(env COALITION_DB; default sqlite:///coalition.db)."),
]
Target = Annotated[
    str | None, typer.Option("--target", help="Only claims toward this code or name.")
]
Since = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]
# The claim filters that `claims` and `export` share.
Involving = Annotated[
    str | None, typer.Option("--involving", help="Claims with this actor or target.")
]
DimensionOpt = Annotated[Dimension | None, typer.Option("--dimension")]
StanceOpt = Annotated[Stance | None, typer.Option("--stance")]
CertaintyOpt = Annotated[
    Certainty | None, typer.Option("--certainty", help="recorded: records, not news.")
]


@contextmanager
def _errors_to_exit() -> Iterator[None]:
    """Library errors become one line on standard error and exit status 1."""
    try:
        yield
    except CoalitionError as exc:
        err.print(f"[red]error:[/red] {_plain(str(exc))}", markup=True)
        raise typer.Exit(1) from exc


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=flag) from None


def _code(value: str | None, flag: str = "--target") -> str | None:
    """An actor code from a code or a name; an unknown one is a usage error."""
    from coalition.resolve.names import actor_code

    if not value:
        return None
    try:
        return actor_code(value)
    except CoalitionError as exc:
        raise typer.BadParameter(str(exc), param_hint=flag) from None


def _claim_query(actor: str | None, target: str | None, involving: str | None,
                 dimension: Dimension | None, stance: Stance | None,
                 certainty: Certainty | None, since: str | None,
                 until: str | None) -> ClaimQuery:
    """The claim filters `claims` and `export` share, names and dates checked."""
    return ClaimQuery(actor=_code(actor, "--actor"), target=_code(target),
                      involving=_code(involving, "--involving"), dimension=dimension,
                      stance=stance, certainty=certainty, since=_date(since, "--since"),
                      until=_date(until, "--until"))


def _store(settings: Settings, *, create: bool = True) -> Store:
    from coalition.store import Store

    return Store(settings.db, create=create)


def _report_rejected(item: Rejected) -> None:
    err.print(skipped_line(item), markup=True)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, feeds or URLs.")],
    db: Db = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Extraction processes.")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Extract on the dask.distributed scheduler at this address."),
    ] = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Articles per extraction batch.")
    ] = None,
) -> None:
    """Read articles, extract their claims and store both; already stored articles are skipped."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from coalition.pipeline import run_ingest

    with _errors_to_exit():
        settings = Settings.load(db=db, workers=workers, batch_size=batch_size)
        store = _store(settings)
        client: Any = None
        if dask:
            from coalition.cluster import connect

            client = connect(dask)
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed} inputs"), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task("ingesting", total=None)

            def progress(event: str, item: Any) -> None:
                bar.advance(task)
                if event == "rejected":
                    bar.console.print(skipped_line(item), markup=True, highlight=False)

            report = run_ingest(sources, store, settings, progress=progress, client=client)
        if client is not None:
            client.close()
        store.close()
    summary = Table(title="ingest", show_header=False)
    summary.add_row("ingested", str(report.ingested))
    summary.add_row("claims", str(report.claims))
    summary.add_row("duplicates", str(report.duplicates))
    summary.add_row("skipped", str(report.skipped))
    out.print(summary)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article files (or directories).")],
    out_path: Annotated[
        Path, typer.Option("--out", "-o", help="Where to write claims as JSON Lines ('-': stdout).")
    ] = Path("-"),
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1)] = None,
) -> None:
    """Write the claims of FILES as JSON Lines without a database (doc = file name stem)."""
    from coalition.export import write_claims_jsonl
    from coalition.ingest import read_sources
    from coalition.models import Article
    from coalition.pipeline import extract_articles

    with _errors_to_exit():
        settings = Settings.load(workers=workers)
        rejected: list[Rejected] = []

        def articles() -> Iterator[Article]:
            for item in read_sources(files, settings):
                if isinstance(item, Rejected):
                    rejected.append(item)
                    _report_rejected(item)
                else:
                    yield item

        def cut_off(article: Article, reason: str) -> None:
            rejected.append(Rejected(article.source, reason))
            _report_rejected(rejected[-1])

        pairs = extract_articles(articles(), settings, on_cut=cut_off)
        claims = (claim for _article, found in pairs for claim in found)
        if str(out_path) == "-":
            count = write_claims_jsonl(claims, sys.stdout)
        else:
            with out_path.open("w", encoding="utf-8") as fh:
                count = write_claims_jsonl(claims, fh)
            err.print(f"{count} claims written to {out_path}")
    if rejected:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def scorecard(
    target: Target = None,
    since: Since = None,
    until: Until = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or markdown.")
    ] = "table",
    view: Annotated[str, typer.Option("--view", help="machine, reviewed or applied.")] = "applied",
    db: Db = None,
) -> None:
    """Actors as rows, dimensions as columns: the stance with most evidence and its stories."""
    from coalition._cli_review import parse_view
    from coalition.aggregate import scorecard as build_scorecard
    from coalition.aggregate import with_records
    from coalition.export import SCORECARD_FORMATS, scorecard_text

    if fmt not in SCORECARD_FORMATS:
        choices = ", ".join(SCORECARD_FORMATS)
        raise typer.BadParameter(f"use one of {choices}", param_hint="--format")
    toward, first, last = _code(target), _date(since, "--since"), _date(until, "--until")
    with _errors_to_exit():
        store = _store(Settings.load(db=db), create=False)
        counts = store.stance_counts(target=toward, since=first, until=last,
                                     view=parse_view(view))
        recorded = store.record_counts(target=toward, since=first, until=last)
        store.close()
    cells = with_records(build_scorecard(counts), recorded)
    if fmt == "table":
        out.print(_scorecard_table(cells, toward))
    else:
        sys.stdout.write(scorecard_text(cells, fmt))


_STANCE_STYLE = {Stance.SUPPORT: "green", Stance.REFUSE: "yellow", Stance.OPPOSE: "red"}
_SHORT = {Stance.SUPPORT: "S", Stance.REFUSE: "R", Stance.OPPOSE: "O"}
_HEADER = {Dimension.TROOPS: "trp", Dimension.ARMS: "arms", Dimension.MILITARY: "mil",
           Dimension.TERRITORY: "terr", Dimension.ECONOMIC: "econ", Dimension.RECOGNITION: "recg",
           Dimension.DIPLOMATIC: "dipl", Dimension.HUMANITARIAN: "hum", Dimension.SECURITY: "sec"}


def _scorecard_table(cells: list[Cell], target: str | None) -> Table:
    """Compact enough for an 80-column terminal: short headers, ``S3!`` style cells."""
    title = f"scorecard toward {target}" if target else "scorecard"
    table = Table(title=title, caption="S/R/O = support/refuse/oppose, then independent "
                  "stories (copies of one wire story count once); ! = conflicting evidence; "
                  "rO = records (votes, not news) say oppose", pad_edge=False)
    table.add_column("actor" if target else "actor→target", no_wrap=True)
    for dimension in Dimension:
        table.add_column(_HEADER[dimension], no_wrap=True)
    rows: dict[str, dict[Dimension, str]] = {}
    for cell in cells:
        style = _STANCE_STYLE[cell.stance]
        mark = "!" if cell.conflicting else ""
        label = cell.actor if target else f"{cell.actor}→{cell.target}"
        news = f"[{style}]{_SHORT[cell.stance]}{cell.stories}{mark}[/{style}]"
        record = f"[dim]r{_SHORT[cell.recorded]}[/dim]" if cell.recorded else ""
        rows.setdefault(label, {})[cell.dimension] = (news if cell.articles else "") + record
    for label, by_dim in sorted(rows.items()):
        table.add_row(label, *(by_dim.get(d, "") for d in Dimension))
    if not rows:
        table.caption = "no claims yet: run `coalition ingest` first"
    return table


@app.command()
def claims(
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor code or name, e.g. IRN or Iran.")
    ] = None,
    target: Target = None,
    involving: Involving = None,
    dimension: DimensionOpt = None,
    stance: StanceOpt = None,
    certainty: CertaintyOpt = None,
    since: Since = None,
    until: Until = None,
    when_since: Annotated[str | None, typer.Option(
        "--when-since", help="Acts on or after this date (a claim's `when`, YYYY-MM-DD).")] = None,
    when_until: Annotated[str | None, typer.Option(
        "--when-until", help="Acts on or before this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10_000)] = 50,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or jsonl.")
    ] = "table",
    db: Db = None,
) -> None:
    """The stored claims with their evidence sentence, article title, date and source."""
    from coalition._cli_claims import CLAIM_FORMATS, claims_table, write_claims

    if fmt not in CLAIM_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(CLAIM_FORMATS)}", param_hint="--format")
    query = replace(_claim_query(actor, target, involving, dimension, stance, certainty, since,
                                 until), limit=limit,
                    when_since=_date(when_since, "--when-since"),
                    when_until=_date(when_until, "--when-until"))
    recorded = certainty is Certainty.RECORDED
    with _errors_to_exit():
        store = _store(Settings.load(db=db), create=False)
        rows = store.records(query) if recorded else store.claims(query)
        total = store.count_records(query) if recorded else store.count_claims(query)
        store.close()
    shown = f"{len(rows)} of {total} claims" if total > len(rows) else f"{total} claims"
    if fmt != "table":
        write_claims(rows, fmt)
        if total > len(rows):
            err.print(f"{shown} (raise --limit for more, or use `coalition export`)")
        return
    out.print(claims_table(rows, shown))


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Let anyone add articles from the browser.")
    ] = False,
    token: Annotated[
        str | None, typer.Option("--token", help="Allow writes to requests carrying this token.")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Serving processes (one per core).")
    ] = 1,
) -> None:
    """Serve the dashboard and JSON API on the same database as the CLI."""
    from coalition.web import serve as run_server

    with _errors_to_exit():
        settings = Settings.load(db=db, allow_ingest=allow_ingest or None, ingest_token=token)
        store = _store(settings)
        err.print(f"coalition dashboard on http://{host}:{port}/ (API docs at /docs); Ctrl+C stops")
        run_server(store, settings, host=host, port=port, workers=workers)


@app.command("settings")
def show_settings() -> None:
    """Every setting with its value now, its default and what it does."""
    with _errors_to_exit():
        current = Settings.load()
    table = Table(title="settings (config file, then COALITION_* env, then flags)")
    for name in ("setting", "value", "default", "help"):
        table.add_column(name, overflow="fold")
    for name, default, help_text in Settings.documented():
        value = getattr(current, name)
        shown = "(set)" if name in {"ingest_token", "reviewer_tokens"} and value else str(value)
        table.add_row(name, shown, str(default), help_text)
    out.print(table)


def main() -> None:
    """Entry point of the ``coalition`` script."""
    app()


# Commands kept in their own modules; importing them adds them to ``app``: evaluate; review,
# reviews and reextract; timeline, shifts and conflicts; export; records and check; verify.
from coalition import (  # noqa: E402, F401
    _cli_evaluate,
    _cli_export,
    _cli_records,
    _cli_review,
    _cli_verify,
    cli_history,
)

if __name__ == "__main__":
    main()
