"""Read plain text and Markdown files.

A text may start with a header giving its metadata, either YAML front matter
between ``---`` lines or plain ``key: value`` lines followed by a blank line::

    title: Außenminister reist nach Peking
    published: 2024-03-05
    outlet: Tagesblatt

Without a header title, the first non-empty line is the title. The text keeps
that line (only a header is removed), so character offsets computed later
point into the text exactly as the reader returns it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lagebild.errors import ErrorCode, InputError
from lagebild.ingest.base import IngestOptions, RawDocument
from lagebild.ingest.dates import parse_published
from lagebild.ingest.encoding import Decoded

__all__ = ["read_text", "split_header", "title_from_text"]

# Header keys (a file-format convention, like YAML front matter) -> document field.
HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "language": "language",
    "lang": "language",
    "author": "author",
}
_KEY_LINE_RE = re.compile(
    r"(?P<key>" + "|".join(HEADER_KEYS) + r")[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$", re.IGNORECASE
)
_FRONT_MATTER_RE = re.compile(
    r"\A---[ \t]*\r?\n(?P<body>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE
)
_MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+|\s+#+\s*$")
# A first line longer than this is a paragraph, not a headline (headlines
# rarely exceed 150 characters; 250 leaves room for long wire headlines).
MAX_TITLE_CHARS = 250


@dataclass(slots=True)
class Header:
    """Metadata read from a text header, and the text after it."""

    fields: dict[str, object] = field(default_factory=dict)
    body: str = ""
    warnings: list[str] = field(default_factory=list)


def read_text(decoded: Decoded, *, source: str, options: IngestOptions) -> Iterator[RawDocument]:
    """Yield the one document a text or Markdown file holds."""
    header = split_header(decoded.text)
    if not header.body.strip():
        raise InputError(ErrorCode.E004, path=source)
    fields = header.fields
    warnings = list(header.warnings)
    published = None
    if fields.get("published") is not None:
        published = parse_published(fields["published"])
        if published is None:
            warnings.append(f"could not read the date {fields['published']!r}")
    yield RawDocument(
        text=header.body,
        source=source,
        title=_text_or_none(fields.get("title")) or title_from_text(header.body),
        url=_text_or_none(fields.get("url")),
        published=published,
        outlet=_text_or_none(fields.get("outlet")),
        language=_text_or_none(fields.get("language")),
        author=_text_or_none(fields.get("author")),
        warnings=warnings,
    )


def split_header(text: str) -> Header:
    """Separate a metadata header (YAML front matter or ``key: value`` lines) from the text."""
    front = _FRONT_MATTER_RE.match(text)
    if front:
        return _yaml_header(front.group("body"), body=text[front.end() :])
    lines = text.splitlines(keepends=True)
    fields: dict[str, object] = {}
    consumed = 0
    for line in lines:
        match = _KEY_LINE_RE.match(line.strip())
        if not match:
            break
        fields.setdefault(HEADER_KEYS[match["key"].lower()], match["value"])
        consumed += 1
    ends_block = consumed == len(lines) or not lines[consumed].strip()
    # One "key: value" line only counts when a blank line closes it, so a text
    # that merely starts "Title: ..." in running prose is left alone.
    if not fields or (consumed < 2 and not ends_block):
        return Header(body=text)
    offset = sum(len(line) for line in lines[:consumed])
    return Header(fields=fields, body=text[offset:].lstrip("\r\n"))


def title_from_text(text: str) -> str | None:
    """The first non-empty line, without Markdown heading marks; ``None`` if it is a paragraph."""
    for line in text.splitlines():
        title = _MARKDOWN_HEADING_RE.sub("", line.strip()).strip()
        if title:
            return title if len(title) <= MAX_TITLE_CHARS else None
    return None


def _yaml_header(block: str, *, body: str) -> Header:
    import yaml

    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        reason = str(exc).splitlines()[0]
        return Header(body=body, warnings=[f"front matter is not valid YAML ({reason}); ignored"])
    if not isinstance(loaded, dict):
        return Header(body=body, warnings=["front matter is not a mapping of keys; ignored"])
    fields: dict[str, object] = {}
    for key, value in loaded.items():
        name = HEADER_KEYS.get(str(key).lower())
        if name and value is not None:
            fields.setdefault(name, value)
    return Header(fields=fields, body=body.lstrip("\r\n"))


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value).strip()
    return text or None
