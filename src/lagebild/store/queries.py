"""Read queries over the store: listings behind the CLI and HTTP commands.

Everything is one SQL statement per listing so it stays fast on large stores;
Python only shapes the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

import duckdb

from lagebild.errors import ErrorCode, UsageError

# An actor filter matches a full code ("USAGOV"), a country code ("USA", matching
# every sector of it) or an actor id ("per:pete_hegseth").
_ACTOR_MATCH = "({alias}.code = ? OR {alias}.country = ? OR {alias}.actor_id = ?)"


class _HasConnection(Protocol):
    con: duckdb.DuckDBPyConnection

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...


class QueryMixin:
    """Listings shared by ``Store``; each returns plain dicts ready for JSON."""

    def articles(
        self: _HasConnection,
        *,
        limit: int = 50,
        outlet: str | None = None,
        search: str | None = None,
    ) -> list[dict[str, Any]]:
        where, params = ["1=1"], []
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        if search:
            where.append("(a.title ILIKE ? OR a.text ILIKE ?)")
            params += [f"%{search}%"] * 2
        sql = f"""
            SELECT a.id, a.published, a.outlet, a.language, a.title, a.source,
                   (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS sentences,
                   (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS mentions,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
            FROM articles a WHERE {" AND ".join(where)}
            ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?
        """
        return self._all(sql, [*params, limit])

    def actors(self: _HasConnection, *, top: int = 20) -> list[dict[str, Any]]:
        sql = """
            SELECT coalesce(actor_id, lower(text)) AS actor_id,
                   arg_max(coalesce(name, text), confidence) AS name,
                   mode(code) AS code, mode(kind) AS kind, mode(country) AS country,
                   count(*) AS mentions, count(DISTINCT article_id) AS articles
            FROM mentions
            GROUP BY 1 ORDER BY mentions DESC, actor_id LIMIT ?
        """
        return self._all(sql, [top])

    def events(
        self: _HasConnection,
        *,
        actor: str | None = None,
        pair: tuple[str, str] | None = None,
        root: str | None = None,
        since: dt.date | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        where, params = ["1=1"], []
        if actor:
            where.append(
                "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND "
                + _ACTOR_MATCH.format(alias="x") + ")"
            )
            params += [actor] * 3
        if pair:
            a, b = pair
            side = (
                "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.side = '{s}'"
                " AND " + _ACTOR_MATCH.format(alias="x") + ")"
            )
            where.append(
                f"(({side.format(s='source')} AND {side.format(s='target')}) OR "
                f"({side.format(s='source')} AND {side.format(s='target')}))"
            )
            params += [a] * 3 + [b] * 3 + [b] * 3 + [a] * 3
        if root:
            where.append("e.root = ?")
            params.append(root.zfill(2))
        if since:
            where.append("coalesce(e.date, a.published::DATE) >= ?")
            params.append(since)
        sql = f"""
            SELECT e.id, e.article_id, coalesce(e.date, a.published::DATE) AS date, e.cameo,
                   e.root, e.plover, e.quad_class, e.goldstein, e.modality, e.trigger,
                   (SELECT string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
                    FROM event_actors x WHERE x.event_id = e.id AND x.side = 'source') AS source,
                   (SELECT string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
                    FROM event_actors x WHERE x.event_id = e.id AND x.side = 'target') AS target,
                   substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)
                       AS evidence,
                   a.outlet
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {" AND ".join(where)}
            ORDER BY date DESC NULLS LAST, e.article_id, e.evidence_start LIMIT ?
        """
        return self._all(sql, [*params, limit])

    def quotes(
        self: _HasConnection,
        *,
        speaker: str | None = None,
        actor: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        where, params = ["1=1"], []
        if speaker:
            where.append("q.speaker_text ILIKE ?")
            params.append(f"%{speaker}%")
        if actor:
            where.append("(q.speaker_code = ? OR q.speaker_code LIKE ? OR q.speaker_actor_id = ?)")
            params += [actor, f"{actor}%", actor]
        sql = f"""
            SELECT q.article_id, q.form, q.speaker_text, q.speaker_actor_id, q.speaker_code,
                   q.cue, q.addressee, q.text, q.start_char, q.end_char, a.outlet,
                   a.published
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE {" AND ".join(where)}
            ORDER BY a.published DESC NULLS LAST, q.article_id, q.start_char LIMIT ?
        """
        return self._all(sql, [*params, limit])

    def query(self: _HasConnection, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read-only SELECT statement; anything else is refused."""
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as exc:
            raise UsageError(ErrorCode.E010, reason=str(exc)) from exc
        if len(statements) != 1:
            raise UsageError(ErrorCode.E010, reason="give exactly one statement")
        if statements[0].type != duckdb.StatementType.SELECT:
            reason = f"only SELECT statements are allowed, not {statements[0].type.name}"
            raise UsageError(ErrorCode.E010, reason=reason)
        try:
            cursor = self.con.execute(sql)
        except duckdb.Error as exc:
            raise UsageError(ErrorCode.E010, reason=str(exc).splitlines()[0]) from exc
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
