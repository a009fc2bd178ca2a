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
        # The page is cut first, so the counts are computed for its rows only.
        sql = f"""
            WITH page AS (
                SELECT a.id, a.published, a.outlet, a.language, a.title, a.source
                FROM articles a WHERE {" AND ".join(where)}
                ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?
            )
            SELECT p.*,
                   (SELECT count(*) FROM sentences s WHERE s.article_id = p.id) AS sentences,
                   (SELECT count(*) FROM mentions m WHERE m.article_id = p.id) AS mentions,
                   (SELECT count(*) FROM quotes q WHERE q.article_id = p.id) AS quotes,
                   (SELECT count(*) FROM events e WHERE e.article_id = p.id) AS events
            FROM page p ORDER BY p.published DESC NULLS LAST, p.id
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
        return self._all(_events_sql(" AND ".join(where)), [*params, limit, offset])

    def evidence(
        self: _HasConnection, spans: Sequence[tuple[str, int | None, int | None]]
    ) -> list[str | None]:
        """The text of each (article id, start, end) span, as event listings cut it.

        For a caller that found a page of events elsewhere (the web server's event
        index): one lookup per distinct article, whatever the store's size.
        """
        if not spans:
            return []
        articles, starts, ends = (list(column) for column in zip(*spans, strict=True))
        rows = self.con.execute(
            """
            SELECT x.i, substr(a.text, x.s + 1, x.e - x.s)
            FROM (SELECT unnest(range(len($1::VARCHAR[]))) AS i, unnest($1::VARCHAR[]) AS art,
                         unnest($2::INTEGER[]) AS s, unnest($3::INTEGER[]) AS e) x
            JOIN articles a ON a.id = x.art
            """,
            [articles, starts, ends],
        ).fetchall()
        found = dict(rows)
        return [found.get(i) for i in range(len(spans))]

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
        if self._dyad_table_answers(actor, *(pair or ())):
            return self._all(*_series_from_dyad_table(actor=actor, pair=pair, since=since,
                                                      until=until, interval=interval))
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

    def _dyad_table_answers(self: _HasConnection, *keys: str | None) -> bool:
        """Whether the corpus table ``dyad_events`` can answer for these actor keys.

        It is a denormalised copy of the events (one row per event, source and
        target; negated events left out) that makes pair counts a single scan. It
        answers when it covers every stored article and the keys are codes or
        countries; actor ids (``gpe:CHN``) need the event tables.
        """
        if any(k and ":" in k for k in keys):
            return False
        try:
            row = self.con.execute(
                "SELECT (SELECT count(*) FROM corpus_articles) >= (SELECT count(*) FROM articles)"
                " AND EXISTS (SELECT 1 FROM dyad_events)"
            ).fetchone()
        except duckdb.CatalogException:  # a store from before the corpus tables
            return False
        return bool(row and row[0])

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
        if self._dyad_table_answers(actor):
            sql, params = _dyads_from_dyad_table(actor=actor, limit=limit)
            rows = self._all(sql, params)
            return [{"a": actor, **r} for r in rows] if actor else rows
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
                SELECT id, quad_class, goldstein, ? AS a,
                       CASE WHEN src_is THEN tgt ELSE src END AS b
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


def _events_sql(where: str) -> str:
    """An event listing over ``events e JOIN articles a`` filtered by ``where``.

    The page of events is cut first (``LIMIT ? OFFSET ?``); actor
    strings and evidence are then built for its rows only, which keeps an
    unfiltered listing fast on large stores. The event id breaks the last ties of
    the order, so pages never overlap (the web server's event index sorts alike).
    """
    return f"""
        WITH page AS (
            SELECT e.id, e.article_id, coalesce(e.date, a.published::DATE) AS date,
                   e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.modality,
                   e.trigger, e.evidence_start, e.evidence_end, a.outlet
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {where}
            ORDER BY date DESC NULLS LAST, e.article_id, e.evidence_start, e.id
            LIMIT ? OFFSET ?
        )
        , sides AS (
            SELECT x.event_id,
                   string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
                       FILTER (WHERE x.side = 'source') AS source,
                   string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
                       FILTER (WHERE x.side = 'target') AS target
            FROM event_actors x WHERE x.event_id IN (SELECT id FROM page) GROUP BY 1
        )
        SELECT p.id, p.article_id, p.date, p.cameo, p.root, p.plover, p.quad_class,
               p.goldstein, p.modality, p.trigger, s.source, s.target,
               substr(a.text, p.evidence_start + 1, p.evidence_end - p.evidence_start)
                   AS evidence,
               p.outlet
        FROM page p
        LEFT JOIN sides s ON s.event_id = p.id
        JOIN articles a ON a.id = p.article_id
        ORDER BY p.date DESC NULLS LAST, p.article_id, p.evidence_start, p.id
    """


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


_DYAD_SOURCE = "(d.source_code = ? OR d.source_country = ?)"
_DYAD_TARGET = "(d.target_code = ? OR d.target_country = ?)"
# Over rows made distinct per (event, pair) first: an event with two actors on one
# side has one dyad row per actor, but counts once for each pair.
_DYAD_MEASURES = """
    count(*) AS events,
    count(*) FILTER (WHERE d.quad_class IN (1, 2)) AS cooperation,
    count(*) FILTER (WHERE d.quad_class IN (3, 4)) AS conflict,
    avg(d.goldstein) AS goldstein
"""


def _dyads_from_dyad_table(*, actor: str | None, limit: int) -> tuple[str, list[Any]]:
    """``QueryMixin.dyads`` over ``dyad_events`` (keys: country, else code)."""
    if not actor:
        sql = f"""
            SELECT d.a, d.b, {_DYAD_MEASURES}
            FROM (SELECT DISTINCT event_id, quad_class, goldstein,
                         least(source_country, target_country) AS a,
                         greatest(source_country, target_country) AS b
                  FROM dyad_events
                  WHERE source_country IS NOT NULL AND target_country IS NOT NULL
                    AND source_country <> target_country) d
            GROUP BY 1, 2 ORDER BY events DESC, d.a, d.b LIMIT ?
        """
        return sql, [limit]
    sql = f"""
        SELECT d.b, {_DYAD_MEASURES}
        FROM (SELECT DISTINCT event_id, quad_class, goldstein,
                     CASE WHEN src_is THEN target_country ELSE source_country END AS b
              FROM (SELECT *, {_DYAD_SOURCE.replace("d.", "")} AS src_is,
                              {_DYAD_TARGET.replace("d.", "")} AS tgt_is FROM dyad_events)
              WHERE (src_is OR tgt_is) AND NOT (src_is AND tgt_is)) d
        WHERE d.b IS NOT NULL
        GROUP BY 1 ORDER BY events DESC, d.b LIMIT ?
    """
    return sql, [actor] * 4 + [limit]


def _series_from_dyad_table(
    *,
    actor: str | None,
    pair: tuple[str, str] | None,
    since: dt.date | None,
    until: dt.date | None,
    interval: str,
) -> tuple[str, list[Any]]:
    """``QueryMixin.event_series`` over ``dyad_events``."""
    where, params = ["d.day IS NOT NULL"], []
    if actor:
        where.append(f"({_DYAD_SOURCE} OR {_DYAD_TARGET})")
        params += [actor] * 4
    if pair:
        a, b = pair
        both = f"({_DYAD_SOURCE} AND {_DYAD_TARGET})"
        where.append(f"({both} OR {both})")
        params += [a, a, b, b, b, b, a, a]
    if since:
        where.append("d.day >= ?")
        params.append(since)
    if until:
        where.append("d.day <= ?")
        params.append(until)
    sql = f"""
        SELECT date_trunc('{_interval(interval)}', d.day)::DATE AS period, d.quad_class,
               count(*) AS events, avg(d.goldstein) AS goldstein
        FROM (SELECT DISTINCT d.event_id, d.day, d.quad_class, d.goldstein
              FROM dyad_events d WHERE {" AND ".join(where)}) d
        GROUP BY ALL ORDER BY period, d.quad_class
    """
    return sql, params
