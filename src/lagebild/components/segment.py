"""Segment: headline, paragraphs and sentences.

Rule-based on purpose: news text has few sentence shapes, and a statistical
parser for German is not available offline. The rules that matter:

* a blank line ends a paragraph, and any line break ends a sentence (headlines,
  captions and bylines carry no final full stop);
* ``. ! ? …`` end a sentence when the next word starts like a sentence (capital,
  digit, opening quote), unless the word before the stop is an abbreviation from
  the language data ("z. B.", "Nr.", "Dr."), an initial or a run of them
  ("W.", "B.N.", "U.S."), or an ordinal number ("30. Dezember", "am 4. April",
  "zum 80. Jahrestag"). An abbreviation written with a capital matches only so
  written: "So." is Sunday, "so." the adverb that often ends a sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.components import doc_text, register_extensions
from lagebild.lang import get_language_data
from lagebild.model import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"[^\n]+")
# A stop, any closing quotes/brackets glued to it, then whitespace.
_STOP = re.compile(r"[.!?…]+[\"'“”»«‘’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_SENTENCE_START = re.compile(r"\s+[\"'„“”»«‚‘(\[]?[A-ZÄÖÜ0-9À-Þ]")
# Ordinals: German writes "30. Dezember", "80. Jahrestag". Four-digit numbers are
# years, which do end sentences ("... seit 2018. Die ...").
_ORDINAL = re.compile(r"^\(?\d{1,3}\.$")
_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.)+$")  # "W.", "B.N.", "J.R.R."


class Segmenter:
    """Split a text into ``Sentence`` records; pure and picklable.

    Single-word abbreviations are looked up by the word before a stop (a
    lower-case one also capitalised, as at a sentence start: "Vgl."; a
    capitalised one only as written); multi-part ones ("z. B.", "u. a.",
    "d. h.") are found by one regex pass per text, and every period inside a
    match is protected.
    """

    def __init__(self, abbreviations: frozenset[str]) -> None:
        single = [a.strip() for a in abbreviations if " " not in a.strip()]
        self.abbreviations = frozenset(a for a in single if not a[:1].islower())
        self.lower_abbreviations = frozenset(a for a in single if a[:1].islower())
        multi = sorted((a for a in abbreviations if " " in a.strip()), key=len, reverse=True)
        parts = [r"\s?".join(re.escape(p) for p in a.split()) for a in multi]
        self._multi = (
            re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE) if parts else None
        )

    def __call__(
        self, text: str, *, headline: bool = True, title: str | None = None
    ) -> list[Sentence]:
        """Sentences of ``text``; the headline is the line equal to ``title`` if the
        text starts with a kicker ("Lateinamerika") before it, else the first line."""
        self._protected = self._protected_stops(text)
        sentences: list[Sentence] = []
        for paragraph, (p_start, p_end) in enumerate(self._paragraphs(text)):
            for line in _LINE.finditer(text, p_start, p_end):
                for start, end in self._sentences_in_line(text, line.start(), line.end()):
                    sentences.append(
                        Sentence(
                            index=len(sentences),
                            start=start,
                            end=end,
                            text=text[start:end],
                            paragraph=paragraph,
                            is_headline=headline and not sentences,
                        )
                    )
        if headline and title and sentences:
            sentences = _mark_headline(sentences, title)
        return sentences

    def _protected_stops(self, text: str) -> frozenset[int]:
        if self._multi is None or "." not in text:
            return frozenset()
        return frozenset(
            m.start() + i
            for m in self._multi.finditer(text)
            for i, ch in enumerate(m.group())
            if ch == "."
        )

    @staticmethod
    def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
        start = 0
        for brk in _PARAGRAPH_BREAK.finditer(text):
            if text[start : brk.start()].strip():
                yield start, brk.start()
            start = brk.end()
        if text[start:].strip():
            yield start, len(text)

    def _sentences_in_line(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        begin = start
        for stop in _STOP.finditer(text, start, end):
            if self._ends_sentence(text, stop.start(), stop.end(), end):
                yield from _trimmed(text, begin, stop.end())
                begin = stop.end()
        yield from _trimmed(text, begin, end)

    def _ends_sentence(self, text: str, stop_start: int, stop_end: int, line_end: int) -> bool:
        if not _SENTENCE_START.match(text, stop_end, line_end):
            return False
        if text[stop_start] != ".":
            return True
        if stop_start in self._protected:
            return False
        before = _WORD_BEFORE.search(text, max(0, stop_start - 40), stop_start + 1)
        word = before.group(1) if before else ""
        if (
            word in self.abbreviations
            or word.lower() in self.lower_abbreviations
            or _INITIALS.match(word)
        ):
            return False
        return not _ORDINAL.match(word)


_HEADLINE_SEARCH = 3  # a title further down than the third line is not the headline


def _mark_headline(sentences: list[Sentence], title: str) -> list[Sentence]:
    wanted = " ".join(title.split())
    for position, sentence in enumerate(sentences[:_HEADLINE_SEARCH]):
        if " ".join(sentence.text.split()) == wanted:
            return [
                dataclasses.replace(s, is_headline=(i == position)) for i, s in enumerate(sentences)
            ]
    return sentences


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` without surrounding whitespace, nothing if blank."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield start + lead, start + lead + len(stripped)


def make_segmenter(language: str) -> Segmenter:
    """Build the segmenter for ``language`` from its abbreviation list."""
    data = get_language_data(language)
    return Segmenter(frozenset(data.abbreviations))


@Language.factory(
    "lagebild_segment",
    assigns=["token.is_sent_start", "doc._.sentences"],
)
def make_segment_component(nlp: Language, name: str) -> SegmentComponent:
    return SegmentComponent(make_segmenter(nlp.lang))


class SegmentComponent:
    """Sets ``doc._.sentences`` and the token sentence boundaries to match."""

    def __init__(self, segmenter: Segmenter) -> None:
        register_extensions()
        self.segmenter = segmenter

    def __call__(self, doc: Doc) -> Doc:
        sentences = self.segmenter(doc_text(doc), title=doc._.title)
        doc._.sentences = sentences
        if not len(doc):
            return doc
        # One array write instead of a property set per token (10x faster).
        # A sentence may start inside a token only if the tokenizer glued across
        # a boundary; then the token's sentence wins, which keeps spans valid.
        offsets = doc.to_array([IDX]).astype(numpy.int64)
        is_start = numpy.isin(offsets, numpy.fromiter((s.start for s in sentences), numpy.int64))
        is_start[0] = True
        flags = numpy.where(is_start, 1, -1).astype(numpy.uint64).reshape(-1, 1)
        doc.from_array([SENT_START], flags)
        return doc
