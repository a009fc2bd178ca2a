"""English data for quotation and speaker attribution.

Plain tables bound by ``lagebild.components.quotes``; same names as the German
module. English attribution differs from German in word order (the clause
follows the verb without a comma; the subject may precede the verb after a
quotation) and in lower-case nouns; ``CLAUSE_FOLLOWS_CUE`` and the noun-phrase
tables below carry that. Written for this project (licence: MIT).
"""

from __future__ import annotations

from functools import cache

QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("“", "”"), ('"', '"'), ("‘", "’"))
INNER_QUOTE_OPENERS: frozenset[str] = frozenset({"‘"})

# (infinitive, present 3sg, past, participle)
_CUE_VERBS: tuple[tuple[str, str, str, str], ...] = (
    ("say", "says", "said", "said"),
    ("tell", "tells", "told", "told"),
    ("add", "adds", "added", "added"),
    ("continue", "continues", "continued", "continued"),
    ("warn", "warns", "warned", "warned"),
    ("claim", "claims", "claimed", "claimed"),
    ("state", "states", "stated", "stated"),
    ("announce", "announces", "announced", "announced"),
    ("stress", "stresses", "stressed", "stressed"),
    ("insist", "insists", "insisted", "insisted"),
    ("write", "writes", "wrote", "written"),
    ("argue", "argues", "argued", "argued"),
    ("note", "notes", "noted", "noted"),
    ("explain", "explains", "explained", "explained"),
    ("confirm", "confirms", "confirmed", "confirmed"),
    ("declare", "declares", "declared", "declared"),
    ("admit", "admits", "admitted", "admitted"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledged"),
    ("emphasise", "emphasises", "emphasised", "emphasised"),
    ("emphasize", "emphasizes", "emphasized", "emphasized"),
    ("reiterate", "reiterates", "reiterated", "reiterated"),
    ("assert", "asserts", "asserted", "asserted"),
    ("allege", "alleges", "alleged", "alleged"),
    ("predict", "predicts", "predicted", "predicted"),
    ("promise", "promises", "promised", "promised"),
    ("vow", "vows", "vowed", "vowed"),
    ("reply", "replies", "replied", "replied"),
    ("suggest", "suggests", "suggested", "suggested"),
    ("report", "reports", "reported", "reported"),
    ("accuse", "accuses", "accused", "accused"),
    ("urge", "urges", "urged", "urged"),
    ("condemn", "condemns", "condemned", "condemned"),
    ("criticise", "criticises", "criticised", "criticised"),
    ("criticize", "criticizes", "criticized", "criticized"),
    ("deny", "denies", "denied", "denied"),
)
#: Present participles that report after a comma, sharing the subject of the main
#: clause ("The Kremlin denied the report, saying it was baseless").
_PARTICIPLE_CUES: tuple[tuple[str, str], ...] = (
    ("say", "saying"), ("add", "adding"), ("warn", "warning"), ("claim", "claiming"),
    ("insist", "insisting"), ("argue", "arguing"), ("note", "noting"),
    ("explain", "explaining"), ("stress", "stressing"), ("tell", "telling"),
    ("accuse", "accusing"), ("urge", "urging"), ("deny", "denying"),
)  # fmt: skip
CUE_NEEDS: dict[str, tuple[str, ...]] = {}
SPLIT_PARTICLES: frozenset[str] = frozenset()  # English particles follow their verb
PASSIVE_SPEAKER_CUES: frozenset[str] = frozenset({"quote"})
# cues only beside a quotation: "“…,” she continued" goes on speaking, "they continued to fight"
QUOTATION_CUES: frozenset[str] = frozenset({"continue"})
TOPIC_CUES: frozenset[str] = frozenset()  # "by" always names the agent
IMPERSONAL_CUES: frozenset[str] = frozenset()
SOURCELESS_CUES: frozenset[str] = frozenset()
IMPERSONAL_SOURCE_PREPOSITIONS: frozenset[str] = frozenset()
#: Verbs whose sentence is a report even without a clause ("Russia accused Ukraine of
#: shelling the plant"): the whole sentence is the message.
REPORTED_CUES: frozenset[str] = frozenset(
    {"warn", "accuse", "urge", "condemn", "criticise", "criticize", "deny"}
)


@cache
def cue_forms() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Surface form → ((lemma, particle, kind), ...), as in the German module, plus
    ``ing`` for a present participle that reports after a comma ("…, saying …")."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    for infinitive, pres3, past, part in _CUE_VERBS:
        for form, kind in ((infinitive, "fin"), (pres3, "fin"), (past, "fin"), (part, "part")):
            table.setdefault(form, [])
            if (infinitive, "", kind) not in table[form]:
                table[form].append((infinitive, "", kind))
    for infinitive, ing in _PARTICIPLE_CUES:
        table.setdefault(ing, []).append((infinitive, "", "ing"))
    return {form: tuple(entries) for form, entries in table.items()}


#: "according to X" is matched as the two-word preposition "according to".
SOURCE_PREPOSITIONS: frozenset[str] = frozenset({"according to"})
SOURCE_POSTPOSITIONS: frozenset[str] = frozenset()
SOURCE_NOUN_PREPOSITIONS: frozenset[str] = frozenset()
SOURCE_NOUN_ENDINGS: tuple[str, ...] = ()
SO_WORDS: frozenset[str] = frozenset()
SO_ADVERBS: frozenset[str] = frozenset()
AS_WORDS: frozenset[str] = frozenset({"as"})
PREDICATIVE_WORDS: frozenset[str] = frozenset({"as"})  # "called the plan “a mistake”"
SOURCE_ADVERBS: frozenset[str] = frozenset()
COMPLEMENTIZERS: frozenset[str] = frozenset({"that", "whether"})
#: Cues that report only a clause opened by one of these words (none listed yet).
CUE_CLAUSE_OPENERS: dict[str, tuple[str, ...]] = {}
#: Words that make a cue verb mean something else in its clause (none listed yet).
CUE_EXCLUDES: dict[str, tuple[str, ...]] = {}
#: Negations: a verb of saying negated in its own clause reports nothing.
CUE_NEGATIONS: frozenset[str] = frozenset({"not", "never", "n't"})
#: Conjunctions that open an adverbial clause ("While Democrats praised it, …").
ADVERBIAL_CONJUNCTIONS: frozenset[str] = frozenset(
    {"while", "after", "because", "although", "when", "if", "before", "since", "as"}
)
KONJUNKTIV_I: frozenset[str] = frozenset()
KONJUNKTIV_I_EXCLUDE: frozenset[str] = frozenset()
KONJUNKTIV_II: frozenset[str] = frozenset()
FIRST_PERSON: frozenset[str] = frozenset({"i"})
REPORTATIVE_MODALS: frozenset[str] = frozenset()
PRONOUNS: dict[str, tuple[str, str]] = {"he": ("m", "sg"), "she": ("f", "sg"), "they": ("", "pl")}
DETERMINERS: frozenset[str] = frozenset({"the", "a", "an", "his", "her", "its", "their"})
GENITIVE_DETERMINERS: frozenset[str] = frozenset({"of"})
NP_CONTINUATIONS: frozenset[str] = frozenset({"of"})
#: Prepositions naming the remit of an office or a body ("the Commissioner for
#: Enlargement", "the Agency for Development"), after a word with one of these endings.
#: The endings also let a lower-case office stand between names ("State Department
#: spokesman Matthew Miller").
OFFICE_PREPOSITIONS: frozenset[str] = frozenset({"for"})
OFFICE_ENDINGS: tuple[str, ...] = (
    "commissioner", "secretary", "minister", "ministry", "agency", "institute", "office",
    "council", "committee", "commission", "centre", "center", "foundation", "spokesperson",
    "spokesman", "spokeswoman", "director", "envoy", "representative", "official", "chief",
    "president", "ambassador", "diplomat", "adviser", "advisor", "senator", "lawmaker",
    "general", "commander", "leader", "chancellor", "premier",
)  # fmt: skip
NAME_PARTICLES: frozenset[str] = frozenset({"von", "van", "de", "al", "bin"})
NP_STOPWORDS: frozenset[str] = frozenset({"On", "In", "At"})
ADDRESSEE_PREPOSITIONS: frozenset[str] = frozenset({"told", "telling"})
AUXILIARIES: frozenset[str] = frozenset({"has", "had", "have", "was", "were", "is"})
PASSIVE_AUXILIARIES: frozenset[str] = frozenset({"was", "were", "is"})
PASSIVE_PARTICIPLES: frozenset[str] = frozenset()  # "been" comes before the participle
INFINITIVE_MARKERS: frozenset[str] = frozenset({"to"})
INFINITIVE_INFIX: str = ""
INFINITIVE_ENDINGS: tuple[str, ...] = ()
PLURAL_VERB_ENDINGS: tuple[str, ...] = ()
FEMININE_ROLE_ENDINGS: tuple[str, ...] = ("woman", "ess")
FEMININE_DETERMINERS: frozenset[str] = frozenset()
MASCULINE_DETERMINERS: frozenset[str] = frozenset()
NEUTER_DETERMINERS: frozenset[str] = frozenset()
FEMININE_NOUN_ENDINGS: tuple[str, ...] = ()
FEMALE_FIRST_NAMES: frozenset[str] = frozenset({"Kamala", "Hillary", "Nancy", "Theresa", "Liz"})
MALE_FIRST_NAMES: frozenset[str] = frozenset({"Joe", "Donald", "Barack", "Antony", "John"})
MALE_NAMES_ENDING_IN_A: frozenset[str] = frozenset()
PREPOSITIONS: frozenset[str] = frozenset(
    {"on", "in", "at", "after", "before", "with", "for", "to", "from", "by"}
)
DATIVE_DETERMINERS: frozenset[str] = frozenset()
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"which", "who", "that"})
KONJUNKTIV_I_ENDING: str = ""
SENTENCE_ADVERBS: frozenset[str] = frozenset(
    {"however", "meanwhile", "also", "but", "and", "so", "then"}
)
NOUNS_CAPITALISED: bool = False
AS_SOURCE_ATTRIBUTES: frozenset[str] = frozenset({"in", "at", "from"})
OBJECT_DETERMINERS: frozenset[str] = frozenset()
NUMBER_BY_VERB_PRONOUNS: frozenset[str] = frozenset()
PLURAL_ONLY_DATIVE_DETERMINERS: frozenset[str] = frozenset()
PLURAL_DATIVE_ENDING: str = ""
AGENT_PREPOSITIONS: frozenset[str] = frozenset({"by"})
ADJECTIVE_ENDINGS: tuple[str, ...] = ()
GENITIVE_ADJECTIVE_ENDING: str = ""
#: Finite forms of auxiliaries and modals: a clause after "said" without "that" needs
#: one of them or a past tense ("He said talks would resume", "said Russia attacked").
FINITE_VERBS: frozenset[str] = frozenset(
    {
        "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will",
        "would", "shall", "should", "can", "could", "may", "might", "must",
    }
)  # fmt: skip
PAST_TENSE_ENDING: str = "ed"
#: Forms of verbs of saying that are nouns after an article: "the state broadcaster",
#: "the report says" (the phrase is "the report", the verb "says").
CUE_NOUNS: frozenset[str] = frozenset(
    {"state", "report", "reports", "claim", "claims", "note", "notes", "promise", "reply"}
)
#: Irregular past tenses common in news that are never nouns: a lower-case noun phrase
#: ends before them ("The president spoke for an hour, telling …").
IRREGULAR_PAST: frozenset[str] = frozenset(
    {
        "spoke", "met", "went", "left", "took", "gave", "made", "came", "held", "sent",
        "saw", "began", "won", "lost", "led", "fled", "fought", "struck", "threw", "broke",
        "rose", "fell", "became", "kept", "brought", "built", "bought", "caught", "felt",
        "found", "got", "heard", "knew", "meant", "paid", "ran", "sat", "stood", "sold",
        "shot", "spent", "thought", "flew", "drove", "chose", "forgot", "grew", "hid",
        "sought", "taught", "withdrew", "undertook", "overtook",
    }
)  # fmt: skip
#: Closed-class words a lower-case noun phrase never runs over ("said the exercises
#: were over" stops before "were").
NP_BREAKS: frozenset[str] = FINITE_VERBS | frozenset(
    {"be", "been", "being", "not", "and", "or", "but", "that", "which", "who", "whom",
     "whose", "if", "because", "while", "as", "than", "then", "also"}
)  # fmt: skip
#: "China's foreign ministry": the possessor is the article of the phrase after it.
POSSESSIVE_MARKERS: frozenset[str] = frozenset({"'s", "’s"})
#: English reports a clause right after the verb, with or without "that" ("He said
#: talks would resume"), and puts the subject first after a quotation ("“…,” he said").
CLAUSE_FOLLOWS_CUE: bool = True
#: After the verb, only a colon opens a reported clause: "denied the report, saying …" is
#: a participle, read on its own.
CLAUSE_PUNCTUATION: frozenset[str] = frozenset({":"})
#: Verbs that report a clause without "that"; the others need it ("announced that …",
#: not "announced a plan").
BARE_CLAUSE_CUES: frozenset[str] = frozenset({"say", "tell", "add", "claim", "insist", "warn"})
