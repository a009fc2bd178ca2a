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

The edit and offset machinery lives in ``lagebild.components.edits``, the
boilerplate rule engine in ``lagebild.components.boilerplate``; this module
holds the character and glued-word cleaners and ``clean_text``, and re-exports
the rest. Which lines are boilerplate and which words glue is language data
(``lagebild.lang.<code>``: ``boilerplate_rules``, ``inline_rules``,
``glue_*``, ``abbreviations``); the code only knows how to apply it.

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
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial

from lagebild.components.boilerplate import (
    BoilerplateRule,
    InlineRule,
    compile_inline_rules,
    compile_rules,
    remove_boilerplate,
    remove_duplicate_headlines,
    remove_inline_boilerplate,
)
from lagebild.components.edits import (
    NORMALISATION_REASONS,
    CleanedText,
    Cleaner,
    Edit,
    apply_edits,
    make_pipeline,
    without_overlaps,
)
from lagebild.lang import SUPPORTED_LANGUAGES, get_language_data

__all__ = [
    "NORMALISATION_REASONS",
    "BoilerplateRule",
    "CleanedText",
    "Cleaner",
    "Edit",
    "InlineRule",
    "apply_edits",
    "clean_text",
    "compile_inline_rules",
    "compile_rules",
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

# --------------------------------------------------------------------------- characters

# Regexes here start with a literal or a character class wherever possible:
# Python's ``re`` then skips quickly to candidate positions, while a leading
# look-behind or alternation costs a full attempt at every character.
_CONTROL_CHARS = (
    "\r\u2028\u2029\u000b\u000c\u0085\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e"
    "\x00-\x08\x0e-\x1f\x7f"
)
_CONTROL_ANY_RE = re.compile(f"[{_CONTROL_CHARS}]")
_CONTROL_RE = re.compile(
    r"(?P<newline>\r\n?|[\u2028\u000b\u000c\u0085])"
    r"|(?P<paragraph>\u2029)"
    r"|(?P<invisible>[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e]+)"
    r"|(?P<control>[\x00-\x08\x0e-\x1f\x7f]+)"
)
_CONTROL_REPLACEMENT = {"newline": "\n", "paragraph": "\n\n", "invisible": "", "control": ""}


def normalize_controls(text: str) -> list[Edit]:
    """Unify line breaks to ``\\n``; drop soft hyphens, zero-width and control characters."""
    if _CONTROL_ANY_RE.search(text) is None:
        return []
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
_EXOTIC_SPACE_RE = re.compile(_EXOTIC_SPACE)
_SPACE_RE = re.compile(
    rf"(?P<edge>^{_SPACE}+|{_SPACE}+$)|(?P<run>{_SPACE}{{2,}}|{_EXOTIC_SPACE})", re.MULTILINE
)
_PLAIN_RUN_RE = re.compile(r"  +")
_PLAIN_EDGE_RE = re.compile(r" +(?=\n|\Z)|\n( +)|\A( +)")


def _has_space_edge(text: str) -> bool:
    return " \n" in text or "\n " in text or text.startswith(" ") or text.endswith(" ")


def _plain_space_edits(text: str, reason: str) -> list[Edit]:
    """Collapse runs of plain spaces and trim them at line edges (the common, fast case)."""
    edits: list[Edit] = []
    if _has_space_edge(text):
        for m in _PLAIN_EDGE_RE.finditer(text):
            group = 1 if m.group(1) else 2 if m.group(2) else 0
            edits.append(Edit(m.start(group), m.end(group), "", reason))
    if "  " in text:
        edits.extend(Edit(m.start(), m.end(), " ", reason) for m in _PLAIN_RUN_RE.finditer(text))
    return without_overlaps(edits)


def normalize_spaces(text: str) -> list[Edit]:
    """Turn non-breaking and other exotic spaces into spaces, collapse runs, trim line edges."""
    if _EXOTIC_SPACE_RE.search(text) is None:
        return _plain_space_edits(text, "space")
    return [
        Edit(m.start(), m.end(), "" if m.lastgroup == "edge" else " ", "space")
        for m in _SPACE_RE.finditer(text)
    ]


_BLANK_RUN_RE = re.compile(r"\n\n\n+")


def normalize_layout(text: str) -> list[Edit]:
    """Keep at most one blank line between paragraphs and none at the ends; trim line edges.

    Runs last, to tidy the gaps that removed lines leave behind.
    """
    edits = _plain_space_edits(text, "layout") if _has_space_edge(text) else []
    head = len(text) - len(text.lstrip("\n"))
    tail = len(text) - len(text.rstrip("\n")) if head < len(text) else 0
    if head:
        edits.append(Edit(0, head, "", "layout"))
    if tail:
        edits.append(Edit(len(text) - tail, len(text), "", "layout"))
    if "\n\n\n" in text:
        edits.extend(
            Edit(m.start(), m.end(), "\n\n", "layout")
            for m in _BLANK_RUN_RE.finditer(text, head, len(text) - tail)
        )
    return without_overlaps(edits)


# --------------------------------------------------------------------------- glued words

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
#: a lowercase letter followed by a capitalised word of 3+ letters; shorter
#: right parts are acronyms or units ("dieUSA", "kWh") and stay
_SEAM_RE = re.compile(rf"[{_UPPER}](?<=[{_LOWER}][{_UPPER}])(?=[{_LOWER}]{{2}})")
_WORD_BEFORE_RE = re.compile(r"[^\W\d_]+\Z")
_WORD_FROM_RE = re.compile(r"[^\W\d_]+")


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def _conjunction_re(conjunctions: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt(conjunctions)})(?![^\W\d_])")


