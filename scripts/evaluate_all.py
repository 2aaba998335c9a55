#!/usr/bin/env python3
"""One table of every quality check: real-news halves, the dev article, the sample corpus, PLOVER.

    python scripts/evaluate_all.py [--realnews DIR] [--shared DIR] [--json]

Rows whose texts are not on this machine (the real-news texts are third-party and never
committed; ``eval/realnews/README.md`` says how to gather them) are printed as missing, not
scored. The check and fresh halves are printed as figures only: rule writers never read them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coalition.evaluate import FIELDS, load_rows, score
from coalition.extract import Extractor
from coalition.ingest import read_sources
from coalition.models import Article, Rejected
from coalition.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Check:
    """One row of the table: the articles to read and the gold to score them against."""

    name: str
    texts: list[Path]
    gold: list[dict[str, Any]]
    missing: str = ""


def _realnews(base: Path, split: str) -> Check:
    texts = sorted((base / "texts" / split).glob("*.txt"))
    # The gold with evidence (kept beside the texts) is read where present: it grows while the
    # annotators work; the committed gold is the same claims without the evidence sentence.
    evidence = sorted((base / "texts" / "evidence").glob(f"*-{split}.jsonl"))
    gold = load_rows(evidence or [base / "gold" / f"{split}.jsonl"]) if (
        evidence or (base / "gold" / f"{split}.jsonl").exists()) else []
    missing = "" if texts else f"texts not on this machine (see {base}/README.md)"
    return Check(f"real news, {split} half", texts, gold, missing)


def _checks(realnews: Path, shared: Path) -> list[Check]:
    dev = shared / "corpus" / "dev"
    return [
        _realnews(realnews, "tune"),
        _realnews(realnews, "check"),
        _realnews(realnews, "fresh"),
        Check("dev article", sorted(dev.glob("*.txt")),
              load_rows([dev / "gold.jsonl"]) if (dev / "gold.jsonl").exists() else [],
              "" if dev.exists() else f"{dev} not found"),
        Check("sample corpus", sorted(p for p in (ROOT / "src/coalition/data/sample").glob("*.md")
                                      if p.name != "README.md"),
              load_rows([ROOT / "tests/data/sample_gold.jsonl"])),
    ]


def _extract(extractor: Extractor, paths: Iterable[Path],
             settings: Settings) -> list[dict[str, Any]]:
    def articles() -> Iterable[Article]:
        for item in read_sources([str(p) for p in paths], settings):
            if isinstance(item, Rejected):
                print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
            else:
                yield item

    return [claim.as_dict() for _article, claims in extractor.extract_many(articles())
            for claim in claims]


def _certainty_right(gold: Sequence[Mapping[str, Any]],
                     pred: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """Matched predictions (strict key, military family aside) whose certainty agrees."""
    wanted = {tuple(str(g[f]) for f in FIELDS): g.get("certainty", "asserted") for g in gold}
    matched = right = 0
    for p in {tuple(str(p[f]) for f in FIELDS): p for p in pred}.values():
        key = tuple(str(p[f]) for f in FIELDS)
        if key in wanted:
            matched += 1
            right += p.get("certainty", "asserted") == wanted[key]
    return right, matched


def _row(check: Check, pred: list[dict[str, Any]]) -> dict[str, Any]:
    docs = {path.stem for path in check.texts}
    gold = [g for g in check.gold if g["doc"] in docs]
    result = score(gold, pred)
    right, matched = _certainty_right(gold, pred)
    s = result.strict
    return {"check": check.name, "articles": len(docs), "required": s.required,
            "P": s.precision, "R": s.recall, "F1": s.f1, "lenient_F1": result.lenient.f1,
            "certainty": f"{right}/{matched}", "misses": s.misses, "false_alarms": s.false_alarms}


def _plover(extractor: Extractor, shared: Path, settings: Settings) -> dict[str, Any]:
    plover = shared / "corpus" / "plover"
    cases = plover / "cases.jsonl"
    if not cases.exists():
        return {"check": "PLOVER shared half", "missing": f"{plover} not found"}
    pred = _extract(extractor, sorted((plover / "texts").glob("*.txt")), settings)
    with tempfile.TemporaryDirectory() as tmp:
        claims, rows = Path(tmp) / "claims.jsonl", Path(tmp) / "rows.jsonl"
        claims.write_text("".join(json.dumps(p) + "\n" for p in pred), encoding="utf-8")
        subprocess.run([sys.executable, str(shared / "eval" / "plover_score.py"), str(cases),
                        str(claims), "--json", str(rows)], check=True, capture_output=True)
        results = load_rows([rows])
    full = sum(r["full"] for r in results)
    return {"check": "PLOVER shared half", "articles": len(results),
            "full_match": round(full / len(results), 3),
            "pair_recall": round(sum(r["pair"] for r in results) / len(results), 3),
            "other_pairs": sum(r["other"] for r in results),
            "silent": sum(1 for r in results if not r["any_claims"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realnews", type=Path, default=ROOT / "eval" / "realnews")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list misses and false alarms (never of the check or fresh half)")
    args = parser.parse_args()
    settings = Settings.load()
    extractor = Extractor(settings)
    rows: list[dict[str, Any]] = []
    for check in _checks(args.realnews, args.shared):
        if check.missing:
            rows.append({"check": check.name, "missing": check.missing})
            continue
        rows.append(_row(check, _extract(extractor, check.texts, settings)))
    rows.append(_plover(extractor, args.shared, settings))
    _print(rows, as_json=args.json, verbose=args.verbose)


def _print(rows: list[dict[str, Any]], *, as_json: bool, verbose: bool) -> None:
    for row in rows:
        hidden = row["check"].startswith(("real news, check", "real news, fresh"))
        listed = {k: v for k, v in row.items()
                  if k not in ("misses", "false_alarms") or (verbose and not hidden)}
        if as_json:
            print(json.dumps(listed))
            continue
        if "missing" in row:
            print(f"{row['check']:<24} {row['missing']}")
        elif "full_match" in row:
            print(f"{row['check']:<24} {row['articles']:>3} cases  "
                  f"full match {row['full_match']:.3f}"
                  f"  pair recall {row['pair_recall']:.3f}  other pairs {row['other_pairs']}"
                  f"  silent {row['silent']}")
        else:
            print(f"{row['check']:<24} {row['articles']:>3} docs {row['required']:>3} required  "
                  f"P {row['P']:.3f} R {row['R']:.3f} F1 {row['F1']:.3f}  "
                  f"lenient F1 {row['lenient_F1']:.3f}  certainty right {row['certainty']}")
        if verbose and not hidden and not as_json:
            for kind, label in (("false_alarms", "false alarm"), ("misses", "missed")):
                for key in row.get(kind, ()):
                    print(f"    {label}: {' '.join(key)}")


if __name__ == "__main__":
    main()
