#!/usr/bin/env python3
"""Keep the real-news development set: what is ours in the repository, the texts beside it.

    python scripts/realnews.py build   # annotators' files -> articles.csv + gold/{tune,check}.jsonl
    python scripts/realnews.py check   # which texts are on this machine, and are they the same

The texts are third-party and never committed (``eval/realnews/texts/`` is gitignored); the
repository keeps each article's id, split, URL, outlet, date, conflict, title and the SHA-256 of
its text file, and the gold claims without their evidence sentences. ``eval/realnews/README.md``
says how to gather the texts again on a new machine; ``check`` tells whether that worked.
Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent / "eval" / "realnews"
COLUMNS = ("id", "split", "url", "outlet", "date", "conflict", "title", "annotator", "sha256")
SPLITS = ("tune", "check", "fresh")


def _text(base: Path, row: dict[str, str]) -> Path:
    return base / "texts" / row["split"] / f"{row['id']}.txt"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(base: Path) -> None:
    """Merge the annotators' catalogues and gold into the committed files."""
    rows: dict[str, dict[str, str]] = {}
    for catalogue in sorted(base.glob("articles-*.csv")):
        with catalogue.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                path = _text(base, row)
                if not path.exists():
                    sys.exit(f"{catalogue}: {row['id']}: no text at {path}")
                rows[row["id"]] = {**row, "sha256": _digest(path)}
    with (base / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(sorted(rows.values(), key=lambda r: r["id"]))
    (base / "gold").mkdir(exist_ok=True)
    for split in SPLITS:
        claims = []
        for evidence in sorted((base / "texts" / "evidence").glob(f"*-{split}.jsonl")):
            for line in evidence.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    claim = json.loads(line)
                    claim.pop("evidence", None)
                    claims.append(claim)
        unknown = {c["doc"] for c in claims} - {i for i, r in rows.items() if r["split"] == split}
        if unknown:
            sys.exit(f"gold of {split} names articles not in the catalogue: {sorted(unknown)}")
        lines = sorted(json.dumps(c, sort_keys=True) for c in claims)
        (base / "gold" / f"{split}.jsonl").write_text("".join(f"{x}\n" for x in lines),
                                                      encoding="utf-8")
    print(f"{len(rows)} articles; gold: " + ", ".join(
        f"{s} {sum(1 for _ in (base / 'gold' / f'{s}.jsonl').open())}" for s in SPLITS))


def check(base: Path) -> int:
    """Print which texts are missing or differ; 0 when all are here and the same."""
    with (base / "articles.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = [r["id"] for r in rows if not _text(base, r).exists()]
    changed = [r["id"] for r in rows
               if _text(base, r).exists() and _digest(_text(base, r)) != r["sha256"]]
    print(f"{len(rows)} articles: {len(rows) - len(missing) - len(changed)} here and the same, "
          f"{len(missing)} missing, {len(changed)} different")
    for name, ids in (("missing", missing), ("different", changed)):
        if ids:
            print(f"{name}: {' '.join(ids)}")
    return 1 if missing or changed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("build", "check"))
    parser.add_argument("--base", type=Path, default=BASE)
    args = parser.parse_args()
    if args.command == "build":
        build(args.base)
    else:
        sys.exit(check(args.base))


if __name__ == "__main__":
    main()
