"""Near-duplicate articles become one story at ingest, count once, and migrate in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import create_engine, select, text

from coalition.models import Article, Claim, ClaimQuery, Dimension, Stance
from coalition.review import Decision, Verdict, View
from coalition.store import Store
from coalition.store._migrations import MIGRATIONS
from coalition.store._replace import replace_claims
from coalition.store._schema import articles
from tests.store.build import claim
from tests.store.test_totals import _days, _days_rebuilt
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


def _go_back(store_url: str, *statements: str) -> None:
    """Make the database look like an older version's, outside the store."""
    engine = create_engine(store_url)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def test_migration_10_groups_the_stored_articles(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store)
        grouped, counts = _stories(store), store.stance_counts()
        dated = store.stance_counts(since=date(2024, 3, 15))
    _go_back(store_url,  # what a database of version 8 looked like, besides reviews and records
             "DROP INDEX articles_by_story", "DROP TABLE article_bands",
             "ALTER TABLE articles DROP COLUMN story", "ALTER TABLE articles DROP COLUMN minhash",
             "DROP TABLE stance_daily", "DROP TABLE stance_totals",
             "DELETE FROM schema_version WHERE version = 10")
    with Store(store_url) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert _stories(store) == grouped
        assert store.stance_counts() == counts
        assert store.stance_counts(since=date(2024, 3, 15)) == dated
        late = Article(id="late-copy", text=wire_copies()[1].text + " Updated later.",
                       source="late.md", published=date(2024, 3, 16))
        store.add_article(late, _claims(late))
        assert _stories(store)["late-copy"] == grouped["wire-armenia-1"]


def _reextract(store: Store, art: Article, found: list[Claim], rules: str) -> None:
    with store._engine.begin() as conn:
        pk = conn.execute(select(articles.c.id).where(articles.c.doc == art.id)).scalar_one()
        assert replace_claims(conn, pk, found, rules) is not None


def test_replaced_claims_move_a_story_to_its_next_first_copy(store_url: str) -> None:
    """Re-extraction takes claims out and puts others in: the story counts follow, as a
    rebuild from the claims has them, also when the first copy of a story loses its claims."""
    with Store(store_url) as store:
        _fill(store)
        copies = wire_copies()

        def troops_stories(day: date) -> int:
            found = [c.stories for c in store.stance_counts(since=day, until=day)
                     if c.dimension is Dimension.TROOPS]
            return sum(found)

        def agrees() -> None:
            running, dated, days = store.stance_counts(), store.stance_counts(
                since=date(2024, 3, 15)), _days(store)
            assert _days_rebuilt(store) == days
            assert store.stance_counts() == running
            assert store.stance_counts(since=date(2024, 3, 15)) == dated

        # The three copies of 14 March lose their claims: the story moves to the 15th.
        for copy in copies[:3]:
            _reextract(store, copy, [], "v2")
        assert (troops_stories(date(2024, 3, 14)), troops_stories(date(2024, 3, 15))) == (0, 1)
        agrees()
        # The second copy gets both keys back: it is older than the fourth, so both stories
        # move back to the 14th; the fourth losing its claims then changes no story count.
        _reextract(store, copies[1], _claims(copies[1], freeze=True), "v3")
        _reextract(store, copies[3], [], "v3")
        assert (troops_stories(date(2024, 3, 14)), troops_stories(date(2024, 3, 15))) == (1, 0)
        frozen = [c for c in store.stance_counts() if c.target == "CSTO"]
        assert [(c.articles, c.stories, c.first_seen) for c in frozen] == [
            (1, 1, date(2024, 3, 14))]
        agrees()
        # The last claims of the story go: it leaves the troops count altogether.
        for copy in (copies[1], copies[4]):
            _reextract(store, copy, [], "v4")
        counts = {(c.target, c.dimension): c for c in store.stance_counts()}
        assert (counts["RUS", Dimension.TROOPS].stories, ("CSTO", Dimension.SECURITY) in counts
                ) == (1, False)
        agrees()


def test_reviewed_keys_still_count_copies_once(store_url: str) -> None:
    """The applied view counts a reviewed key again from the claims: stories as the machine's."""
    with Store(store_url) as store:
        _fill(store)
        row = store.claims(ClaimQuery(limit=1, dimension=Dimension.TROOPS))[0]
        store.review_claim(row.id, Decision(Verdict.ACCEPT), "alice")
        (applied,) = [c for c in store.stance_counts(view=View.APPLIED)
                      if c.dimension is Dimension.TROOPS]
        (machine,) = [c for c in store.stance_counts(view=View.MACHINE)
                      if c.dimension is Dimension.TROOPS]
        assert (applied.articles, applied.stories, applied.claims, applied.reviewed) == (6, 2, 6, 1)
        assert machine._replace(reviewed=1) == applied


def test_a_database_of_version_8_migrates_through_9_to_12(store_url: str) -> None:
    """Before when, stories, reviews and records: the summaries without story counts."""
    with Store(store_url) as store:
        _fill(store)
        grouped, counts = _stories(store), store.stance_counts()
    dropped = [("articles", "story"), ("articles", "minhash"), ("articles", "revision_of"),
               ("stance_totals", "stories"), ("stance_daily", "stories"),
               ("stance_daily", "through_stories"), ("claims", '"when"'),
               ("claims", "when_precision"), ("claims", "when_fallback")]
    _go_back(store_url, "DROP INDEX articles_by_story", "DROP INDEX claims_by_target_when",
             *(f"DROP TABLE {table}" for table in ("article_bands", "review_log", "reviews",
                                                    "extractions", "records")),
             *(f"ALTER TABLE {table} DROP COLUMN {column}" for table, column in dropped),
             "DELETE FROM schema_version WHERE version IN (9, 10, 11, 12)")
    with Store(store_url) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert _stories(store) == grouped
        assert store.stance_counts() == counts
        assert store.stance_counts(view=View.APPLIED) == counts
        assert store.reviews() == []
        copy = wire_copies()[0]
        again = Article(id="again", text=copy.text + " More.", source="again.md",
                        published=date(2024, 3, 13))
        assert store.add_article(again, _claims(again)) is not None
        assert _stories(store)["again"] == grouped[copy.id]
        assert _days(store) == _days_rebuilt(store)