@cache
def _word_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


@cache
def _abbreviation_set(abbreviations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.replace(" ", "") for a in abbreviations)


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE_RE.search(text, max(0, pos - 40), pos)
    return m.group() if m else ""


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

    Conservative by construction: a lowercase-to-capital seam is split only
    when the left piece is a whole listed closed-class word ("demMiguel") or
    the right piece is a listed title ("erklärtePräsident"); a glued
    conjunction ("genanntund") only when the left piece ends like a verb form
    (``left_endings``) and is 5+ letters long. Camel-case names ("McDonald",
    "iPhone", "DeutschlandTicket") and listed brands (``exceptions``:
    "derStandard") are kept.
    """
    edits: list[Edit] = []
    skip = _word_set(tuple(exceptions))
    if function_words or name_openers:
        words = _word_set(tuple(function_words))
        openers = _word_set(tuple(name_openers))
        for m in _SEAM_RE.finditer(text):
            pos = m.start()
            left = _word_before(text, pos)
            right = _WORD_FROM_RE.match(text, pos)
            right_word = right.group() if right else ""
            if left + right_word in skip:
                continue
            if left in words or (len(left) >= 3 and left.islower() and right_word in openers):
                edits.append(Edit(pos, pos, " ", "glued_word"))
    if conjunctions and left_endings:
        endings = tuple(left_endings)
        for m in _conjunction_re(tuple(conjunctions)).finditer(text):
            pos = m.start()
            if pos == 0 or not text[pos - 1].isalpha():
                continue  # a free-standing "und"
            left = _word_before(text, pos)
            if len(left) >= 5 and left.islower() and left.endswith(endings) and left not in skip:
                edits.append(Edit(pos, pos, " ", "glued_word"))
    return edits


_GLUED_SENTENCE_RE = re.compile(rf"[.!?](?=[{_UPPER}][{_LOWER}])")
_TOKEN_BEFORE_RE = re.compile(r"\S+\Z")


def split_glued_sentences(text: str, *, abbreviations: Sequence[str] = ()) -> list[Edit]:
    """Insert the space after a sentence glued to the next ("Canberra.Letzten").

    The left side must end in two letters. Left alone: web and e-mail
    addresses (the token holds "/", "@", "www." or an earlier period;
    "Antiwar.com" never matches anyway because its right side is lowercase)
    and listed abbreviations ("Nr.Eins").
    """
    abbrevs = _abbreviation_set(tuple(abbreviations))
    edits: list[Edit] = []
    for m in _GLUED_SENTENCE_RE.finditer(text):
        pos = m.start()
        if pos < 2 or not (text[pos - 1].isalpha() and text[pos - 2].isalpha()):
            continue
        if text[pos] != "." and not text[pos - 1].islower():
            continue  # "FRITZ!Box": a capital before "!" is a brand name, not a sentence end
        left = _TOKEN_BEFORE_RE.search(text, max(0, pos - 80), pos)
        token = left.group() if left else ""
        if "/" in token or "@" in token or "." in token or token.lower().startswith("www"):
            continue
        if token + "." in abbrevs:
            continue
        edits.append(Edit(m.end(), m.end(), " ", "glued_sentence"))
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
            partial(remove_inline_boilerplate, rules=compile_inline_rules(data.inline_rules)),
            partial(remove_boilerplate, rules=compile_rules(data.boilerplate_rules)),
            remove_duplicate_headlines,
        ]
    steps.append(normalize_layout)
    return make_pipeline(*steps)


def clean_text(raw: str, *, language: str | None = "de") -> CleanedText:
    """Clean ``raw`` with the rules of ``language``.

    Unsupported languages get only Unicode and whitespace normalisation.
    ``language=None`` identifies the language of ``raw`` first (for inputs
    whose language is not known before cleaning).
    """
    if language is None:
        from lagebild.components.language import detect_language

        language = detect_language(raw, supported=SUPPORTED_LANGUAGES)
    return _pipeline(language)(raw)
