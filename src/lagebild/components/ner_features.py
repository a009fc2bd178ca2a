"""Word-class features for the NER model: what a dictionary and name lists say about a word.

German capitalises every noun, so capitalisation alone says little about names.
What separates "Weißhaupt" from "Regierung" is that a dictionary knows the
one and not the other, and what makes "Karin Weißhaupt" a person is that
"Karin" is a first name. A model trained on a few thousand sentences sees
too few names to learn that from the letters; these features tell it.

Each token gets one class id built from bits (``word_class``): capitalised,
known to simplemma's dictionary, (capitalised words only) a compound with a
dictionary noun as its head ("Klimaschutzgesetz"), a first name, a surname,
a place name or another proper name (from the name lists the model was
trained with). The name
lists are stored in the model's own weights file (they are layer attributes),
so the shipped model needs no extra data file and the same lists serve
training and tagging.

``NameClassEmbed`` is ``spacy.MultiHashEmbed.v2`` with one more embedding
table for the class id; the NER config names it as the tok2vec's ``embed``.
The dictionary lookup (``dictionary``) and the compound rule
(``known_compound``) also serve the NER component's sentence filter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    Embed,
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

#: Bits of a word's class id.
CAPITALISED = 1
KNOWN = 2  # simplemma knows the word as written
COMPOUND = 4  # ... or a compound with a dictionary head (``known_compound``)
FIRST_NAME = 8
SURNAME = 16
PLACE = 32
PROPER = 64  # another proper name (a product, a street, an institution)
ORGANISATION = 128  # a word or compound ending of organisation names ("GmbH", "...verband")
N_CLASSES = 128  # without the organisation bit (models built with ``org_class = false``)
N_CLASSES_ORG = 256
#: Name-list bits by the list's name in the lists file.
LIST_BITS = {
    "first": FIRST_NAME, "last": SURNAME, "place": PLACE, "proper": PROPER, "org": ORGANISATION,
}  # fmt: skip
#: Rows of the lists file that hold a compound ending of organisation names ("verband").
ORG_SUFFIX = "org_suffix"
MIN_SUFFIX_MODIFIER = 2  # "Bauernverband": at least this many letters before the ending
#: A capitalised word whose tail of at least this many letters is a dictionary
#: word is a compound common noun ("...gesetz", "...verhandlungen"); shorter
#: tails ("...burg", "...mann") end names as often as nouns.
MIN_COMPOUND_HEAD = 6
#: ... and the first part at least this long: "Lau|kötter" is a surname, "Klima|schutzgesetz" not.
MIN_COMPOUND_MODIFIER = 4
#: Words a per-word cache holds before it is emptied (a corpus run meets millions of forms).
CACHE_SIZE = 2**18


@cache
def dictionary(lang: str) -> Callable[[str], bool]:
    """``word -> known`` for ``lang`` (simplemma's dictionary, cached per word)."""
    import simplemma

    @lru_cache(maxsize=2**17)  # bounded: a corpus run meets millions of word forms
    def known(word: str) -> bool:
        return simplemma.is_known(word, lang=lang)

    return known


def known_compound(word: str, known: Callable[[str], bool]) -> bool:
    """Whether ``word``'s tail is a dictionary word, as in "Klima|schutzgesetz".

    The same rule serves the word class and the NER sentence filter.
    """
    return any(
        known(word[cut:].capitalize())
        for cut in range(MIN_COMPOUND_MODIFIER, len(word) - MIN_COMPOUND_HEAD + 1)
    )


class BoundedDict(dict):
    """A dict that empties itself when it grows past ``CACHE_SIZE`` entries."""

    def __setitem__(self, key, value) -> None:
        if len(self) >= CACHE_SIZE:
            self.clear()
        super().__setitem__(key, value)


def read_name_lists(path: str | Path, *, org: bool = False) -> tuple[dict[str, int], list[str]]:
    """``word -> bits`` and organisation-name endings from a TSV of ``word<TAB>list`` rows.

    Lists: first, last, place, proper, and (``org`` true) org and org_suffix;
    without ``org`` those rows are skipped, as models of the 128-class layout
    were trained.
    """
    table: dict[str, int] = {}
    suffixes: set[str] = set()
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            word, _, kind = line.rstrip("\n").partition("\t")
            if not word or (not org and kind in ("org", ORG_SUFFIX)):
                continue
            if kind == ORG_SUFFIX:
                suffixes.add(word.lower())
            elif kind in LIST_BITS:
                table[word] = table.get(word, 0) | LIST_BITS[kind]
    return table, sorted(suffixes)


def word_class(
    word: str,
    *,
    names: Mapping[str, int],
    known: Callable[[str], bool],
    org_suffixes: tuple[str, ...] = (),
) -> int:
    """The class id of ``word``: the OR of the bits that apply."""
    bits = names.get(word, 0)
    if not bits and word.endswith("s") and len(word) > 3:
        bits = names.get(word[:-1], 0)  # genitive: "Stoibers", "Sachsens"
    head = word.rsplit("-", 1)[-1] or word  # "EU-Kommission": the head decides
    if not head[:1].isupper():
        return bits | (KNOWN if known(head) else 0)
    bits |= CAPITALISED
    if org_suffixes:
        lower = head.lower().removesuffix("s")  # genitive: "des Bauernverbands"
        for suffix in org_suffixes:
            if lower.endswith(suffix) and len(lower) - len(suffix) >= MIN_SUFFIX_MODIFIER:
                bits |= ORGANISATION
                break
    if known(head):
        bits |= KNOWN
    elif known_compound(head, known):
        bits |= COMPOUND
    return bits


def _known_words() -> Callable[[str], bool]:
    return dictionary("de")


def ClassExtractor(
    columns: Sequence[str], names: Mapping[str, int], org_suffixes: Sequence[str] = ()
) -> Model[list[Doc], list[Ints2d]]:
    """Hashed token attributes (as ``FeatureExtractor``) plus the class id as the last column."""
    return Model(
        "extract_features_with_class",
        _extract_forward,
        attrs={"columns": list(columns), "names": dict(names), "org_suffixes": list(org_suffixes)},
    )


#: Class ids by word hash, per model (the lists differ between models).
_CACHES: dict[int, BoundedDict] = {}


def _extract_forward(model: Model, docs, is_train: bool):
    columns = model.attrs["columns"]
    cache = _CACHES.setdefault(model.id, BoundedDict())
    names = model.attrs["names"]
    org_suffixes = tuple(model.attrs.get("org_suffixes", ()))
    known = _known_words()
    features = []
    for doc in docs:
        whole = doc if isinstance(doc, Doc) else doc.doc  # a Span reads its own tokens
        attrs = whole.to_array([*columns, "ORTH"])
        if whole is not doc:
            attrs = attrs[doc.start : doc.end]
        orths = attrs[:, -1]
        strings = whole.vocab.strings
        classes = numpy.empty(len(orths), dtype="uint64")
        for i, orth in enumerate(orths.tolist()):
            value = cache.get(orth)
            if value is None:
                value = cache[orth] = word_class(
                    strings[orth], names=names, known=known, org_suffixes=org_suffixes
                )
            classes[i] = value
        attrs[:, -1] = classes
        features.append(model.ops.asarray2i(attrs, dtype="uint64"))
    return features, lambda d_features: []


@registry.architectures("lagebild.NameClassEmbed.v1")
def NameClassEmbed(
    width: int,
    attrs: list[str],
    rows: list[int],
    name_lists: str | None = None,
    maxout_pieces: int = 3,
    org_class: bool = False,
) -> Model[list[Doc], list[Floats2d]]:
    """``MultiHashEmbed`` (no static vectors) plus an embedding of each word's class id.

    ``name_lists`` is the TSV read when the model is built for training; a
    saved model carries the lists in its weights, so it is ``null`` there.
    ``maxout_pieces`` of the layer that mixes the embeddings (3 in spaCy's).
    ``org_class`` adds the organisation bit (256 classes instead of 128).
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    names, org_suffixes = read_name_lists(name_lists, org=org_class) if name_lists else ({}, [])
    embeddings = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    n_classes = N_CLASSES_ORG if org_class else N_CLASSES
    embeddings.append(Embed(width, n_classes, column=len(attrs)))
    concat_size = width * len(embeddings)
    return chain(
        ClassExtractor(attrs, names, org_suffixes),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, concat_size, nP=maxout_pieces, dropout=0.0, normalize=True)),
        ragged2list(),
    )
