"""Evaluate the packaged German NER model: entity P/R/F1 and speed.

Usage::

    python bench/eval_ner.py --shared ../shared [--json OUT] [--articles 200]

Quality: conlleval-style exact outer spans, per label (PER/LOC/ORG, their micro
average "overall", MISC and "all") on Europarl NER dev and on the held-out
fifth of GermEval 2014 dev (never used for training or model selection; the
split and label mapping are defined in ``scripts/train_ner.py``).

Three views of each set: ``gold-tok`` runs the model on the corpus's own
tokens; ``product`` rebuilds running text from them, lets the product's
tokenizer and the ``lagebild_ner`` component do everything, and compares
character spans — what users get; ``product-all`` is the same with the
component's sentence filter off (``name_sentences_only=False``: every
sentence is tagged); ``combined`` runs ``segment``, ``lagebild_ner`` and the
actor stage and lets the gazetteer win where it knows the name: a mention the
gazetteer holds as a name, abbreviation or capital (the same test the silver
data uses, ``scripts/ner_silver.py``; adjectives and demonyms are not names)
replaces the model's entities it overlaps, and the model's other entities stay
(``combined-all``: the same with the sentence filter off).

Speed: tokens per second of the ``lagebild_ner`` component alone (the Docs are
tokenised and split into sentences by the segment stage beforehand) over the
first ``--articles`` articles of 10kGNAD ``test.csv``, on one thread, with
the sentence filter (``speed``) and without it (``speed_all``).
"""

from __future__ import annotations

import os

# One BLAS/OpenMP thread, so the speed figure means "one core"; set before numpy loads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SETS = ("europarl_dev", "germeval_heldout")


def training_module() -> ModuleType:
    """``scripts/train_ner.py``: corpus readers, split, label mapping and scorer."""
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_ner", module)
    spec.loader.exec_module(module)
    return module


def product_pipeline(model_path: Path | None, *, name_sentences_only: bool = True):
    """Blank German tokenizer + ``lagebild_ner``, as the product builds it."""
    import spacy

    import lagebild.components.ner  # noqa: F401 - registers the factory

    nlp = spacy.blank("de")
    config: dict[str, object] = {"name_sentences_only": name_sentences_only}
    if model_path:
        config["model_path"] = str(model_path)
    nlp.add_pipe("lagebild_ner", name="ner", config=config)
    return nlp


def silver_module() -> ModuleType:
    """``scripts/ner_silver.py``: which actor mentions the gazetteer vouches for as names."""
    sys.path.insert(0, str(ROOT / "scripts"))
    training_module()
    import ner_silver

    return ner_silver


def combined_pipeline(model_path: Path | None, *, name_sentences_only: bool = True):
    """``segment`` + ``lagebild_ner`` + ``actors``, as the product builds them."""
    import lagebild.components.ner  # noqa: F401 - registers the factory
    from lagebild.pipeline import make_pipeline

    nlp = make_pipeline("de", stages=["segment", "actors"])
    config: dict[str, object] = {"name_sentences_only": name_sentences_only}
    if model_path:
        config["model_path"] = str(model_path)
    nlp.add_pipe("lagebild_ner", name="ner", before="actors", config=config)
    return nlp


def combined_spans(doc, *, silver: ModuleType, index) -> set[tuple[int, int, str]]:
    """Gazetteer names first, then the model's entities that overlap none of them."""
    known = []
    for mention in doc._.mentions or []:
        verified = silver._verified(index, doc, mention)
        if verified:
            start, end, label = verified
            known.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label))
    spans = set(known)
    for ent in doc.ents:
        if not any(ent.start_char < end and start < ent.end_char for start, end, _ in known):
            spans.add((ent.start_char, ent.end_char, ent.label_))
    return spans


def product_scores(tn: ModuleType, nlp, sentences: Sequence, *, combined: bool = False) -> dict:
    """Scores on character spans after the product's own tokenisation."""
    pairs = []
    texts = []
    for sentence in sentences:
        gold_doc = tn.make_doc(nlp.vocab, sentence)
        texts.append(gold_doc.text)
        pairs.append({(e.start_char, e.end_char, e.label_) for e in gold_doc.ents})
    if combined:
        silver = silver_module()
        index = nlp.get_pipe("actors").gazetteer.index("de")
        predicted = [
            combined_spans(doc, silver=silver, index=index)
            for doc in nlp.pipe(texts, batch_size=64)
        ]
    else:
        predicted = [
            {(e.start_char, e.end_char, e.label_) for e in doc.ents}
            for doc in nlp.pipe(texts, batch_size=64)
        ]
    return tn.score_spans(zip(pairs, predicted, strict=True))


