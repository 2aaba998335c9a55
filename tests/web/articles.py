"""The short articles the web tests ingest, one of them hostile, written to be unambiguous."""

from __future__ import annotations

from datetime import date

from coalition.models import Article
from tests.web.wire import own_report, wire_copies

HOSTILE_TITLE = '<script>window.pwned = "title"</script>Drones <b onmouseover="x()">report</b>'
HOSTILE_TEXT = (
    "Iran has sent hundreds of Shahed drones to Russia, officials said on Monday. "
    '<script>window.pwned = "text"; document.title = "pwned";</script> '
    '<img src="x" onerror="window.pwned = \'img\'"> '
    "Belarus allowed Russia to use its territory to launch the attack. "
    '<a href="javascript:window.pwned=\'link\'">click here</a>'
)


def web_articles() -> list[Article]:
    """Four articles with a few clear claims each (the fourth carries markup and scripts), then
    a wire story in five lightly edited copies and a separate report on the same events."""
    return [*_plain(), *wire_copies(), own_report()]


def _plain() -> list[Article]:
    return [
        Article(
            id="iran-drones",
            title="Iran supplies drones to Russia",
            url="https://news.example.org/iran-drones",
            published=date(2024, 3, 1),
            source="iran-drones.md",
            text=(
                "Iran has sent hundreds of Shahed drones to Russia. "
                "Tehran also supplied ballistic missiles to Moscow, according to officials."
            ),
        ),
        Article(
            id="kazakhstan-troops",
            title="Kazakhstan keeps its distance",
            url="https://news.example.org/kazakhstan",
            published=date(2023, 6, 17),
            source="kazakhstan-troops.md",
            text=(
                "Kazakhstan refused to send troops to help Russia in Ukraine. "
                "Kazakhstan refused to recognize the annexation of Crimea by Russia."
            ),
        ),
        Article(
            id="ukraine-aid",
            title="Winter aid for Ukraine",
            url="https://news.example.org/ukraine-aid",
            published=date(2024, 1, 10),
            source="ukraine-aid.md",
            text=(
                "Germany sent generators to Ukraine before the winter. "
                "Poland condemned Russia over the strikes on power plants."
            ),
        ),
        Article(
            id="hostile",
            title=HOSTILE_TITLE,
            url="javascript:window.pwned='url'",
            published=date(2024, 5, 2),
            source="hostile.html",
            text=HOSTILE_TEXT,
        ),
    ]
