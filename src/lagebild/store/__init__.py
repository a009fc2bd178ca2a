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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from lagebild.errors import ErrorCode, LagebildError, UsageError
from lagebild.model import Analysis
from lagebild.store.migrations import apply_migrations, unknown_migrations
from lagebild.store.queries import QueryMixin
from lagebild.store.rows import (
    EVENT_SCALARS,
    QUOTE_COLUMNS,
    analysis_from_rows,
    analysis_json,
    caster,
    order_sql,
    sort_rows,
)

__all__ = ["Store"]

# The per-article tables keyed by ``article_id``; ``event_actors`` is keyed by event.
_BY_ARTICLE = ("sentences", "mentions", "quotes", "events", "sentence_tone")


class Store(QueryMixin):
    """A Lagebild DuckDB file. ``Store(path)`` writes; ``Store(path, read_only=True)`` reads."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._types: dict[str, dict[str, str]] = {}
        self._casts: dict[str, Any] = {}
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
        # Stores from before migration m007, opened read-only, have no article JSON.
        self._keeps_json = "analysis_json" in self._column_types("articles")
        self._article_select = "* EXCLUDE (analysis_json)" if self._keeps_json else "*"

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
        builders = (
            ("sentences", _sentence_rows),
            ("mentions", _mention_rows),
            ("quotes", _quote_rows),
            ("events", _event_rows),
            ("event_actors", _event_actor_rows),
            ("sentence_tone", _sentence_tone_rows),
        )
        tables: dict[str, list[tuple[Any, ...]]] = {table: [] for table, _ in builders}
        articles = []
        for analysis in batch:
            rows = {table: build(analysis) for table, build in builders}
            for table, table_rows in rows.items():
                tables[table] += table_rows
            article = _article_row(analysis)
            articles.append((*article, self._json_of(article, rows)))
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert_columns("articles", (*_ARTICLE_COLUMNS, "analysis_json"), articles)
            for table, table_rows in tables.items():
                self._insert_many(table, table_rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return list(fresh)

    def _json_of(self, article: tuple[Any, ...], rows: dict[str, list[tuple[Any, ...]]]) -> str:
        """The article JSON from the rows about to be written: values cast as the columns
        cast them, rows in the order ``analysis`` reads them, so both give the same text."""
        tables = {}
        for table, table_rows in rows.items():
            names, cast = self._caster(table)
            tables[table] = sort_rows(table, [dict(zip(names, cast(r), strict=True))
                                              for r in table_rows])
        names, cast = self._caster("articles")
        article_row = dict(zip(names, cast(article), strict=True))
        return analysis_json(analysis_from_rows(article_row, tables))

    def _caster(self, table: str) -> tuple[list[str], Any]:
        """Column names of ``table`` as this module writes them, and their cast."""
        if table not in self._casts:
            types = self._column_types(table)
            names = list(_ARTICLE_COLUMNS) if table == "articles" else list(types)
            self._casts[table] = (names, caster([types[n] for n in names]))
        return self._casts[table]

    def _insert_many(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert ``rows`` holding every column of ``table``, in order."""
        self._insert_columns(table, None, rows)

    def _insert_columns(
        self, table: str, columns: Sequence[str] | None, rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert ``rows`` of ``columns`` (None: all) in one statement (``insert_rows``)."""
        if rows:
            insert_rows(self.con, table, rows, columns=columns, types=self._column_types(table))

    def _column_types(self, table: str) -> dict[str, str]:
        """Column name -> type of ``table``, in order, read from the catalog once per store."""
        if table not in self._types:
            self._types[table] = column_types(self.con, table)
        return self._types[table]

    # -- reading -----------------------------------------------------------

    def analysis(self, article_id: str) -> Analysis:
        """Rebuild the full ``Analysis`` of a stored article from its rows."""
        row = self._one(f"SELECT {self._article_select} FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise LagebildError(ErrorCode.E011, id=article_id, db=self.path)
        tables = {
            table: self._all(f"SELECT * FROM {table} WHERE article_id = ? "
                             f"ORDER BY {order_sql(table)}", [article_id])
            for table in _BY_ARTICLE
        }
        # The actors by a list of event ids: an index lookup per id, where a join
        # with ``events`` would scan all of ``event_actors`` (3x slower at 200k rows).
        ids = [r["id"] for r in tables["events"]]
        tables["event_actors"] = self._all(
            f"SELECT * FROM event_actors WHERE event_id IN ({', '.join('?' * len(ids))}) "
            f"ORDER BY {order_sql('event_actors')}",
            ids,
        ) if ids else []
        return analysis_from_rows(row, tables)

    def analysis_json(self, article_id: str) -> str:
        """A stored article's ``Analysis.to_dict()`` as JSON text (``GET /api/articles/{id}``).

        Read as written with the article: one lookup instead of seven and no
        records to build. Articles stored before the JSON was kept are rebuilt
        from their rows, which gives the same text.
        """
        stored = self.stored_json(article_id)
        return stored if stored is not None else analysis_json(self.analysis(article_id))

    def stored_json(self, article_id: str) -> str | None:
        """The article JSON as written with the article; None if it was stored without.

        One indexed lookup (~0.4 ms at 45k articles), so a server can answer it
        without handing the request to a thread.
        """
        if not self._keeps_json:
            return None
        row = self.con.execute(
            "SELECT analysis_json FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise LagebildError(ErrorCode.E011, id=article_id, db=self.path)
        return row[0]

    def fill_analysis_json(self, *, batch: int = 2000) -> int:
        """Write the article JSON of every article stored without it; return how many.

        For stores written before the JSON was kept, or by tools that insert
        rows directly: each batch reads every table once, not once per article.
        """
        ids = [r[0] for r in self.con.execute(
            "SELECT id FROM articles WHERE analysis_json IS NULL ORDER BY id").fetchall()]
        for first in range(0, len(ids), batch):
            chunk = ids[first: first + batch]
            texts = [analysis_json(a) for a in self._analyses_of(chunk)]
            # One statement, so one transaction of its own: a batch is written whole or not.
            self.con.execute(
                "UPDATE articles SET analysis_json = v.j FROM "
                "(SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS j) v "
                "WHERE articles.id = v.id",
                [chunk, texts],
            )
        return len(ids)

    def _analyses_of(self, article_ids: list[str]) -> list[Analysis]:
        """The analyses of ``article_ids``, in that order, from one query per table."""
        chosen = "(SELECT unnest(?::VARCHAR[]))"
        articles = {r["id"]: r for r in self._all(
            f"SELECT {self._article_select} FROM articles WHERE id IN {chosen}", [article_ids])}
        tables: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for table in _BY_ARTICLE:
            grouped = tables[table] = {}
            for r in self._all(f"SELECT * FROM {table} WHERE article_id IN {chosen} "
                               f"ORDER BY article_id, {order_sql(table)}", [article_ids]):
                grouped.setdefault(r["article_id"], []).append(r)
        article_of = {e["id"]: aid for aid, rows in tables["events"].items() for e in rows}
        actors: dict[str, list[dict[str, Any]]] = {}
        for r in self._all(
            "SELECT * FROM event_actors WHERE event_id IN (SELECT id FROM events "
            f"WHERE article_id IN {chosen}) ORDER BY {order_sql('event_actors')}", [article_ids]
        ):
            actors.setdefault(article_of[r["event_id"]], []).append(r)
        tables["event_actors"] = actors
        return [
            analysis_from_rows(articles[aid], {t: rows.get(aid, []) for t, rows in tables.items()})
            for aid in article_ids if aid in articles
        ]

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[Sequence[Any]],
    *,
    columns: Sequence[str] | None = None,
    types: Mapping[str, str] | None = None,
) -> None:
    """Insert ``rows`` of ``columns`` (None: all) in one statement, a typed list per column.

    DuckDB's ``executemany`` runs one statement per row (about 1 ms each,
    measured), which made storing an article cost more than analysing it;
    ``unnest`` over column lists inserts all the rows at once. ``types``
    (column -> type, in table order) spares reading them from the catalog.
    """
    if not rows:
        return
    types = types if types is not None else column_types(con, table)
    names = list(columns) if columns is not None else list(types)
    values = ", ".join(f"unnest(?::{types[n]}[])" for n in names)
    con.execute(
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {values}",
        [list(column) for column in zip(*rows, strict=True)],
    )


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """Column name -> type of ``table``, in order, from the catalog."""
    return dict(
        con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
            "AND schema_name = 'main' ORDER BY column_index",
            [table],
        ).fetchall()
    )


# -- row builders ---------------------------------------------------------------

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
            analysis.article.id if k == "article_id" else getattr(q, k) for k, _ in QUOTE_COLUMNS
        )
        for q in analysis.quotes
    ]


def _event_rows(analysis: Analysis) -> list[tuple[Any, ...]]:
    rows = []
    for e in analysis.events:
        values = {k: getattr(e, k) for k in EVENT_SCALARS}
        values["article_id"] = analysis.article.id
        # Column order of the events table: the scalars with context after "mode".
        rows.append(
            (
                *(values[k] for k in EVENT_SCALARS[:7]),
                json.dumps(e.context),
                *(values[k] for k in EVENT_SCALARS[7:]),
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
