"""Re-extraction: the current rules over stored articles, reviews carried over.

Articles are walked in key order; each one whose claims were made by other rules is extracted
again and its claims replaced in one transaction (:meth:`Store.replace_claims`), which also
attaches its reviews again or orphans them. An article done is recorded with the current
rules, so a run killed at any point and started again redoes only what is left. An article the
extractor cuts off (over ``max_claims`` or ``article_seconds``) keeps the claims it has and is
listed in the report with the reason; the run goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coalition.models import Article, Rejected
from coalition.review import Review
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.extract import Extractor
    from coalition.store import Store

_NUMBERS = re.compile(r"\d+(?:\.\d+)*")


@dataclass
class VersionChange:
    """What re-extraction changed in the articles last extracted by one rules version."""

    articles: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0
    reattached: int = 0
    orphaned: list[int] = field(default_factory=list)


@dataclass
class ReextractReport:
    """The rules now in use, the change per earlier version, and every orphaned review."""

    rules: str
    current: int = 0
    by_version: dict[str, VersionChange] = field(default_factory=dict)
    orphans: list[Review] = field(default_factory=list)
    skipped: list[Rejected] = field(default_factory=list)

    @property
    def redone(self) -> int:
        """Articles extracted again in this run."""
        return sum(change.articles for change in self.by_version.values())


def version_key(version: str) -> tuple[int, ...]:
    """The numbers of a rules version (``coalition-rules/0.3.0+1a2b`` -> ``(0, 3, 0)``);
    an unknown version sorts first."""
    found = _NUMBERS.search(version.split("/")[-1].split("+")[0])
    return tuple(int(n) for n in found.group().split(".")) if found else ()


def run_reextract(
    store: Store,
    settings: Settings,
    *,
    since_version: str | None = None,
    extractor: Extractor | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReextractReport:
    """Extract stored articles again with the current rules and replace their claims.

    Args:
        store: the articles, claims and reviews.
        settings: model, data folder and batch size.
        since_version: only articles last extracted by this rules version or a later one.
        extractor: a loaded extractor (default: one built from ``settings``).
        progress: called with each article's id once it is done.

    Returns:
        The change per earlier rules version and the orphaned reviews.
    """
    from coalition.extract import Extractor

    engine = extractor or Extractor(settings)
    report = ReextractReport(engine.version)
    floor = version_key(since_version) if since_version else None
    previous: dict[str, str] = {}

    def todo() -> Iterator[tuple[int, Article]]:
        after = 0
        while batch := store.stale_articles(after, settings.batch_size):
            after = batch[-1][0]
            for key, article, rules in batch:
                if rules == engine.version:
                    report.current += 1
                elif floor is None or version_key(rules) >= floor:
                    previous[article.sha256] = rules
                    yield key, article

    keys: dict[str, int] = {}

    def articles() -> Iterator[Article]:
        for key, article in todo():
            keys[article.sha256] = key
            yield article

    def cut_off(article: Article, reason: str) -> None:
        # Its stored claims stay as they were, made by the older rules, so a later run (with
        # other limits) tries it again.
        keys.pop(article.sha256, None)
        previous.pop(article.sha256, None)
        report.skipped.append(Rejected(article.source, reason))

    for article, claims in engine.extract_many(articles(), batch_size=settings.batch_size,
                                               on_cut=cut_off):
        done = store.replace_claims(keys.pop(article.sha256), claims, engine.version)
        was = previous.pop(article.sha256) or "unknown"
        if done is None:  # another run re-extracted it meanwhile
            report.current += 1
            continue
        change = report.by_version.setdefault(was, VersionChange())
        change.articles += 1
        change.added += done.added
        change.removed += done.removed
        change.changed += done.changed
        change.reattached += len(done.reattached)
        change.orphaned += done.orphaned
        if progress is not None:
            progress(article.id)
    report.orphans = store.reviews(orphaned=True)
    return report
