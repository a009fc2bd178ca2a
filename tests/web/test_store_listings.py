"""Store listings added for the web layer: the corpus dyad table and the event tables agree."""

from __future__ import annotations

import datetime as dt

import pytest

from lagebild.store import Store

from . import fixtures as _fixtures
from .fixtures import build_web_db

web_fixture = _fixtures.web_fixture  # the shared pytest fixture, used by name below


@pytest.fixture(scope="module")
def raw_db(tmp_path_factory):
    """The same records without corpus tables filled: listings use the event tables."""
    return build_web_db(tmp_path_factory.mktemp("raw") / "raw.duckdb", corpus=False).db


def _rounded(rows):
    return [{k: round(v, 6) if isinstance(v, float) else v for k, v in r.items()} for r in rows]


@pytest.mark.parametrize("actor", [None, "CHN", "IGOWSTNAT", "DEU"])
def test_store_dyads_agree_between_corpus_table_and_events(web_fixture, raw_db, actor):
    with Store(web_fixture.db, read_only=True) as corpus, Store(raw_db, read_only=True) as raw:
        assert corpus._dyad_table_answers(actor) and not raw._dyad_table_answers(actor)
        assert _rounded(corpus.dyads(actor=actor, limit=100)) == \
            _rounded(raw.dyads(actor=actor, limit=100))


@pytest.mark.parametrize(("actor", "pair"), [("RUS", None), (None, ("CHN", "USA")),
                                             ("IGOWSTNAT", None)])
def test_store_event_series_agree_between_corpus_table_and_events(web_fixture, raw_db, actor,
                                                                  pair):
    with Store(web_fixture.db, read_only=True) as corpus, Store(raw_db, read_only=True) as raw:
        for interval in ("day", "week", "month"):
            got = corpus.event_series(actor=actor, pair=pair, interval=interval)
            assert _rounded(got) == _rounded(raw.event_series(actor=actor, pair=pair,
                                                              interval=interval))
            assert got


def test_store_actor_ids_are_answered_from_the_event_tables(web_fixture):
    with Store(web_fixture.db, read_only=True) as store:
        assert not store._dyad_table_answers("gpe:CHN")
        by_id = store.dyads(actor="gpe:CHN", limit=100)
        assert by_id and all(r["a"] == "gpe:CHN" for r in by_id)


@pytest.mark.parametrize("kwargs", [{"offset": 3, "limit": 4}, {"search": "Moskau"},
                                    {"outlet": "Staatsfunk"}])
def test_store_articles_page_counts_match_the_records(web_fixture, kwargs):
    with Store(web_fixture.db, read_only=True) as store:
        rows = store.articles(**kwargs)
    by_id = {a.article.id: a for a in web_fixture.analyses}
    assert rows
    for r in rows:
        a = by_id[r["id"]]
        assert (r["sentences"], r["mentions"], r["quotes"], r["events"]) == \
            (len(a.sentences), len(a.mentions), len(a.quotes), len(a.events))


@pytest.mark.parametrize("filters", [
    {}, {"actor": "CHN"}, {"actor": "gpe:RUS"}, {"actor": "IGOWSTNAT"}, {"pair": ("CHN", "USA")},
    {"pair": ("IGOWSTNAT", "RUS")}, {"actor": "USA", "root": "3"}, {"quad_class": 4},
    {"actor": "DEU", "modality": "negated"}, {"outlet": "Staatsfunk"},
    {"since": dt.date(2023, 5, 20), "until": dt.date(2023, 6, 10)}, {"actor": "nobody"},
    {"actor": "NATO", "pair": ("USA", "igo:nato")}, {"pair": ("USA", "nobody")},
])
@pytest.mark.parametrize(("limit", "offset"), [(100, 0), (5, 3), (2, 1000)])
def test_event_index_pages_equal_the_store_listing(web_fixture, filters, limit, offset):
    from lagebild.web.index import EventIndex

    index = EventIndex(web_fixture.db)
    with Store(web_fixture.db, read_only=True) as store:
        assert index.events(store, **filters) is None  # not built yet: the caller asks the store
        index.build()
        try:
            expected = store.events(**filters, limit=limit, offset=offset)
            got = index.events(store, **filters, limit=limit, offset=offset)
        finally:
            index.close()
    assert got == expected
    assert [list(r) for r in got] == [list(r) for r in expected]  # same columns, same order
    if filters in ({}, {"actor": "CHN"}, {"pair": ("CHN", "USA")}) and offset < 1000:
        assert expected  # the comparison above was not between two empty lists


def test_store_event_listing_pages_do_not_overlap(web_fixture):
    with Store(web_fixture.db, read_only=True) as store:
        every = [r["id"] for r in store.events(limit=1000)]
        paged = [r["id"] for k in range(0, len(every), 7) for r in store.events(limit=7, offset=k)]
    assert paged == every and len(set(every)) == len(every) == len(web_fixture.events)


@pytest.mark.parametrize("kwargs", [
    {}, {"limit": 5, "offset": 3}, {"outlet": "Weltspiegel", "limit": 4},
    {"outlet": "<em>Outlet</em>"}, {"outlet": "nowhere"}, {"limit": 3, "offset": 1000},
])
def test_event_index_article_pages_equal_the_store_listing(web_fixture, kwargs):
    from lagebild.web.index import EventIndex

    index = EventIndex(web_fixture.db)
    with Store(web_fixture.db, read_only=True) as store:
        assert index.articles(**kwargs) is None  # not built yet: the caller asks the store
        index.build()
        try:
            expected = store.articles(**kwargs)
            got = index.articles(**kwargs)
            assert index.articles(search="Peking") is None  # a text search reads the store
        finally:
            index.close()
    assert got == expected
    assert [list(r) for r in got] == [list(r) for r in expected]
    if not kwargs:
        assert len(expected) == len(web_fixture.analyses)
        assert any(r["quotes"] and r["events"] and r["sentences"] for r in expected)
