"""Score the actor stage on the German gold sentences (tests/gold/actors_de.jsonl).

Reports precision, recall and F1 at two levels:

- ``country``: the actor code's top level — the CAMEO country code of a state
  actor (``USA`` of ``USAGOVMIL``) or the whole code of an intergovernmental body
  (``IGOWSTNAT``);
- ``code``: the full CAMEO-style code (``USAGOVMIL``).

A predicted mention matches a gold mention when their character spans overlap
and the compared code is equal (one-to-one, in text order). Mentions without a
code are not scored. The gold shape is described in tests/gold/README.md.

Usage::

    python bench/eval_actors.py [--gold FILE] [--pipeline blank|full] [--show-errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "actors_de.jsonl"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def top_level(code: str) -> str:
    """Country part of a state actor's code, or the whole code of an IGO/NGO."""
    return code if code[:3] in ("IGO", "NGO", "IMG") else code[:3]


def make_nlp(kind: str = "blank") -> Any:
    """The pipeline to score: ``full`` is the product pipeline, ``blank`` sentences + actors."""
    import spacy

    from lagebild.components import register_extensions

    register_extensions()
    if kind == "full":
        from lagebild.pipeline import make_pipeline

        return make_pipeline("de")
    import lagebild.components.actors  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_actors")
    return nlp


def locate(text: str, mentions: list[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """Character spans of gold mentions: the n-th listing of a surface is its n-th occurrence."""
    last: dict[str, int] = {}
    spans: list[tuple[int, int, dict[str, Any]]] = []
    for mention in mentions:
        surface = mention["text"]
        start = text.find(surface, last.get(surface, -1) + 1)
        # Skip occurrences inside an earlier gold span ("Fontana" inside "Luis Fontana").
        while start >= 0 and any(s < start + len(surface) and start < e for s, e, _ in spans):
            start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"gold mention {surface!r} not found in {text!r}")
        last[surface] = start
        spans.append((start, start + len(surface), mention))
    return spans


def evaluate(
    gold_path: Path = GOLD, *, nlp: Any = None, errors: list[str] | None = None
) -> dict[str, Any]:
    """Run the pipeline over every gold record and return the scores."""
    nlp = nlp or make_nlp()
    scores = {"country": Score(), "code": Score()}
    records = [
        json.loads(line)
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for record in records:
        doc = nlp.make_doc(record["text"])
        published = record.get("published")
        doc._.published = dt.date.fromisoformat(published) if published else None
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        gold = [
            (s, e, m["code"])
            for s, e, m in locate(record["text"], record["mentions"])
            if m.get("code")
        ]
        pred = [(m.start, m.end, m.code) for m in doc._.mentions or [] if m.code]
        for level, key in (("country", top_level), ("code", str)):
            _score(
                scores[level], gold, pred, key, record["text"], errors if level == "code" else None
            )
    return {"records": len(records), **{k: v.as_dict() for k, v in scores.items()}}


def _score(
    score: Score, gold: list, pred: list, key: Any, text: str, errors: list[str] | None
) -> None:
    unmatched = list(pred)
    for start, end, code in gold:
        match = next(
            (p for p in unmatched if p[0] < end and start < p[1] and key(p[2]) == key(code)), None
        )
        if match is None:
            score.fn += 1
            if errors is not None:
                got = [f"{text[p[0] : p[1]]}={p[2]}" for p in pred if p[0] < end and start < p[1]]
                errors.append(f"MISS {text[start:end]!r} {code} got {got} | {text}")
        else:
            score.tp += 1
            unmatched.remove(match)
    score.fp += len(unmatched)
    if errors is not None:
        errors += [f"FP   {text[p[0] : p[1]]!r} {p[2]} | {text}" for p in unmatched]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--pipeline", choices=("blank", "full"), default="blank")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    errors: list[str] | None = [] if args.show_errors else None
    result = evaluate(args.gold, nlp=make_nlp(args.pipeline), errors=errors)
    for line in errors or []:
        print(line, file=sys.stderr)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
