"""Language: identify the document language, flag foreign passages and machine-translation tells.

Runs on the cleaned text (offsets of every signal point into it). Language
identification uses py3langid restricted to a fixed set of languages (fewer
classes is faster and avoids exotic confusions); its model is loaded once, on
first use. Machine-translation tells are found with word lists that are
language data (``lagebild.lang.<code>.foreign``):

* ``foreign_function_word``: a source-language function word, discourse marker
  or internationalism left inside a native sentence ("Sin embargo, die …",
  "Das Treffen coincides mit …", "die strategische Alliance zwischen …"). A hit
  counts only between native words, so foreign titles and names ("The
  Guardian", "Alliance Française") and whole foreign passages do not.
* ``lowercase_start``: a paragraph that starts with a lowercase word that is
  not a name particle or lowercase brand ("trotz der Allianz …").
* ``foreign_passage`` (``find_foreign_passages``): sentences in another
  language, found by a low share of native function words and confirmed by
  the language identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from lagebild.lang import SUPPORTED_LANGUAGES, get_language_data
from lagebild.model import Signal

__all__ = ["CANDIDATE_LANGUAGES", "detect_language", "find_foreign_passages", "find_mt_signals"]

#: Languages the identifier chooses between: the supported ones plus those
#: most often met in international news feeds, so that an article in one of
#: them is reported with its own code instead of being forced to "de" or "en".
CANDIDATE_LANGUAGES: tuple[str, ...] = (
    "de",
    "en",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "uk",
    "tr",
    "ar",
    "zh",
    "ja",
    "sv",
    "cs",
)

SAMPLE_CHARS = 800  # news prose is identified reliably from a paragraph; cost grows with length
MIN_LETTERS = 20  # below this the identifier guesses; fall back to the default
MIN_CONFIDENCE = 0.5  # normalised probability below which the default is kept
# Shortcut before the identifier: a text whose words are clearly the function
# words of one supported language is that language (measured on 1,028 German
# news articles: German share 0.22-0.6, median 0.36; English share at most 0.12;
# English news has a German share near 0). Everything less clear-cut goes to py3langid.
SHORTCUT_MIN_WORDS = 40  # enough words for the shares to mean something
SHORTCUT_MIN_SHARE = 0.25  # the winning language's function-word share
SHORTCUT_MAX_OTHER = 0.1  # every other supported language's share
PASSAGE_MIN_WORDS = 6  # shorter sentences (headings, names, quotes of a word) are not judged
PASSAGE_MAX_NATIVE_SHARE = 0.1  # native prose has ~0.3-0.45 function words; a foreign sentence ~0
PASSAGE_MIN_CONFIDENCE = 0.9  # the identifier must be sure before a passage is called foreign

_LETTER_RE = re.compile(r"[^\W\d_]")
#: a sentence, or the part after a colon ("Er schrieb auf X: We will …")
_SENTENCE_RE = re.compile(r"[^\n.!?:]+[.!?…:]*")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)([^\w.!?;:\n]*)$")
_NEXT_WORD_RE = re.compile(r"([^\w.!?;:\n]*)([^\W\d_]+)")
_PARAGRAPH_START_RE = re.compile(r"\n\n([^\W\d_][\w'’-]*)")
_FIRST_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_PUNCTUATION = ".,;:!?()[]{}\"'„“”«»‚‘’‹›–—…/*"


@cache
def _identifier(languages: tuple[str, ...]) -> Any:
    """A py3langid identifier restricted to ``languages`` (loaded once per set)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(identifier.nb_classes)
    identifier.set_languages([code for code in languages if code in known])
    return identifier


def _candidates(supported: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(supported) | set(CANDIDATE_LANGUAGES)))


