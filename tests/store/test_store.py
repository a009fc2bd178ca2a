"""The DuckDB store: migrations, idempotent writes, atomic articles, read-only queries."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from lagebild.errors import LagebildError, UsageError
from lagebild.model import (
    Analysis,
    Article,
    Event,
    EventActor,
    Mention,
    Quote,
    RemovedSpan,
    Sentence,
)
from lagebild.store import Store
from lagebild.store.migrations import MIGRATIONS


def make_analysis(article_id: str = "a1", text: str = "Peking warnt die NATO.") -> Analysis:
    article = Article(
        id=article_id,
        text=text,
        raw_text=text + "\nMehr zum Thema - X",
        title="Titel",
        source="t.txt",
        outlet="Testblatt",
        published=dt.date(2023, 5, 10),
        language="de",
        removed_spans=[
            RemovedSpan(len(text) + 1, len(text) + 19, "related_links", "Mehr zum Thema - X")
        ],
    )
    source = EventActor(text="Peking", code="CHN", country="CHN", start=0, end=6)
    target = EventActor(text="NATO", code="NATO", start=17, end=21)
    return Analysis(
        article=article,
        sentences=[Sentence(0, 0, len(text), text, 0, True)],
        mentions=[
            Mention(article_id, 0, 6, "Peking", "GPE", "gpe:chn", "CHN", None, "CHN"),
            Mention(article_id, 17, 21, "NATO", "IGO", "igo:nato", None, None, "NATO"),
        ],
        quotes=[Quote(article_id, 0, 5, "Pekin", "Indirect", speaker_text="Peking")],
        events=[
            Event(
                id=f"{article_id}-e1",
                article_id=article_id,
                sentence=0,
                source=[source],
                target=[target],
                cameo="1723",
                root="17",
                plover="COERCE",
                mode=None,
                context=["military"],
                quad_class=4,
                goldstein=-5.0,
                modality="asserted",
                trigger="warnt",
                trigger_start=7,
                trigger_end=12,
                evidence_start=0,
                evidence_end=len(text),
            )
        ],
        tone=-0.5,
    )


def test_store_records_migrations_once(tmp_path):
    db = tmp_path / "t.duckdb"
    Store(db).close()
    Store(db).close()
    con = duckdb.connect(str(db), read_only=True)
    names = [r[0] for r in con.execute("SELECT name FROM _lagebild_migrations").fetchall()]
    assert names == [name for name, _ in MIGRATIONS]


def test_store_add_is_idempotent(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        assert store.add(make_analysis()) is True
        assert store.add(make_analysis()) is False
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
        assert store.con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 2


def test_store_add_many_skips_stored_and_repeated_articles(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(make_analysis("a1"))
        batch = [make_analysis("a1"), make_analysis("a2"), make_analysis("a3"),
                 make_analysis("a2")]
        assert store.add_many(batch) == ["a2", "a3"]
        assert store.stored_ids(["a3", "a4", "a1", "a3"]) == {"a1", "a3"}
        assert store.stored_ids([]) == set()
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 3


def test_store_round_trips_analysis(tmp_path):
    original = make_analysis()
    with Store(tmp_path / "t.duckdb") as store:
        store.add(original)
        restored = store.analysis("a1")
    assert restored.to_dict() == original.to_dict()


def test_store_rolls_back_article_when_a_write_fails(tmp_path, monkeypatch):
    store = Store(tmp_path / "t.duckdb")
    real = store._insert_many

    def failing(table, rows):
        if table == "events":
            raise RuntimeError("disk full")
        real(table, rows)

    monkeypatch.setattr(store, "_insert_many", failing)
    with pytest.raises(RuntimeError):
        store.add(make_analysis())
    monkeypatch.undo()
    assert store.has_article("a1") is False
    assert store.con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0
    assert store.add(make_analysis()) is True


def test_store_read_only_refuses_missing_file(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_refuses_foreign_database(tmp_path):
    db = tmp_path / "other.duckdb"
    duckdb.connect(str(db)).execute("CREATE TABLE x (a INT)").close()
    with pytest.raises(LagebildError, match="not a Lagebild store"):
        Store(db, read_only=True)


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM articles",
        "DROP TABLE events",
        "SELECT 1; SELECT 2",
        "INSERT INTO articles (id, text, raw_text) VALUES ('x', 'y', 'z')",
    ],
)
def test_store_query_refuses_anything_but_one_select(tmp_path, sql):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(make_analysis())
    with Store(tmp_path / "t.duckdb", read_only=True) as store, pytest.raises(UsageError):
        store.query(sql)


def test_store_query_returns_columns_and_rows(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(make_analysis())
    with Store(tmp_path / "t.duckdb", read_only=True) as store:
        columns, rows = store.query("SELECT id, outlet FROM articles")
    assert columns == ["id", "outlet"] and rows == [("a1", "Testblatt")]


def test_store_events_filter_by_actor_pair_and_root(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.add(make_analysis())
        store.add(make_analysis("a2", "Japan lobt Kanada."))
        assert len(store.events(actor="CHN")) == 2  # a2 reuses the same hand-made event
        assert len(store.events(pair=("NATO", "CHN"))) == 2
        assert store.events(pair=("CHN", "USA")) == []
        assert store.events(root="4") == []
        row = store.events(root="17")[0]
        assert row["source"] == "CHN" and row["target"] == "NATO"
        assert row["evidence"].startswith("Peking")
