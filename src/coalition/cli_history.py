"""The ``timeline``, ``shifts`` and ``conflicts`` commands: since when, and what changed.

Registered on :data:`coalition.cli.app` when that module loads; like every command, each calls
one library function (:mod:`coalition.history`) and prints its result.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from coalition.cli import Db, Target, _code, _date, _errors_to_exit, _store, app, out
from coalition.models import ClaimQuery, Dimension, Stance, StoredClaim
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.aggregate import TimelinePoint

Actor = Annotated[str | None, typer.Option("--actor", help="Only claims by this code.")]
DimensionOption = Annotated[Dimension | None, typer.Option("--dimension")]
WhenSince = Annotated[str | None, typer.Option(
    "--since", help="Acts on or after this date (YYYY-MM-DD).")]
WhenUntil = Annotated[str | None, typer.Option(
    "--until", help="Acts on or before this date (YYYY-MM-DD); for shifts, the end of the "
    "later period.")]
Limit = Annotated[int, typer.Option("--limit", min=1, max=10_000)]
Format = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


def _query(actor: str | None, target: str | None, dimension: Dimension | None,
           since: str | None, until: str | None) -> ClaimQuery:
    return ClaimQuery(actor=_code(actor), target=_code(target), dimension=dimension,
                      when_since=_date(since, "--since"), when_until=_date(until, "--until"))


def _json(value: object) -> None:
    from coalition.export import to_json

    sys.stdout.write(to_json(value, indent=True).decode() + "\n")


@app.command()
def timeline(actor: Actor = None, target: Target = None, dimension: DimensionOption = None,
             since: WhenSince = None, until: WhenUntil = None, fmt: Format = "table",
             db: Db = None) -> None:
    """Stance by month of the act (a claim's `when`): the leading stance and articles per stance."""
    from coalition.history import timeline_of

    with _errors_to_exit():
        store = _store(Settings.load(db=db))
        points = timeline_of(store, _query(actor, target, dimension, since, until))
        store.close()
    if fmt == "json":
        _json([p.as_dict() for p in points])
        return
    out.print(_timeline_table(points, actor, target))


def _timeline_table(points: list[TimelinePoint], actor: str | None, target: str | None) -> Table:
    pair = f"{_code(actor) or 'any actor'} → {_code(target) or 'any target'}"
    table = Table(title=f"timeline {pair}", caption="articles per stance, by month of the act")
    for name in ("month", "leading", "support", "refuse", "oppose"):
        table.add_column(name, no_wrap=True)
    for p in points:
        table.add_row(p.month, p.stance.value, *(str(p.articles.get(s, 0)) for s in Stance))
    if not points:
        table.caption = "no dated claims match"
    return table


@app.command()
def shifts(target: Target = None, actor: Actor = None,
           since: Annotated[str | None, typer.Option(
               "--since", help="First day of the later period (default: 90 days before the "
               "latest act on record).")] = None,
           until: WhenUntil = None,
           start: Annotated[str | None, typer.Option(
               "--from", help="First day of the earlier period (default: the first act).")]
           = None,
           limit: Limit = 50, fmt: Format = "table", db: Db = None) -> None:
    """Pairs and dimensions whose leading stance changed between two periods, with the latest
    sentence before the change and the first after it, best attested first."""
    from coalition.export import shift_report_json
    from coalition.history import find_shifts

    query = ClaimQuery(actor=_code(actor), target=_code(target),
                       when_since=_date(start, "--from"), when_until=_date(until, "--until"))
    with _errors_to_exit():
        store = _store(Settings.load(db=db))
        report = find_shifts(store, query, _date(since, "--since"), limit=limit)
        store.close()
    if fmt == "json":
        _json(shift_report_json(report))
        return
    table = Table(title=f"{len(report.shifts)} shifts at {report.split or '-'}", show_lines=True)
    for name in ("change", "last before", "first after"):
        table.add_column(name, overflow="fold")
    for s in report.shifts:
        table.add_row(f"{s.actor} → {s.target} {s.dimension.value}\n{s.before.value} "
                      f"({s.before_articles}) → {s.after.value} ({s.after_articles})",
                      _sentence(s.last_before), _sentence(s.first_after))
    out.print(table)


@app.command()
def conflicts(target: Target = None, actor: Actor = None, dimension: DimensionOption = None,
              since: WhenSince = None, until: WhenUntil = None, limit: Limit = 50,
              fmt: Format = "table", db: Db = None) -> None:
    """Outlets that disagree (support against refusal or opposition) on the same pair and
    dimension in the same month, both sentences side by side."""
    from coalition.export import contradictions_json
    from coalition.history import find_contradictions

    with _errors_to_exit():
        store = _store(Settings.load(db=db))
        found = find_contradictions(store, _query(actor, target, dimension, since, until),
                                    limit=limit)
        store.close()
    if fmt == "json":
        _json(contradictions_json(found))
        return
    table = Table(title=f"{len(found)} contradictions", show_lines=True)
    for name in ("pair", "support", "refuse / oppose"):
        table.add_column(name, overflow="fold")
    for c in found:
        table.add_row(f"{c.actor} → {c.target}\n{c.dimension.value}\n{c.month}",
                      _sentence(c.support), _sentence(c.against))
    out.print(table)


def _sentence(row: StoredClaim | None) -> str:
    if row is None:
        return "-"
    when = row.claim.when.day.isoformat() if row.claim.when else "undated"
    return f"“{row.claim.evidence}”\n{when} · {row.site or row.article_id}"