def detect_language(
    text: str, *, supported: tuple[str, ...] = ("de", "en"), default: str = "de"
) -> str:
    """ISO 639-1 code of ``text``; ``default`` when the text is too short or unclear.

    Languages outside ``supported`` are still reported by their own code, so
    that the caller can decide what to do with them.
    """
    sample = text[:SAMPLE_CHARS]
    words = sample.lower().split()
    shortcut = _shortcut(words, tuple(supported))
    if shortcut is not None:
        return shortcut
    if len(_LETTER_RE.findall(sample)) < MIN_LETTERS:
        return default
    code, confidence = _identifier(_candidates(tuple(supported))).classify(sample)
    if confidence < MIN_CONFIDENCE:
        return default
    return str(code)


def _shortcut(words: list[str], supported: tuple[str, ...]) -> str | None:
    """The supported language whose function words clearly dominate ``words``, if any."""
    if len(words) < SHORTCUT_MIN_WORDS:
        return None
    shares = {
        code: sum(map(_foreign_index(code).native.__contains__, words)) / len(words)
        for code in supported
        if code in SUPPORTED_LANGUAGES
    }
    if not shares:
        return None
    best = max(shares, key=shares.__getitem__)
    if shares[best] < SHORTCUT_MIN_SHARE:
        return None
    if any(share > SHORTCUT_MAX_OTHER for code, share in shares.items() if code != best):
        return None
    return best


