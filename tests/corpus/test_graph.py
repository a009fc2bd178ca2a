"""Actor graph: cooperation/conflict edges, GraphML and JSON output."""

from __future__ import annotations

import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

from lagebild.corpus import update_corpus
from lagebild.corpus.graph import actor_graph, write_graphml, write_json
from lagebild.store import Store

from .helpers import analysis

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def _store(tmp_path):
    store = Store(tmp_path / "g.duckdb")
    store.add(analysis("a1", "Text eins.", published=dt.date(2022, 5, 1),
                       events=[("CHN", "USA", "17"), ("CHN", "USA", "05"),
                               ("CHN", "CHNGOV", "04")]))
    store.add(analysis("a2", "Text zwei.", published=dt.date(2023, 5, 1),
                       events=[("RUS", "UKR", "19")]))
    update_corpus(store.con, stories=False)
    return store


def test_graph_weights_edges_by_cooperation_and_conflict(tmp_path):
    with _store(tmp_path) as store:
        graph = actor_graph(store.con)
        edges = {(e["source"], e["target"]): e for e in graph.edges}
        assert set(edges) == {("CHN", "USA"), ("RUS", "UKR")}  # no self loop CHN→CHN
        assert (edges[("CHN", "USA")]["cooperation"], edges[("CHN", "USA")]["conflict"]) == (1, 1)
        assert edges[("CHN", "USA")]["weight"] == -3.5
        assert graph.nodes["CHN"]["events"] == 2
        one_year = actor_graph(store.con, since=dt.date(2023, 1, 1), until=dt.date(2023, 12, 31))
        assert [(e["source"], e["target"]) for e in one_year.edges] == [("RUS", "UKR")]


def test_graph_writes_valid_graphml_and_json(tmp_path):
    with _store(tmp_path) as store:
        graph = actor_graph(store.con)
    buffer = io.BytesIO()
    write_graphml(graph, buffer)
    root = ET.fromstring(buffer.getvalue())
    assert root.find("g:graph", NS).get("edgedefault") == "directed"
    nodes = {n.get("id") for n in root.iter(f"{{{NS['g']}}}node")}
    assert nodes == {"CHN", "USA", "RUS", "UKR"}
    keys = {k.get("attr.name") for k in root.findall("g:key", NS)}
    assert {"cooperation", "conflict", "weight"} <= keys
    text = io.StringIO()
    write_json(graph, text)
    data = json.loads(text.getvalue())
    assert len(data["edges"]) == 2 and {n["id"] for n in data["nodes"]} == nodes
