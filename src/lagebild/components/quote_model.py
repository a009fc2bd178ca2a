"""A small trained token tagger for reported speech the quote rules cannot see.

The rules in ``quotes.py`` find speech introduced by a verb of saying, a
source phrase or quotation marks. Much reported speech has none of these: a
sentence continuing a report in the indicative, "Analysten halten … für
wahrscheinlich", a report whose verb the lexicon lacks. This tagger labels
every token ``O``, ``MSG`` (message), ``SPK`` (speaker) or ``CUE`` from
features of the token, its neighbours, its sentence and what the rules found
around it (their labels are features too, so the model learns where they stop).

The model is linear: each feature template looks up one row of a weight table
and the rows are summed, so a whole article is scored with a few numpy
indexing operations (well under a millisecond). Word attributes come from the
language's quote lexicon (cue verbs, Konjunktiv, pronouns …); the weights, the
vocabularies and the list of templates are package data in
``lagebild/models/quotes_<code>/`` written by ``scripts/train_quotes.py``.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress, repeat
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import as_strided

from lagebild.components.quote_clauses import konjunktiv_i_word
from lagebild.components.quote_lexicon import QuoteLexicon, load_quote_lexicon

logger = logging.getLogger(__name__)

LABELS = ("O", "MSG", "SPK", "CUE")
PAD, OOV = 0, 1  # reserved ids of every vocabulary: outside the document, unseen value
QUOTE_MARKS = frozenset({"„", "“", "”", '"', "»", "«", "‚", "‘", "›", "‹"})
#: Word attributes, one vocabulary each; "rule", "zone", "pos" and "rpos" are
#: token-in-context attributes with small fixed value sets.
WORD_ATTRS = ("lower", "suffix", "shape", "lex")
TOKEN_ATTRS = ("rule", "zone", "pos", "rpos")
#: (attribute, offset) pairs: the value of the attribute at token i + offset.
WINDOW_TEMPLATES: tuple[tuple[str, int], ...] = (
    *(("lower", d) for d in (-2, -1, 0, 1, 2)),
    *(("suffix", d) for d in (-1, 0, 1)),
    *(("shape", d) for d in (-2, -1, 0, 1, 2)),
    *(("lex", d) for d in (-3, -2, -1, 0, 1, 2, 3)),
    *(("rule", d) for d in (-2, -1, 0, 1, 2)),
    ("pos", 0),
    ("rpos", 0),
    ("zone", 0),
)
#: Conjunctions of (attribute, offset) pairs, hashed into one shared table.
HASHED_TEMPLATES: tuple[tuple[tuple[str, int], ...], ...] = (
    (("lower", -1), ("lower", 0)),
    (("lower", 0), ("lower", 1)),
    (("lower", 0), ("zone", 0)),
    (("lex", 0), ("zone", 0)),
    (("rule", 0), ("zone", 0)),
    (("shape", 0), ("lex", 0), ("rule", 0)),
    (("lex", -1), ("lex", 0), ("lex", 1)),
    (("rule", -1), ("rule", 0), ("rule", 1)),
    (("suffix", 0), ("zone", 0)),
)
SENTENCE_SLOTS = 14  # sentence features per sentence, each crossed with the token's zone
POS_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20)  # token position from the sentence edge, bucketed
CUE_RELATIONS = 4  # no cue in the sentence / before the first cue / the cue / after it
COMMA_BUCKETS = 3  # clause breaks before the token: 0, 1, 2 or more
N_ZONES = CUE_RELATIONS * COMMA_BUCKETS * 2  # x inside quotation marks or not
_MIX = (1_000_003, 998_244_353, 2_654_435_761, 40_503)  # odd multipliers for template hashing
_POSITIVE = (1 << 62) - 1  # keeps a wrapped int64 product non-negative


@dataclass(frozen=True, slots=True)
class TaggerInput:
    """What the tagger reads: tokens, sentences and the rules' own labels."""

    words: Sequence[str]
    lowers: Sequence[str]
    starts: Sequence[int]  # character offsets of the tokens
    ends: Sequence[int]
    sentences: Sequence[tuple[int, int, int]]  # token [start, end), paragraph
    blocked: Sequence[bool]  # token inside quotation marks
    rule_tags: Sequence[str]  # per token: "O", "S", "C" or "M" + form initial ("MD", "MI", "MR")


@dataclass(slots=True)
class Encoded:
    """Feature ids of one document: ``ids[:, i]`` are the table rows of token ``i``."""

    ids: np.ndarray  # (templates, tokens) int64


