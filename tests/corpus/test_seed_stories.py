"""Acceptance: on the example corpus, the two reports about NATO's planned liaison office
in Japan form one story and no other articles are grouped."""

from __future__ import annotations

import pytest

import lagebild
from lagebild.components.ner import default_model_path
from lagebild.pipeline import available_stages
from lagebild.settings import ALL_STAGES, Settings


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, examples_dir):
    missing = {"actors", "events"} - set(available_stages())
    if missing:
        pytest.skip(f"pipeline not complete: stages {', '.join(sorted(missing))} absent")
    stages = [s for s in ALL_STAGES if s != "ner" or default_model_path().exists()]
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    summary = lagebild.run(sorted(examples_dir.glob("*.txt")), db=db,
                           settings=Settings(stages=",".join(stages)))
    assert summary.ok and summary.corpus is not None
    return db


def test_seed_stories_group_only_the_nato_japan_reports(seed_db, examples_dir):
    with lagebild.open(seed_db) as store:
        by_source = {r["id"]: r["source"] for r in store.articles(limit=100)}
    groups = [s for s in lagebild.api.stories(seed_db) if len(s.article_ids) > 1]
    assert len(groups) == 1
    sources = sorted(by_source[a].rsplit("/", 1)[-1][:3] for a in groups[0].article_ids)
    assert sources == ["002", "004"]


def test_seed_story_comparison_shows_both_outlets(seed_db):
    group = next(s for s in lagebild.api.stories(seed_db) if len(s.article_ids) > 1)
    comparison = lagebild.api.compare_story(group.id, db=seed_db)
    assert [a["article_id"] for a in comparison["articles"]] == group.article_ids
    assert any(a["removed"] for a in comparison["articles"])  # both seeds carry site boilerplate
