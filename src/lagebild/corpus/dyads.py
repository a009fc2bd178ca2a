"""Dyads and time series: events between ordered actor pairs, by day, week or month.

Everything is SQL over ``dyad_events``, a denormalised copy of the events with
one row per (event, source actor, target actor), filled incrementally as
articles arrive. An actor is matched by full code ("USAGOV"), by country
("USA", every sector of it) or by actor id, the same rule as ``lagebild events``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from lagebild.errors import ErrorCode, UsageError

PERIODS = ("day", "week", "month")

_SOURCE = "(d.source_code = ? OR d.source_country = ?)"
_TARGET = "(d.target_code = ? OR d.target_country = ?)"

# QuadClass 1-4: verbal cooperation, material cooperation, verbal conflict, material conflict.
_MEASURES = """
    count(*) AS events,
    count(*) FILTER (WHERE d.quad_class = 1) AS verbal_coop,
    count(*) FILTER (WHERE d.quad_class = 2) AS material_coop,
    count(*) FILTER (WHERE d.quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE d.quad_class = 4) AS material_conflict,
    round(sum(d.goldstein), 2) AS goldstein_sum,
    round(avg(d.goldstein), 3) AS goldstein_mean,
    round(avg(d.tone), 4) AS tone
"""


def update_dyad_events(con: duckdb.DuckDBPyConnection, new_articles: str) -> int:
    """Add the events of the articles in table ``new_articles``; returns rows added."""
    con.execute("DELETE FROM dyad_events WHERE article_id IN "
                f"(SELECT article_id FROM {new_articles})")
    before = con.execute("SELECT count(*) FROM dyad_events").fetchone()[0]
    con.execute(
        f"""
        INSERT INTO dyad_events
        WITH ev AS (
            SELECT e.id, e.article_id, coalesce(e.date, a.published::DATE) AS day, e.root,
                   e.cameo, e.quad_class, e.goldstein, a.tone, a.outlet
            FROM events e
            JOIN {new_articles} n ON n.article_id = e.article_id
            JOIN articles a ON a.id = e.article_id
            WHERE e.modality <> 'negated'
        ),
        src AS (SELECT event_id, position, code, coalesce(country, code) AS country
                FROM event_actors WHERE side = 'source' AND event_id IN (SELECT id FROM ev)),
        tgt AS (SELECT event_id, position, code, coalesce(country, code) AS country
                FROM event_actors WHERE side = 'target' AND event_id IN (SELECT id FROM ev))
        SELECT ev.id, ev.article_id, ev.day, s.code, s.country, t.code, t.country, ev.root,
               ev.cameo, ev.quad_class, ev.goldstein, ev.tone, ev.outlet,
               coalesce(s.position, 0) = 0 AND coalesce(t.position, 0) = 0
        FROM ev
        LEFT JOIN src s ON s.event_id = ev.id
        LEFT JOIN tgt t ON t.event_id = ev.id
        ORDER BY ev.day, ev.id
        """
    )
    return con.execute("SELECT count(*) FROM dyad_events").fetchone()[0] - before


def dyads(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    by: str = "country",
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Ordered actor pairs with event counts by QuadClass, Goldstein and tone.

    ``by="country"`` groups actors by country (USAGOV and USAMIL are USA),
    ``by="code"`` keeps full codes. With ``actor`` only pairs where it is the
    source or the target are listed.
    """
    if by not in ("country", "code"):
        raise UsageError(ErrorCode.E013, name="by", reason="choose country or code")
    src, tgt = ("d.source_country", "d.target_country") if by == "country" else \
        ("d.source_code", "d.target_code")
    where, params = [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL"], []
    if actor:
        where.append(f"({_SOURCE} OR {_TARGET})")
        params += [actor] * 4
    _add_period(where, params, since, until)
    sql = f"""
        SELECT {src} AS source, {tgt} AS target, {_MEASURES},
               min(d.day) AS first_day, max(d.day) AS last_day
        FROM dyad_events d WHERE {" AND ".join(where)}
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?
    """
    return _rows(con, sql, [*params, limit])


def timeline(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    by: str = "week",
    since: dt.date | None = None,
    until: dt.date | None = None,
    both_directions: bool = True,
) -> list[dict[str, Any]]:
    """Event counts and Goldstein per period for the pair (a, b); a→b and b→a by default."""
    if by not in PERIODS:
        raise UsageError(ErrorCode.E013, name="by", reason=f"choose one of {', '.join(PERIODS)}")
    pair = f"({_SOURCE} AND {_TARGET})"
    where = [f"({pair} OR {pair})" if both_directions else pair, "d.day IS NOT NULL"]
    params: list[Any] = [a, a, b, b] + ([b, b, a, a] if both_directions else [])
    _add_period(where, params, since, until)
    sql = f"""
        SELECT date_trunc('{by}', d.day)::DATE AS period, {_MEASURES},
               count(*) FILTER (WHERE {_SOURCE}) AS from_a
        FROM dyad_events d WHERE {" AND ".join(where)}
        GROUP BY period ORDER BY period
    """
    return _rows(con, sql, [a, a, *params])


def root_counts(
    con: duckdb.DuckDBPyConnection, a: str, b: str, *, since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Events from a to b by CAMEO root code."""
    where = [f"{_SOURCE}", f"{_TARGET}"]
    params: list[Any] = [a, a, b, b]
    _add_period(where, params, since, until)
    sql = f"""
        SELECT d.root, count(*) AS events, round(avg(d.goldstein), 3) AS goldstein_mean
        FROM dyad_events d WHERE {" AND ".join(where)}
        GROUP BY d.root ORDER BY events DESC, d.root
    """
    return _rows(con, sql, params)


def _add_period(where: list[str], params: list[Any], since: dt.date | None,
                until: dt.date | None) -> None:
    if since:
        where.append("d.day >= ?")
        params.append(since)
    if until:
        where.append("d.day <= ?")
        params.append(until)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