def shape_of(word: str) -> str:
    """A coarse word shape: case, digits, or the punctuation mark itself."""
    if word in QUOTE_MARKS:
        return "q"
    first = word[:1]
    if first.isalpha():
        if len(word) > 1 and word.isupper():
            return "X"
        return "Xx" if first.isupper() else "x"
    if any(c.isdigit() for c in word):
        return "d"
    return word if len(word) == 1 else "p"


def lex_class(word: str, low: str, lx: QuoteLexicon) -> str:
    """The quote-lexicon class of a word (cue verb, Konjunktiv, pronoun …), or "-"."""
    forms = lx.cues.get(low)
    if forms and word[:1].islower():
        return "cue-" + forms[0].kind
    if word[:1].isupper() and lx.nouns_capitalised and low not in lx.pronouns:
        return "-"  # a capitalised noun is no verb form, whatever its ending
    checks = (
        ("k2", lx.konjunktiv_ii),
        ("mod", lx.reportative_modals),
        ("aux", lx.auxiliaries),
        ("pron", lx.pronouns),
        ("src", lx.source_prepositions),
        ("srcpost", lx.source_postpositions),
        ("so", lx.so_words),
        ("as", lx.as_words),
        ("srcadv", lx.source_adverbs),
        ("comp", lx.complementizers),
        ("det", lx.determiners),
        ("prep", lx.prepositions),
    )
    if konjunktiv_i_word(low, lx):
        return "k1"
    return next((name for name, table in checks if low in table), "-")


def word_attributes(word: str, lx: QuoteLexicon) -> tuple[str, str, str, str]:
    """The values of ``WORD_ATTRS`` for one word."""
    low = word.lower()
    return low, low[-3:], shape_of(word), lex_class(word, low, lx)


def _bucket(n: int) -> int:
    return sum(1 for b in POS_BUCKETS if n >= b)


_BUCKETS = [_bucket(n) for n in range(POS_BUCKETS[-1] + 1)]  # larger counts: the last
_BUCKET_OF = np.asarray(_BUCKETS, dtype=np.int64)
_BREAKS = frozenset({",", ":", ";", "–"})  # clause breaks counted for the zone


@dataclass(frozen=True, slots=True)
class _Sentences:
    """Each token's sentence: its index and bounds; a token outside every sentence has
    index 0, bounds (0, 0) and ``inside`` False."""

    index: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    inside: np.ndarray

    @classmethod
    def of(cls, inp: TaggerInput, n: int) -> _Sentences:
        # sentences come in text order and do not overlap: a token belongs to the last
        # sentence that starts at or before it, if it ends after the token
        bounds = np.asarray([(lo, hi) for lo, hi, _ in inp.sentences], dtype=np.int64)
        bounds = bounds.reshape(-1, 2)
        idx = np.arange(n, dtype=np.int64)
        if not len(bounds):
            zero = np.zeros(n, dtype=np.int64)
            return cls(zero, zero, zero, np.zeros(n, dtype=bool))
        k = np.maximum(np.searchsorted(bounds[:, 0], idx, side="right") - 1, 0)
        inside = (bounds[k, 0] <= idx) & (idx < bounds[k, 1])
        return cls(
            np.where(inside, k, 0),
            np.where(inside, bounds[k, 0], 0),
            np.where(inside, bounds[k, 1], 0),
            inside,
        )


