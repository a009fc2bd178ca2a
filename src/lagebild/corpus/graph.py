"""Actor graph: actors as nodes, directed edges weighted by cooperation and conflict.

Built with one SQL aggregation over ``dyad_events`` for a period; written as
GraphML (for Gephi, with the standard library's XML writer) or as JSON.
QuadClass 1-2 count as cooperation, 3-4 as conflict; ``weight`` is the net
Goldstein score of the edge, so layouts pull cooperating actors together.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import IO, Any

import duckdb

_EDGE_ATTRS = (  # name, GraphML type
    ("events", "int"), ("cooperation", "int"), ("conflict", "int"),
    ("goldstein_sum", "double"), ("goldstein_mean", "double"), ("weight", "double"),
)
_NODE_ATTRS = (("label", "string"), ("events", "int"))


@dataclass(slots=True)
class ActorGraph:
    """Nodes (actor key -> attributes) and directed edges with their counts."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": [{"id": k, **v} for k, v in self.nodes.items()], "edges": self.edges}


def actor_graph(
    con: duckdb.DuckDBPyConnection,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    by: str = "country",
    min_events: int = 1,
) -> ActorGraph:
    """The directed actor graph of the period (actors keyed by country or by full code)."""
    src, tgt = ("source_country", "target_country") if by == "country" else \
        ("source_code", "target_code")
    where, params = [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", f"{src} <> {tgt}"], []
    if since:
        where.append("day >= ?")
        params.append(since)
    if until:
        where.append("day <= ?")
        params.append(until)
    rows = con.execute(
        f"""
        SELECT {src}, {tgt}, count(*), count(*) FILTER (WHERE quad_class IN (1, 2)),
               count(*) FILTER (WHERE quad_class IN (3, 4)), round(sum(goldstein), 2),
               round(avg(goldstein), 3)
        FROM dyad_events WHERE {" AND ".join(where)}
        GROUP BY ALL HAVING count(*) >= ? ORDER BY 1, 2
        """,
        [*params, min_events],
    ).fetchall()
    graph = ActorGraph()
    for source, target, events, coop, conflict, g_sum, g_mean in rows:
        for key in (source, target):
            node = graph.nodes.setdefault(key, {"label": key, "events": 0})
            node["events"] += events
        graph.edges.append({
            "source": source, "target": target, "events": events, "cooperation": coop,
            "conflict": conflict, "goldstein_sum": g_sum or 0.0, "goldstein_mean": g_mean or 0.0,
            "weight": g_sum or 0.0,
        })
    return graph


def write_json(graph: ActorGraph, out: IO[str]) -> None:
    json.dump(graph.to_dict(), out, ensure_ascii=False, indent=2)


def write_graphml(graph: ActorGraph, out: IO[bytes]) -> None:
    """GraphML 1.0 with typed node and edge attributes (directed)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for name, kind in _NODE_ATTRS:
        ET.SubElement(root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name,
                                    "attr.type": kind})
    for name, kind in _EDGE_ATTRS:
        ET.SubElement(root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name,
                                    "attr.type": kind})
    g = ET.SubElement(root, "graph", {"id": "actors", "edgedefault": "directed"})
    for key, attrs in graph.nodes.items():
        node = ET.SubElement(g, "node", {"id": key})
        for name, _ in _NODE_ATTRS:
            ET.SubElement(node, "data", {"key": f"n_{name}"}).text = str(attrs[name])
    for i, edge in enumerate(graph.edges):
        element = ET.SubElement(g, "edge", {"id": f"e{i}", "source": edge["source"],
                                            "target": edge["target"]})
        for name, _ in _EDGE_ATTRS:
            ET.SubElement(element, "data", {"key": f"e_{name}"}).text = str(edge[name])
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
