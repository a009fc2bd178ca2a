"""Train the packaged German quote tagger from SpkAtt-2023 (the development split only).

The quote stage's rules find speech introduced by verbs of saying, source
phrases and quotation marks; the tagger adds the reports they cannot see. It is
rebuilt by one command::

    python scripts/train_quotes.py --shared ../shared [--out src/lagebild/models/quotes_de]

Data (read in place, never copied into the repository): SpkAtt-2023 task 2
train (German Wikinews; annotations CC BY-NC-SA 4.0, texts CC BY 2.5). Its
documents are split by ``bench/eval_quotes.py``: the ``test`` share (first byte
of SHA-1(name) below 30 % of 256) is never read here. The ``dev`` documents are
cut into five folds by the third byte of the same hash. The epoch count and the
decoding thresholds are chosen by cross-validation: every dev document is
scored by a model trained on the other four folds, so the choice rests on all
of dev rather than on one fifth of it. The final model is then trained on all
of ``dev`` with the chosen settings.

Each document's text is rebuilt from its tokens as the evaluation does, run
through the product's ``segment`` and ``actors`` stages, and then through the
quote rules; the gold cue, source and message tokens (top-level annotations)
become token labels ``CUE``/``SPK``/``MSG``. The tagger is a multinomial
logistic regression over the feature templates of
``lagebild.components.quote_model``, trained with AdaGrad on one CPU thread.

Output: ``weights.npz``, ``vocab.json``, ``meta.json`` (settings, decoding
thresholds, licence), ``scores.json`` and ``README.md`` in ``--out``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one thread: the same result on a shared machine

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import hashlib  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))  # the SpkAtt reader and scorer of the evaluation

import eval_quotes  # noqa: E402

from lagebild.components.quote_lexicon import load_quote_lexicon  # noqa: E402
from lagebild.components.quote_model import (  # noqa: E402
    LABELS,
    WORD_ATTRS,
    QuoteTagger,
    TaggerInput,
    encode,
    fingerprint,
    make_space,
    save_tagger,
    sentence_attributes,
    word_attributes,
)
from lagebild.components.quotes import QuoteSettings, extract_quotes, tagger_input  # noqa: E402
from lagebild.pipeline import make_pipeline  # noqa: E402

FOLDS = 5  # cross-validation folds of the dev documents (third hash byte)
MIN_COUNT = 2  # vocabulary values seen once are noise for a linear model
HASH_ROWS = 1 << 18  # rows of the hashed conjunction table (~1 M weights at 4 labels)
RULE_TAGS = ("O", "MD", "MI", "MR", "S", "C")
LICENCE = (
    "Model weights: CC BY-NC-SA 4.0 (trained on SpkAtt-2023 annotations, CC BY-NC-SA 4.0; "
    "texts German Wikinews, CC BY 2.5). Non-commercial use only; share alike."
)


@dataclass
class Example:
    """One document: the gold record, the analysed Doc, the tagger input and gold labels."""

    gold: eval_quotes.GoldDoc
    doc: object
    inp: TaggerInput
    labels: np.ndarray


def fold_of(name: str) -> int:
    """The cross-validation fold of a dev document, by the third byte of SHA-1(name)."""
    return hashlib.sha1(name.encode("utf-8")).digest()[2] % FOLDS


def gold_labels(gold: eval_quotes.GoldDoc, inp: TaggerInput) -> np.ndarray:
    """Project the gold roles onto the pipeline's tokens (cue over speaker over message)."""
    labels = np.zeros(len(inp.words), dtype=np.int64)
    rank = {"message": 1, "speaker": 2, "cue": 3}
    for q in gold.quotes:
        for role, label in rank.items():
            for t in q[role]:
                s, e = gold.offsets[t]
                i = int(np.searchsorted(inp.ends, s + 1))
                while i < len(inp.words) and inp.starts[i] < e:
                    labels[i] = max(labels[i], label)
                    i += 1
    return labels


#: The stages before ``quotes`` in the product pipeline: the rules' speakers (and so
#: the tagger's features) depend on the actor mentions, NER's included.
STAGES_BEFORE_QUOTES = ("segment", "ner", "actors")


def load_examples(shared: Path, stages: tuple[str, ...] = STAGES_BEFORE_QUOTES) -> list[Example]:
    """Analyse the dev documents (never the test share) with the product's stages."""
    folder = shared / "data" / "spkatt2023_news" / "train" / "task2"
    paths = [p for p in sorted(folder.glob("*.json")) if not eval_quotes.in_test(p.stem)]
    golds = [eval_quotes.load_doc(p) for p in paths]
    nlp = make_pipeline("de", stages=stages)
    lx = load_quote_lexicon("de")
    examples = []
    for gold, doc in zip(golds, nlp.pipe(g.text for g in golds), strict=True):
        inp = tagger_input(doc, lx, QuoteSettings())
        examples.append(Example(gold, doc, inp, gold_labels(gold, inp)))
    return examples


