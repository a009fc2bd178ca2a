"""Decide which reader an input needs, and run it.

The file extension decides first; without a known extension the content is
sniffed. Bytes that are not text and match no known format are refused with
one clear failure instead of being fed to a reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from lagebild.errors import ErrorCode, InputError
from lagebild.ingest.base import IngestOptions, InputFailure, RawDocument
from lagebild.ingest.encoding import declared_charset, decode

__all__ = ["KNOWN_FORMATS", "detect_format", "read_blob_documents", "sniff_format"]

Reader = Callable[..., Iterator[RawDocument | InputFailure]]

# Extension -> reader name. ".xml" is refined by sniffing (a feed or XHTML).
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".mdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
}
KNOWN_FORMATS = "text (.txt, .md), HTML, JSON / JSON Lines, RSS / Atom feeds, .zip archives"

# Magic numbers of common binary formats, so that e.g. a PDF without an
# extension is named as an unknown format rather than guessed at as text.
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"RIFF",  # WebP, WAV, AVI
    b"OggS",
    b"PK\x03\x04",  # zip-based documents (.docx, .odt, .epub) under another name
    b"\x1f\x8b",  # gzip
    b"BZh",  # bzip2
    b"\xfd7zXZ",  # xz
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\xd0\xcf\x11\xe0",  # old Office formats (.doc, .xls)
    b"\x7fELF",  # programs
    b"SQLite format 3",
)
# How much of the head is examined when sniffing markup.
_SNIFF_CHARS = 4096
# An object, or an array of objects: "[Update] Die Regierung ..." stays text.
_JSON_START_RE = re.compile(r"\{|\[\s*[{\]]")
_FEED_RE = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_MARKUP_START_RE = re.compile(r"<(?:!--|\?xml|!doctype|[a-z])", re.IGNORECASE)


def detect_format(name: str) -> str | None:
    """The reader an input's extension asks for, ``None`` when the content must decide."""
    return _EXTENSIONS.get(PurePosixPath(name).suffix.lower())


def sniff_format(text: str) -> str:
    """The reader decoded ``text`` looks like it needs: json, feed, html or text."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if _JSON_START_RE.match(head):
        return "json"
    if not _MARKUP_START_RE.match(head):
        return "text"
    feed, html = _FEED_RE.search(head), _HTML_RE.search(head)
    if feed and (not html or feed.start() < html.start()):
        return "feed"
    if html or head.lower().startswith(("<p", "<div", "<article")):
        return "html"
    return "feed" if head.startswith("<?xml") else "text"


def read_blob_documents(
    *, name: str, source: str, data: bytes, options: IngestOptions
) -> Iterator[RawDocument | InputFailure]:
    """Decode one input, pick its reader and yield what the reader yields.

    Raises:
        InputError: when the input as a whole cannot be read (binary, empty,
            unknown format, malformed); records inside it fail on their own.
    """
    fmt = detect_format(name)
    if fmt is None and data.startswith(_BINARY_MAGIC):
        raise InputError(ErrorCode.E008, path=source, known=KNOWN_FORMATS)
    try:
        decoded = decode(data, source=source, declared=declared_charset(data))
    except InputError as exc:
        if fmt is None and exc.code is ErrorCode.E005:
            raise InputError(ErrorCode.E008, path=source, known=KNOWN_FORMATS) from exc
        raise
    if fmt is None or (fmt == "feed" and name.lower().endswith(".xml")):
        fmt = sniff_format(decoded.text)
    for item in _reader(fmt)(decoded, source=source, options=options):
        if isinstance(item, RawDocument) and decoded.warnings:
            item.warnings[:0] = decoded.warnings
        yield item


def _reader(fmt: str) -> Reader:
    # Imported on demand: the HTML and feed readers pull in heavy libraries.
    if fmt == "text":
        from lagebild.ingest.text import read_text

        return read_text
    if fmt == "html":
        from lagebild.ingest.html import read_html

        return read_html
    if fmt == "json":
        from lagebild.ingest.jsonl import read_json

        return read_json
    from lagebild.ingest.feed import read_feed

    return read_feed
