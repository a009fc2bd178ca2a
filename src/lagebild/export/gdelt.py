"""Write events as rows of the GDELT 2.0 event table (61 tab-separated columns).

One Lagebild event can name several actors on each side; GDELT has one actor
per side, so an event becomes one row per (source, target) pair, and a
reciprocal event without a target ("Kuba und China vereinbarten …") one row
per pair of its sources. The column mapping is documented in docs/export.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import TextIO

from lagebild.model import Article, Event, EventActor

#: The per-actor columns, the same for Actor1 and Actor2.
_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)

#: GDELT 2.0 event table columns, in file order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_FIELDS),
    *(f"Actor2{c}" for c in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{side}Geo_{c}"
        for side in ("Actor1", "Actor2", "Action")
        for c in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)

#: Events in the first sentences stand for the article's main story (GDELT: lead paragraph).
ROOT_EVENT_SENTENCES = 3


def write_gdelt(
    rows: Iterable[tuple[Article, Event]],
    out: TextIO,
    *,
    header: bool = False,
    added: dt.datetime | None = None,
) -> int:
    """Write ``(article, event)`` pairs as GDELT 2.0 event rows; returns the number of rows.

    Args:
        header: write the column names first (GDELT files have none).
        added: the DATEADDED timestamp (default: now, UTC).
    """
    stamp = (added or dt.datetime.now(dt.UTC)).strftime("%Y%m%d%H%M%S")
    count = 0
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    for article, event in rows:
        for values in gdelt_rows(article, event, added=stamp):
            out.write("\t".join(_cell(v) for v in values) + "\n")
            count += 1
    return count


def gdelt_rows(article: Article, event: Event, *, added: str) -> Iterator[list[object]]:
    """The GDELT rows of one event, one per actor pair."""
    for number, (actor1, actor2) in enumerate(_dyads(event)):
        day = event.date or _as_date(article.published)
        base = int(event.id[:13], 16) if _is_hex(event.id) else abs(hash(event.id)) % 10**15
        values: list[object] = [base * 100 + number]
        if day is not None:
            fraction = day.year + (day.timetuple().tm_yday / 365)
            values += [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]
        else:
            values += ["", "", "", ""]
        values += _actor(actor1) + _actor(actor2)
        values += [
            1 if event.sentence < ROOT_EVENT_SENTENCES else 0,
            event.cameo,
            event.cameo[:3],
            event.root,
            event.quad_class,
            event.goldstein,
            1,
            1,
            1,
            "",
        ]
        values += [""] * 16  # actor geographies: not resolved
        values += [1 if event.location else "", event.location or "", "", "", "", "", "", ""]
        values += [added, article.url or article.source or ""]
        yield values


def _dyads(event: Event) -> list[tuple[EventActor | None, EventActor | None]]:
    sources: list[EventActor | None] = list(event.source) or [None]
    if event.target:
        return [(s, t) for s in sources for t in event.target]
    if len(event.source) >= 2:
        return list(combinations(event.source, 2))
    return [(sources[0], None)]


def _actor(actor: EventActor | None) -> list[object]:
    if actor is None:
        return [""] * 10
    country = actor.country or ""
    known_group = actor.code if actor.code and not country else ""
    return [
        actor.code or country,
        (actor.text or "").upper(),
        country,
        known_group or "",
        "",
        "",
        "",
        actor.sector or "",
        "",
        "",
    ]


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _is_hex(text: str) -> bool:
    try:
        int(text[:13], 16)
    except ValueError:
        return False
    return True
