"""Stored rows back to records, and the article JSON kept next to each article.

One set of functions turns the rows of the per-article tables into an
``Analysis``, whether the rows were just read from the store or are about to
be written to it. ``Store.add_many`` uses them to build each article's JSON
(``Analysis.to_dict()`` as ``GET /api/articles/{id}`` answers it) from the very
rows it inserts, values cast as DuckDB casts them and sorted as the read
queries sort them, so the stored JSON is what reading the rows back would give
- without the seven lookups and the record building on every read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from lagebild.model import (
    Analysis,
    Article,
    Event,
    EventActor,
    Mention,
    Quote,
    RemovedSpan,
    Sentence,
    SentenceTone,
    Signal,
)

Row = dict[str, Any]

#: Tables holding one article's annotations, with the columns the reader sorts them by.
#: The read queries order by these and then by ``rowid`` (insertion order) for ties,
#: and the write path sorts its rows by the same keys with a stable sort.
ORDER_BY: dict[str, tuple[str, ...]] = {
    "sentences": ("idx",),
    "mentions": ("start_char",),
    "quotes": ("start_char",),
    "events": ("evidence_start", "trigger_start"),
    "event_actors": ("event_id", "side", "position"),
    "sentence_tone": ("idx",),
}

QUOTE_COLUMNS = (
    ("article_id", "article_id"),
    ("start", "start_char"),
    ("end", "end_char"),
    ("text", "text"),
    ("form", "form"),
    ("speaker_text", "speaker_text"),
    ("speaker_actor_id", "speaker_actor_id"),
    ("speaker_code", "speaker_code"),
    ("speaker_start", "speaker_start"),
    ("speaker_end", "speaker_end"),
    ("cue", "cue"),
    ("cue_start", "cue_start"),
    ("cue_end", "cue_end"),
    ("addressee", "addressee"),
    ("confidence", "confidence"),
)
EVENT_SCALARS = (
    "id",
    "article_id",
    "sentence",
    "cameo",
    "root",
    "plover",
    "mode",
    "quad_class",
    "goldstein",
    "modality",
    "trigger",
    "trigger_start",
    "trigger_end",
    "evidence_start",
    "evidence_end",
    "date",
    "date_is_publication",
    "background",
    "location",
    "confidence",
)


def order_sql(table: str) -> str:
    """The ORDER BY list of ``table``'s per-article read."""
    return ", ".join((*ORDER_BY[table], "rowid"))


def sort_rows(table: str, rows: list[Row]) -> list[Row]:
    """``rows`` in the order the read query returns them (NULLs last, ties as inserted)."""
    keys = ORDER_BY[table]
    return sorted(rows, key=lambda r: tuple((True, 0) if r[k] is None else (False, r[k])
                                            for k in keys))


# -- values as DuckDB stores them -------------------------------------------------


