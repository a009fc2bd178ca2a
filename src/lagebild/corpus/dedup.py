"""Event deduplication: one real-world event reported by several articles becomes one record.

Event mentions with the same key — CAMEO root, primary source and target
(country, or the full code for actors without a country such as NATO) and
negation — are ordered by date (undated mentions are never merged across
articles: nothing says they are the same event); a mention more than ``WINDOW_DAYS`` after the
previous one of its key starts a new corpus event (gaps and islands in SQL),
and so does one more than ``WINDOW_DAYS`` after the first of its event.
Each corpus event carries GDELT-style counts: NumMentions (event mentions),
NumSources (distinct outlets) and NumArticles (distinct articles), and
``corpus_event_mentions`` links it to every mention with its evidence span.

The rebuild is keyed: only the keys that new articles touched are recomputed,
so an update costs in proportion to what arrived, not to the corpus.
"""

from __future__ import annotations

from typing import Any

import duckdb

WINDOW_DAYS = 3  # wires, follow-ups and reactions report one event within ~2 days; a
# repeat of the same kind of act between the same pair a week later is a new event
UNDATED = "1970-01-01"  # stands in for a missing date; undated mentions are grouped per article

_KEYED = """
    SELECT e.id AS event_id, e.article_id,
           CASE WHEN coalesce(e.date, a.published::DATE) IS NULL THEN e.article_id END AS lone,
           e.evidence_start, e.evidence_end, e.cameo,
           e.root, e.quad_class, e.goldstein, e.modality = 'negated' AS negated,
           coalesce(e.date, a.published::DATE) AS day, a.outlet, a.tone,
           coalesce(s.country, s.code, s.actor_id) AS source,
           coalesce(t.country, t.code, t.actor_id) AS target
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN event_actors s ON s.event_id = e.id AND s.side = 'source' AND s.position = 0
    LEFT JOIN event_actors t ON t.event_id = e.id AND t.side = 'target' AND t.position = 0
"""


def update_corpus_events(con: duckdb.DuckDBPyConnection, new_articles: str | None = None) -> int:
    """Rebuild the corpus events of the keys touched by ``new_articles`` (all when None).

    Returns the number of corpus events written.
    """
    con.execute(f"CREATE OR REPLACE TEMP TABLE _keyed AS {_KEYED}")
    if new_articles is not None:
        con.execute(
            f"""
            CREATE OR REPLACE TEMP TABLE _touched AS
            SELECT DISTINCT root, source, target, negated FROM _keyed
            WHERE article_id IN (SELECT article_id FROM {new_articles})
            """
        )
        con.execute(
            """
            DELETE FROM _keyed k WHERE NOT EXISTS (
                SELECT 1 FROM _touched t WHERE t.root = k.root AND t.negated = k.negated
                AND t.source IS NOT DISTINCT FROM k.source
                AND t.target IS NOT DISTINCT FROM k.target)
            """
        )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _islands AS
        WITH keyed AS (
            SELECT *, coalesce(day, DATE '{UNDATED}') AS d,
                   hash(root, source, target, negated, lone) AS k
            FROM _keyed
        ),
        ordered AS (
            SELECT *, CASE WHEN d - lag(d) OVER (PARTITION BY k ORDER BY d, event_id)
                           > {WINDOW_DAYS} THEN 1 ELSE 0 END AS starts
            FROM keyed
        ),
        numbered AS (
            SELECT *, sum(starts) OVER (PARTITION BY k ORDER BY d, event_id
                                        ROWS UNBOUNDED PRECEDING) AS island
            FROM ordered
        ),
        spans AS (
            -- an island longer than the window is cut into window-long pieces, so a pair
            -- that makes statements every day does not become one event lasting years
            SELECT *, (d - min(d) OVER (PARTITION BY k, island)) // {WINDOW_DAYS + 1} AS piece
            FROM numbered
        )
        SELECT *, 'ce-' || left(md5(min(event_id) OVER (PARTITION BY k, island, piece)), 16)
                  AS corpus_event_id
        FROM spans
        """
    )
    # Drop the old records of every event being regrouped (by event, so an old
    # corpus event whose id changes because an earlier mention arrived goes too).
    if new_articles is None:
        con.execute("DELETE FROM corpus_events")
        con.execute("DELETE FROM corpus_event_mentions")
    else:
        con.execute(
            """
            DELETE FROM corpus_events WHERE id IN (
                SELECT corpus_event_id FROM corpus_event_mentions
                WHERE event_id IN (SELECT event_id FROM _islands))
            """
        )
        con.execute("DELETE FROM corpus_event_mentions "
                    "WHERE event_id IN (SELECT event_id FROM _islands)")
    con.execute(
        """
        INSERT INTO corpus_events
        SELECT corpus_event_id, min(day), max(day), any_value(source), any_value(target),
               any_value(root), mode(cameo), mode(quad_class), round(avg(goldstein), 2),
               any_value(negated), count(*), count(DISTINCT outlet), count(DISTINCT article_id),
               round(avg(tone), 4)
        FROM _islands GROUP BY corpus_event_id
        """
    )
    con.execute(
        """
        INSERT INTO corpus_event_mentions
        SELECT corpus_event_id, event_id, article_id, evidence_start, evidence_end FROM _islands
        """
    )
    written = con.execute("SELECT count(DISTINCT corpus_event_id) FROM _islands").fetchone()[0]
    con.execute("DROP TABLE IF EXISTS _keyed")
    con.execute("DROP TABLE IF EXISTS _touched")
    con.execute("DROP TABLE IF EXISTS _islands")
    return written


def corpus_events(
    con: duckdb.DuckDBPyConnection, *, actor: str | None = None, min_articles: int = 1,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Deduplicated events, most reported first."""
    where, params = ["num_articles >= ?"], [min_articles]
    if actor:
        where.append("(source = ? OR target = ?)")
        params += [actor, actor]
    cursor = con.execute(
        f"SELECT * FROM corpus_events WHERE {' AND '.join(where)} "
        "ORDER BY num_articles DESC, num_mentions DESC, day DESC NULLS LAST, id LIMIT ?",
        [*params, limit],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def evidence(con: duckdb.DuckDBPyConnection, corpus_event_id: str) -> list[dict[str, Any]]:
    """Every mention of one corpus event with its article, outlet and evidence text."""
    cursor = con.execute(
        """
        SELECT m.event_id, m.article_id, a.outlet, a.published, e.cameo, e.modality,
               substr(a.text, m.evidence_start + 1, m.evidence_end - m.evidence_start) AS evidence
        FROM corpus_event_mentions m
        JOIN articles a ON a.id = m.article_id
        JOIN events e ON e.id = m.event_id
        WHERE m.corpus_event_id = ? ORDER BY a.published NULLS LAST, m.article_id, m.evidence_start
        """,
        [corpus_event_id],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