def token_context(
    inp: TaggerInput, sentences: _Sentences, is_cue: np.ndarray, is_break: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Zone, position bucket and reverse position bucket of every token (vectorised).

    ``is_cue`` and ``is_break`` mark verbs of saying and clause breaks; inside quotation
    marks neither counts.
    """
    n = len(inp.words)
    blocked = np.fromiter(inp.blocked, dtype=bool, count=n)
    is_cue = is_cue & ~blocked
    is_break = is_break & ~blocked
    breaks_before = np.concatenate(([0], np.cumsum(is_break)[:-1])) if n else np.zeros(0, int)
    # the first verb of saying of each token's sentence, or -1
    cues = np.flatnonzero(is_cue)
    first = np.searchsorted(cues, sentences.lo)
    cue_of = cues[np.minimum(first, len(cues) - 1)] if len(cues) else np.zeros(n, np.int64)
    cue_of = np.where(sentences.inside & (first < len(cues)) & (cue_of < sentences.hi), cue_of, -1)
    idx = np.arange(n, dtype=np.int64)
    relation = np.where(cue_of < 0, 0, np.where(idx < cue_of, 1, np.where(idx == cue_of, 2, 3)))
    commas = breaks_before - breaks_before[sentences.lo] if n else idx
    commas = np.minimum(commas, COMMA_BUCKETS - 1)
    zone = (relation * COMMA_BUCKETS + commas) * 2 + blocked
    cap = POS_BUCKETS[-1]
    pos = _BUCKET_OF[np.clip(idx - sentences.lo, 0, cap)]
    rpos = _BUCKET_OF[np.clip(sentences.hi - 1 - idx, 0, cap)]
    return zone, pos, rpos


def sentence_attributes(inp: TaggerInput, lex: Sequence[str]) -> list[list[str]]:
    """``SENTENCE_SLOTS`` feature strings per sentence: mood, cues, the rules' finds nearby."""
    out: list[list[str]] = []
    last_rule: tuple[int, int] | None = None  # (sentence index, paragraph) of the last rule quote
    prev_k1 = prev_colon = False
    free_of = [not b for b in inp.blocked]
    cue_classes = {c for c in set(lex) if c.startswith("cue")}
    for k, (lo, hi, paragraph) in enumerate(inp.sentences):
        free = list(compress(lex[lo:hi], free_of[lo:hi]))  # the classes of unquoted words
        classes = set(free)
        tags = {tag[:1] for tag in set(inp.rule_tags[lo:hi])} - {"O"}
        has_k1 = "k1" in classes
        if last_rule is None:
            distance, same_par = "none", "-"
        else:
            distance = str(min(k - last_rule[0], 4))
            same_par = str(min(paragraph - last_rule[1], 2))
        first = inp.lowers[lo] if hi > lo else ""
        second_lex = lex[lo + 1] if hi > lo + 1 else ""
        out.append(
            [
                f"k1={has_k1}",
                f"weak={bool(classes & {'k2', 'mod'})}",
                f"cue={not classes.isdisjoint(cue_classes)}",
                f"quoted={len(free) < hi - lo}",
                f"rule={''.join(sorted(tags))}",
                f"dist={distance}",
                f"par={same_par}|{distance}",
                f"first={first}",
                f"firstlex={lex[lo] if hi > lo else ''}|{second_lex}",
                f"len={_BUCKETS[min(hi - lo, POS_BUCKETS[-1])]}",
                f"prevk1={prev_k1}|{has_k1}",
                f"prevcolon={prev_colon}",
                f"end={inp.words[hi - 1] if hi > lo else ''}",
                f"src={bool(classes & {'src', 'srcpost', 'srcadv'})}|{distance}",
            ]
        )
        if "M" in tags:
            last_rule = (k, paragraph)
        prev_k1 = has_k1
        prev_colon = hi > lo and inp.words[hi - 1] == ":"
    return out


@dataclass(slots=True)
class FeatureSpace:
    """Vocabularies and table layout shared by training and tagging."""

    vocabs: dict[str, dict[str, int]]  # attribute -> value -> id (ids from 2)
    hash_rows: int
    # set by ``layout``:
    bases: list[int] = field(init=False)  # first table row of each template
    window_bases: np.ndarray = field(init=False)  # those of the window templates, a column
    rows: int = field(init=False)
    #: (shift, mask) of each ``WORD_ATTRS`` id and of the cue and clause-break flags in the
    #: one integer a word is packed into (see ``_word_row``)
    word_fields: list[tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.layout()

    def size(self, attr: str) -> int:
        if attr == "rule":
            return len(self.vocabs["rule"]) + 2
        if attr == "zone":
            return N_ZONES
        if attr in ("pos", "rpos"):
            return len(POS_BUCKETS) + 1
        return len(self.vocabs[attr]) + 2

    def layout(self) -> None:
        """Assign each template its block of rows in the weight table."""
        self.bases, row = [], 0
        for attr, _ in WINDOW_TEMPLATES:
            self.bases.append(row)
            row += self.size(attr)
        self.window_bases = np.asarray(self.bases, dtype=np.int64)[:, None]  # before the rest
        self.bases.append(row)  # sentence slots share one block: value id x zone
        row += (len(self.vocabs["sentence"]) + 2) * N_ZONES
        self.bases.append(row)  # hashed templates share one block
        row += self.hash_rows
        self.rows = row
        self.word_fields, shift = [], 0
        for bits in [self.size(a).bit_length() for a in WORD_ATTRS] + [1, 1]:
            self.word_fields.append((shift, (1 << bits) - 1))
            shift += bits
        if shift > 63:
            raise ValueError(f"word vocabularies too large to pack into 63 bits ({shift})")

    @property
    def templates(self) -> int:
        return len(WINDOW_TEMPLATES) + SENTENCE_SLOTS + len(HASHED_TEMPLATES)


def _word_row(word: str, space: FeatureSpace, lx: QuoteLexicon) -> tuple[int, str]:
    """A word's ids of ``WORD_ATTRS`` with its cue and clause-break flags, packed into one
    integer (``space.word_fields``), and its lexicon class: all a word contributes whatever
    its context, computed once per word. One integer a word makes a document's ids one
    array conversion; a tuple per word took ten times as long."""
    attrs = word_attributes(word, lx)
    ids = [space.vocabs[a].get(x, OOV) for a, x in zip(WORD_ATTRS, attrs, strict=True)]
    lex = attrs[3]
    values = [*ids, int(lex.startswith("cue")), int(word in _BREAKS)]
    packed = sum(v << shift for v, (shift, _) in zip(values, space.word_fields, strict=True))
    return packed, lex


_PAD = 3  # the widest window offset: the attribute table is padded by it on both sides
_ROW = {a: k for k, a in enumerate((*WORD_ATTRS, *TOKEN_ATTRS))}  # attribute -> table row


def _hash_groups() -> list[tuple[np.ndarray, list[tuple[np.ndarray, np.ndarray]]]]:
    """The hashed templates grouped by length, each group as (template indices, per part
    the table rows and padded offsets of its templates): one group is hashed at once."""
    groups = []
    for length in sorted({len(parts) for parts in HASHED_TEMPLATES}):
        members = [h for h, parts in enumerate(HASHED_TEMPLATES) if len(parts) == length]
        parts = [
            (
                np.asarray([_ROW[HASHED_TEMPLATES[h][k][0]] for h in members]),
                np.asarray([_PAD + HASHED_TEMPLATES[h][k][1] for h in members]),
            )
            for k in range(length)
        ]
        groups.append((np.asarray(members, dtype=np.int64), parts))
    return groups


_HASH_GROUPS = _hash_groups()
#: The table row and padded offset of every window template, for one gather.
_WINDOW_ROWS = np.asarray([_ROW[a] for a, _ in WINDOW_TEMPLATES])
_WINDOW_OFFSETS = np.asarray([_PAD + d for _, d in WINDOW_TEMPLATES])


def encode(
    inp: TaggerInput, space: FeatureSpace, lx: QuoteLexicon, word_cache: dict | None = None
) -> Encoded:
    """Feature ids of every token of a document (the same code trains and tags)."""
    n = len(inp.words)
    cache_ = word_cache if word_cache is not None else {}
    rows = list(map(cache_.get, inp.words))
    if None in rows:
        for k, found in enumerate(rows):
            if found is None:
                rows[k] = cache_[inp.words[k]] = _word_row(inp.words[k], space, lx)
    packs, lex = zip(*rows, strict=True) if n else ((), ())
    packed = np.asarray(packs, dtype=np.int64)
    words = [(packed >> shift) & mask for shift, mask in space.word_fields]
    sentences = _Sentences.of(inp, n)
    zone, pos, rpos = token_context(inp, sentences, words[-2] == 1, words[-1] == 1)
    # one row per attribute, padded with PAD on both sides, so that every window offset
    # is a shift inside the table (see ``windows`` below)
    table = np.zeros((len(_ROW), n + 2 * _PAD), dtype=np.int64)
    body = slice(_PAD, _PAD + n)
    for k in range(len(WORD_ATTRS)):
        table[k, body] = words[k]
    table[_ROW["rule"], body] = list(map(space.vocabs["rule"].get, inp.rule_tags, repeat(OOV)))
    table[_ROW["zone"], body] = zone
    table[_ROW["pos"], body] = pos
    table[_ROW["rpos"], body] = rpos
    # windows[row, PAD + d] is attribute row ``row`` shifted by offset d: a view, no copy
    step = table.strides[1]
    windows = as_strided(table, (len(_ROW), 2 * _PAD + 1, n), (table.strides[0], step, step))
    out = np.empty((space.templates, n), dtype=np.int64)  # template-major (see scores)
    t = len(WINDOW_TEMPLATES)
    out[:t] = windows[_WINDOW_ROWS, _WINDOW_OFFSETS] + space.window_bases
    sv = space.vocabs["sentence"]
    values = list(chain.from_iterable(sentence_attributes(inp, lex)))
    slots = np.asarray(list(map(sv.get, values, repeat(OOV))), dtype=np.int64)
    slots = slots.reshape(-1, SENTENCE_SLOTS) if values else np.zeros((1, SENTENCE_SLOTS), int)
    out[t : t + SENTENCE_SLOTS] = space.bases[t] + slots[sentences.index].T * N_ZONES + zone
    t += SENTENCE_SLOTS
    rows_mask = space.hash_rows - 1  # when the rows are a power of two, as by default,
    # the remainder of a non-negative number is a mask
    power_of_two = not space.hash_rows & rows_mask
    for members, parts in _HASH_GROUPS:
        mixed = np.repeat((members + 1) * _MIX[2], n).reshape(len(members), n)
        for k, (part_rows, offsets) in enumerate(parts):
            mixed = (mixed * _MIX[3]) ^ (windows[part_rows, offsets] * _MIX[k % 2])
        mixed &= _POSITIVE
        mixed = mixed & rows_mask if power_of_two else mixed % space.hash_rows
        out[t + members] = space.bases[-1] + mixed
    return Encoded(out)


@dataclass(slots=True)
class QuoteTagger:
    """Linear token tagger: sums one weight row per template, picks the best label."""

    space: FeatureSpace
    weights: np.ndarray  # (rows, labels) float32
    bias: np.ndarray  # (labels,)
    lexicon: QuoteLexicon
    meta: dict
    word_cache: dict = field(default_factory=dict)

    def scores(self, inp: TaggerInput) -> np.ndarray:
        """Label probabilities per token, shape (tokens, labels)."""
        if not inp.words:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        if len(self.word_cache) > 200_000:  # bound the memory a long stream can take
            self.word_cache.clear()
        enc = encode(inp, self.space, self.lexicon, self.word_cache)
        # template-major gather: summing (templates, tokens, labels) over its first axis is
        # an order of magnitude faster than summing (tokens, templates, labels) over its second
        logits = np.take(self.weights, enc.ids, axis=0).sum(axis=0) + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True)


def model_path(code: str) -> Path:
    """Where the packaged tagger of language ``code`` lives."""
    return Path(str(importlib.resources.files("lagebild") / "models" / f"quotes_{code}"))


def save_tagger(
    path: Path, space: FeatureSpace, weights: np.ndarray, bias: np.ndarray, meta: dict
) -> None:
    """Write the weights, vocabularies and metadata of a tagger to ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path / "weights.npz", weights=weights.astype(np.float16), bias=bias)
    vocabs = {a: sorted(vocab, key=vocab.__getitem__) for a, vocab in space.vocabs.items()}
    (path / "vocab.json").write_text(
        json.dumps({"hash_rows": space.hash_rows, "vocabs": vocabs}, ensure_ascii=False),
        encoding="utf-8",
    )
    (path / "meta.json").write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def make_space(values: dict[str, Sequence[str]], hash_rows: int) -> FeatureSpace:
    """A feature space whose vocabularies hold ``values`` in order (ids from 2)."""
    vocabs = {a: {x: k + 2 for k, x in enumerate(vs)} for a, vs in values.items()}
    return FeatureSpace(vocabs=vocabs, hash_rows=hash_rows)


@cache
def load_quote_tagger(code: str, path: str | None = None) -> QuoteTagger | None:
    """The packaged tagger of a language (loaded once), or None when it has none."""
    folder = Path(path) if path is not None else model_path(code)
    if not (folder / "weights.npz").is_file():
        return None
    data = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    space = make_space(data["vocabs"], data["hash_rows"])
    with np.load(folder / "weights.npz") as npz:
        weights = npz["weights"].astype(np.float32)
        bias = npz["bias"].astype(np.float32)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("layout_checksum") != fingerprint(space) or weights.shape[0] != space.rows:
        # features changed since the model was trained: its rows no longer mean anything
        logger.warning("quote tagger at %s does not match this version; rules only", folder)
        return None
    return QuoteTagger(space, weights, bias, load_quote_lexicon(code), meta)


def fingerprint(space: FeatureSpace) -> int:
    """A checksum of the layout, stored with the weights to catch a stale model."""
    text = json.dumps([space.rows, space.templates, space.hash_rows])
    return zlib.crc32(text.encode("utf-8"))