@dataclass(frozen=True, slots=True)
class _ForeignIndex:
    """Foreign word lists of one host language, ready for lookup."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (phrase, lang)
    firsts: frozenset[str]  # the keys of ``by_first``
    foreign: frozenset[str]  # every word of every entry
    nouns: frozenset[str]
    native: frozenset[str]
    lowercase_starts: frozenset[str]


@cache
def _foreign_index(language: str) -> _ForeignIndex:
    data = get_language_data(language)
    excluded = data.foreign_excluded
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    seen: set[str] = set()
    for code, entries in data.foreign_words:
        for entry in entries:
            if entry in excluded or entry in seen:
                continue
            seen.add(entry)
            words = tuple(entry.split())
            by_first.setdefault(words[0], []).append((words, code))
    ordered = {
        first: tuple(sorted(phrases, key=lambda p: -len(p[0])))
        for first, phrases in by_first.items()
    }
    foreign = frozenset(w for entry in seen for w in entry.split()) - excluded
    return _ForeignIndex(
        ordered,
        frozenset(ordered),
        foreign,
        data.foreign_nouns,
        data.native_function_words,
        data.lowercase_starts,
    )


@lru_cache(maxsize=512)  # one per set of words present: bounded over a long run
def _hit_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    # not part of a longer word, a domain ("Antiwar.com") or an address
    return re.compile(rf"(?<![\w.@/-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def _phrase_end(text: str, start: int, words: tuple[str, ...]) -> int | None:
    """End of ``words`` in ``text`` from ``start`` (single spaces or line-internal whitespace)."""
    pos = start
    for i, word in enumerate(words):
        if i:
            gap = len(text[pos:]) - len(text[pos:].lstrip(" "))
            if gap == 0:
                return None
            pos += gap
        if text[pos : pos + len(word)].lower() != word:
            return None
        pos += len(word)
    if pos < len(text) and (text[pos].isalnum() or text[pos] == "-"):
        return None
    return pos


def _foreign_word_signals(text: str, index: _ForeignIndex) -> list[Signal]:
    tokens = set(text.lower().split())
    present = {t.strip(_PUNCTUATION) for t in tokens} & index.firsts
    if not present:
        return []
    signals: list[Signal] = []
    last_end = -1
    for m in _hit_pattern(frozenset(present)).finditer(text):
        if m.start() < last_end:
            continue
        hit = _longest_entry(text, m.start(), index.by_first.get(m.group().lower(), ()))
        if hit is None:
            continue
        end, words, code = hit
        if not _between_native_words(text, m.start(), end, words, index):
            continue
        signal_text = text[m.start() : end]
        signals.append(Signal(m.start(), end, "foreign_function_word", signal_text, code))
        last_end = end
    return signals


def _longest_entry(
    text: str, start: int, entries: tuple[tuple[tuple[str, ...], str], ...]
) -> tuple[int, tuple[str, ...], str] | None:
    """The longest listed entry at ``start`` (entries come longest first): end, words, language."""
    for words, code in entries:
        end = _phrase_end(text, start, words)
        if end is not None:
            return end, words, code
    return None


def _between_native_words(
    text: str, start: int, end: int, words: tuple[str, ...], index: _ForeignIndex
) -> bool:
    """Whether a foreign hit sits inside a native sentence, not in a name or a foreign passage."""
    before = _PREV_WORD_RE.search(text, max(0, start - 60), start)
    after = _NEXT_WORD_RE.match(text, end)
    prev = before.group(1) if before else None
    nxt = after.group(2) if after else None
    if (prev and prev.lower() in index.foreign) or (nxt and nxt.lower() in index.foreign):
        return False  # a run of foreign words: a title, a name or a foreign passage
    if not ((prev and prev.lower() in index.native) or (nxt and nxt.lower() in index.native)):
        return False
    capitalised = text[start].isupper()
    if capitalised and nxt and nxt[0].isupper():
        return False  # "The Guardian", "Alliance Française": a name
    sentence_start = prev is None
    noun = " ".join(words) in index.nouns
    return not (capitalised and not sentence_start and not noun)  # "Han", "Said": names


def _lowercase_start_signals(text: str, index: _ForeignIndex) -> list[Signal]:
    signals = []
    first = _FIRST_WORD_RE.match(text)
    starts = [(first.start(), first.end())] if first else []
    starts += [m.span(1) for m in _PARAGRAPH_START_RE.finditer(text)]
    for start, end in starts:
        word = text[start:end]
        if not word[0].islower() or word.lower() in index.lowercase_starts:
            continue
        if any(ch.isupper() for ch in word[1:]):
            continue  # "iPhone", "eBay": written so on purpose
        signals.append(Signal(start, end, "lowercase_start", word, None))
    return signals


def find_mt_signals(text: str, *, language: str) -> list[Signal]:
    """Machine-translation tells in ``text`` (a document in ``language``), in text order."""
    if language not in SUPPORTED_LANGUAGES:
        return []
    index = _foreign_index(language)
    signals = _foreign_word_signals(text, index) + _lowercase_start_signals(text, index)
    return sorted(signals, key=lambda s: (s.start, s.end))


def find_foreign_passages(text: str, *, language: str) -> list[Signal]:
    """Sentences of ``text`` written in another language than ``language``; adjacent ones merged.

    A sentence is judged only when it has few native function words, so the
    identifier runs on a handful of candidates instead of every sentence.
    """
    if language not in SUPPORTED_LANGUAGES:
        return []
    native = _foreign_index(language).native
    passages: list[Signal] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") change length when lowercased
        lowered = text
    for m in _SENTENCE_RE.finditer(lowered):
        words = m.group().lower().split()
        if len(words) < PASSAGE_MIN_WORDS:
            continue
        share = sum(map(native.__contains__, words)) / len(words)
        if share > PASSAGE_MAX_NATIVE_SHARE:
            continue
        sentence = text[m.start() : m.end()]
        # loaded on the first candidate sentence (0.4 s): most texts have none
        code, confidence = _identifier(_candidates(SUPPORTED_LANGUAGES)).classify(sentence)
        if code == language or confidence < PASSAGE_MIN_CONFIDENCE:
            continue
        start = m.start() + len(sentence) - len(sentence.lstrip())
        end = m.end()
        previous = passages[-1] if passages else None
        if previous and previous.language == code and not text[previous.end : start].strip():
            start = previous.start
            passages.pop()
        passages.append(Signal(start, end, "foreign_passage", text[start:end], str(code)))
    return passages
