"""Sentences and tokens of a Doc in the light form the event rules read.

The rules look at a few words around each actor; building spaCy ``Token``
objects for a whole article costs more than the rules themselves, so the
sentences' tokens are read once from the Doc's arrays into ``Tok`` records, and
actor mentions are mapped from character offsets to those tokens.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc

from lagebild.components.clauses import Tok
from lagebild.model import Mention, Sentence

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÄÖÜ„\"])")

#: (start offsets, orth ids) of a Doc's tokens.
TokenTable = tuple[list[int], list[int]]


def token_table(doc: Doc) -> TokenTable:
    """(start offsets, orth ids) of every token, read from the Doc's arrays.

    Creating a spaCy ``Token`` per word costs more than the event rules themselves on
    a long article; the arrays give the same offsets and strings.
    """
    array = doc.to_array([IDX, ORTH])
    return array[:, 0].tolist(), array[:, 1].tolist()


def sentence_tokens(doc: Doc, sentence: Sentence, table: TokenTable | None = None) -> list[Tok]:
    """The tokens overlapping the sentence, as ``Tok`` records indexed from 0."""
    if len(doc) == 0:
        return []
    starts, orths = table or token_table(doc)
    strings = doc.vocab.strings
    first = max(bisect.bisect_right(starts, sentence.start) - 1, 0)
    if starts[first] + len(strings[orths[first]]) <= sentence.start:
        first += 1  # the token before ends where the sentence starts
    last = bisect.bisect_left(starts, sentence.end)
    toks = []
    for i in range(first, last):
        word = strings[orths[i]]
        toks.append(Tok(i - first, word, word.lower(), starts[i], starts[i] + len(word)))
    return toks


def mention_tokens(mentions: list[Mention], toks: list[Tok]) -> list[tuple[Mention, int, int]]:
    """Each mention with the indices of its first and last token (mentions outside dropped)."""
    spans = []
    for mention in mentions:
        first = next((t.i for t in toks if t.end > mention.start), None)
        last = next((t.i for t in reversed(toks) if t.start < mention.end), None)
        if first is not None and last is not None and first <= last:
            spans.append((mention, first, last))
    return spans


def doc_sentences(doc: Doc) -> list[Sentence]:
    """The Doc's sentences: from the segmenter, spaCy's boundaries, or a plain split."""
    if doc._.sentences:
        return list(doc._.sentences)
    if doc.has_annotation("SENT_START"):
        return [Sentence(i, s.start_char, s.end_char, s.text, 0) for i, s in enumerate(doc.sents)]
    # Without a segmenter (tests, slim pipelines): split after . ! ? before a capital.
    text, sentences, start = doc.text, [], 0
    for match in _SENTENCE_END.finditer(text):
        sentences.append(
            Sentence(len(sentences), start, match.start() + 1, text[start : match.start() + 1], 0)
        )
        start = match.end()
    if start < len(text) and text[start:].strip():
        sentences.append(Sentence(len(sentences), start, len(text), text[start:], 0))
    return sentences
