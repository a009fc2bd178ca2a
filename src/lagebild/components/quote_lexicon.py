"""The language data the quote extractor needs, bound once per language.

The tables live in ``lagebild.lang.<code>.quotes``; this module only gathers
them into one typed, immutable object so the extractor never imports a
language module itself.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields
from functools import cache, lru_cache
from typing import Any

import simplemma

from lagebild.lang import get_language_data


@dataclass(frozen=True, slots=True)
class CueForm:
    """One reading of a surface word as a verb of saying."""

    lemma: str
    particle: str  # separable particle that must close the clause ("" if none)
    kind: str  # fin | final | part | inf
    #: words that must share the clause ("es" of "heißt es"), each given as its
    #: alternatives ("davon" or "von" of "geht davon aus", "geht von … aus")
    needs: tuple[frozenset[str], ...] = ()
    excludes: tuple[str, ...] = ()  # words that must not ("sich" of "kündigt sich an")
    #: particles that, closing the clause, make another verb ("sagte … ab" is "absagen")
    other_particles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Quotation marks, cue words and grammar words for one language."""

    code: str
    quote_pairs: tuple[tuple[str, str], ...]
    inner_openers: frozenset[str]
    cues: dict[str, tuple[CueForm, ...]]
    split_particles: frozenset[str]  # particles also written apart ("bekannt gab")
    passive_speaker_cues: frozenset[str]
    topic_cues: frozenset[str]
    impersonal_cues: frozenset[str]
    impersonal_prepositions: frozenset[str]
    reported_cues: frozenset[str]
    source_prepositions: frozenset[str]
    source_postpositions: frozenset[str]
    source_noun_prepositions: frozenset[str]
    source_noun_endings: tuple[str, ...]
    so_words: frozenset[str]
    so_adverbs: frozenset[str]
    as_words: frozenset[str]
    predicative_words: frozenset[str]  # "als" before a quoted judgement ("als „Fehler“ …")
    as_source_attributes: frozenset[str]
    source_adverbs: frozenset[str]
    complementizers: frozenset[str]
    cue_negations: frozenset[str]
    cue_clause_openers: dict[str, tuple[str, ...]]
    adverbial_conjunctions: frozenset[str]
    konjunktiv_i: frozenset[str]
    konjunktiv_i_exclude: frozenset[str]
    konjunktiv_ii: frozenset[str]
    first_person: frozenset[str]
    reportative_modals: frozenset[str]
    pronouns: dict[str, tuple[str, str]]
    determiners: frozenset[str]
    genitive_determiners: frozenset[str]
    np_continuations: frozenset[str]
    office_prepositions: frozenset[str]
    office_endings: tuple[str, ...]
    name_particles: frozenset[str]
    np_stopwords: frozenset[str]
    addressee_prepositions: frozenset[str]
    auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    plural_verb_endings: tuple[str, ...]
    feminine_role_endings: tuple[str, ...]
    feminine_determiners: frozenset[str]
    masculine_determiners: frozenset[str]
    neuter_determiners: frozenset[str]
    feminine_noun_endings: tuple[str, ...]
    female_first_names: frozenset[str]
    male_first_names: frozenset[str]
    male_names_ending_in_a: frozenset[str]
    prepositions: frozenset[str]
    dative_determiners: frozenset[str]
    relative_pronouns: frozenset[str]
    konjunktiv_i_ending: str
    sentence_adverbs: frozenset[str]
    nouns_capitalised: bool
    object_determiners: frozenset[str]
    number_by_verb_pronouns: frozenset[str]
    plural_only_dative_determiners: frozenset[str]
    plural_dative_ending: str
    agent_prepositions: frozenset[str]
    adjective_endings: tuple[str, ...]
    genitive_adjective_ending: str
    np_conjunctions: frozenset[str] = frozenset()
    correlative_conjunctions: dict[str, str] = field(default_factory=dict)  # "sowohl … als"
    reflexives: frozenset[str] = frozenset()
    focus_particles: frozenset[str] = frozenset()
    leading_conjunctions: frozenset[str] = frozenset()
    nominative_pronouns: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()
    generic_pronouns: frozenset[str] = frozenset()  # "man": no one in particular
    hortative_verbs: frozenset[str] = frozenset()  # "Lasst uns sagen, …": no subject
    back_reference_particles: frozenset[str] = frozenset()  # "das zumindest meint X"
    verb_forms: frozenset[str] = frozenset()  # finite forms that end like adjectives
    source_words: frozenset[str] = frozenset()  # the words a source phrase can start at
    pronominal_adverb_starts: tuple[str, ...] = ()  # "davor", "darüber": an object
    participle_endings: tuple[str, ...] = ()  # present participles used as adverbs
    verb_only_participle_endings: tuple[str, ...] = ()  # endings no noun has
    np_breaks: frozenset[str] = frozenset()  # closed-class words no lower-case NP runs over
    possessive_markers: frozenset[str] = frozenset()  # "'s": the possessor opens the phrase
    # SVO attribution: "X said (that) …" with no comma, "“…,” X said." with the subject first
    clause_follows_cue: bool = False
    clause_punctuation: frozenset[str] = frozenset({",", ":"})  # what opens a reported clause
    bare_clause_cues: frozenset[str] = frozenset()  # lemmas reporting a clause without "that"
    finite_verbs: frozenset[str] = frozenset()  # auxiliaries and modals marking a clause
    passive_participles: frozenset[str] = frozenset()  # "worden": the clause is passive
    sourceless_cues: frozenset[str] = frozenset()  # impersonal cues with no "in X" source
    infinitive_markers: frozenset[str] = frozenset()  # "zu": "… gewesen zu sein" is reported
    infinitive_infix: str = ""  # "einzusetzen": the particle inside a separable verb
    infinitive_endings: tuple[str, ...] = ()  # endings of such an infinitive ("-en", "-ern")
    past_tense_ending: str = ""  # "-ed": a clause after "said" has a finite verb
    irregular_past: frozenset[str] = frozenset()  # "spoke", "met": a verb, not a noun
    cue_nouns: frozenset[str] = frozenset()  # cue forms that are nouns in a phrase
    #: words opening an adverbial clause besides the conjunctions ("da", "sodass")
    adverbial_openers: frozenset[str] = frozenset()
    frame_openers: frozenset[str] = frozenset()  # "Angesprochen auf …, sagte X, …"
    frame_nouns: frozenset[str] = frozenset()  # "Auf die Frage, ob …, sagte X, …"
    #: conjunctions of an infinitive clause of purpose or manner ("um … zu")
    infinitive_conjunctions: frozenset[str] = frozenset()
    #: prepositions of a time phrase between a verb and its subject ("sagte am Montag der
    #: Minister"), and articles that only ever open a genitive ("am Rande des Gipfels")
    time_prepositions: frozenset[str] = frozenset()
    genitive_only: frozenset[str] = frozenset()
    #: interview labels that name nobody ("Frage:", "Antwort:"): their turns are no record
    generic_turn_labels: frozenset[str] = frozenset()
    #: endings of participles used as adjectives ("vertraute", "geborene", "lebende")
    participle_adjective_endings: tuple[str, ...] = ()
    #: derivational endings only adjectives have ("-isch", "-lich"), before the inflection
    adjective_suffixes: tuple[str, ...] = ()
    #: relative pronouns that are subjects ("der", "welcher"): "der alle Bürger aufforderte"
    nominative_relatives: frozenset[str] = frozenset()
    #: relative pronouns that never stand before a noun ("denen"), unlike "dessen Angaben"
    standalone_relatives: frozenset[str] = frozenset()
    #: pronouns only ever objects ("ihn", "ihm"): a clause opened by one is no main clause
    object_pronouns: frozenset[str] = frozenset()
    #: per cue lemma, prepositions whose phrase in the cue's clause is what was said
    #: ("wies auf die Gefahr hin"): the clause after its comma is no message
    object_prepositions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: articles that never open a dative phrase: "die Staatsanwaltschaft Medienberichten
    #: zufolge" is a subject and then the source ("zufolge" governs the dative)
    non_dative_determiners: frozenset[str] = frozenset()
    quotation_cues: frozenset[str] = frozenset()  # lemmas that are cues only beside a quote
    # lemmas that report in an as-clause whatever else they need ("wie eine Umfrage zeigt")
    as_clause_cues: frozenset[str] = frozenset()
    # "ich", "wir" outside a quotation: the writer's voice, never an earlier speaker
    writer_pronouns: frozenset[str] = frozenset()
    # pronouns only alone before the verb ("Dieser sagte"), else determiners
    demonstratives: dict[str, tuple[str, str]] = field(default_factory=dict)
    # quantifiers that are the subject alone before the verb ("Einige sagen, …")
    indefinite_pronouns: frozenset[str] = frozenset()
    # articles of a date in apposition (", dem 27. März,"): the verb's clause runs on
    # after it to its particle ("gab am Montag, dem 27. März, … bekannt"), and a report
    # after the verb starts after it
    date_apposition_articles: frozenset[str] = frozenset()
    # -- speaker phrases
    # names written in lower case ("laut dpa", "der taz")
    lower_case_names: frozenset[str] = frozenset()
    # months, whose year belongs to the phrase ("vom November 2011")
    months: frozenset[str] = frozenset()
    # nouns whose number belongs to the phrase ("Artikel 65")
    numbered_nouns: frozenset[str] = frozenset()
    # nouns of time: "in der Nacht" after a speaker is when, not where
    time_nouns: frozenset[str] = frozenset()
    adverbial_time_nouns: frozenset[str] = frozenset()  # "Diese Woche sagte X": no subject
    weekdays: frozenset[str] = frozenset()  # "heute, Freitag,": a day in apposition
    # prepositions setting a time in relation to an event ("Wenige Wochen vor der Wahl")
    time_relation_prepositions: frozenset[str] = frozenset()
    # prepositions of a place that belongs to a role's phrase ("ein Sprecher in Koblenz")
    place_prepositions: frozenset[str] = frozenset()
    # -- sources
    # words that make a source preposition temporal ("sechs Tage nach der Veröffentlichung")
    temporal_before_source: frozenset[str] = frozenset()
    # where a source noun's information comes from ("Angaben aus Justizkreisen")
    origin_prepositions: frozenset[str] = frozenset()
    # a source that is the subject's own account ("nach eigenen Angaben")
    own_account_words: frozenset[str] = frozenset()
    # "für X" next to a form of "sein" names whose judgement a quotation is
    judging_prepositions: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    # a phrase that makes any verb of its clause one of saying ("lehnte mit den Worten ab:"),
    # as the alternatives of each of its words
    words_phrase: tuple[frozenset[str], ...] = ()

    def pronoun(self, low: str) -> tuple[str, str] | None:
        """(gender, number) of a subject pronoun or demonstrative standing alone."""
        return self.pronouns.get(low) or self.demonstratives.get(low)

    @property
    def openers(self) -> frozenset[str]:
        return frozenset(o for o, _ in self.quote_pairs)

    def closers_for(self, opener: str) -> frozenset[str]:
        return frozenset(c for o, c in self.quote_pairs if o == opener)


