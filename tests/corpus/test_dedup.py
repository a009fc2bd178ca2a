"""Event deduplication: one event reported by several articles becomes one corpus event."""

from __future__ import annotations

import datetime as dt

from lagebild.corpus import update_corpus
from lagebild.corpus.dedup import corpus_events, evidence, update_corpus_events
from lagebild.store import Store

from .helpers import analysis

D = dt.date(2023, 3, 1)


def _add(store, aid, outlet, day, events, **kw):
    store.add(analysis(aid, f"Bericht {aid} über Peking und Washington.", outlet=outlet,
                       published=day, events=events, **kw))


def test_dedup_merges_reports_of_one_event_and_counts_them(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        _add(store, "a1", "Wire", D, [("CHN", "USA", "11"), ("CHNGOV", "USA", "11")])
        _add(store, "a2", "Zeitung", D + dt.timedelta(days=1), [("CHNGOV", "USAGOV", "11")])
        _add(store, "a3", "Wire", D + dt.timedelta(days=2), [("CHN", "USA", "11")])
        _add(store, "a4", "Blog", D + dt.timedelta(days=12), [("CHN", "USA", "11")])
        _add(store, "a5", "Blog", D, [("USA", "CHN", "11")])  # other direction: other event
        update_corpus(store.con, stories=False)
        rows = corpus_events(store.con, actor="CHN")
        first = next(r for r in rows if r["source"] == "CHN" and r["day"] == D)
        assert (first["num_mentions"], first["num_articles"], first["num_sources"]) == (4, 3, 2)
        assert first["last_day"] == D + dt.timedelta(days=2) and first["root"] == "11"
        assert first["quad_class"] == 3 and first["goldstein"] == -2.0
        later = [r for r in rows if r["day"] == D + dt.timedelta(days=12)]
        assert len(later) == 1 and later[0]["num_articles"] == 1
        assert len(rows) == 3
        links = evidence(store.con, first["id"])
        assert {r["article_id"] for r in links} == {"a1", "a2", "a3"}
        assert all(r["evidence"].startswith("Bericht") for r in links)


def test_dedup_keeps_negated_events_and_undated_articles_apart(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        _add(store, "a1", "Wire", D, [("RUS", "UKR", "19")])
        store.add(analysis("a2", "Moskau griff nicht an.", published=D,
                           events=[("RUS", "UKR", "19")]))
        store.con.execute("UPDATE events SET modality = 'negated' WHERE article_id = 'a2'")
        _add(store, "u1", "Wire", None, [("RUS", "UKR", "19")])
        _add(store, "u2", "Blog", None, [("RUS", "UKR", "19")])
        update_corpus_events(store.con)
        counts = [r[0] for r in store.con.execute(
            "SELECT num_articles FROM corpus_events ORDER BY id").fetchall()]
        assert counts == [1, 1, 1, 1]


def test_dedup_update_folds_new_mentions_into_existing_event(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        _add(store, "a1", "Wire", D, [("CHN", "USA", "04")])
        _add(store, "a2", "Blog", D, [("DEU", "FRA", "04")])
        update_corpus(store.con, stories=False)
        before = {r["id"]: r for r in corpus_events(store.con)}
        _add(store, "a3", "Zeitung", D + dt.timedelta(days=1), [("CHN", "USA", "04")])
        done = update_corpus(store.con, stories=False)
        assert done.articles == 1 and done.corpus_events == 1  # only the touched key
        after = {r["id"]: r for r in corpus_events(store.con)}
        assert set(after) == set(before)
        merged = next(r for r in after.values() if r["source"] == "CHN")
        assert (merged["num_articles"], merged["num_sources"]) == (2, 2)
        total = store.con.execute("SELECT count(*) FROM corpus_event_mentions").fetchone()[0]
        assert total == 3


def test_dedup_cuts_long_runs_of_daily_events(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        for i in range(10):
            _add(store, f"a{i}", "Wire", D + dt.timedelta(days=i), [("USA", "CHN", "01")])
        update_corpus_events(store.con)
        spans = store.con.execute(
            "SELECT max(last_day - day), count(*) FROM corpus_events").fetchone()
        assert spans[0] <= 3 and spans[1] == 3
