"""The record every reader yields, before cleaning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from lagebild.errors import ErrorCode, LagebildError, UsageError


@dataclass(slots=True)
class RawDocument:
    """A document as read from its source, not yet cleaned or analysed.

    ``source`` names where it came from (a path, ``archive.zip!member.txt``,
    ``feed.xml#3``, ``<stdin>``) so that every message about it can say which
    input is meant. ``inferred`` lists metadata fields guessed from the text.
    """

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    outlet: str | None = None
    language: str | None = None
    author: str | None = None
    inferred: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input (or one record inside it) that could not be read.

    ``reason`` is one complete sentence that names the input, ready to be
    shown as is; ``code`` is the ``ErrorCode`` name (``"E004"``).
    """

    source: str
    reason: str
    code: str

    @classmethod
    def from_error(cls, source: str, error: LagebildError) -> InputFailure:
        """Turn a raised ``InputError`` into the failure record yielded to the caller."""
        return cls(
            source=source, reason=error.code.value.format(**error.fields), code=error.code.name
        )

    def __str__(self) -> str:
        return f"[{self.code}] {self.reason}"


# 20 MiB: far above any single news article or daily feed dump, low enough
# that an accidental video or database file is refused before it fills memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# For each document field, the JSON keys that may hold it, first present wins.
# A dotted key ("source.name") looks inside a nested object, as news APIs nest
# the outlet. The defaults cover common scraper and news-API exports.
DEFAULT_JSON_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "text": ("text", "content", "body", "maintext", "article", "full_text"),
        "title": ("title", "headline"),
        "url": ("url", "link", "source_url", "href"),
        "published": (
            "published",
            "date",
            "published_at",
            "publishedAt",
            "date_publish",
            "pubDate",
            "datePublished",
            "time",
        ),
        "outlet": ("outlet", "source.name", "source", "sitename", "site_name", "publisher"),
        "language": ("language", "lang"),
        "author": ("author", "authors", "byline"),
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How inputs are read.

    ``json_fields`` overrides the keys looked up for some fields, e.g.
    ``{"text": "body"}`` or ``{"published": ("datum", "date")}``; fields not
    named keep their defaults. ``language`` is the language given to
    documents whose source does not state one. ``infer_metadata`` fills a
    missing outlet or date from signature lines in the text.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    json_fields: Mapping[str, str | Sequence[str]] = field(default_factory=dict)
    language: str | None = None
    infer_metadata: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.max_bytes, int) or self.max_bytes <= 0:
            raise UsageError(ErrorCode.E013, name="max_bytes", reason="must be a positive integer")
        unknown = set(self.json_fields) - set(DEFAULT_JSON_FIELDS)
        if unknown:
            raise UsageError(
                ErrorCode.E013,
                name="json_fields",
                reason=f"unknown field(s) {', '.join(sorted(unknown))} "
                f"(known: {', '.join(DEFAULT_JSON_FIELDS)})",
            )

    def json_keys(self, name: str) -> tuple[str, ...]:
        """The JSON keys searched for document field ``name``."""
        keys = self.json_fields.get(name, DEFAULT_JSON_FIELDS[name])
        return (keys,) if isinstance(keys, str) else tuple(keys)
