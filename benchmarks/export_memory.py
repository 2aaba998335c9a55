"""Peak memory of ``coalition export --format parquet`` over a database of 1,000,000 claims.

    python benchmarks/export_memory.py [--claims 1000000] [--db PATH]

Fills a SQLite file with the synthetic articles and claims of ``api_latency`` (written in bulk,
rows shaped by the store's own writer, without the summaries an export does not read; ``--db``
keeps and reuses the file), runs the real command in a child process, and prints that
process's peak resident memory against the goal (under 500 MiB).
Then reads the Parquet file back with pyarrow and checks it holds the same rows as the
database: the same count, and the same digest of every row's id, actor, target, dimension,
stance, certainty and evidence in order. Not a timed test: the seconds are printed for scale.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from api_latency import CLAIMS_PER_ARTICLE, synthetic

GOAL_MIB = 500.0
_FIELDS = ("id", "actor", "target", "dimension", "stance", "certainty", "evidence")


def fill(db: Path, total: int) -> float:
    """Store ``total`` claims in bulk; returns the seconds it took."""
    import random

    from coalition.store import Store
    from coalition.store._schema import articles, claims
    from coalition.store._writes import _article_row, _claim_row

    began = time.perf_counter()
    rng = random.Random(20260227)
    with Store(f"sqlite:///{db}") as store:
        engine = store._engine
        with engine.begin() as conn:
            for first in range(0, total // CLAIMS_PER_ARTICLE, 1000):
                made = [synthetic(i, rng) for i in range(first, min(first + 1000,
                                                              total // CLAIMS_PER_ARTICLE))]
                conn.execute(articles.insert(), [{**_article_row(a), "id": first + n + 1}
                                                 for n, (a, _c) in enumerate(made)])
                conn.execute(claims.insert(), [_claim_row(c, first + n + 1, a)
                                               for n, (a, found) in enumerate(made)
                                               for c in found])
    return time.perf_counter() - began


def export(db: Path, out: Path) -> tuple[float, float]:
    """Run the export command; returns (peak MiB of the child, seconds)."""
    began = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    subprocess.run([sys.executable, "-m", "coalition", "export", "--format", "parquet",
                    "--out", str(out), "--db", str(db)], check=True, env=env)
    seconds = time.perf_counter() - began
    # Linux reports ru_maxrss in KiB: the largest of the children waited for, here the one.
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, seconds


def database_digest(db: Path) -> tuple[int, str]:
    """Row count and digest of the claims as stored, in id order."""
    digest, count = hashlib.sha256(), 0
    with sqlite3.connect(db) as conn:
        for row in conn.execute(f"SELECT {', '.join(_FIELDS)} FROM claims ORDER BY id"):
            digest.update(repr(row).encode())
            count += 1
    return count, digest.hexdigest()


def parquet_digest(path: Path) -> tuple[int, str]:
    """Row count and digest of the exported rows, read back with pyarrow batch by batch."""
    import pyarrow.parquet as pq

    digest, count = hashlib.sha256(), 0
    for batch in pq.ParquetFile(path).iter_batches(columns=list(_FIELDS)):
        for row in zip(*(batch.column(name).to_pylist() for name in _FIELDS), strict=True):
            digest.update(repr(row).encode())
            count += 1
    return count, digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="a SQLite file to fill once and reuse")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        if not db.exists():
            print(f"filled {args.claims:,} claims in {fill(db, args.claims):.0f} s")
        out = Path(folder) / "claims.parquet"
        peak, seconds = export(db, out)
        print(f"export: peak {peak:.0f} MiB (goal < {GOAL_MIB:.0f} MiB), {seconds:.0f} s, "
              f"{out.stat().st_size / 2**20:.0f} MiB of Parquet")
        stored, exported = database_digest(db), parquet_digest(out)
    same = stored == exported
    print(f"read back with pyarrow: {exported[0]:,} rows, "
          f"{'the same rows as the database' if same else 'DIFFERENT from the database'}")
    return 0 if peak < GOAL_MIB and same else 1


if __name__ == "__main__":
    sys.exit(main())
