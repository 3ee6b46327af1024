"""A news page's title, date, publisher, canonical URL and paragraphs, parsed with lxml as a browser would
(an omitted ``</p>`` ends its paragraph where the next block starts; scripts, styles, navigation, headers,
footers, asides and forms are no part of the text)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Page", "parse_page"]

_BLOCKS = ("p", "h1", "h2", "h3", "li", "blockquote")
_SKIP = ("script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template")
_DATE_KEYS = ("article:published_time", "date", "pubdate", "dc.date")


@dataclass(frozen=True)
class Page:
    """What a page says about itself: its heading (or ``<title>``), date text, publisher, URL, paragraphs."""

    title: str
    date: str | None
    source: str | None
    url: str | None
    paragraphs: tuple[str, ...]


def _words(text: str) -> str:
    return " ".join(text.split())


def parse_page(text: str) -> Page:
    """Parse an HTML page (already decoded).

    >>> page = parse_page("<title>T</title><p>One<p>Two<ul><li>Three</ul><script>x()</script>")
    >>> page.paragraphs
    ('One', 'Two', 'Three')
    """
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return Page(title="", date=None, source=None, url=None, paragraphs=())
    date = source = url = None
    for meta in root.iter("meta"):
        key, content = meta.get("property") or meta.get("name") or "", meta.get("content") or None
        if key in _DATE_KEYS and not date:
            date = content
        elif key == "og:site_name":
            source = content
        elif key == "og:url" and not url:
            url = content
    for link in root.iter("link"):
        if link.get("rel") == "canonical" and link.get("href"):
            url = link.get("href")
    if not date:
        date = next((t.get("datetime") for t in root.iter("time") if t.get("datetime")), None)
    title = _words(next((t.text_content() for t in root.iter("title")), ""))
    for element in list(root.iter(*_SKIP)):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the text after it
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    h1 = ""
    paragraphs = []
    for block in root.iter(*_BLOCKS):
        if any(True for _ in block.iterdescendants(*_BLOCKS)):
            continue  # the innermost blocks hold the text
        words = _words(block.text_content())
        if block.tag == "h1":
            h1 = h1 or words
        elif words:
            paragraphs.append(words)
    return Page(title=h1 or title, date=date, source=source, url=url, paragraphs=tuple(paragraphs))
