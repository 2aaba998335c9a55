"""HTML pages to articles through trafilatura, with guards against pathological markup.

trafilatura spends about a quarter of a millisecond per element, so a page is parsed once with
lxml (fast, and libxml2 stops nesting at 256 levels) and refused before extraction when it is
nested implausibly deep or has more elements or text than any news page; then the extracted
text loses the furniture lines trafilatura keeps when a site puts them inside the article body.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from coalition.errors import InputError
from coalition.ingest._text import article_from_text
from coalition.models import Article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# News pages nest 10-40 levels and hold a few thousand elements; libxml2 caps nesting at 256.
MAX_DEPTH = 200
MAX_ELEMENTS = 25_000
# Extraction time grows with the text too (about 0.6 s a million characters); articles are far
# shorter than this.
MAX_TEXT = 2_000_000
# Fewer words than a sentence is a leftover menu item or caption, not an article.
MIN_WORDS = 5
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
# Whole lines that are page furniture, whatever the site.
_FURNITURE = re.compile(
    r"(connect with us|follow us( on .{1,30})?|hi, what are you looking for\??|search( for)?:?"
    r"|share( this( article| story| post)?)?:?|advertisement|subscribe( to our newsletter)?"
    r"|sign up for our newsletter|read more|related( articles| stories)?|you may also like)[.!:]?",
    re.I,
)
# Short lines that credit an image rather than report anything.
_CREDIT = re.compile(r"(image|photo|picture)\s+credits?\s*:|^(photo|image|credit)s?\s*:", re.I)
_CREDIT_MAX = 200
# A line that starts the author's biography: it and everything after it are dropped.
_BIO = re.compile(r"(written by|about the author|author expertise and experience)[.:]?", re.I)
_SPACES = re.compile(r"\s+")
_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "section", "article", "table", "tr", "pre", "figure", "figcaption", "header", "footer"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(html: str, *, source: str, id: str) -> Article:
    """The main text and metadata (title, date, author, site, canonical URL) of an HTML page.

    Args:
        html: the decoded page.
        source: where it came from, named in errors.
        id: the document id.

    Returns:
        The article.

    Raises:
        InputError: unparseable, too deep, too large, or no article text in it.
    """
    import trafilatura
    from trafilatura.settings import Document, set_date_params

    tree = _parse(html, source)
    try:
        doc = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=set_date_params(False),
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(source, f"HTML extraction failed ({type(exc).__name__})") from None
    if not isinstance(doc, Document):
        raise InputError(source, "no article text found in the HTML page")
    text = _drop_furniture(doc.text or "")
    if len(text.split()) < MIN_WORDS:
        raise InputError(source, "no article text found in the HTML page")
    return article_from_text(
        text, source=source, id=id, url=_http(doc.url), title=doc.title or None,
        published=_date(doc.date), author=doc.author or None, site=doc.sitename or None,
    )


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content), a blank line after each block."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    etree.strip_elements(root, "script", "style", with_tail=False)
    for element in root.iter():
        # Source white space means nothing in HTML; only the breaks added here do.
        element.text = _SPACES.sub(" ", element.text) if element.text else element.text
        tail = _SPACES.sub(" ", element.tail) if element.tail else ""
        if element.tag == "br":
            tail = "\n" + tail
        elif element.tag in _BLOCKS:
            tail = "\n\n" + tail
        element.tail = tail
    return "\n".join(line.strip() for line in str(root.text_content()).split("\n"))


def _parse(html: str, source: str) -> HtmlElement:
    from lxml import etree
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise InputError(source, f"not parseable as HTML ({type(exc).__name__})") from None
    if tree is None:
        raise InputError(source, "not parseable as HTML")
    etree.strip_elements(tree, "svg", with_tail=False)
    deepest, elements, chars = _measure(tree)
    if deepest > MAX_DEPTH:
        raise InputError(source, f"HTML nested more than {MAX_DEPTH} levels deep; not an article")
    if elements > MAX_ELEMENTS:
        raise InputError(source, f"HTML has {elements} elements, over the {MAX_ELEMENTS} limit")
    if chars > MAX_TEXT:
        raise InputError(source, f"HTML has {chars} characters of text, over the {MAX_TEXT} limit")
    return tree


def _measure(tree: HtmlElement) -> tuple[int, int, int]:
    """Deepest nesting, number of elements and characters of text outside scripts and styles."""
    from lxml import etree

    depth = deepest = elements = chars = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            elements += 1
            deepest = max(deepest, depth)
            if element.tag not in ("script", "style"):
                chars += len(element.text or "")
        else:
            depth -= 1
            chars += len(element.tail or "")
    return deepest, elements, chars


def _drop_furniture(text: str) -> str:
    kept: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if _BIO.fullmatch(stripped):
            break
        if not stripped or _FURNITURE.fullmatch(stripped):
            continue
        if len(stripped) <= _CREDIT_MAX and _CREDIT.search(stripped):
            continue
        kept.append(stripped)
    # trafilatura puts one paragraph or heading per line; extraction wants blank lines between.
    return "\n\n".join(kept)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _http(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None
