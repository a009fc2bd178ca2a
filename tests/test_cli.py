"""The command line: exit codes, messages, and the JSON contract of ``analyze``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from lagebild.cli import main


@pytest.fixture(scope="module")
def example_db(tmp_path_factory, examples_dir):
    db = tmp_path_factory.mktemp("db") / "examples.duckdb"
    assert main(["run", str(examples_dir), "--db", str(db), "--no-progress"]) == 0
    return db


def test_cli_run_summarises_and_is_idempotent(example_db, examples_dir, capsys):
    assert main(["run", str(examples_dir), "--db", str(example_db), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "0 processed, 5 already present, 0 failed" in out


def test_cli_run_reports_bad_inputs_and_continues(tmp_path, examples_dir, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(examples_dir, corpus)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    (corpus / "broken.json").write_text('{"text": "Peking', encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    db = tmp_path / "t.duckdb"
    status = main(["run", str(corpus), str(tmp_path / "nope.txt"), "--db", str(db),
                   "--no-progress"])
    captured = capsys.readouterr()
    assert status == 1
    assert "5 processed, 0 already present, 4 failed" in captured.out
    for name in ("empty.txt", "broken.json", "image.txt", "nope.txt"):
        lines = [line for line in captured.err.splitlines() if name in line]
        assert len(lines) == 1, (name, captured.err)
    assert "Traceback" not in captured.err


def test_cli_analyze_json_has_the_stable_contract(examples_dir, capsys):
    path = examples_dir / "002_71f4ca4da9999c2f.txt"
    assert main(["analyze", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["article", "sentences", "mentions", "quotes", "events"]
    article = doc["article"]
    assert article["language"] == "de" and article["outlet"] == "Legitim"
    for sentence in doc["sentences"]:
        assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_cli_analyze_reads_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        "Japan und Südkorea vereinbaren Gespräche.\n\nDie Minister trafen sich in Seoul.".encode()
    )))
    assert main(["analyze", "-", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Japan und Südkorea vereinbaren Gespräche." in out


def test_cli_show_and_articles(example_db, capsys):
    assert main(["articles", "--db", str(example_db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    assert main(["show", rows[0]["id"], "--db", str(example_db)]) == 0
    assert f"Article {rows[0]['id']}" in capsys.readouterr().out


def test_cli_show_unknown_id_is_a_clear_error(example_db, capsys):
    assert main(["show", "nope", "--db", str(example_db)]) == 1
    assert "No article with id 'nope'" in capsys.readouterr().err


def test_cli_query_refuses_writes_with_usage_status(example_db, capsys):
    assert main(["query", "DELETE FROM articles", "--db", str(example_db)]) == 2
    assert "only SELECT" in capsys.readouterr().err


def test_cli_query_counts_rows(example_db, capsys):
    assert main(["query", "SELECT count(*) AS n FROM articles", "--db", str(example_db),
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 5}]


def test_cli_missing_database_is_a_usage_error(tmp_path, capsys):
    assert main(["articles", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_cli_runs_as_module(examples_dir):
    result = subprocess.run(
        [sys.executable, "-m", "lagebild", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("lagebild ")


@pytest.mark.parametrize("fmt", ["gdelt", "plover", "csv", "parquet"])
def test_cli_export_writes_every_format(example_db, tmp_path, fmt, capsys):
    out = tmp_path / f"events.{fmt}"
    assert main(["export", "--format", fmt, "--db", str(example_db), "--out", str(out)]) == 0
    count = int(capsys.readouterr().err.split()[0])
    assert count > 0 and out.stat().st_size > 0
    if fmt == "csv":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("id,article_id,outlet") and len(lines) == count + 1
    if fmt == "gdelt":
        rows = out.read_text(encoding="utf-8").splitlines()
        assert len(rows) == count and all(len(r.split("\t")) == 61 for r in rows)
    if fmt == "parquet":
        import duckdb

        assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall()[0][0] == count


def test_cli_export_parquet_needs_out(example_db, capsys):
    assert main(["export", "--format", "parquet", "--db", str(example_db)]) == 2
