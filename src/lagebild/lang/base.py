"""The one record that binds a language's tables (spaCy's ``Defaults`` idea).

Each ``lagebild.lang.<code>`` package builds a ``LanguageData`` from its own
modules as ``LANGUAGE_DATA``; stages read it through
``lagebild.lang.get_language_data(code)`` and never import a language package.
A stage that needs a new table adds a field here and sets it in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from lagebild.components.boilerplate import BoilerplateRule, InlineRule
from lagebild.components.event_lexicon import EventTables


@dataclass(frozen=True, slots=True)
class LanguageData:
    """The tables of one language."""

    code: str
    name: str
    # cleaning
    boilerplate_rules: tuple[BoilerplateRule, ...]
    inline_rules: tuple[InlineRule, ...]
    glue_function_words: tuple[str, ...]
    glue_name_openers: tuple[str, ...]
    glue_conjunctions: tuple[str, ...]
    glue_left_endings: tuple[str, ...]
    glue_exceptions: tuple[str, ...]
    # language and machine-translation signals
    foreign_words: tuple[tuple[str, tuple[str, ...]], ...]
    foreign_nouns: frozenset[str]
    foreign_excluded: frozenset[str]
    native_function_words: frozenset[str]
    lowercase_starts: frozenset[str]
    # segmentation
    abbreviations: tuple[str, ...]
    # table modules of later stages, read by their loaders
    signatures: ModuleType  # ingest: outlet and date signatures
    actors: ModuleType  # actors: role and sector nouns, endings
    quotes: ModuleType  # quotes: marks, cue verbs, Konjunktiv I
    events: EventTables  # events and dates: where their TSV tables are
