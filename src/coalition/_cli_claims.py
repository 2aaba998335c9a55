"""How ``coalition claims`` prints: a table for people, JSON, JSON Lines or CSV for programs."""

from __future__ import annotations

import sys

from rich.table import Table

from coalition.models import Certainty, StoredClaim

CLAIM_FORMATS = ("table", "csv", "json", "jsonl")


def write_claims(rows: list[StoredClaim], fmt: str) -> None:
    """Claims to standard output as JSON (a list), JSON Lines or CSV (the export's columns)."""
    import json

    from coalition.export import claims_json
    from coalition.export._columns import CLAIM_COLUMNS, claim_row
    from coalition.export._encode import encode

    if fmt == "json":
        sys.stdout.write(json.dumps(claims_json(rows), indent=2, ensure_ascii=False) + "\n")
        return
    for chunk in encode(map(claim_row, rows), CLAIM_COLUMNS, fmt):
        sys.stdout.write(chunk.decode("utf-8"))


def claims_table(rows: list[StoredClaim], title: str) -> Table:
    """Claims as a table: the claim, its sentence, and where it comes from."""
    table = Table(title=title, show_lines=True)
    for name in ("claim", "evidence", "article"):
        table.add_column(name, overflow="fold")
    for row in rows:
        c = row.claim
        mark = f" ({c.certainty.value})" if c.certainty is not Certainty.ASSERTED else ""
        when = row.published.isoformat() if row.published else "undated"
        # The id is what `coalition review CLAIM` takes; a review says who checked the claim.
        review = row.review
        said = f"\n#{row.id} {review.verdict.value}ed by {review.reviewer}" if review else \
            f"\n#{row.id}"
        act = f"\nact {c.when.day.isoformat()} ({c.when.precision.value})" if c.when else ""
        table.add_row(f"{c.actor} → {c.target}\n{c.dimension.value} {c.stance.value}{mark}"
                      f"{said}{act}",
                      f"“{c.evidence}”", f"{row.title or row.article_id}\n{when}\n{row.source}")
    return table
