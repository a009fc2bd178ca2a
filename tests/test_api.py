"""The Python API end to end, including a run killed mid-way and resumed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import lagebild
from lagebild.settings import Settings


def test_api_analyze_returns_record_with_to_dict():
    doc = lagebild.analyze(
        "Die Regierung in Tokio kündigte am Montag neue Gespräche an.",
        published="2023-05-10",
        outlet="Testblatt",
    )
    data = doc.to_dict()
    assert data["article"]["published"] == "2023-05-10"
    assert data["article"]["outlet"] == "Testblatt"
    assert [s["text"] for s in data["sentences"]] == [
        "Die Regierung in Tokio kündigte am Montag neue Gespräche an."
    ]


def test_api_run_then_open_reads_the_store(tmp_path, examples_dir):
    db = tmp_path / "t.duckdb"
    summary = lagebild.run([examples_dir], db=db)
    assert (summary.processed, summary.already_present, summary.failed) == (5, 0, [])
    with lagebild.open(db) as store:
        assert len(store.articles()) == 5
    _, rows = lagebild.query("SELECT count(*) FROM sentences", db=db)
    assert rows[0][0] > 50


def _run_killed_at(document: int, db, examples_dir, batch_size: int | None = None) -> None:
    """Run in a child process that dies hard (no cleanup, no atexit) while analysing the
    ``document``-th input."""
    settings = f"Settings(batch_size={batch_size})" if batch_size else "Settings()"
    script = textwrap.dedent(
        f"""
        import os
        import lagebild.pipeline as p
        real = p.Analyzer.analyze
        seen = []
        def dying(self, raw):
            seen.append(raw.source)
            if len(seen) == {document}:
                os._exit(9)
            return real(self, raw)
        p.Analyzer.analyze = dying
        import lagebild
        from lagebild.settings import Settings
        lagebild.run([{str(examples_dir)!r}], db={str(db)!r}, settings={settings})
        """
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert child.returncode == 9, child.stderr


def test_api_run_killed_midway_resumes_without_duplicates(tmp_path, examples_dir):
    db = tmp_path / "t.duckdb"
    # Killed at the third document, after its first batch of two was committed:
    # that batch must survive whole, the rest must follow.
    _run_killed_at(3, db, examples_dir, batch_size=2)
    with lagebild.open(db) as store:
        assert len(store.articles()) == 2
    summary = lagebild.run([examples_dir], db=db)
    assert (summary.processed, summary.already_present) == (3, 2)
    _, rows = lagebild.query("SELECT count(*), count(DISTINCT id) FROM articles", db=db)
    assert rows == [(5, 5)]


def test_api_run_killed_inside_a_batch_leaves_no_partial_rows(tmp_path, examples_dir):
    db = tmp_path / "t.duckdb"
    # Killed before the first batch (default size) is full: nothing of the
    # analysed articles may be in the store, not even some of their sentences.
    _run_killed_at(4, db, examples_dir)
    _, rows = lagebild.query(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), "
        "(SELECT count(*) FROM mentions)", db=db)
    assert rows == [(0, 0, 0)]
    summary = lagebild.run([examples_dir], db=db)
    assert (summary.processed, summary.already_present) == (5, 0)


def test_api_run_batch_size_does_not_change_the_store(tmp_path, examples_dir):
    tables = ("articles", "sentences", "mentions", "quotes", "events", "event_actors",
              "sentence_tone", "story_articles")
    counts = []
    for size in (1, 3, 32):
        db = tmp_path / f"b{size}.duckdb"
        statuses: list[str] = []
        summary = lagebild.run(
            [examples_dir, examples_dir], db=db, settings=Settings(batch_size=size),
            on_progress=lambda _source, status, seen=statuses: seen.append(status))
        assert (summary.processed, summary.already_present) == (5, 5)
        assert sorted(statuses) == ["present"] * 5 + ["processed"] * 5
        _, rows = lagebild.query(
            "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in tables)
            + ", (SELECT list(id ORDER BY id) FROM events)", db=db)
        counts.append(rows[0])
    assert counts[0] == counts[1] == counts[2]
    assert counts[0][0] == 5 and counts[0][4] > 0


def test_api_run_leaves_every_article_with_its_stored_json(tmp_path, examples_dir):
    # Without the tone stage the corpus update scores sentence tone afterwards, which
    # voids the JSON stored with those articles; the run must store it again.
    db = tmp_path / "t.duckdb"
    settings = Settings(stages="segment,ner,actors,quotes,events")
    summary = lagebild.run([examples_dir], db=db, settings=settings)
    assert summary.corpus["sentence_tones"] > 0
    _, rows = lagebild.query("SELECT count(*), count(analysis_json) FROM articles", db=db)
    assert rows == [(5, 5)]
