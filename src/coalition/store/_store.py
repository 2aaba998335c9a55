"""The claim store: one object over a SQLite file or a PostgreSQL database, same code for both."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from coalition.errors import StoreError
from coalition.models import (
    Article,
    Claim,
    ClaimQuery,
    Dimension,
    MonthCount,
    PeriodCount,
    Record,
    Stance,
    StanceCount,
    StoredArticle,
    StoredClaim,
)
from coalition.review import Decision, LogEntry, Review, View
from coalition.store import (
    _counts,
    _fulltext,
    _history,
    _queries,
    _records,
    _replace,
    _reviews,
    _verify,
    _views,
    _writes,
)
from coalition.store._engine import make_engine, missing_file, parse_url, writer
from coalition.store._fulltext import SearchHit
from coalition.store._migrations import migrate

T = TypeVar("T")


class Store:
    """Articles and their claims in a database, with the queries the CLI, web and aggregates use.

    Readers may run in many threads or processes while one ingest writes: on SQLite the file is
    in WAL mode, so a reader sees the last committed article and never waits for the writer.

    Args:
        url: a SQLAlchemy URL: ``sqlite:///path.db`` or ``postgresql://user@host/db``
            (any PostgreSQL driver name is replaced by psycopg 3); a plain path is a SQLite file.
        create: make a SQLite file that does not exist; readers pass ``False``.

    Raises:
        StoreError: the URL is unusable, the server does not answer, the schema is too new,
            or (``create=False``) the SQLite file does not exist.
    """

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = parse_url(url)
        self._name = self.url.render_as_string(hide_password=True)
        if not create and (path := missing_file(self.url)) is not None:
            raise StoreError(f"no database at {path}: check --db (or COALITION_DB), "
                             "or store something first with `coalition ingest`")
        self._engine = make_engine(self.url)
        try:
            with self._errors("open"):
                self.schema_version = migrate(self._engine)
        except StoreError:
            self._engine.dispose()
            raise

    def close(self) -> None:
        """Release every connection; the store cannot be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._name!r})"

    def add_article(
        self, article: Article, claims: Sequence[Claim], rules: str | None = None
    ) -> Article | None:
        """Store an article and its claims in one transaction.

        Args:
            article: the article; its ``sha256`` decides whether it is new. A stored article
                at the same URL with another text becomes its earlier revision.
            claims: its claims; their ``doc`` is set to the id the article is stored under.
            rules: the rules version that extracted it (default: its claims' version).

        Returns:
            The article as stored (its id may carry a ``-<hash>`` suffix when another text
            already has the id), or ``None`` when the same text is stored already.
        """
        with self._errors(f"store {article.id!r}"):
            return _writes.add_article(self._engine, article, claims, rules)

    def add_records(self, found: Iterable[Record]) -> int:
        """Store records (roll-call votes, rows of a records CSV) in one transaction.

        Returns:
            How many were new; a record stored already (same :attr:`Record.key`) is skipped.
        """
        with self._errors("store records"):
            return _records.add_records(self._engine, found)

    def records(self, query: ClaimQuery) -> list[StoredClaim]:
        """Records matching ``query`` as claims with certainty ``recorded``, newest first."""
        return self._read("list records", lambda c: _records.list_records(c, query))

    def count_records(self, query: ClaimQuery) -> int:
        """How many records match ``query`` in all pages."""
        return self._read("count records", lambda c: _records.count_records(c, query))

    def record_counts(
        self, target: str | None = None, since: date | None = None, until: date | None = None
    ) -> list[StanceCount]:
        """Records per (actor, target, dimension, stance), ``articles`` 0: never news; the
        arguments filter as :meth:`stance_counts`'s do."""
        return self._read("count records",
                          lambda c: _records.record_counts(c, target, since, until))

    def stream(self, query: ClaimQuery, *, news: bool = True,
               records: bool = True) -> Iterator[StoredClaim]:
        """Every claim matching ``query`` (limit and offset ignored), news then records, read
        in batches so that any number of them passes through in little memory."""
        with self._errors("read claims"), self._engine.connect() as conn:
            if news:
                yield from _queries.iter_claims(conn, query)
            if records:
                yield from _records.iter_records(conn, query)

    def has_article(self, article: Article) -> bool:
        """Whether an article with the same content hash is stored."""
        with self._errors("look up an article"):
            return _writes.has_article(self._engine, article)

    def claims(self, query: ClaimQuery) -> list[StoredClaim]:
        """Claims matching ``query``, newest article first, one page (``limit``/``offset``)."""
        return self._read("list claims", lambda c: _reviews.with_reviews(
            c, _queries.list_claims(c, query)))

    def claim_page(self, query: ClaimQuery) -> tuple[int, list[StoredClaim]]:
        """How many claims match ``query`` in all pages, and its page, from one snapshot."""
        def page(conn: Connection) -> tuple[int, list[StoredClaim]]:
            total, rows = _queries.claim_page(conn, query)
            return total, _reviews.with_reviews(conn, rows)

        return self._read("list claims", page)

    def count_claims(self, query: ClaimQuery) -> int:
        """How many claims match ``query`` in all pages."""
        return self._read("count claims", lambda c: _queries.count_claims(c, query))

    def article(self, article_id: str) -> StoredArticle | None:
        """One article with its claims, or ``None`` when no article has that id."""
        def read(conn: Connection) -> StoredArticle | None:
            found = _queries.get_article(conn, article_id)
            if found is None:
                return None
            return replace(found, claims=tuple(_reviews.with_reviews(conn, list(found.claims))))

        return self._read("read an article", read)

    def copies(self, article_id: str) -> list[StoredArticle]:
        """The other stored copies of the article's story (near-duplicates), without text."""
        return self._read("list copies", lambda c: _queries.story_copies(c, article_id))

    def articles(self, limit: int = 50, offset: int = 0) -> list[StoredArticle]:
        """A page of articles, newest first, without their claims."""
        return self._read("list articles", lambda c: _queries.list_articles(c, limit, offset))

    def stance_counts(
        self, target: str | None = None, since: date | None = None, until: date | None = None,
        view: View = View.APPLIED,
    ) -> list[StanceCount]:
        """Evidence per (actor, target, dimension, stance), the input of the aggregates.

        Args:
            target: only claims toward this code.
            since: only claims of articles published on or after this date.
            until: only claims of articles published on or before this date.
                With either date given, claims of undated articles are left out.
            view: the machine's claims, the reviewed ones, or the machine's with reviews
                applied (:class:`~coalition.review.View`).

        Returns:
            One count per (actor, target, dimension, stance), sorted by target, actor,
            dimension and stance; ``reviewed`` says how many of its claims are reviewed.
        """
        return self._read("count stances", lambda c: _views.stance_counts(
            c, View(view), (target, since, until),
            lambda: _counts.stance_counts(c, target, since, until)))

    def month_counts(self, query: ClaimQuery) -> list[MonthCount]:
        """Evidence per (actor, target, dimension, stance) and month of the act (``when``).

        Args:
            query: which claims (actor, target, dimension, dates); its page and words are
                ignored. Claims without a ``when`` are left out.
        """
        return self._read("count months", lambda c: _history.month_counts(c, query))

    def period_counts(self, query: ClaimQuery, split: date) -> list[PeriodCount]:
        """Evidence per (actor, target, dimension, stance) before ``split`` and from it on."""
        return self._read("count periods", lambda c: _history.period_counts(c, query, split))

    def claims_by_when(self, query: ClaimQuery, *, latest_first: bool = False) -> list[StoredClaim]:
        """Claims matching ``query`` in the order of the date of their act, one page."""
        return self._read("list claims by date",
                          lambda c: _history.claims_by_when(c, query, latest_first=latest_first))

    def edge_ids(self, query: ClaimQuery, split: date,
                 sides: Sequence[tuple[str, str, Dimension, Stance, bool]]) -> list[int | None]:
        """Per (actor, target, dimension, stance, later): the id of the latest claim before
        ``split`` or the first from it on (``later``), or ``None``."""
        return self._read("find the edge claims",
                          lambda c: _history.edge_ids(c, query, split, sides))

    def claims_by_id(self, ids: Sequence[int]) -> list[StoredClaim]:
        """The claims with these row ids (as ``StoredClaim.id``), in no particular order."""
        return self._read("read claims", lambda c: _history.claims_by_id(c, ids))

    def latest_when(self, target: str | None = None) -> date | None:
        """The date of the latest act on record (toward ``target``, if given)."""
        return self._read("find the latest date", lambda c: _history.latest_when(c, target))

    def actor_counts(self) -> list[tuple[str, int, int]]:
        """(code, claims as actor, claims as target) for every code, most claims first."""
        return self._read("count actors", _counts.actor_counts)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over article titles and text and claim evidence, best first.

        Args:
            text: words that must all occur (stemmed), "quoted phrases" as phrases.
            limit: at most this many hits.

        Returns:
            Article and claim hits with plain-text snippets.
        """
        if limit < 0:
            raise StoreError(f"search limit must not be negative (got {limit})")
        return self._read("search", lambda c: _fulltext.search(c, text, limit))

    def stats(self) -> dict[str, int]:
        """How many articles, stories (near-duplicate copies counted once) and claims are stored."""
        return self._read("count rows", _queries.stats)

    def verify(self) -> list[str]:
        """Recompute every summary from the claims and name each stored row that differs.

        Returns:
            One line per difference in the totals, the daily counts and running sums, the
            claims' copies of their article's date, or the full-text index; empty when all agree.
        """
        return self._read("verify the summaries", _verify.verify)

    def version(self) -> int:
        """A number that changes whenever anything is stored, for caches of read results.

        Every write adds a row to ``extractions`` (an article stored or extracted again), to
        the review log or to ``records``, none ever deleted: the sum of their last ids (and the
        number of records) is it.
        """
        return self._read("count changes",
                          lambda c: _replace.changes(c) + _records.record_count(c))

    def review_claim(self, claim_id: int, decision: Decision, reviewer: str) -> Review | None:
        """Accept, reject or correct a machine claim (again); ``None`` when there is none."""
        return self._write("review a claim",
                           lambda c: _reviews.review_claim(c, claim_id, decision, reviewer))

    def revise_review(self, review_id: int, decision: Decision, reviewer: str) -> Review | None:
        """Give a review (of an added or orphaned claim too) a new verdict."""
        return self._write("revise a review",
                           lambda c: _reviews.revise(c, review_id, decision, reviewer))

    def add_claim(self, article_id: str, span: tuple[int, int], decision: Decision,
                  reviewer: str) -> Review | None:
        """A claim the engine missed on the evidence ``span`` of an article (``None``: no such
        article); ``decision.values`` hold actor, target, dimension, stance (and certainty)."""
        return self._write("add a claim",
                           lambda c: _reviews.add_claim(c, article_id, span, decision, reviewer))

    def reviews(self, *, orphaned: bool = False, article_id: str | None = None,
                limit: int = 1000) -> list[Review]:
        """Reviews, most recently changed first; only orphaned ones, or one article's, when
        asked."""
        where = _reviews.orphaned() if orphaned else []
        if article_id is not None:
            where.append(_reviews.of_article(article_id))
        return self._read("list reviews", lambda c: _reviews.list_reviews(c, where, limit))

    def reviewed_claims(self) -> tuple[list[StoredClaim], set[int]]:
        """Every claim as a reviewer has it (not rejected), and the ids of all machine claims
        a review is attached to: what an export of a view needs besides the stream."""
        return self._read("read reviews", lambda c: (_reviews.reviewed_claims(c),
                                                     _reviews.reviewed_ids(c)))

    def claim_reviews(self, claim_ids: Sequence[int]) -> dict[int, Review]:
        """The reviews attached to these claims, by claim id."""
        return self._read("read reviews", lambda c: _reviews.reviews_of(c, claim_ids))

    def review_log(self, review_id: int | None = None, limit: int = 10_000) -> list[LogEntry]:
        """The audit log of every review (or one), oldest first."""
        return self._read("read the review log", lambda c: _reviews.read_log(c, review_id, limit))

    def stale_articles(self, after: int, limit: int) -> list[tuple[int, Article, str]]:
        """(key, article, rules version it was last extracted with) for the next ``limit``
        articles whose key is above ``after``, in key order: what re-extraction walks."""
        return self._read("list articles", lambda c: _replace.article_batch(c, after, limit))

    def replace_claims(self, article_key: int, claims: Sequence[Claim],
                       rules: str) -> _replace.Replaced | None:
        """Put newly extracted claims in place of an article's claims, in one transaction,
        attaching its reviews to them again (or orphaning them, logged); ``None`` when the
        article is at ``rules`` already (another run did it)."""
        return self._write("replace claims",
                           lambda c: _replace.replace_claims(c, article_key, claims, rules))

    def _write(self, what: str, change: Callable[[Connection], T]) -> T:
        with self._errors(what), writer(self._engine).begin() as conn:
            return change(conn)

    def _read(self, what: str, query: Callable[[Connection], T]) -> T:
        # One transaction per read, so a multi-statement read sees one snapshot.
        with self._errors(what), self._engine.begin() as conn:
            return query(conn)

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            server = self.url.get_backend_name() != "sqlite"
            if server and (exc.connection_invalidated or "connect" in reason):
                raise StoreError(f"cannot {what}: no connection to {self._name}: {reason}") from exc
            raise StoreError(f"cannot {what} in {self._name}: {reason}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot {what} in {self._name}: {exc}") from exc
