"""Words that mark a scraping seam where two German words were glued together.

Scraped pages lose the space where an inline element (a link, a caption, a
line break) ended: "demMiguel Díaz-Canel", "genanntund". The cleaner splits
such a seam only when one side is a closed-class word listed here, so that
intentional camel case ("McDonald", "iPhone", "DeutschlandTicket") is kept.
"""

from __future__ import annotations

#: Closed-class words that may stand glued in front of a capitalised word
#: ("demMiguel" -> "dem Miguel"). Only words that never start a camel-case
#: compound in ordinary German are listed.
FUNCTION_WORDS: tuple[str, ...] = (
    # articles and their contractions with prepositions
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines",
    "kein", "keine", "keiner", "keinem", "keinen", "keines",
    "am", "im", "ins", "beim", "vom", "zum", "zur",
    # prepositions
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "hinter", "in", "mit", "nach", "neben",
    "ohne", "seit", "über", "um", "unter", "von", "vor", "zu", "zwischen", "laut", "trotz",
    "während", "wegen", "gegenüber", "sowie",
    # conjunctions and particles
    "und", "oder", "aber", "sondern", "dass", "als", "wie", "weil", "wenn", "ob",
    # possessives and demonstratives
    "sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren",
    "ihrer", "ihres", "dieser", "diese", "dieses", "diesem", "diesen",
)

#: Capitalised words that may follow a glued lowercase word of any kind
#: ("erklärtePräsident" -> "erklärte Präsident"): titles that open a name.
NAME_OPENERS: tuple[str, ...] = (
    "Präsident", "Präsidentin", "Ministerpräsident", "Ministerpräsidentin", "Kanzler",
    "Kanzlerin", "Bundeskanzler", "Bundeskanzlerin", "Minister", "Ministerin", "Außenminister",
    "Außenministerin", "Verteidigungsminister", "Verteidigungsministerin", "Premierminister",
    "Premierministerin", "Regierungschef", "Regierungschefin", "Staatschef", "Staatschefin",
    "Generalsekretär", "Generalsekretärin", "Sprecher", "Sprecherin", "Botschafter",
    "Botschafterin", "General", "Herr", "Frau", "Dr", "Prof",
)

#: Coordinating words that get glued to the end of the previous word
#: ("genanntund"). Split only when the left piece ends like a German verb form
#: (see ``LEFT_ENDINGS``): no German word ends in "-tund", "-enund", "-toder",
#: "-tsowie" or "-tdass".
CONJUNCTIONS: tuple[str, ...] = ("und", "oder", "sowie", "dass")

#: Endings of the left piece for a ``CONJUNCTIONS`` split: participles
#: ("genannt", "kritisiert") and infinitives/plural verb forms ("sagen").
LEFT_ENDINGS: tuple[str, ...] = ("t", "en")

#: Written-together names that look like a glued seam but are spelt so on
#: purpose (brands, party and media names). Matched case-sensitively.
EXCEPTIONS: tuple[str, ...] = (
    "derStandard", "dieBasis", "DasErste", "imWeb", "inFranken", "vonWegen", "zuHause",
    "dieStandard", "ausVersehen", "einStein",
)
