"""Reviews on a real database: verdicts, views, the audit log, and claims replaced under them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coalition.errors import InputError
from coalition.models import EXTRACTOR_VERSION, Article, Claim, ClaimQuery, Dimension, Stance
from coalition.review import Decision, Verdict, View
from coalition.store import Store
from coalition.store._totals import rebuild_summaries
from tests.store.build import article, claim

DRONES = "Iran sent drones to Russia."
REFUSAL = "Kazakhstan refused to send troops to Russia."
ARMS = "Belarus gave shells to Russia."
OTHER = "China bought oil from Russia."
SENTENCES = [DRONES, REFUSAL, ARMS, OTHER]


@pytest.fixture
def store(store_url: str) -> Store:
    with Store(store_url) as opened:
        yield opened  # type: ignore[misc]


def _article(art_id: str, published: date | None = None) -> Article:
    return article(art_id, [*SENTENCES, f"Filed as {art_id}."], published=published)


def _machine(art_id: str = "a1", published: date | None = date(2024, 3, 1)) -> list[Claim]:
    art = _article(art_id, published)
    return [
        claim(art, DRONES, "IRN", "RUS", Dimension.ARMS, Stance.SUPPORT),
        claim(art, REFUSAL, "KAZ", "RUS", Dimension.TROOPS, Stance.REFUSE),
        claim(art, ARMS, "BLR", "RUS", Dimension.ARMS, Stance.SUPPORT),
        claim(art, OTHER, "CHN", "RUS", Dimension.ECONOMIC, Stance.SUPPORT),
    ]


def _fill(store: Store) -> dict[str, int]:
    """Two dated articles and an undated one; claim ids of the first by actor."""
    for art_id, published in (("a1", date(2024, 3, 1)), ("a2", date(2024, 4, 1)),
                              ("a3", None)):
        art = _article(art_id, published)
        assert store.add_article(art, _machine(art_id, published)) is not None
    rows = store.claims(ClaimQuery(article_id="a1"))
    return {row.claim.actor: row.id for row in rows}


def _review_three(store: Store, ids: dict[str, int]) -> None:
    assert store.review_claim(ids["IRN"], Decision(Verdict.ACCEPT, note="ok"), "alice")
    assert store.review_claim(ids["KAZ"], Decision(Verdict.REJECT, note="a request"), "bob")
    assert store.review_claim(ids["BLR"], Decision(Verdict.CORRECT, {"stance": "refuse",
                                                                      "dimension": "military"},
                                                   "declined"), "alice")


def _cells(store: Store, view: View, **span: object) -> dict[tuple[str, ...], tuple[int, ...]]:
    return {(c.actor, c.target, c.dimension.value, c.stance.value):
            (c.articles, c.claims, c.reviewed) for c in store.stance_counts(view=view, **span)}


def test_views_apply_reviews_and_count_what_is_reviewed(store: Store) -> None:
    ids = _fill(store)
    machine = _cells(store, View.MACHINE)
    assert _cells(store, View.APPLIED) == machine
    assert _cells(store, View.REVIEWED) == {}
    _review_three(store, ids)
    applied = _cells(store, View.APPLIED)
    assert applied[("IRN", "RUS", "arms", "support")] == (3, 3, 1)
    assert applied[("KAZ", "RUS", "troops", "refuse")] == (2, 2, 0)  # a1's is rejected
    assert applied[("BLR", "RUS", "arms", "support")] == (2, 2, 0)
    assert applied[("BLR", "RUS", "military", "refuse")] == (1, 1, 1)
    assert applied[("CHN", "RUS", "economic", "support")] == machine[
        ("CHN", "RUS", "economic", "support")]
    assert _cells(store, View.REVIEWED) == {("IRN", "RUS", "arms", "support"): (1, 1, 1),
                                            ("BLR", "RUS", "military", "refuse"): (1, 1, 1)}
    # The machine view is unchanged, but marks the claims a reviewer has looked at.
    marked = _cells(store, View.MACHINE)
    assert {k: v[:2] for k, v in marked.items()} == {k: v[:2] for k, v in machine.items()}
    assert marked[("KAZ", "RUS", "troops", "refuse")][2] == 1
    # Dates and targets filter reviews as they filter claims (a1 is March, a3 undated).
    april = _cells(store, View.APPLIED, since=date(2024, 4, 1))
    assert april[("KAZ", "RUS", "troops", "refuse")] == (1, 1, 0)
    assert ("BLR", "RUS", "military", "refuse") not in april
    assert _cells(store, View.APPLIED, target="UKR") == {}


def test_every_change_is_in_the_log_with_before_and_after(store: Store) -> None:
    ids = _fill(store)
    _review_three(store, ids)
    store.review_claim(ids["IRN"], Decision(Verdict.REJECT, note="second look"), "bob")
    log = store.review_log()
    assert [(e.reviewer, e.action) for e in log] == [
        ("alice", "accept"), ("bob", "reject"), ("alice", "correct"), ("bob", "reject")]
    corrected = log[2]
    assert corrected.before is not None and corrected.after is not None
    assert (corrected.before["stance"], corrected.after["stance"]) == ("support", "refuse")
    assert corrected.after["dimension"] == "military" and corrected.note == "declined"
    second = store.review_log(log[0].review_id)
    assert [e.action for e in second] == ["accept", "reject"]
    assert second[1].before is not None and second[1].before["verdict"] == "accept"
    listed = store.claims(ClaimQuery(article_id="a1"))
    assert {r.claim.actor: r.review.verdict for r in listed if r.review} == {
        "IRN": Verdict.REJECT, "KAZ": Verdict.REJECT, "BLR": Verdict.CORRECT}


def test_reviews_reattach_when_claims_are_replaced(store: Store) -> None:
    ids = _fill(store)
    _review_three(store, ids)
    before = _cells(store, View.APPLIED)
    found = store.stale_articles(0, 10)
    key, art, rules = found[0]
    assert art.id == "a1" and rules.startswith("coalition-rules/")
    # Newer rules: the same claims (one with a longer sentence end), and one claim fewer.
    newer = [replace(c, extractor="coalition-rules/9.0.0") for c in _machine()[:3]]
    done = store.replace_claims(key, newer, "coalition-rules/9.0.0")
    assert (done.added, done.removed, done.changed) == (0, 1, 0)
    assert len(done.reattached) == 3 and done.orphaned == ()
    assert _cells(store, View.APPLIED) == {
        **before, ("CHN", "RUS", "economic", "support"): (2, 2, 0)}
    assert [e.action for e in store.review_log()][-3:] == ["reattach"] * 3
    assert store.stale_articles(0, 1)[0][2] == "coalition-rules/9.0.0"
    _summaries_match_a_rebuild(store)


def test_a_review_whose_claim_is_gone_is_orphaned_not_dropped(store: Store) -> None:
    ids = _fill(store)
    _review_three(store, ids)
    key = store.stale_articles(0, 1)[0][0]
    done = store.replace_claims(key, _machine()[3:], "coalition-rules/9.0.0")
    assert len(done.orphaned) == 3 and done.reattached == ()
    orphans = store.reviews(orphaned=True)
    assert {r.key[0] for r in orphans} == {"IRN", "KAZ", "BLR"}
    assert all(r.orphaned and r.claim_id is None for r in orphans)
    # Still counted: a reviewer vouched for them, whatever the rules say now.
    applied = _cells(store, View.APPLIED)
    assert applied[("IRN", "RUS", "arms", "support")] == (3, 3, 1)
    assert applied[("BLR", "RUS", "military", "refuse")] == (1, 1, 1)
    assert [e.action for e in store.review_log()][-3:] == ["orphan"] * 3
    # The claims come back with the next rules: the reviews attach again.
    again = store.replace_claims(key, _machine(), "coalition-rules/9.1.0")
    assert len(again.reattached) == 3 and store.reviews(orphaned=True) == []
    _summaries_match_a_rebuild(store)


def test_a_reviewer_adds_a_claim_the_engine_missed(store: Store) -> None:
    _fill(store)
    text = _article("a1").text
    start = text.index(OTHER)
    added = store.add_claim("a1", (start, start + len(OTHER)), Decision(
        Verdict.ADD, {"actor": "CHN", "target": "RUS", "dimension": "diplomatic",
                      "stance": "support"}, "missed"), "alice")
    assert added is not None and added.evidence == OTHER and not added.orphaned
    assert _cells(store, View.REVIEWED) == {("CHN", "RUS", "diplomatic", "support"): (1, 1, 1)}
    assert _cells(store, View.APPLIED)[("CHN", "RUS", "diplomatic", "support")] == (1, 1, 1)
    withdrawn = store.revise_review(added.id, Decision(Verdict.REJECT), "bob")
    assert withdrawn is not None and withdrawn.verdict is Verdict.REJECT
    assert ("CHN", "RUS", "diplomatic", "support") not in _cells(store, View.APPLIED)
    assert store.add_claim("nope", (0, 1), Decision(Verdict.ADD, {
        "actor": "CHN", "target": "RUS", "dimension": "arms", "stance": "support"}), "a") is None
    with pytest.raises(InputError, match="not inside"):
        store.add_claim("a1", (0, 10_000), Decision(Verdict.ADD, {
            "actor": "CHN", "target": "RUS", "dimension": "arms", "stance": "support"}), "a")


def test_bad_decisions_are_refused_before_anything_is_written(store: Store) -> None:
    ids = _fill(store)
    with pytest.raises(InputError, match="at least one field"):
        Decision(Verdict.CORRECT)
    with pytest.raises(InputError, match="stance"):
        Decision(Verdict.CORRECT, {"stance": "maybe"})
    with pytest.raises(InputError, match="cannot be reviewed"):
        Decision(Verdict.CORRECT, {"evidence": "x"})
    with pytest.raises(InputError, match="sets no fields"):
        Decision(Verdict.ACCEPT, {"stance": "refuse"})
    assert store.review_claim(10_000, Decision(Verdict.ACCEPT), "alice") is None
    assert store.review_claim(ids["IRN"], Decision(Verdict.CORRECT, {"actor": "irn"}), "a")
    assert store.reviews()[0].values["actor"] == "IRN"


def _summaries_match_a_rebuild(store: Store) -> None:
    kept = store.stance_counts(view=View.MACHINE)
    dated = store.stance_counts(view=View.MACHINE, since=date(2024, 3, 15))
    with store._engine.begin() as conn:
        rebuild_summaries(conn)
    assert store.stance_counts(view=View.MACHINE) == kept
    assert store.stance_counts(view=View.MACHINE, since=date(2024, 3, 15)) == dated


def test_two_runs_replacing_the_same_articles_at_once_do_each_once(store_url: str) -> None:
    import threading

    with Store(store_url) as store:
        _fill(store)
        ids = _fill_more(store)
        store.review_claim(ids[0], Decision(Verdict.ACCEPT), "alice")
        keys = [key for key, _art, _rules in store.stale_articles(0, 100)]
        errors: list[BaseException] = []
        done: list[object] = []

        def run() -> None:
            try:
                with Store(store_url) as mine:
                    for key in keys:
                        claims = [row.claim for row in mine.claims(
                            ClaimQuery(article_id=mine.stale_articles(key - 1, 1)[0][1].id))]
                        done.append(mine.replace_claims(key, claims, "coalition-rules/9.0.0"))
            except BaseException as exc:  # noqa: B036 - any failure of the thread must fail
                errors.append(exc)

        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors, errors
        assert sum(d is not None for d in done) == len(keys)  # the other saw each done
        assert [r.claim_id is not None for r in store.reviews()] == [True]
        assert store.replace_claims(keys[0], [], "coalition-rules/9.0.0") is None
        _summaries_match_a_rebuild(store)


def _fill_more(store: Store) -> list[int]:
    """Twenty more articles, for runs that overlap; the ids of their claims."""
    for n in range(20):
        art = _article(f"b{n}", date(2024, 5, 1 + n))
        store.add_article(art, [replace(c, doc=art.id) for c in _machine(f"b{n}", art.published)])
    return [row.id for row in store.claims(ClaimQuery(limit=200))]


def test_migrations_11_and_12_bring_an_older_database_along(store_url: str) -> None:
    from sqlalchemy import text

    with Store(store_url) as store:
        _fill(store)
        with store._engine.begin() as conn:
            for table in ("review_log", "reviews", "extractions"):
                conn.execute(text(f"DROP TABLE {table}"))
            conn.execute(text("ALTER TABLE articles DROP COLUMN revision_of"))
            conn.execute(text("DELETE FROM schema_version WHERE version IN (11, 12)"))
    with Store(store_url) as store:
        # Each article was extracted once, by the rules its claims name.
        assert [rules for _key, _art, rules in store.stale_articles(0, 10)] == [
            EXTRACTOR_VERSION] * 3
        assert store.reviews() == [] and store.version() == 3
        edited = _article("a1-new", date(2024, 6, 1))
        assert store.add_article(replace(edited, url="https://x.example/a"), []) is not None


def test_a_listed_claim_as_its_review_has_it(store: Store) -> None:
    from coalition.review import applied

    ids = _fill(store)
    _review_three(store, ids)
    rows = {r.claim.actor: r for r in store.claims(ClaimQuery(article_id="a1"))}
    assert applied(rows["KAZ"]) is None
    assert applied(rows["CHN"]) == rows["CHN"]
    corrected = applied(rows["BLR"])
    assert corrected is not None and corrected.id == rows["BLR"].id
    assert (corrected.claim.dimension, corrected.claim.stance) == (
        Dimension.MILITARY, Stance.REFUSE)
    assert corrected.claim.evidence == ARMS
