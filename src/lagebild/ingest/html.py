"""Read HTML pages: the article text and metadata, without menus and footers.

trafilatura finds the main text and reads title, date, author and site name
from the page's metadata. When it finds no main text (very short pages,
fragments), the visible text of the whole page is used, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lagebild.errors import ErrorCode, InputError
from lagebild.ingest.base import IngestOptions, RawDocument
from lagebild.ingest.dates import parse_published
from lagebild.ingest.encoding import Decoded

__all__ = ["html_to_text", "read_html"]

_LANG_RE = re.compile(
    r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE
)
_XML_DECLARATION_RE = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Elements that start a new paragraph or line in the visible text.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
_LINE_TAGS = frozenset({"br", "td", "th"})
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_PAGE_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})


def read_html(decoded: Decoded, *, source: str, options: IngestOptions) -> Iterator[RawDocument]:
    """Yield the one article an HTML page holds."""
    from trafilatura import bare_extraction

    markup = _XML_DECLARATION_RE.sub("", decoded.text, count=1)
    warnings: list[str] = []
    result = bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=True
    )
    text = (_field(result, "text") or "").strip()
    if not text:
        text = html_to_text(markup, drop=_INVISIBLE_TAGS | _PAGE_FURNITURE_TAGS)
        if text:
            warnings.append("no main article text found; used the whole page text")
    if not text:
        raise InputError(ErrorCode.E004, path=source)
    published = None
    raw_date = _field(result, "date")
    if raw_date:
        published = parse_published(raw_date)
    language = _LANG_RE.search(decoded.text[:4096])
    yield RawDocument(
        text=text,
        source=source,
        title=_field(result, "title"),
        url=_field(result, "url"),
        published=published,
        outlet=_field(result, "sitename"),
        language=language.group(1) if language else None,
        author=_field(result, "author"),
        warnings=warnings,
    )


def _field(result: object, name: str) -> str | None:
    """A field of trafilatura's result: a ``Document`` in 2.x, a dict in 1.x."""
    value = result.get(name) if isinstance(result, dict) else getattr(result, name, None)
    return value if isinstance(value, str) and value.strip() else None


def html_to_text(markup: str, *, drop: frozenset[str] = _INVISIBLE_TAGS) -> str:
    """The visible text of an HTML page or fragment, one paragraph per block element.

    Used for feed entries (whose content is a fragment too small for
    trafilatura) and as the fallback for pages without a main text.
    """
    import lxml.etree
    import lxml.html

    if not markup.strip():
        return ""
    try:
        root = lxml.html.fromstring(
            f"<div>{markup}</div>" if "<html" not in markup[:2048].lower() else markup
        )
    except (lxml.etree.ParserError, ValueError):
        return ""
    pieces: list[str] = []
    _collect(root, pieces, drop=drop)
    text = "".join(pieces)
    text = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _collect(element: object, pieces: list[str], *, drop: frozenset[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None  # comments have no str tag
    tail = _spaces(element.tail) if element.tail else ""
    if tag is None or tag.lower() in drop:
        pieces.append(tail)
        return
    tag = tag.lower()
    block = tag in _BLOCK_TAGS
    if block:
        pieces.append("\n\n")
    if element.text:
        pieces.append(_spaces(element.text))
    for child in element:
        _collect(child, pieces, drop=drop)
    if block:
        pieces.append("\n\n")
    elif tag in _LINE_TAGS:
        pieces.append("\n")
    pieces.append(tail)


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)
