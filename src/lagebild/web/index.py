"""An in-memory index of the served store's events, for event listings in milliseconds.

An event listing (``/api/events``, the actor and dyad pages) filters events by
the actors on their sides and sorts them by date. On the store's tables that
is two joins on string keys (``event_actors`` → ``events`` → ``articles``)
over every matching event before the newest hundred can be cut: 40-50 ms of
CPU per listing at 100k events, and it grows with the store.

The server holds its store read-only and DuckDB refuses writers while it
does, so the order and the filter columns can be computed once per process.
This index is that: a private in-memory DuckDB database holding one row per
event in listing order (its rank and every column of a listing row except the
evidence text) and one row per (event, side, actor key), with integer ranks
as the join key, and per actor key and side the sorted ranks of its events
(actor and pair filters are merges of those arrays); and the articles in
listing order with their counts. A listing finds its page here and reads
only the evidence text from the store (``Store.evidence``). It is built in a
background thread when the app starts (about 0.5 s of CPU and 25 MB per 100k
events); until it is ready, listings are answered from the store's tables,
with the same rows in the same order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import threading
import time
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from lagebild.store import Store

logger = logging.getLogger(__name__)

# The listing order of ``QueryMixin.events``; the event id breaks the last ties.
ORDER = "day DESC NULLS LAST, article_id, evidence_start, id"
# The columns of a listing row before ``evidence``, in ``QueryMixin.events`` order.
_BEFORE_EVIDENCE = ("id", "article_id", "date", "cameo", "root", "plover", "quad_class",
                    "goldstein", "modality", "trigger", "source", "target")


class EventIndex:
    """Event ranks and filter columns of one read-only store, in a private memory database."""

    def __init__(self, db: str | Path) -> None:
        self.db = Path(db)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._ranks: dict[tuple[str, bool], np.ndarray] = {}
        self.seconds: float | None = None

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def build_in_background(self) -> None:
        self._thread = threading.Thread(target=self._build_logged, name="event-index",
                                        daemon=True)
        self._thread.start()

    def _build_logged(self) -> None:
        try:
            self.build()
        except (duckdb.Error, OSError) as exc:  # the store tables answer instead
            logger.warning("event index of %s not built: %s", self.db.name, exc)

    def build(self) -> None:
        """Copy ranks and filter columns from the store; one pass, then it only reads."""
        started = time.perf_counter()
        con = duckdb.connect(":memory:")
        con.execute("SET threads = 1")  # a background job: leave the cores to requests
        con.execute(f"ATTACH '{_quoted(self.db)}' AS store (READ_ONLY)")
        # One row per event in listing order, with every column of a listing row but the
        # evidence text (which stays in the store: it would double the index's size).
        con.execute(f"""
            CREATE TABLE ev AS
            WITH sides AS (
                SELECT x.event_id,
                       string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
                           FILTER (WHERE x.side = 'source') AS source,
                       string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
                           FILTER (WHERE x.side = 'target') AS target
                FROM store.event_actors x GROUP BY 1
            )
            SELECT (row_number() OVER (ORDER BY {ORDER}))::INTEGER AS rank, *
            FROM (SELECT e.id, e.article_id, coalesce(e.date, a.published::DATE) AS day,
                         e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.modality,
                         e.trigger, s.source, s.target, e.evidence_start, e.evidence_end,
                         a.outlet
                  FROM store.events e JOIN store.articles a ON a.id = e.article_id
                  LEFT JOIN sides s ON s.event_id = e.id)
            ORDER BY rank
        """)
        # Every key an actor filter matches (code, country, actor id), once per side.
        con.execute("""
            CREATE TABLE keys AS
            SELECT DISTINCT ev.rank, x.side = 'source' AS source, k.key
            FROM store.event_actors x JOIN ev ON ev.id = x.event_id,
                 unnest([x.code, x.country, x.actor_id]) AS k(key)
            WHERE k.key IS NOT NULL
            ORDER BY k.key, ev.rank
        """)
        # Articles in listing order with their counts, for article listings without a
        # text search (a search reads the text, which stays in the store).
        con.execute("""
            CREATE TABLE arts AS
            WITH n AS (
                SELECT article_id, sum(s) AS sentences, sum(m) AS mentions, sum(q) AS quotes,
                       sum(e) AS events
                FROM (SELECT article_id, 1 AS s, 0 AS m, 0 AS q, 0 AS e FROM store.sentences
                      UNION ALL SELECT article_id, 0, 1, 0, 0 FROM store.mentions
                      UNION ALL SELECT article_id, 0, 0, 1, 0 FROM store.quotes
                      UNION ALL SELECT article_id, 0, 0, 0, 1 FROM store.events)
                GROUP BY 1
            )
            SELECT (row_number() OVER (ORDER BY a.published DESC NULLS LAST, a.id))::INTEGER
                       AS rank,
                   a.id, a.published, a.outlet, a.language, a.title, a.source,
                   coalesce(n.sentences, 0)::BIGINT AS sentences,
                   coalesce(n.mentions, 0)::BIGINT AS mentions,
                   coalesce(n.quotes, 0)::BIGINT AS quotes,
                   coalesce(n.events, 0)::BIGINT AS events
            FROM store.articles a LEFT JOIN n ON n.article_id = a.id
            ORDER BY rank
        """)
        con.execute("DETACH store")
        self._ranks = _ranks_by_key(con)
        self._con = con
        self.seconds = round(time.perf_counter() - started, 3)
        self._ready.set()
        logger.info("event index of %s built in %.2f s", self.db.name, self.seconds)

    def events(self, store: Store, **filters: Any) -> list[dict[str, Any]] | None:
        """``store.events(**filters)``, found here; None while the index is not ready."""
        rows = self.page(**filters)
        if rows is None:
            return None
        evidence = store.evidence([(r["article_id"], r.pop("evidence_start"),
                                    r.pop("evidence_end")) for r in rows])
        return [{**{k: r[k] for k in _BEFORE_EVIDENCE}, "evidence": text, "outlet": r["outlet"]}
                for r, text in zip(rows, evidence, strict=True)]

    def articles(self, *, limit: int = 50, outlet: str | None = None,
                 search: str | None = None, offset: int = 0) -> list[dict[str, Any]] | None:
        """``store.articles(...)`` without a text search, found here; None while the index
        is not ready or when ``search`` needs the text."""
        if self._con is None or search:
            return None
        where, params = "", []
        if outlet:
            where, params = "WHERE outlet = ?", [outlet]
        return self._rows(f"SELECT * EXCLUDE (rank) FROM arts {where} ORDER BY rank "
                          "LIMIT ? OFFSET ?", [*params, limit, offset])

    def page(self, *, actor: str | None = None, pair: tuple[str, str] | None = None,
             root: str | None = None, since: dt.date | None = None,
             until: dt.date | None = None, quad_class: int | None = None,
             outlet: str | None = None, modality: str | None = None, limit: int = 100,
             offset: int = 0) -> list[dict[str, Any]] | None:
        """One page of listing rows without evidence, in listing order; None while the index
        is not ready."""
        if self._con is None:
            return None
        others = (root, since, until, quad_class, outlet, modality)
        if (actor or pair) and all(v is None or v == "" for v in others):
            ranks = self._actor_ranks(actor, pair, first=offset + limit)
            return self._by_ranks(ranks, limit=limit, offset=offset)
        where, params = ["1=1"], []
        if actor:
            where.append("ev.rank IN (SELECT rank FROM keys WHERE key = ?)")
            params.append(actor)
        if pair:
            a, b = pair  # a source matching one and a target matching the other
            where.append(
                "ev.rank IN (SELECT rank FROM keys WHERE key = ? OR key = ? GROUP BY rank "
                "HAVING (bool_or(source AND key = ?) AND bool_or(NOT source AND key = ?)) "
                "OR (bool_or(source AND key = ?) AND bool_or(NOT source AND key = ?)))")
            params += [a, b, a, b, b, a]
        for column, value in (("root", root.zfill(2) if root else None),
                              ("quad_class", quad_class), ("outlet", outlet),
                              ("modality", modality)):
            if value is not None and value != "":
                where.append(f"ev.{column} = ?")
                params.append(value)
        if since:
            where.append("ev.day >= ?")
            params.append(since)
        if until:
            where.append("ev.day <= ?")
            params.append(until)
        return self._rows(
            f"SELECT * EXCLUDE (rank) RENAME (day AS date) FROM ev "
            f"WHERE {' AND '.join(where)} ORDER BY rank LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def _actor_ranks(self, actor: str | None, pair: tuple[str, str] | None, *,
                     first: int) -> np.ndarray:
        """Ranks of the events with ``actor`` on a side and, with ``pair``, one of the two
        as source and the other as target (at least the ``first`` ones): sorted arrays
        merged, ~0.3 ms where the same filter in SQL groups every row of both keys
        (10 ms for USA and IRN at 100k events)."""
        def side(key: str, source: bool) -> np.ndarray:
            return self._ranks.get((key, source), _NONE)

        ranks = None
        if actor:  # without a pair, the first ranks of the union are among each side's first
            cut = None if pair else first
            ranks = np.union1d(side(actor, True)[:cut], side(actor, False)[:cut])
        if pair:
            a, b = pair
            both = np.union1d(np.intersect1d(side(a, True), side(b, False), assume_unique=True),
                              np.intersect1d(side(b, True), side(a, False), assume_unique=True))
            ranks = both if ranks is None else np.intersect1d(ranks, both, assume_unique=True)
        return ranks if ranks is not None else _NONE

    def _by_ranks(self, ranks: np.ndarray, *, limit: int, offset: int) -> list[dict[str, Any]]:
        """The listing rows of one page of ``ranks`` (sorted), in listing order."""
        page = ranks[offset: offset + limit].tolist()
        if not page:
            return []
        return self._rows("SELECT * EXCLUDE (rank) RENAME (day AS date) FROM ev "
                          "WHERE rank IN (SELECT unnest(?::INTEGER[])) ORDER BY rank", [page])

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """The rows of ``sql`` as dicts, on a cursor of their own: requests query the
        index side by side, and a DuckDB connection answers one call at a time."""
        cursor = self._con.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def close(self) -> None:
        """Wait for a build in progress (it holds the store file open), then free the index."""
        if self._thread is not None:
            self._thread.join()
        if self._con is not None:
            self._con.close()
            self._con = None


_NONE = np.empty(0, dtype=np.int32)


def _ranks_by_key(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, bool], np.ndarray]:
    """(actor key, source side) -> sorted ranks of its events, from the ``keys`` table."""
    table = con.execute("SELECT key, source, rank FROM keys ORDER BY key, source, rank"
                        ).fetchnumpy()
    keys = np.asarray(table["key"], dtype=object)
    sides = np.asarray(table["source"], dtype=bool)
    ranks = np.asarray(table["rank"], dtype=np.int32)
    if not len(ranks):
        return {}
    starts = np.flatnonzero((keys[1:] != keys[:-1]) | (sides[1:] != sides[:-1])) + 1
    bounds = [0, *starts.tolist(), len(ranks)]
    return {(keys[a], bool(sides[a])): ranks[a:b].copy() for a, b in itertools.pairwise(bounds)}


def _quoted(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")

