"""Find and resolve date expressions, anchored at the publication date.

Candidates come from one regular expression per language, built once from
babel's month and weekday names and the cue words in ``lang/<code>/date_cues.tsv``;
each candidate is then resolved on its own. ``dateparser.search_dates`` is not
used: it reads common words ("die", "mit") as weekday abbreviations.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import dateparser
from babel.dates import get_day_names, get_month_names

from lagebild.components.event_lexicon import read_table

#: A resolved date this long before publication is background, not news
#: ("Im Jahr 2023 wurde berichtet ..." in a 2025 article).
BACKGROUND_AFTER_DAYS = 365

#: babel locales whose names are accepted for a language (Austrian "Jänner").
_LOCALES = {"de": ("de", "de_AT"), "en": ("en",)}


class DateMention(NamedTuple):
    """A resolved date expression: the day, its character span and whether it is background."""

    date: dt.date
    start: int
    end: int
    is_background: bool


@dataclass(frozen=True, slots=True)
class _DateGrammar:
    pattern: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    cues: dict[str, dict[str, str]]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


def _alt_ci(words: list[str]) -> str:
    body = _alt(words)
    return f"(?i:{body})" if body else ""


def _lookup(table: dict[str, str], word: str | None, default: str = "") -> str:
    """Cue value of ``word``, ignoring the capital a sentence start gives it."""
    if not word:
        return default
    if word in table:
        return table[word]
    lowered = {k.lower(): v for k, v in table.items()}
    return lowered.get(word.lower(), default)


@cache
def _grammar(language: str) -> _DateGrammar:
    """The candidate pattern of ``language`` (compiled once)."""
    cues: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_table(language, "date_cues"):
        kind, word, value = [*row, "-", "-"][:3]
        if word != "-":
            cues[kind][word] = value
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for locale in _LOCALES.get(language, (language,)):
        for number, name in get_month_names("wide", locale=locale).items():
            months[name] = number
        for number, name in get_day_names("wide", locale=locale).items():
            weekdays[name] = number  # babel: 0 = Monday
    month, weekday = _alt(list(months)), _alt(list(weekdays))
    # Cue words may open a sentence ("Letzten Monat"), so they match in any case.
    prefix, rel = _alt_ci(list(cues["prefix"])), _alt_ci(list(cues["relative"]))
    unit, part = _alt_ci(list(cues["unit"])), _alt_ci(list(cues["part"]))
    deictic, year_word = _alt_ci(list(cues["deictic"])), _alt_ci(list(cues["year_word"]))
    pre = rf"(?:(?P<prefix>{prefix})\s+)?" if prefix else ""
    relp = rf"(?:(?P<rel>{rel})\s+)?" if rel else ""
    alternatives = [
        rf"(?P<day>\d{{1,2}})\.?\s*(?P<month>{month})(?:\s+(?P<year>(?:19|20)\d{{2}}))?",
        rf"(?P<month_a>{month})\s+(?P<day_a>\d{{1,2}})(?:,\s*(?P<year_a>(?:19|20)\d{{2}}))?",
    ]
    if part and unit:
        alternatives.append(rf"(?P<part>{part})\s+{relp.replace('rel', 'rel_p')}(?P<unit_p>{unit})")
    if rel and unit:
        alternatives.append(rf"(?P<rel_u>{rel})\s+(?P<unit>{unit})")
    alternatives.append(
        rf"{relp.replace('rel', 'rel_m')}(?P<month_m>{month})"
        rf"(?:\s+(?P<year_m>(?:19|20)\d{{2}}))?"
    )
    alternatives.append(rf"{relp.replace('rel', 'rel_w')}(?P<weekday>{weekday})")
    if year_word:
        alternatives.append(rf"(?:(?:{year_word})\s+)?(?P<year_y>(?:19|20)\d{{2}})")
    else:
        alternatives.append(r"(?P<year_y>(?:19|20)\d{2})")
    if deictic:
        alternatives.append(rf"(?P<deictic>{deictic})")
    body = "|".join(f"(?:{a})" for a in alternatives)
    pattern = re.compile(rf"(?<![\w.]){pre}(?:{body})(?!\w)")
    return _DateGrammar(pattern, months, weekdays, dict(cues))


def time_words(language: str) -> frozenset[str]:
    """Month and weekday names, date units and parts of the day of ``language``, lower-cased:
    nouns that close a time phrase ("am Montag", "in der Nacht", "letzte Woche")."""
    grammar = _grammar(language)
    extra = (*grammar.cues.get("unit", {}), *grammar.cues.get("daypart", {}))
    return frozenset(w.lower() for w in (*grammar.months, *grammar.weekdays, *extra))


@lru_cache(maxsize=4096)
def _dateparse(text: str, base: dt.date, language: str, prefer: str) -> dt.date | None:
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, languages=[language], settings=settings)
    return parsed.date() if parsed else None


def find_dates(text: str, *, published: dt.date | None, language: str = "de") -> list[DateMention]:
    """Date expressions in ``text`` resolved against ``published`` (none without an anchor).

    Returns:
        ``DateMention(date, start, end, is_background)`` for each expression, in text order.
    """
    if published is None:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    grammar = _grammar(language)
    found = []
    for match in grammar.pattern.finditer(text):
        day = _resolve(match, grammar, published, language)
        if day is None:
            continue
        prefix = match.group("prefix") if "prefix" in match.re.groupindex else None
        background = _lookup(grammar.cues.get("prefix", {}), prefix) == "background"
        background = background or (published - day).days > BACKGROUND_AFTER_DAYS
        found.append(DateMention(day, match.start(), match.end(), background))
    return found


def _resolve(
    match: re.Match[str], grammar: _DateGrammar, published: dt.date, language: str
) -> dt.date | None:
    g = match.groupdict()
    cues = grammar.cues
    if g.get("month") or g.get("month_a"):
        month = grammar.months[g.get("month") or g["month_a"]]
        day = int(g.get("day") or g["day_a"])
        year = g.get("year") or g.get("year_a")
        if not 1 <= day <= 31:
            return None
        if year:
            return _safe_date(int(year), month, day)
        candidate = _safe_date(published.year, month, day)
        if candidate and candidate > published + dt.timedelta(days=31):
            candidate = _safe_date(published.year - 1, month, day)
        return candidate
    if g.get("part"):
        unit = _lookup(cues["unit"], g["unit_p"])
        rel = _lookup(cues["relative"], g.get("rel_p"), "this")
        return _part_of(published, _lookup(cues["part"], g["part"]), unit, rel)
    if g.get("unit"):
        rel = _lookup(cues["relative"], g["rel_u"], "this")
        unit = _lookup(cues["unit"], g["unit"])
        return _shift(published, unit, rel)
    if g.get("month_m"):
        month = grammar.months[g["month_m"]]
        if g.get("year_m"):
            return dt.date(int(g["year_m"]), month, 1)
        rel = _lookup(cues["relative"], g.get("rel_m"), "past")
        return _dateparse(g["month_m"], published, language, "future" if rel == "next" else "past")
    if g.get("weekday"):
        # Weekday arithmetic is done here: dateparser skips the publication day itself.
        rel = _lookup(cues["relative"], g.get("rel_w"), "past")
        wanted = grammar.weekdays[g["weekday"]]
        if rel == "next":
            return published + dt.timedelta(days=(wanted - published.weekday()) % 7 or 7)
        return published - dt.timedelta(days=(published.weekday() - wanted) % 7)
    if g.get("year_y"):
        year = int(g["year_y"])
        return dt.date(year, 1, 1) if 1900 <= year <= published.year + 5 else None
    if g.get("deictic"):
        return published + dt.timedelta(days=int(_lookup(cues["deictic"], g["deictic"], "0")))
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift(base: dt.date, unit: str, rel: str) -> dt.date:
    step = {"past": -1, "this": 0, "next": 1}[rel]
    if unit == "day":
        return base + dt.timedelta(days=step)
    if unit == "week":
        return base + dt.timedelta(weeks=step)
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + step
        return dt.date(month_index // 12, month_index % 12 + 1, 1)
    return dt.date(base.year + step, 1, 1)


def _part_of(base: dt.date, part: str, unit: str, rel: str) -> dt.date:
    """First day of the start, middle or end of the month or year meant."""
    anchor = _shift(base, unit, rel)
    if unit == "year":
        month = {"start": 1, "mid": 6, "end": 12}[part]
        return dt.date(anchor.year, month, 1)
    last = calendar.monthrange(anchor.year, anchor.month)[1]
    day = {"start": 1, "mid": 15, "end": max(1, last - 5)}[part]
    return dt.date(anchor.year, anchor.month, day)
