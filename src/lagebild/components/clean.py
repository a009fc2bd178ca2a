"""Cleaning: normalise Unicode and whitespace, split glued words, remove in-text boilerplate.

Cleaning works on the plain string before tokenisation because it changes the
text, and a spaCy ``Doc`` cannot change its text once made. Every cleaner is a
pure function ``text -> list[Edit]`` with keyword-only options (textacy's
``preprocessing`` style, but returning edits instead of a new string): an edit
says "replace ``text[start:end]`` by ``replacement`` because of ``reason``".
``make_pipeline`` runs cleaners in order; after each one its edits are lifted
back onto the raw text, so the result is one list of raw-text edits from which
the cleaned text and the offset map are built. Every later offset therefore
stays explainable: ``CleanedText.to_raw`` maps a cleaned offset back to the raw
text, and ``removed_spans`` say what was taken out and why.

Which lines are boilerplate and which words glue is language data
(``lagebild.lang.<code>``: ``boilerplate_rules``, ``inline_rules``,
``glue_*``, ``abbreviations``); this module only knows how to apply it.

Decisions worth knowing:

* Bylines and date lines ("von | 10. Mai 2023") are removed with reason
  ``"byline"``: they are metadata, not body text. The removed span keeps them,
  so a date or author can still be read off ``removed_spans``.
* Attribution lines ("Quelle: Antiwar.com") are removed with reason
  ``"source_line"`` for the same reason; ingest reads the outlet from the raw text.
* A photo credit glued to its caption ("…aus ChinaQuelle: AP © …") loses the
  credit only; the caption before it stays.
* Quotation marks are never touched, and paragraph structure is kept: a blank
  line separates paragraphs, single newlines survive for the segmenter.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial

from lagebild.lang import SUPPORTED_LANGUAGES, get_language_data
from lagebild.model import RemovedSpan

__all__ = [
    "NORMALISATION_REASONS",
    "BoilerplateRule",
    "CleanedText",
    "Cleaner",
    "Edit",
    "InlineRule",
    "apply_edits",
    "clean_text",
    "make_pipeline",
    "normalize_controls",
    "normalize_layout",
    "normalize_spaces",
    "normalize_unicode",
    "remove_boilerplate",
    "remove_duplicate_headlines",
    "remove_inline_boilerplate",
    "split_glued_sentences",
    "split_glued_words",
]

#: Reasons of edits that only normalise the text; every other reason is a
#: content removal and is reported in ``CleanedText.removed_spans``.
NORMALISATION_REASONS = frozenset(
    {"newline", "invisible", "control", "unicode", "space", "glued_word", "glued_sentence", "layout"}
)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; ``reason`` names the rule that asked."""

    start: int
    end: int
    replacement: str
    reason: str


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """A kind of boilerplate line or paragraph, described as data.

    A rule fires on a line (``scope="line"``) or on a whole paragraph
    (``scope="paragraph"``, tested at the paragraph's first line) when the text
    is at most ``max_chars`` long, ``start`` matches at its beginning and every
    pattern in ``requires`` occurs in it (``min_hits`` matches in total). The
    block it removes can then grow: by following lines matching ``continues``
    (a newsletter form, a list of links), by everything up to the next line
    another rule removes (``until_next_rule``: an appended FAQ), and by the next
    paragraph when it starts like ``then`` (a bio under a signature). Length
    limits keep rules from eating body text that merely starts alike.
    """

    reason: str
    start: str | None = None
    max_chars: int = 200
    scope: str = "line"  # "line" | "paragraph"
    requires: tuple[str, ...] = ()
    min_hits: int = 0
    continues: str | None = None
    continues_max_chars: int = 150
    continues_across_blank: bool = False
    until_next_rule: bool = False
    then: str | None = None
    then_reason: str | None = None
    then_max_chars: int = 600
    last_paragraphs: int = 0  # 0: anywhere; n: only in the document's last n paragraphs
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class InlineRule:
    """Boilerplate glued to the end of a line, e.g. a photo credit after its caption.

    ``pattern`` is searched line by line (``re.MULTILINE``); its group ``cut``
    is removed when it is at most ``max_chars`` long and ``requires`` (if
    given) occurs in it.
    """

    reason: str
    pattern: str
    requires: str | None = None
    max_chars: int = 100
    case_sensitive: bool = True


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
        for e in _without_overlaps(edits):
            if e.start == e.end:
                k = idx.last_at(e.start)
                if idx.inside(k, e.start):  # insertion inside an earlier replacement: merge
                    at = e.start - idx.clean_starts[k]
                    p = old[k]
                    old[k] = Edit(
                        p.start, p.end, p.replacement[:at] + e.replacement + p.replacement[at:],
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
            lo = bisect_left(idx.clean_ends, e.start)
            hi = bisect_left(idx.clean_starts, e.end)
            for j in range(lo, hi):
                cs, ce = idx.clean_starts[j], idx.clean_ends[j]
                if (cs < ce and cs < e.end and ce > e.start) or (cs == ce and e.start < cs < e.end):
                    dropped.add(j)
            lifted.append(Edit(raw_start, raw_end, prefix + e.replacement + suffix, e.reason))
        kept = [edit for j, edit in enumerate(old) if j not in dropped]
        return CleanedText.from_edits(self.raw, kept + lifted)


def _edit_key(e: Edit) -> tuple[int, int]:
    return (e.start, e.end)


def _without_overlaps(edits: Iterable[Edit]) -> list[Edit]:
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


# --------------------------------------------------------------------------- characters

_CONTROL_RE = re.compile(
    r"(?P<newline>\r\n?|[\u2028\u000b\u000c\u0085])"
    r"|(?P<paragraph>\u2029)"
    r"|(?P<invisible>[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e]+)"
    r"|(?P<control>[\x00-\x08\x0e-\x1f\x7f]+)"
)
_CONTROL_REPLACEMENT = {"newline": "\n", "paragraph": "\n\n", "invisible": "", "control": ""}


def normalize_controls(text: str) -> list[Edit]:
    """Unify line breaks to ``\\n``; drop soft hyphens, zero-width and control characters."""
    return [
        Edit(m.start(), m.end(), _CONTROL_REPLACEMENT[m.lastgroup], m.lastgroup)
        for m in _CONTROL_RE.finditer(text)
        if m.lastgroup
    ]


def normalize_unicode(text: str, *, form: str = "NFC") -> list[Edit]:
    """Compose characters to ``form`` (NFC), one base character with its marks at a time.

    The fast path is a single ``is_normalized`` check; the per-character walk
    only runs on the rare text that needs it. Quotation marks have no
    decomposition, so NFC never changes them.
    """
    if unicodedata.is_normalized(form, text):
        return []
    edits: list[Edit] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        normal = unicodedata.normalize(form, cluster)
        if normal != cluster:
            edits.append(Edit(i, j, normal, "unicode"))
        i = j
    return edits


_SPACE = "[ \\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]"
_EXOTIC_SPACE = "[\\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]"
_SPACE_RE = re.compile(
    rf"(?P<edge>^{_SPACE}+|{_SPACE}+$)|(?P<run>{_SPACE}{{2,}}|{_EXOTIC_SPACE})", re.MULTILINE
)


def normalize_spaces(text: str) -> list[Edit]:
    """Turn non-breaking and other exotic spaces into spaces, collapse runs, trim line edges."""
    return [
        Edit(m.start(), m.end(), "" if m.lastgroup == "edge" else " ", "space")
        for m in _SPACE_RE.finditer(text)
    ]


_BLANK_RUN_RE = re.compile(r"\A\n+|\n{3,}|\n+\Z")
_EDGE_SPACE_RE = re.compile(r"^ +| +$", re.MULTILINE)


def normalize_layout(text: str) -> list[Edit]:
    """Keep at most one blank line between paragraphs and none at the ends; trim line edges.

    Runs last, to tidy the gaps that removed lines leave behind.
    """
    edits = [Edit(m.start(), m.end(), "", "layout") for m in _EDGE_SPACE_RE.finditer(text)]
    for m in _BLANK_RUN_RE.finditer(text):
        inner = m.start() > 0 and m.end() < len(text)
        edits.append(Edit(m.start(), m.end(), "\n\n" if inner else "", "layout"))
    return edits


# --------------------------------------------------------------------------- glued words

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_WORD_AT_RE = re.compile(r"\w+")


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def _glue_patterns(
    function_words: tuple[str, ...],
    name_openers: tuple[str, ...],
    conjunctions: tuple[str, ...],
    left_endings: tuple[str, ...],
) -> tuple[re.Pattern[str], ...]:
    patterns: list[re.Pattern[str]] = []
    if function_words:
        # "demMiguel": a whole closed-class word, then a capitalised word of
        # 3+ letters (shorter right parts are acronyms or units: "dieUSA" stays).
        patterns.append(
            re.compile(rf"(?<![^\W\d_])(?:{_alt(function_words)})(?=[{_UPPER}][{_LOWER}]{{2,}})")
        )
    if name_openers:
        # "erklärtePräsident": any lowercase word of 3+ letters before a title
        # that opens a name; the title must be a whole word.
        patterns.append(
            re.compile(rf"(?<![^\W\d_])[{_LOWER}]{{3,}}(?=(?:{_alt(name_openers)})(?![^\W\d_]))")
        )
    if conjunctions and left_endings:
        # "genanntund": a left piece of 5+ letters ending like a verb form, then
        # a conjunction closing the token.
        patterns.append(
            re.compile(
                rf"(?<![^\W\d_])[{_LOWER}]{{4,}}(?:{_alt(left_endings)})"
                rf"(?=(?:{_alt(conjunctions)})(?![^\W\d_]))"
            )
        )
    return tuple(patterns)


def split_glued_words(
    text: str,
    *,
    function_words: Sequence[str] = (),
    name_openers: Sequence[str] = (),
    conjunctions: Sequence[str] = (),
    left_endings: Sequence[str] = (),
    exceptions: Sequence[str] = (),
) -> list[Edit]:
    """Insert the space lost at a scraping seam ("demMiguel" -> "dem Miguel").

    Conservative by construction: a seam is split only next to a listed
    closed-class word, title or conjunction, so camel-case names ("McDonald",
    "iPhone", "DeutschlandTicket") and listed brands (``exceptions``:
    "derStandard") are kept.
    """
    patterns = _glue_patterns(
        tuple(function_words), tuple(name_openers), tuple(conjunctions), tuple(left_endings)
    )
    skip = frozenset(exceptions)
    edits: list[Edit] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            word = _WORD_AT_RE.match(text, m.start())
            if word is not None and word.group() in skip:
                continue
            edits.append(Edit(m.end(), m.end(), " ", "glued_word"))
    return edits


_GLUED_SENTENCE_RE = re.compile(
    rf"(?<=[^\W\d_][^\W\d_])[.!?](?=[{_UPPER}][{_LOWER}]+)"
)
_TOKEN_START_RE = re.compile(r"\S+$")


def split_glued_sentences(text: str, *, abbreviations: Sequence[str] = ()) -> list[Edit]:
    """Insert the space after a sentence glued to the next ("Canberra.Letzten").

    Left alone: web addresses and e-mail addresses (the token holds "/", "@",
    "www." or an earlier period: "Antiwar.com" never matches anyway because
    its right side is lowercase), and listed abbreviations ("Nr.Eins").
    """
    abbrevs = frozenset(a.replace(" ", "") for a in abbreviations)
    edits: list[Edit] = []
    for m in _GLUED_SENTENCE_RE.finditer(text):
        left = _TOKEN_START_RE.search(text, max(0, m.start() - 80), m.start())
        token = left.group() if left else ""
        if "/" in token or "@" in token or "." in token or token.lower().startswith("www"):
            continue
        if token + "." in abbrevs:
            continue
        edits.append(Edit(m.end(), m.end(), " ", "glued_sentence"))
    return edits


# --------------------------------------------------------------------------- boilerplate


@cache
def _compile_inline(rules: tuple[InlineRule, ...]) -> tuple[tuple[InlineRule, re.Pattern[str],
                                                                re.Pattern[str] | None], ...]:
    out = []
    for rule in rules:
        flags = re.MULTILINE | (0 if rule.case_sensitive else re.IGNORECASE)
        requires = re.compile(rule.requires, flags) if rule.requires else None
        out.append((rule, re.compile(rule.pattern, flags), requires))
    return tuple(out)


def remove_inline_boilerplate(text: str, *, rules: Sequence[InlineRule] = ()) -> list[Edit]:
    """Remove boilerplate glued to the end of a line (a credit after its caption)."""
    edits: list[Edit] = []
    for rule, pattern, requires in _compile_inline(tuple(rules)):
        for m in pattern.finditer(text):
            cut = m.group("cut")
            if len(cut) > rule.max_chars or (requires and not requires.search(cut)):
                continue
            edits.append(Edit(m.start("cut"), m.end("cut"), "", rule.reason))
    return edits


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: BoilerplateRule
    start: re.Pattern[str] | None
    requires: tuple[re.Pattern[str], ...]
    continues: re.Pattern[str] | None
    then: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class _RuleSet:
    start_rules: tuple[_Compiled, ...]  # tested on lines that the prefilter admits
    cue_rules: tuple[_Compiled, ...]  # paragraph rules without a start pattern
    prefilter: re.Pattern[str] | None  # any start pattern at all


@cache
def _compile_rules(rules: tuple[BoilerplateRule, ...]) -> _RuleSet:
    compiled: list[_Compiled] = []
    for rule in rules:
        flags = 0 if rule.case_sensitive else re.IGNORECASE

        def comp(p: str | None, flags: int = flags) -> re.Pattern[str] | None:
            return re.compile(p, flags) if p else None

        compiled.append(
            _Compiled(
                rule,
                comp(rule.start),
                tuple(re.compile(p, flags) for p in rule.requires),
                comp(rule.continues),
                comp(rule.then),
            )
        )
    starts = [
        f"(?:{c.rule.start})" if c.rule.case_sensitive else f"(?i:{c.rule.start})"
        for c in compiled
        if c.rule.start
    ]
    return _RuleSet(
        tuple(c for c in compiled if c.start is not None),
        tuple(c for c in compiled if c.start is None),
        re.compile("|".join(starts)) if starts else None,
    )


class _Lines:
    """A text as lines with offsets and paragraph numbers (blank lines separate paragraphs)."""

    __slots__ = ("first", "last", "lines", "n_para", "para", "starts")

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.starts: list[int] = []
        pos = 0
        for line in self.lines:
            self.starts.append(pos)
            pos += len(line) + 1
        self.para: list[int] = []
        self.first: list[int] = []
        self.last: list[int] = []
        previous_blank = True
        for i, line in enumerate(self.lines):
            if not line.strip():
                self.para.append(-1)
                previous_blank = True
                continue
            if previous_blank:
                self.first.append(i)
                self.last.append(i)
            else:
                self.last[-1] = i
            self.para.append(len(self.first) - 1)
            previous_blank = False
        self.n_para = len(self.first)

    def paragraph_text(self, p: int) -> str:
        return "\n".join(self.lines[self.first[p] : self.last[p] + 1])

    def next_nonblank(self, i: int) -> int | None:
        for j in range(i, len(self.lines)):
            if self.lines[j].strip():
                return j
        return None

    def edit(self, first: int, last: int, reason: str) -> Edit:
        """Remove lines ``first..last`` together with the line break after them."""
        end = self.starts[last] + len(self.lines[last])
        if last < len(self.lines) - 1:
            end += 1
        return Edit(self.starts[first], end, "", reason)


def _rule_fires(c: _Compiled, doc: _Lines, i: int) -> int | None:
    """Last line of the block that rule ``c`` removes when it fires at line ``i``."""
    rule = c.rule
    p = doc.para[i]
    if rule.scope == "paragraph":
        if doc.first[p] != i:
            return None
        block, last = doc.paragraph_text(p), doc.last[p]
    else:
        block, last = doc.lines[i].strip(), i
    if len(block) > rule.max_chars:
        return None
    if rule.last_paragraphs and p < doc.n_para - rule.last_paragraphs:
        return None
    if c.start is not None and not c.start.match(block):
        return None
    if c.requires:
        hits = [len(r.findall(block)) for r in c.requires]
        if min(hits) == 0 or sum(hits) < rule.min_hits:
            return None
    return last


def _match_line(rules: _RuleSet, doc: _Lines, i: int) -> tuple[_Compiled, int] | None:
    line = doc.lines[i].strip()
    if rules.prefilter is not None and rules.prefilter.match(line):
        for c in rules.start_rules:
            last = _rule_fires(c, doc, i)
            if last is not None:
                return c, last
    if rules.cue_rules and doc.first[doc.para[i]] == i:
        for c in rules.cue_rules:
            last = _rule_fires(c, doc, i)
            if last is not None:
                return c, last
    return None


def _extend(c: _Compiled, rules: _RuleSet, doc: _Lines, last: int) -> int:
    """Grow a block by continuation lines or up to the next line another rule removes."""
    rule = c.rule
    n = len(doc.lines)
    if c.continues is not None:
        j = last + 1
        while j < n:
            line = doc.lines[j].strip()
            if not line:
                if not rule.continues_across_blank:
                    break
                j += 1
                continue
            if len(line) > rule.continues_max_chars or not c.continues.match(line):
                break
            last = j
            j += 1
    if rule.until_next_rule:
        for j in range(last + 1, n):
            if doc.para[j] < 0:
                continue
            hit = _match_line(rules, doc, j)
            if hit is not None and hit[0] is not c:
                break
            last = j
    return last


def remove_boilerplate(text: str, *, rules: Sequence[BoilerplateRule] = ()) -> list[Edit]:
    """Remove boilerplate lines and paragraphs described by ``rules`` (language data).

    Rules are anchored at line or paragraph starts and bounded in length, so a
    body sentence that merely mentions "Telegram" or "Newsletter" stays.
    """
    ruleset = _compile_rules(tuple(rules))
    if ruleset.prefilter is None and not ruleset.cue_rules:
        return []
    doc = _Lines(text)
    edits: list[Edit] = []
    i = 0
    n = len(doc.lines)
    while i < n:
        if doc.para[i] < 0:
            i += 1
            continue
        hit = _match_line(ruleset, doc, i)
        if hit is None:
            i += 1
            continue
        c, last = hit
        last = _extend(c, ruleset, doc, last)
        edits.append(doc.edit(i, last, c.rule.reason))
        if c.then is not None:
            k = doc.next_nonblank(last + 1)
            if k is not None and doc.first[doc.para[k]] == k:
                para = doc.paragraph_text(doc.para[k])
                if len(para) <= c.rule.then_max_chars and c.then.match(para):
                    last = doc.last[doc.para[k]]
                    edits.append(doc.edit(k, last, c.rule.then_reason or c.rule.reason))
        i = last + 1
    return edits


def remove_duplicate_headlines(
    text: str,
    *,
    head_lines: int = 3,  # headline, kicker and standfirst come first; a caption repeat follows
    min_chars: int = 20,  # shorter lines (a section name, "Video") may recur legitimately
) -> list[Edit]:
    """Remove later lines that repeat one of the first lines word for word.

    Pages repeat the headline as an image caption or a second title; a body
    line is never identical to the headline.
    """
    doc = _Lines(text)
    heads: set[str] = set()
    seen: set[str] = set()
    counted = 0
    edits: list[Edit] = []
    for i, raw_line in enumerate(doc.lines):
        line = raw_line.strip()
        if not line:
            continue
        if line in heads and line in seen:
            edits.append(doc.edit(i, i, "duplicate_headline"))
            continue
        if counted < head_lines:
            counted += 1
            if len(line) >= min_chars:
                heads.add(line)
        seen.add(line)
    return edits


# --------------------------------------------------------------------------- entry point


@cache
def _pipeline(language: str) -> Callable[[str], CleanedText]:
    steps: list[Cleaner] = [normalize_controls, normalize_unicode, normalize_spaces]
    if language in SUPPORTED_LANGUAGES:
        data = get_language_data(language)
        steps += [
            partial(
                split_glued_words,
                function_words=data.glue_function_words,
                name_openers=data.glue_name_openers,
                conjunctions=data.glue_conjunctions,
                left_endings=data.glue_left_endings,
                exceptions=data.glue_exceptions,
            ),
            partial(split_glued_sentences, abbreviations=data.abbreviations),
            partial(remove_inline_boilerplate, rules=data.inline_rules),
            partial(remove_boilerplate, rules=data.boilerplate_rules),
            remove_duplicate_headlines,
        ]
    steps.append(normalize_layout)
    return make_pipeline(*steps)


def clean_text(raw: str, *, language: str = "de") -> CleanedText:
    """Clean ``raw`` with the rules of ``language``; unsupported languages get only normalisation."""
    return _pipeline(language)(raw)
