"""Tone: document and sentence polarity from a German word-form lexicon.

The score is the lexicon balance ``(positive - negative) / (positive + negative)``
over the polar words found (0.0 when there are none), the measure Rauh (2018)
validated for German political text. The counts behind every score are kept
(``ToneCounts``) so that corpus tone — per actor, per outlet, per story — is the
balance of summed counts, not an average of ratios.

Negation is handled with the cue words of ``lang/<code>/tone_cues.tsv``: a
negator flips a polar word that follows within ``NEGATION_WINDOW`` words of the
same clause ("keine gute Lösung"); a clause-final "nicht" flips the last polar
word before it ("sie unterstützen den Plan nicht"); a shifter halves the next
polar word ("kaum Fortschritte"). The lexicon (``lang/<code>/tone.tsv``) is
derived from GermanPolarityClues by ``scripts/build_tone_lexicon.py``.

Tokenising is one regular expression over the text, independent of spaCy, so the
store can recompute sentence tone from stored text and get the same numbers the
pipeline stage produced; the stage costs well under a millisecond per article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.components import register_extensions
from lagebild.model import Sentence, SentenceTone

NEGATION_WINDOW = 3  # "nicht sehr gute", "keine wirklich neue"; further on is another phrase
SHIFTER_WEIGHT = 0.5  # "kaum Fortschritte" is weakly, not fully, negative

# Words, and the punctuation that ends a clause or a sentence (a negation never
# reaches across it). Opening quotes count as sentence starts for capitalisation.
_TOKEN = re.compile(r"\w+|[.!?;:,]|[„“”\"«»‚‘]")
_CLAUSE_END = frozenset(".!?;:,")
_SENTENCE_START = frozenset(".!?:") | frozenset('„“”"«»‚‘')
_PUNCTUATION = _CLAUSE_END | _SENTENCE_START
_NEG, _POST, _SHIFT = 1, 2, 4


@dataclass(frozen=True, slots=True)
class ToneCounts:
    """Polar word counts of a text; negated words count for the opposite side."""

    positive: float = 0.0
    negative: float = 0.0
    words: int = 0

    @property
    def tone(self) -> float:
        """Lexicon balance in [-1, 1]; 0.0 when the text has no polar word."""
        hits = self.positive + self.negative
        return (self.positive - self.negative) / hits if hits else 0.0

    def __add__(self, other: ToneCounts) -> ToneCounts:
        return ToneCounts(
            self.positive + other.positive, self.negative + other.negative, self.words + other.words
        )


@dataclass(frozen=True, slots=True)
class ToneLexicon:
    """Polarity of word forms plus the negation cue words of one language."""

    polarity: dict[str, int]
    cues: dict[str, int]  # cue word (lower case and capitalised) -> bit set of _NEG/_POST/_SHIFT

    def score(self, text: str) -> ToneCounts:
        """Count polar words in ``text`` with negation and shifters applied."""
        tokens = _TOKEN.findall(text)
        cues = self.cues
        positive = negative = 0.0
        words = 0
        negate_left = 0  # words left in the window of the last negator
        weight_next = 1.0
        last_polar: tuple[int, float] | None = None  # (polarity, weight) in this clause
        start = True
        for i, token in enumerate(tokens):
            if token in _PUNCTUATION:
                negate_left = 0
                last_polar = None
                start = token in _SENTENCE_START
                continue
            words += 1
            cue = cues.get(token)
            if cue is not None:
                start = False
                if cue & _POST and last_polar and _closes_clause(tokens, i):
                    # "sie lobten den Plan nicht": undo the last polar word, count it flipped
                    polarity, weight = last_polar
                    if polarity > 0:
                        positive, negative = positive - weight, negative + weight
                    else:
                        negative, positive = negative - weight, positive + weight
                    last_polar = None
                elif cue & _NEG:
                    negate_left = NEGATION_WINDOW
                elif cue & _SHIFT:
                    weight_next = SHIFTER_WEIGHT
                continue
            polarity = self.polarity.get(token)
            if polarity is None and start and token[0].isupper():
                polarity = self.polarity.get(token.lower())
            start = False
            if polarity:
                if negate_left:
                    polarity = -polarity
                    negate_left = 0
                    last_polar = None  # already negated: a final "nicht" must not flip it back
                else:
                    last_polar = (polarity, weight_next)
                if polarity > 0:
                    positive += weight_next
                else:
                    negative += weight_next
                weight_next = 1.0
            elif negate_left:
                negate_left -= 1
        return ToneCounts(positive, negative, words)


def _closes_clause(tokens: Sequence[str], i: int) -> bool:
    return i + 1 == len(tokens) or tokens[i + 1] in _CLAUSE_END


@cache
def load_lexicon(language: str) -> ToneLexicon | None:
    """The tone lexicon of ``language`` from its data files, or None if it has none."""
    folder = resources.files("lagebild.lang").joinpath(language)
    lexicon_file = folder.joinpath("tone.tsv")
    if not lexicon_file.is_file():
        return None
    polarity = {form: int(value) for form, value in _rows(lexicon_file.read_text("utf-8"))}
    kinds = {"negator": _NEG, "postnegator": _POST, "shifter": _SHIFT}
    cues: dict[str, int] = {}
    cue_file = folder.joinpath("tone_cues.tsv")
    if cue_file.is_file():
        for kind, word in _rows(cue_file.read_text("utf-8")):
            if " " in word or kind not in kinds:  # multi-word cues are covered by their last word
                continue
            for form in (word.lower(), word.capitalize()):
                cues[form] = cues.get(form, 0) | kinds[kind]
    return ToneLexicon(polarity=polarity, cues=cues)


def _rows(text: str) -> Iterable[tuple[str, str]]:
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    next(lines, None)  # header
    for line in lines:
        first, second = line.split("\t")[:2]
        yield first, second


def sentence_tones(
    lexicon: ToneLexicon, text: str, sentences: Iterable[Sentence]
) -> list[SentenceTone]:
    """Tone of each sentence of ``text`` (the cleaned article text)."""
    result = []
    for s in sentences:
        counts = lexicon.score(text[s.start : s.end])
        result.append(
            SentenceTone(s.index, counts.positive, counts.negative, counts.words, counts.tone)
        )
    return result


class ToneScorer:
    """The ``lagebild_tone`` stage: sets ``doc._.tone`` and ``doc._.sentence_tone``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lang = nlp.lang
        register_extensions()

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (_rebuild, (self.lang, self.name))

    def __call__(self, doc: Doc) -> Doc:
        lexicon = load_lexicon(doc._.language or self.lang)
        if lexicon is None:
            return doc
        sentences = doc._.sentences
        if sentences:
            tones = sentence_tones(lexicon, doc.text, sentences)
            doc._.sentence_tone = tones
            total = sum((ToneCounts(t.positive, t.negative, t.words) for t in tones), ToneCounts())
        else:
            total = lexicon.score(doc.text)
        doc._.tone = round(total.tone, 4)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)


def _rebuild(lang: str, name: str) -> ToneScorer:
    import spacy

    return ToneScorer(spacy.blank(lang), name)


@Language.factory("lagebild_tone", assigns=["doc._.tone"])
def make_tone(nlp: Language, name: str) -> ToneScorer:
    """Factory of the tone stage."""
    return ToneScorer(nlp, name)
