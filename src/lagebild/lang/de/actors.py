"""German language data for actor recognition: role nouns, sector nouns, endings, cue words.

Everything the actor stage needs to know about German lives here as plain
tables; the logic in ``lagebild.components.actors`` only reads them. Forms are
listed lowercased. A noun entry lists its inflected forms explicitly (German
noun inflection is irregular enough that a rule would need a table anyway).

Office names are the shared office vocabulary of the gazetteer
(``head_of_state``, ``foreign_minister``, ...); ``counterpart`` and
``head_of`` are relational and resolved from context.
"""

from __future__ import annotations

#: Adjective endings added to a country adjective stem ("chinesisch" + "en").
ADJECTIVE_ENDINGS: tuple[str, ...] = ("", "e", "en", "er", "es", "em")

#: Endings of a demonym's plural/dative/genitive forms, by the singular's ending.
#: "Peruaner" → "Peruanern"; "Chinese" → "Chinesen"; "Peruanerin" → "Peruanerinnen".
DEMONYM_ENDINGS: dict[str, tuple[str, ...]] = {
    "er": ("", "n", "s"),
    "e": ("", "n"),
    "in": ("", "nen"),
    "": ("", "en", "n", "s"),
}

#: Genitive endings stripped from the last token of a name ("Chinas", "Kremls", "Hauses").
GENITIVE_ENDINGS: tuple[str, ...] = ("s", "es")

#: Token endings that make a multi-word name's inner token look like an inflected
#: adjective ("Vereinigte Staaten" → "Vereinigten Staaten"); listed longest first.
NAME_ADJECTIVE_ENDINGS: tuple[str, ...] = ("en", "er", "es", "em", "e")

#: Determiners and articles that may open an actor phrase (they are not part of it).
DETERMINERS: frozenset[str] = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "sein",
        "seine",
        "seinen",
        "seinem",
        "seiner",
        "seines",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "ihres",
        "dessen",
        "deren",
    ]
)

#: Indefinite articles: "ein Sprecher" is some spokesperson, not the one named earlier.
INDEFINITE: frozenset[str] = frozenset(["ein", "eine", "einer", "eines", "einem", "einen"])
DEFINITE: frozenset[str] = frozenset(["der", "die", "das", "des", "dem", "den"])
#: Nouns that, after a definite article, refer back to the military alliance named last
#: ("die NATO … die Allianz", "AUKUS … das Bündnis"); alliances are the gazetteer's
#: intergovernmental actors with sector MIL.
ALLIANCE_NOUNS: frozenset[str] = frozenset(
    ["allianz", "bündnis", "bündnisses", "militärbündnis", "militärbündnisses",
     "verteidigungsbündnis", "verteidigungsbündnisses", "militärallianz"]
)
#: Words after such a noun that make it the name of another alliance (a genitive or a
#: preposition: "die Allianz der Rebellen", "das Bündnis für Demokratie"); a number does
#: too ("Bündnis 90"). An object's article does not ("vertieft die Allianz die Zusammenarbeit").
ALLIANCE_NAME_OPENERS: frozenset[str] = frozenset(
    ["der", "des", "für", "gegen", "aus", "von", "zwischen", "zur", "zum", "namens"]
)

#: Words between a determiner and a role noun that do not stop the phrase.
PHRASE_FILLERS: frozenset[str] = frozenset(
    [
        "ehemalige",
        "ehemaligen",
        "ehemaliger",
        "neue",
        "neuen",
        "neuer",
        "damalige",
        "damaligen",
        "damaliger",
        "amtierende",
        "amtierenden",
        "amtierender",
        "designierte",
        "designierten",
        "designierter",
        "stellvertretende",
        "stellvertretenden",
        "stellvertretender",
        "staatliche",
        "staatlichen",
        "staatlicher",
        "staatliches",
        "offizielle",
        "offiziellen",
        "offizieller",
        "offizielles",
        "frühere",
        "früheren",
        "früherer",
        "kommissarische",
        "kommissarischen",
    ]
)

