"""Throughput of the per-document pipeline on one core, against a tokenizer baseline.

Runs the pipeline over a corpus (default: the 1,028 articles of 10kGNAD's test
split in ../shared/data) and reports articles/s, tokens/s, peak RSS and the time
spent in each stage, as ratios to a baseline measured in the same run: spaCy's
blank German tokenizer over the same texts. Ratios, not seconds, are what
compare across machines.

    python bench/throughput.py                    # every stage
    python bench/throughput.py --stages segment   # clean + language + segment only
    python bench/throughput.py --json docs/throughput.json
    python bench/throughput.py --engine dask --workers 2   # scaling from 1 to 2 workers

``ms_per_article`` also has ``store`` (writing the analyses to a DuckDB store
in batches of ``--batch-size``, as ``lagebild run`` commits them) and
``corpus:*`` (the corpus update ``lagebild run`` does after the documents:
stories, dyads, sentence tone), so the total is the end-to-end run.
``startup_cpu_s`` / ``startup_wall_s`` run from the start of the process
(interpreter, imports, pipeline, gazetteer and models) until the first
article is analysed, less the time spent reading the corpus file. ``cpu_s``
is the process CPU time of the run; on a machine shared with other work it is
steadier than the wall-clock figures.
A document a stage fails on is counted in ``failed`` and the run goes on.

``--run`` also times ``lagebild run`` itself over the same texts (one JSON
Lines file into a DuckDB file, reading, hashing, batched commits and the
corpus update included), after a warm-up: ``run.articles_per_cpu_s`` is the
end-to-end figure as a user meets it.

With ``--engine dask`` the distributed part of ``lagebild run`` (read, analyse
on workers, write Parquet, merge into DuckDB) is timed on a local cluster of
1, 2, ... N single-threaded workers, after each worker has loaded its
pipeline; ``articles_per_worker_cpu_s`` is the per-core throughput on the
workers. The corpus update that follows runs on the client and is timed apart
(``corpus_update_s``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "10kGNAD" / "test.csv"


def read_corpus(path: Path, limit: int | None) -> list[str]:
    """Texts of a 10kGNAD-style CSV (``label;'text'``) or one article per .txt in a folder."""
    if path.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(path.rglob("*.txt"))]
    else:
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", newline="") as fh:
            texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]
    return texts[:limit] if limit else texts


def process_age() -> float | None:
    """Wall-clock seconds since this process started (Linux ``/proc``; None elsewhere)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
    except (OSError, IndexError, ValueError):
        return None
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def measure(
    texts: list[str], stages: str, *, batch_size: int, reading: tuple[float, float]
) -> dict[str, object]:
    """Time every stage over ``texts``; ``reading`` is the (CPU, wall) time spent reading them."""
    from lagebild.ingest.base import RawDocument
    from lagebild.pipeline import Analyzer, to_analysis
    from lagebild.settings import Settings

    load_start = time.perf_counter()
    analyzer = Analyzer(Settings(stages=stages, language="de"))
    nlp = analyzer.pipeline("de")
    pipeline_build = time.perf_counter() - load_start
    analyzer.analyze(RawDocument(text=texts[0], source="corpus#0"))
    startup_cpu = time.process_time() - reading[0]
    age = process_age()
    startup_wall = age - reading[1] if age is not None else None

    import spacy

    from lagebild.corpus import update_corpus
    from lagebild.store import Store

    baseline_nlp = spacy.blank("de")
    start, cpu_start = time.perf_counter(), time.thread_time()
    tokens = sum(len(baseline_nlp.make_doc(t)) for t in texts)
    baseline = time.perf_counter() - start
    baseline_cpu = time.thread_time() - cpu_start

    spent: dict[str, float] = defaultdict(float)
    spent_cpu: dict[str, float] = defaultdict(float)
    failed: dict[str, int] = defaultdict(int)
    store = Store(":memory:")

    def timed(name: str, func, *args):
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            return func(*args)
        finally:
            spent[name] += time.perf_counter() - t0
            spent_cpu[name] += time.thread_time() - c0

    run_start, cpu_start = time.perf_counter(), time.process_time()
    pending = []
    for i, text in enumerate(texts):
        raw = RawDocument(text=text, source=f"corpus#{i}")
        article, doc, nlp = timed("clean+language+make_doc", analyzer.prepare, raw)
        try:
            for name, component in nlp.pipeline:
                doc = timed(name, component, doc)
        except Exception:  # a stage bug must not hide the figures of the others
            failed[name] += 1
            continue
        pending.append(to_analysis(article, doc))
        if len(pending) >= batch_size:  # committed as `lagebild run` commits them
            timed("store", store.add_many, pending)
            pending = []
    timed("store", store.add_many, pending)
    # stories, dyads, sentence tone: once per run over the new articles, not per document
    corpus_cpu = time.thread_time()
    corpus = update_corpus(store.con)
    corpus_cpu = time.thread_time() - corpus_cpu
    corpus_wall = max(sum(corpus.seconds.values()), 1e-9)
    for step, seconds in corpus.seconds.items():
        spent[f"corpus:{step}"] += seconds
        # the update reports wall time per step; its CPU time is shared out in proportion
        spent_cpu[f"corpus:{step}"] += corpus_cpu * seconds / corpus_wall
    total = time.perf_counter() - run_start
    cpu = time.process_time() - cpu_start
    store.close()

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(texts),
        "tokens": tokens,
        "stages": [name for name, _ in nlp.pipeline],
        "batch_size": batch_size,
        "startup_cpu_s": round(startup_cpu, 3),
        "startup_wall_s": round(startup_wall, 3) if startup_wall is not None else None,
        "pipeline_build_s": round(pipeline_build, 3),
        "baseline_tokenizer_s": round(baseline, 3),
        "pipeline_s": round(total, 3),
        "cpu_s": round(cpu, 3),
        "failed": dict(failed),
        "articles_per_s": round(len(texts) / total, 1),
        "articles_per_cpu_s": round(len(texts) / cpu, 1),
        "tokens_per_s": round(tokens / total),
        "ratio_to_tokenizer": round(total / baseline, 2),
        "ms_per_article": {k: round(1000 * v / len(texts), 3) for k, v in spent.items()},
        "stage_ratio_to_tokenizer": {k: round(v / baseline, 2) for k, v in spent.items()},
        "baseline_tokenizer_cpu_s": round(baseline_cpu, 3),
        "cpu_ms_per_article": {k: round(1000 * v / len(texts), 3) for k, v in spent_cpu.items()},
        "stage_cpu_ratio_to_tokenizer": {
            k: round(v / baseline_cpu, 2) for k, v in spent_cpu.items()
        },
        "peak_rss_mb": round(peak_kib / 1024, 1),
    }


