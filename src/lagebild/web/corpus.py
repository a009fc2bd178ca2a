"""Corpus results (stories, actor graph) for the web layer, read on the request's cursor.

Stories and the actor graph come from corpus jobs run after ingest. A store
on which they have not been run yet still serves every page: stories are
then an empty list and the graph is built from the dyad counts the store
holds. The ``lagebild.corpus`` functions behind ``lagebild.api`` are called
with the request's own cursor on the server's read-only connection, not
through ``lagebild.api``, which opens the file again for every call.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from lagebild.corpus import compare as _compare
from lagebild.corpus import dyads as _dyads
from lagebild.corpus import graph as _graph
from lagebild.corpus import stories as _stories
from lagebild.store import Store

logger = logging.getLogger(__name__)

GRAPH_EDGES = 200  # edges the graph endpoint returns by default; more is unreadable drawn


class Corpus:
    """Corpus results for one store, or empty answers where they are not available."""

    def __init__(self, store: Store, *, db: Path) -> None:
        self.store = store
        self.db = db

    def _call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``func(cursor, ...)``, or None when this store lacks the corpus tables."""
        try:
            return func(self.store.con, *args, **kwargs)
        except duckdb.CatalogException:  # a store from before the corpus tables existed
            logger.info("corpus tables missing in %s; %s answers empty", self.db.name,
                        func.__name__)
            return None

    def stories(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        found = self._call(_stories.stories, min_articles=1, limit=limit, offset=offset) or []
        return [_plain(s) for s in found]

    def story(self, story_id: str) -> dict[str, Any] | None:
        found = self._call(_stories.story, story_id)
        return _plain(found) if found is not None else None

    def compare(self, story_id: str) -> dict[str, Any] | None:
        """Each outlet's tone, speakers, event codes and removed boilerplate for one story."""
        return self._call(_compare.compare_story, story_id)  # None: no such story

    def dyads(self, *, actor: str | None = None, since: dt.date | None = None,
              until: dt.date | None = None, by: str = "country",
              limit: int = 50) -> list[dict[str, Any]]:
        """Ordered pairs from the corpus tables, with tone and Goldstein sums."""
        return self._call(_dyads.dyads, actor=actor, since=since, until=until, by=by,
                          limit=limit) or []

    def timeline(self, a: str, b: str, *, by: str = "week", since: dt.date | None = None,
                 until: dt.date | None = None) -> list[dict[str, Any]]:
        return self._call(_dyads.timeline, a, b, by=by, since=since, until=until) or []

    def graph(self, *, actor: str | None = None, limit: int = GRAPH_EDGES,
              since: dt.date | None = None, until: dt.date | None = None) -> dict[str, Any]:
        """The corpus actor graph (directed); without corpus results, one built from the
        store's event counts (undirected)."""
        if actor is None:
            found = self._call(_graph.actor_graph, since=since, until=until, by="country",
                               min_events=1)
            if found is not None and found.edges:
                data = found.to_dict()
                data["edges"] = sorted(data["edges"], key=lambda e: -e["events"])[:limit]
                return {"directed": True, **data}
        edges = self.store.dyads(actor=actor, limit=limit)
        nodes: dict[str, int] = {}
        for e in edges:
            for key in (e["a"], e["b"]):
                nodes[key] = nodes.get(key, 0) + e["events"]
        return {
            "directed": False,
            "nodes": [{"id": k, "label": k, "events": n}
                      for k, n in sorted(nodes.items(), key=lambda kv: -kv[1])],
            "edges": [
                {"source": e["a"], "target": e["b"], "events": e["events"],
                 "cooperation": e["cooperation"], "conflict": e["conflict"],
                 "goldstein_mean": e["goldstein"]}
                for e in edges
            ],
        }


def _plain(value: Any) -> Any:
    """Records become dicts; dicts pass through."""
    return value.to_dict() if hasattr(value, "to_dict") else value
