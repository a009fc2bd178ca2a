"""English language data, bound in one ``LanguageData`` the core asks for by code."""

from __future__ import annotations

from lagebild.components.event_lexicon import EventTables
from lagebild.lang.base import LanguageData
from lagebild.lang.en import abbreviations, actors, boilerplate, foreign, glue, quotes, signatures

LANGUAGE_DATA = LanguageData(
    code="en",
    name="English",
    boilerplate_rules=boilerplate.RULES,
    inline_rules=boilerplate.INLINE_RULES,
    glue_function_words=glue.FUNCTION_WORDS,
    glue_name_openers=glue.NAME_OPENERS,
    glue_conjunctions=(),  # no safe conjunction seams in English
    glue_left_endings=(),
    glue_exceptions=glue.EXCEPTIONS,
    foreign_words=foreign.FOREIGN_WORDS,
    foreign_nouns=foreign.FOREIGN_NOUNS,
    foreign_excluded=foreign.EXCLUDED,
    native_function_words=foreign.NATIVE_FUNCTION_WORDS,
    lowercase_starts=foreign.LOWERCASE_STARTS,
    abbreviations=abbreviations.ABBREVIATIONS,
    signatures=signatures,
    actors=actors,
    quotes=quotes,
    # event lexicon, grammar cues, verb forms and date cues: TSV files in this package
    events=EventTables(__name__),
)
