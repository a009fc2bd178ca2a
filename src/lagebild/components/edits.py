"""Edits and offsets: how cleaning changes a text while keeping the way back to the raw text.

A cleaner returns edits ("replace ``text[start:end]`` by ``replacement``
because of ``reason``") instead of a new string. ``make_pipeline`` runs
cleaners in order and lifts each one's edits back onto the raw text, so the
result (``CleanedText``) is one flat list of raw-text edits from which the
cleaned text and the offset map are built. Content removals keep their reason
even when a later cleaner removes the text around them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from lagebild.model import RemovedSpan

__all__ = [
    "NORMALISATION_REASONS",
    "CleanedText",
    "Cleaner",
    "Edit",
    "apply_edits",
    "make_pipeline",
    "without_overlaps",
]

NORMALISATION_REASONS = frozenset(
    {
        "newline",
        "invisible",
        "control",
        "unicode",
        "space",
        "glued_word",
        "glued_sentence",
        "layout",
    }
)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; ``reason`` names the rule that asked."""

    start: int
    end: int
    replacement: str
    reason: str


Cleaner = Callable[[str], list[Edit]]


@dataclass(frozen=True, slots=True)
class _OffsetIndex:
    """Where each edit sits in the raw and in the cleaned text (parallel, sorted tuples)."""

    clean_starts: tuple[int, ...] = ()
    clean_ends: tuple[int, ...] = ()
    raw_starts: tuple[int, ...] = ()
    raw_ends: tuple[int, ...] = ()

    @classmethod
    def build(cls, edits: Sequence[Edit]) -> _OffsetIndex:
        shift = 0
        cs: list[int] = []
        ce: list[int] = []
        for e in edits:
            cs.append(e.start + shift)
            ce.append(e.start + shift + len(e.replacement))
            shift += len(e.replacement) - (e.end - e.start)
        return cls(tuple(cs), tuple(ce), tuple(e.start for e in edits), tuple(e.end for e in edits))

    def last_at(self, i: int) -> int:
        """Index of the last edit starting at or before cleaned offset ``i`` (-1 if none)."""
        return bisect_right(self.clean_starts, i) - 1

    def inside(self, k: int, i: int) -> bool:
        """Whether cleaned offset ``i`` lies in the replacement text of edit ``k``."""
        return k >= 0 and i < self.clean_ends[k]

    def to_raw(self, i: int) -> int:
        k = self.last_at(i)
        if k < 0:
            return i
        if i < self.clean_ends[k]:
            raw_len = self.raw_ends[k] - self.raw_starts[k]
            return self.raw_starts[k] + min(i - self.clean_starts[k], max(raw_len - 1, 0))
        return self.raw_ends[k] + (i - self.clean_ends[k])

    def to_raw_end(self, end: int) -> int:
        if end <= 0:
            return 0
        k = self.last_at(end - 1)
        if self.inside(k, end - 1):
            if end == self.clean_ends[k]:
                return self.raw_ends[k]
            return self.raw_starts[k] + min(
                end - self.clean_starts[k], self.raw_ends[k] - self.raw_starts[k]
            )
        return self.to_raw(end - 1) + 1


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The cleaned text with the way back to the raw text.

    ``removed_spans`` lists content removals (boilerplate, credits, duplicate
    headlines) in raw-text offsets; ``edits`` lists every change, including
    whitespace and Unicode normalisation, also in raw-text offsets and sorted.
    """

    text: str
    removed_spans: list[RemovedSpan]
    raw: str = ""
    edits: tuple[Edit, ...] = ()
    _index: _OffsetIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _OffsetIndex.build(self.edits))

    @classmethod
    def from_edits(cls, raw: str, edits: Iterable[Edit]) -> CleanedText:
        """Apply non-overlapping raw-text ``edits`` to ``raw``."""
        ordered = tuple(sorted(edits, key=_edit_key))
        removed = [
            RemovedSpan(e.start, e.end, e.reason, raw[e.start : e.end])
            for e in ordered
            if e.reason not in NORMALISATION_REASONS
        ]
        return cls(apply_edits(raw, ordered), removed, raw, ordered)

    def to_raw(self, offset: int) -> int:
        """Map a cleaned-text offset to the raw text.

        Characters that came through unchanged map exactly; a character that
        replaced others (a space for a run of spaces) maps to the start of what
        it replaced; inserted characters map to their insertion point.
        """
        return self._index.to_raw(offset)

    def edit_at(self, offset: int) -> Edit | None:
        """The edit whose replacement produced the cleaned character at ``offset``, if any.

        ``None`` means the character came through from the raw text unchanged,
        so ``raw[to_raw(offset)] == text[offset]``.
        """
        k = self._index.last_at(offset)
        return self.edits[k] if self._index.inside(k, offset) else None

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text span ``[start, end)`` to the raw span it came from."""
        if start >= end:
            raw = self._index.to_raw(start)
            return raw, raw
        return self._index.to_raw(start), self._index.to_raw_end(end)

    def then(self, edits: Iterable[Edit]) -> CleanedText:
        """Apply edits given in offsets of ``self.text`` and return the combined result.

        The edits are lifted onto the raw text; earlier edits that they cover
        are absorbed, so the result is again one flat list of raw-text edits.
        """
        idx = self._index
        old = list(self.edits)
        dropped: set[int] = set()
        lifted: list[Edit] = []
        for e in without_overlaps(edits):
            if e.start == e.end:
                k = idx.last_at(e.start)
                if idx.inside(k, e.start):  # insertion inside an earlier replacement: merge
                    at = e.start - idx.clean_starts[k]
                    p = old[k]
                    old[k] = Edit(
                        p.start,
                        p.end,
                        p.replacement[:at] + e.replacement + p.replacement[at:],
                        p.reason,
                    )
                    continue
                pos = idx.to_raw(e.start)
                lifted.append(Edit(pos, pos, e.replacement, e.reason))
                continue
            prefix = suffix = ""
            ks = idx.last_at(e.start)
            if idx.inside(ks, e.start):
                raw_start = idx.raw_starts[ks]
                prefix = old[ks].replacement[: e.start - idx.clean_starts[ks]]
            else:
                raw_start = idx.to_raw(e.start)
            ke = idx.last_at(e.end - 1)
            if idx.inside(ke, e.end - 1):
                raw_end = idx.raw_ends[ke]
                suffix = old[ke].replacement[e.end - idx.clean_starts[ke] :]
            else:
                raw_end = idx.to_raw(e.end - 1) + 1
            # Earlier edits inside the range are absorbed, except content removals:
            # those keep their own reason, and the new edit is split around them.
            keep: list[Edit] = []
            lo = bisect_left(idx.clean_ends, e.start)
            hi = bisect_left(idx.clean_starts, e.end)
            for j in range(lo, hi):
                cs, ce = idx.clean_starts[j], idx.clean_ends[j]
                if (cs < ce and cs < e.end and ce > e.start) or (cs == ce and e.start < cs < e.end):
                    if cs == ce and old[j].reason not in NORMALISATION_REASONS:
                        keep.append(old[j])
                    else:
                        dropped.add(j)
            lifted.extend(
                _split_around(
                    self.raw, raw_start, raw_end, prefix + e.replacement, suffix, e.reason, keep
                )
            )
        kept = [edit for j, edit in enumerate(old) if j not in dropped]
        return CleanedText.from_edits(self.raw, kept + lifted)


