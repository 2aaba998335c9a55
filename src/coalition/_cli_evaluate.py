"""The ``evaluate`` command: extraction scored against gold claims."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from coalition.cli import _errors_to_exit, _report_rejected, app
from coalition.settings import Settings


@app.command()
def evaluate(
    files: Annotated[
        list[str] | None, typer.Argument(help="Article files to extract and score.")
    ] = None,
    gold: Annotated[
        list[Path] | None, typer.Option("--gold", help="Gold claims (JSON Lines); repeatable.")
    ] = None,
    pred: Annotated[
        Path | None, typer.Option("--pred", help="Score these claims instead of extracting.")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score extraction against gold claims, with the rules of shared/eval/score.py."""
    import json
    from dataclasses import asdict

    from coalition.evaluate import load_rows, score
    from coalition.extract import Extractor
    from coalition.ingest import read_sources
    from coalition.models import Article

    if not gold:
        raise typer.BadParameter("give at least one gold file", param_hint="--gold")
    if not files and pred is None:
        raise typer.BadParameter("give article FILES or --pred", param_hint="FILES")
    with _errors_to_exit():
        gold_rows = load_rows(gold)
        if pred is not None:
            pred_rows = load_rows([pred])
        else:
            settings = Settings.load()
            extractor = Extractor(settings)
            pred_rows = []
            for item in read_sources(files or [], settings):
                if isinstance(item, Article):
                    pred_rows += [claim.as_dict() for claim in extractor.extract(item)]
                else:
                    _report_rejected(item)
        result = score(gold_rows, pred_rows)
    if as_json:
        sys.stdout.write(json.dumps(asdict(result)) + "\n")
        return
    if verbose:
        for name, keys in (("false alarm", result.strict.false_alarms),
                           ("miss", result.strict.misses)):
            for key in keys:
                sys.stdout.write(f"{name:11s} " + " ".join(key) + "\n")
    s, lenient = result.strict, result.lenient
    sys.stdout.write(
        f"strict  P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
        f"({s.correct}/{s.predicted} predicted right, {s.found}/{s.required} required found)\n"
        f"lenient P={lenient.precision:.3f} R={lenient.recall:.3f} F1={lenient.f1:.3f}\n"
    )
