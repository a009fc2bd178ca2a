"""Parquet partitions: same columns as the store, merged back without duplicates."""

from __future__ import annotations

import datetime as dt

import duckdb

from lagebild.model import (
    Analysis,
    Article,
    Event,
    EventActor,
    Mention,
    Quote,
    RemovedSpan,
    Sentence,
    Signal,
)
from lagebild.store import Store
from lagebild.store.parquet import TABLES, merge_partition, partition_key, write_partition


def _renamed(article_id: str) -> Analysis:
    """A small analysis with a row in every table, under ``article_id``."""
    text = "Ankara warnte am Dienstag Athen. „Wir sind bereit“, sagte der Minister."
    article = Article(
        id=article_id, text=text, raw_text=text + "\nTeilen Sie diesen Artikel", title="Warnung",
        source=f"{article_id}.txt", outlet="Testblatt", published=dt.date(2024, 2, 6),
        language="de", removed_spans=[RemovedSpan(len(text) + 1, len(text) + 26, "share", "x")],
        mt_signals=[Signal(0, 6, "foreign_function_word", "Ankara", "en")], inferred=["outlet"],
    )
    ankara = EventActor("Ankara", actor_id="gpe:tur", code="TUR", country="TUR", start=0, end=6)
    athen = EventActor("Athen", actor_id="gpe:grc", code="GRC", country="GRC", start=26, end=31)
    event = Event(
        id=f"{article_id}-e0", article_id=article_id, sentence=0, source=[ankara], target=[athen],
        cameo="130", root="13", plover="THREATEN", mode=None, context=["military"], quad_class=3,
        goldstein=-4.4, modality="asserted", trigger="warnte", trigger_start=7, trigger_end=13,
        evidence_start=0, evidence_end=32, date=dt.date(2024, 2, 6),
    )
    return Analysis(
        article=article,
        sentences=[Sentence(0, 0, 32, text[:32], 1), Sentence(1, 33, len(text), text[33:], 1)],
        mentions=[
            Mention(article_id, 0, 6, "Ankara", "GPE", "gpe:tur", "TUR", None, "TUR"),
            Mention(article_id, 26, 31, "Athen", "GPE", "gpe:grc", "GRC", None, "GRC", 0.8),
        ],
        quotes=[Quote(article_id, 33, 52, "„Wir sind bereit“", "Direct",
                      speaker_text="der Minister", cue="sagte", cue_start=54, cue_end=59)],
        events=[event],
        tone=-0.25,
    )


def _columns(con: duckdb.DuckDBPyConnection, source: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]


def test_parquet_partition_has_the_store_columns_and_types(tmp_path):
    files = write_partition([_renamed("a1")], directory=tmp_path, key="k")
    assert sorted(files) == sorted(TABLES)
    with Store(tmp_path / "s.duckdb") as store:
        for table in TABLES:
            in_store = _columns(store.con, table)
            in_file = _columns(store.con, f"read_parquet('{files[table]}')")
            assert in_file == in_store, table


def test_parquet_merge_round_trips_the_analysis(tmp_path):
    files = write_partition([_renamed("a1"), _renamed("a2")], directory=tmp_path, key="k")
    with Store(tmp_path / "s.duckdb") as store:
        assert merge_partition(store, files) == ["a1", "a2"]
        assert store.analysis("a2") == _renamed("a2")


def test_parquet_merge_twice_adds_no_duplicates(tmp_path):
    first = write_partition([_renamed("a1"), _renamed("a2")], directory=tmp_path, key="one")
    # A second partition sharing article a2 (e.g. written by an interrupted earlier run).
    second = write_partition([_renamed("a2"), _renamed("a3")], directory=tmp_path, key="two")
    with Store(tmp_path / "s.duckdb") as store:
        merge_partition(store, first)
        assert merge_partition(store, first) == []
        assert merge_partition(store, second) == ["a3"]
        counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    one = _renamed("a1")
    assert counts["articles"] == 3
    assert counts["mentions"] == 3 * len(one.mentions)
    assert counts["event_actors"] == 3 * sum(len(e.source) + len(e.target) for e in one.events)


def test_parquet_merge_skips_articles_the_store_already_has(tmp_path):
    files = write_partition([_renamed("a1"), _renamed("a2")], directory=tmp_path, key="k")
    with Store(tmp_path / "s.duckdb") as store:
        store.add(_renamed("a1"))
        assert merge_partition(store, files) == ["a2"]
        assert store.con.execute("SELECT count(*) FROM sentences").fetchone()[0] == 4


def test_parquet_partition_key_ignores_order():
    assert partition_key(["b", "a"]) == partition_key(["a", "b"]) != partition_key(["a"])


def test_store_add_many_writes_each_article_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add(_renamed("a1"))
        added = store.add_many([_renamed("a1"), _renamed("a2"), _renamed("a2"), _renamed("a3")])
        assert added == ["a2", "a3"]
        assert store.analysis("a3") == _renamed("a3")
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 3 * len(
            _renamed("a1").events
        )


def test_parquet_partitions_in_a_row_hold_only_their_own_rows(tmp_path):
    # The scratch store that writes partitions is reused: nothing may leak from one into the next.
    first = write_partition([_renamed("a1"), _renamed("a2")], directory=tmp_path, key="one")
    second = write_partition([_renamed("a2"), _renamed("a3")], directory=tmp_path, key="two")
    con = duckdb.connect()
    for files, ids in ((first, ["a1", "a2"]), (second, ["a2", "a3"])):
        rows = con.execute(f"SELECT id FROM read_parquet('{files['articles']}') ORDER BY id")
        assert [r[0] for r in rows.fetchall()] == ids
        sentences = con.execute(
            f"SELECT list(DISTINCT article_id ORDER BY article_id), count(*) "
            f"FROM read_parquet('{files['sentences']}')").fetchone()
        assert sentences == (ids, 4)
