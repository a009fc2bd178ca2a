"""The Python API end to end, including a run killed mid-way and resumed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import lagebild


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


def test_api_run_killed_midway_resumes_without_duplicates(tmp_path, examples_dir):
    db = tmp_path / "t.duckdb"
    # A child process that dies hard (no cleanup, no atexit) while analysing the
    # third document: what it committed must survive, the rest must follow.
    script = textwrap.dedent(
        f"""
        import os
        import lagebild.pipeline as p
        real = p.Analyzer.analyze
        seen = []
        def dying(self, raw):
            seen.append(raw.source)
            if len(seen) == 3:
                os._exit(9)
            return real(self, raw)
        p.Analyzer.analyze = dying
        import lagebild
        lagebild.run([{str(examples_dir)!r}], db={str(db)!r})
        """
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert child.returncode == 9, child.stderr
    with lagebild.open(db) as store:
        assert len(store.articles()) == 2
    summary = lagebild.run([examples_dir], db=db)
    assert (summary.processed, summary.already_present) == (3, 2)
    _, rows = lagebild.query("SELECT count(*), count(DISTINCT id) FROM articles", db=db)
    assert rows == [(5, 5)]
