"""Pair quotation marks into quoted stretches of text.

German text mixes „…“, »…«, «…», "…" and, in copied wire text, “…”; quotes
inside quotes use ‚…‘ or ›…‹. A quote may run over several sentences and, by
German convention, over several paragraphs: each new paragraph reopens the
quote and only the last one closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lagebild.components.quote_lexicon import QuoteLexicon

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_OPEN_CONTEXT = " \t\n([{:–—-/"  # what may stand before an opening straight quote
_CLOSE_CONTEXT = " \t\n)]}.,;:!?–—-/"  # what may follow a closing straight quote


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A stretch between an opening and its closing mark (marks included)."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


@cache
def _mark_pattern(marks: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(marks))) + "]|\n[ \t]*\n\\s*")


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPEN_CONTEXT and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after in _CLOSE_CONTEXT or after in "“”\"'»«")


def find_quoted_spans(text: str, lexicon: QuoteLexicon) -> list[QuotedSpan]:
    """All outer quoted stretches of ``text``, in order, never overlapping.

    Symmetric marks (``"``) open when they stand before a word and close after
    one. An opener left unclosed at a paragraph end is dropped unless the next
    paragraph reopens it (the multi-paragraph convention).
    """
    openers = lexicon.openers - lexicon.inner_openers
    closers = frozenset(c for _, c in lexicon.quote_pairs)
    pattern = _mark_pattern(frozenset(openers | closers))
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    open_mark = ""
    expect: frozenset[str] = frozenset()
    for m in pattern.finditer(text):
        i, mark = m.start(), m.group()
        if mark.startswith("\n"):
            if open_at is not None and not text.startswith(open_mark, m.end()):
                open_at = None  # unclosed at the paragraph end: not a quote
            continue
        if open_at is not None:
            if mark in expect and (mark != '"' or _can_close(text, i)):
                spans.append(QuotedSpan(open_at, i + 1))
                open_at = None
                continue
            if mark == open_mark and mark != '"' and _is_paragraph_reopen(text, i):
                continue
            if mark == open_mark and mark != '"' and _can_open(text, i):
                open_at = i  # the earlier opener was never closed
            continue
        if mark in openers and (mark in closers and mark != "„") and not _can_open(text, i):
            continue  # a closing-looking mark with nothing open (stray or misplaced)
        if mark in openers:
            open_at, open_mark, expect = i, mark, lexicon.closers_for(mark)
    return spans


def _is_paragraph_reopen(text: str, i: int) -> bool:
    line_start = text.rfind("\n", 0, i)
    return line_start >= 0 and not text[line_start + 1 : i].strip()