def build_space(examples: list[Example], lx) -> object:
    """Vocabularies of the training documents (values seen at least ``MIN_COUNT`` times)."""
    counts: dict[str, Counter] = {a: Counter() for a in (*WORD_ATTRS, "sentence")}
    for ex in examples:
        attrs = [word_attributes(w, lx) for w in ex.inp.words]
        for a, k in zip(WORD_ATTRS, range(len(WORD_ATTRS)), strict=True):
            counts[a].update(x[k] for x in attrs)
        lex = [x[3] for x in attrs]
        for values in sentence_attributes(ex.inp, lex):
            counts["sentence"].update(values)
    values = {a: sorted(v for v, c in counts[a].items() if c >= MIN_COUNT) for a in counts}
    values["rule"] = list(RULE_TAGS)
    return make_space(values, HASH_ROWS)


def train(
    examples: list[Example], space, lx, *, epochs: int, lr: float, l2: float, seed: int = 13
) -> tuple[np.ndarray, np.ndarray]:
    """AdaGrad on the softmax loss; returns (weights, bias)."""
    ids = np.concatenate([encode(ex.inp, space, lx).ids.T for ex in examples])
    y = np.concatenate([ex.labels for ex in examples])
    n_labels = len(LABELS)
    w = np.zeros((space.rows, n_labels), dtype=np.float32)
    b = np.zeros(n_labels, dtype=np.float32)
    gw = np.full_like(w, 1e-6)
    gb = np.full_like(b, 1e-6)
    rng = np.random.default_rng(seed)
    onehot = np.eye(n_labels, dtype=np.float32)
    batch = 256
    for epoch in range(epochs):
        order = rng.permutation(len(y))
        loss = 0.0
        for k in range(0, len(order), batch):
            idx = order[k : k + batch]
            rows = ids[idx]
            logits = w[rows].sum(axis=1) + b
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            loss -= float(np.log(p[np.arange(len(idx)), y[idx]] + 1e-9).sum())
            g = p - onehot[y[idx]]  # (batch, labels)
            flat = rows.ravel()
            grad = np.zeros((len(flat), n_labels), dtype=np.float32)
            grad[:] = np.repeat(g, rows.shape[1], axis=0)
            uniq, inv = np.unique(flat, return_inverse=True)
            acc = np.zeros((len(uniq), n_labels), dtype=np.float32)
            np.add.at(acc, inv, grad)
            acc += l2 * w[uniq]
            gw[uniq] += acc * acc
            w[uniq] -= lr * acc / np.sqrt(gw[uniq])
            gsum = g.sum(axis=0)
            gb += gsum * gsum
            b -= lr * gsum / np.sqrt(gb)
        print(f"  epoch {epoch + 1}: loss {loss / len(y):.4f}", flush=True)
    return w, b


def evaluate(examples: list[Example], taggers: list[QuoteTagger] | None, lx) -> dict:
    """The evaluation's scores for the quote stage, each document tagged by the model
    of its fold (``taggers[fold]``: trained without it), or by the rules alone."""
    tally = eval_quotes.Tally()
    settings = QuoteSettings(model=taggers is not None)
    for ex in examples:
        tagger = taggers[fold_of(ex.gold.name)] if taggers is not None else None
        quotes = extract_quotes(ex.doc, lx, settings, tagger=tagger)
        eval_quotes.score(ex.gold, eval_quotes.predicted(ex.gold, quotes), tally)
    return eval_quotes.summary(tally)


def train_folds(
    examples: list[Example], lx, *, epochs: int, lr: float, l2: float
) -> list[QuoteTagger]:
    """One model per fold, each trained on the other folds' documents."""
    taggers = []
    for fold in range(FOLDS):
        rest = [ex for ex in examples if fold_of(ex.gold.name) != fold]
        space = build_space(rest, lx)
        w, b = train(rest, space, lx, epochs=epochs, lr=lr, l2=l2)
        meta = {"layout_checksum": fingerprint(space)}
        taggers.append(QuoteTagger(space, w, b, lx, meta))
    return taggers


def _brief(scores: dict) -> str:
    return " ".join(f"{r} {scores[r]['token_f1']:.3f}" for r in eval_quotes.ROLES)


def _objective(scores: dict) -> float:
    return scores["speaker"]["token_f1"] + scores["message"]["token_f1"]


DECODE_GRID = {
    "min_message_tokens": (3, 4, 6),
    "min_message_share": (0.2, 0.35, 0.5),
    "continuation_gap": (1, 2),
    "message_probability": (0.4, 0.5),
    "extend_speakers": (False, True),
    "model_speakers": (False, True),
}


def tune_decoding(examples: list[Example], taggers: list[QuoteTagger], lx) -> tuple[dict, dict]:
    """The decoding thresholds with the best speaker + message F1, out of fold."""
    best: tuple[float, dict, dict] | None = None
    for combo in itertools.product(*DECODE_GRID.values()):
        decode = dict(zip(DECODE_GRID, combo, strict=True))
        for tagger in taggers:
            tagger.meta["decode"] = decode
        scores = evaluate(examples, taggers, lx)
        if best is None or _objective(scores) > best[0]:
            best = (_objective(scores), decode, scores)
    assert best is not None
    return best[1], best[2]


