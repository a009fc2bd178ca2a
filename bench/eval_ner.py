"""Evaluate the packaged German NER model: entity P/R/F1 and speed.

Usage::

    python bench/eval_ner.py --shared ../shared [--json OUT] [--articles 200]

Quality: conlleval-style exact outer spans, per label (PER/LOC/ORG, their micro
average "overall", MISC and "all") on Europarl NER dev and on the held-out
fifth of GermEval 2014 dev (never used for training or model selection; the
split and label mapping are defined in ``scripts/train_ner.py``).

Two views of each set: ``gold-tok`` runs the model on the corpus's own
tokens; ``product`` rebuilds running text from them, lets the product's
tokenizer and the ``lagebild_ner`` component do everything, and compares
character spans — what users get.

Speed: tokens per second of the ``lagebild_ner`` component alone (the Docs are
tokenised beforehand) over the first ``--articles`` articles of
10kGNAD ``test.csv``, on one thread.
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


def product_pipeline(model_path: Path | None):
    """Blank German tokenizer + ``lagebild_ner``, as the product builds it."""
    import spacy

    import lagebild.components.ner  # noqa: F401 - registers the factory

    nlp = spacy.blank("de")
    config = {"model_path": str(model_path)} if model_path else {}
    nlp.add_pipe("lagebild_ner", name="ner", config=config)
    return nlp


def product_scores(tn: ModuleType, nlp, sentences: Sequence) -> dict:
    """Scores on character spans after the product's own tokenisation."""
    pairs = []
    texts = []
    for sentence in sentences:
        gold_doc = tn.make_doc(nlp.vocab, sentence)
        texts.append(gold_doc.text)
        pairs.append({(e.start_char, e.end_char, e.label_) for e in gold_doc.ents})
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


def measure_speed(nlp, texts: Sequence[str]) -> dict[str, float]:
    """Tokens/s of the NER component alone on pre-tokenised articles."""
    docs = [nlp.make_doc(text) for text in texts]
    component = nlp.get_pipe("ner")
    list(component.pipe(docs[:5]))  # load the model outside the timed part
    docs = [nlp.make_doc(text) for text in texts]
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


def run(shared: Path, *, model_path: Path | None = None, articles: int = 200) -> dict:
    """All measurements as one JSON-ready dict."""
    import spacy

    from lagebild.components.ner import default_model_path

    tn = training_module()
    corpora = tn.load_corpora(shared)
    model = spacy.load(model_path or default_model_path())
    nlp = product_pipeline(model_path)
    results: dict = {"quality": {}, "sets": {name: len(corpora[name]) for name in SETS}}
    for name in SETS:
        results["quality"][f"{name} gold-tok"] = tn.evaluate(model, corpora[name])
        results["quality"][f"{name} product"] = product_scores(tn, nlp, corpora[name])
    if articles:
        texts = read_10kgnad(shared / "data" / "10kGNAD" / "test.csv", articles)
        results["speed"] = measure_speed(nlp, texts)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", type=Path, default=None, help="model dir (default: packaged)")
    parser.add_argument("--articles", type=int, default=200, help="10kGNAD articles for speed")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        parser.error(f"shared data not found at {args.shared / 'data'}")
    results = run(args.shared, model_path=args.model, articles=args.articles)
    print(training_module().format_table(results["quality"]))
    if "speed" in results:
        s = results["speed"]
        print(
            f"speed: {s['tokens_per_second']} tokens/s ({s['tokens']} tokens, "
            f"{s['articles']} articles, {s['seconds']} s, one thread)"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
