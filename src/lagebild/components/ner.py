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

By default the model reads only the sentences that can hold a name the
gazetteer does not know: a sentence whose capitalised words are all in the
language's dictionary (simplemma), or sentence-initial function words, is
skipped. German capitalises every noun, and most are dictionary words
("Regierung", "Verhandlungen", also compounds with a dictionary head,
"Klimaschutzgesetz"); rare names are not. Names the dictionary knows ("Berlin",
"Merkel") are in the gazetteer, which the actor stage reads first; the
measured cost in recall and the speed gain are in ``docs/ner.md``.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

import numpy
from spacy.attrs import IS_STOP, ORTH, SPACY
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.util import minibatch

# ner_features also registers the model's embed layer
from lagebild.components.ner_features import BoundedDict, dictionary, known_compound
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
    default_config={"model_path": None, "name_sentences_only": True},
)
def make_ner(
    nlp: Language, name: str, model_path: str | None, name_sentences_only: bool
) -> NerComponent:
    """Factory: ``model_path`` defaults to the packaged ``ner_de`` model.

    ``name_sentences_only`` skips sentences without a capitalised word outside
    the dictionary (see the module docstring); ``False`` tags every sentence.
    """
    return NerComponent(
        model_path=model_path,
        name=name,
        lang=nlp.lang if name_sentences_only else None,
    )


class NerComponent:
    """Sets ``doc.ents`` (PER/LOC/ORG/MISC) with the packaged model.

    Only the model path is state: the model itself is loaded lazily through
    ``load_model``'s cache, so the component pickles cheaply (Dask workers load
    the model once each) and many pipelines share one model in a process.
    Entities found replace the Doc's existing ones. With ``lang`` set, only
    sentences that may hold an unknown name are tagged (``may_hold_name``).
    """

    def __init__(
        self,
        *,
        model_path: str | Path | None = None,
        name: str = "ner",
        lang: str | None = None,
    ) -> None:
        path = Path(model_path) if model_path is not None else default_model_path()
        # Fail when the pipeline is built, not on the first document.
        self.model_path = str(check_model_path(path))
        self.name = name
        self.lang = lang

    def __reduce__(self) -> tuple[object, tuple[str, str, str | None]]:
        # Pickle the path only; the worker loads (and checks) the model itself.
        return (_restore, (self.model_path, self.name, self.lang))

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
        if self.lang is None:
            yield from _tag(model, _with_labels(docs, labels), batch_size=batch_size)
            return
        for batch in minibatch(_with_labels(docs, labels), size=batch_size):
            parts = [_name_part(doc, self.lang) for doc in batch]
            tagged = iter(
                _tag(model, (part for part, _ in parts if part is not None), batch_size=batch_size)
            )
            for doc, (part, positions) in zip(batch, parts, strict=True):
                ents = []
                if part is not None:
                    for ent in next(tagged).ents:
                        start = positions[ent.start]
                        ents.append(Span(doc, start, start + len(ent), label=ent.label))
                doc.ents = ents  # every other token is outside an entity, as if tagged
                yield doc


def _tag(model: Language, docs: Iterable[Doc], *, batch_size: int) -> Iterator[Doc]:
    """Run the model's components over Docs."""
    stream = docs
    for _, component in model.pipeline:
        stream = component.pipe(stream, batch_size=batch_size)
    for doc in stream:
        # The CNN's token vectors are of no use downstream and would make
        # every Doc (and every pickle of it) several times larger.
        doc.tensor = numpy.zeros((0,), dtype="float32")
        yield doc


