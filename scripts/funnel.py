#!/usr/bin/env python3
"""Where the real-news gold claims are lost: each required claim's sentence, step by step.

    python scripts/funnel.py [--realnews DIR] [tune] [check]

For every required gold claim whose evidence sentence is in its article, the first step that
fails: are both states named in the sentence (names, leaders, descriptions, carry-over words
as the engine resolves them; for the missing one, whether the article names it in the 400
characters before), is there a trigger word, does the sentence give any claim, does it give
the pair, and is the claim found. Counts only, so the check half can be shown too: rule writers
see where its claims are lost, never which ones.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from evaluate_all import ROOT, _realnews

from coalition.evaluate import MILITARY_FAMILY
from coalition.extract import Extractor, claims_of
from coalition.extract.mentions import SPANS_KEY as MENTIONS
from coalition.extract.triggers import SPANS_KEY as TRIGGERS
from coalition.ingest import read_sources
from coalition.models import Article, Claim
from coalition.settings import Settings

BEFORE = 400  # characters before the sentence where a missing state counts as "just named"
# (offset, code) of each resolved mention, and the offset of each trigger word
_Named = tuple[list[tuple[int, str]], list[int]]


def _read(extractor: Extractor, article: Article) -> tuple[list[Claim], _Named]:
    """The article's claims, and the resolved mentions and trigger words they were found from,
    from one pass of the pipeline."""
    doc = extractor.nlp(extractor._doc(article, 0, len(article.text)))
    return claims_of(doc), ([(s.start_char, s.label_) for s in doc.spans[MENTIONS]],
                            [s.start_char for s in doc.spans.get(TRIGGERS, [])])


def _same(claim: Claim, gold: Mapping[str, Any]) -> bool:
    dimension = claim.dimension.value
    return (claim.actor, claim.target, claim.stance.value) == (
        gold["actor"], gold["target"], gold["stance"]) and (
        dimension == gold["dimension"]
        or {dimension, gold["dimension"]} <= MILITARY_FAMILY)


def _step(gold: Mapping[str, Any], article: Article, claims: list[Claim], named: _Named) -> str:
    if any(_same(c, gold) for c in claims):
        return "6 found"
    at = article.text.find(gold.get("evidence", "")[:60]) if gold.get("evidence") else -1
    if at < 0:
        return "0 evidence sentence not in the text"
    low, high = at, at + len(gold["evidence"])
    mentions, triggers = named
    codes = {code for start, code in mentions if low <= start < high}
    pair = (gold["actor"], gold["target"])
    if not set(pair) & codes:
        return "1 neither state named in the sentence"
    if not set(pair) <= codes:
        role, code = ("target", pair[1]) if pair[0] in codes else ("actor", pair[0])
        before = any(code == c and low - BEFORE <= s < low for s, c in mentions)
        return f"2 the {role} not named in the sentence" + (
            " (named just before)" if before else " (not just before)")
    if not any(low <= start < high for start in triggers):
        return "3 both named, no trigger word"
    here = [c for c in claims if c.start < high and c.end > low]
    if not here:
        return "4 both named and a trigger, no claim from the sentence"
    if any({c.actor, c.target} == set(pair) for c in here):
        return "5 the pair, but another dimension, stance or direction"
    return "5 claims from the sentence, other pairs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realnews", type=Path, default=ROOT / "eval" / "realnews")
    parser.add_argument("splits", nargs="*", default=["tune", "check"])
    args = parser.parse_args()
    settings = Settings.load()
    extractor = Extractor(settings)
    for split in args.splits:
        check = _realnews(args.realnews, split)
        articles = {a.id: a for a in read_sources([str(p) for p in check.texts], settings)
                    if isinstance(a, Article)}
        steps: Counter[str] = Counter()
        for article in articles.values():
            claims, named = _read(extractor, article)
            steps.update(_step(g, article, claims, named) for g in check.gold
                         if g["doc"] == article.id and not g.get("optional"))
        total = sum(steps.values())
        print(f"{check.name}: {total} required claims")
        for step, count in sorted(steps.items()):
            print(f"  {step:<62} {count:>4} {count / max(total, 1):>4.0%}")


if __name__ == "__main__":
    main()
