"""NER: statistical PER/LOC/ORG/MISC entities from the packaged German model.

No trained German spaCy pipeline installs offline, so Lagebild ships its own
small model in ``lagebild/models/ner_de`` (rebuilt by ``scripts/train_ner.py``;
scores and data in ``docs/ner.md``). It finds the names the gazetteer cannot
know — a new minister, a small town — and the actor stage resolves them.

The model was trained on Docs made by spaCy's blank German tokenizer, the same
tokenizer the product uses, so its ``tok2vec`` and ``ner`` run directly on the
product's Doc: their features (norm, prefix, suffix, shape) are string hashes
and do not depend on which ``Vocab`` made the Doc; only the label strings must
be known to the Doc's ``StringStore``. The transition-based NER does not let an
entity cross a sentence start, so the segment stage should run first.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.errors import ErrorCode, LagebildError

#: Files a spaCy model directory holds; their absence means "not built".
_MODEL_MARKERS = ("config.cfg", "meta.json")
#: Documents per batch in ``pipe``: the CNN gains little beyond this and long
#: articles make big batches memory-hungry.
DEFAULT_BATCH_SIZE = 32


def default_model_path() -> Path:
    """Where the packaged model lives inside the installed ``lagebild`` package."""
    return Path(str(importlib.resources.files("lagebild") / "models" / "ner_de"))


def check_model_path(path: Path) -> Path:
    """Return ``path`` if it holds a spaCy model, else raise ``LagebildError`` E016."""
    if not all((path / marker).is_file() for marker in _MODEL_MARKERS):
        raise LagebildError(ErrorCode.E016, path=path)
    return path


@cache
def load_model(path: str) -> Language:
    """Load the model once per process (keyed by its path)."""
    import spacy

    return spacy.load(check_model_path(Path(path)), exclude=["tokenizer"])


@Language.factory(
    "lagebild_ner",
    requires=["token.is_sent_start"],
    assigns=["doc.ents"],
    default_config={"model_path": None},
)
def make_ner(nlp: Language, name: str, model_path: str | None) -> NerComponent:
    """Factory: ``model_path`` defaults to the packaged ``ner_de`` model."""
    return NerComponent(model_path=model_path, name=name)


class NerComponent:
    """Sets ``doc.ents`` (PER/LOC/ORG/MISC) with the packaged model.

    Only the model path is state: the model itself is loaded lazily through
    ``load_model``'s cache, so the component pickles cheaply (Dask workers load
    the model once each) and many pipelines share one model in a process.
    Entities found replace the Doc's existing ones.
    """

    def __init__(self, *, model_path: str | Path | None = None, name: str = "ner") -> None:
        path = Path(model_path) if model_path is not None else default_model_path()
        # Fail when the pipeline is built, not on the first document.
        self.model_path = str(check_model_path(path))
        self.name = name

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        # Pickle the path only; the worker loads (and checks) the model itself.
        return (_restore, (self.model_path, self.name))

    @property
    def labels(self) -> tuple[str, ...]:
        """Entity labels the model predicts."""
        return tuple(load_model(self.model_path).get_pipe("ner").labels)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
        """Tag a stream of Docs in batches (faster than one by one)."""
        model = load_model(self.model_path)
        labels = model.get_pipe("ner").labels
        stream = _with_labels(docs, labels)
        for _, component in model.pipeline:
            stream = component.pipe(stream, batch_size=batch_size)
        for doc in stream:
            # The CNN's token vectors are of no use downstream and would make
            # every Doc (and every pickle of it) several times larger.
            doc.tensor = numpy.zeros((0,), dtype="float32")
            yield doc


def _restore(model_path: str, name: str) -> NerComponent:
    """Unpickle a ``NerComponent`` (positional arguments, as pickle needs)."""
    return NerComponent(model_path=model_path, name=name)


def _with_labels(docs: Iterable[Doc], labels: Iterable[str]) -> Iterator[Doc]:
    """Make sure each Doc's StringStore knows the entity labels (idempotent)."""
    labels = tuple(labels)
    for doc in docs:
        for label in labels:
            doc.vocab.strings.add(label)
        yield doc
