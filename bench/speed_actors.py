"""Time the actor stage alone on the bundled example articles (one core).

Tokenisation and sentence splitting run before the timing; the gazetteer is
loaded before it too. Reports wall-clock and CPU time per article and per
2,500 characters (the budget is 5 ms per 2,500 characters).

Usage::

    python bench/speed_actors.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    import lagebild.components.actors  # noqa: F401  (registers the factory)
    from lagebild.components import register_extensions

    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    actors = nlp.add_pipe("lagebild_actors")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    docs = [nlp.get_pipe("sentencizer")(nlp.make_doc(t)) for t in texts]
    for doc in docs:
        doc._.published = dt.date(2024, 1, 1)
    actors(docs[0])
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for doc in docs:
            actors(doc)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    runs, chars = args.repeat * len(docs), args.repeat * sum(len(t) for t in texts)
    print(f"{len(docs)} articles, {chars // runs} characters on average, {args.repeat} rounds")
    for label, seconds in (("wall", wall), ("cpu ", cpu)):
        per_article, per_2500 = seconds / runs * 1000, seconds / chars * 2500 * 1000
        print(f"{label}: {per_article:.2f} ms/article, {per_2500:.2f} ms per 2,500 characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
