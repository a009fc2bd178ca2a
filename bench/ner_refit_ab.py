"""Does the NER refit (training on the GermEval tuning slice too) help? Dev data only.

Usage::

    python bench/ner_refit_ab.py --shared ../shared --seed 0 [--swap] [--workdir DIR] [--json OUT]

The GermEval tuning slice is split by position into two halves: A (even
positions within the slice) and B (odd). Both runs use ``train_ner.fit`` as
``train_ner.py --refit`` does, with half A in place of the whole slice
(``--swap``: the halves' roles exchanged):

* (a) stage 1: trained as usual with Europarl dev + half A as the tuning set;
  the best checkpoint (``model-best``);
* (b) the refit: half A added to the GermEval training sentences, trained for
  exactly run (a)'s best step count; ``model-last``.

Both are scored on half B (``scored_half``: never trained or tuned on here)
and on Europarl dev (which chose (a)'s checkpoint, so (a) has the edge
there). The held-out fifth of GermEval is dropped before anything runs.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from eval_ner import training_module  # noqa: E402


def run(shared: Path, *, seed: int, workdir: Path, swap: bool = False) -> dict:
    """Scores of (a) stage 1 and (b) the refit on half B and Europarl dev."""
    import spacy

    train_ner = training_module()
    spacy.util.fix_random_seed(seed)
    corpora = train_ner.load_corpora(shared)
    del corpora["germeval_heldout"]
    tune = corpora["germeval_tune"]
    half_a, half_b = tune[0::2], tune[1::2]
    if swap:
        half_a, half_b = half_b, half_a
    corpora["germeval_tune"] = half_a
    silver = train_ner.load_silver(shared, limit=4000, seed=seed)
    best, refit, steps = train_ner.fit(
        corpora,
        refit=True,
        silver=silver,
        workdir=workdir,
        seed=seed,
        germeval_weight=2,
        augment=True,
        max_epochs=None,
        init_tok2vec=None,
    )
    results: dict = {
        "seed": seed,
        "swap": swap,
        "steps": steps,
        "half_a": len(half_a),
        "half_b": len(half_b),
    }
    for name, path in (("a_stage1", best), ("b_refit", refit)):
        nlp = train_ner.load_model(path)
        results[name] = {
            "scored_half": train_ner.evaluate(nlp, half_b),
            "europarl_dev": train_ner.evaluate(nlp, corpora["europarl_dev"]),
        }
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--swap", action="store_true", help="tune on half B, score half A")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the trained models")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lagebild-ner-ab-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = run(args.shared, seed=args.seed, workdir=workdir, swap=args.swap)
    train_ner = training_module()
    for name in ("a_stage1", "b_refit"):
        print(f"{name}:\n{train_ner.format_table(results[name])}")
    print(f"seed {args.seed}, swap {args.swap}, refit steps {results['steps']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
