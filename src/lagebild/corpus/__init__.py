"""Corpus jobs over the store: stories, event deduplication, dyads, tone, actor graph.

``update_corpus`` folds newly stored articles into every corpus table; it is
incremental (articles already folded in are listed in ``corpus_articles``) and
safe to re-run after an interruption (each step first removes what it is about
to write for the new articles).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import duckdb

from lagebild.corpus.dedup import update_corpus_events
from lagebild.corpus.dyads import update_dyad_events
from lagebild.corpus.similarity import Vectorizer
from lagebild.corpus.stories import update_stories
from lagebild.corpus.tone import update_sentence_tone

__all__ = ["CorpusUpdate", "update_corpus"]


@dataclass(slots=True)
class CorpusUpdate:
    """What one corpus update did, with the seconds each step took."""

    articles: int = 0
    sentence_tones: int = 0
    dyad_rows: int = 0
    corpus_events: int = 0
    stories_placed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles, "sentence_tones": self.sentence_tones,
            "dyad_rows": self.dyad_rows, "corpus_events": self.corpus_events,
            "stories_placed": self.stories_placed,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def update_corpus(
    con: duckdb.DuckDBPyConnection, *, stories: bool = True, vectorizer: Vectorizer | None = None,
) -> CorpusUpdate:
    """Fold every article not yet in the corpus tables into them."""
    result = CorpusUpdate()
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _new_articles AS SELECT id AS article_id FROM articles "
        "WHERE id NOT IN (SELECT article_id FROM corpus_articles)"
    )
    result.articles = con.execute("SELECT count(*) FROM _new_articles").fetchone()[0]
    steps = [
        ("sentence_tones", lambda: update_sentence_tone(con, "_new_articles")),
        ("dyad_rows", lambda: update_dyad_events(con, "_new_articles")),
        ("corpus_events", lambda: update_corpus_events(con, "_new_articles")),
    ]
    if stories:
        steps.append(("stories_placed", lambda: update_stories(con, vectorizer=vectorizer)))
    if result.articles or stories:
        for name, step in steps:
            if name != "stories_placed" and not result.articles:
                continue
            started = time.perf_counter()
            setattr(result, name, step())
            result.seconds[name] = time.perf_counter() - started
    con.execute("INSERT INTO corpus_articles (article_id) SELECT article_id FROM _new_articles")
    con.execute("DROP TABLE _new_articles")
    return result
