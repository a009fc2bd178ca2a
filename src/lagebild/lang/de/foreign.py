"""Word lists for spotting machine translation and foreign passages in German text.

Machine translation into German leaves tell-tale words behind: function words
and discourse markers of the source language ("Sin embargo, die …", "Das
Treffen coincides mit …") and internationalisms in their source spelling
("die strategische Alliance"). These tables list such words per source
language. Words that are also German or common loanwords are left out here and
listed again in ``EXCLUDED`` (which the detector subtracts, so a later addition
to a foreign list cannot bring one back). Entries are lowercase; phrases are
written with single spaces. Compiled by hand from grammars of each language
(closed-class words) and from untranslated words seen in machine-translated
news.
"""

from __future__ import annotations

ENGLISH: tuple[str, ...] = (
    # function words that German never borrows
    "the", "of", "and", "with", "which", "whose", "whom", "their", "these", "those", "this",
    "that", "from", "into", "about", "after", "before", "because", "without", "within",
    "against", "during", "through", "between", "among", "would", "should", "could", "is",
    "are", "were", "has", "have", "been", "its", "it's", "they", "them", "there", "where",
    "when", "while", "whilst", "whether", "although", "though", "upon", "towards", "toward",
    # discourse markers
    "however", "whereas", "meanwhile", "moreover", "furthermore", "therefore", "thus",
    "nevertheless", "nonetheless", "despite", "amid", "amidst", "hence", "indeed",
    "according to", "in addition", "on the other hand", "as well as",
    # verbs and internationalisms machine translation leaves untranslated
    "coincides", "coincide", "coinciding", "according", "regarding", "including", "following",
    "alliance", "government", "governments", "agreement", "cooperation", "relationship",
    "relations", "spokesman", "spokeswoman", "spokesperson", "conference", "president",
    "presidency", "parliament", "treaty",
    "embassy", "ambassador", "negotiations", "sanctions", "troops", "weapons", "strategic",
    "partnership", "development", "ministry", "foreign affairs", "announced", "stated",
    "said", "says", "warned", "claimed",
)

SPANISH: tuple[str, ...] = (
    "sin embargo", "además", "asimismo", "no obstante", "por su parte", "por otro lado",
    "por otra parte", "sin duda", "mientras tanto", "mientras", "también", "aunque", "según",
    "hacia", "desde", "durante", "hasta", "cuando", "porque", "pero", "sino", "ya que",
    "así como", "así", "dicho", "dicha", "dichos", "dichas", "cual", "cuales", "cuyo", "cuya",
    "estos", "estas", "esos", "esas", "aquel", "aquella", "del", "una", "unos", "unas",
    "para", "por", "que", "con", "sobre", "tras", "entre", "ante", "bajo", "muy", "más",
    "fue", "será", "han", "había", "está", "están", "dijo", "afirmó", "señaló", "aseguró",
    "gobierno", "régimen", "acuerdo", "relaciones", "cooperación",
)

FRENCH: tuple[str, ...] = (
    "cependant", "toutefois", "néanmoins", "pourtant", "ainsi", "alors", "aussi", "avec",
    "dans", "pour", "sans", "sous", "selon", "depuis", "pendant", "parce que", "lorsque",
    "puisque", "tandis que", "d'ailleurs", "en outre", "par ailleurs", "notamment",
    "également", "donc", "leur", "leurs", "cette", "ces", "ceux", "celle", "celles", "dont",
    "qui", "nous", "vous", "très", "déjà", "les", "une", "est", "sont", "été", "était",
    "avoir", "être", "auprès", "chez", "entre", "gouvernement",
)

ITALIAN: tuple[str, ...] = (
    "tuttavia", "inoltre", "però", "pertanto", "dunque", "quindi", "infatti", "mentre",
    "anche", "ancora", "sempre", "già", "molto", "della", "delle", "degli", "dello", "nella",
    "nelle", "negli", "nel", "sulla", "sul", "dalla", "dal", "alla", "alle", "gli", "che",
    "perché", "essere", "sono", "stato", "questo", "questa", "quello", "quella", "tra",
    "senza", "verso", "dopo", "secondo", "governo", "accordo",
)

PORTUGUESE: tuple[str, ...] = (
    "no entanto", "além disso", "contudo", "entretanto", "todavia", "portanto", "assim",
    "também", "ainda", "enquanto", "porém", "pelo", "pela", "pelos", "pelas", "dos", "uma",
    "com", "não", "são", "foi", "está", "estão", "seu", "sua", "seus", "suas", "isso",
    "essa", "esse", "muito", "depois", "antes", "até", "após", "governo", "acordo",
)

