"""English language data for actor recognition (the basic path: states, organisations, roles).

Same table names as ``lagebild.lang.de.actors``; English adjectives do not
inflect and are capitalised, so they are matched as proper names.
"""

from __future__ import annotations

ADJECTIVE_ENDINGS: tuple[str, ...] = ("",)
DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {"": ("", "s")}
GENITIVE_ENDINGS: tuple[str, ...] = ("'s", "’s")
NAME_ADJECTIVE_ENDINGS: tuple[str, ...] = ()
DETERMINERS: frozenset[str] = frozenset(["the", "a", "an", "his", "her", "its", "their", "our"])
INDEFINITE: frozenset[str] = frozenset({"a", "an"})
PHRASE_FILLERS: frozenset[str] = frozenset(
    ["former", "new", "acting", "outgoing", "incoming", "deputy", "state", "official"]
)
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset({"in", "from"})
COMPLEMENT_PREPOSITIONS: frozenset[str] = frozenset({"of", "from"})
CONJUNCTIONS: frozenset[str] = frozenset({"and", "or", ","})
NOT_NAMES: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "from",
        "with",
        "by",
        "said",
        "says",
        "told",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "according",
    ]
)
NAME_PARTICLES: frozenset[str] = frozenset(
    ["von", "van", "der", "de", "del", "da", "di", "la", "le", "al", "bin", "ibn"]
)
PLURAL_MARKERS: frozenset[str] = frozenset(
    ["two", "three", "several", "many", "some", "both", "all", "other"]
)
#: English role nouns do not change with a feminine article (see the German table).
FEMININE_ROLE_ENDINGS: tuple[str, ...] = ()

_ROLE_FORMS: dict[str, str] = {
    "head_of_state": "president king queen emir monarch",
    "head_of_government": "chancellor premier",
    "foreign_minister": "",
    "defence_minister": "",
    "minister": "minister ministers secretary",
    "spokesperson": "spokesman spokeswoman spokesperson",
    "secretary_general": "secretary-general",
    "official": "official officials",
    "diplomat": "diplomat ambassador envoy",
    "military_commander": "general admiral commander",
    "legislator": "senator lawmaker legislator",
    "judge": "judge",
    "head_of": "chief head",
    "counterpart": "counterpart counterparts",
}
ROLE_NOUNS: dict[str, str] = {f: o for o, forms in _ROLE_FORMS.items() for f in forms.split()}
ROLE_SUFFIXES: tuple[tuple[str, str], ...] = ()
#: Titles the NER may take into a person's name ("Pope Francis"): form -> office ("" none).
_TITLE_FORMS: dict[str, str] = {
    "": "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir lady",
    "religious_leader": "pope cardinal archbishop bishop ayatollah",
}
PERSON_TITLES: dict[str, str] = {f: o for o, forms in _TITLE_FORMS.items() for f in forms.split()}
TITLE_SUFFIXES: tuple[tuple[str, str], ...] = ()

_SECTOR_FORMS: dict[tuple[str, str, str], str] = {
    ("GOV", "ORG", "government"): "government governments administration regime authorities",
    ("GOV", "ORG", "ministry"): "ministry",
    ("MIL", "ORG", "military"): "military army navy troops forces soldiers",
    ("COP", "ORG", "police"): "police",
    ("LEG", "ORG", "parliament"): "parliament congress",
    ("OPP", "ORG", "opposition"): "opposition",
    ("REB", "ORG", "rebels"): "rebels insurgents militants",
    ("MED", "ORG", "media"): "media broadcaster agency",
    ("JUD", "ORG", "court"): "court judiciary",
    ("", "GPE", "side"): "side",
}
BODY_NAMES: dict[str, str] = {
    "government": "Government",
    "military": "Armed forces",
    "police": "Police",
    "parliament": "Parliament",
    "opposition": "Opposition",
    "rebels": "Rebels",
    "media": "Media",
    "court": "Judiciary",
}
DEFINITE: frozenset[str] = frozenset(["the"])
ALLIANCE_NOUNS: frozenset[str] = frozenset(["alliance", "bloc"])
ALLIANCE_NAME_OPENERS: frozenset[str] = frozenset(["of", "for", "against", "between"])
SECTOR_NOUNS: dict[str, tuple[str, str, str]] = {
    f: key for key, forms in _SECTOR_FORMS.items() for f in forms.split()
}
SECTOR_SUFFIXES: tuple[tuple[str, tuple[str, str, str]], ...] = ()
MEDIA_APPOSITION_NOUNS: frozenset[str] = frozenset({"broadcaster", "agency", "media"})
RELATION_NOUNS: frozenset[str] = frozenset(["relations", "ties", "talks", "summit"])
IGO_NAME_WORDS: tuple[str, ...] = ("union", "organization", "organisation", "community", "alliance")
LONG_FORM_CONNECTORS: frozenset[str] = frozenset({"for", "of", "the", "and"})

# Tables the German rules fill and English does not use yet (see lang/de/actors.py).
#: Articles that make a demonym one person; English demonyms stay states here.
SINGULAR_ARTICLES: frozenset[str] = frozenset()
SINGULAR_OBLIQUE_ARTICLES: frozenset[str] = frozenset()
FEMININE_DEMONYM_ENDING: str = ""
FEMININE_DEMONYM_PLURAL_ENDING: str = ""
DEMONYM_PLURAL_ENDING: str = ""
#: Compound endings, words around a capital and institution nouns that make a capital part
#: of a company's, club's or institution's name.
COMPANY_HEADS: tuple[str, ...] = ()
PLACE_NAME_FOLLOWERS: frozenset[str] = frozenset()
SPORT_CLUB_SUFFIXES: frozenset[str] = frozenset()
SPORT_CLUB_PREFIXES: frozenset[str] = frozenset()
INSTITUTION_NOUNS: frozenset[str] = frozenset()
