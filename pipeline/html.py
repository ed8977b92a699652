"""HTML input: markup -> article text + the page's own metadata.

Uses selectolax (the lexbor HTML5 parser): fast, small, and it parses broken
markup the way browsers do. The article text is the text of the page's
``<article>`` (the longest one), else ``<main>``, else ``<body>``, with page
furniture dropped (``nav``, ``header``, ``footer``, ``aside``, ``form``,
scripts and styles). Block elements (``p``, ``h1``-``h6``, ``li``, ...) become
paragraphs separated by a blank line; ``<br>`` becomes a line break; runs of
HTML white space inside a paragraph become one space (a no-break space stays,
as it may sit inside a number: ``1&nbsp;234``).

Metadata read from the page, used when no sidecar gives it: ``title`` from
``og:title``, else the first ``<h1>``, else ``<title>``; ``publisher`` from
``og:site_name``; ``url`` from ``og:url`` or ``<link rel=canonical>``;
``published`` from ``article:published_time`` (or ``<time datetime>``), kept only
when it is a valid date.

Pure: no I/O, never raises on any ``str``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.record import DATE_YEARS

# Markup that marks a whole text as an HTML page, and tags common in article markup.
_PAGE_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_COMMON_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|body|head|article|section|ul|ol|li|table|"
                         r"tr|td|em|strong|b|i|img|meta|link|script|style|title)\b[^<>]*>", re.IGNORECASE)
_MIN_TAGS = 3

_DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                 "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "head")
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "body", "html",
})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_PARAGRAPH = "\n\n"


@dataclass(frozen=True)
class HtmlPage:
    """The text and metadata read from one HTML page."""

    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is clearly an HTML page or fragment rather than prose.

    True when it starts with ``<!DOCTYPE html>`` or ``<html>``, or starts with a
    tag and holds at least three common HTML tags.

    >>> looks_like_html("<!doctype html><p>Hi"), looks_like_html("<p>Sales</p><p>rose</p><br>")
    (True, True)
    >>> looks_like_html("Use <b> for bold."), looks_like_html("a < b and c > d")
    (False, False)
    """
    if _PAGE_START.match(text):
        return True
    head = text.lstrip()[:1]
    return head == "<" and len(_COMMON_TAG.findall(text, 0, 200_000)) >= _MIN_TAGS


def html_to_text(markup: str) -> HtmlPage:
    """Extract the article text and metadata from an HTML page.

    >>> page = html_to_text("<html><head><title>T - Site</title></head><body><nav>Menu</nav>"
    ...                     "<article><h1>Head</h1><p>Sales rose <b>5</b>&nbsp;percent.</p></article>"
    ...                     "</body></html>")
    >>> page.text, page.title
    ('Head\\n\\nSales rose 5\\xa0percent.', 'Head')
    """
    tree = LexborHTMLParser(markup)
    meta = _metadata(tree)
    for tag in _DROPPED_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = _content_root(tree)
    text = _block_text(root) if root is not None else ""
    return HtmlPage(text=text, **meta)


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda n: len(n.text(deep=True) or ""))
    return tree.css_first("main") or tree.css_first("[role=main]") or tree.body or tree.root


def _block_text(root: LexborNode) -> str:
    """Text of ``root`` with block elements as paragraphs (iterative: deep markup is fine)."""
    parts: list[str] = []
    stack: list[LexborNode | str] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):  # a block's end marker
            parts.append(item)
            continue
        if item.is_text_node:
            parts.append(_HTML_SPACE.sub(" ", item.text_content or ""))
            continue
        tag = item.tag or ""
        if tag == "br":
            parts.append("\n")
            continue
        if tag in _BLOCK_TAGS:
            parts.append(_PARAGRAPH)
            stack.append(_PARAGRAPH)
        children = list(item.iter(include_text=True))
        stack.extend(reversed(children))
    lines = [line.strip(" ") for line in "".join(parts).split("\n")]
    return _BLANK_LINES.sub(_PARAGRAPH, "\n".join(lines)).strip()


def _metadata(tree: LexborHTMLParser) -> dict[str, str | None]:
    def meta(*selectors: str) -> str | None:
        for selector in selectors:
            node = tree.css_first(selector)
            value = node.attributes.get("content") if node is not None else None
            if value and value.strip():
                return _HTML_SPACE.sub(" ", value).strip()
        return None

    def element_text(selector: str) -> str | None:
        node = tree.css_first(selector)
        value = _HTML_SPACE.sub(" ", node.text(deep=True) or "").strip() if node is not None else ""
        return value or None

    canonical = tree.css_first("link[rel=canonical]")
    time_node = tree.css_first("time[datetime]")
    published = meta('meta[property="article:published_time"]', 'meta[name="date"]',
                     'meta[itemprop="datePublished"]')
    if published is None and time_node is not None:
        published = time_node.attributes.get("datetime")
    return {
        "title": meta('meta[property="og:title"]', 'meta[name="twitter:title"]')
        or element_text("h1") or element_text("title"),
        "publisher": meta('meta[property="og:site_name"]'),
        "url": meta('meta[property="og:url"]') or (canonical.attributes.get("href") if canonical else None),
        "published": _iso_date(published),
    }


def _iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or datetime; None when it is not a valid date."""
    if not value:
        return None
    try:
        date = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    return date.isoformat() if date.year in DATE_YEARS else None
