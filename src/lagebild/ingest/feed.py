"""Read RSS and Atom feeds: one document per entry.

feedparser reads the feed leniently; an entry's full content is preferred to
its summary, HTML in either is turned into text, and the feed's title is the
outlet. A feed that is not well-formed but still yields entries is read with
a warning on each document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping

from lagebild.errors import ErrorCode, InputError
from lagebild.ingest.base import IngestOptions, InputFailure, RawDocument
from lagebild.ingest.dates import parse_published
from lagebild.ingest.encoding import Decoded
from lagebild.ingest.html import html_to_text

__all__ = ["read_feed"]

# The text was decoded already; its declaration must not make feedparser
# decode the UTF-8 we hand over as another charset.
_ENCODING_DECL_RE = re.compile(r"""(\A\s*<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2""")
_TAG_RE = re.compile(r"<[a-zA-Z/!][^>]*>")


def read_feed(
    decoded: Decoded, *, source: str, options: IngestOptions
) -> Iterator[RawDocument | InputFailure]:
    """Yield one document (or failure) per feed entry, named ``feed.xml#N``."""
    import feedparser

    xml = _ENCODING_DECL_RE.sub(r'\1"utf-8"', decoded.text, count=1)
    # A stream, not a string: feedparser would treat a string as a URL or file name.
    parsed = feedparser.parse(io.BytesIO(xml.encode("utf-8")))
    if not parsed.get("version") and not parsed.entries:
        reason = _bozo_reason(parsed) or "no RSS or Atom elements found"
        raise InputError(ErrorCode.E006, kind="feed", path=source, reason=reason)
    if not parsed.entries:
        raise InputError(ErrorCode.E004, path=source)
    warnings = []
    if parsed.get("bozo"):
        warnings.append(f"feed is not well-formed ({_bozo_reason(parsed)}); read leniently")
    channel = parsed.get("feed", {})
    outlet = _plain(channel.get("title"), channel.get("title_detail"))
    for number, entry in enumerate(parsed.entries, start=1):
        entry_source = f"{source}#{number}"
        text = _entry_text(entry)
        if not text:
            yield InputFailure.from_error(
                entry_source, InputError(ErrorCode.E004, path=entry_source)
            )
            continue
        yield RawDocument(
            text=text,
            source=entry_source,
            title=_plain(entry.get("title"), entry.get("title_detail")),
            url=entry.get("link") or None,
            published=_entry_date(entry),
            outlet=outlet,
            language=_entry_language(entry) or channel.get("language") or None,
            author=entry.get("author") or None,
            warnings=list(warnings),
        )


def _entry_text(entry: Mapping[str, object]) -> str:
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    detail = max(candidates, key=lambda c: len(c["value"])) if candidates else None
    if detail is None and entry.get("summary"):
        detail = entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}
    if detail is None:
        return ""
    return _plain(detail.get("value"), detail) or ""


def _plain(value: object, detail: Mapping[str, object] | None) -> str | None:
    """Text of a feed field, converting HTML when the feed marks it so or it holds tags."""
    if not isinstance(value, str) or not value.strip():
        return None
    kind = str((detail or {}).get("type") or "")
    if "html" in kind or _TAG_RE.search(value):
        return html_to_text(value) or None
    return value.strip()


def _entry_date(entry: Mapping[str, object]) -> object:
    for key in ("published", "updated", "created"):
        value = parse_published(entry.get(key))
        if value is not None:
            return value
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return parse_published(parsed)
    return None


def _entry_language(entry: Mapping[str, object]) -> str | None:
    for content in entry.get("content") or []:
        if content.get("language"):
            return content["language"]
    return None


def _bozo_reason(parsed: Mapping[str, object]) -> str:
    exc = parsed.get("bozo_exception")
    return str(getattr(exc, "getMessage", lambda: exc)()) if exc else ""