def measure_run(texts: list[str], stages: str, *, batch_size: int) -> dict[str, object]:
    """CPU and wall time of ``lagebild.run`` over ``texts`` written as one JSON Lines file."""
    import tempfile

    import lagebild
    from lagebild.settings import Settings

    settings = Settings(stages=stages, language="de", batch_size=batch_size, progress=False)
    lagebild.analyze(texts[0], settings=settings)  # loads the pipeline: start-up is apart
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for text in texts:
                fh.write(json.dumps({"text": text, "language": "de"}, ensure_ascii=False) + "\n")
        wall, cpu = time.perf_counter(), time.process_time()
        summary = lagebild.run([corpus], db=Path(tmp) / "run.duckdb", settings=settings)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "processed": summary.processed,
        "failed": len(summary.failed),
        "cpu_s": round(cpu, 3),
        "wall_s": round(wall, 3),
        "articles_per_cpu_s": round(len(texts) / cpu, 1),
        "articles_per_s": round(len(texts) / wall, 1),
        "cpu_ms_per_article": round(1000 * cpu / len(texts), 2),
    }


def measure_dask(texts: list[str], stages: str, *, workers: int) -> dict[str, object]:
    """``lagebild run --engine dask`` over ``texts`` on local clusters of 1..``workers`` workers."""
    import logging
    import tempfile

    from distributed import Client, LocalCluster

    from lagebild.api import update_corpus
    from lagebild.scale import run_dask
    from lagebild.scale.worker import peak_rss_mb, warm_up
    from lagebild.settings import Settings

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for text in texts:
                fh.write(json.dumps({"text": text, "language": "de"}, ensure_ascii=False) + "\n")
        for n in range(1, workers + 1):
            with (
                LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                             dashboard_address=":0", silence_logs=logging.ERROR) as cluster,
                Client(cluster) as client,
            ):
                settings = Settings(stages=stages, language="de", engine="dask",
                                    scheduler=cluster.scheduler_address,
                                    parquet=str(Path(tmp) / f"parquet-{n}"))
                t0 = time.perf_counter()
                startup = client.run(warm_up, settings)
                warm = time.perf_counter() - t0
                cpu_before = client.run(time.process_time)
                client_cpu = time.process_time()
                db = Path(tmp) / f"run-{n}.duckdb"
                t0 = time.perf_counter()
                summary = run_dask([corpus], settings=settings.replace(db=db))
                wall = time.perf_counter() - t0
                client_cpu = time.process_time() - client_cpu
                cpu_after = client.run(time.process_time)
                t0 = time.perf_counter()
                update_corpus(db)
                corpus_s = time.perf_counter() - t0
                worker_cpu = sum(cpu_after[w] - cpu_before[w] for w in cpu_after)
                rss = client.run(peak_rss_mb)
            rows.append({
                "workers": n,
                "processed": summary.processed,
                "failed": len(summary.failed),
                "warm_up_s": round(warm, 2),
                "worker_startup_s": sorted(round(s, 2) for s in startup.values()),
                "wall_s": round(wall, 2),
                "articles_per_s": round(len(texts) / wall, 1),
                "articles_per_s_per_worker": round(len(texts) / wall / n, 1),
                "worker_cpu_s": round(worker_cpu, 2),
                "articles_per_worker_cpu_s": round(len(texts) / worker_cpu, 1),
                "client_cpu_s": round(client_cpu, 2),
                "corpus_update_s": round(corpus_s, 2),
                "end_to_end_articles_per_s": round(len(texts) / (wall + corpus_s), 1),
                "peak_rss_mb_per_worker": sorted(round(v, 1) for v in rss.values()),
            })
    base = rows[0]["articles_per_s"]
    for row in rows:
        row["speedup"] = round(row["articles_per_s"] / base, 2)
    return {"articles": len(texts), "stages": stages.split(","), "cores": os.cpu_count(),
            "engine": "dask", "runs": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--stages", default=None, help="pipeline stages (default: all)")
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("--run", action="store_true",
                        help="also time `lagebild run` itself over the same texts")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="articles per store transaction (default: the batch_size setting)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="dask: time `lagebild run --engine dask` on local clusters")
    parser.add_argument("--workers", type=int, default=2,
                        help="with --engine dask: measure 1 up to this many workers")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (needs ../shared/data)", file=sys.stderr)
        return 2
    # One core: the figure is per core; BLAS or tokenizer threads must not blur it.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    cpu, wall = time.process_time(), time.perf_counter()
    texts = read_corpus(args.corpus, args.limit)
    reading = (time.process_time() - cpu, time.perf_counter() - wall)
    from lagebild.settings import ALL_STAGES, Settings

    stages = args.stages or ",".join(ALL_STAGES)
    if args.engine == "dask":
        result = measure_dask(texts, stages, workers=args.workers)
    else:
        batch_size = args.batch_size or Settings().batch_size
        result = measure(texts, stages, batch_size=batch_size, reading=reading)
        if args.run:
            result["run"] = measure_run(texts, stages, batch_size=batch_size)
            result["peak_rss_mb"] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
