"""Dask runs on a local two-worker cluster give the same store as a single-process run."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pytest

distributed = pytest.importorskip("distributed", reason="needs the [dask] extra")

from scale_corpus import pipeline_stages, write_corpus  # noqa: E402

import lagebild  # noqa: E402 - after the skip above
from lagebild import cli  # noqa: E402
from lagebild.errors import LagebildError  # noqa: E402
from lagebild.scale import runner  # noqa: E402
from lagebild.settings import Settings  # noqa: E402
from lagebild.store.parquet import TABLES  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes: tasks really cross a process boundary (pickle)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"), documents=40)


def _dask(cluster, **changes) -> Settings:
    address = cluster.scheduler_address
    return Settings(stages=pipeline_stages(), engine="dask", scheduler=address, **changes)


def _rows(db: Path) -> dict[str, list[tuple]]:
    """Every stored row, ordered, without the ingestion time (the one column allowed to differ)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            sql = "SELECT * EXCLUDE (ingested_at) FROM articles" if table == "articles" else \
                f"SELECT * FROM {table}"
            out[table] = sorted(con.execute(sql).fetchall(), key=repr)
        return out
    finally:
        con.close()


def test_runner_examples_match_single_process_run(tmp_path, cluster, examples_dir):
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    local = lagebild.run([examples_dir], db=local_db, settings=Settings(stages=pipeline_stages()))
    summary = lagebild.run([examples_dir], db=dask_db, settings=_dask(cluster))
    assert (summary.processed, summary.already_present, summary.failed) == (
        local.processed, 0, [])
    assert summary.processed >= 5
    assert _rows(dask_db) == _rows(local_db)


def test_runner_generated_corpus_matches_single_process_run(tmp_path, cluster, corpus):
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    lagebild.run(corpus, db=local_db, settings=Settings(stages=pipeline_stages()))
    # Small batches: many partitions, several in flight on each worker.
    settings = _dask(cluster, batch_size=3, parquet=str(tmp_path / "shared"))
    summary = lagebild.run(corpus, db=dask_db, settings=settings)
    assert (summary.processed, summary.failed) == (40, [])
    rows = _rows(dask_db)
    assert rows == _rows(local_db)
    assert len(rows["events"]) > 40  # the corpus is made of event sentences
    partitions = sorted((tmp_path / "shared" / "articles").glob("part-*.parquet"))
    assert len(partitions) == 14  # ceil(40 / 3)
    # The partitions on their own hold the same articles, readable in place.
    con = duckdb.connect()
    sql = f"SELECT count(DISTINCT id) FROM read_parquet({[str(p) for p in partitions]})"
    assert con.execute(sql).fetchone()[0] == 40


def test_runner_rerun_adds_no_duplicates(tmp_path, cluster, corpus):
    db = tmp_path / "s.duckdb"
    # Half the corpus stored by a single-process run, then everything on the cluster, twice.
    lagebild.run(corpus[:5], db=db, settings=Settings(stages=pipeline_stages()))
    first = lagebild.run(corpus, db=db, settings=_dask(cluster, batch_size=4))
    again = lagebild.run(corpus, db=db, settings=_dask(cluster, batch_size=4))
    assert (first.processed, first.already_present) == (35, 5)
    assert (again.processed, again.already_present) == (0, 40)
    assert len(_rows(db)["articles"]) == 40


def test_runner_reports_bad_inputs_and_repeated_texts(tmp_path, cluster):
    (tmp_path / "in").mkdir()
    text = "Die Europäische Union verurteilte am Dienstag den Angriff auf Kiew."
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(text, encoding="utf-8")  # same article again
    (tmp_path / "in" / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    seen: list[tuple[str, str]] = []
    summary = lagebild.run([tmp_path / "in"], db=tmp_path / "s.duckdb",
                           settings=_dask(cluster), on_progress=lambda s, st: seen.append((s, st)))
    assert (summary.processed, summary.already_present) == (1, 1)
    assert [Path(s).name for s, _ in summary.failed] == ["c.txt"]
    assert sorted((Path(s).name, st) for s, st in seen) == [
        ("a.txt", "processed"), ("b.txt", "present"), ("c.txt", "failed")]


def test_runner_cli_engine_dask_with_scheduler(tmp_path, cluster, examples_dir, capsys):
    db = tmp_path / "cli.duckdb"
    code = cli.main(["run", str(examples_dir / "000_c9731ef5128096e4.txt"), "--db", str(db),
                     "--stages", pipeline_stages(), "--engine", "dask",
                     "--scheduler", cluster.scheduler_address, "--parquet", str(tmp_path / "pq")])
    assert code == 0
    assert "1 processed" in capsys.readouterr().out
    assert list((tmp_path / "pq" / "events").glob("part-*.parquet"))


def test_runner_starts_a_local_cluster_next_to_the_db(tmp_path):
    (tmp_path / "a.txt").write_text("Peking kritisierte am Montag die NATO.", encoding="utf-8")
    db = tmp_path / "own.duckdb"
    settings = Settings(stages="segment", engine="dask", workers=1)
    summary = lagebild.run([tmp_path / "a.txt"], db=db, settings=settings)
    assert summary.processed == 1
    assert list((tmp_path / "own.parquet" / "articles").glob("part-*.parquet"))


def test_runner_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "CONNECT_TIMEOUT", "1s")
    settings = Settings(engine="dask", scheduler="tcp://127.0.0.1:9")  # discard port: nobody there
    with pytest.raises(LagebildError, match=r"E018.*cannot reach scheduler"):
        lagebild.run([tmp_path], db=tmp_path / "s.duckdb", settings=settings)
