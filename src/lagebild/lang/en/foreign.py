"""Word lists for spotting machine translation and foreign passages in English text.

The Romance tables are shared with German (``lagebild.lang.de.foreign``);
what differs per host language is the German table, the exclusions (English
words and loanwords such as "pour", "chez", "déjà") and the native function
words that mark English prose. Entries are lowercase.
"""

from __future__ import annotations

from lagebild.lang.de.foreign import FRENCH, ITALIAN, PORTUGUESE, SPANISH

GERMAN: tuple[str, ...] = (
    "und", "oder", "sowie", "nicht", "jedoch", "allerdings", "zwischen", "auch", "bereits",
    "gegen", "über", "für", "mit", "dass", "wurde", "wurden", "werden", "sich", "eine",
    "einer", "einem", "einen", "dem", "den", "des", "das", "zum", "zur", "nach", "außerdem",
    "darüber hinaus", "zudem", "dennoch", "trotzdem", "laut", "sagte", "erklärte", "regierung",
    "bündnis", "zusammenarbeit", "beziehungen", "außenministerium", "verteidigungsminister",
)

FOREIGN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("de", GERMAN),
    ("es", SPANISH),
    ("fr", FRENCH),
    ("it", ITALIAN),
    ("pt", PORTUGUESE),
)

FOREIGN_NOUNS: frozenset[str] = frozenset(
    {
        "regierung", "bündnis", "zusammenarbeit", "beziehungen", "außenministerium",
        "verteidigungsminister", "gobierno", "acuerdo", "relaciones", "cooperación",
        "gouvernement", "governo", "accordo", "acordo",
    }
)

#: English words and loanwords that the foreign lists must not flag.
EXCLUDED: frozenset[str] = frozenset(
    {
        "also", "die", "was", "will", "an", "in", "so", "man", "bin", "hat", "war", "con",
        "pour", "sans", "ante", "para", "hasta", "chez", "déjà", "encore", "via", "per", "pro",
        "une", "dos", "com", "mit", "alle", "alla", "the", "over", "fur", "dan", "mist",
        "bald", "rat", "art", "hand", "land", "fast", "gift", "kind", "rock", "ton", "tor",
        "verso", "sino", "sonata", "regime", "accord", "tempo", "ancora", "porque", "nous",
    }
)

#: Frequent English function words that are not also German or Romance words.
NATIVE_FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "the", "of", "and", "to", "is", "are", "were", "been", "has", "have", "had", "that",
        "this", "these", "those", "with", "which", "from", "by", "for", "on", "at", "it", "its",
        "they", "their", "them", "he", "she", "his", "her", "would", "should", "could", "said",
        "not", "but", "or", "as", "after", "before", "about", "into", "over", "than", "who",
        "whom", "whose", "when", "where", "while", "there", "be", "we", "our", "you", "your",
        "can", "may", "also", "more", "other", "such", "some", "any", "all", "one", "two",
        "a", "without", "within", "through", "during", "against", "under", "because", "if",
        "being", "until", "only", "then", "what", "how", "both", "each", "every", "very",
        "up", "out", "off", "down", "did", "does", "do",
    }
)

#: Words that legitimately start an English paragraph in lowercase.
LOWERCASE_STARTS: frozenset[str] = frozenset(
    {
        "von", "van", "de", "di", "da", "del", "della", "al", "el", "bin", "ibn", "ben",
        "iphone", "ipad", "ebay", "e-mail", "x",
    }
)
