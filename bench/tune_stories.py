"""Dev data for the story thresholds, built from 10kGNAD (never from the example corpus).

Same story in other words: for each article, its title+lead (first
``LEAD_CHARS`` characters) and a later stretch of its body (characters 300-900,
so no shared sentence) are a positive pair; the lead of one article and the
body of another article *of the same newspaper section* is a hard negative
(same topic, different story). Each vectoriser's cosine is reported as
percentiles of positives and negatives, and for candidate thresholds the share
of positives kept and of hard negatives let through.

Near duplicates: an article and a re-published copy (every fifth sentence
dropped, a site appeal and a "Mehr zum Thema" line added, a few words changed)
are positives; two articles of the same section are negatives; the MinHash
Jaccard estimate is reported the same way.

Actor agreement is not simulated here (10kGNAD has no actor annotation); it is
a second condition that only makes links rarer.

Usage: python bench/tune_stories.py [--shared ../shared/data] [--limit 400]
       [--vectorizers use-m3,chargram]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from lagebild.corpus.similarity import CharGramVectorizer, UseVectorizer, minhash
from lagebild.corpus.stories import NEAR_DUPLICATE, RULES

ROOT = Path(__file__).resolve().parents[1]
_SENT = re.compile(r"(?<=[.!?])\s+")


def read_gnad(path: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8") as f:
        return [(r[0], r[1]) for r in csv.reader(f, delimiter=";", quotechar="'") if len(r) >= 2]


def repost(text: str, rng: random.Random) -> str:
    """A re-published copy: sentences dropped, boilerplate added, words changed."""
    sentences = [s for i, s in enumerate(_SENT.split(text)) if i % 5 != 4]
    words = " ".join(sentences).split(" ")
    for _ in range(max(1, len(words) // 50)):
        words[rng.randrange(len(words))] = "geändert"
    return ("Unterstützen Sie unabhängigen Journalismus! " + " ".join(words)
            + " Mehr zum Thema – Newsletter abonnieren.")


def percentiles(values: list[float]) -> str:
    q = np.percentile(values, [1, 10, 50, 90, 99, 99.9]) if values else []
    return " ".join(f"p{p}={v:.3f}" for p, v in zip((1, 10, 50, 90, 99, 99.9), q, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=400, help="articles used (longest first)")
    parser.add_argument("--vectorizers", default="use-m3,chargram")
    args = parser.parse_args()
    rows = [(label, text) for label, text in read_gnad(args.shared / "10kGNAD" / "test.csv")
            if len(text) > 1000]
    rng = random.Random(42)
    rng.shuffle(rows)
    rows = rows[: args.limit]
    leads = [t[:300] for _, t in rows]
    bodies = [t[300:900] for _, t in rows]
    by_section = defaultdict(list)
    for i, (label, _) in enumerate(rows):
        by_section[label].append(i)
    hard = [(i, j) for ids in by_section.values() for i, j in itertools.permutations(ids, 2)]
    print(f"{len(rows)} articles, {len(hard)} hard negative pairs, {len(by_section)} sections")

    known = {"use-m3": UseVectorizer, "chargram": CharGramVectorizer}
    for kind in args.vectorizers.split(","):
        try:
            vectorizer = known[kind]()
            started = time.perf_counter()
            vectors = vectorizer.encode(leads + bodies, languages=["de"] * (2 * len(rows)))
        except ImportError as exc:
            print(f"\n[{kind}] not available: {exc}")
            continue
        seconds = time.perf_counter() - started
        a, b = vectors[: len(rows)], vectors[len(rows):]
        sims = a @ b.T
        pos = [float(sims[i, i]) for i in range(len(rows))]
        neg = [float(sims[i, j]) for i, j in hard]
        print(f"\n[{kind}] {1000 * seconds / (2 * len(rows)):.1f} ms per text")
        print(f"  positives      {percentiles(pos)}")
        print(f"  hard negatives {percentiles(neg)}")
        rules = RULES[kind]
        for t in sorted({rules.with_actors, rules.alone, *np.round(np.arange(0.1, 0.95, 0.05), 2)}):
            kept = np.mean([p >= t for p in pos])
            through = np.mean([n >= t for n in neg])
            mark = " <- with_actors" if t == rules.with_actors else (
                " <- alone" if t == rules.alone else "")
            print(f"  cos >= {t:.2f}: positives kept {kept:6.1%}  hard negatives through "
                  f"{through:7.3%}{mark}")

    signatures = [minhash(t) for _, t in rows]
    copies = [minhash(repost(t, rng)) for _, t in rows]
    pos = [float(np.mean(s == c)) for s, c in zip(signatures, copies, strict=True)]
    neg = [float(np.mean(signatures[i] == signatures[j])) for i, j in hard[:20000]]
    print("\n[minhash] Jaccard estimate")
    print(f"  reposts        {percentiles(pos)}")
    print(f"  same section   {percentiles(neg)}")
    print(f"  >= {NEAR_DUPLICATE}: reposts kept {np.mean([p >= NEAR_DUPLICATE for p in pos]):.1%}, "
          f"same-section pairs through {np.mean([n >= NEAR_DUPLICATE for n in neg]):.3%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