#: Articles before a demonym that make it one person ("der Franzose", "ein Spanier"):
#: a private person of that country, not the state. After these the plural and
#: genitive-plural form in -n is excluded ("der Franzosen" is "of the French").
SINGULAR_ARTICLES: frozenset[str] = frozenset({"der", "ein"})
#: Articles before which any demonym form is singular ("dem Franzosen", "eines Briten").
SINGULAR_OBLIQUE_ARTICLES: frozenset[str] = frozenset({"dem", "des", "einem", "eines", "einen"})
#: Ending of a feminine singular demonym ("die Französin"; the plural ends in "-innen").
FEMININE_DEMONYM_ENDING: str = "in"
FEMININE_DEMONYM_PLURAL_ENDING: str = "innen"
#: Ending of a demonym's plural and genitive plural after "der" ("der Franzosen").
DEMONYM_PLURAL_ENDING: str = "n"

#: Endings of a compound naming a company: its state prefix ("US-Großbank",
#: "China-Konzern") tells where the company is from, not a state actor.
COMPANY_HEADS: tuple[str, ...] = (
    "bank",
    "banken",
    "konzern",
    "konzerns",
    "konzerne",
    "firma",
    "firmen",
    "unternehmen",
    "unternehmens",
    "fonds",
    "investor",
    "investoren",
    "autobauer",
    "hersteller",
    "versicherer",
    "händler",
    "kette",
)

#: Nouns of institutions named after their city ("die Universität Wien", "das
#: Landesgericht Wien"): a capital after them is part of the name, not the state.
#: An unknown acronym before a capital ("das OLG Wien") counts as well.
INSTITUTION_NOUNS: frozenset[str] = frozenset(
    [
        "universität",
        "uni",
        "hochschule",
        "oberlandesgericht",
        "oberlandesgerichts",
        "landesgericht",
        "landesgerichts",
        "handelsgericht",
        "bezirksgericht",
        "verwaltungsgericht",
        "amtsgericht",
        "arbeitsgericht",
        "flughafen",
        "flughafens",
        "stadtwerke",
        "staatsoper",
        "oper",
        "börse",
        "zoo",
        "messe",
        "erzdiözese",
        "diözese",
        "bistum",
        "klinikum",
    ]
)

#: Capitalised words after a capital that make it part of a company's or event's name
#: ("Wien Energie", "Wien Holding").
PLACE_NAME_FOLLOWERS: frozenset[str] = frozenset(
    [
        "energie",
        "holding",
        "tourismus",
        "airport",
        "messe",
        "marathon",
        "festwochen",
        "museum",
        "linien",
        "wasser",
        "netz",
        "netze",
    ]
)

#: Words before a city that make it part of a sports club's name ("Dynamo Kiew", "Real
#: Madrid", "Lokomotive Moskau"): the club, not the state whose capital the city is.
SPORT_CLUB_PREFIXES: frozenset[str] = frozenset(
    [
        "dynamo",
        "real",
        "sporting",
        "borussia",
        "lokomotive",
        "lokomotiv",
        "spartak",
        "zska",
        "cska",
        "atletico",
        "atlético",
        "inter",
        "olympique",
        "racing",
        "rapid",
        "hapoel",
        "maccabi",
        "fc",
        "sc",
        "ac",
        "as",
        "fk",
        "sk",
        "ssc",
        "tsv",
        "vfb",
        "vfl",
    ]
)

#: Words after a city that make it part of a sports club's name ("Paris Saint-Germain").
SPORT_CLUB_SUFFIXES: frozenset[str] = frozenset(["saint-germain", "fc", "sc", "united"])

#: Prepositions that attach a place to an organisation ("das Außenministerium in Lima").
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset({"in"})

#: Prepositions linking a sector noun to coordinated countries ("Regierungen von Kuba und China").
COMPLEMENT_PREPOSITIONS: frozenset[str] = frozenset({"von", "aus"})

#: Conjunctions in coordinated actor lists.
CONJUNCTIONS: frozenset[str] = frozenset({"und", "sowie", "oder", ","})