def write_readme(out: Path, meta: dict, scores: dict) -> None:
    """The model card beside the weights: what it is, its data, licence and scores."""
    cv = scores["cross_validation"]
    rows = "\n".join(
        f"| {name} | {cv[key]['cue']['token_f1']:.3f} | {cv[key]['speaker']['token_f1']:.3f} "
        f"| {cv[key]['message']['token_f1']:.3f} |"
        for name, key in (("rules only", "rules_only"), ("rules + tagger", "rules_and_tagger"))
    )
    text = f"""# quotes_de — quote tagger of the German quote stage

{meta["kind"]}; used by `lagebild.components.quotes` to add reports in
sentences the rules leave empty and to widen rule speakers (see docs/quotes.md).
Rebuild: `python scripts/train_quotes.py --shared ../shared` (one CPU thread,
about eight minutes). Files: `weights.npz` (float16 weights), `vocab.json`,
`meta.json` (decoding thresholds, training settings), `scores.json`.

## Licence

{meta["licence"]}

The rest of Lagebild is MIT; this model directory is not. Leave it out (the
quote stage then runs its rules alone) or retrain on data you may use
commercially where that matters.

## Data and attribution

SpkAtt-2023 Shared Task on Speaker Attribution, task 2 (Rehbein et al.,
KONVENS 2023): German Wikinews articles (https://de.wikinews.org, CC BY 2.5)
with speaker attribution annotations (CC BY-NC-SA 4.0). Trained on
{meta["training"]["data"]}; the held-out `test` documents of
`bench/eval_quotes.py` were not used.

## Scores (token F1 per role, bench/eval_quotes.py scoring)

All {cv["documents"]} documents of the dev split, each tagged by a model trained on the
other {cv["folds"] - 1} of {cv["folds"]} folds (the shipped model is trained on all of them):

| system | cue | speaker | message |
|---|---|---|---|
{rows}

Held-out test figures: docs/quotes.md.
"""
    (out / "README.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=ROOT / "src/lagebild/models/quotes_de")
    parser.add_argument("--epochs", type=int, nargs="+", default=[2, 3])
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument(
        "--folds-out",
        type=Path,
        default=None,
        help="also save the cross-validation models (DIR/fold0 … fold4) of the chosen epochs",
    )
    parser.add_argument(
        "--stages",
        nargs="+",
        default=list(STAGES_BEFORE_QUOTES),
        help="pipeline stages run before the quote rules (default: as in the product)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    lx = load_quote_lexicon("de")
    examples = load_examples(args.shared, tuple(args.stages))
    print(f"dev documents: {len(examples)} in {FOLDS} folds", flush=True)
    rules_cv = evaluate(examples, None, lx)
    print(f"rules only: {_brief(rules_cv)}", flush=True)
    best = None
    for epochs in args.epochs:
        taggers = train_folds(examples, lx, epochs=epochs, lr=args.lr, l2=args.l2)
        decode, scores = tune_decoding(examples, taggers, lx)
        print(f"epochs {epochs}: out of fold {_brief(scores)} with {decode}", flush=True)
        if best is None or _objective(scores) > _objective(best[2]):
            best = (epochs, decode, scores)
            if args.folds_out is not None:
                for fold, tagger in enumerate(taggers):
                    tagger.meta["decode"] = decode
                    save_tagger(
                        args.folds_out / f"fold{fold}", tagger.space, tagger.weights,
                        tagger.bias, tagger.meta,
                    )  # fmt: skip
    assert best is not None
    epochs, decode, cv_scores = best
    print(f"selected: {epochs} epochs, {decode}", flush=True)
    space = build_space(examples, lx)
    w, b = train(examples, space, lx, epochs=epochs, lr=args.lr, l2=args.l2)
    meta = {
        "name": "quotes_de",
        "kind": "linear token tagger (O/MSG/SPK/CUE) over hashed and vocabulary features",
        "labels": list(LABELS),
        "decode": decode,
        "training": {
            "data": "SpkAtt-2023 task 2 train, dev split of bench/eval_quotes.py "
            f"({len(examples)} documents)",
            "epochs": epochs,
            "lr": args.lr,
            "l2": args.l2,
            "min_count": MIN_COUNT,
            "hash_rows": HASH_ROWS,
            "script": "scripts/train_quotes.py",
            "date": dt.date.today().isoformat(),
        },
        "layout_checksum": fingerprint(space),
        "licence": LICENCE,
    }
    save_tagger(args.out, space, w, b, meta)
    scores = {
        "cross_validation": {
            "folds": FOLDS,
            "documents": len(examples),
            "rules_only": rules_cv,
            "rules_and_tagger": cv_scores,
        },
        "note": "cross_validation: every dev document tagged by a model trained on the other "
        "folds, while choosing epochs and thresholds; the shipped model is then trained on "
        "all dev documents. Held-out test scores: bench/eval_quotes.py --split test (see "
        "docs/quotes.md).",
    }
    (args.out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    write_readme(args.out, meta, scores)
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