@lru_cache(maxsize=65536)
def dictionary_form(word: str, code: str) -> str:
    """The dictionary form of ``word`` in language ``code`` (simplemma, cached per word).

    As written: a capitalised word the dictionary knows only in lower case
    ("Besorgt", "Insbesondere") gets a lower-case lemma, a name or noun keeps
    its capital.
    """
    return simplemma.lemmatize(word, lang=code)


def _quote_module(code: str) -> Any:
    """The language's quote tables, from the language registry."""
    return get_language_data(code).quotes


#: Fields whose table in the language module has another name than the field's.
_TABLE_NAMES: dict[str, str] = {
    "inner_openers": "INNER_QUOTE_OPENERS",
    "impersonal_prepositions": "IMPERSONAL_SOURCE_PREPOSITIONS",
    "demonstratives": "DEMONSTRATIVE_PRONOUNS",
}
#: Fields built here rather than read from one table.
_BUILT = frozenset({"code", "cues", "verb_forms", "source_words"})


def _bind_table(m: Any, f: Field[Any]) -> Any:
    """The language module's table for field ``f``: the upper-case field name (or its
    entry in ``_TABLE_NAMES``), as a tuple or dict where the field is one. A field
    without a default must be defined by every language; one with a default may be left out.
    """
    name = _TABLE_NAMES.get(f.name, f.name.upper())
    if f.default is not MISSING or f.default_factory is not MISSING:
        fallback = f.default if f.default is not MISSING else f.default_factory()
        value = getattr(m, name, fallback)
    else:
        value = getattr(m, name)
    kind = str(f.type)
    if kind.startswith("tuple"):
        return tuple(value)
    if kind.startswith("dict"):
        return dict(value)
    return value


