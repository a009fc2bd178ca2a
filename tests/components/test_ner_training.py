"""The NER training script's refit: which sentences stage 2 trains on, and for how many steps."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def train_ner():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import eval_ner
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return eval_ner.training_module()


def test_refit_trains_on_the_tuning_slice_and_never_on_the_heldout_part(
    train_ner, shared_data
) -> None:
    corpora = train_ner.load_corpora(shared_data.parent)
    refit = train_ner.refit_corpora(corpora)
    trained = {id(s) for s in refit["germeval_train"]}
    assert len(refit["germeval_train"]) == len(corpora["germeval_train"]) + len(
        corpora["germeval_tune"]
    )
    assert all(id(s) in trained for s in corpora["germeval_tune"])
    assert not any(id(s) in trained for s in corpora["germeval_heldout"])
    assert refit["germeval_heldout"] is corpora["germeval_heldout"]
    # Europarl dev alone is left as the (logging-only) tuning set of stage 2
    assert refit["germeval_tune"] == []
    assert refit["europarl_dev"] is corpora["europarl_dev"]


def test_best_step_is_the_checkpoint_spacy_keeps_as_model_best(train_ner, tmp_path) -> None:
    rows = [(0, 0.1), (200, 0.60), (400, 0.68), (600, 0.65), (800, 0.68), (1000, 0.67)]
    log = "\n".join(json.dumps({"step": step, "score": score}) for step, score in rows)
    (tmp_path / "train_log.jsonl").write_text(log + "\n", encoding="utf-8")
    # spaCy copies every checkpoint that equals the best so far: the later of a tie wins
    assert train_ner.best_step(tmp_path) == 800
