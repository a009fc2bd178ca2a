"""The article JSON written with each article equals what reading its rows back gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from test_store import make_analysis

from lagebild import api
from lagebild.errors import LagebildError
from lagebild.model import Mention, Quote, Sentence, SentenceTone
from lagebild.settings import Settings
from lagebild.store import Store
from lagebild.store.rows import analysis_from_json, analysis_json
from lagebild.web.render import clean_floats


def _query_path(store: Store, article_id: str) -> str:
    """The article as the HTTP API encoded it before the JSON was stored."""
    return json.dumps(clean_floats(store.analysis(article_id).to_dict()), ensure_ascii=False,
                      allow_nan=False)


def _stored(store: Store, article_id: str) -> str | None:
    return store.con.execute("SELECT analysis_json FROM articles WHERE id = ?",
                             [article_id]).fetchone()[0]


@pytest.fixture(scope="module")
def example_analyses(examples_dir):
    """The bundled examples through the pipeline (rules only when no NER model is installed)."""
    try:
        found = list(api.iter_analyses([examples_dir]))
    except LagebildError:  # no trained NER model in this checkout
        found = list(api.iter_analyses([examples_dir], settings=Settings(
            stages="segment,actors,quotes,events,tone")))
    analyses = [a for a in found if hasattr(a, "to_dict")]
    assert len(analyses) >= 5
    return analyses


def test_stored_json_equals_the_rows_read_back_on_real_articles(tmp_path, example_analyses):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_many(example_analyses)
        for analysis in example_analyses:
            aid = analysis.article.id
            stored = _stored(store, aid)
            assert stored is not None
            assert stored == _query_path(store, aid)
            assert store.analysis_json(aid) == stored
            assert analysis.events or analysis.mentions  # real annotations were compared
        # and the in-memory encoder equals to_dict() on every record of the pipeline
        for analysis in example_analyses:
            assert analysis_json(analysis) == json.dumps(clean_floats(analysis.to_dict()),
                                                         ensure_ascii=False)


def test_stored_json_takes_the_stores_casts_and_order(tmp_path):
    """Values the columns change (a zoned time, an integer score, a NaN) and rows given out of
    order are stored in the JSON as reading them back gives them."""
    original = make_analysis("a1", "Peking warnt die NATO. Tokio schweigt.")
    text = original.article.text
    original.article.published = dt.datetime(2023, 5, 10, 23, 30,
                                             tzinfo=dt.timezone(dt.timedelta(hours=2)))
    event = dataclasses.replace(original.events[0], goldstein=-5, confidence=float("nan"),
                                date=dt.datetime(2023, 5, 9, 12))
    second = dataclasses.replace(event, id="a1-e2", evidence_start=0, trigger_start=1)
    original.events = [event, second]  # second sorts first (same evidence, earlier trigger)
    original.mentions = [
        Mention("a1", 23, 28, "Tokio", "GPE", "gpe:jpn", "JPN", None, "JPN", confidence=1),
        Mention("a1", 0, 6, "Peking", "GPE", "gpe:chn", "CHN", None, "CHN"),
        Mention("a1", 0, 6, "Peking", "GPE", "gpe:chn2", "CHN", None, "CHNGOV"),  # same start
    ]
    original.quotes = [Quote("other", 23, 38, "Tokio schweigt.", "Reported")]
    original.sentences = [Sentence(1, 23, 38, "Tokio schweigt", 1),  # text differs from slice
                          Sentence(0, 0, 22, text[:22], 0, True)]
    original.sentence_tones = [SentenceTone(0, 1, 2, 10, -0.1), SentenceTone(1, 0, 0, 2, 0)]
    with Store(tmp_path / "s.duckdb") as store:
        store.add(original)
        stored = _stored(store, "a1")
        assert stored == _query_path(store, "a1")
    data = json.loads(stored)
    assert data["article"]["published"] == "2023-05-10T21:30:00"
    assert [e["id"] for e in data["events"]] == ["a1-e2", "a1-e1"]
    assert data["events"][0]["goldstein"] == -5.0 and data["events"][0]["confidence"] is None
    assert data["events"][0]["date"] == "2023-05-09"
    assert [m["code"] for m in data["mentions"]] == ["CHN", "CHNGOV", "JPN"]
    assert data["quotes"][0]["article_id"] == "a1"
    assert [s["text"] for s in data["sentences"]] == [text[:22], text[23:38]]
    assert [s["tone"] for s in data["sentences"]] == [-0.1, 0.0]


def test_articles_without_json_are_read_from_their_rows_and_can_be_filled(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.add_many([make_analysis("a1"), make_analysis("a2", "Japan lobt Kanada.")])
        expected = {aid: _stored(store, aid) for aid in ("a1", "a2")}
        store.con.execute("UPDATE articles SET analysis_json = NULL")
    with Store(db, read_only=True) as store:
        assert {aid: store.analysis_json(aid) for aid in expected} == expected
    with Store(db) as store:
        assert store.fill_analysis_json(batch=1) == 2
        assert {aid: _stored(store, aid) for aid in expected} == expected
        assert store.fill_analysis_json() == 0


def test_stores_from_before_the_json_column_still_serve_articles(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.add(make_analysis("a1"))
        expected = _stored(store, "a1")
        store.con.execute("ALTER TABLE articles DROP COLUMN analysis_json")
        store.con.execute("DELETE FROM _lagebild_migrations WHERE name = 'm007_analysis_json'")
    with Store(db, read_only=True) as store:  # an older store, served as it is
        assert store.analysis_json("a1") == expected
        assert store.analysis("a1").to_dict() == make_analysis("a1").to_dict()
    with Store(db) as store:  # opened for writing: migrated, then filled
        assert _stored(store, "a1") is None
        assert store.fill_analysis_json() == 1 and _stored(store, "a1") == expected


def test_unknown_article_json_is_an_error(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add(make_analysis("a1"))
        with pytest.raises(Exception, match="E011"):
            store.analysis_json("nope")


def test_records_rebuilt_from_the_json_encode_to_the_same_json(tmp_path, example_analyses):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_many(example_analyses)
        for analysis in example_analyses:
            text = store.analysis_json(analysis.article.id)
            rebuilt = analysis_from_json(text)
            assert analysis_json(rebuilt) == text
            assert rebuilt.article.text == analysis.article.text
            assert [e.source for e in rebuilt.events] == [e.source for e in
                                                          store.analysis(rebuilt.article.id).events]
