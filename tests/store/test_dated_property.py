"""Property: whatever articles come in, in whatever date order, a dated scorecard equals a direct
count of the claims in range, and ``verify`` finds nothing, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition.models import Dimension, Stance
from coalition.store import Store
from tests.store.build import article, claim
from tests.store.test_totals import _grouped_claims

DAY0 = date(2024, 1, 1)
days = st.one_of(st.none(), st.integers(0, 20).map(lambda n: DAY0 + timedelta(days=n)))
keys = st.tuples(st.sampled_from(["IRN", "KAZ", "BLR"]), st.sampled_from(["RUS", "UKR"]),
                 st.sampled_from([Dimension.ARMS, Dimension.TROOPS, Dimension.ECONOMIC]),
                 st.sampled_from(list(Stance)))
articles = st.lists(st.tuples(days, st.lists(keys, min_size=1, max_size=5)),
                    min_size=1, max_size=5)
_serial = itertools.count()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=articles, target=st.sampled_from([None, "RUS", "UKR"]), since=days, until=days)
def test_dated_scorecards_equal_a_direct_count(
    store_url: str, batch: list[tuple[date | None, list[tuple[str, str, Dimension, Stance]]]],
    target: str | None, since: date | None, until: date | None,
) -> None:
    if since and until and since > until:
        since, until = until, since
    # One database for every example: it only grows, and the property holds at each step.
    with Store(store_url) as store:
        for published, found in batch:
            n = next(_serial)
            sentences = [f"Sentence {j} of article {n}." for j in range(len(found))]
            art = article(f"p{n}", sentences, published=published)
            store.add_article(art, [claim(art, s, actor, tgt, dim, stance)
                                    for s, (actor, tgt, dim, stance) in zip(sentences, found,
                                                                           strict=True)])
        if since is None and until is None:
            since = DAY0  # the undated scorecard reads the totals; a date makes it dated
        assert store.stance_counts(target=target, since=since, until=until) == \
            _grouped_claims(store, target, since, until)
        assert store.verify() == []
