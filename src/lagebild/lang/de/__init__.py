"""German language data, bound in one object the core asks for by code.

``GermanData`` is a plain frozen dataclass whose fields default to the tables
of the modules in this package; a stage that needs another table adds a field
here (with its module-level default) and reads it from
``get_language_data("de")``.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from lagebild.components.boilerplate import BoilerplateRule, InlineRule
from lagebild.components.event_lexicon import EventTables
from lagebild.lang.de import abbreviations, actors, boilerplate, foreign, glue, quotes, signatures

#: Event lexicon, grammar cues, verb forms and date cues: TSV files in this package.
_EVENT_TABLES = EventTables(__name__)


@dataclass(frozen=True, slots=True)
class GermanData:
    """The German tables."""

    code: str = "de"
    name: str = "German"
    # cleaning
    boilerplate_rules: tuple[BoilerplateRule, ...] = boilerplate.RULES
    inline_rules: tuple[InlineRule, ...] = boilerplate.INLINE_RULES
    glue_function_words: tuple[str, ...] = glue.FUNCTION_WORDS
    glue_name_openers: tuple[str, ...] = glue.NAME_OPENERS
    glue_conjunctions: tuple[str, ...] = glue.CONJUNCTIONS
    glue_left_endings: tuple[str, ...] = glue.LEFT_ENDINGS
    glue_exceptions: tuple[str, ...] = glue.EXCEPTIONS
    # language and machine-translation signals
    foreign_words: tuple[tuple[str, tuple[str, ...]], ...] = foreign.FOREIGN_WORDS
    foreign_nouns: frozenset[str] = foreign.FOREIGN_NOUNS
    foreign_excluded: frozenset[str] = foreign.EXCLUDED
    native_function_words: frozenset[str] = foreign.NATIVE_FUNCTION_WORDS
    lowercase_starts: frozenset[str] = foreign.LOWERCASE_STARTS
    # segmentation
    abbreviations: tuple[str, ...] = abbreviations.ABBREVIATIONS
    # table modules of later stages, read by their loaders
    signatures: ModuleType = signatures  # ingest: outlet and date signatures
    actors: ModuleType = actors  # actors: role and sector nouns, endings
    quotes: ModuleType = quotes  # quotes: marks, cue verbs, Konjunktiv I
    # events and dates: where their TSV tables are
    events: EventTables = _EVENT_TABLES


LANGUAGE_DATA = GermanData()