def _split_around(
    raw: str, start: int, end: int, head: str, tail: str, reason: str, holes: Sequence[Edit]
) -> list[Edit]:
    """Edits covering raw ``[start, end)`` except ``holes``; ``head`` opens, ``tail`` closes."""
    pieces: list[list[int]] = []
    pos = start
    for hole in sorted(holes, key=_edit_key):
        if hole.start > pos:
            pieces.append([pos, hole.start])
        pos = max(pos, hole.end)
    if pos < end or not pieces:
        pieces.append([pos, end])
    out: list[Edit] = []
    for n, (a, b) in enumerate(pieces):
        text = (head if n == 0 else "") + (tail if n == len(pieces) - 1 else "")
        if a < b or text:
            # a leftover line break between two kept removals is layout, not content
            piece_reason = reason if text or raw[a:b].strip() else "layout"
            out.append(Edit(a, b, text, piece_reason))
    return out


def _edit_key(e: Edit) -> tuple[int, int]:
    return (e.start, e.end)


def without_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """Sort edits and drop any that overlaps an earlier one (the first rule wins)."""
    out: list[Edit] = []
    last_end = -1
    for e in sorted(edits, key=_edit_key):
        if e.start < last_end:
            continue
        out.append(e)
        last_end = max(last_end, e.end)
    return out


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping ``edits`` to ``text``."""
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def make_pipeline(*cleaners: Cleaner) -> Callable[[str], CleanedText]:
    """Compose cleaners into one function ``raw -> CleanedText`` (each sees the previous output)."""

    def run(raw: str) -> CleanedText:
        cleaned = CleanedText(raw, [], raw)
        for cleaner in cleaners:
            edits = cleaner(cleaned.text)
            if edits:
                cleaned = cleaned.then(edits)
        return cleaned

    return run
