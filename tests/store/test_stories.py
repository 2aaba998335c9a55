"""Near-duplicate articles become one story at ingest, count once, and migrate in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import create_engine, select, text

from coalition.models import Article, Claim, Dimension, Stance
from coalition.store import Store
from coalition.store._migrations import MIGRATIONS
from coalition.store._schema import articles
from tests.store.build import claim
from tests.web.wire import own_report, wire_copies

REFUSAL = "Armenia refused to send troops to help Russia in Ukraine"
FREEZE = "Armenia has frozen its participation in the Collective Security Treaty Organization"


def _claims(art: Article, *, freeze: bool = False) -> list[Claim]:
    found = [_on(art, REFUSAL, "RUS", Dimension.TROOPS)]
    if freeze:
        found.append(_on(art, FREEZE, "CSTO", Dimension.SECURITY))
    return found


def _on(art: Article, words: str, target: str, dimension: Dimension) -> Claim:
    # The evidence is the sentence holding ``words``, cut from the text as stored.
    start = art.text.index(words)
    end = art.text.index(".", start) + 1
    return claim(art, art.text[start:end], "ARM", target, dimension, Stance.REFUSE)


def _stories(store: Store) -> dict[str, int]:
    with store._engine.begin() as conn:
        rows = conn.execute(select(articles.c.doc, articles.c.story).order_by(articles.c.id))
        return {doc: story for doc, story in rows}


def _fill(store: Store) -> None:
    copies = wire_copies()
    for n, copy in enumerate(copies):
        # Only the fourth copy kept the sentence on the alliance: its key gets the story once.
        assert store.add_article(copy, _claims(copy, freeze=n == 3)) is not None
    report = own_report()
    assert store.add_article(report, _claims(report)) is not None


def test_wire_copies_join_one_story_and_count_once(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store)
        stories = _stories(store)
        wire = {stories[a.id] for a in wire_copies()}
        assert len(wire) == 1 and stories["armenia-own-report"] not in wire
        counts = {(c.target, c.dimension): c for c in store.stance_counts()}
        troops = counts["RUS", Dimension.TROOPS]
        assert (troops.articles, troops.stories, troops.claims) == (6, 2, 6)
        frozen = counts["CSTO", Dimension.SECURITY]
        assert (frozen.articles, frozen.stories) == (1, 1)
        assert store.stats() == {"articles": 6, "stories": 2, "claims": 7}
        assert [a.article.id for a in store.copies("wire-armenia-2")] == [
            "wire-armenia-1", "wire-armenia-3", "wire-armenia-4", "wire-armenia-5"]
        assert store.copies("armenia-own-report") == []
        assert store.copies("no-such-article") == []


def test_an_exact_duplicate_is_still_skipped(store_url: str) -> None:
    with Store(store_url) as store:
        first = wire_copies()[0]
        assert store.add_article(first, _claims(first)) is not None
        again = Article(id="elsewhere", text=first.text, source="elsewhere.md")
        assert store.add_article(again, _claims(again)) is None
        assert store.stats() == {"articles": 1, "stories": 1, "claims": 1}


def test_a_story_counts_on_the_day_of_its_first_copy(store_url: str) -> None:
    """Copies on 14 and 15 March: the story is in a range holding the 14th, not the 15th."""
    with Store(store_url) as store:
        _fill(store)

        def troops(since: date, until: date) -> tuple[int, int]:
            (found,) = [c for c in store.stance_counts(since=since, until=until)
                        if c.dimension is Dimension.TROOPS]
            return found.articles, found.stories

        assert troops(date(2024, 3, 14), date(2024, 3, 14)) == (3, 1)
        assert troops(date(2024, 3, 15), date(2024, 3, 15)) == (2, 0)
        assert troops(date(2024, 3, 1), date(2024, 4, 30)) == (6, 2)


def test_migration_10_groups_the_stored_articles(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store)
        grouped, counts = _stories(store), store.stance_counts()
        dated = store.stance_counts(since=date(2024, 3, 15))
    engine = create_engine(store_url)
    with engine.begin() as conn:  # what a database of version 8 looked like
        conn.execute(text("DROP INDEX articles_by_story"))
        conn.execute(text("DROP TABLE article_bands"))
        conn.execute(text("ALTER TABLE articles DROP COLUMN story"))
        conn.execute(text("ALTER TABLE articles DROP COLUMN minhash"))
        conn.execute(text("DROP TABLE stance_daily"))
        conn.execute(text("DROP TABLE stance_totals"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 10"))
    engine.dispose()
    with Store(store_url) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert _stories(store) == grouped
        assert store.stance_counts() == counts
        assert store.stance_counts(since=date(2024, 3, 15)) == dated
        late = Article(id="late-copy", text=wire_copies()[1].text + " Updated later.",
                       source="late.md", published=date(2024, 3, 16))
        store.add_article(late, _claims(late))
        assert _stories(store)["late-copy"] == grouped["wire-armenia-1"]
