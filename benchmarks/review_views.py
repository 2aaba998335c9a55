"""What reviews cost the aggregates, and what replacing an article's claims costs the store.

    python benchmarks/review_views.py [--claims 100000] [--reviews 300] [--url URL]

Fills a fresh SQLite file (or the empty database at ``--url``) with the synthetic claims of
``api_latency.py``, then times ``Store.stance_counts`` for one target and for all targets in
the machine view and with reviews applied: with no reviews, and after ``--reviews`` reviews
(a third each accepted, rejected, corrected) of random claims. Then it times
``Store.replace_claims`` (the store's side of ``coalition reextract``, without extraction) on
200 articles. Prints p50/p95 in ms and the ratio applied / machine, measured in this one run.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from api_latency import fill, percentile

from coalition.models import ClaimQuery
from coalition.review import Decision, Verdict, View
from coalition.store import Store

ROUNDS = 30


def timed(call: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    """p50 and p95 of ``call`` in ms."""
    took = []
    for _ in range(rounds):
        began = time.perf_counter()
        call()
        took.append((time.perf_counter() - began) * 1000)
    return percentile(took, 0.5), percentile(took, 0.95)


def views(store: Store, label: str) -> None:
    for name, target in (("target=RUS", "RUS"), ("all targets", None)):
        machine = timed(lambda t=target: store.stance_counts(target=t, view=View.MACHINE))
        applied = timed(lambda t=target: store.stance_counts(target=t, view=View.APPLIED))
        print(f"{label:14s} {name:12s} machine {machine[0]:7.1f} / {machine[1]:7.1f}   "
              f"applied {applied[0]:7.1f} / {applied[1]:7.1f}   "
              f"ratio p50 {applied[0] / machine[0]:.2f}")


def review(store: Store, count: int) -> None:
    rng = random.Random(11)
    total = store.count_claims(ClaimQuery())
    ids = rng.sample(range(1, total + 1), count)
    verdicts = [Decision(Verdict.ACCEPT), Decision(Verdict.REJECT),
                Decision(Verdict.CORRECT, {"stance": "refuse"})]
    for n, claim_id in enumerate(ids):
        store.review_claim(claim_id, verdicts[n % 3], "bench")


def replacing(store: Store, articles: int = 200) -> float:
    """ms per article to put its claims back in place (summaries, reviews, log)."""
    batch = store.stale_articles(0, articles)
    began = time.perf_counter()
    for key, _article, _rules in batch:
        stored = store.article(_article.id)
        assert stored is not None
        store.replace_claims(key, [row.claim for row in stored.claims], "coalition-rules/bench")
    return (time.perf_counter() - began) * 1000 / len(batch)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=300)
    parser.add_argument("--url", help="an empty database to fill instead of a temporary file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.db'}"
        seconds = fill(url, args.claims)
        print(f"{args.claims} claims stored in {seconds:.0f} s; p50 / p95 in ms, {ROUNDS} runs")
        with Store(url) as store:
            views(store, "no reviews")
            review(store, args.reviews)
            views(store, f"{args.reviews} reviews")
            print(f"replace_claims: {replacing(store):.1f} ms per article (20 claims each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
