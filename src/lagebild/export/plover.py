"""Write events as PLOVER JSON records (the shape of the PLOVER gold-standard records).

Each record carries the PLOVER fields (``source``/``target`` actor objects,
``event``, ``mode``, ``context``, ``eventText``, ``text``) plus the CAMEO code,
QuadClass, Goldstein score, modality and evidence offsets Lagebild adds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, TextIO

from lagebild.model import Article, Event, EventActor

PLOVER_VERSION = "2.0"


def plover_record(article: Article, event: Event) -> dict[str, Any]:
    """One event as a PLOVER JSON record."""
    text = article.text[event.evidence_start : event.evidence_end]
    return {
        "id": event.id,
        "date": event.date.isoformat() if event.date else None,
        "dateIsPublication": event.date_is_publication,
        "source": [_actor(a) for a in event.source],
        "target": [_actor(a) for a in event.target],
        "event": event.plover,
        "mode": event.mode or "",
        "context": event.context,
        "eventText": event.trigger,
        "text": text,
        "language": article.language,
        "publication": article.outlet,
        "url": article.url,
        "articleId": article.id,
        "cameo": event.cameo,
        "quadClass": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "background": event.background,
        "location": event.location,
        "confidence": event.confidence,
        "offsets": {
            "trigger": [event.trigger_start, event.trigger_end],
            "evidence": [event.evidence_start, event.evidence_end],
        },
        "version": PLOVER_VERSION,
        "dateCoded": dt.date.today().isoformat(),
    }


def write_plover(
    rows: Iterable[tuple[Article, Event]],
    out: TextIO,
    *,
    lines: bool = False,
    include_unmapped: bool = False,
) -> int:
    """Write ``(article, event)`` pairs as PLOVER records; returns the number written.

    Args:
        lines: one JSON object per line instead of a JSON array.
        include_unmapped: also write events without a PLOVER type (CAMEO 01 statements,
            which PLOVER dropped); their ``event`` is null.
    """
    count = 0
    if not lines:
        out.write("[\n")
    for article, event in rows:
        if event.plover is None and not include_unmapped:
            continue
        record = json.dumps(plover_record(article, event), ensure_ascii=False)
        if lines:
            out.write(record + "\n")
        else:
            out.write(("" if count == 0 else ",\n") + record)
        count += 1
    if not lines:
        out.write("\n]\n")
    return count


def _actor(actor: EventActor) -> dict[str, Any]:
    return {
        "actorText": actor.text,
        "code": actor.code or actor.country or "",
        "sector": actor.sector or "",
        "country": actor.country or "",
        "actorId": actor.actor_id,
        "offsets": [actor.start, actor.end] if actor.start is not None else None,
    }
