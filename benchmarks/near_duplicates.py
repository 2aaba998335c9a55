"""Time to group 10,000 articles into stories, against the goal of under a minute.

    python benchmarks/near_duplicates.py [--articles 10000] [--copies 0.2] [--url URL]

Builds synthetic articles (``benchmarks/corpus.py``) of which a share are lightly edited copies
of an earlier one (a new dateline and sign-off, a few words changed, a sentence dropped), then
measures, in one run each:

- ingest: storing every article through ``Store.add_article``, which fingerprints it and joins
  it to a story or starts one (the article's insert and full-text indexing are in the time too);
- regroup: grouping every stored article again as migration 10 does (``group_all``).

Prints each time and its ratio to the goal (60 s), and how well the grouping found the copies:
copies placed in their original's story, and originals merged into another's story. Runs on a
fresh SQLite file in a temporary directory, or on the empty database ``--url`` names.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import generate  # noqa: E402

from coalition.models import Article  # noqa: E402
from coalition.store import Store  # noqa: E402

GOAL_S = 60.0
_SIGNOFFS = ("(Reporting by the wire desk.)", "This story was provided by a news agency.",
             "Copyright the wire service.", "(Editing by the foreign desk.)", "")
_SWAPS = (("said", "stated"), (" the ", " a "), ("officials", "authorities"), ("on ", "this "))


def lightly_edited(text: str, rng: random.Random) -> str:
    """A copy as another site prints it: new dateline and sign-off, a few words changed, maybe
    one paragraph dropped."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 4 and rng.random() < 0.5:
        del paragraphs[rng.randrange(2, len(paragraphs))]
    body = "\n\n".join(paragraphs[1:])
    for old, new in rng.sample(_SWAPS, 2):
        body = body.replace(old, new, 2)
    return f"{paragraphs[0]}\n\n(Wire) {body}\n\n{rng.choice(_SIGNOFFS)}"


def corpus(n: int, share: float, seed: int = 7) -> tuple[list[Article], dict[str, str]]:
    """``n`` articles, ``share`` of them copies; and each copy's original's id."""
    rng = random.Random(seed)
    originals = int(n * (1 - share))
    texts = dict(generate(originals, seed=seed))
    ids = list(texts)
    found = [Article(id=doc, text=text, source=f"{doc}.txt") for doc, text in texts.items()]
    copied: dict[str, str] = {}
    for i in range(n - originals):
        source = rng.choice(ids)
        doc = f"copy-{i:06d}"
        found.append(Article(id=doc, text=lightly_edited(texts[source], rng), source=doc))
        copied[doc] = source
    rng.shuffle(found)
    return found, copied


def report(name: str, began: tuple[float, float], count: int) -> None:
    """One timing line with its ratio to the goal: wall-clock time, and this process's CPU time
    (what the wall clock would be on an otherwise idle machine, less the waits on the disk)."""
    wall, cpu = time.perf_counter() - began[0], time.process_time() - began[1]
    print(f"{name:<8} {count:>6} articles in {wall:6.1f} s ({wall / GOAL_S:.2f} of the "
          f"{GOAL_S:.0f} s goal); CPU {cpu:6.1f} s ({cpu / GOAL_S:.2f} of the goal), "
          f"{1000 * wall / count:.2f} ms per article")


def quality(store: Store, copied: dict[str, str]) -> None:
    """Copies that joined their original's story, and stories that mix different originals."""
    from sqlalchemy import select

    from coalition.store._schema import articles

    with store._engine.begin() as conn:
        story = dict(conn.execute(select(articles.c.doc, articles.c.story)).tuples().all())
    # A copy whose edits came out the same as another's is an exact duplicate: not stored.
    copied = {copy: original for copy, original in copied.items() if copy in story}
    found = sum(story[copy] == story[original] for copy, original in copied.items())
    families: dict[int, set[str]] = {}
    for doc, group in story.items():
        families.setdefault(group, set()).add(copied.get(doc, doc))
    mixed = sum(len(members) - 1 for members in families.values())
    print(f"  copies in their original's story: {found}/{len(copied)}; "
          f"{len(families)} stories for {len(story) - len(copied)} originals; "
          f"originals wrongly merged: {mixed}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--copies", type=float, default=0.2, help="share that are copies")
    parser.add_argument("--url", help="an empty database to use instead of a SQLite file")
    args = parser.parse_args()
    found, copied = corpus(args.articles, args.copies)
    print(f"{len(found)} articles, {len(copied)} of them lightly edited copies; "
          f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{folder}/stories.db"
        with Store(url) as store:
            began = time.perf_counter(), time.process_time()
            for article in found:
                store.add_article(article, [])
            report("ingest", began, len(found))
            quality(store, copied)
            from coalition.store._stories import group_all

            began = time.perf_counter(), time.process_time()
            with store._engine.begin() as conn:
                group_all(conn)
            report("regroup", began, len(found))
            quality(store, copied)
    return 0


if __name__ == "__main__":
    sys.exit(main())
