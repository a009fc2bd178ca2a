"""Sentence tone in the store, and tone per actor and per outlet as SQL.

The pipeline stage scores sentences as it runs and the store writes them to
``sentence_tone`` with the article; the corpus update scores only articles
stored without them (a run with the tone stage off, a partition written by an
older release) with the same lexicon, so the numbers are the same.
Corpus tone is then the lexicon balance of summed counts,
``(sum positive - sum negative) / (sum positive + sum negative)``, so long
articles and short ones weigh by their polar words, not one vote each.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from lagebild.components.tone import load_lexicon

_BALANCE = ("CASE WHEN sum(t.positive + t.negative) > 0 THEN "
            "(sum(t.positive) - sum(t.negative)) / sum(t.positive + t.negative) END")


def update_sentence_tone(con: duckdb.DuckDBPyConnection, new_articles: str) -> int:
    """Score sentences of articles in ``new_articles`` stored without tone; returns rows."""
    rows = con.execute(
        f"""
        SELECT s.article_id, s.idx, substr(a.text, s.start_char + 1, s.end_char - s.start_char),
               coalesce(a.language, 'de')
        FROM sentences s
        JOIN {new_articles} n ON n.article_id = s.article_id
        JOIN articles a ON a.id = s.article_id
        WHERE NOT EXISTS (SELECT 1 FROM sentence_tone t WHERE t.article_id = s.article_id)
        """
    ).fetchall()
    out = []
    for article_id, idx, text, language in rows:
        lexicon = load_lexicon(language)
        if lexicon is None:
            continue
        c = lexicon.score(text or "")
        out.append((article_id, idx, c.positive, c.negative, c.words, c.tone))
    if out:
        con.executemany("INSERT INTO sentence_tone VALUES (?, ?, ?, ?, ?, ?)", out)
        # The JSON stored with each article carries its sentence tones: drop it for these
        # articles, so readers rebuild it from the rows, tones included.
        con.execute("UPDATE articles SET analysis_json = NULL "
                    "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted({r[0] for r in out})])
    return len(out)


def actor_tone(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    top: int = 50,
) -> list[dict[str, Any]]:
    """Tone of the sentences mentioning each actor (by code, country or actor id)."""
    where, params = ["1=1"], []
    key = "coalesce(m.code, m.country, m.actor_id)"
    if actor:  # every sector of a country counts for the country: CHNGOV is CHN
        where.append("(m.code = ? OR m.country = ? OR m.actor_id = ?)")
        params += [actor] * 3
        key = "?"
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published < ? + INTERVAL 1 DAY")
        params.append(until)
    sql = f"""
        WITH hits AS (
            SELECT DISTINCT {key} AS actor, s.article_id, s.idx
            FROM mentions m
            JOIN sentences s ON s.article_id = m.article_id
                 AND m.start_char >= s.start_char AND m.start_char < s.end_char
            JOIN articles a ON a.id = m.article_id
            WHERE coalesce(m.code, m.country, m.actor_id) IS NOT NULL AND {" AND ".join(where)}
        )
        SELECT h.actor, count(*) AS sentences, count(DISTINCT h.article_id) AS articles,
               sum(t.positive) AS positive, sum(t.negative) AS negative,
               round({_BALANCE}, 4) AS tone
        FROM hits h JOIN sentence_tone t ON t.article_id = h.article_id AND t.idx = h.idx
        GROUP BY h.actor ORDER BY sentences DESC, h.actor LIMIT ?
    """
    head = [actor] if actor else []
    cursor = con.execute(sql, [*head, *params, top])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
