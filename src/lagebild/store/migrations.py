"""Schema migrations, applied in order and recorded in the database.

Each migration is a function registered with ``@migration``; its name is stored
in ``_lagebild_migrations`` once applied, so opening a store twice never applies
anything twice, and a newer store opened by an older release is recognised.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(func: Migration) -> Migration:
    """Register ``func`` as the next migration, under its function name."""
    MIGRATIONS.append((func.__name__, func))
    return func


@migration
def m001_articles(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            source VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            title VARCHAR,
            published TIMESTAMP,
            language VARCHAR,
            text VARCHAR NOT NULL,
            raw_text VARCHAR NOT NULL,
            removed_spans JSON,
            mt_signals JSON,
            inferred JSON,
            author VARCHAR,
            tone DOUBLE,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )
    con.execute(
        """
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            is_headline BOOLEAN NOT NULL,
            PRIMARY KEY (article_id, idx)
        )
        """
    )


@migration
def m002_mentions(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR,
            actor_id VARCHAR,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            code VARCHAR,
            role VARCHAR,
            confidence DOUBLE
        )
        """
    )
    con.execute("CREATE INDEX mentions_actor ON mentions (actor_id)")


@migration
def m003_quotes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE quotes (
            article_id VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            form VARCHAR NOT NULL,
            speaker_text VARCHAR,
            speaker_actor_id VARCHAR,
            speaker_code VARCHAR,
            speaker_start INTEGER,
            speaker_end INTEGER,
            cue VARCHAR,
            cue_start INTEGER,
            cue_end INTEGER,
            addressee VARCHAR,
            confidence DOUBLE
        )
        """
    )


@migration
def m004_events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            sentence INTEGER NOT NULL,
            cameo VARCHAR NOT NULL,
            root VARCHAR NOT NULL,
            plover VARCHAR,
            mode VARCHAR,
            context JSON,
            quad_class INTEGER,
            goldstein DOUBLE,
            modality VARCHAR NOT NULL,
            trigger VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            evidence_start INTEGER,
            evidence_end INTEGER,
            date DATE,
            date_is_publication BOOLEAN,
            background BOOLEAN,
            location VARCHAR,
            confidence DOUBLE
        )
        """
    )
    # One row per actor on each side keeps dyad queries plain joins.
    con.execute(
        """
        CREATE TABLE event_actors (
            event_id VARCHAR NOT NULL,
            side VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            text VARCHAR,
            actor_id VARCHAR,
            code VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            start_char INTEGER,
            end_char INTEGER
        )
        """
    )
    con.execute("CREATE INDEX event_actors_event ON event_actors (event_id)")



@migration
def m005_corpus(con: duckdb.DuckDBPyConnection) -> None:
    """Corpus tables: stories, deduplicated events, dyad rows and sentence tone.

    All are derived from the per-article tables by ``lagebild.corpus`` and can be
    rebuilt from them; ``corpus_articles`` records which articles are folded in.
    """
    con.execute("CREATE TABLE corpus_articles (article_id VARCHAR PRIMARY KEY, "
                "updated_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute(
        """
        CREATE TABLE stories (
            id VARCHAR PRIMARY KEY,
            first_seen TIMESTAMP,
            last_seen TIMESTAMP,
            articles INTEGER NOT NULL,
            outlets JSON,
            title VARCHAR
        )
        """
    )
    # One row per article: its story, why it joined, and the features that
    # later articles are compared with (MinHash signature, title+lead vector).
    con.execute(
        """
        CREATE TABLE story_articles (
            story_id VARCHAR NOT NULL,
            article_id VARCHAR PRIMARY KEY,
            published TIMESTAMP,
            reason VARCHAR,
            score DOUBLE,
            minhash UBIGINT[],
            vector FLOAT[],
            vector_kind VARCHAR,
            actors VARCHAR[]
        )
        """
    )
    con.execute("CREATE INDEX story_articles_story ON story_articles (story_id)")
    con.execute(
        """
        CREATE TABLE sentence_tone (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            positive DOUBLE NOT NULL,
            negative DOUBLE NOT NULL,
            words INTEGER NOT NULL,
            tone DOUBLE NOT NULL,
            PRIMARY KEY (article_id, idx)
        )
        """
    )
    # Denormalised event rows: one per (event, source actor, target actor), in
    # arrival order, so dyad and timeline queries are single-table scans.
    con.execute(
        """
        CREATE TABLE dyad_events (
            event_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            day DATE,
            source_code VARCHAR,
            source_country VARCHAR,
            target_code VARCHAR,
            target_country VARCHAR,
            root VARCHAR,
            cameo VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            tone DOUBLE,
            outlet VARCHAR,
            is_primary BOOLEAN
        )
        """
    )
    con.execute(
        """
        CREATE TABLE corpus_events (
            id VARCHAR NOT NULL,  -- no index: rebuilt in bulk, where index upkeep dominates
            day DATE,
            last_day DATE,
            source VARCHAR,
            target VARCHAR,
            root VARCHAR,
            cameo VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            negated BOOLEAN,
            num_mentions INTEGER,
            num_sources INTEGER,
            num_articles INTEGER,
            avg_tone DOUBLE
        )
        """
    )
    con.execute(
        """
        CREATE TABLE corpus_event_mentions (
            corpus_event_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            evidence_start INTEGER,
            evidence_end INTEGER
        )
        """
    )


@migration
def m006_article_indexes(con: duckdb.DuckDBPyConnection) -> None:
    # The article reader and ``Store.analysis`` fetch one article's rows from each
    # table; without these, every lookup scans the whole table.
    for table in ("mentions", "quotes", "events"):
        con.execute(f"CREATE INDEX IF NOT EXISTS {table}_article ON {table} (article_id)")


@migration
def m007_analysis_json(con: duckdb.DuckDBPyConnection) -> None:
    # Each article's full JSON (``Analysis.to_dict()``), written with the article, so
    # that reading an article is one lookup; NULL for articles stored before this.
    con.execute("ALTER TABLE articles ADD COLUMN analysis_json VARCHAR")


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS _lagebild_migrations "
        "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT name FROM _lagebild_migrations").fetchall()}
    applied = []
    for name, func in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            func(con)
            con.execute("INSERT INTO _lagebild_migrations (name) VALUES (?)", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def unknown_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Migrations recorded in the store that this release does not know (a newer store)."""
    known = {name for name, _ in MIGRATIONS}
    rows = con.execute("SELECT name FROM _lagebild_migrations").fetchall()
    return [r[0] for r in rows if r[0] not in known]
