"""Text and Markdown files, front matter, encodings, gzip, directories and pasted text."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from coalition.errors import InputError
from coalition.ingest import article_from_text, read_bytes, read_sources
from coalition.models import Article, Rejected, content_hash
from coalition.settings import Settings

SETTINGS = Settings()
BODY = (
    "President Tokayev of Kazakhstan refused to send troops to help Russia.\n\n"
    "Central Asia\n\n"
    "Kazakhstan has also sent generators to Ukraine."
)


def _only_article(results: list[Article | Rejected]) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def test_text_file_id_is_its_name_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "putin-allies.txt"
    path.write_text(BODY, encoding="utf-8")

    article = _only_article(list(read_sources([str(path)], SETTINGS)))

    assert article.id == "putin-allies"
    assert article.source == str(path)
    assert article.text == BODY
    assert article.sha256 == content_hash(BODY)
    assert (article.url, article.title, article.published) == (None, None, None)


def test_markdown_front_matter_gives_metadata_and_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "kazakhstan.md"
    path.write_text(
        "---\ntitle: Kazakhstan keeps its distance\ndate: 2023-06-02\n"
        "url: https://news.example/kaz\nauthor: A. Writer\nsite: News Example\n---\n\n" + BODY
    )

    article = _only_article(list(read_sources([str(path)], SETTINGS)))

    assert article.title == "Kazakhstan keeps its distance"
    assert article.published == date(2023, 6, 2)
    assert article.url == "https://news.example/kaz"
    assert (article.author, article.site) == ("A. Writer", "News Example")
    assert article.text == BODY


def test_front_matter_date_may_be_a_timestamp_string() -> None:
    data = b"---\ndate: '2023-06-02T10:15:00Z'\n---\n" + BODY.encode()

    article = _only_article(read_bytes(data, name="a.md", settings=SETTINGS))

    assert article.published == date(2023, 6, 2)


def test_text_without_closing_front_matter_is_all_text() -> None:
    data = b"---\nnot front matter, a rule\n\nRussia sent shells."

    article = _only_article(read_bytes(data, name="rule.txt", settings=SETTINGS))

    assert article.text.startswith("---\nnot front matter")


def test_line_ends_and_blank_runs_are_normalised() -> None:
    data = b"First paragraph.\r\nSame paragraph.\r\n\r\n\r\n  \r\nSecond.\rThird line."

    article = _only_article(read_bytes(data, name="a.txt", settings=SETTINGS))

    assert article.text == "First paragraph.\nSame paragraph.\n\nSecond.\nThird line."


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        ("\ufeffIran sent drones.".encode(), "Iran sent drones."),
        ("Iran sent “Shahed” drones – officials.".encode("utf-16"),
         "Iran sent “Shahed” drones – officials."),
        ("Le président français a déclaré que la France enverra des générateurs.".encode("latin-1"),
         "Le président français a déclaré que la France enverra des générateurs."),
        ("Президент Казахстана отказался отправить войска на помощь России.".encode("cp1251"),
         "Президент Казахстана отказался отправить войска на помощь России."),
        ("Iran sent drones to Russia – “Shahed” drones – said officials.".encode("cp1252"),
         "Iran sent drones to Russia – “Shahed” drones – said officials."),
    ],
    ids=["utf8-bom", "utf16-bom", "latin-1", "cp1251", "cp1252"],
)
def test_encodings_are_decoded(encoded: bytes, expected: str) -> None:
    article = _only_article(read_bytes(encoded, name="a.txt", settings=SETTINGS))

    assert article.text == expected


def test_gzip_of_a_markdown_file_reads_like_the_file() -> None:
    data = gzip.compress(b"---\ntitle: Zipped\n---\n" + BODY.encode())

    article = _only_article(read_bytes(data, name="dir/zipped.md.gz", settings=SETTINGS))

    assert (article.id, article.title, article.text) == ("zipped", "Zipped", BODY)


def test_one_megabyte_line_is_read_within_max_bytes_and_refused_over_it() -> None:
    line = ("Belarus let Russia use its airfields. " * 27_000).strip().encode()
    assert len(line) > 1_000_000

    accepted = _only_article(read_bytes(line, name="long.txt", settings=SETTINGS))
    refused = read_bytes(line, name="long.txt", settings=Settings(max_bytes=500_000))

    assert accepted.text.encode() == line
    assert len(refused) == 1 and isinstance(refused[0], Rejected)
    assert refused[0].reason.startswith("too large: 1")


def test_directory_walk_is_sorted_and_skips_hidden_files_and_readmes(tmp_path: Path) -> None:
    skipped = [".git/x.txt", ".hidden.txt", "README.md", "a/readme.txt"]
    for relative in ["b.txt", "a/z.md", "a/c.txt", "a/b/d.txt", *skipped]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{relative} says Russia sent shells.")

    ids = [r.id for r in read_sources([str(tmp_path)], SETTINGS) if isinstance(r, Article)]

    assert ids == ["d", "c", "z", "b"]
    readme = _only_article(list(read_sources([str(tmp_path / "README.md")], SETTINGS)))
    assert readme.id == "README"


def test_sources_keep_their_order_and_mix_kinds(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Iran sent drones to Russia.")
    (tmp_path / "two.txt").write_text("Armenia left the CSTO summit.")

    results = list(read_sources(
        [str(tmp_path / "two.txt"), "gopher://old.example/x", "", str(tmp_path / "one.txt")],
        SETTINGS,
    ))

    assert [type(r).__name__ for r in results] == ["Article", "Rejected", "Rejected", "Article"]
    assert results[1] == Rejected("gopher://old.example/x",
                                  "refused scheme 'gopher': only http and https URLs are fetched")
    assert results[2] == Rejected("''", "empty path")


def test_article_from_text_normalises_and_derives_a_stable_id() -> None:
    first = article_from_text("  Iran sent drones.\r\n", source="pasted text")
    second = article_from_text("Iran sent drones.", source="pasted text")
    other = article_from_text("Iran sent shells.", source="pasted text")

    assert first.text == "Iran sent drones."
    assert first.id == second.id
    assert first.id.startswith("pasted-text-")
    assert other.id != first.id


def test_article_from_text_takes_metadata_and_an_explicit_id() -> None:
    article = article_from_text(BODY, source="form", id="mine", title="T", published="2024-01-31",
                                url="https://news.example/t")

    assert (article.id, article.title, article.published) == ("mine", "T", date(2024, 1, 31))
    assert article.url == "https://news.example/t"


@pytest.mark.parametrize("text", ["", "   \n\t ", "\r\n\r\n"])
def test_article_from_empty_text_raises(text: str) -> None:
    with pytest.raises(InputError, match=r"^form: empty"):
        article_from_text(text, source="form")


def test_article_from_text_with_a_bad_published_date_raises() -> None:
    with pytest.raises(InputError, match="published: 'soon' is not a date"):
        article_from_text(BODY, source="form", published="soon")


def test_read_sources_streams_one_source_at_a_time(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Iran sent drones to Russia.")
    results = read_sources(iter([str(first), str(second)]), SETTINGS)

    assert isinstance(next(results), Article)
    second.write_text("Armenia left the CSTO summit.")  # written only after the first is read
    assert isinstance(next(results), Article)
