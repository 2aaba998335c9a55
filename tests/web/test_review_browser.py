"""Reviewing from the claim cards in a real browser, on SQLite and PostgreSQL: a wrong or missing
token is refused and changes nothing; a reviewer's correction and added claim show and count."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coalition.review import View
from coalition.settings import Settings
from coalition.store import Store
from tests.web.test_browser import browser, page, serving, shot  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(filled_store: Store, extractor: Any) -> Iterator[str]:
    """The app with one reviewer, over this module's own filled store (which it writes to)."""
    with serving(filled_store, Settings(reviewer_tokens="alice:s3cret"), extractor) as url:
        yield url


def _submit(page: Any, form: Any, token: str) -> int:  # noqa: F811
    form.locator("input[name=token]").fill(token)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    return int(answer.value.status)


def test_a_reviewer_corrects_and_adds_claims_on_the_page(
    page: Any, server: str, filled_store: Store  # noqa: F811
) -> None:
    page.goto(f"{server}/article/iran-drones")
    card = page.locator("li.claim").first
    claim_id = int(str(card.get_attribute("id")).removeprefix("claim-"))

    def correction() -> Any:
        page.goto(f"{server}/article/iran-drones")
        found = page.locator(f"#claim-{claim_id}")
        found.locator("details.review-form summary").click()
        form = found.locator("form")
        form.locator("select[name=verdict]").select_option("correct")
        form.locator("select[name=stance]").select_option("oppose")
        form.locator("input[name=note]").fill("the text says they condemned it")
        return form

    assert _submit(page, correction(), "guess") == 403
    assert "may not review" in page.inner_text("main")
    assert _submit(page, correction(), "") == 401
    assert filled_store.reviews() == [] and filled_store.review_log() == []

    assert _submit(page, correction(), "s3cret") == 303
    assert page.url.startswith(f"{server}/article/iran-drones#review-")
    shown = page.locator(f"#claim-{claim_id} .review")
    assert "corrected by alice" in shown.inner_text() and "oppose" in shown.inner_text()

    add = page.locator("details.add-claim")
    add.locator("summary").click()
    form = add.locator("form")
    option = form.locator("select[name=sentence] option", has_text="ballistic")
    form.locator("select[name=sentence]").select_option(option.get_attribute("value"))
    form.locator("input[name=actor]").fill("IRN")
    form.locator("input[name=target]").fill("RUS")
    form.locator("select[name=dimension]").select_option("arms")
    form.locator("select[name=stance]").select_option("support")
    assert _submit(page, form, "s3cret") == 303
    assert "added by alice" in page.locator("ol.added").inner_text()
    shot(page, "review")

    assert [e.action for e in filled_store.review_log()] == ["correct", "add"]
    page.goto(f"{server}/reviews")
    assert page.locator("table.log tbody tr").count() == 2
    assert "alice" in page.locator("table.log").inner_text()
    reviewed = filled_store.stance_counts(target="RUS", view=View.REVIEWED)
    assert {(c.actor, c.stance.value) for c in reviewed} >= {("IRN", "support")}
    # The added claim repeats one the engine found: it is attached to it, not counted twice.
    assert [r.claim_id is not None for r in filled_store.reviews() if r.verdict == "add"] == [
        True]
    page.goto(f"{server}/?target=RUS&view=reviewed")
    assert page.locator("table.heatmap td.cell[data-actor=IRN]").count() >= 1
    assert page.locator("select[name=view] option[selected]").inner_text() == "reviewed only"
