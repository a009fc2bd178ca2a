"""Stories: articles that report the same story, grouped incrementally as they arrive.

A new article joins the story of the most similar stored article it links to,
or starts a story of its own. Two articles link when their dates (if both are
known) are at most ``WINDOW_DAYS`` apart and either

1. they are near duplicates: MinHash-estimated Jaccard similarity of their word
   shingles of at least ``NEAR_DUPLICATE`` (LSH finds the candidates), or
2. they tell the same story in other words: their title+lead vectors are close
   (cosine at least ``StoryRules.with_actors``) *and* they share their salient
   actors, or the vectors are so close (``StoryRules.alone``) that actors are
   not needed (articles without recognised actors, other languages).

Thresholds depend on the vectoriser (see ``similarity``) and were tuned with
``bench/tune_stories.py`` on 10kGNAD (same-article lead/body pairs as
positives, other articles of the same newspaper section as hard negatives),
not on the example corpus; ``docs/corpus.md`` records the figures.

Assignment is greedy and in date order (first-story detection): once placed, an
article does not move, so story ids are stable and updates are cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
from datasketch import MinHashLSH
from scipy import sparse

from lagebild.corpus.similarity import (
    NUM_PERM,
    ArticleText,
    Vectorizer,
    Vectors,
    as_minhash,
    default_vectorizer,
    minhash,
)
from lagebild.model import Story
from lagebild.store import insert_rows

WINDOW_DAYS = 7  # follow-ups and reactions to one story appear within a week; later is a new story
NEAR_DUPLICATE = 0.5  # Jaccard of word 3-shingles: reposts with other boilerplate keep > 0.6,
# two different reports of one story share < 0.15 of their 3-word shingles
SALIENT_ACTORS = 8  # the most-mentioned actor keys of an article describe what it is about
MIN_SHARED_ACTORS = 2  # one shared actor (CHN, USA) is the topic, two begin to be the story
MIN_ACTOR_OVERLAP = 0.4  # shared keys / keys of the smaller set
TEXT_LIMIT = 20_000  # characters shingled: whole ordinary articles, bounded cost for huge inputs


@dataclass(frozen=True, slots=True)
class StoryRules:
    """Cosine thresholds of one vectoriser (see ``bench/tune_stories.py``)."""

    with_actors: float  # cosine enough when the salient actors agree
    alone: float  # cosine enough on its own


# Chosen on the 10kGNAD dev pairs of bench/tune_stories.py (300 articles, 11,296 hard
# negatives): "with_actors" lets through about 0.25% of same-section pairs (the actor
# condition then removes most of those), "alone" lets through none of them.
#   USE-m3:   cos >= 0.55 keeps 38% of lead/body positives, 0.26% hard negatives; >= 0.70: 4%, 0%
#   chargram: cos >= 0.20 keeps 63% of lead/body positives, 0.25% hard negatives;
#             >= 0.35: 16%, 0.01%
# Lead/body pairs are harder than two outlets' leads of one story, so real recall is higher.
RULES: dict[str, StoryRules] = {
    "use-m3": StoryRules(with_actors=0.55, alone=0.70),
    "chargram": StoryRules(with_actors=0.20, alone=0.35),
}


@dataclass(slots=True)
class _Item:
    id: str
    text: ArticleText
    published: dt.datetime | None
    actors: list[str]
    story: str | None = None
    signature: np.ndarray | None = None
    vector: np.ndarray | None = None
    vector_kind: str | None = None


BLOCK = 256  # new articles compared per matrix product: few calls ...
BLOCK_CELLS = 1 << 24  # ... and at most 16M cosines (64 MB) per product, however large the pool


def update_stories(
    con: duckdb.DuckDBPyConnection, *, vectorizer: Vectorizer | None = None,
) -> int:
    """Place every stored article that has no story yet; returns how many were placed."""
    vectorizer = vectorizer or default_vectorizer()
    rules = RULES[vectorizer.kind]
    new = _load(con, "a.id NOT IN (SELECT article_id FROM story_articles)", [])
    if not new:
        return 0
    pool = _candidates(con, new)
    # items[:p] are the articles placed before items[p]: the pool, then the new ones in order
    items = [*pool, *new]
    vectors = _features(new, pool, vectorizer)
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=NUM_PERM)
    for j, c in enumerate(pool):
        lsh.insert(str(j), as_minhash(c.signature))
    rows = []
    for first, last in _blocks(len(pool), len(items)):
        # cosines of each new article in the block with every article before the block's end
        block = vectors[first:last] @ vectors[:last].T
        block = block.toarray() if sparse.issparse(block) else np.asarray(block)
        for p in range(first, last):
            item = items[p]
            best, reason, score = _best_link(item, items, block[p - first, :p], lsh, rules)
            item.story = best.story if best else f"st-{item.id}"
            rows.append(_row(item, reason if best else "first", score, vectorizer))
            lsh.insert(str(p), as_minhash(item.signature))
    insert_rows(con, "story_articles", rows)  # one statement, not one per row
    _refresh_stories(con, {i.story for i in new})
    return len(new)


def _blocks(start: int, end: int) -> Iterator[tuple[int, int]]:
    """``[first, last)`` ranges of new articles: ``BLOCK`` long, shorter as the pool grows."""
    first = start
    while first < end:
        rows = max(1, min(BLOCK, BLOCK_CELLS // (first + BLOCK)))
        last = min(first + rows, end)
        yield first, last
        first = last


def _best_link(item: _Item, placed: Sequence[_Item], cosines: np.ndarray, lsh: MinHashLSH,
               rules: StoryRules) -> tuple[_Item | None, str, float]:
    """The placed article ``item`` links to best; ``cosines[j]`` is its cosine with ``placed[j]``.

    ``placed`` may run past ``item``: only its first ``len(cosines)`` articles count.
    """
    best: tuple[_Item | None, str, float] = (None, "", 0.0)
    near = {int(k) for k in lsh.query(as_minhash(item.signature))}
    for j in sorted(near | set(np.flatnonzero(cosines >= rules.with_actors).tolist())):
        other = placed[j]
        if not _in_window(item.published, other.published):
            continue
        jaccard = float(np.mean(item.signature == other.signature)) if j in near else 0.0
        cosine = float(cosines[j])
        if jaccard >= NEAR_DUPLICATE:
            link = ("near_duplicate", 1.0 + jaccard)
        elif cosine >= rules.alone:
            link = ("same_story", cosine)
        elif cosine >= rules.with_actors and _actors_agree(item.actors, other.actors):
            link = ("same_story_actors", cosine)
        else:
            continue
        if link[1] > best[2]:
            best = (other, *link)
    return best


def _actors_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    shared = len(set(a) & set(b))
    smaller = min(len(a), len(b))
    return shared >= MIN_SHARED_ACTORS and smaller > 0 and shared / smaller >= MIN_ACTOR_OVERLAP


def _in_window(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """Dates constrain only when both articles have one (undated reports are common)."""
    if a is None or b is None:
        return True
    return abs((a - b).total_seconds()) <= WINDOW_DAYS * 86400


# -- loading and writing ------------------------------------------------------------


_SELECT = f"""
    SELECT a.id, a.title, substr(a.text, 1, {TEXT_LIMIT}) AS text, a.language, a.published,
           (SELECT list(k ORDER BY n DESC, k)[1:{SALIENT_ACTORS}] FROM (
                SELECT coalesce(m.country, m.code, m.actor_id) AS k, count(*) AS n
                FROM mentions m WHERE m.article_id = a.id AND k IS NOT NULL GROUP BY k)) AS actors
    FROM articles a
