"""The corpus CLI commands are thin shells: they run on a hand-made store."""

from __future__ import annotations

import datetime as dt
import json

from lagebild.cli import main
from lagebild.corpus import update_corpus
from lagebild.store import Store

from .helpers import analysis


def _db(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.add(analysis("a1", "Peking warnt Washington.", outlet="A",
                           published=dt.date(2023, 1, 2), events=[("CHN", "USA", "11")]))
        store.add(analysis("a2", "Washington hilft Kiew.", outlet="B",
                           published=dt.date(2023, 2, 2), events=[("USA", "UKR", "06")]))
        update_corpus(store.con, stories=False)
    return db


def test_cli_dyads_and_timeline_with_plot(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["dyads", "--actor", "USA", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["source"], r["target"]) for r in rows} == {("CHN", "USA"), ("USA", "UKR")}
    svg = tmp_path / "t.svg"
    assert main(["timeline", "CHN", "USA", "--by", "month", "--db", str(db),
                 "--plot", str(svg), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["events"] == 1
    assert svg.read_text(encoding="utf-8").startswith("<svg")


def test_cli_graph_writes_graphml_and_json(tmp_path, capsys):
    db = _db(tmp_path)
    out = tmp_path / "g.graphml"
    assert main(["graph", "--db", str(db), "--format", "graphml", "--out", str(out)]) == 0
    assert b"<graphml" in out.read_bytes()
    assert main(["graph", "--db", str(db), "--format", "json", "--since", "2023-02-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(e["source"], e["target"]) for e in data["edges"]] == [("USA", "UKR")]


def test_cli_corpus_update_and_story(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["corpus", "--db", str(db), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["stories_placed"] == 2 and done["articles"] == 0
    assert main(["story", "a1", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["outlet"] == "A"
    assert main(["story", "missing", "--db", str(db)]) == 2
