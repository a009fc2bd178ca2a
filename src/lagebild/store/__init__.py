"""The DuckDB store: one file, migrations recorded inside, one transaction per batch.

Articles are keyed by a content hash, so adding an article that is already
stored is a no-op; a batch of articles is written with all their sentences,
mentions, quotes and events in one transaction, so a run killed mid-way loses
at most the batch in flight (never part of an article) and a re-run completes
the rest without duplicates.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from lagebild.errors import ErrorCode, LagebildError, UsageError
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
from lagebild.store.migrations import apply_migrations, unknown_migrations
from lagebild.store.queries import QueryMixin

__all__ = ["Store"]


class Store(QueryMixin):
    """A Lagebild DuckDB file. ``Store(path)`` writes; ``Store(path, read_only=True)`` reads."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._types: dict[str, dict[str, str]] = {}
        if read_only and not self.path.exists():
            raise UsageError(ErrorCode.E001, path=self.path)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise LagebildError(ErrorCode.E009, path=self.path, reason=str(exc)) from exc
        if read_only:
            self._check_readable()
        else:
            apply_migrations(self.con)
        newer = unknown_migrations(self.con)
        if newer:
            reason = f"unknown migrations {', '.join(newer)}"
            raise LagebildError(ErrorCode.E009, path=self.path, reason=reason)

    def _check_readable(self) -> None:
        tables = {
            r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "_lagebild_migrations" not in tables:
            raise LagebildError(ErrorCode.E009, path=self.path, reason="no migration table")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def stored_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Which of ``article_ids`` are stored: one query for a batch (0.3 ms per single one)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return {aid for (aid,) in rows}

    def add(self, analysis: Analysis) -> bool:
        """Store one analysed article with everything found in it; False if already stored."""
        return bool(self.add_many([analysis]))

    def add_many(self, analyses: Iterable[Analysis]) -> list[str]:
        """Store analysed articles in one transaction; return the ids added, in order.

        Articles already stored (or repeated in ``analyses``) are skipped. One
        statement per table whatever the batch size: a transaction costs about
        7 ms of DuckDB overhead, so ``lagebild run`` commits ``batch_size``
        articles at a time (about 1 ms per article for 32, against 9 ms one by
        one) and a crash loses at most the batch in flight.
        """
        fresh: dict[str, Analysis] = {}
        for analysis in analyses:
            fresh.setdefault(analysis.article.id, analysis)
        for aid in self.stored_ids(fresh):
            del fresh[aid]
        if not fresh:
            return []
        batch = list(fresh.values())
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert_columns("articles", _ARTICLE_COLUMNS, [_article_row(a) for a in batch])
            for table, rows in (
                ("sentences", _sentence_rows),
                ("mentions", _mention_rows),
                ("quotes", _quote_rows),
                ("events", _event_rows),
                ("event_actors", _event_actor_rows),
                ("sentence_tone", _sentence_tone_rows),
            ):
                self._insert_many(table, [row for a in batch for row in rows(a)])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return list(fresh)

    def _insert_many(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert ``rows`` holding every column of ``table``, in order."""
        self._insert_columns(table, None, rows)

    def _insert_columns(
        self, table: str, columns: Sequence[str] | None, rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert ``rows`` of ``columns`` (None: all) in one statement, a typed list per column.

        DuckDB's ``executemany`` runs one statement per row (about 1 ms each,
        measured), which made storing an article cost more than analysing it;
        ``unnest`` over column lists inserts all the rows at once.
        """
        if not rows:
            return
        types = self._column_types(table)
        names = list(columns) if columns is not None else list(types)
        values = ", ".join(f"unnest(?::{types[n]}[])" for n in names)
        self.con.execute(
            f"INSERT INTO {table} ({', '.join(names)}) SELECT {values}",
            [list(column) for column in zip(*rows, strict=True)],
        )

    def _column_types(self, table: str) -> dict[str, str]:
        """Column name -> type of ``table``, in order, read from the catalog once per store."""
        if table not in self._types:
            self._types[table] = dict(
                self.con.execute(
                    "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                    "AND schema_name = 'main' ORDER BY column_index",
                    [table],
                ).fetchall()
            )
        return self._types[table]

    # -- reading -----------------------------------------------------------

    def analysis(self, article_id: str) -> Analysis:
        """Rebuild the full ``Analysis`` of a stored article."""
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise LagebildError(ErrorCode.E011, id=article_id, db=self.path)
        article = _article_from_row(row)
        return Analysis(
            article=article,
            sentences=[
                Sentence(
                    index=r["idx"],
                    start=r["start_char"],
                    end=r["end_char"],
                    text=article.text[r["start_char"] : r["end_char"]],
                    paragraph=r["paragraph"],
                    is_headline=r["is_headline"],
                )
                for r in self._all(
                    "SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", [article_id]
                )
            ],
            mentions=[
                Mention(
                    article_id=r["article_id"],
                    start=r["start_char"],
                    end=r["end_char"],
                    text=r["text"],
                    kind=r["kind"],
                    actor_id=r["actor_id"],
                    country=r["country"],
                    sector=r["sector"],
                    code=r["code"],
                    confidence=r["confidence"],
                    name=r["name"],
                    role=r["role"],
                )
                for r in self._all(
                    "SELECT * FROM mentions WHERE article_id = ? ORDER BY start_char", [article_id]
                )
            ],
            quotes=[
                Quote(**{k: r[c] for k, c in _QUOTE_COLUMNS})
                for r in self._all(
                    "SELECT * FROM quotes WHERE article_id = ? ORDER BY start_char", [article_id]
                )
            ],
            events=self._events_of(article_id),
            tone=row["tone"],
            sentence_tones=[
                SentenceTone(index=r["idx"], positive=r["positive"], negative=r["negative"],
                             words=r["words"], tone=r["tone"])
                for r in self._all("SELECT * FROM sentence_tone WHERE article_id = ? ORDER BY idx",
                                   [article_id])
            ],
        )

    def _events_of(self, article_id: str) -> list[Event]:
        rows = self._all(
            "SELECT * FROM events WHERE article_id = ? ORDER BY evidence_start, trigger_start",
            [article_id],
        )
        # The actors by a list of event ids: an index lookup per id, where a join
        # with ``events`` would scan all of ``event_actors`` (3x slower at 200k rows).
        ids = [r["id"] for r in rows]
        actors: dict[str, dict[str, list[EventActor]]] = {}
        for r in self._all(
            f"SELECT * FROM event_actors WHERE event_id IN ({', '.join('?' * len(ids))}) "
            "ORDER BY event_id, side, position",
            ids,
        ) if ids else ():
            sides = actors.setdefault(r["event_id"], {"source": [], "target": []})
            sides[r["side"]].append(
                EventActor(
                    text=r["text"],
                    actor_id=r["actor_id"],
                    code=r["code"],
                    country=r["country"],
                    sector=r["sector"],
                    start=r["start_char"],
                    end=r["end_char"],
                )
            )
        events = []
        for r in rows:
            sides = actors.get(r["id"], {"source": [], "target": []})
            values = {k: r[k] for k in _EVENT_SCALARS}
            values["context"] = json.loads(r["context"] or "[]")
            events.append(Event(source=sides["source"], target=sides["target"], **values))
        return events

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None


# -- row builders ---------------------------------------------------------------

_QUOTE_COLUMNS = (
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
_EVENT_SCALARS = (
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


def _timestamp(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time())


_ARTICLE_COLUMNS = (
    "id",
    "source",
    "outlet",
    "url",
    "title",
    "published",
    "language",
    "text",
    "raw_text",
    "removed_spans",
    "mt_signals",
    "inferred",
    "author",
    "tone",
)


def _article_row(analysis: Analysis) -> tuple[Any, ...]:
    a = analysis.article
    return (
        a.id,
        a.source,
        a.outlet,
        a.url,
        a.title,
        _timestamp(a.published),
        a.language,
        a.text,
        a.raw_text,
        json.dumps([s.to_dict() for s in a.removed_spans]),
        json.dumps([s.to_dict() for s in a.mt_signals]),
        json.dumps(a.inferred),
        a.author,
        analysis.tone,
    )


def _sentence_rows(analysis: Analysis) -> list[tuple[Any, ...]]:
    aid = analysis.article.id
    return [(aid, s.index, s.start, s.end, s.paragraph, s.is_headline) for s in analysis.sentences]


def _sentence_tone_rows(analysis: Analysis) -> list[tuple[Any, ...]]:
    aid = analysis.article.id
    return [
        (aid, t.index, t.positive, t.negative, t.words, t.tone) for t in analysis.sentence_tones
    ]


def _mention_rows(analysis: Analysis) -> list[tuple[Any, ...]]:
    aid = analysis.article.id
    return [
        (
            aid,
            m.start,
            m.end,
            m.text,
            m.kind,
            m.actor_id,
            m.name,
            m.country,
            m.sector,
            m.code,
            m.role,
            m.confidence,
        )
        for m in analysis.mentions
    ]


def _quote_rows(analysis: Analysis) -> list[tuple[Any, ...]]:
    return [
        tuple(
            analysis.article.id if k == "article_id" else getattr(q, k) for k, _ in _QUOTE_COLUMNS
        )
        for q in analysis.quotes
    ]


def _event_rows(analysis: Analysis) -> list[tuple[Any, ...]]:
    rows = []
    for e in analysis.events:
        values = {k: getattr(e, k) for k in _EVENT_SCALARS}
        values["article_id"] = analysis.article.id
        # Column order of the events table: the scalars with context after "mode".
        rows.append(
            (
                *(values[k] for k in _EVENT_SCALARS[:7]),
                json.dumps(e.context),
                *(values[k] for k in _EVENT_SCALARS[7:]),
            )
        )
    return rows


def _event_actor_rows(analysis: Analysis) -> list[tuple[Any, ...]]:
    rows = []
    for e in analysis.events:
        for side, actors in (("source", e.source), ("target", e.target)):
            for position, a in enumerate(actors):
                rows.append(
                    (
                        e.id,
                        side,
                        position,
                        a.text,
                        a.actor_id,
                        a.code,
                        a.country,
                        a.sector,
                        a.start,
                        a.end,
                    )
                )
    return rows


def _article_from_row(row: dict[str, Any]) -> Article:
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