def read_10kgnad(path: Path, limit: int) -> list[str]:
    """The first ``limit`` article texts of a 10kGNAD CSV (``label;'text'``)."""
    texts = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";", quotechar="'"):
            if len(row) >= 2:
                texts.append(row[1])
            if len(texts) >= limit:
                break
    return texts


def segmented_docs(texts: Sequence[str]) -> list:
    """Docs of the texts after the product's segment stage (sentence starts set)."""
    from lagebild.pipeline import make_pipeline

    segment = make_pipeline("de", stages=["segment"])
    return [segment(text) for text in texts]


def measure_speed(nlp, texts: Sequence[str]) -> dict[str, float]:
    """Tokens/s of the NER component alone on tokenised, segmented articles."""
    component = nlp.get_pipe("ner")
    list(component.pipe(segmented_docs(texts[:5])))  # load model and dictionary untimed
    docs = segmented_docs(texts)
    started = time.perf_counter()
    n_ents = sum(len(doc.ents) for doc in component.pipe(docs))
    seconds = time.perf_counter() - started
    n_tokens = sum(len(doc) for doc in docs)
    return {
        "articles": len(docs),
        "tokens": n_tokens,
        "seconds": round(seconds, 2),
        "tokens_per_second": round(n_tokens / seconds),
        "entities_per_article": round(n_ents / len(docs), 1),
    }


def run(
    shared: Path,
    *,
    model_path: Path | None = None,
    articles: int = 200,
    sets: Sequence[str] = SETS,
) -> dict:
    """All measurements as one JSON-ready dict."""
    import spacy

    from lagebild.components.ner import default_model_path

    tn = training_module()
    corpora = tn.load_corpora(shared)
    model = spacy.load(model_path or default_model_path())
    nlp = product_pipeline(model_path)
    nlp_all = product_pipeline(model_path, name_sentences_only=False)
    nlp_combined = combined_pipeline(model_path)
    nlp_combined_all = combined_pipeline(model_path, name_sentences_only=False)
    results: dict = {"quality": {}, "sets": {name: len(corpora[name]) for name in sets}}
    for name in sets:
        results["quality"][f"{name} gold-tok"] = tn.evaluate(model, corpora[name])
        results["quality"][f"{name} product"] = product_scores(tn, nlp, corpora[name])
        results["quality"][f"{name} product-all"] = product_scores(tn, nlp_all, corpora[name])
        results["quality"][f"{name} combined"] = product_scores(
            tn, nlp_combined, corpora[name], combined=True
        )
        results["quality"][f"{name} combined-all"] = product_scores(
            tn, nlp_combined_all, corpora[name], combined=True
        )
    if articles:
        texts = read_10kgnad(shared / "data" / "10kGNAD" / "test.csv", articles)
        results["speed"] = measure_speed(nlp, texts)
        results["speed_all"] = measure_speed(nlp_all, texts)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", type=Path, default=None, help="model dir (default: packaged)")
    parser.add_argument("--articles", type=int, default=200, help="10kGNAD articles for speed")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument(
        "--sets",
        nargs="+",
        default=list(SETS),
        help="evaluation sets (germeval_tune: the tuning slice, for choosing between models; "
        "a model built with train_ner.py --refit has trained on it)",
    )
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        parser.error(f"shared data not found at {args.shared / 'data'}")
    results = run(args.shared, model_path=args.model, articles=args.articles, sets=args.sets)
    print(training_module().format_table(results["quality"]))
    for key, what in (("speed", "name sentences only"), ("speed_all", "every sentence")):
        if key in results:
            s = results[key]
            print(
                f"speed ({what}): {s['tokens_per_second']} tokens/s ({s['tokens']} tokens, "
                f"{s['articles']} articles, {s['seconds']} s, one thread)"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
