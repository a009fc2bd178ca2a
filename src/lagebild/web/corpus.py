"""Corpus results (stories, actor graph) for the web layer, read through ``lagebild.api``.

Stories and the actor graph come from corpus jobs run after ingest. A store
on which they have not been run yet (or a release without them) still serves
every page: stories are then an empty list and the graph is built from the
dyad counts the store holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lagebild import api
from lagebild.store import Store

GRAPH_EDGES = 200  # edges the graph endpoint returns by default; more is unreadable drawn


class Corpus:
    """Corpus results for one store, or empty answers where they are not available."""

    def __init__(self, store: Store, *, db: Path) -> None:
        self.store = store
        self.db = db

    def stories(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        func = getattr(api, "stories", None)
        if func is None:
            return []
        return [_plain(s) for s in func(db=self.db, limit=limit, offset=offset)]

    def story(self, story_id: str) -> dict[str, Any] | None:
        func = getattr(api, "story", None)
        if func is None:
            return None
        found = func(story_id, db=self.db)
        return _plain(found) if found is not None else None

    def graph(self, *, actor: str | None = None, limit: int = GRAPH_EDGES) -> dict[str, Any]:
        """Nodes and weighted edges between actors (undirected, by event count)."""
        edges = self.store.dyads(actor=actor, limit=limit)
        nodes: dict[str, int] = {}
        for e in edges:
            for key in (e["a"], e["b"]):
                nodes[key] = nodes.get(key, 0) + e["events"]
        return {
            "nodes": [{"id": k, "events": n} for k, n in sorted(nodes.items(), key=lambda kv: -kv[1])],
            "edges": [
                {"source": e["a"], "target": e["b"], "events": e["events"],
                 "cooperation": e["cooperation"], "conflict": e["conflict"],
                 "goldstein": e["goldstein"]}
                for e in edges
            ],
        }


def _plain(value: Any) -> Any:
    """Records become dicts; dicts pass through."""
    return value.to_dict() if hasattr(value, "to_dict") else value
