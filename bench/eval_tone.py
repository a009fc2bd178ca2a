"""Agreement of the tone stage with the Rauh (2018) political sentiment dictionary.

Scores every article of 10kGNAD ``test.csv`` (``label;'text'``) with the shipped
lexicon (``lang/de/tone.tsv``, from GermanPolarityClues) and with Rauh's
dictionary including its negation bigrams, then reports Spearman's rank
correlation overall and for the "International" section. Rauh and SentiWS are
read from ``../shared/data`` only, for this comparison; they are not shipped.

Usage: python bench/eval_tone.py [--shared ../shared/data] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

from lagebild.components.tone import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"\w+")


def read_gnad(path: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8") as f:
        return [(row[0], row[1]) for row in csv.reader(f, delimiter=";", quotechar="'")
                if len(row) >= 2]


def read_rauh(folder: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Rauh unigram sentiment and the sentiment of negated terms (``NOT_term``)."""
    plain: dict[str, float] = {}
    with (folder / "Rauh_SentDictionaryGerman__sent.dictionary.tsv").open(encoding="utf-8") as f:
        next(f)
        for line in f:
            feature, value = line.rstrip("\n").split("\t")
            plain[feature.strip()] = float(value)
    negated: dict[str, float] = {}
    path = folder / "Rauh_SentDictionaryGerman_Negation__neg.sent.dictionary.tsv"
    with path.open(encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            negated[parts[2].strip().removeprefix("NOT_")] = float(parts[3])
    return plain, negated


_RAUH_NEGATORS = frozenset({"nicht", "nichts", "kein", "keine", "keinen"})


def rauh_score(text: str, plain: dict[str, float], negated: dict[str, float]) -> float:
    """Rauh's recipe: lower-cased words, a negator directly before a term flips it."""
    words = _WORD.findall(text.lower())
    pos = neg = 0
    previous = ""
    for w in words:
        value = negated.get(w) if previous in _RAUH_NEGATORS else None
        if value is None:
            value = plain.get(w)
        if value:
            if value > 0:
                pos += 1
            else:
                neg += 1
        previous = w
    return (pos - neg) / (pos + neg) if pos + neg else 0.0


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho with average ranks for ties."""

    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2
            i = j + 1
        return result

    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    gnad = args.shared / "10kGNAD" / "test.csv"
    if not gnad.is_file():
        print(f"10kGNAD not found at {gnad}", file=sys.stderr)
        return 2
    articles = read_gnad(gnad)
    plain, negated = read_rauh(args.shared / "lexicons" / "rauh")
    lexicon = load_lexicon("de")
    assert lexicon is not None
    started = time.perf_counter()
    ours = [lexicon.score(text).tone for _, text in articles]
    per_article_ms = (time.perf_counter() - started) * 1000 / len(articles)
    rauh = [rauh_score(text, plain, negated) for _, text in articles]
    intl = [i for i, (label, _) in enumerate(articles) if label == "International"]
    result = {
        "articles": len(articles),
        "spearman_all": round(spearman(ours, rauh), 3),
        "international_articles": len(intl),
        "spearman_international": round(
            spearman([ours[i] for i in intl], [rauh[i] for i in intl]), 3),
        "ms_per_article": round(per_article_ms, 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
