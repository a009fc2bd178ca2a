"""Boilerplate removal: a small rule engine over lines and paragraphs, driven by language data.

The rules themselves (``BoilerplateRule``, ``InlineRule``) are written in
``lagebild.lang.<code>.boilerplate``; this module compiles and applies them.
Every rule is anchored at a line or paragraph start and bounded in length, so
a body sentence that merely mentions "Telegram" or "Newsletter" is never
removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lagebild.components.edits import Edit, without_overlaps

__all__ = [
    "BoilerplateRule",
    "InlineRule",
    "compile_inline_rules",
    "compile_rules",
    "remove_boilerplate",
    "remove_duplicate_headlines",
    "remove_inline_boilerplate",
]


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
    keywords: tuple[str, ...] = ()  # lowercase literals, one must occur: a cheap first filter
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class InlineRule:
    """Boilerplate glued to the end of a line, e.g. a photo credit after its caption.

    ``pattern`` is searched line by line (``re.MULTILINE``) and should start
    with its keyword (fast to search); the match is removed when it is at most
    ``max_chars`` long, the text right before it ends with ``preceded_by`` and
    ``requires`` (if given) occurs in it.
    """

    reason: str
    pattern: str
    preceded_by: str | None = None
    requires: str | None = None
    max_chars: int = 100
    case_sensitive: bool = True


@dataclass(frozen=True, slots=True)
class _CompiledInline:
    rule: InlineRule
    pattern: re.Pattern[str]
    preceded_by: re.Pattern[str] | None
    requires: re.Pattern[str] | None


@cache
def _compile_inline(rules: tuple[InlineRule, ...]) -> tuple[_CompiledInline, ...]:
    out = []
    for rule in rules:
        flags = re.MULTILINE | (0 if rule.case_sensitive else re.IGNORECASE)
        out.append(
            _CompiledInline(
                rule,
                re.compile(rule.pattern, flags),
                re.compile(f"(?:{rule.preceded_by})\\Z", flags) if rule.preceded_by else None,
                re.compile(rule.requires, flags) if rule.requires else None,
            )
        )
    return tuple(out)


def remove_inline_boilerplate(
    text: str, *, rules: Sequence[InlineRule] | tuple[_CompiledInline, ...] = ()
) -> list[Edit]:
    """Remove boilerplate glued to the end of a line (a credit after its caption).

    ``rules`` may also be the result of ``compile_inline_rules`` (saves hashing
    the rule table on every call).
    """
    compiled = rules if rules and isinstance(rules[0], _CompiledInline) else None
    edits: list[Edit] = []
    for c in compiled or _compile_inline(tuple(rules)):
        for m in c.pattern.finditer(text):
            cut = m.group()
            if len(cut) > c.rule.max_chars or (c.requires and not c.requires.search(cut)):
                continue
            if c.preceded_by and not c.preceded_by.search(text, max(0, m.start() - 5), m.start()):
                continue
            edits.append(Edit(m.start(), m.end(), "", c.rule.reason))
    return without_overlaps(edits)


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


def compile_rules(rules: Sequence[BoilerplateRule]) -> _RuleSet:
    """Compile a boilerplate rule table once, for repeated ``remove_boilerplate`` calls."""
    return _compile_rules(tuple(rules))


def compile_inline_rules(rules: Sequence[InlineRule]) -> tuple[_CompiledInline, ...]:
    """Compile an inline rule table once, for repeated ``remove_inline_boilerplate`` calls."""
    return _compile_inline(tuple(rules))


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
    if rule.keywords:
        lowered = block.lower()
        if not any(k in lowered for k in rule.keywords):
            return None
    if c.requires:
        if not all(r.search(block) for r in c.requires):
            return None
        if sum(len(r.findall(block)) for r in c.requires) < rule.min_hits:
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


def remove_boilerplate(
    text: str, *, rules: Sequence[BoilerplateRule] | _RuleSet = ()
) -> list[Edit]:
    """Remove boilerplate lines and paragraphs described by ``rules`` (language data).

    Rules are anchored at line or paragraph starts and bounded in length, so a
    body sentence that merely mentions "Telegram" or "Newsletter" stays.
    ``rules`` may also be the result of ``compile_rules``.
    """
    ruleset = rules if isinstance(rules, _RuleSet) else _compile_rules(tuple(rules))
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
