"""The review commands of ``coalition``: ``review``, ``reviews`` and ``reextract``.

Registered on :data:`coalition.cli.app`; kept apart so the main command module stays small.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from coalition._terminal import skipped_line
from coalition.cli import EXIT_SKIPPED, Db, _errors_to_exit, _store, app, err, out
from coalition.errors import ConfigError
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.reextract import ReextractReport
    from coalition.review import Decision, Review, View
    from coalition.store import Store

Token = Annotated[
    str | None,
    typer.Option("--token", envvar="COALITION_REVIEW_TOKEN",
                 help="Your reviewer token (setting reviewer_tokens)."),
]


def parse_view(value: str) -> View:
    """The ``--view`` of an aggregate; anything else is a usage error."""
    from coalition.review import View

    try:
        return View(value.strip().lower())
    except ValueError:
        raise typer.BadParameter("use machine, reviewed or applied", param_hint="--view") from None


def _reviewer(settings: Settings, token: str | None) -> str:
    from coalition.review import reviewer_for

    name = reviewer_for(token, settings.reviewer_tokens)
    if name is None:
        raise ConfigError("reviews need a reviewer token: pass --token (or set "
                          "COALITION_REVIEW_TOKEN) with a token of the reviewer_tokens setting")
    return name


def _decision(accept: bool, reject: bool, values: list[str], note: str,
              adding: bool) -> Decision:
    from coalition.review import Decision, Verdict, parse_assignments

    if accept + reject + bool(values and not adding) != 1 and not adding:
        raise typer.BadParameter("say one of --accept, --reject or --set FIELD=VALUE ...",
                                 param_hint="--accept/--reject/--set")
    verdict = (Verdict.ADD if adding else Verdict.ACCEPT if accept else
               Verdict.REJECT if reject else Verdict.CORRECT)
    return Decision(verdict, parse_assignments(values), note)


@app.command()
def review(
    items: Annotated[
        list[str] | None,
        typer.Argument(help="CLAIM id, then any FIELD=VALUE to set (like --set).",
                       show_default=False),
    ] = None,
    accept: Annotated[bool, typer.Option("--accept", help="The claim is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The claim is wrong.")] = False,
    values: Annotated[
        list[str] | None,
        typer.Option("--set", help="Correct a field: actor, target, dimension, stance, "
                                   "certainty (e.g. --set stance=refuse dimension=arms)."),
    ] = None,
    note: Annotated[str, typer.Option("--note", help="Why.")] = "",
    review_id: Annotated[
        int | None, typer.Option("--review", help="Revise this review (added or orphaned).")
    ] = None,
    article: Annotated[
        str | None, typer.Option("--article", help="Add a claim the engine missed here.")
    ] = None,
    evidence: Annotated[
        str | None, typer.Option("--evidence", help="Words of the sentence the added claim "
                                                    "is on.")
    ] = None,
    token: Token = None,
    db: Db = None,
) -> None:
    """Accept, reject or correct a claim, or add one the engine missed (needs a token)."""
    words = list(items or [])
    claim = words.pop(0) if words and "=" not in words[0] else None
    adding = article is not None
    if adding == (claim is not None or review_id is not None) or \
            (claim is not None and review_id is not None):
        raise typer.BadParameter("give a CLAIM id, --review ID, or --article ID --evidence TEXT",
                                 param_hint="CLAIM")
    if claim is not None and not claim.isdigit():
        raise typer.BadParameter(f"{claim!r} is not a claim id", param_hint="CLAIM")
    with _errors_to_exit():
        settings = Settings.load(db=db)
        reviewer = _reviewer(settings, token)
        choice = _decision(accept, reject, [*(values or []), *words], note, adding)
        with _store(settings, create=False) as store:
            if article is not None:
                found = _add(store, article, evidence, choice, reviewer)
            elif review_id is not None:
                found = store.revise_review(review_id, choice, reviewer)
            else:
                found = store.review_claim(int(str(claim)), choice, reviewer)
        if found is None:
            what = "article" if adding else "review" if review_id else "claim"
            raise ConfigError(f"no such {what}")
    sys.stdout.write(json.dumps(found.as_dict(), ensure_ascii=False) + "\n")


def _add(store: Store, article: str, evidence: str | None, choice: Decision,
         reviewer: str) -> Review | None:
    from coalition.review import sentence_around

    if not evidence:
        raise typer.BadParameter("say which sentence with --evidence", param_hint="--evidence")
    stored = store.article(article)
    if stored is None:
        return None
    span = sentence_around(stored.article.text, evidence)
    return store.add_claim(article, span, choice, reviewer)


@app.command()
def reviews(
    orphaned: Annotated[bool, typer.Option("--orphaned", help="Only orphaned reviews.")] = False,
    log: Annotated[bool, typer.Option("--log", help="The audit log instead.")] = False,
    review_id: Annotated[int | None, typer.Option("--review", help="One review's log.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: Db = None,
) -> None:
    """The reviews (or their audit log: who, when, before, after)."""
    with _errors_to_exit(), _store(Settings.load(db=db), create=False) as store:
        rows = [e.as_dict() for e in store.review_log(review_id)] if log or review_id else \
            [r.as_dict() for r in store.reviews(orphaned=orphaned)]
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    columns = ("at", "reviewer", "review", "action", "before", "after") if log or review_id \
        else ("id", "claim", "verdict", "actor", "target", "dimension", "stance", "evidence")
    table = Table(title=f"{len(rows)} {'log entries' if log or review_id else 'reviews'}")
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(name)) for name in columns))
    out.print(table)


def _cell(value: object) -> str:
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items() if k != "note")
    return "" if value is None else str(value)


@app.command()
def reextract(
    since_version: Annotated[
        str | None,
        typer.Option("--since-version", help="Only articles last extracted by this rules "
                                             "version or a later one (e.g. 0.3.0)."),
    ] = None,
    db: Db = None,
) -> None:
    """Extract stored articles again with the current rules; reviews are carried over.

    An article cut off by max_claims or article_seconds keeps its claims and is named on
    standard error (exit code 3); the others go on.
    """
    from coalition.reextract import run_reextract

    with _errors_to_exit():
        settings = Settings.load(db=db)
        with _store(settings, create=False) as store:
            report = run_reextract(store, settings, since_version=since_version)
    out.print(_report_table(report))
    for item in report.skipped:
        err.print(skipped_line(item), markup=True, highlight=False)
    for orphan in report.orphans:
        err.print(f"[yellow]orphaned review {orphan.id}[/yellow] ({orphan.verdict.value} by "
                  f"{orphan.reviewer}) on {orphan.article_id}: “{orphan.evidence}”",
                  markup=True, highlight=False)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _report_table(report: ReextractReport) -> Table:
    table = Table(title=f"re-extracted {report.redone} article(s) with {report.rules}; "
                        f"{report.current} already current")
    for name in ("from rules", "articles", "added", "removed", "changed", "reattached",
                 "orphaned"):
        table.add_column(name, overflow="fold")
    for version, change in sorted(report.by_version.items()):
        table.add_row(version, str(change.articles), str(change.added), str(change.removed),
                      str(change.changed), str(change.reattached), str(len(change.orphaned)))
    return table