#: Words that can never be (part of) a person's name even when capitalised.
NOT_NAMES: frozenset[str] = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "und",
        "oder",
        "aber",
        "am",
        "im",
        "in",
        "an",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "von",
        "vor",
        "zu",
        "zum",
        "zur",
        "über",
        "für",
        "gegen",
        "sagte",
        "sagt",
        "erklärte",
        "betonte",
        "hat",
        "habe",
        "hatte",
        "ist",
        "sei",
        "war",
        "wird",
        "werde",
        "wurde",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "laut",
        "zufolge",
        "quelle",
        "foto",
        "seine",
        "seinen",
        "seinem",
        "ihr",
        "ihre",
        "ihren",
        "wie",
        "als",
        "auch",
        "nicht",
        "es",
        "er",
        "sie",
        "wir",
        "man",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "jahr",
        "jahre",
        "jahres",
        "heute",
        "gestern",
        "morgen",
        "anfang",
        "ende",
        "mitte",
        "beginn",
        "woche",
        "wochen",
        "monat",
        "monats",
        "monaten",
        "abend",
        "nachmittag",
        "vormittag",
        "zeit",
        "angaben",
        "zufolge",
        "rahmen",
        "namen",
        "besuch",
        "treffen",
        "gespräch",
        "gespräche",
        "bericht",
        "berichten",
        "medienberichten",
        "interview",
        "erklärung",
        "mitteilung",
        "stellungnahme",
        "oberst",
        "major",
        "hauptmann",
        "leutnant",
        "oberstleutnant",
        "brigadegeneral",
        "feldmarschall",
        "herr",
        "frau",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "scheich",
        "kardinal",
        "papst",
        "bischof",
    ]
)

#: Name particles allowed in lowercase inside a person's name ("Ursula von der Leyen").
NAME_PARTICLES: frozenset[str] = frozenset(
    [
        "von",
        "van",
        "der",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "zu",
        "ter",
        "den",
    ]
)

#: Endings of a role noun that is singular after the feminine article "die" ("die
#: Ministerin", "die Abgeordnete", "die Außenbeauftragte"); after "die", any other
#: role noun is a plural ("die Minister", "die Abgeordneten").
FEMININE_ROLE_ENDINGS: tuple[str, ...] = ("in", "e")

#: Plural markers that make a role noun collective ("zwei Minister", "beide Minister").
PLURAL_MARKERS: frozenset[str] = frozenset(
    [
        "zwei",
        "drei",
        "vier",
        "fünf",
        "mehrere",
        "viele",
        "einige",
        "beide",
        "beiden",
        "alle",
        "andere",
        "anderen",
    ]
)

# --------------------------------------------------------------------------
# Person role nouns: form -> office. Sector comes from the office table below.
# --------------------------------------------------------------------------

_ROLE_FORMS: dict[str, tuple[str, ...]] = {
    "head_of_state": (
        "präsident präsidentin präsidenten staatspräsident staatspräsidentin staatspräsidenten "
        "staatschef staatschefin staatschefs staatsoberhaupt staatsoberhaupts könig königs "
        "königin emir emirs monarch monarchen"
    ),
    "head_of_government": (
        "kanzler kanzlerin kanzlers bundeskanzler bundeskanzlerin bundeskanzlers premierminister "
        "premierministerin premierministers premier premiers ministerpräsident "
        "ministerpräsidentin ministerpräsidenten regierungschef regierungschefin regierungschefs "
        "ministerpräsidentin"
    ),
    "vice_head_of_state": "vizepräsident vizepräsidentin vizepräsidenten",
    "foreign_minister": (
        "außenminister außenministerin außenministers chefdiplomat chefdiplomatin "
        "chefdiplomaten außenamtschef außenamtschefin"
    ),
    "high_representative": "außenbeauftragte außenbeauftragter außenbeauftragten",
    "defence_minister": (
        "verteidigungsminister verteidigungsministerin verteidigungsministers kriegsminister "
        "kriegsministers"
    ),
    "interior_minister": "innenminister innenministerin innenministers",
    "finance_minister": "finanzminister finanzministerin finanzministers",
    "minister": "minister ministerin ministers",
    "spokesperson": "sprecher sprecherin sprechers pressesprecher pressesprecherin",
    "spokesperson_foreign_ministry": ("außenamtssprecher außenamtssprecherin außenamtssprechers"),
    "government_spokesperson": ("regierungssprecher regierungssprecherin regierungssprechers"),
    "secretary_general": "generalsekretär generalsekretärin generalsekretärs",
    "official": "beamter beamte beamten beamtin funktionär funktionärin vertreter vertreterin",
    "diplomat": "diplomat diplomatin diplomaten botschafter botschafterin botschafters",
    "military_commander": (
        "general generals generalmajor generalleutnant admiral admirals kommandeur "
        "kommandeurin oberbefehlshaber generalstabschef armeechef armeechefs"
    ),
    "legislator": "abgeordnete abgeordneter abgeordneten senator senatorin senators",
    "party_leader": "parteichef parteichefin parteichefs parteivorsitzende parteivorsitzender",
    "judge": "richter richterin richters",
    "head_of": "chef chefin chefs leiter leiterin leiters",
    "counterpart": "amtskollege amtskollegin amtskollegen amtskollegens amtskolleginnen",
}

