"""Throughput of the per-document pipeline on one core, against a tokenizer baseline.

Runs the pipeline over a corpus (default: the 1,028 articles of 10kGNAD's test
split in ../shared/data) and reports articles/s, tokens/s, peak RSS and the time
spent in each stage, as ratios to a baseline measured in the same run: spaCy's
blank German tokenizer over the same texts. Ratios, not seconds, are what
compare across machines.

    python bench/throughput.py                    # every stage
    python bench/throughput.py --stages segment   # clean + language + segment only
    python bench/throughput.py --json docs/throughput.json
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


def measure(texts: list[str], stages: str) -> dict[str, object]:
    import spacy

    from lagebild.ingest.base import RawDocument
    from lagebild.pipeline import Analyzer
    from lagebild.settings import Settings

    baseline_nlp = spacy.blank("de")
    start = time.perf_counter()
    tokens = sum(len(baseline_nlp.make_doc(t)) for t in texts)
    baseline = time.perf_counter() - start

    load_start = time.perf_counter()
    analyzer = Analyzer(Settings(stages=stages, language="de"))
    nlp = analyzer.pipeline("de")
    startup = time.perf_counter() - load_start

    spent: dict[str, float] = defaultdict(float)
    run_start = time.perf_counter()
    for i, text in enumerate(texts):
        raw = RawDocument(text=text, source=f"corpus#{i}")
        t0 = time.perf_counter()
        article, doc, nlp = analyzer.prepare(raw)
        spent["clean+language+make_doc"] += time.perf_counter() - t0
        for name, component in nlp.pipeline:
            t0 = time.perf_counter()
            doc = component(doc)
            spent[name] += time.perf_counter() - t0
    total = time.perf_counter() - run_start

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(texts),
        "tokens": tokens,
        "stages": [name for name, _ in nlp.pipeline],
        "startup_s": round(startup, 3),
        "baseline_tokenizer_s": round(baseline, 3),
        "pipeline_s": round(total, 3),
        "articles_per_s": round(len(texts) / total, 1),
        "tokens_per_s": round(tokens / total),
        "ratio_to_tokenizer": round(total / baseline, 2),
        "ms_per_article": {k: round(1000 * v / len(texts), 3) for k, v in spent.items()},
        "stage_ratio_to_tokenizer": {k: round(v / baseline, 2) for k, v in spent.items()},
        "peak_rss_mb": round(peak_kib / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--stages", default=None, help="pipeline stages (default: all)")
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (needs ../shared/data)", file=sys.stderr)
        return 2
    # One core: the figure is per core; BLAS or tokenizer threads must not blur it.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from lagebild.settings import ALL_STAGES

    stages = args.stages or ",".join(ALL_STAGES)
    result = measure(read_corpus(args.corpus, args.limit), stages)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
