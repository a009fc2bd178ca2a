"""Evaluate event coding on the hand-written gold sentences (tests/gold/events_de.jsonl).

Usage::

    python bench/eval_events.py [--gold tests/gold/events_de.jsonl] [--split dev|test|all]
                                [--actors gold|pipeline] [--json] [--errors]

Scores are precision, recall and F1 of (source country, target country, CAMEO
root) triples per sentence — an event with several sources or targets gives one
triple per pair, an actor without a country counts by its code ("NATO") — and,
over the matched triples, the accuracy of the full CAMEO code and of the
modality. ``--actors gold`` feeds the gold actor mentions to the event coder,
so the figures measure event coding alone; ``--actors pipeline`` runs the
project's actor stage first and measures both together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests" / "gold" / "events_de.jsonl"

Triple = tuple[str, str, str]


@dataclass(slots=True)
class Scores:
    """Counts behind the reported figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    code_ok: int = 0
    modality_ok: int = 0
    sentences: int = 0
    errors: list[dict] = field(default_factory=list)

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

    def as_dict(self) -> dict[str, float | int]:
        return {
            "sentences": self.sentences,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "code_accuracy": round(self.code_ok / self.tp, 3) if self.tp else 0.0,
            "modality_accuracy": round(self.modality_ok / self.tp, 3) if self.tp else 0.0,
        }


def load_gold(path: Path) -> list[dict]:
    """Gold records, one sentence per line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _key(actor: dict) -> str:
    return actor.get("country") or actor.get("code") or actor.get("actorText") or ""


def triples(events: Iterable[dict]) -> dict[Triple, dict]:
    """Triples of a sentence's events, each pointing at the (first) event that gave it."""
    found: dict[Triple, dict] = {}
    for event in events:
        sources = [_key(a) for a in event.get("source") or []] or [""]
        targets = [_key(a) for a in event.get("target") or []] or [""]
        for s in sources:
            for t in targets:
                found.setdefault((s, t, event["cameo"][:2]), event)
    return found


def _predicted_events(record: dict, *, actors: str, coder_cache: dict) -> list[dict]:
    """Run the coder on one gold sentence; events as plain dicts in the gold shape."""
    from lagebild.components import register_extensions
    from lagebild.model import Mention, Sentence

    register_extensions()
    language = record.get("language", "de")
    published = dt.date.fromisoformat(record["date"]) if record.get("date") else None
    text = record["text"]
    if actors == "pipeline":
        from lagebild.pipeline import make_pipeline

        if "nlp" not in coder_cache:
            from lagebild.errors import LagebildError

            try:
                coder_cache["nlp"] = make_pipeline(language, stages=["ner", "actors", "events"])
            except LagebildError:  # no trained NER model in this checkout: rules only
                coder_cache["nlp"] = make_pipeline(language, stages=["actors", "events"])
        nlp = coder_cache["nlp"]
        doc = nlp.make_doc(text)
        doc._.article_id, doc._.published, doc._.language = record["id"], published, language
        doc._.sentences = [Sentence(0, 0, len(text), text, 0)]
        for _, component in nlp.pipeline:
            doc = component(doc)
        events = doc._.events or []
    else:
        import spacy

        from lagebild.components.events import EventCoder

        if "coder" not in coder_cache:
            coder_cache["coder"] = EventCoder(language)
            coder_cache["blank"] = spacy.blank(language)
        doc = coder_cache["blank"].make_doc(text)
        doc._.article_id, doc._.published, doc._.language = record["id"], published, language
        doc._.sentences = [Sentence(0, 0, len(text), text, 0)]
        doc._.mentions = [
            Mention(
                record["id"],
                a["start"],
                a["end"],
                a["actorText"],
                a.get("kind", "ORG"),
                None,
                a.get("country") or None,
                a.get("sector") or None,
                a.get("code"),
            )
            for a in record.get("actors", [])
        ]
        events = coder_cache["coder"].code_doc(doc)
    return [
        {
            "source": [
                {"actorText": a.text, "code": a.code, "country": a.country} for a in e.source
            ],
            "target": [
                {"actorText": a.text, "code": a.code, "country": a.country} for a in e.target
            ],
            "cameo": e.cameo,
            "modality": e.modality,
            "trigger": e.trigger,
        }
        for e in events
    ]


def _describe(triple: Triple, event: dict, *, with_trigger: bool = False) -> str:
    source, target, _ = triple
    text = f"{source}>{target}:{event['cameo']}:{event['modality']}"
    return text + (f" [{event['trigger']}]" if with_trigger else "")


def evaluate(records: list[dict], *, actors: str = "gold") -> Scores:
    """Score the coder on ``records``."""
    scores = Scores()
    cache: dict = {}
    for record in records:
        scores.sentences += 1
        gold = triples(record.get("events", []))
        predicted_events = _predicted_events(record, actors=actors, coder_cache=cache)
        predicted = triples(predicted_events)
        hits = set(gold) & set(predicted)
        scores.tp += len(hits)
        scores.fp += len(set(predicted) - set(gold))
        scores.fn += len(set(gold) - set(predicted))
        for triple in hits:
            scores.code_ok += gold[triple]["cameo"] == predicted[triple]["cameo"]
            scores.modality_ok += gold[triple]["modality"] == predicted[triple]["modality"]
        wrong_detail = any(
            gold[t]["cameo"] != predicted[t]["cameo"]
            or gold[t]["modality"] != predicted[t]["modality"]
            for t in hits
        )
        if set(gold) != set(predicted) or wrong_detail:
            scores.errors.append(
                {
                    "id": record["id"],
                    "text": record["text"],
                    "gold": sorted(_describe(triple, gold[triple]) for triple in gold),
                    "predicted": sorted(
                        _describe(triple, predicted[triple], with_trigger=True)
                        for triple in predicted
                    ),
                }
            )
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--actors", choices=["gold", "pipeline"], default="gold")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list sentences coded wrongly")
    args = parser.parse_args(argv)
    records = load_gold(args.gold)
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    report = {}
    for split in splits:
        chosen = [r for r in records if r.get("split", "dev") == split]
        scores = evaluate(chosen, actors=args.actors)
        report[split] = scores.as_dict()
        if args.errors:
            for error in scores.errors:
                print(json.dumps(error, ensure_ascii=False), file=sys.stderr)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for split, figures in report.items():
            print(f"{split:5} " + "  ".join(f"{k}={v}" for k, v in figures.items()))
    roots = Counter(e["cameo"][:2] for r in records for e in r.get("events", []))
    if not args.json:
        print(f"gold: {len(records)} sentences, roots covered: {len(roots)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
