"""The ``verify`` command: every summary recounted from the claims."""

from __future__ import annotations

import typer

from coalition._terminal import plain
from coalition.cli import Db, _errors_to_exit, _store, app, err, out
from coalition.settings import Settings


@app.command()
def verify(db: Db = None) -> None:
    """Recount every summary (totals, daily counts, running sums, full-text index) from the
    claims; exit 1 naming each difference."""
    with _errors_to_exit():
        store = _store(Settings.load(db=db), create=False)
        differences = store.verify()
        stats = store.stats()
        store.close()
    for line in differences:
        err.print(plain(line), markup=False)
    if differences:
        err.print(f"[red]error:[/red] {len(differences)} difference(s) between the summaries "
                  "and the claims", markup=True)
        raise typer.Exit(1)
    out.print(f"ok: {stats['articles']} articles and {stats['claims']} claims; every summary "
              "and the full-text index agree with them")
