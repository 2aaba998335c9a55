"""RSS and Atom feeds (lenient: bad dates give no date) and JSON Lines (strict per record)."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from coalition.ingest import read_bytes, read_sources
from coalition.models import Article, Rejected
from coalition.settings import Settings

SETTINGS = Settings()

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Caucasus Wire</title><link>https://wire.example/</link>
<item>
  <title>Armenia skips CSTO summit</title>
  <link>https://wire.example/2023/11/armenia-skips-csto-summit</link>
  <pubDate>Thu, 23 Nov 2023 08:00:00 GMT</pubDate>
  <description>Short summary only.</description>
  <content:encoded><![CDATA[<p>Armenia refused to attend the CSTO summit in Minsk.</p>
  <p>Yerevan said Russia had not responded to its request for help.<br>Moscow was silent.</p>
  <script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Iran drones</title>
  <link>https://wire.example/2023/11/iran-drones</link>
  <pubDate>sometime last week</pubDate>
  <description>&lt;p&gt;Iran sent more Shahed drones to Russia, officials said.&lt;/p&gt;
  </description>
</item>
<item>
  <title>Photo of the day</title>
  <link>https://wire.example/photo</link>
  <description></description>
</item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Steppe Times</title><id>urn:steppe</id><updated>2024-02-01T00:00:00Z</updated>
  <entry>
    <title>Tokayev on Ukraine</title><id>urn:steppe:1</id>
    <updated>2024-02-01T10:00:00Z</updated><published>2024-01-31T09:00:00+06:00</published>
    <author><name>D. Reporter</name></author>
    <content type="html">&lt;p&gt;Kazakhstan will not recognise the annexations,
      Tokayev said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Bad date</title><id>urn:steppe:2</id><updated>2024-13-45T99:00:00Z</updated>
    <summary>Belarus let Russian jets use its airfields.</summary>
  </entry>
</feed>"""


def test_rss_entries_become_articles_and_an_empty_entry_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_bytes(RSS)

    first, second, third = read_sources([str(path)], SETTINGS)

    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == ("Armenia refused to attend the CSTO summit in Minsk.\n\n"
                          "Yerevan said Russia had not responded to its request for help.\n"
                          "Moscow was silent.")
    assert first.title == "Armenia skips CSTO summit"
    assert first.url == "https://wire.example/2023/11/armenia-skips-csto-summit"
    assert first.published == date(2023, 11, 23)
    assert first.site == "Caucasus Wire"
    assert first.source == f"{path}#1"
    assert first.id.startswith("armenia-skips-csto-summit-")
    assert second.text == "Iran sent more Shahed drones to Russia, officials said."
    assert second.published is None
    assert third == Rejected(f"{path}#3", "feed entry empty: no text in the input")


def test_atom_entries_with_dates_authors_and_a_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "steppe.atom"
    path.write_bytes(ATOM)

    first, second = read_sources([str(path)], SETTINGS)

    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == "Kazakhstan will not recognise the annexations, Tokayev said."
    assert first.published == date(2024, 1, 31)
    assert first.author == "D. Reporter"
    assert (first.id, second.id) == ("steppe-1", "steppe-2")
    assert second.published is None


def test_entry_ids_are_unique_for_similar_links() -> None:
    items = "".join(
        f"<item><title>t</title><link>https://wire.example/{section}/story</link>"
        f"<description>Russia sent shells to {section}.</description></item>"
        for section in ("europe", "asia")
    )
    feed = f'<rss version="2.0"><channel><title>W</title>{items}</channel></rss>'.encode()

    results = read_bytes(gzip.compress(feed), name="wire.xml.gz", settings=SETTINGS)

    ids = [r.id for r in results if isinstance(r, Article)]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert all(i.startswith("story-") for i in ids)


def _jsonl(*rows: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows).encode()


def test_jsonl_bad_records_are_named_by_line_and_the_rest_go_on() -> None:
    data = _jsonl(
        {"id": "kaz-1", "url": "https://n.example/1", "title": "One", "date": "2023-05-02",
         "text": "Kazakhstan refused to send troops."},
        {"id": "kaz-2", "title": "no text"},
        "",
        {"id": "kaz-3", "text": "Armenia asked for help.", "date": "02/05/2023"},
        "{not json",
        {"id": "kaz-1", "text": "Same id again."},
        {"id": "kaz-4", "text": "Iran sent drones.", "url": None, "date": None},
    )

    results = read_bytes(data, name="batch.jsonl", settings=SETTINGS)

    assert [type(r).__name__ for r in results] == [
        "Article", "Rejected", "Rejected", "Rejected", "Rejected", "Article"
    ]
    first = results[0]
    assert isinstance(first, Article)
    assert (first.id, first.url, first.title) == ("kaz-1", "https://n.example/1", "One")
    assert first.published == date(2023, 5, 2)
    assert first.source == "batch.jsonl:1"
    assert results[1] == Rejected("batch.jsonl:2", "missing field 'text'")
    assert results[2] == Rejected(
        "batch.jsonl:4", "field 'date' must be an ISO date (YYYY-MM-DD), got '02/05/2023'"
    )
    assert results[3].source == "batch.jsonl:5"
    assert results[4] == Rejected("batch.jsonl:6", "duplicate id 'kaz-1' (first on line 1)")
    assert isinstance(results[5], Article) and results[5].id == "kaz-4"


def test_jsonl_text_is_normalised_like_any_text() -> None:
    data = _jsonl({"id": "a", "text": "One.\r\n\r\n\r\nTwo."})

    (article,) = read_bytes(data, name="a.jsonl", settings=SETTINGS)

    assert isinstance(article, Article) and article.text == "One.\n\nTwo."
