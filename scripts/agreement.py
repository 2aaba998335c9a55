#!/usr/bin/env python3
"""How far two blind annotators agree on the same real articles, beside how far the engine does.

    python scripts/agreement.py [--realnews DIR]

A second annotator wrote the gold of some check and fresh articles again, blind to the first
one's (`eval/realnews/agreement/<annotator>.jsonl`, the articles done listed in
`agreement/<annotator>-done.csv`). Each row scores one side's claims as predictions against the
other side's gold with the project's scorer, on the articles both annotated: the second
annotator against the first (all its claims, then its required ones only), the first against
the second, and the engine against each. The people's rows are the ceiling the engine's
scores can be read against. Scores only, so it is safe for the check half.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from evaluate_all import ROOT, _extract, _realnews

from coalition.evaluate import Figures, load_rows, score
from coalition.extract import Extractor
from coalition.settings import Settings

Rows = list[dict[str, Any]]


def _of(rows: Iterable[Mapping[str, Any]], docs: set[str], *, required: bool = False) -> Rows:
    return [dict(r) for r in rows if r["doc"] in docs and not (required and r.get("optional"))]


def _line(name: str, figures: Figures) -> str:
    return (f"{name:<44} P {figures.precision:.3f} R {figures.recall:.3f} "
            f"F1 {figures.f1:.3f}  ({figures.correct}/{figures.predicted} right, "
            f"{figures.found}/{figures.required} found)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realnews", type=Path, default=ROOT / "eval" / "realnews")
    args = parser.parse_args()
    halves = [_realnews(args.realnews, split) for split in ("check", "fresh")]
    first = [row for half in halves for row in half.gold]
    texts = {path.stem: path for half in halves for path in half.texts}
    settings = Settings.load()
    extractor = Extractor(settings)
    for done in sorted((args.realnews / "agreement").glob("*-done.csv")):
        annotator = done.name.removesuffix("-done.csv")
        with done.open(encoding="utf-8", newline="") as fh:
            docs = {row["id"] for row in csv.DictReader(fh)} & set(texts)
        second = load_rows([done.with_name(f"{annotator}.jsonl")])
        engine = _extract(extractor, [texts[d] for d in sorted(docs)], settings)
        a, b = _of(first, docs), _of(second, docs)
        print(f"{annotator}: {len(docs)} articles annotated twice")
        for name, pred, gold in (
                (f"{annotator} (all claims) against the first gold", b, a),
                (f"{annotator} (required only) against the first", _of(b, docs, required=True), a),
                (f"the first gold against {annotator}", a, b),
                ("the engine against the first gold", engine, a),
                (f"the engine against {annotator}", engine, b)):
            print("  " + _line(name, score(gold, pred).strict))


if __name__ == "__main__":
    main()
