"""Parquet partitions of analysed articles, and merging them into a store.

A partition is one Parquet file per store table (articles, sentences,
mentions, quotes, events, event_actors, sentence_tone) holding the rows of a
batch of articles, with exactly the columns and types of the DuckDB tables: it
is written by adding the analyses to an in-memory store built by the same
migrations and copying each table out, so the two can never drift apart. That
scratch store is built once per worker thread and emptied after each
partition (building it runs every migration, 30 ms: 1 ms per article of a
batch of 32).

``merge_partition`` is the way back in: one transaction per partition, rows of
articles the store already holds are skipped, so merging the same partition
twice, or two partitions that share an article, adds no duplicates.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from lagebild.model import Analysis
from lagebild.store import Store

__all__ = ["TABLES", "merge_partition", "partition_key", "write_partition"]

#: Store tables a partition carries, parents before children.
TABLES = (
    "articles", "sentences", "mentions", "quotes", "events", "event_actors", "sentence_tone",
)


def partition_key(article_ids: Iterable[str]) -> str:
    """A name for the partition of these articles that does not depend on their order.

    The same batch analysed again (a re-run after a crash) overwrites its own
    files instead of adding a second copy next to them.
    """
    digest = hashlib.sha256("\n".join(sorted(article_ids)).encode("ascii"))
    return digest.hexdigest()[:16]


def write_partition(
    analyses: Iterable[Analysis], *, directory: str | Path, key: str
) -> dict[str, str]:
    """Write ``analyses`` as ``directory/<table>/part-<key>.parquet``; return table -> path.

    Every table gets a file, empty ones included, so a reader globbing one
    table sees every partition. Files appear atomically (written under a
    temporary name, then renamed): a worker killed mid-write leaves no
    truncated partition behind.
    """
    directory = Path(directory)
    files: dict[str, str] = {}
    memory = _scratch_store()
    try:
        memory.add_many(analyses)
        for table in TABLES:
            final = directory / table / f"part-{key}.parquet"
            final.parent.mkdir(parents=True, exist_ok=True)
            partial = final.with_name(f".{final.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            memory.con.execute(f"COPY {table} TO {_literal(partial)} (FORMAT PARQUET)")
            os.replace(partial, final)
            files[table] = str(final)
    finally:
        _empty(memory)
    return files


_scratch = threading.local()


def _scratch_store() -> Store:
    """This thread's in-memory store for writing partitions (built on first use)."""
    store = getattr(_scratch, "store", None)
    if store is None:
        store = _scratch.store = Store(":memory:")
    return store


def _empty(store: Store) -> None:
    """Remove every partition row, or drop the scratch store if that fails."""
    try:
        for table in reversed(TABLES):
            store.con.execute(f"DELETE FROM {table}")
    except Exception:
        _scratch.store = None
        store.close()
        raise


def merge_partition(store: Store, files: Mapping[str, str | Path]) -> list[str]:
    """Insert a partition's rows for articles not yet in ``store``; return the ids added.

    Columns are matched by name, so a partition written before a migration
    added a column still merges (the new column takes its default).
    """
    missing = [t for t in TABLES if t not in files]
    if missing:
        raise ValueError(f"partition lacks table(s) {', '.join(missing)}")
    src = {t: f"read_parquet({_literal(files[t])})" for t in TABLES}
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _merge_ids AS "
            f"SELECT DISTINCT id FROM {src['articles']} "
            "WHERE id NOT IN (SELECT id FROM articles)"
        )
        new = "(SELECT id FROM _merge_ids)"
        con.execute(
            f"INSERT INTO articles BY NAME SELECT * FROM {src['articles']} WHERE id IN {new}"
        )
        for table in ("sentences", "mentions", "quotes", "events", "sentence_tone"):
            con.execute(
                f"INSERT INTO {table} BY NAME SELECT * FROM {src[table]} WHERE article_id IN {new}"
            )
        con.execute(
            f"INSERT INTO event_actors BY NAME SELECT * FROM {src['event_actors']} "
            f"WHERE event_id IN (SELECT id FROM {src['events']} WHERE article_id IN {new})"
        )
        added = [row[0] for row in con.execute("SELECT id FROM _merge_ids ORDER BY id").fetchall()]
        con.execute("DROP TABLE _merge_ids")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return added


def _literal(path: str | Path) -> str:
    """A path as a SQL string literal (COPY and table functions take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"
