"""Evaluate event coding on the hand-written gold sentences (tests/gold/events_de.jsonl).

Usage::

    python bench/eval_events.py [--gold tests/gold/events_de.jsonl] [--split dev|test|all]
                                [--actors pipeline|gold|both] [--stages ner,actors,events|all]
                                [--gazetteer FILE ...] [--json] [--errors]

Scores are precision, recall and F1 of (source, target, CAMEO root) triples per
sentence — an event with several sources or targets gives one triple per pair —
and, over the matched triples, the accuracy of the full CAMEO code and of the
modality. An actor is compared by its country (ISO alpha-3, or the fictional
code of ``tests/gold/fictional_actors.yaml``); an actor without a country (an
intergovernmental body, its officials) by its organisation key: the first code
of the gazetteer organisation that lists the code among its codes, so ``NATO``
and ``IGOWSTNAT`` are one key, as are all EU bodies (``IGOEUREEC``).

``--actors pipeline`` (the default) runs the product's own stages — the actor
stage with the fictional test gazetteer, the NER model when one is packaged —
and measures what the product outputs. ``--actors gold`` feeds the gold actor
mentions to the event coder, so the figures measure the event rules alone.
``--stages all`` runs every stage of ``make_pipeline`` (segmentation, quotes and
tone included), as ``lagebild analyze`` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests" / "gold" / "events_de.jsonl"
#: The fictional states and groups of the gold (Arnor, Gondor, …): test data, never product data.
FICTIONAL_GAZETTEER = ROOT / "tests" / "gold" / "fictional_actors.yaml"
DEFAULT_STAGES = ("ner", "actors", "events")

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


@cache
def organisation_keys(gazetteer_files: tuple[str, ...] = ()) -> dict[str, str]:
    """Every code an organisation is known by -> its first (canonical) code."""
    from lagebild.gazetteer import load_gazetteer

    keys: dict[str, str] = {}
    for actor in load_gazetteer(gazetteer_files).actors.values():
        if actor.kind in ("PER", "GPE") or not actor.codes:
            continue
        for code in actor.codes:
            keys.setdefault(code, actor.codes[0])
    return keys


def actor_key(actor: dict, *, org_keys: dict[str, str]) -> str:
    """What an actor is compared by: its country, else its normalised organisation code."""
    if actor.get("country"):
        return actor["country"]
    code = actor.get("code") or ""
    return org_keys.get(code, code) or actor.get("actorText") or ""


def triples(
    events: Iterable[dict], *, org_keys: dict[str, str] | None = None
) -> dict[Triple, dict]:
    """Triples of a sentence's events, each pointing at the (first) event that gave it."""
    keys = organisation_keys() if org_keys is None else org_keys
    found: dict[Triple, dict] = {}
    for event in events:
        sources = [actor_key(a, org_keys=keys) for a in event.get("source") or []] or [""]
        targets = [actor_key(a, org_keys=keys) for a in event.get("target") or []] or [""]
        for s in sources:
            for t in targets:
                found.setdefault((s, t, event["cameo"][:2]), event)
    return found