#: Lowercased role noun form -> office.
ROLE_NOUNS: dict[str, str] = {
    form: office for office, forms in _ROLE_FORMS.items() for form in forms.split()
}

#: Compound endings that make an unknown token a role noun ("Handelsministerin").
ROLE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("verteidigungsministerin", "defence_minister"),
    ("verteidigungsminister", "defence_minister"),
    ("außenministerin", "foreign_minister"),
    ("außenminister", "foreign_minister"),
    ("ministerin", "minister"),
    ("minister", "minister"),
    ("sprecherin", "spokesperson"),
    ("sprecher", "spokesperson"),
    ("präsidentin", "head_of_state"),
    ("präsident", "head_of_state"),
)

#: Titles and role words the statistical NER may take into a person's name
#: ("Papst Franziskus", "Oppositionsführerin Maria Kolesnikowa"): form -> office
#: ("" for a title that names no office). Role nouns above count as well; the
#: actor stage trims all of them from the front of a person span and keeps the office.
_TITLE_FORMS: dict[str, str] = {
    "": (
        "herr herrn frau dr. prof. professor professorin sir lady prinz prinzessin "
        "oppositionspolitiker oppositionspolitikerin regierungskritiker regierungskritikerin "
        "dissident dissidentin kremlkritiker kremlkritikerin aktivist aktivistin "
        "jurist juristin anwalt anwältin journalist journalistin"
    ),
    "opposition_leader": "oppositionsführer oppositionsführerin oppositionschef oppositionschefin",
    "religious_leader": (
        "papst kardinal erzbischof bischof patriarch ayatollah großajatollah ajatollah imam "
        "scheich rabbiner"
    ),
    "party_leader": (
        "fraktionschef fraktionschefin fraktionsvorsitzende fraktionsvorsitzender "
        "parteiführer parteiführerin"
    ),
    "military_commander": "oberst oberstleutnant",
}
PERSON_TITLES: dict[str, str] = {
    form: office for office, forms in _TITLE_FORMS.items() for form in forms.split()
}

#: Compound endings of role words before a name ("Institutschef", "Milizenführer",
#: "Europaratsgeneralsekretär"): ending -> office (relational offices name no office alone).
TITLE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("chefin", "head_of"),
    ("chef", "head_of"),
    ("führerin", "head_of"),
    ("führer", "head_of"),
    ("sekretärin", "secretary_general"),
    ("sekretär", "secretary_general"),
    ("vorsitzende", "head_of"),
    ("vorsitzender", "head_of"),
)

# --------------------------------------------------------------------------
# Sector nouns: form -> (sector, kind, org_type). org_type names a body whose head
# and spokesperson are offices ("Außenministerium" → foreign_ministry).
# --------------------------------------------------------------------------

