"""Derive the German tone lexicon ``src/lagebild/lang/de/tone.tsv`` from GermanPolarityClues.

GermanPolarityClues (Waltinger 2010, LREC) is free to use with citation; the
derived table keeps only word forms and their polarity (+1 / -1), which is a
table of facts about words with attribution. Forms listed as both positive and
negative, forms in the neutral list and the negators of ``lang/de/tone_cues.tsv``
(negation is handled by the stage, not by the lexicon) are left out.

The Rauh (GPL-3) and SentiWS (CC BY-NC-SA) dictionaries are NOT used here; they
serve only as references in ``bench/eval_tone.py``.

Usage: python scripts/build_tone_lexicon.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "lang" / "de" / "tone.tsv"
CUES = ROOT / "src" / "lagebild" / "lang" / "de" / "tone_cues.tsv"
GPC = "lexicons/germanpolarityclues/GermanPolarityClues-{}-21042012.tsv"

# Parts of speech whose polarity is about the topic rather than the stance of the
# text: GPC tags names (NE) and a few function words that occur in every article.
SKIP_POS = frozenset({"NE", "ART", "APPR", "KON", "PPER", "PT"})


def read_forms(path: Path) -> dict[str, str]:
    """Word form -> POS tag of one GermanPolarityClues list."""
    forms: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 3 and row[0].strip():
                forms[row[0].strip()] = row[2].strip()
    return forms


def negators() -> set[str]:
    words = set()
    for line in CUES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("kind\t"):
            words.add(line.split("\t")[1])
    return words


def build(shared: Path) -> list[tuple[str, int]]:
    pos = read_forms(shared / GPC.format("Positive"))
    neg = read_forms(shared / GPC.format("Negative"))
    neutral = read_forms(shared / GPC.format("Neutral"))
    skip = negators() | set(neutral)
    rows = []
    for forms, polarity, other in ((pos, 1, neg), (neg, -1, pos)):
        for form, tag in forms.items():
            if form in other or form in skip or tag in SKIP_POS or len(form) < 3:
                continue
            rows.append((form, polarity))
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.shared)
    header = [
        "# German tone lexicon: word form -> polarity (+1 positive, -1 negative).",
        "# source: GermanPolarityClues 2012 full-form lists (Waltinger, U. 2010,",
        "#   GermanPolarityClues: A Lexical Resource for German Sentiment Analysis, LREC 2010);",
        "#   free to use with citation.",
        f"# rebuilt: {dt.date.today().isoformat()} by scripts/build_tone_lexicon.py "
        f"({len(rows)} forms)",
        "form\tpolarity",
    ]
    lines = header + [f"{form}\t{polarity}" for form, polarity in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} forms -> {args.out}")


if __name__ == "__main__":
    main()
