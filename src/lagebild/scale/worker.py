"""What runs on a Dask worker: analyse a batch of documents and write it as a Parquet partition.

This module imports no Dask: the task is a plain function of picklable
arguments (``RawDocument`` records, ``Settings``, a folder name), so it can be
tested and profiled without a cluster. The pipeline itself never travels over
the wire: each worker process builds its ``Analyzer`` once, from the settings,
and keeps it for every later batch (``worker_analyzer``).
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from lagebild.ingest.base import RawDocument
from lagebild.model import Analysis
from lagebild.pipeline import Analyzer, Failure
from lagebild.settings import Settings
from lagebild.store.parquet import partition_key, write_partition

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class BatchResult:
    """What a worker sends back: where the partition is, and what became of each document."""

    key: str
    files: dict[str, str]
    analysed: list[tuple[str, str]] = field(default_factory=list)  # (source, article id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    seconds: float = 0.0
    worker: str = ""


def pipeline_settings(settings: Settings) -> Settings:
    """The part of ``settings`` that shapes the analysis (the cache key of a worker's pipeline).

    Where results go and which engine runs them do not change what the
    pipeline computes; leaving them out lets every run reuse a warm pipeline.
    """
    return settings.replace(
        db="", engine="local", scheduler=None, workers=None, parquet=None, progress=False
    )


@functools.cache
def worker_analyzer(settings: Settings) -> Analyzer:
    """One ``Analyzer`` per worker process and settings: models and gazetteer load once."""
    return Analyzer(settings)


def analyze_batch(
    raws: Sequence[RawDocument], *, settings: Settings, directory: str
) -> BatchResult:
    """Analyse ``raws`` and write their records to a partition under ``directory``.

    A document that fails yields a failure entry and the batch goes on: one
    bad document must not cost the other documents of its batch, so errors a
    stage raises beyond those ``Analyzer.analyze_many`` expects are caught here
    as well.
    """
    start = time.perf_counter()
    analyzer = worker_analyzer(pipeline_settings(settings))
    analyses: list[Analysis] = []
    failed: list[tuple[str, str]] = []
    for raw in raws:
        try:
            results = list(analyzer.analyze_many([raw]))
        except Exception as exc:  # reported per document, see docstring
            logger.debug("analysis failed for %s", raw.source, exc_info=True)
            results = [Failure(raw.source, f"analysis failed: {type(exc).__name__}: {exc}")]
        for result in results:
            if isinstance(result, Failure):
                failed.append((result.source, result.reason))
            else:
                analyses.append(result)
    key = partition_key(a.article.id for a in analyses)
    files = write_partition(analyses, directory=directory, key=key) if analyses else {}
    return BatchResult(
        key=key,
        files=files,
        analysed=[(a.article.source or "", a.article.id) for a in analyses],
        failed=failed,
        seconds=time.perf_counter() - start,
        worker=f"{os.uname().nodename}:{os.getpid()}",
    )


def warm_up(settings: Settings) -> float:
    """Load this worker's pipeline now (``client.run(warm_up, settings)``); returns seconds taken.

    Without it the first batch on each worker also pays for loading models
    and the gazetteer, which blurs timings and makes early batches stragglers.
    Stages load some data on their first document, so one is analysed here.
    """
    start = time.perf_counter()
    analyzer = worker_analyzer(pipeline_settings(settings))
    language = settings.language or "de"
    analyzer.analyze(RawDocument(text="Warm up.", source="<warm-up>", language=language))
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MiB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
