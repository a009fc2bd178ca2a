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
        offset: int = 0,
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
            ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?
        """
        return self._all(sql, [*params, limit, offset])

    def actors(
        self: _HasConnection,
        *,
        top: int = 20,
        actor: str | None = None,
        search: str | None = None,
    ) -> list[dict[str, Any]]:
        """Actors by mention count; ``actor`` keeps those matching a code, country or id,
        ``search`` those whose name or mention text contains it."""
        where, params = ["1=1"], []
        if actor:
            where.append(_ACTOR_MATCH.format(alias="mentions"))
            params += [actor] * 3
        if search:
            where.append("(name ILIKE ? OR text ILIKE ?)")
            params += [f"%{search}%"] * 2
        sql = f"""
            SELECT coalesce(actor_id, lower(text)) AS actor_id,
                   arg_max(coalesce(name, text), confidence) AS name,
                   mode(code) AS code, mode(kind) AS kind, mode(country) AS country,
                   count(*) AS mentions, count(DISTINCT article_id) AS articles
            FROM mentions WHERE {" AND ".join(where)}
            GROUP BY 1 ORDER BY mentions DESC, actor_id LIMIT ?
        """
        return self._all(sql, [*params, top])

    def events(
        self: _HasConnection,
        *,
        actor: str | None = None,
        pair: tuple[str, str] | None = None,
        root: str | None = None,
        since: dt.date | None = None,
        limit: int = 100,
        quad_class: int | None = None,
        until: dt.date | None = None,
        outlet: str | None = None,
        modality: str | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        where, params = _event_filters(
            actor=actor, pair=pair, root=root, since=since, until=until,
            quad_class=quad_class, outlet=outlet, modality=modality,
        )
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
            ORDER BY date DESC NULLS LAST, e.article_id, e.evidence_start LIMIT ? OFFSET ?
        """
        return self._all(sql, [*params, limit, offset])

    def event_series(
        self: _HasConnection,
        *,
        actor: str | None = None,
        pair: tuple[str, str] | None = None,
        interval: str = "month",
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """Events per period and QuadClass, with mean Goldstein, for charts over time.

        ``interval`` is ``day``, ``week`` or ``month``; events without any date and
        negated events (which did not happen) are left out, as in the corpus dyad tables.
        """
        where, params = _event_filters(actor=actor, pair=pair, since=since, until=until)
        where.append("e.modality <> 'negated'")
        sql = f"""
            SELECT date_trunc('{_interval(interval)}', coalesce(e.date, a.published::DATE))::DATE
                       AS period,
                   e.quad_class, count(*) AS events, avg(e.goldstein) AS goldstein
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {" AND ".join(where)} AND coalesce(e.date, a.published::DATE) IS NOT NULL
            GROUP BY ALL ORDER BY period, e.quad_class
        """
        return self._all(sql, params)

    def volume(self: _HasConnection, *, interval: str = "month") -> list[dict[str, Any]]:
        """Articles and events per period of publication (undated articles left out)."""
        sql = f"""
            SELECT date_trunc('{_interval(interval)}', a.published)::DATE AS period,
                   count(*) AS articles, sum(n.events)::BIGINT AS events
            FROM articles a
            LEFT JOIN (SELECT article_id, count(*) AS events FROM events GROUP BY 1) n
                   ON n.article_id = a.id
            WHERE a.published IS NOT NULL
            GROUP BY 1 ORDER BY 1
        """
        return self._all(sql)

    def summary(self: _HasConnection) -> dict[str, Any]:
        """Counts of what the store holds and the span of publication dates."""
        return self._all("""
            SELECT (SELECT count(*) FROM articles) AS articles,
                   (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM quotes) AS quotes,
                   (SELECT count(*) FROM mentions) AS mentions,
                   (SELECT count(DISTINCT outlet) FROM articles) AS outlets,
                   (SELECT min(published)::DATE FROM articles) AS first_published,
                   (SELECT max(published)::DATE FROM articles) AS last_published
        """)[0]

    def date_range(self: _HasConnection) -> tuple[dt.date | None, dt.date | None]:
        """First and last event date (falling back to publication dates)."""
        row = self.con.execute(
            "SELECT min(coalesce(e.date, a.published::DATE)), max(coalesce(e.date, "
            "a.published::DATE)) FROM events e JOIN articles a ON a.id = e.article_id"
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def dyads(
        self: _HasConnection,
        *,
        actor: str | None = None,
        limit: int = 20,
    ) -> list[dict[str, Any]]:
        """Pairs of actors with the number of events between them, in either direction.

        Actors are keyed at state level where known (``country``), else by code or
        id, so ``CHN`` collects the Chinese government, military and officials;
        with ``actor``, only pairs involving it, its partner listed as ``b``.
        Negated events (which did not happen) are not counted.
        """
        key = "coalesce(x.country, x.code, x.actor_id)"
        pairs = f"""
            SELECT DISTINCT e.id, e.quad_class, e.goldstein,
                   {key.replace("x.", "s.")} AS src, {key.replace("x.", "t.")} AS tgt
            FROM events e
            JOIN event_actors s ON s.event_id = e.id AND s.side = 'source'
            JOIN event_actors t ON t.event_id = e.id AND t.side = 'target'
            WHERE e.modality <> 'negated'
        """
        params: list[Any] = []
        if actor:
            match = _ACTOR_MATCH.format(alias="m")
            ends = f"""
                SELECT id, quad_class, goldstein, ? AS a, CASE WHEN src_is THEN tgt ELSE src END AS b
                FROM (SELECT p.*,
                             EXISTS (SELECT 1 FROM event_actors m WHERE m.event_id = p.id
                                     AND m.side = 'source' AND {match}) AS src_is,
                             EXISTS (SELECT 1 FROM event_actors m WHERE m.event_id = p.id
                                     AND m.side = 'target' AND {match}) AS tgt_is
                      FROM ({pairs}) p)
                WHERE (src_is OR tgt_is) AND NOT (src_is AND tgt_is)
            """
            params = [actor] + [actor] * 3 * 2
        else:
            ends = f"""
                SELECT id, quad_class, goldstein, least(src, tgt) AS a, greatest(src, tgt) AS b
                FROM ({pairs}) WHERE src <> tgt
            """
        sql = f"""
            SELECT a, b, count(DISTINCT id) AS events,
                   count(DISTINCT id) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(DISTINCT id) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   avg(goldstein) AS goldstein
            FROM ({ends}) WHERE a IS NOT NULL AND b IS NOT NULL
            GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?
        """
        return self._all(sql, [*params, limit])

    def quotes(
        self: _HasConnection,
        *,
        speaker: str | None = None,
        actor: str | None = None,
        limit: int = 100,
        about: str | None = None,
        search: str | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes; ``about`` keeps those naming an actor (code, country or id) inside the quote."""
        where, params = ["1=1"], []
        if about:
            where.append(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND "
                "m.start_char >= q.start_char AND m.end_char <= q.end_char AND "
                + _ACTOR_MATCH.format(alias="m") + ")"
            )
            params += [about] * 3
        if search:
            where.append("(q.text ILIKE ? OR q.speaker_text ILIKE ?)")
            params += [f"%{search}%"] * 2
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
            ORDER BY a.published DESC NULLS LAST, q.article_id, q.start_char LIMIT ? OFFSET ?
        """
        return self._all(sql, [*params, limit, offset])

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


_INTERVALS = ("day", "week", "month", "year")


def _interval(name: str) -> str:
    """Validate a period name before it is placed into SQL (it cannot be a parameter)."""
    if name not in _INTERVALS:
        raise UsageError(ErrorCode.E013, name="interval",
                         reason=f"{name!r}; choose from {', '.join(_INTERVALS)}")
    return name


def _event_filters(
    *,
    actor: str | None = None,
    pair: tuple[str, str] | None = None,
    root: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    quad_class: int | None = None,
    outlet: str | None = None,
    modality: str | None = None,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters over ``events e JOIN articles a`` shared by event listings."""
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
    if until:
        where.append("coalesce(e.date, a.published::DATE) <= ?")
        params.append(until)
    if quad_class is not None:
        where.append("e.quad_class = ?")
        params.append(quad_class)
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if modality:
        where.append("e.modality = ?")
        params.append(modality)
    return where, params
