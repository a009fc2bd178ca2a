"""Time the events stage per article on the 10kGNAD news corpus (../shared/data/10kGNAD).

Usage::

    python bench/speed_events.py [--articles 300] [--repeat 3] [--shared ../shared]

The stages before it (segment, actors) run once, untimed; the events stage then
runs ``--repeat`` times over the same Docs, after one short warm-up document has
loaded its tables. Reported: CPU and wall milliseconds per article of the first
run (cold word caches) and the best run — CPU time is the figure to
compare, wall time depends on what else the machine is doing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The corpus has no publication dates; a fixed day keeps relative dates deterministic.
PUBLISHED = dt.date(2016, 5, 1)


def read_articles(shared: Path, limit: int) -> list[str]:
    """Article texts of the 10kGNAD test file (``;``-separated, ``'``-quoted: label;text)."""
    path = shared / "data" / "10kGNAD" / "test.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        return [row[1] for _, row in zip(range(limit), rows, strict=False) if len(row) > 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "10kGNAD").is_dir():
        print(f"10kGNAD not found under {args.shared}", file=sys.stderr)
        return 1
    from lagebild.components.clean import clean_text
    from lagebild.pipeline import make_pipeline

    nlp = make_pipeline("de", stages=["segment", "actors", "events"])
    events = nlp.get_pipe("events")
    docs = []
    for text in read_articles(args.shared, args.articles):
        doc = nlp.make_doc(clean_text(text, language="de").text)
        doc._.published = PUBLISHED
        for name, component in nlp.pipeline:
            if name != "events":
                doc = component(doc)
        docs.append(doc)
    warm = nlp("Russland griff die Ukraine an.")  # loads lexicon and lemmatiser: once a process
    assert warm._.events is not None
    runs = []
    for _ in range(args.repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        for doc in docs:
            events(doc)
        runs.append(
            (
                1000 * (time.process_time() - cpu) / len(docs),
                1000 * (time.perf_counter() - wall) / len(docs),
            )
        )
    found = sum(len(doc._.events or []) for doc in docs)
    cold, best = runs[0], min(runs)
    print(
        f"articles={len(docs)} events={found} "
        f"cold: cpu={cold[0]:.2f} wall={cold[1]:.2f} ms/article  "
        f"best: cpu={best[0]:.2f} wall={best[1]:.2f} ms/article"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
