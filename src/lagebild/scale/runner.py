"""The client side of a Dask run: read inputs, hand out batches, merge what comes back.

Inputs are read here, on the client, and shipped to the workers as batches of
``RawDocument`` records, rather than handing the workers partitions of paths:

- every input kind works unchanged — standard input, ``.zip`` archives, one
  JSON Lines file or feed holding thousands of documents — and inputs need not
  sit on a filesystem the workers share (only the Parquet folder must);
- documents already in the store are skipped before any worker sees them, so
  a re-run costs a read and a hash per document, not an analysis;
- reading is cheap next to the analysis (a few ms against tens of ms per
  article), so one client keeps many workers busy.

Memory stays bounded: at most ``2 x worker threads`` batches are in flight,
and the next batch is read only when one comes back. Each finished batch is a
Parquet partition that the client merges into the DuckDB store in one
transaction (``merge_partition``), so the store stays the single writer, a
crash loses at most the batches in flight, and a re-run adds no duplicates.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import duckdb
from distributed import Client, LocalCluster, as_completed

from lagebild.api import RunSummary, chunks, new_documents
from lagebild.errors import ErrorCode, LagebildError
from lagebild.ingest import IngestOptions, iter_documents
from lagebild.ingest.base import RawDocument
from lagebild.scale.worker import BatchResult, analyze_batch
from lagebild.settings import Settings
from lagebild.store import Store
from lagebild.store.parquet import merge_partition

logger = logging.getLogger(__name__)

#: Batches in flight per worker thread: one running and one queued, so a
#: worker never waits for the client to read or merge.
BATCHES_PER_THREAD = 2
#: Seconds to wait for a remote scheduler before giving up with a clear error.
CONNECT_TIMEOUT = "20s"

Progress = Callable[[str, str], None]


def run_dask(
    paths: Iterable[str | Path],
    *,
    settings: Settings,
    on_progress: Progress | None = None,
) -> RunSummary:
    """Analyse ``paths`` on a Dask cluster into the store ``settings.db``; see ``api.run``."""
    summary = RunSummary()
    report = on_progress or (lambda source, status: None)
    directory = settings.parquet_dir().resolve()
    directory.mkdir(parents=True, exist_ok=True)
    with cluster_client(settings) as client, Store(settings.db) as store:
        threads = max(1, sum(client.nthreads().values()))
        window = BATCHES_PER_THREAD * threads
        in_flight = as_completed()
        sources: dict[str, list[str]] = {}  # future key -> sources of its batch
        documents = _new_documents(paths, store=store, settings=settings,
                                   summary=summary, report=report)
        for batch in chunks(documents, settings.batch_size):
            while in_flight.count() >= window:
                _collect(next(in_flight), sources, store=store, summary=summary, report=report)
            future = client.submit(analyze_batch, batch, settings=settings,
                                   directory=str(directory), pure=False)
            sources[future.key] = [raw.source for raw in batch]
            in_flight.add(future)
        for future in in_flight:
            _collect(future, sources, store=store, summary=summary, report=report)
    return summary


@contextlib.contextmanager
def cluster_client(settings: Settings) -> Iterator[Client]:
    """A client of the scheduler at ``settings.scheduler``, or of a local cluster started here.

    The local cluster runs one single-threaded worker process per core (or
    ``settings.workers``): the pipeline is pure Python holding the GIL, so
    threads would only take turns, while processes run in parallel. Its
    scheduler listens on a free port, so several runs on one machine coexist.
    """
    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            reason = f"cannot reach scheduler {settings.scheduler}: {exc}"
            raise LagebildError(ErrorCode.E018, reason=reason) from exc
        with client:
            yield client
        return
    workers = settings.workers or os.cpu_count() or 1
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                     dashboard_address=":0", silence_logs=logging.ERROR) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _new_documents(
    paths: Iterable[str | Path],
    *,
    store: Store,
    settings: Settings,
    summary: RunSummary,
    report: Progress,
) -> Iterator[RawDocument]:
    """Documents to analyse: unreadable inputs and articles already stored are reported here.

    Inputs are read ``batch_size`` at a time so that one query per batch finds
    the stored ones (a query per document costs 0.3 ms).
    """
    options = IngestOptions(max_bytes=settings.max_bytes, language=settings.language)
    seen: set[str] = set()  # ids handed out in this run: the same text twice is analysed once
    items = iter_documents([str(p) for p in paths], options=options)
    for chunk in chunks(items, settings.batch_size):
        yield from new_documents(chunk, store=store, seen=seen, summary=summary, report=report)


def _collect(
    future: object,
    sources: dict[str, list[str]],
    *,
    store: Store,
    summary: RunSummary,
    report: Progress,
) -> None:
    """Merge a finished batch into the store and account for each of its documents."""
    batch_sources = sources.pop(future.key)  # type: ignore[attr-defined]
    try:
        result: BatchResult = future.result()  # type: ignore[attr-defined]
    except Exception as exc:  # a lost worker or task costs its batch only
        logger.debug("batch failed", exc_info=True)
        reason = f"analysis failed on the cluster: {type(exc).__name__}: {exc}"
        for source in batch_sources:
            summary.failed.append((source, reason))
            report(source, "failed")
        return
    try:
        added = set(merge_partition(store, result.files)) if result.files else set()
    except duckdb.IOException as exc:
        reason = (f"partition {result.key} written by {result.worker} cannot be read here "
                  f"(is the Parquet folder shared by workers and client?): {exc}")
        raise LagebildError(ErrorCode.E018, reason=reason) from exc
    for source, aid in result.analysed:
        if aid in added:
            summary.processed += 1
            report(source, "processed")
        else:  # the client hands out each id once, so only a concurrent writer gets here
            summary.already_present += 1
            report(source, "present")
    for source, reason in result.failed:
        summary.failed.append((source, reason))
        report(source, "failed")
