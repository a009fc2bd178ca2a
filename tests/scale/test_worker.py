"""The worker task, without a cluster: analyse a batch, write a partition, isolate failures."""

from __future__ import annotations

import pickle

import duckdb
import pytest
from scale_corpus import pipeline_stages

from lagebild.ingest.base import RawDocument
from lagebild.pipeline import Analyzer, make_pipeline
from lagebild.scale.worker import analyze_batch, pipeline_settings, worker_analyzer
from lagebild.settings import ALL_STAGES, Settings
from lagebild.store.parquet import TABLES


def _docs() -> list[RawDocument]:
    return [
        RawDocument(text="Die NATO kritisierte am Montag Moskau scharf.", source="a.txt"),
        RawDocument(text="Japan und Südkorea vereinbarten neue Gespräche.", source="b.txt"),
    ]


def test_worker_batch_writes_one_partition_with_every_table(tmp_path):
    settings = Settings(stages=pipeline_stages(), language="de")
    result = analyze_batch(_docs(), settings=settings, directory=str(tmp_path))
    assert [source for source, _ in result.analysed] == ["a.txt", "b.txt"]
    assert result.failed == []
    assert sorted(result.files) == sorted(TABLES)
    sql = f"SELECT id FROM read_parquet('{result.files['articles']}') ORDER BY source"
    stored = [r[0] for r in duckdb.connect().execute(sql).fetchall()]
    assert stored == [aid for _, aid in result.analysed]


def test_worker_batch_isolates_a_failing_document(tmp_path, monkeypatch):
    real = Analyzer.analyze

    def flaky(self, raw):
        if raw.source == "a.txt":
            raise AttributeError("stage bug")  # not among the errors analyze_many expects
        return real(self, raw)

    monkeypatch.setattr(Analyzer, "analyze", flaky)
    settings = Settings(stages="segment", language="de")
    result = analyze_batch(_docs(), settings=settings, directory=str(tmp_path))
    assert [source for source, _ in result.analysed] == ["b.txt"]
    assert result.failed == [("a.txt", "analysis failed: AttributeError: stage bug")]


def test_worker_batch_of_failures_writes_no_partition(tmp_path, monkeypatch):
    monkeypatch.setattr(Analyzer, "analyze", lambda self, raw: 1 / 0)
    result = analyze_batch(_docs(), settings=Settings(stages="segment"), directory=str(tmp_path))
    assert result.files == {} and len(result.failed) == 2
    assert not any(tmp_path.iterdir())


def test_worker_analyzer_is_shared_across_runs_and_stores():
    a = Settings(stages="segment", db="one.duckdb")
    b = Settings(stages="segment", db="two.duckdb", engine="dask", workers=2, parquet="p")
    assert worker_analyzer(pipeline_settings(a)) is worker_analyzer(pipeline_settings(b))
    assert worker_analyzer(pipeline_settings(a)) is not worker_analyzer(
        pipeline_settings(Settings(stages="segment,actors"))
    )


def test_worker_task_arguments_pickle():
    # What travels to a worker: the documents and the settings, never the pipeline.
    settings = Settings(engine="dask", workers=2, stages=pipeline_stages(), gazetteer=("x.yaml",))
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert pickle.loads(pickle.dumps(_docs())) == _docs()


@pytest.mark.parametrize("stage", ALL_STAGES)
def test_worker_pipeline_component_pickles(stage):
    # Not needed by the Dask engine (workers build their own pipeline), but a
    # component that pickles can be shipped by any other executor too.
    if stage not in pipeline_stages().split(","):
        pytest.skip(f"stage {stage} cannot be built here")
    component = make_pipeline("de", stages=[stage]).get_pipe(stage)
    assert type(pickle.loads(pickle.dumps(component))) is type(component)


def test_worker_pickled_pipeline_gives_the_same_analysis():
    nlp = make_pipeline("de", stages=pipeline_stages().split(","))
    copy = pickle.loads(pickle.dumps(nlp))
    assert copy.pipe_names == nlp.pipe_names
    text = "Der französische Präsident kritisierte am Montag die Regierung in Peking."
    original, restored = nlp(text), copy(text)
    for name in ("sentences", "mentions", "quotes", "events"):
        assert getattr(restored._, name) == getattr(original._, name), name