"""


def _load(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[_Item]:
    rows = con.execute(
        f"{_SELECT} WHERE {where} ORDER BY coalesce(a.published, a.ingested_at), a.id", params
    ).fetchall()
    return [
        _Item(id=r[0], text=ArticleText(r[0], r[1], r[2] or "", r[3]), published=r[4],
              actors=list(r[5] or []))
        for r in rows
    ]


def _candidates(con: duckdb.DuckDBPyConnection, new: Sequence[_Item]) -> list[_Item]:
    """Placed articles that could share a story with the new ones (by date or arrival)."""
    dated = [i.published for i in new if i.published is not None]
    window = dt.timedelta(days=WINDOW_DAYS)
    clauses, params = [], []
    if dated:
        clauses.append("a.published BETWEEN ? AND ?")
        params += [min(dated) - window, max(dated) + window]
    # Undated articles (new or stored) are compared with what arrived around the same time.
    clauses.append("a.published IS NULL AND a.ingested_at >= (SELECT min(ingested_at) FROM "
                   f"articles WHERE id NOT IN (SELECT article_id FROM story_articles)) - "
                   f"INTERVAL {WINDOW_DAYS} DAY")
    if any(i.published is None for i in new):
        clauses.append(f"a.ingested_at >= current_timestamp - INTERVAL {WINDOW_DAYS} DAY")
    where = "(" + " OR ".join(clauses) + ")"
    sql = f"""
        SELECT sa.article_id, sa.story_id, sa.minhash, sa.vector, sa.vector_kind
        FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE {where}
    """
    stored = {r[0]: r[1:] for r in con.execute(sql, params).fetchall()}
    if not stored:
        return []
    items = _load(con, "a.id IN (SELECT unnest(?))", [list(stored)])
    for item in items:
        story, signature, vector, kind = stored[item.id]
        item.story = story
        item.signature = np.asarray(signature, dtype=np.uint64)
        item.vector = np.asarray(vector, dtype=np.float32) if vector is not None else None
        item.vector_kind = kind
    return items


def _features(new: Sequence[_Item], pool: Sequence[_Item], vectorizer: Vectorizer) -> Vectors:
    """MinHash signatures of the new articles; the vectors of ``[*pool, *new]``, one row each."""
    for item in new:
        item.signature = minhash(item.text.text)
    items = [*pool, *new]
    if vectorizer.stores_vectors:
        # stored vectors of another kind (e.g. made before USE was installed) are redone
        todo = [i for i in items if i.vector is None or i.vector_kind != vectorizer.kind]
    else:
        todo = items
    if todo:
        vectors = vectorizer.encode([i.text.lead for i in todo],
                                    languages=[i.text.language for i in todo])
        if not vectorizer.stores_vectors:  # todo is every item, in order
            return vectors
        for item, vector in zip(todo, vectors, strict=True):
            item.vector = vector
    return np.stack([i.vector for i in items])


def _row(item: _Item, reason: str, score: float, vectorizer: Vectorizer) -> tuple[Any, ...]:
    vector = item.vector.tolist() if vectorizer.stores_vectors else None
    return (item.story, item.id, item.published, reason, round(score, 4),
            item.signature.tolist(), vector, vectorizer.kind, item.actors)


def _refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    ids = sorted(story_ids)
    con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?))", [ids])
    con.execute(
        """
        INSERT INTO stories
        SELECT sa.story_id, min(coalesce(a.published, a.ingested_at)),
               max(coalesce(a.published, a.ingested_at)), count(*),
               to_json(list(DISTINCT a.outlet ORDER BY a.outlet)
                       FILTER (WHERE a.outlet IS NOT NULL)),
               arg_min(a.title, coalesce(a.published, a.ingested_at))
        FROM story_articles sa JOIN articles a ON a.id = sa.article_id
        WHERE sa.story_id IN (SELECT unnest(?))
        GROUP BY sa.story_id
        """,
        [ids],
    )


# -- reading ------------------------------------------------------------------------


def stories(con: duckdb.DuckDBPyConnection, *, min_articles: int = 1, limit: int = 100,
            offset: int = 0) -> list[Story]:
    """Stories with at least ``min_articles`` articles, largest and newest first."""
    rows = con.execute(
        """
        SELECT s.id, s.first_seen, s.outlets,
               (SELECT list(sa.article_id ORDER BY sa.published NULLS LAST, sa.article_id)
                FROM story_articles sa WHERE sa.story_id = s.id) AS article_ids
        FROM stories s WHERE s.articles >= ?
        ORDER BY s.articles DESC, s.first_seen DESC NULLS LAST, s.id LIMIT ? OFFSET ?
        """,
        [min_articles, limit, offset],
    ).fetchall()
    return [_story(r) for r in rows]


def story(con: duckdb.DuckDBPyConnection, story_id: str) -> Story | None:
    """One story by id, or by the id of one of its articles."""
    row = con.execute(
        """
        SELECT s.id, s.first_seen, s.outlets,
               (SELECT list(sa.article_id ORDER BY sa.published NULLS LAST, sa.article_id)
                FROM story_articles sa WHERE sa.story_id = s.id)
        FROM stories s
        WHERE s.id = ? OR s.id = (SELECT story_id FROM story_articles WHERE article_id = ?)
        """,
        [story_id, story_id],
    ).fetchone()
    return _story(row) if row else None


def _story(row: Sequence[Any]) -> Story:
    import json

    first_seen = row[1]
    if isinstance(first_seen, dt.datetime) and first_seen.time() == dt.time():
        first_seen = first_seen.date()
    outlets = json.loads(row[2]) if isinstance(row[2], str) else list(row[2] or [])
    return Story(id=row[0], article_ids=list(row[3] or []), first_seen=first_seen,
                 outlets=outlets)
