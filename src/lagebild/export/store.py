"""Export a store's events in every supported format (what ``lagebild export`` calls)."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from lagebild.export.gdelt import write_gdelt
from lagebild.export.plover import write_plover
from lagebild.model import Article, Event
from lagebild.store import Store

#: One row per event, its actors joined by "+", its evidence sentence cut from the text.
_FLAT_EVENTS = """
    SELECT e.id, e.article_id, a.outlet, a.url, coalesce(e.date, a.published::DATE) AS date,
           e.date_is_publication, e.cameo, e.root, e.plover, e.mode, e.quad_class, e.goldstein,
           e.modality, e.background, e.location, e.confidence, e.trigger,
           (SELECT string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
            FROM event_actors x WHERE x.event_id = e.id AND x.side = 'source') AS source,
           (SELECT string_agg(coalesce(x.code, x.text), '+' ORDER BY x.position)
            FROM event_actors x WHERE x.event_id = e.id AND x.side = 'target') AS target,
           e.evidence_start, e.evidence_end,
           substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence
    FROM events e JOIN articles a ON a.id = e.article_id
    ORDER BY date NULLS LAST, e.article_id, e.evidence_start, e.trigger_start
"""


def iter_article_events(store: Store) -> Iterator[tuple[Article, Event]]:
    """Every stored event with its article, article by article."""
    ids = store.con.execute(
        "SELECT DISTINCT article_id FROM events ORDER BY article_id"
    ).fetchall()
    for (article_id,) in ids:
        analysis = store.analysis(article_id)
        for event in analysis.events:
            yield analysis.article, event


def _gdelt(store: Store, out: IO[Any]) -> int:
    return write_gdelt(iter_article_events(store), out)


def _plover(store: Store, out: IO[Any]) -> int:
    return write_plover(iter_article_events(store), out)


def _csv(store: Store, out: IO[Any]) -> int:
    cursor = store.con.execute(_FLAT_EVENTS)
    writer = csv.writer(out)
    writer.writerow([d[0] for d in cursor.description])
    count = 0
    for row in cursor.fetchall():
        writer.writerow(row)
        count += 1
    return count


def _parquet(store: Store, out: IO[Any]) -> int:
    # COPY writes to a path; go through a temporary file so ``out`` may be any binary stream.
    handle, path = tempfile.mkstemp(suffix=".parquet")
    os.close(handle)
    try:
        store.con.execute(f"COPY ({_FLAT_EVENTS}) TO '{path}' (FORMAT PARQUET)")
        with open(path, "rb") as written:
            out.write(written.read())
        return store.con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
    finally:
        os.remove(path)


#: format name -> writer(store, out) returning the number of rows written.
EXPORTERS: dict[str, Callable[[Store, IO[Any]], int]] = {
    "gdelt": _gdelt,
    "plover": _plover,
    "csv": _csv,
    "parquet": _parquet,
}


def export_store(store: Store, *, format: str, out: IO[Any]) -> int:
    """Write every stored event to ``out`` in ``format``; returns the number of rows."""
    return EXPORTERS[format](store, out)