def _timestamp(value: Any) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    if value.tzinfo is not None:  # DuckDB keeps the instant, in UTC, without the zone
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _date(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


# DuckDB type -> (the Python type it gives back, the cast of any other value)
_CASTS: dict[str, tuple[type | None, Callable[[Any], Any]]] = {
    "INTEGER": (int, int), "BIGINT": (int, int), "DOUBLE": (float, float),
    "BOOLEAN": (bool, bool), "DATE": (None, _date), "TIMESTAMP": (None, _timestamp),
    "VARCHAR": (str, _text), "JSON": (str, _text),
}
_KEEP: tuple[type | None, None] = (None, None)


def caster(types: Sequence[str]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A function casting a row of values to what columns of ``types`` give back."""
    casts = [_CASTS.get(t, _KEEP) for t in types]

    def cast(row: Sequence[Any]) -> tuple[Any, ...]:
        return tuple([v if v is None or f is None or type(v) is kind else f(v)
                      for (kind, f), v in zip(casts, row, strict=True)])

    return cast


# -- rows to records ---------------------------------------------------------------


def article_from_row(row: Row) -> Article:
    published = row["published"]
    if isinstance(published, dt.datetime) and published.time() == dt.time():
        published = published.date()
    return Article(
        id=row["id"],
        text=row["text"],
        raw_text=row["raw_text"],
        title=row["title"],
        source=row["source"],
        outlet=row["outlet"],
        url=row["url"],
        published=published,
        language=row["language"],
        removed_spans=[RemovedSpan(**s) for s in json.loads(row["removed_spans"] or "[]")],
        mt_signals=[Signal(**s) for s in json.loads(row["mt_signals"] or "[]")],
        inferred=json.loads(row["inferred"] or "[]"),
        author=row["author"],
    )


def events_from_rows(rows: Iterable[Row], actor_rows: Iterable[Row]) -> list[Event]:
    actors: dict[str, dict[str, list[EventActor]]] = {}
    for r in actor_rows:
        sides = actors.setdefault(r["event_id"], {"source": [], "target": []})
        sides[r["side"]].append(
            EventActor(text=r["text"], actor_id=r["actor_id"], code=r["code"],
                       country=r["country"], sector=r["sector"], start=r["start_char"],
                       end=r["end_char"])
        )
    events = []
    for r in rows:
        sides = actors.get(r["id"], {"source": [], "target": []})
        values = {k: r[k] for k in EVENT_SCALARS}
        values["context"] = json.loads(r["context"] or "[]")
        events.append(Event(source=sides["source"], target=sides["target"], **values))
    return events


def analysis_from_rows(article_row: Row, tables: Mapping[str, list[Row]]) -> Analysis:
    """The ``Analysis`` of one article from its rows, each table's rows already in order."""
    article = article_from_row(article_row)
    return Analysis(
        article=article,
        sentences=[
            Sentence(index=r["idx"], start=r["start_char"], end=r["end_char"],
                     text=article.text[r["start_char"]: r["end_char"]],
                     paragraph=r["paragraph"], is_headline=r["is_headline"])
            for r in tables["sentences"]
        ],
        mentions=[
            Mention(article_id=r["article_id"], start=r["start_char"], end=r["end_char"],
                    text=r["text"], kind=r["kind"], actor_id=r["actor_id"],
                    country=r["country"], sector=r["sector"], code=r["code"],
                    confidence=r["confidence"], name=r["name"], role=r["role"])
            for r in tables["mentions"]
        ],
        quotes=[Quote(**{k: r[c] for k, c in QUOTE_COLUMNS}) for r in tables["quotes"]],
        events=events_from_rows(tables["events"], tables["event_actors"]),
        tone=article_row["tone"],
        sentence_tones=[
            SentenceTone(index=r["idx"], positive=r["positive"], negative=r["negative"],
                         words=r["words"], tone=r["tone"])
            for r in tables["sentence_tone"]
        ],
    )


# -- the article JSON ------------------------------------------------------------------


def analysis_json(analysis: Analysis) -> str:
    """``Analysis.to_dict()`` as the HTTP API writes it (non-finite numbers as null).

    Built in one pass over the records (``to_dict`` and then cleaning the floats
    walks them twice and asks ``dataclasses`` for the fields of every record,
    ~0.5 ms per article); the tests hold it equal to ``to_dict``.
    """
    tones = {t.index: t.tone for t in analysis.sentence_tones}
    data = {
        "article": {**_ready(analysis.article), "tone": _ready(analysis.tone)},
        "sentences": [{**_ready(s), "tone": _ready(tones.get(s.index))}
                      for s in analysis.sentences],
        "mentions": _ready(analysis.mentions),
        "quotes": _ready(analysis.quotes),
        "events": _ready(analysis.events),
    }
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = frozenset({str, int, bool, type(None)})


def _ready(value: Any) -> Any:
    """``model._plain(value)`` with non-finite floats as None."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is list or kind is tuple:
        return [v if type(v) in _PLAIN else _ready(v) for v in value]
    names = _FIELDS.get(kind)
    if names is not None:
        return {n: v if type(v) in _PLAIN else _ready(v)
                for n in names for v in (getattr(value, n),)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
        return _ready(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: _ready(v) for k, v in value.items()}
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return value


def analysis_from_json(text: str) -> Analysis:
    """The records of an article JSON, for pages that show them.

    The JSON holds each sentence's tone but not its word counts, so
    ``sentence_tones`` carry the tone with zero counts.
    """
    data = json.loads(text)
    a = dict(data["article"])
    tone = a.pop("tone", None)
    published = a.get("published")
    if isinstance(published, str):
        a["published"] = (dt.date.fromisoformat(published) if len(published) == 10
                          else dt.datetime.fromisoformat(published))
    a["removed_spans"] = [RemovedSpan(**s) for s in a.get("removed_spans") or []]
    a["mt_signals"] = [Signal(**s) for s in a.get("mt_signals") or []]
    sentences, tones = [], []
    for s in data["sentences"]:
        s = dict(s)
        sentence_tone = s.pop("tone", None)
        sentences.append(Sentence(**s))
        if sentence_tone is not None:
            tones.append(SentenceTone(index=s["index"], positive=0.0, negative=0.0, words=0,
                                      tone=sentence_tone))
    events = []
    for e in data["events"]:
        e = dict(e)
        e["source"] = [EventActor(**x) for x in e["source"]]
        e["target"] = [EventActor(**x) for x in e["target"]]
        if isinstance(e.get("date"), str):
            e["date"] = dt.date.fromisoformat(e["date"])
        events.append(Event(**e))
    return Analysis(
        article=Article(**a),
        sentences=sentences,
        mentions=[Mention(**m) for m in data["mentions"]],
        quotes=[Quote(**q) for q in data["quotes"]],
        events=events,
        tone=tone,
        sentence_tones=tones,
    )
