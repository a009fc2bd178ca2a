"""Parse publication dates as sources write them.

Feeds use RFC 822 ("Wed, 10 May 2023 14:00:00 +0200"), APIs use ISO 8601,
and text headers use the language's own forms ("10. Mai 2023",
"10.05.2023", "May 10, 2023"). Month and weekday names come from CLDR (via
babel) and the date shapes from the language tables, so no month name is
typed here.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from functools import cache

from lagebild.ingest.langdata import (
    languages_for,
    month_numbers,
    signature_tables,
    weekday_names,
)

__all__ = ["date_line_patterns", "parse_published"]

# ISO 8601 is the same in every language: "2023-05-10", "2023-05-10T14:00:00Z".
_ISO_EXPRESSION = (
    r"(?P<year>\d{4})-(?P<month_num>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_HAS_TIME_RE = re.compile(r"\d{1,2}:\d{2}")

DateValue = dt.date | dt.datetime


def parse_published(value: object, *, language: str | None = None) -> DateValue | None:
    """Return ``value`` as a date, or a datetime when it gives a time; ``None`` if unreadable.

    Accepts dates and datetimes as they are, ``time.struct_time`` (as
    feedparser gives), Unix timestamps, ISO 8601, RFC 822 and the written
    forms of ``language`` (of every supported language when ``None``). A
    string holding more than a date ("Mittwoch, 10. Mai 2023 – Politik") is
    searched for the first date in it.
    """
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.datetime(*value[:6], tzinfo=dt.UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = " ".join(value.split())
    return _parse_iso(text) or _parse_rfc822(text) or _parse_written(text, language=language)


def date_line_patterns(code: str) -> tuple[re.Pattern[str], ...]:
    """Compiled whole-line date patterns of language ``code`` (see its ``DATE_LINES``)."""
    return _compiled_date_lines(code)


def match_to_date(match: re.Match[str], *, code: str | None) -> DateValue | None:
    """Build the date (or datetime) that a date expression ``match`` captured."""
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        day = int(groups["day"])
        if groups.get("month_num"):
            month = int(groups["month_num"])
        else:
            month = _month_number(groups["month"], code=code)
            if month is None:
                return None
        date = dt.date(year, month, day)
        if not groups.get("hour"):
            return date
        hour = int(groups["hour"])
        meridiem = (groups.get("meridiem") or "").lower().replace(".", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        second = int(groups.get("second") or 0)
        return dt.datetime(
            year, month, day, hour, int(groups["minute"]), second, tzinfo=_tzinfo(groups.get("tz"))
        )
    except (ValueError, TypeError):
        return None


def _month_number(name: str, *, code: str | None) -> int | None:
    key = name.rstrip(".").lower()
    codes = (code,) if code else languages_for(None)
    for each in codes:
        number = month_numbers(each).get(key)
        if number:
            return number
    return None


def _tzinfo(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return dt.timezone(sign * offset)


def _parse_iso(text: str) -> DateValue | None:
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if _HAS_TIME_RE.search(text) else parsed.date()


def _parse_rfc822(text: str) -> DateValue | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_written(text: str, *, language: str | None) -> DateValue | None:
    for code in languages_for(language):
        for pattern in _compiled_expressions(code):
            match = pattern.search(text)
            if match:
                return match_to_date(match, code=code)
    return None


def _month_alternation(code: str) -> str:
    names = sorted(month_numbers(code), key=lambda n: (-len(n), n))
    return "|".join(re.escape(n) for n in names)


def _date_expressions(code: str) -> tuple[str, ...]:
    """Date expressions of ``code`` with their optional time, ISO first."""
    tables = signature_tables(code)
    months = _month_alternation(code)
    time_part = f"(?:{tables.TIME_EXPRESSION})?"
    expressions = [_ISO_EXPRESSION]
    expressions += [e.replace("{month}", months) + time_part for e in tables.DATE_EXPRESSIONS]
    return tuple(expressions)


@cache
def _compiled_expressions(code: str) -> tuple[re.Pattern[str], ...]:
    # \b keeps "110.05.2023" or "Mai 20234" from yielding a date.
    return tuple(
        re.compile(rf"(?<![\w.]){e}(?!\w)", re.IGNORECASE) for e in _date_expressions(code)
    )


@cache
def _compiled_date_lines(code: str) -> tuple[re.Pattern[str], ...]:
    weekdays = "|".join(re.escape(n) for n in weekday_names(code))
    patterns = []
    for line in signature_tables(code).DATE_LINES:
        for expression in _date_expressions(code):
            source = line.replace("{weekday}", f"(?:{weekdays})\\.?").replace("{date}", expression)
            patterns.append(re.compile(source, re.IGNORECASE))
    return tuple(patterns)
