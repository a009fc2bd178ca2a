"""Load the event lexicon and grammar cues of a language, and match triggers.

The lexicon (``lang/<code>/events.tsv``), the grammar cues
(``lang/<code>/event_cues.tsv``) and the irregular verb forms
(``lang/<code>/verb_forms.tsv``) are plain tables; this module reads them once
per language and answers "which lexicon rows can this token start?". No
language knowledge lives here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import simplemma

#: A noun entry matches a compound ending in it only when the part in front is
#: at least this long, so "Reise" does not match "Preise" but "Staatsbesuch"
#: matches "Besuch".
MIN_COMPOUND_PREFIX = 3


@dataclass(frozen=True, slots=True)
class LexRow:
    """One lexicon row: a trigger lemma and the CAMEO code it gives under its conditions."""

    lemma: str
    pos: str  # V | N | A | L
    code: str
    target_preps: tuple[str, ...] = ()
    prep_required: bool = False
    themes: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    light_verb: str | None = None  # for L rows: the verb lemma that goes with the noun

    @property
    def weak(self) -> bool:
        return "weak" in self.flags

    @property
    def is_say(self) -> bool:
        return "say" in self.flags


@dataclass(frozen=True, slots=True)
class Cues:
    """Grammar cue tables of one language (see ``event_cues.tsv``)."""

    cases: dict[str, frozenset[str]]
    preps: frozenset[str]
    agent_preps: frozenset[str]
    location_preps: frozenset[str]
    particles: frozenset[str]
    subordinators: frozenset[str]
    relatives: dict[str, frozenset[str]]
    clause_conj: frozenset[str]
    aux: dict[str, str]
    reflexives: frozenset[str]
    negations: frozenset[str]
    modality_words: dict[str, str]  # future / hypothetical / reported / opinion cue words
    conj: frozenset[str]
    quotes: frozenset[str]
    temporal: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()  # "beraten über die Ukraine": a topic, not a target
    patient_preps: frozenset[str] = frozenset()  # "unter Kritik stehen": the subject suffers it
    closed_preps: frozenset[str] = frozenset()  # "zwischen X und Y": no outer frame reaches in
    origin_preps: frozenset[str] = frozenset()  # "Truppen aus Mordor": where a noun comes from
    occasion_preps: frozenset[str] = frozenset()  # "sagte bei einer UN-Konferenz": where, not whom
    reciprocal_preps: frozenset[str] = frozenset()  # "Treffen zwischen X und Y": both are sources
    weak_endings: tuple[str, ...] = ()  # past/participle endings of regular verbs ("te", "t")
    participle_prefix: str = ""  # "ge" in "gewarnt"
    infinitive_endings: tuple[tuple[str, int], ...] = ()  # ("en", 2): letters to drop for the stem
    linking_e_after: tuple[str, ...] = ()  # stem endings joined by "e" ("meldete")
    no_participle_prefix_endings: tuple[str, ...] = ()  # "ieren": "kritisiert", not "gekritisiert"
    inseparable_prefixes: tuple[str, ...] = ()  # prefixes that take no participle prefix
    attributive_endings: tuple[str, ...] = ()  # "besetzt-en": a participle used as adjective
    pronouns: frozenset[str] = frozenset()  # personal pronouns that stand for a subject
    place_preps: frozenset[str] = frozenset()  # "in Edoras" on a noun: where, never whom
    nominative_articles: frozenset[str] = frozenset()  # "der" after the verb: maybe the subject
    feminine_endings: tuple[str, ...] = ()  # "der Regierung": "der" is dative, not nominative
    generic: frozenset[str] = frozenset()  # "Wer glaubt, …": a clause about anyone, no event
    alleged: frozenset[str] = frozenset()  # "soll … angegriffen haben": a claim, not a fact
    perfect_infinitives: frozenset[str] = frozenset()  # "haben", "sein" ending an alleged clause
    subjunctives: frozenset[str] = frozenset()  # Konjunktiv I forms: indirect speech ("müsse")
    postpositions: dict[str, str] = field(default_factory=dict)  # "von X aus": a place
    state_verbs: frozenset[str] = frozenset()  # "hat ein Abkommen": a state, not an event
    standing: tuple[str, ...] = ()  # "die bestehenden Sanktionen": a state, not news
    negation_free: frozenset[str] = frozenset()  # "nicht zuletzt", "nicht nur": no negation
    description: frozenset[str] = frozenset()  # "als Teil seiner Strategie gegen X": no target
    # "die Sorge vor Angriffen", "befürchtet neue Anschläge": fear word → the preposition that
    # opens what is feared ("-": the feared noun follows as object)
    fear: dict[str, str] = field(default_factory=dict)
    pronoun_verbs: frozenset[str] = frozenset()  # "Wir rechnen …": a verb follows
    genitive_endings: tuple[str, ...] = ()  # "Gondors Stürmer": a name that may own the next noun


@dataclass(slots=True)
class Lexicon:
    """The event lexicon of one language, indexed for matching."""

    language: str
    verbs: dict[str, list[LexRow]] = field(default_factory=lambda: defaultdict(list))
    adjectives: dict[str, list[LexRow]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[LexRow]] = field(default_factory=lambda: defaultdict(list))
    light: dict[str, list[LexRow]] = field(default_factory=lambda: defaultdict(list))
    forms: dict[str, str] = field(default_factory=dict)
    cues: Cues | None = None
    noun_suffixes: tuple[str, ...] = ()
    exact_nouns: frozenset[str] = frozenset()
    surface_hints: frozenset[str] = frozenset()

    def lemmas(self, word: str) -> tuple[str, ...]:
        """Candidate lemmas of ``word``: the irregular-forms table first, then the dictionary."""
        return _lemmas(self.language, word, self.forms.get(word.lower()))

    def noun_entry(self, lemma: str) -> str | None:
        """The lexicon noun ``lemma`` is or ends in (longest entry wins), else None."""
        return _noun_entry(self.language, lemma.lower())

    def _noun_entry(self, key: str) -> str | None:
        if key in self.nouns or key in self.light:
            return key
        for suffix in self.noun_suffixes:
            if (
                key.endswith(suffix)
                and len(key) - len(suffix) >= MIN_COMPOUND_PREFIX
                and suffix not in self.exact_nouns
            ):
                return suffix
        return None


@lru_cache(maxsize=200_000)
def _noun_entry(language: str, key: str) -> str | None:
    return load_lexicon(language)._noun_entry(key)


@lru_cache(maxsize=200_000)
def _lemmas(language: str, word: str, irregular: str | None) -> tuple[str, ...]:
    found: list[str] = []
    if irregular:
        found.append(irregular)
    lemma = simplemma.lemmatize(word, lang=language)
    for candidate in (lemma, word):
        if candidate and candidate not in found:
            found.append(candidate)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class EventTables:
    """Where a language keeps its event tables: a package and the file names in it.

    A language's ``LANGUAGE_DATA.events`` holds one; the stage reads the files
    through it, so the core never names a language package itself.
    """

    package: str
    lexicon: str = "events.tsv"
    cues: str = "event_cues.tsv"
    verb_forms: str = "verb_forms.tsv"
    date_cues: str = "date_cues.tsv"


def event_tables(language: str) -> EventTables:
    """The event tables of ``language`` from the language registry."""
    from lagebild.lang import get_language_data

    return get_language_data(language).events


def read_table(language: str, name: str) -> list[list[str]]:
    """Rows of one of ``language``'s event tables (a field of ``EventTables``), header dropped."""
    tables = event_tables(language)
    path = resources.files(tables.package).joinpath(getattr(tables, name))
    if not path.is_file():
        return []
    lines = [
        line.rstrip("\n")
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [line.split("\t") for line in lines[1:]]


def _row(parts: list[str]) -> LexRow:
    lemma, pos, code, preps, theme, flags = (parts + ["-"] * 6)[:6]
    required = preps.startswith("!")
    prep_list = tuple(p for p in preps.lstrip("!").split(",") if p and p != "-")
    themes = tuple(t for t in theme.split("|") if t and t != "-")
    flag_set = frozenset(f for f in flags.split(",") if f and f != "-")
    light_verb = None
    if pos == "L":
        lemma, light_verb = lemma.split("+", 1)
    return LexRow(lemma, pos, code, prep_list, required, themes, flag_set, light_verb)


@cache
def load_cues(language: str) -> Cues:
    """The grammar cue tables of ``language`` (read once)."""
    by_kind: dict[str, dict[str, str]] = defaultdict(dict)
    for parts in read_table(language, "cues"):
        kind, word, value = [*parts, "-", "-"][:3]
        by_kind[kind][word] = value

    def words(kind: str) -> frozenset[str]:
        return frozenset(by_kind.get(kind, {}))

    def split(kind: str) -> dict[str, frozenset[str]]:
        return {w: frozenset(v.split(",")) for w, v in by_kind.get(kind, {}).items()}

    modality = {}
    for kind in ("future", "hypothetical", "reported", "opinion"):
        modality.update({w: kind for w in by_kind.get(kind, {})})
    return Cues(
        cases=split("case"),
        preps=words("prep"),
        agent_preps=words("agent_prep"),
        location_preps=words("location_prep"),
        particles=words("particle"),
        subordinators=words("subordinator"),
        relatives=split("relative"),
        clause_conj=words("clause_conj"),
        aux=dict(by_kind.get("aux", {})),
        reflexives=words("reflexive"),
        negations=words("negation"),
        modality_words=modality,
        conj=words("conj"),
        quotes=words("quote"),
        temporal=frozenset(
            w for w, v in by_kind.get("subordinator", {}).items() if v == "temporal"
        ),
        topic_preps=frozenset(w for w, v in by_kind.get("prep", {}).items() if v == "topic"),
        origin_preps=frozenset(w for w, v in by_kind.get("prep", {}).items() if v == "origin"),
        patient_preps=frozenset(w for w, v in by_kind.get("prep", {}).items() if v == "patient"),
        closed_preps=frozenset(w for w, v in by_kind.get("prep", {}).items() if v == "closed"),
        occasion_preps=frozenset(w for w, v in by_kind.get("prep", {}).items() if v == "occasion"),
        reciprocal_preps=words("reciprocal_prep"),
        weak_endings=tuple(by_kind.get("weak_ending", {})),
        participle_prefix=next(iter(by_kind.get("participle_prefix", {})), ""),
        infinitive_endings=tuple(
            sorted(
                ((e, int(n)) for e, n in by_kind.get("infinitive_ending", {}).items()),
                key=lambda pair: -len(pair[0]),  # "eln" before "en"
            )
        ),
        linking_e_after=tuple(by_kind.get("linking_e_after", {})),
        no_participle_prefix_endings=tuple(by_kind.get("no_participle_prefix_ending", {})),
        inseparable_prefixes=tuple(by_kind.get("inseparable_prefix", {})),
        attributive_endings=tuple(by_kind.get("attributive_ending", {})),
        pronouns=words("pronoun"),
        alleged=words("alleged"),
        generic=words("generic"),
        nominative_articles=words("nominative_article"),
        feminine_endings=tuple(by_kind.get("feminine_ending", {})),
        place_preps=frozenset(
            w for w, v in by_kind.get("location_prep", {}).items() if v == "place"
        ),
        perfect_infinitives=words("perfect_infinitive"),
        subjunctives=words("subjunctive"),
        postpositions=dict(by_kind.get("postposition", {})),
        state_verbs=words("state_verb"),
        standing=tuple(by_kind.get("standing", {})),
        negation_free=words("negation_free"),
        description=words("description"),
        fear=dict(by_kind.get("fear", {})),
        pronoun_verbs=words("pronoun_verb"),
        genitive_endings=tuple(by_kind.get("genitive_ending", {})),
    )


@cache
def load_lexicon(language: str) -> Lexicon:
    """The event lexicon of ``language`` (read once per process)."""
    lexicon = Lexicon(language=language)
    exact: set[str] = set()
    for parts in read_table(language, "lexicon"):
        row = _row(parts)
        if row.pos == "V":
            lexicon.verbs[row.lemma.lower()].append(row)
        elif row.pos == "A":
            lexicon.adjectives[row.lemma.lower()].append(row)
        elif row.pos == "N":
            lexicon.nouns[row.lemma.lower()].append(row)
            if "exact" in row.flags:
                exact.add(row.lemma.lower())
        elif row.pos == "L":
            lexicon.light[row.lemma.lower()].append(row)
    for parts in read_table(language, "verb_forms"):
        if len(parts) >= 2:
            lexicon.forms[parts[0].lower()] = parts[1]
    lexicon.cues = load_cues(language)
    if lexicon.cues.weak_endings:
        light = (r.light_verb for rows in lexicon.light.values() for r in rows if r.light_verb)
        for verb in sorted({*lexicon.verbs, *(v.lower() for v in light)}):
            for form in _weak_forms(verb, lexicon.cues):
                lexicon.forms.setdefault(form, verb)
    lexicon.noun_suffixes = tuple(
        sorted(set(lexicon.nouns) | set(lexicon.light), key=len, reverse=True)
    )
    lexicon.exact_nouns = frozenset(exact)
    lexicon.verbs = dict(lexicon.verbs)
    lexicon.adjectives = dict(lexicon.adjectives)
    lexicon.nouns = dict(lexicon.nouns)
    lexicon.light = dict(lexicon.light)
    return lexicon


def _weak_forms(verb: str, cues: Cues) -> list[str]:
    """Past and participle forms of a regular (weak) verb, from the endings and prefixes in
    the cue table: "verüben" → "verübte", "verübten", "verübt"; "warnen" → "gewarnt";
    "ankündigen" → "angekündigt".

    The dictionary lemmatiser misses many of them; strong verbs get forms that never
    occur in text (the irregular table lists their real ones), which costs nothing.
    """
    drop = next((n for ending, n in cues.infinitive_endings if verb.endswith(ending)), 0)
    if not drop:
        return []
    stem = verb[:-drop]
    joint = "e" if cues.linking_e_after and stem.endswith(cues.linking_e_after) else ""
    forms = [f"{stem}{joint}{ending}" for ending in cues.weak_endings]
    particle = next(
        (p for p in sorted(cues.particles, key=len, reverse=True) if verb.startswith(p)), ""
    )
    rest = stem[len(particle) :]
    if (
        cues.participle_prefix
        and rest
        and not rest.startswith(cues.inseparable_prefixes)
        and not (
            cues.no_participle_prefix_endings and verb.endswith(cues.no_participle_prefix_endings)
        )
    ):
        forms.append(f"{particle}{cues.participle_prefix}{rest}{joint}t")
    return forms


def theme_matches(row: LexRow, window: str) -> bool:
    """Whether a theme stem of the row occurs in ``window`` (lower case); no theme → True."""
    if not row.themes:
        return True
    return any(_stem_in(theme, window) for theme in row.themes)


def _stem_in(theme: str, window: str) -> bool:
    if ".*" in theme:  # ordered pair of stems, e.g. "militär.*zusammenarbeit"
        first, _, second = theme.partition(".*")
        at = window.find(first)
        return at >= 0 and window.find(second, at + len(first)) >= 0
    return theme in window
