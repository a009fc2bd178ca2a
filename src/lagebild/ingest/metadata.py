"""Fill in a document's missing outlet and date from how the text signs itself.

News texts copied from web pages often carry their metadata as lines of
text: a date line under the headline ("von | 10. Mai 2023"), an editorial
signature or copyright line at the end ("Tagesblatt-Redaktion", "© 2023
Tagesblatt"), a source line ("Quelle: Antiwar.com"). The patterns are language
data (``lang/<code>/signatures.py``); a field filled here is named in
``RawDocument.inferred`` so that users can tell a guess from a stated value.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from urllib.parse import urlsplit

from lagebild.ingest.base import RawDocument
from lagebild.ingest.dates import date_line_patterns, match_to_date
from lagebild.ingest.langdata import languages_for, signature_tables

__all__ = ["infer_metadata"]

# Date lines sit under the headline: within the first 8 non-empty lines
# (category label, headline, teaser, byline, date).
HEAD_LINES = 8
# Signatures sit at the very end, but boilerplate (newsletter boxes, share
# prompts, author blurbs) often follows: look at the last 25 non-empty lines.
TAIL_LINES = 25
# Signature lines are short; a longer line is prose and is not matched.
MAX_SIGNATURE_CHARS = 120
# Leading "www." is not part of a site's name.
_HOST_PREFIX_RE = re.compile(r"^www\d*\.")


def infer_metadata(doc: RawDocument) -> RawDocument:
    """Return ``doc`` with a missing outlet and publication date inferred where possible."""
    if doc.outlet and doc.published:
        return doc
    lines = [line.strip() for line in doc.text.splitlines()]
    lines = [line for line in lines if line and len(line) <= MAX_SIGNATURE_CHARS]
    codes = languages_for(doc.language)
    changes: dict[str, object] = {}
    if not doc.published:
        published = _date_from_head(lines[:HEAD_LINES], codes)
        if published is not None:
            changes["published"] = published
    if not doc.outlet:
        outlet = _outlet_from_tail(lines[-TAIL_LINES:], codes) or _outlet_from_url(doc.url)
        if outlet:
            changes["outlet"] = outlet
    if not changes:
        return doc
    inferred = list(doc.inferred) + [name for name in changes if name not in doc.inferred]
    return dataclasses.replace(doc, **changes, inferred=inferred, warnings=list(doc.warnings))


def _date_from_head(lines: list[str], codes: tuple[str, ...]) -> object:
    for line in lines:
        for code in codes:
            for pattern in date_line_patterns(code):
                match = pattern.fullmatch(line)
                if match:
                    value = match_to_date(match, code=code)
                    if value is not None:
                        return value
    return None


def _outlet_from_tail(lines: list[str], codes: tuple[str, ...]) -> str | None:
    for code in codes:
        for pattern in _outlet_patterns(code):  # most telling pattern first
            for line in reversed(lines):  # the signature closest to the end wins
                match = pattern.fullmatch(line)
                if match:
                    return match["outlet"].strip(" .-")
    return None


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return _HOST_PREFIX_RE.sub("", host) if host else None


@cache
def _outlet_patterns(code: str) -> tuple[re.Pattern[str], ...]:
    tables = signature_tables(code)
    return tuple(
        re.compile(line.replace("{outlet}", tables.OUTLET_NAME)) for line in tables.OUTLET_LINES
    )
