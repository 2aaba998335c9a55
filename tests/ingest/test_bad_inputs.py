"""The bad-input corpus: each file on disk yields exactly one Rejected with a useful reason, and
good files read in the same batch still become articles."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from coalition.ingest import read_sources
from coalition.models import Article, Rejected
from coalition.settings import Settings

SETTINGS = Settings()
GOOD_TEXT = "Kazakhstan refused to send troops to help Russia in Ukraine.\n"


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _sparse(size: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with path.open("wb") as handle:
            handle.write(b"Minsk said. ")
            handle.seek(size - 1)
            handle.write(b"\n")

    return build


def _nested(depth: int) -> bytes:
    page = f"<html><body>{'<div>' * depth}<p>{GOOD_TEXT * 5}</p>{'</div>' * depth}</body></html>"
    return page.encode()


def _many_elements(count: int) -> bytes:
    paragraphs = "<p>Armenia asked Russia for help.</p>" * count
    return f"<html><body>{paragraphs}</body></html>".encode()


def _rss(items: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>").encode()


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + b"".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">'.encode() for i in range(1, 10))
    + b']><rss version="2.0"><channel><title>t</title><item><description>&lol9;'
    b"</description></item></channel></rss>"
)
EXTERNAL_ENTITY = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b'<rss version="2.0"><channel><title>t</title><item><description>&x;'
                   b"</description></item></channel></rss>")


def _jsonl(*rows: object) -> bytes:
    return "\n".join(json.dumps(r) for r in rows).encode()


def _front(block: str) -> bytes:
    return f"---\n{block}\n---\n{GOOD_TEXT}".encode()


# 352 bytes of YAML whose title, written out, is 9**9 strings.
ALIAS_BOMB = "\n".join(
    [f'a0: &a0 [{", ".join(["lol"] * 9)}]']
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    + ["title: *a8"]
)
# The same billion laughs, hidden from a check of the first bytes: UTF-16, or a long comment first.
LAUGHS_UTF16 = LAUGHS.decode().replace('version="1.0"', 'version="1.0" encoding="utf-16"')
LAUGHS_PADDED = LAUGHS.replace(b"?>", b"?><!--" + b" " * 70_000 + b"-->", 1)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling(path: Path) -> None:
    path.symlink_to(path.with_name("nowhere.txt"))


# (file name, how to build it, a fragment the reason must contain)
CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("empty.txt", _write(b""), "empty"),
    ("blank.txt", _write(b"   \n\t\n  \n"), "empty"),
    ("crlf-only.md", _write(b"\r\n\r\n\r\n"), "empty"),
    ("nul.txt", _write(b"Russia sent\x00 shells"), "binary"),
    ("image.txt", _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary"),
    ("controls.txt", _write(bytes(range(1, 9)) * 50 + b"text"), "binary"),
    ("mixed.txt", _write("Россия отправила ".encode() + "caf\xe9 d\xe9j\xe0".encode("latin-1")),
     "mixed encodings"),
    ("bad-bom.txt", _write(b"\xef\xbb\xbfIran \xff\xfe sent drones"), "byte-order mark"),
    ("noise.txt", _write(bytes(b | 0x80 for b in range(256)) * 12), "undecodable"),
    ("huge.txt", _sparse(50_000_000), "too large"),
    ("bomb.txt.gz", _write(gzip.compress(b" " * (SETTINGS.max_bytes + 10))), "too large"),
    ("truncated.txt.gz", _write(gzip.compress(GOOD_TEXT.encode() * 200)[:60]), "truncated gzip"),
    ("not-gzip.html.gz", _write(b"<html>plain</html>"), "not valid gzip"),
    ("empty.txt.gz", _write(gzip.compress(b"")), "empty"),
    ("report.pdf", _write(b"%PDF-1.7\n"), "unknown file type ('.pdf')"),
    ("notes", _write(GOOD_TEXT.encode()), "unknown file type (no extension)"),
    ("deep.html", _write(_nested(10_000)), "nested more than"),
    ("bomb.html", _write(_many_elements(40_000)), "elements, over the"),
    ("wall-of-text.html", _write(b"<html><body><p>" + b"Russia sent shells. " * 110_000
                                 + b"</p></body></html>"), "characters of text, over the"),
    ("furniture-only.html", _write(
        b"<html><body><nav><a href='/'>Home</a></nav><script>var a=1;</script></body></html>"),
     "no article text"),
    ("binary.html", _write(b"<html>\x00\x01\x02</html>"), "binary"),
    ("empty.htm", _write(b"\n\n"), "empty"),
    ("note.xml", _write(b"<note><to>Tove</to></note>"), "not an RSS or Atom feed"),
    ("broken.rss", _write(b"<rss><chan"), "not a valid RSS or Atom feed"),
    ("no-items.rss", _write(_rss("")), "feed has no entries"),
    ("empty.atom", _write(b""), "empty"),
    ("laughs.rss", _write(LAUGHS), "declares XML entities"),
    ("external-entity.xml", _write(EXTERNAL_ENTITY), "declares XML entities"),
    ("not-json.jsonl", _write(b"{id: 1, text: oops}"), "not valid JSON"),
    ("no-text.jsonl", _write(_jsonl({"id": "a", "title": "t"})), "no record has a 'text' field"),
    ("gold.jsonl", _write(_jsonl({"doc": "a", "actor": "IRN"}, {"doc": "a", "actor": "BLR"})),
     "not a JSON Lines file of articles"),
    ("bad-date.jsonl", _write(_jsonl({"id": "a", "text": GOOD_TEXT, "date": "last week"})),
     "field 'date' must be an ISO date"),
    ("number-id.jsonl", _write(_jsonl({"id": 7, "text": GOOD_TEXT})), "field 'id' must be"),
    ("list-url.jsonl", _write(_jsonl({"id": "a", "text": GOOD_TEXT, "url": ["x"]})),
     "field 'url' must be text"),
    ("array.jsonl", _write(b"[1, 2, 3]"), "must be a JSON object"),
    ("latin1.jsonl", _write('{"id": "a", "text": "d\xe9j\xe0"}'.encode("latin-1")), "not UTF-8"),
    ("blank.jsonl", _write(b"\n \n"), "empty"),
    ("bad-yaml.md", _write(b"---\ntitle: [unclosed\n---\n" + GOOD_TEXT.encode()),
     "front matter is not valid YAML"),
    ("list-front.md", _write(b"---\n- a\n- b\n---\n" + GOOD_TEXT.encode()), "YAML mapping"),
    ("bad-front-date.md", _write(b"---\ndate: someday\n---\n" + GOOD_TEXT.encode()),
     "date: 'someday' is not a date"),
    ("front-only.md", _write(b"---\ntitle: Nothing\n---\n\n"), "empty"),
    ("impossible-date.md", _write(_front("date: 2023-02-30")), "is not a date"),
    ("alias-bomb.md", _write(_front(ALIAS_BOMB)), "title: expected text"),
    ("deep-front.md", _write(_front("title: " + "[" * 20_000)), "nested too deeply"),
    ("huge-front.md", _write(_front("title: x\n" + "# padding\n" * 20_000)),
     "front matter over"),
    ("surrogate-title.jsonl", _write(_jsonl({"id": "s", "text": GOOD_TEXT, "title": "x\ud800"})),
     "not valid Unicode"),
    ("surrogate-id.jsonl", _write(_jsonl({"id": "s\udfff", "text": GOOD_TEXT})),
     "not valid Unicode"),
    ("deep.jsonl", _write(b'{"id": "a", "text": "t", "title": ' + b"[" * 200_000),
     "nested too deeply"),
    ("laughs-utf16.rss", _write(LAUGHS_UTF16.encode("utf-16")), "declares XML entities"),
    ("laughs-padded.rss", _write(LAUGHS_PADDED), "declares XML entities"),
    ("pipe.txt", _fifo, "not a regular file"),
    ("dangling.txt", _dangling, "no such file"),
]


def _build(folder: Path, name: str, build: Callable[[Path], None]) -> Path:
    path = folder / name
    build(path)
    return path


def _rejections(results: list[Article | Rejected], path: Path) -> list[Rejected]:
    # A JSON Lines record is named FILE:LINE.
    names = (str(path), f"{path}:")
    return [r for r in results
            if isinstance(r, Rejected) and (r.source == names[0] or r.source.startswith(names[1]))]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "build", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_rejection_with_its_reason(
    tmp_path: Path, name: str, build: Callable[[Path], None], fragment: str
) -> None:
    path = _build(tmp_path, name, build)

    results = list(read_sources([str(path)], SETTINGS))

    assert len(results) == 1, results
    rejected = results[0]
    assert isinstance(rejected, Rejected)
    assert rejected.source in (str(path), f"{path}:1")
    assert fragment in rejected.reason
    assert "\n" not in rejected.reason
    assert len(rejected.reason) < 300


def test_an_empty_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("What this folder is for.")

    assert list(read_sources([str(tmp_path)], SETTINGS)) == [
        Rejected(str(tmp_path), "no article files in the folder")
    ]


def test_good_files_in_a_bad_batch_are_still_read(tmp_path: Path) -> None:
    for name, build, _ in CASES:
        _build(tmp_path, name, build)
    (tmp_path / "good-a.txt").write_text(GOOD_TEXT)
    (tmp_path / "good-b.md").write_text("---\ntitle: B\n---\n" + GOOD_TEXT)
    missing = tmp_path / "missing.txt"

    results = list(read_sources([str(tmp_path), str(missing)], SETTINGS))

    articles = [r for r in results if isinstance(r, Article)]
    assert sorted(a.id for a in articles) == ["good-a", "good-b"]
    for name, _, fragment in CASES:
        rejections = _rejections(results, tmp_path / name)
        assert len(rejections) == 1, (name, rejections)
        assert fragment in rejections[0].reason
    assert _rejections(results, missing)[0].reason == "no such file or directory"
    assert len(results) == len(CASES) + 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD_TEXT)
    path.chmod(0)

    assert list(read_sources([str(path)], SETTINGS)) == [
        Rejected(str(path), "cannot read: permission denied")
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories whatever their mode")
def test_unreadable_directory_is_rejected_and_its_siblings_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)

    try:
        results = list(read_sources([str(tmp_path)], SETTINGS))
    finally:
        locked.chmod(0o700)

    assert [type(r).__name__ for r in results] == ["Article", "Rejected"]
    assert results[1] == Rejected(str(locked), "cannot read directory: Permission denied")


def test_an_alias_bomb_is_refused_without_writing_it_out(tmp_path: Path) -> None:
    path = _build(tmp_path, "bomb.md", _write(_front(ALIAS_BOMB)))
    tracemalloc.start()
    try:
        results = list(read_sources([str(path)], SETTINGS))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [type(r) for r in results] == [Rejected]
    # The read buffer is max_bytes (20 MB); the whole title written out would be gigabytes.
    assert peak < 30_000_000