def _name_part(doc: Doc, lang: str) -> tuple[Doc | None, list[int]]:
    """A Doc of the sentences that may hold a name, with each token's position in ``doc``.

    Returns ``(None, [])`` when no sentence qualifies. Sentence starts are kept,
    so entities still do not cross them. The test is ``may_hold_name``'s, run
    on the Doc's arrays with each word's verdict cached (the filter reads
    every token of every article, so per-token Python calls count).
    """
    verdicts = _word_verdicts(lang)
    known = dictionary(lang)
    orths, stops, trailing = doc.to_array([ORTH, IS_STOP, SPACY]).T.tolist()
    strings = doc.vocab.strings
    bounds = (
        [(sent.start, sent.end) for sent in doc.sents]
        if doc.has_annotation("SENT_START")
        else [(0, len(doc))]
    )
    positions: list[int] = []
    starts: list[bool] = []
    for start, end in bounds:
        sentence = range(start, end)
        if _names_in(sentence, orths, stops, strings=strings, verdicts=verdicts, known=known):
            positions.extend(sentence)
            starts.extend(i == start for i in sentence)
    if not positions:
        return None, []
    part = Doc(
        doc.vocab,
        words=[strings[orths[i]] for i in positions],
        spaces=[bool(trailing[i]) for i in positions],
        sent_starts=starts,
    )
    return part, positions


def _names_in(
    sentence: range,
    orths: list[int],
    stops: list[int],
    *,
    strings: StringStore,
    verdicts: dict[int, tuple[bool, bool]],
    known: Callable[[str], bool],
) -> bool:
    """``may_hold_name`` for the tokens in ``sentence``, from the Doc's arrays.

    ``verdicts`` caches ``_word_verdict`` by the word's hash.
    """
    previous_capital = False
    for i in sentence:
        orth = orths[i]
        verdict = verdicts.get(orth)
        if verdict is None:
            verdict = verdicts[orth] = _word_verdict(strings[orth], known)
        capital, name_like = verdict
        # a function word opening the sentence ("Die", "In", "Wegen"); the
        # dictionary cannot tell here, it knows "bilfinger" as well as "wegen"
        common_start = i == sentence.start and stops[i]
        if (capital and previous_capital) or (name_like and not common_start):
            return True
        previous_capital = capital and not common_start
    return False


def may_hold_name(sent: Span, *, known: Callable[[str], bool]) -> bool:
    """Whether a sentence has a capitalised word outside the dictionary, or two in a row.

    ``known(word)`` says whether the dictionary knows ``word`` as written; a
    sentence-initial stop word ("Die", "In", "Wegen") is ignored, and acronyms
    ("FIFA") always count as names. Parts of hyphenated words are judged one
    by one ("EU-Kommission").

    Two capitalised words in a row are a name pattern even when the dictionary
    knows both ("Abgeordnete Jens Brückner", "Europäische Kommission"): the
    dictionary holds many first names and well-known surnames, and German noun
    phrases rarely put two capitalised words side by side otherwise.
    """
    orths, stops = sent.doc.to_array([ORTH, IS_STOP]).T.tolist()
    return _names_in(
        range(sent.start, sent.end),
        orths,
        stops,
        strings=sent.doc.vocab.strings,
        verdicts={},
        known=known,
    )


def _word_verdict(text: str, known: Callable[[str], bool]) -> tuple[bool, bool]:
    """``(capitalised, name-like)`` for one token.

    Name-like: a capitalised part (split at hyphens) that is an acronym or
    not a dictionary word, also as a compound.
    """
    name_like = any(
        word[:1].isupper() and ((word.isupper() and len(word) > 1) or not _common_word(word, known))
        for word in text.split("-")
    )
    return text[:1].isupper(), name_like


def _common_word(word: str, known: Callable[[str], bool]) -> bool:
    return known(word) or known_compound(word, known)


@cache
def _word_verdicts(lang: str) -> dict[int, tuple[bool, bool]]:
    """Per-process cache of ``_word_verdict`` by the word's hash (the same in every Vocab)."""
    return BoundedDict()


def _restore(model_path: str, name: str, lang: str | None = None) -> NerComponent:
    """Unpickle a ``NerComponent`` (positional arguments, as pickle needs)."""
    return NerComponent(model_path=model_path, name=name, lang=lang)


def _with_labels(docs: Iterable[Doc], labels: Iterable[str]) -> Iterator[Doc]:
    """Make sure each Doc's StringStore knows the entity labels (idempotent)."""
    labels = tuple(labels)
    for doc in docs:
        for label in labels:
            doc.vocab.strings.add(label)
        yield doc
