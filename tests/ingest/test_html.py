"""HTML pages through trafilatura: main text in, page furniture out, metadata kept."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from coalition.ingest import read_bytes, read_sources
from coalition.models import Article, Rejected
from coalition.settings import Settings

PAGES = Path(__file__).parent / "pages"
SETTINGS = Settings()
FURNITURE = [
    "Connect with us",
    "what are you looking for",
    "Image Credit",
    "Written By",
    "Author Expertise",
    "forensic anthropologist",
    "Subscribe",
    "Privacy Policy",
    "You may also like",
    "Share this",
    "Copyright",
]


def _read_page(tmp_path: Path, page: str) -> Article:
    path = tmp_path / page
    shutil.copy(PAGES / page, path)
    results = list(read_sources([str(path)], SETTINGS))
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def test_structured_page_keeps_article_text_and_paragraphs(tmp_path: Path) -> None:
    article = _read_page(tmp_path, "embassy_article.html")

    assert article.id == "embassy_article"
    assert "refusing to send troops to help Russia." in article.text
    assert "sending the Shahed drones that Russia uses" in article.text
    assert "\n\nCentral Asia\n\nPresident Tokayev of Kazakhstan" in article.text
    for furniture in FURNITURE:
        assert furniture not in article.text, furniture


def test_structured_page_metadata(tmp_path: Path) -> None:
    article = _read_page(tmp_path, "embassy_article.html")

    assert article.title == "Putin Has a Problem: His So-Called Allies Won't Help Fight in Ukraine"
    assert article.published == date(2023, 5, 14)
    assert article.author == "Julian McBride"
    assert article.site == "The Embassy"
    assert article.url == "https://embassy.example/2023/05/putin-allies-wont-help/"


def test_furniture_inside_the_article_body_is_dropped(tmp_path: Path) -> None:
    article = _read_page(tmp_path, "messy_article.html")

    assert article.text.endswith("the European Union has expanded its sanctions against Belarus.")
    assert "refused to send Belarusian troops into Ukraine" in article.text
    for furniture in ["Connect with us", "what are you looking for", "Image Credit", "Photo:",
                      "Written By", "Anna Petrova is a correspondent"]:
        assert furniture not in article.text, furniture


def test_page_without_date_markup_gets_no_date_guessed_from_its_text(tmp_path: Path) -> None:
    # The text mentions "February 2022"; a date guessed from prose would be wrong.
    article = _read_page(tmp_path, "messy_article.html")

    assert article.published is None
    assert article.title == "Belarus keeps its army home"


def test_meta_charset_decodes_a_windows_1251_page() -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article>'
        "<p>Президент Казахстана отказался отправить войска на помощь России, сообщили в Астане."
        "</p><p>Москва недовольна этим решением, но продолжает переговоры с Астаной.</p>"
        "</article></body></html>"
    ).encode("cp1251")

    results = read_bytes(page, name="news.htm", settings=SETTINGS)

    assert isinstance(results[0], Article), results
    assert "отказался отправить войска" in results[0].text


def test_broken_html_still_gives_its_text() -> None:
    page = (b"<html><body><div><p>Iran has been sending the Shahed drones to Russia, Western "
            b"officials said on Monday.<p>Tehran denies it.<div><b><i>unclosed</body>")

    results = read_bytes(page, name="broken.html", settings=SETTINGS)

    assert isinstance(results[0], Article), results
    assert "sending the Shahed drones to Russia" in results[0].text


@pytest.mark.parametrize(("depth", "accepted"), [(150, True), (201, False)])
def test_nesting_limit(depth: int, accepted: bool) -> None:
    text = "Armenia asked Russia for help under the CSTO treaty, officials said. " * 5
    page = f"<html><body>{'<div>' * depth}<p>{text}</p>{'</div>' * depth}</body></html>"

    results = read_bytes(page.encode(), name="deep.html", settings=SETTINGS)

    assert isinstance(results[0], Article if accepted else Rejected), results