@cache
def load_quote_lexicon(code: str) -> QuoteLexicon:
    """Bind the quote data of language ``code`` (loaded once per process)."""
    m = _quote_module(code)
    cues = {
        form: tuple(
            CueForm(
                lemma,
                particle,
                kind,
                tuple(frozenset(need.split("|")) for need in m.CUE_NEEDS.get(lemma, ())),
                tuple(m.CUE_EXCLUDES.get(lemma, ())),
                frozenset(getattr(m, "OTHER_VERB_PARTICLES", {}).get(lemma, ())),
            )
            for lemma, particle, kind in entries
        )
        for form, entries in m.cue_forms().items()
    }
    tables = {f.name: _bind_table(m, f) for f in fields(QuoteLexicon) if f.name not in _BUILT}
    return QuoteLexicon(
        code=code,
        cues=cues,
        # words that never open or extend a noun phrase ("Ursache dürfte … zufolge")
        verb_forms=getattr(m, "VERB_FORMS", frozenset())
        | m.AUXILIARIES
        | m.KONJUNKTIV_I
        | m.KONJUNKTIV_II
        | m.REPORTATIVE_MODALS,
        # a cheap first test for the source phrases ("laut", "zufolge", "so", "according")
        source_words=frozenset(p.split()[0] for p in m.SOURCE_PREPOSITIONS)
        | m.SOURCE_POSTPOSITIONS
        | m.SOURCE_NOUN_PREPOSITIONS
        | m.SO_WORDS
        | m.SOURCE_ADVERBS,
        **tables,
    )