#: Entries that count even when capitalised in mid-sentence: nouns, which
#: machine translation capitalises like German nouns ("die strategische
#: Alliance"). Other capitalised hits in mid-sentence are names ("Han", "Said").
FOREIGN_NOUNS: frozenset[str] = frozenset(
    {
        "alliance", "government", "governments", "agreement", "cooperation", "relationship",
        "relations", "spokesman", "spokeswoman", "spokesperson", "conference",
        "presidency", "parliament", "treaty", "embassy",
        "ambassador", "negotiations", "sanctions", "troops", "weapons", "partnership",
        "development", "ministry", "gobierno", "régimen", "acuerdo", "relaciones",
        "cooperación", "gouvernement", "governo", "accordo", "acordo",
    }
)

#: Foreign-language tables in the order their language is reported when a
#: word belongs to several (Spanish before Portuguese for "entre", …).
FOREIGN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("en", ENGLISH),
    ("es", SPANISH),
    ("fr", FRENCH),
    ("it", ITALIAN),
    ("pt", PORTUGUESE),
)

#: German words and established loanwords that the lists above must not flag.
EXCLUDED: frozenset[str] = frozenset(
    {
        # spelt the same in German
        "die", "will", "also", "war", "was", "so", "an", "in", "man", "hat", "bald", "bin",
        "den", "des", "das", "um", "los", "las", "uno", "mais", "du", "encore", "hand", "land",
        "art", "still", "kind", "rat", "rest", "not", "fall", "hell", "arm", "brand", "bad",
        "fern", "mist", "tag", "gift", "post", "fast", "rock", "der", "dem", "elf", "made",
        "alle", "ist", "wo", "hier", "oder", "bis", "mit", "handel", "ton", "rang", "stern",
        "dose", "tor", "mode", "pro", "contra", "via", "per", "plus", "minus", "extra", "ante",
        "sonderbar", "sie", "es", "er", "all", "top", "partner", "fit", "best",
        "is",  # Austrian and Bavarian colloquial "ist"
        # loanwords in German news
        "statement", "team", "deal", "update", "updates", "online", "meeting", "briefing",
        "security", "summit", "job", "event", "news", "fake", "lockdown", "manager", "show",
        "service", "shutdown", "hearing", "lobby", "think", "tank", "leak", "camp", "boom",
        "coach", "design", "community", "standard", "trend", "status", "quo", "agenda",
        "diplomat", "regime", "tempo", "forte", "piano", "finale", "aroma", "cafe", "chef",
        "accord", "vers", "com", "defense", "defence", "election", "elections",
    }
)

#: Words that mark German prose: frequent function words that are not also
#: English, Spanish, French, Italian or Portuguese words (no "in", "an", "was").
#: A passage with few of these is a foreign-language candidate.
NATIVE_FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
        "eines", "und", "oder", "aber", "sowie", "ist", "sind", "war", "waren", "wird",
        "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten", "nicht", "mit", "sich",
        "auf", "für", "von", "zu", "zum", "zur", "im", "am", "auch", "noch", "nur", "bei",
        "nach", "wie", "aus", "um", "dass", "über", "vor", "durch", "gegen", "seit", "zwischen",
        "unter", "sein", "seine", "seinen", "seiner", "ihre", "ihren", "ihrer", "dieser",
        "diese", "dieses", "diesem", "diesen", "jedoch", "bereits", "schon", "kann",
        "soll", "sollen", "habe", "wenn", "weil", "damit", "dabei", "doch", "ob", "wo", "man",
        "mehr", "sagte", "beim", "vom", "ins", "als", "es", "er", "sie", "wir", "ihr", "uns",
        "nun", "hier", "dort", "bis", "ohne", "laut", "sei", "seien", "keine", "kein",
        "allerdings", "worden", "sowohl", "weder", "beiden", "beide", "alle", "wieder", "sehr",
    }
)

#: Words that legitimately start a German paragraph in lowercase (name
#: particles, lowercase brands); any other lowercase paragraph start is a
#: machine-translation or scraping tell.
LOWERCASE_STARTS: frozenset[str] = frozenset(
    {
        "von", "van", "de", "di", "da", "del", "della", "der", "zu", "al", "el", "bin", "ibn",
        "ben", "dpa", "taz", "epd", "apa", "afp", "ntv", "n-tv", "t-online", "iphone", "ipad",
        "ebay", "e-mail", "x", "zdf", "ard",
    }
)