@dataclass(slots=True)
class Runner:
    """Codes gold sentences with gold actors or with the product's own stages (built once)."""

    actors: str = "pipeline"
    stages: tuple[str, ...] = DEFAULT_STAGES
    gazetteer_files: tuple[str, ...] = (str(FICTIONAL_GAZETTEER),)
    _cache: dict = field(default_factory=dict)

    def pipeline(self, language: str):
        """The product pipeline for ``language``; a stage not built here (NER) is left out."""
        if language not in self._cache:
            from lagebild.errors import LagebildError
            from lagebild.pipeline import STAGES, make_pipeline

            stages = None if self.stages == ("all",) else self.stages
            try:
                nlp = make_pipeline(language, stages=stages, gazetteer_files=self.gazetteer_files)
            except LagebildError:  # no trained NER model in this checkout: rules only
                wanted = [s for s in (stages or STAGES) if s != "ner"]
                nlp = make_pipeline(language, stages=wanted, gazetteer_files=self.gazetteer_files)
            self._cache[language] = nlp
        return self._cache[language]

    def stage_names(self, language: str = "de") -> list[str]:
        if self.actors == "gold":
            return ["events"]
        return list(self.pipeline(language).pipe_names)

    def events(self, record: dict) -> list[dict]:
        """Run the coder on one gold sentence; events as plain dicts in the gold shape."""
        from lagebild.components import register_extensions
        from lagebild.model import Sentence

        register_extensions()
        language = record.get("language", "de")
        published = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        text = record["text"]
        if self.actors == "pipeline":
            nlp = self.pipeline(language)
            doc = nlp.make_doc(text)
            doc._.article_id, doc._.published, doc._.language = record["id"], published, language
            if "segment" not in nlp.pipe_names:  # a gold record is coded as one sentence
                doc._.sentences = [Sentence(0, 0, len(text), text, 0)]
            for _, component in nlp.pipeline:
                doc = component(doc)
            events = doc._.events or []
        else:
            events = self._gold_actor_events(record, language, published)
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

    def _gold_actor_events(self, record: dict, language: str, published: dt.date | None) -> list:
        import spacy

        from lagebild.components.events import EventCoder
        from lagebild.model import Mention, Sentence

        if "coder" not in self._cache:
            self._cache["coder"] = EventCoder(language)
            self._cache["blank"] = spacy.blank(language)
        text = record["text"]
        doc = self._cache["blank"].make_doc(text)
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
        return self._cache["coder"].code_doc(doc)


def _describe(triple: Triple, event: dict, *, with_trigger: bool = False) -> str:
    source, target, _ = triple
    text = f"{source}>{target}:{event['cameo']}:{event['modality']}"
    return text + (f" [{event['trigger']}]" if with_trigger else "")


def evaluate(
    records: list[dict],
    *,
    actors: str = "pipeline",
    stages: Iterable[str] = DEFAULT_STAGES,
    gazetteer_files: Iterable[str | Path] = (FICTIONAL_GAZETTEER,),
) -> Scores:
    """Score the coder on ``records`` (``actors``: "pipeline" or "gold")."""
    files = tuple(str(f) for f in gazetteer_files)
    runner = Runner(actors, tuple(stages), files)
    org_keys = organisation_keys(files)
    scores = Scores()
    for record in records:
        scores.sentences += 1
        gold = triples(record.get("events", []), org_keys=org_keys)
        predicted_events = runner.events(record)
        predicted = triples(predicted_events, org_keys=org_keys)
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
    parser.add_argument(
        "--actors",
        choices=["pipeline", "gold", "both"],
        default="pipeline",
        help="actor mentions from the product's stages (default) or from the gold",
    )
    parser.add_argument(
        "--stages",
        default=",".join(DEFAULT_STAGES),
        help="pipeline stages for --actors pipeline, comma-separated, or 'all'",
    )
    parser.add_argument(
        "--gazetteer",
        type=Path,
        action="append",
        help=f"user gazetteer files (default: {FICTIONAL_GAZETTEER.relative_to(ROOT)})",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list sentences coded wrongly")
    args = parser.parse_args(argv)
    records = load_gold(args.gold)
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    modes = ["pipeline", "gold"] if args.actors == "both" else [args.actors]
    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip())
    files = tuple(args.gazetteer or [FICTIONAL_GAZETTEER])
    report: dict[str, dict] = {}
    for mode in modes:
        used = Runner(mode, stages, tuple(str(f) for f in files)).stage_names()
        for split in splits:
            chosen = [r for r in records if r.get("split", "dev") == split]
            scores = evaluate(chosen, actors=mode, stages=stages, gazetteer_files=files)
            report[f"{mode}/{split}"] = {"stages": "+".join(used), **scores.as_dict()}
            if args.errors:
                for error in scores.errors:
                    print(json.dumps({"mode": mode, **error}, ensure_ascii=False), file=sys.stderr)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, figures in report.items():
            print(f"{name:14} " + "  ".join(f"{k}={v}" for k, v in figures.items()))
        roots = Counter(e["cameo"][:2] for r in records for e in r.get("events", []))
        print(f"gold: {len(records)} sentences, roots covered: {len(roots)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