_SECTOR_FORMS: dict[tuple[str, str, str], str] = {
    ("GOV", "ORG", "government"): (
        "regierung regierungen führung staatsführung administration regime regimes behörden "
        "behörde staatsrat kabinett kabinetts"
    ),
    ("GOV", "ORG", "foreign_ministry"): (
        "außenministerium außenministeriums außenministerien außenamt außenamts "
        "außenministeriumssprecher"
    ),
    ("MIL", "ORG", "defence_ministry"): (
        "verteidigungsministerium verteidigungsministeriums verteidigungsministerien"
    ),
    ("GOV", "ORG", "ministry"): "ministerium ministeriums ministerien",
    ("MIL", "ORG", "military"): (
        "streitkräfte streitkräften armee armeen militär militärs truppen truppe soldaten "
        "marine luftwaffe heer heeres kriegsmarine volksbefreiungsarmee"
    ),
    ("COP", "ORG", "police"): "polizei polizisten sicherheitskräfte sicherheitskräften",
    ("LEG", "ORG", "parliament"): "parlament parlaments parlamente parlamenten kongress kongresses",
    ("OPP", "ORG", "opposition"): "opposition oppositionellen",
    ("REB", "ORG", "rebels"): "rebellen aufständischen milizen miliz",
    ("MED", "ORG", "media"): (
        "staatsmedien medien nachrichtenagentur nachrichtenagenturen staatssender "
        "staatssenders staatsfernsehen staatsfernsehens fernsehen fernsehens sender senders "
        "agentur zeitung"
    ),
    ("BUS", "ORG", "central_bank"): "zentralbank notenbank",
    ("JUD", "ORG", "court"): (
        "gericht gerichts gerichte justiz verfassungsgericht verfassungsgerichts gerichtshof "
        "gerichtshofs verfassungsgerichtshof staatsanwaltschaft staatsanwaltschaften"
    ),
    ("", "GPE", "side"): "seite",
    ("GOV", "ORG", "delegation"): "delegation",
}

#: Display name of a state's body, by org_type: one actor per state and body
#: ("das nordkoreanische Außenministerium", "des Außenministeriums in Pjöngjang").
#: Types missing here ("ministry", "side") name no single body and get no actor id.
BODY_NAMES: dict[str, str] = {
    "government": "Regierung",
    "foreign_ministry": "Außenministerium",
    "defence_ministry": "Verteidigungsministerium",
    "military": "Streitkräfte",
    "police": "Polizei",
    "parliament": "Parlament",
    "opposition": "Opposition",
    "rebels": "Rebellen",
    "media": "Medien",
    "central_bank": "Zentralbank",
    "court": "Justiz",
    "delegation": "Delegation",
}

#: Lowercased sector noun form -> (sector, kind, org_type).
SECTOR_NOUNS: dict[str, tuple[str, str, str]] = {
    form: key for key, forms in _SECTOR_FORMS.items() for form in forms.split()
}

#: Compound endings that make an unknown token a ministry ("Handelsministeriums").
SECTOR_SUFFIXES: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("verteidigungsministeriums", ("MIL", "ORG", "defence_ministry")),
    ("verteidigungsministerium", ("MIL", "ORG", "defence_ministry")),
    ("außenministeriums", ("GOV", "ORG", "foreign_ministry")),
    ("außenministerium", ("GOV", "ORG", "foreign_ministry")),
    ("ministeriums", ("GOV", "ORG", "ministry")),
    ("ministerium", ("GOV", "ORG", "ministry")),
    ("streitkräfte", ("MIL", "ORG", "military")),
    ("streitkräften", ("MIL", "ORG", "military")),
)

#: Media sector nouns that may stand before a named outlet ("der Staatssender CCTV").
MEDIA_APPOSITION_NOUNS: frozenset[str] = frozenset(
    [
        "staatssender",
        "staatssenders",
        "sender",
        "senders",
        "nachrichtenagentur",
        "agentur",
        "staatsfernsehen",
        "zeitung",
        "staatsmedien",
    ]
)

#: Nouns whose plural governs several actors in a relation ("China-Russland-Beziehungen").
RELATION_NOUNS: frozenset[str] = frozenset(
    [
        "beziehungen",
        "beziehung",
        "gespräch",
        "gespräche",
        "gipfel",
        "treffen",
        "abkommen",
        "grenze",
        "konflikt",
        "krieg",
        "partnerschaft",
        "allianz",
        "achse",
        "dialog",
        "handelskrieg",
        "verhandlungen",
    ]
)

#: Words marking a parenthesised acronym's long form as an intergovernmental body.
IGO_NAME_WORDS: tuple[str, ...] = (
    "staatengemeinschaft",
    "staatenbund",
    "bündnis",
    "allianz",
    "gemeinschaft",
    "organisation",
    "union",
    "vereinte",
    "internationale",
    "vertrag",
)

#: Lowercase words allowed inside an acronym's long form ("Bank für Internationalen ...").
LONG_FORM_CONNECTORS: frozenset[str] = frozenset({"für", "der", "des", "und", "von", "zur", "zum"})
