"""Speaker phrases: find them next to a cue, guess their gender, resolve pronouns.

There is no German parser to install offline, so the subject of a verb of
saying is read from German word order: in a main clause the subject stands
right before the finite verb ("Hegseth sagte") or, when something else opens
the clause ("Am Montag sagte Hegseth", "„…“, sagte Hegseth"), right after it. A
noun phrase is determiners, adjectives and capitalised words, extended by
genitive attributes ("der Sprecher des Ministeriums"), a name in apposition
("die Sprecherin …, Mao Ning,") and a short bracket ("(SPD)").

Speakers are linked to actor records through ``doc._.mentions`` when a mention
overlaps the phrase; without mentions the phrase itself is the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import add

from spacy.attrs import IDX, IS_SPACE, ORTH, SPACY
from spacy.tokens import Doc

from lagebild.components.quote_lexicon import QuoteLexicon, dictionary_form
from lagebild.model import Mention

MAX_ADJECTIVES = 4  # "der stellvertretende russische Außenminister": more is a clause, not an NP
MAX_BRACKET = 6  # "(SPD)", "(BKA)", "( Bündnis 90/Die Grünen )"; longer brackets are asides
MAX_SKIPPED_ADVERBS = 2  # "sagte jedoch auch der Minister": adverbs between verb and subject
MAX_SKIPPED_PHRASE = 3  # "sagte am Montag der Minister": a short phrase between them
MAX_FIELD = 16  # tokens before the verb; a longer field is a clause, not a subject
QUOTE_MARKS = frozenset({"„", "“", "”", '"', "»", "«"})
MAX_QUOTED_NAME = 5  # "„Aktion Deutschland hilft“"; longer quoted stretches are speech
MAX_LOWER_CASE_NOUN_WORDS = 4  # "the deputy foreign minister"; more is a clause
MAX_APPOSITION_ATTRIBUTES = 2  # "Leiter der Abteilung … bei der FES": prepositional phrases
MAX_TIME_PHRASE = 3  # "den ganzen Tag": an article, an adjective and the noun of time
#: A web address used as a name ("nordland.de", "nord-online.de"): lower case, yet a source.
_WEB_NAME = re.compile(r"^[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:de|com|org|net|at|ch|eu|info)$")
BOUNDARIES = frozenset({",", ";", ":", "–", "—", "(", ")", ".", "!", "?", "…"})


@dataclass(frozen=True, slots=True)
class TokenView:
    """The non-space tokens of a document as parallel lists (fast to scan), and its text."""

    words: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]
    vocabulary: frozenset[str]  # the lower-case words: a rare word's absence is one lookup
    text: str = ""

    @classmethod
    def from_doc(cls, doc: Doc, text: str | None = None) -> TokenView:
        """The view of ``doc``; ``text`` is its text when the caller has it (the analyzer
        keeps it in ``doc._.text``), else it is joined from the tokens."""
        # one array read instead of a spaCy Token object per token; ``Doc.text`` would
        # build every Token again, which cost as much as the view
        orths, spaces, is_space, idxs = doc.to_array([ORTH, SPACY, IS_SPACE, IDX]).T.tolist()
        every = list(map(doc.vocab.strings.__getitem__, orths))
        if text is None:
            text = "".join([w + " " if sp else w for w, sp in zip(every, spaces, strict=True)])
        if any(is_space):
            kept = [not s for s in is_space]
            words, starts = list(compress(every, kept)), list(compress(idxs, kept))
        else:
            words, starts = every, idxs
        lowers = [w.lower() for w in words]
        return cls(
            words=words,
            lowers=lowers,
            starts=starts,
            ends=list(map(add, starts, map(len, words))),
            vocabulary=frozenset(lowers),
            text=text,
        )

    def __len__(self) -> int:
        return len(self.words)

    def at_char(self, char: int) -> int:
        """Index of the first token that ends after ``char``."""
        return bisect_left(self.ends, char + 1)

    def is_cap(self, i: int) -> bool:
        """A word that can be (part of) a name: capitalised, "G8", "al-Dschasira", "d'Italia"."""
        w = self.words[i]
        if w[:1].isupper() or (w[:1].isdigit() and any(c.isupper() for c in w)):
            return True
        # a lower-case particle glued to a name: "el-Baradei", "d'Italia", "l’Humanité"
        glue = next((k for k, c in enumerate(w[:4]) if c in "-'’"), -1)
        return 0 < glue <= 3 and w[glue + 1 : glue + 2].isupper()


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker or addressee phrase: token range [start, end) and its mention, if any."""

    start: int
    end: int
    mention: Mention | None = None
    gender: str = ""  # "f" | "m" | "" (unknown)
    is_pronoun: bool = False


def _is_adjective(tv: TokenView, i: int, lx: QuoteLexicon) -> bool:
    low = tv.lowers[i]
    if low in lx.prepositions or low in lx.complementizers or low in lx.cues:
        return False
    if low in lx.verb_forms or lx.pronoun(low) is not None:
        return False  # "gibt es eine Schätzung": "es" is no adjective of "eine"
    if low in lx.standalone_relatives:
        return False  # "Gerüchte, nach denen Barrett …": a pronoun, never before a noun
    w = tv.words[i]
    if w[:1].isdigit() and "-" in w:  # "der 85-jährige Papst", "die 20-köpfige Delegation"
        return w.partition("-")[2][:1].islower()
    if w[:1].islower() and tv.is_cap(i):
        return False  # "ai-Bericht", "el-Baradei": a noun or name behind a particle
    return w[:1].islower() and (
        low.endswith(lx.adjective_endings) or "-" in low or low[:1].isdigit()
    )


def _adverb_before_adjective(
    tv: TokenView, i: int, limit: int, lx: QuoteLexicon, *, chained: bool = False
) -> bool:
    """An uninflected word grading the adjective after it ("die international anerkannte
    Regierung", "die politisch motivierte Tat"): its own dictionary form, no verb. Right
    after an article, a sentence adverb grades too, and two may stand in a row ("der erst
    kürzlich ernannte Bischof", "die noch amtierende Ministerin")."""
    low = tv.lowers[i]
    after_article = chained or (i > 0 and tv.lowers[i - 1] in lx.determiners)
    return (
        i + 1 < limit
        and tv.words[i][:1].islower()
        and low.isalpha()
        and low not in lx.prepositions
        and low not in lx.determiners
        and low not in lx.pronouns
        and low not in lx.reflexives
        and (low not in lx.sentence_adverbs or after_article)
        and low not in lx.cues
        and tv.lowers[i + 1] not in lx.determiners
        and (
            _is_adjective(tv, i + 1, lx)
            or (
                after_article
                and not chained
                and _adverb_before_adjective(tv, i + 1, limit, lx, chained=True)
            )
        )
        and dictionary_form(low, lx.code) == low
    )


def opens_relative_clause(tv: TokenView, j: int, stop: int, lx: QuoteLexicon) -> bool:
    """Whether word ``j`` is a relative pronoun opening a clause, not an article.

    "die Anlagen" is an article and its noun; in "die von EFE zitiert wird"
    no noun phrase follows, so the pronoun opens a clause.
    """
    return (
        tv.lowers[j] in lx.relative_pronouns
        and noun_phrase_end(tv, j, stop, lx, nested=True) is None
        and not _verb_second(tv, j, stop, lx)
    )


def _verb_second(tv: TokenView, j: int, stop: int, lx: QuoteLexicon) -> bool:
    """Whether the pronoun at ``j`` is the subject of a main clause: a finite auxiliary or
    modal follows it ("…, das ist eine schwierige Frage", "…, das dürfte schwer werden").
    A relative clause puts its finite verb last ("…, die zurückgetreten ist, …")."""
    verb = j + 1
    return verb < stop and tv.words[verb][:1].islower() and tv.lowers[verb] in lx.verb_forms


def _extended_attribute_end(tv: TokenView, pos: int, limit: int, lx: QuoteLexicon) -> int | None:
    """Where a prepositional phrase inside an adjective attribute ends, if one starts at ``pos``.

    "der für die Region zuständige Koordinator", "die in New York geborene
    Sängerin", "die das Unglück überlebende Frau": between the article and its
    noun, a prepositional phrase or an object leans on
    the adjective after it, and a noun follows. A relative clause opens the same
    way ("die im Mai jeden Jahres ausgezahlt wird", "die mittels einer Brücke die
    Stadt versorgten") but has no noun after its adjective-like words.
    """
    if pos >= limit:
        return None
    if tv.lowers[pos] in lx.prepositions:
        end = noun_phrase_end(tv, pos + 1, limit, lx, nested=True)
        while end is not None and end < limit and tv.lowers[end] in lx.np_conjunctions:
            end = noun_phrase_end(tv, end + 1, limit, lx, nested=True)  # "in Berlin und Rom"
    elif tv.lowers[pos] in lx.determiners and tv.lowers[pos] not in lx.pronouns:
        end = noun_phrase_end(tv, pos, limit, lx, nested=True)  # "die das Unglück überlebende"
    elif cardinal(tv.words[pos]) and pos + 1 < limit and tv.is_cap(pos + 1):
        end = pos + 2  # "der 27 Jahre junge Bezirksrat": a measure
    else:
        return None
    if end is None:
        return None
    j = end
    while (
        j < limit
        and j - end < MAX_ADJECTIVES
        and tv.lowers[j] not in lx.determiners
        and _is_adjective(tv, j, lx)
    ):
        j += 1
    if j == end or j >= limit or not tv.is_cap(j):
        return None
    return end


def _lower_case_name(tv: TokenView, i: int, lx: QuoteLexicon) -> bool:
    """A name written in lower case: a web address ("nordland.de") or one the language
    lists ("dpa", "taz")."""
    return tv.lowers[i] in lx.lower_case_names or bool(_WEB_NAME.match(tv.words[i]))


def _adverb(tv: TokenView, i: int, lx: QuoteLexicon) -> bool:
    """Whether word ``i`` is a sentence adverb ("Dann", "Kurz darauf"), not a name
    spelt like one: capitalised right after a lower-case word, "Kurz" in "sagte
    Kurz" is the chancellor. After a capitalised word it may open a sentence whose
    full stop the source lost ("… Verschwiegenheitspflichten Auch der …")."""
    if tv.lowers[i] not in lx.sentence_adverbs:
        return False
    if i == 0 or not tv.words[i][:1].isupper():
        return True
    before = tv.words[i - 1]
    return not (before[:1].islower() and before.isalpha())


def noun_phrase_end(
    tv: TokenView, i: int, limit: int, lx: QuoteLexicon, *, nested: bool = False
) -> int | None:
    """End (exclusive) of the noun phrase starting at token ``i``, or None."""
    if i >= limit:
        return None
    if tv.lowers[i] in lx.pronouns:
        return i + 1
    pos = i
    if _adverb(tv, pos, lx) and tv.lowers[pos] not in lx.determiners:
        return None
    if tv.lowers[pos] in lx.determiners:
        pos += 1
        pos = _extended_attribute_end(tv, pos, limit, lx) or pos
    if pos < limit and _lower_case_name(tv, pos, lx):  # "wie nord-online.de berichtet"
        return _extend(tv, pos + 1, limit, lx, nested=nested)
    adjectives = 0
    while (
        pos < limit
        and adjectives < MAX_ADJECTIVES
        and (_is_adjective(tv, pos, lx) or _adverb_before_adjective(tv, pos, limit, lx))
    ):
        pos += 1
        adjectives += 1
    core = pos
    pos = _quoted_name_end(tv, pos, limit)
    while pos < limit and (
        (tv.is_cap(pos) and tv.words[pos] not in lx.np_stopwords and not _adverb(tv, pos, lx))
        or (pos > core and _lower_case_name(tv, pos, lx))  # "der Website nordland.de"
        or (
            pos > core
            and (_name_particle(tv, pos, lx) or _name_number(tv.words[pos]))
            and pos + 1 < limit
            and tv.is_cap(pos + 1)
        )  # "Ludwig van Beethoven", "Bayer 04 Leverkusen"
        or (pos > core and _number_of(tv, pos, lx))  # "vom November 2011", "Artikel 65"
    ):
        pos += 1
    if pos > core and not lx.nouns_capitalised:
        # "State Department spokesman Matthew Miller": a lower-case office between names
        run = lower_case_noun_end(tv, pos, limit, lx)
        if run > pos and tv.lowers[run - 1].endswith(lx.office_endings):
            pos = run
            while pos < limit and tv.is_cap(pos) and tv.words[pos] not in lx.np_stopwords:
                pos += 1
    if pos == core and not lx.nouns_capitalised and pos > i:
        pos = core = i + 1  # English: "the minister", "a senior US official"
        pos = lower_case_noun_end(tv, pos, limit, lx, names=True)
    if pos == core:
        return None
    return _extend(tv, pos, limit, lx, nested=nested)


def lower_case_noun_end(
    tv: TokenView, pos: int, limit: int, lx: QuoteLexicon, *, names: bool = False
) -> int:
    """End of the lower-case words of a noun phrase in a language that does not capitalise
    nouns ("the foreign minister"): a few words, never over a closed-class word, so "said
    the exercises were over" stops before "were". With ``names``, capitalised words may
    stand among them ("a senior US official")."""
    start = pos
    while (
        pos < limit
        and pos - start < MAX_LOWER_CASE_NOUN_WORDS
        and tv.words[pos].isalpha()
        and (names or tv.words[pos][:1].islower())
        and tv.words[pos] not in lx.np_stopwords
        and tv.lowers[pos] not in lx.prepositions
        and (tv.lowers[pos] not in lx.cues or tv.lowers[pos] in lx.cue_nouns)
        and tv.lowers[pos] not in lx.np_breaks
        and tv.lowers[pos] not in lx.genitive_determiners  # "of": an attribute follows
        and tv.lowers[pos] not in lx.determiners
        and tv.lowers[pos] not in lx.pronouns
        and not (pos > start and _past_tense_verb(tv, pos, limit, lx))
    ):
        pos += 1
    return pos


def _past_tense_verb(tv: TokenView, i: int, limit: int, lx: QuoteLexicon) -> bool:
    """An English past tense after the noun ("The president spoke", "the police arrested
    the men"); "the armed forces" keeps its participle, a noun follows it."""
    low = tv.lowers[i]
    if low in lx.irregular_past:
        return True
    if not (lx.past_tense_ending and low.endswith(lx.past_tense_ending)):
        return False
    nxt = i + 1
    return (
        nxt >= limit
        or not (tv.words[nxt][:1].islower() and tv.words[nxt].isalpha())
        or (
            tv.lowers[nxt] in lx.determiners
            or tv.lowers[nxt] in lx.pronouns
            or tv.lowers[nxt] in lx.prepositions
        )
    )


def _name_particle(tv: TokenView, i: int, lx: QuoteLexicon) -> bool:
    """A particle inside a name ("van", "von der"); an article is one only after another
    particle ("von der Leyen"), else it opens a new phrase ("der Bericht den Behörden")."""
    low = tv.lowers[i]
    return low in lx.name_particles and (
        low not in lx.determiners or tv.lowers[i - 1] in lx.name_particles
    )


_CARDINAL = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")  # "15", "1.200"; not "27." (a date)


def cardinal(word: str) -> bool:
    """Whether ``word`` is a count ("15", "1.200"), not a date's day ("27.")."""
    return _CARDINAL.fullmatch(word) is not None


def _name_number(word: str) -> bool:
    """A number inside a name ("Bayer 04 Leverkusen", "TSG 1899 Hoffenheim"), not a count
    ("laut Reuters 900 Menschen", "gemäß der Netzzeitung 40 Menschen")."""
    return word.isdigit() and (word.startswith("0") or len(word) == 4)


def _number_of(tv: TokenView, i: int, lx: QuoteLexicon) -> bool:
    """Whether word ``i`` is the number of the noun before it: a month's year, a law's
    article ("vom November 2011", "Artikel 65"), not a count ("vom Mai 300 Menschen")."""
    word, before = tv.words[i], tv.lowers[i - 1]
    return word.isdigit() and (
        before in lx.numbered_nouns or (before in lx.months and len(word) == 4)
    )


def _quoted_name_end(tv: TokenView, pos: int, limit: int) -> int:
    """Skip a short quoted name ("laut „Reuters“", "der „New York Times“")."""
    if pos < limit and tv.words[pos] in QUOTE_MARKS:
        for j in range(pos + 1, min(limit, pos + MAX_QUOTED_NAME + 2)):
            if tv.words[j] in QUOTE_MARKS:
                name = tv.is_cap(pos + 1) or _WEB_NAME.match(tv.words[pos + 1])
                return j + 1 if j > pos + 1 and name else pos
    return pos


def _extend(tv: TokenView, pos: int, limit: int, lx: QuoteLexicon, *, nested: bool) -> int:
    """Grow a noun phrase by genitives, "von"-phrases, a bracket and an apposition."""
    while pos < limit:
        low = tv.lowers[pos]
        if low == "(":
            close = next(
                (
                    j
                    for j in range(pos + 1, min(limit, pos + MAX_BRACKET + 1))
                    if tv.words[j] == ")"
                ),
                None,
            )
            if close is None:
                break
            pos = close + 1
            continue
        if (
            _is_adjective(tv, pos, lx)
            and lx.genitive_adjective_ending
            and low.endswith(lx.genitive_adjective_ending)
            and pos + 1 < limit
            and tv.is_cap(pos + 1)
        ):
            pos = (
                noun_phrase_end(tv, pos, limit, lx, nested=True) or pos + 2
            )  # "Angaben informierter Kreise"
            continue
        if low in lx.possessive_markers and not lx.nouns_capitalised:
            # "China's foreign ministry": the possessor is the article of the noun after it
            end = lower_case_noun_end(tv, pos + 1, limit, lx)
            while end < limit and tv.is_cap(end) and tv.words[end] not in lx.np_stopwords:
                end += 1  # "China's Foreign Ministry"
            if end == pos + 1:
                break
            pos = end
            continue
        if (
            low in lx.genitive_determiners
            or low in lx.np_continuations
            or (low in lx.office_prepositions and tv.lowers[pos - 1].endswith(lx.office_endings))
        ):
            nxt = pos + 1  # "Angaben von Vattenfall", "Hauptmann Sipe von der Marineinfanterie"
            end = noun_phrase_end(tv, nxt, limit, lx, nested=True)
            if end is None and not lx.nouns_capitalised and low in lx.genitive_determiners:
                bare = lower_case_noun_end(tv, nxt, limit, lx)  # "the minister of trade"
                end = bare if bare > nxt else None
            if end is None or tv.lowers[nxt] in lx.pronouns:
                break
            pos = end
            continue
        if low in lx.np_conjunctions and not nested and pos + 1 < limit:
            # "Jan Giesel und David Perteck meinen", "sagten Merkel und Sarkozy.":
            # a second phrase that runs to the verb or a boundary is coordinated
            end = noun_phrase_end(tv, pos + 1, limit, lx, nested=True)
            if (
                end is None
                or tv.lowers[pos + 1] in lx.pronouns
                or not (
                    end == limit
                    or tv.words[end] in BOUNDARIES
                    # "meinen X und Y in einer Erklärung": two names, then an adverbial
                    or (
                        tv.lowers[end] in lx.prepositions
                        and tv.is_cap(end - 1)
                        and tv.is_cap(pos - 1)
                    )
                )
            ):
                break
            pos = end
            continue
        if tv.words[pos] in QUOTE_MARKS and tv.is_cap(pos - 1):
            # a quoted name after its noun: "die Tageszeitung „The Guardian“"
            end = _quoted_name_end(tv, pos, limit)
            if end == pos:
                break
            pos = end
            continue
        if low == "," and not nested:
            if _age(tv, pos + 1, limit):
                pos += 2  # "Rita Ambe, 30, sagte": an age closes the phrase
                break
            end = apposition_end(tv, pos + 1, limit, lx)
            if end is None:
                break
            pos = end
            continue
        break
    return pos


def apposition_end(tv: TokenView, i: int, limit: int, lx: QuoteLexicon) -> int | None:
    """An apposition after a comma ("…, Mao Ning,", "…, Gründer der Band,"), closed
    by a comma, a colon before the message, the sentence end or ``limit``; a clause
    ("…, die Lage sei …") is not one."""
    if i >= limit or tv.lowers[i] in lx.pronouns:
        return None
    end = noun_phrase_end(tv, i, limit, lx, nested=True)
    if end is None or not tv.is_cap(end - 1):
        return None
    for _ in range(MAX_APPOSITION_ATTRIBUTES + 1):
        if end == limit or tv.words[end] in (",", ".", "!", "?", ":"):
            return end
        low = tv.lowers[end]
        if (low not in lx.prepositions and low not in lx.np_conjunctions) or low in lx.cues:
            return None
        # "…, Vorsitzender des Bankenausschusses im Senat, …": an attribute of the apposition;
        # "…, Dekan der Fakultät und Vorsitzende des Ausschusses, …": two offices
        nxt = noun_phrase_end(tv, end + 1, limit, lx, nested=True)
        if nxt is None:
            return None
        end = nxt
    return None


def _age(tv: TokenView, i: int, limit: int) -> bool:
    """Whether word ``i`` is an age between commas ("Rita Ambe, 30, sagte")."""
    word = tv.words[i] if i < limit else ""
    return word.isdigit() and len(word) <= 3 and i + 1 < limit and tv.words[i + 1] == ","


def noun_phrase_start(tv: TokenView, end: int, floor: int, lx: QuoteLexicon) -> int | None:
    """Start of the noun phrase that ends right before ``end`` ("der Polizei zufolge")."""

    def verb_after_subject(k: int) -> bool:  # "Die Milizen gewinnen", "Das Team kam"
        return (
            k > floor
            and tv.words[k][:1].islower()
            and tv.lowers[k] not in lx.determiners
            and (tv.is_cap(k - 1) or tv.lowers[k - 1] in lx.pronouns)
        )

    for start in range(max(floor, end - 10), end):
        if start > floor and (
            tv.lowers[start - 1] in lx.determiners
            or (
                _is_adjective(tv, start - 1, lx)
                and not verb_after_subject(start - 1)
                and tv.lowers[start] not in lx.determiners  # no attribute precedes an article
            )
        ):
            continue  # inside a longer phrase: "der jüngsten Umfrage"
        if verb_after_subject(start):
            continue  # "Die Milizen gewinnen Medienberichten zufolge": not the phrase's start
        if (
            start + 1 < end
            and tv.words[start][:1].islower()
            and tv.lowers[start] not in lx.determiners
            and tv.lowers[start + 1] in lx.determiners
        ):
            continue  # "… liegen dem Bericht zufolge": the verb, not an attribute
        if noun_phrase_end(tv, start, end, lx) == end:
            return start
    return None


def so_phrase_end(tv: TokenView, pos: int, limit: int, lx: QuoteLexicon) -> int | None:
    """End of the speaker phrase after ", so": a noun phrase, or a pronoun that closes the
    clause alone ("„…“, so letztere.", "…, so einige."): lower case, it is no noun phrase."""
    end = noun_phrase_end(tv, pos, limit, lx)
    if (
        end is None
        and pos < limit
        and (lx.pronoun(tv.lowers[pos]) is not None or tv.lowers[pos] in lx.indefinite_pronouns)
        and (pos + 1 >= limit or tv.words[pos + 1] in BOUNDARIES)
    ):
        end = pos + 1
    return end


def prepositional_phrases_end(tv: TokenView, pos: int, limit: int, lx: QuoteLexicon) -> int | None:
    """Where the prepositional phrases starting at ``pos`` end ("im Irak", "am Donnerstag
    im Ausschuss des Parlaments"); ``pos`` itself when none starts there, None when a
    preposition has no phrase after it."""
    while pos < limit and tv.lowers[pos] in lx.prepositions:
        end = noun_phrase_end(tv, pos + 1, limit, lx, nested=True)
        if end is None:
            return None
        pos = end
    return pos


def phrase_bounds(
    tv: TokenView, start: int, end: int, floor: int, lx: QuoteLexicon
) -> tuple[int, int]:
    """A speaker phrase as the annotation convention spans it: whole noun phrase, no verb.

    SpkAtt (and a reader) take the article with the noun ("die Süddeutsche
    Zeitung", not "Süddeutsche Zeitung"), so a phrase that starts after its
    determiner (and adjectives) takes them in; a relative pronoun after a comma
    (", die Roßberg nannte") is no article. A phrase that runs into a verb
    ("Die Botschaft stellte ihre Arbeit …": a lower-case word followed by an
    article, a pronoun or another non-adjective) stops before it.
    """
    j = start
    while (
        j > floor
        and start - j < MAX_ADJECTIVES
        and tv.lowers[j - 1] not in lx.determiners
        and _is_adjective(tv, j - 1, lx)
    ):
        j -= 1
    if (
        j > floor
        and tv.lowers[j - 1] in lx.determiners
        and tv.lowers[j - 1] not in lx.pronouns
        and tv.lowers[j] not in lx.determiners  # "zu der ein Bündnis aufrief": a relative
        and not (j - 1 > floor and tv.words[j - 2] == ",")
    ):
        start = j - 1
    if not lx.nouns_capitalised:
        return start, end  # the verb test below reads German capitalisation
    second = lx.correlative_conjunctions.get(tv.lowers[start])  # "Sowohl X als auch Y"
    for k in range(start + 1, end - 1):
        w, low = tv.words[k], tv.lowers[k]
        if not w[:1].islower() or tv.is_cap(k) or low in lx.prepositions or low in lx.determiners:
            continue  # "ai-Bericht", "al-Sisi": a name behind a particle, no verb
        if second is not None and second in (low, tv.lowers[k - 1]):
            continue  # "als auch" joins the parts
        if low in lx.name_particles or low in lx.np_conjunctions or low in lx.lower_case_names:
            continue
        if _adverb_before_adjective(tv, k, end, lx):
            continue  # "Der erst kürzlich ernannte Bischof": adverbs grading an adjective
        nxt = tv.lowers[k + 1]
        if (
            nxt in lx.determiners
            or nxt in lx.pronouns
            or nxt in lx.reflexives
            or (tv.words[k + 1][:1].islower() and not _is_adjective(tv, k + 1, lx))
        ):
            return start, k
    return start, end


def _name_before_bare_verb(tv: TokenView, clause_start: int, verb: int) -> bool:
    """A capitalised adverb-like word right before a verb that a comma follows.

    "Kurz sagte, …", "Lange erklärte, …": read as an adverb, the word would
    leave the verb without a subject (the subject of "Kurz sagte er, …" comes
    right after the verb), so it is a name here.
    """
    return (
        verb == clause_start + 1
        and tv.words[clause_start][:1].isupper()
        and verb + 1 < len(tv.words)
        and tv.words[verb + 1] == ","
    )


def past_particles(tv: TokenView, start: int, limit: int, lx: QuoteLexicon) -> int:
    """The first word after the focus particles and conjunctions that open a clause ("Auch
    das Ministerium kritisierte", "Und die Gewerkschaft wollte"): no part of its subject.
    Stops before ``limit - 1``, so a word is left for the subject."""
    while start < limit - 1 and (
        tv.lowers[start] in lx.focus_particles or tv.lowers[start] in lx.leading_conjunctions
    ):
        start += 1
    return start


def subject_before(tv: TokenView, clause_start: int, verb: int, lx: QuoteLexicon) -> int | None:
    """Start of the subject filling the field before the finite verb, if it is one.

    German puts exactly one constituent before the finite verb of a main
    clause; when that field opens like a noun phrase (determiner, name,
    pronoun) rather than with a preposition or an adverb, all of it is the
    subject ("Das tibetische Exilparlament im indischen Dharamshala erklärte").
    """
    if verb - clause_start > MAX_FIELD or verb <= clause_start:
        return None
    clause_start = past_particles(tv, clause_start, verb, lx)  # "Auch das Ministerium kritisierte"
    first = tv.lowers[clause_start]
    if first in lx.object_determiners:
        return None  # an object opens the clause; the subject follows the verb
    if first in lx.hortative_verbs and clause_start + 1 < verb and tv.is_cap(clause_start):
        return None  # "Lasst uns gemeinsam sagen, …": an imperative, no subject
    if first in lx.genitive_only and verb == clause_start + 2:
        return None  # "Des Weiteren verwies X darauf", "Eines Tages": a genitive adverbial
    if _coordinated_subject(tv, clause_start, verb, lx):
        return clause_start  # "Er und seine Frau erklärten", "Sowohl X als auch Y kündigten"
    if lx.pronoun(first) is not None and verb == clause_start + 1:
        return clause_start  # "Es warf der Regierung vor, …", "Dieser sagte": the subject
    if first in lx.indefinite_pronouns and verb == clause_start + 1:
        return clause_start  # "Einige sagen, …": a quantifier alone is the subject
    if first in lx.sentence_adverbs and _name_before_bare_verb(tv, clause_start, verb):
        return clause_start  # "Kurz sagte, …": an adverb would leave the verb no subject
    if (
        first in lx.prepositions
        or first in lx.complementizers
        or (first in lx.sentence_adverbs and first not in lx.determiners)
    ):
        return None
    if first in lx.pronouns:
        return None
    if (
        lx.nouns_capitalised  # English capitalises any first word: "Police said"
        and (verb == clause_start + 1 or tv.lowers[clause_start + 1] in lx.prepositions)
        and first not in lx.determiners  # "Der für die Region zuständige Koordinator"
        and _adverbial_word(tv.words[clause_start], lx)
    ):
        # "Besorgt äußerte sich …", "Insbesondere kritisiert …", "Passend zu … warnte":
        # an adverbial, no subject
        return None
    # a count opens its phrase ("15 weitere Abgeordnete erklärten")
    first_word = clause_start + 1 if cardinal(tv.words[clause_start]) else clause_start
    end = noun_phrase_end(tv, first_word, verb, lx)
    if end is None:
        return None
    if _time_phrase(tv, clause_start, end, verb, lx):
        return None  # "Diese Woche sagte der Minister": a time; the subject follows the verb
    return clause_start


def _coordinated_subject(tv: TokenView, start: int, verb: int, lx: QuoteLexicon) -> bool:
    """Whether the field [start, verb) joins two subjects: a pronoun and a phrase ("Er und
    seine Frau", "Er sowie Giesel") or a two-part conjunction ("Sowohl die Behörde als
    auch das Militär"); each part ends right where the next begins."""
    first = tv.lowers[start]
    second = lx.correlative_conjunctions.get(first)
    if second is not None:
        joins = [k for k in range(start + 2, verb - 1) if tv.lowers[k] == second]
        return bool(joins) and noun_phrase_end(tv, start + 1, joins[0], lx) == joins[0]
    return (
        lx.pronoun(first) is not None
        and start + 2 < verb
        and tv.lowers[start + 1] in lx.np_conjunctions
        and noun_phrase_end(tv, start + 2, verb, lx) == verb
    )


def _time_phrase(tv: TokenView, start: int, end: int, verb: int, lx: QuoteLexicon) -> bool:
    """Whether the field [start, verb) is a short phrase headed by a noun of time
    ("Diese Woche", "Vergangenen Montag", "Ende April"), perhaps set in time by a phrase
    after it ("Wenige Wochen vor dem Referendum"); a genitive of time on another noun ("Der
    Sprecher der Woche") leaves that noun the head."""
    return (
        (
            end == verb
            or (
                tv.lowers[end] in lx.time_relation_prepositions
                and prepositional_phrases_end(tv, end, verb, lx) == verb
            )
        )
        and end - start <= MAX_TIME_PHRASE
        and tv.lowers[end - 1] in lx.adverbial_time_nouns
        and not any(tv.lowers[k] in lx.determiners for k in range(start + 1, end))
    )


def _adverbial_word(word: str, lx: QuoteLexicon) -> bool:
    """A capitalised word the dictionary knows only as a lower-case base form.

    Adverbs and uninflected adjectives ("Insbesondere", "Besorgt") are their
    own lemmas, and only the sentence start capitalises them, so alone before
    the verb they are an adverbial, not a subject. Names and nouns keep their
    capital as lemmas; a name that is also an inflected word ("Gall", a form of
    "gallen") lemmatises to something else and stays a possible subject.
    """
    low = word.lower()
    if not (word[:1].isupper() and word[1:] == low[1:]):
        return False
    lemma = dictionary_form(word, lx.code)
    if lemma == low:
        return True
    # "Passend" (→ "passen"), "Relativierend": a present participle used as an adverb
    return low.endswith(lx.verb_only_participle_endings) or (
        low.endswith(lx.participle_endings) and lemma[:1].islower()
    )


def _closes_bracket(tv: TokenView, start: int, i: int) -> bool:
    return tv.words[i] == ")" and "(" in tv.words[start:i]


def trim_phrase(tv: TokenView, start: int, end: int, lx: QuoteLexicon) -> int:
    """Drop trailing adverbs and commas ("Die Kanadier hingegen" → "Die Kanadier").

    A closing bracket whose opening one is in the phrase stays with its content
    ("Die Deutsche Presse-Agentur (dpa)"). Where nouns are not capitalised, a
    lower-case word is the head ("the ministry"), so only punctuation goes.
    """
    while (
        end - 1 > start
        and not _closes_bracket(tv, start, end - 1)
        and (
            tv.words[end - 1] in BOUNDARIES
            or (
                lx.nouns_capitalised
                and tv.words[end - 1][:1].islower()
                and not tv.is_cap(end - 1)  # keep "al-Sisi"
                and not _lower_case_name(tv, end - 1, lx)  # and "nordland.de", "dpa"
            )
        )
    ):
        end -= 1
    return end


def subject_after(tv: TokenView, verb: int, limit: int, lx: QuoteLexicon) -> tuple[int, int] | None:
    """The subject right after a fronted verb ("sagte der Minister am Montag")."""
    pos = verb + 1
    phrase_skipped = False
    for _ in range(MAX_SKIPPED_ADVERBS + 2):
        if (
            pos > verb + 1
            and pos + 2 < limit
            and tv.words[pos] == ","
            and tv.lowers[pos + 1] in lx.weekdays
            and tv.words[pos + 2] == ","
        ):
            pos += 3  # "teilte heute, Freitag, die Behörde mit": the day is the adverb's
            continue
        if pos >= limit or tv.words[pos] in BOUNDARIES:
            return None
        low = tv.lowers[pos]
        if (
            low in lx.sentence_adverbs
            and tv.words[pos][:1].islower()
            and low not in lx.determiners
            and low not in lx.name_particles  # "sagte da Silva"
            and low not in lx.complementizers  # "berichteten und dass …": a clause follows
            and low not in lx.leading_conjunctions
            and lx.pronoun(low) is None
        ):
            pos += 1  # "berichtete damals das Institut": the adverb is no part of the subject
            continue
        end = noun_phrase_end(tv, pos, limit, lx)
        if end is not None:
            if tv.lowers[pos] in lx.object_determiners:
                return None  # "kritisierte den Anschlag": an object, the subject stood before
            return pos, end
        low = tv.lowers[pos]
        if low in lx.demonstratives or low in lx.indefinite_pronouns:
            # "so schrieb diese in einer Stellungnahme", "dachte niemand": a pronoun
            return pos, pos + 1
        if (
            low in lx.name_particles
            and low not in lx.prepositions
            and pos + 1 < limit
            and tv.is_cap(pos + 1)
        ):  # "sagte al Huthi": the particle opens the name
            end = noun_phrase_end(tv, pos + 1, limit, lx)
            if end is not None:
                return pos, end
        attribute = _extended_attribute_end(tv, pos, limit, lx) if pos == verb + 1 else None
        if attribute is not None and tv.lowers[attribute].endswith(lx.participle_adjective_endings):
            # "sagten mit dem Vorgang vertraute Personen": a participle's attribute with no
            # article ("fordert im Zuge des Ausgleichs zusätzliche Mittel" is an object)
            end = noun_phrase_end(tv, attribute, limit, lx)
            if end is not None:
                return pos, end
        if low in lx.time_prepositions and not phrase_skipped and pos == verb + 1:
            # "…, sagte am Montag der Minister": one short phrase of time first
            head = phrase_head(tv, pos + 1, min(limit, pos + 1 + MAX_SKIPPED_PHRASE), lx)
            if head is None or (head + 1 < limit and tv.lowers[head + 1] in lx.genitive_only):
                return None  # "am Rande des Gipfels": the phrase goes on
            pos, phrase_skipped = head + 1, True
            continue
        if low in lx.prepositions or low in lx.complementizers or not tv.words[pos][:1].islower():
            return None
        pos += 1
    return None


def phrase_head(tv: TokenView, pos: int, limit: int, lx: QuoteLexicon) -> int | None:
    """The noun heading the phrase at ``pos`` ("am Montag", "am späten Abend", "in einer
    viel beachteten Studie der Universität"), read without attributes: "am Montag der
    Minister" is a time and the subject, not one phrase with a genitive."""
    if pos < limit and tv.lowers[pos] in lx.determiners:
        pos += 1
    while pos < limit and (
        _is_adjective(tv, pos, lx) or _adverb_before_adjective(tv, pos, limit, lx)
    ):
        pos += 1
    return pos if pos < limit and tv.is_cap(pos) else None


def guess_gender(tv: TokenView, start: int, end: int, lx: QuoteLexicon) -> str:
    """'f', 'm', 'n' or '' from role nouns, first names, articles and head nouns.

    A phrase with a gender is taken up only by a pronoun of that gender, so "sagte er"
    skips "die Regierung" and "das Ministerium" for the man named before them.
    """
    words = tv.words[start:end]
    low0 = tv.lowers[start]
    for w in words:
        if w[:1].isupper() and w.lower().endswith(lx.feminine_role_endings):
            return "f"
        if w in lx.female_first_names:
            return "f"
        if w in lx.male_first_names:
            return "m"
    first_cap = next((w for w in words if w[:1].isupper() and w.isalpha()), "")
    if (
        first_cap
        and len(words) > 1
        and first_cap.endswith("a")
        and first_cap not in lx.male_names_ending_in_a
    ):
        return "f" if low0 not in lx.masculine_determiners else "m"
    if low0 in lx.masculine_determiners:
        return "m"
    if low0 in lx.neuter_determiners:
        return "n"
    if low0 in lx.feminine_determiners and any(
        w.endswith(lx.feminine_noun_endings) for w in words[1:3] if w[:1].isupper()
    ):
        return "f"
    return ""


@dataclass(slots=True)
class SpeakerMemory:
    """People and sources seen so far in one document, for pronouns and "demnach"."""

    entries: list[tuple[int, str, str, Mention | None]]  # (char start, text, gender, mention)

    def remember(self, char: int, text: str, gender: str, mention: Mention | None) -> None:
        self.entries.append((char, text, gender, mention))

    def resolve(
        self,
        before: int,
        *,
        gender: str,
        plural: bool,
        mentions: Sequence[Mention],
        gender_of: Callable[[Mention], str],
        recent: int | None = None,
    ) -> tuple[str, Mention | None] | None:
        """The most recent compatible antecedent before char offset ``before``.

        A person just quoted (a speaker at or after char ``recent``) whose gender the
        lexicon cannot tell ("…, sagte Demirtaş. Er rief …") is taken before an older
        person of the pronoun's gender: the pronoun goes on with the speaker.
        """
        candidates = [e for e in self.entries if e[0] < before]
        seen = {e[0] for e in candidates}
        candidates += [
            (m.start, m.text, gender_of(m), m)
            for m in mentions
            if m.start < before and m.kind == "PER" and m.start not in seen
        ]
        candidates.sort(key=lambda e: e[0], reverse=True)
        if plural:
            for _, text, g, m in candidates:
                if not g and (m is None or m.kind != "PER"):
                    return text, m
            return None
        if not gender:
            return (candidates[0][1], candidates[0][3]) if candidates else None
        if candidates and recent is not None:
            start, text, g, m = candidates[0]
            just_quoted = start >= recent and start in seen
            if just_quoted and not g and m is not None and m.kind == "PER":
                return text, m
        # people of that gender, then people of unknown gender, then bodies of that
        # gender ("der Verband", "die Regierung"), then anything of unknown gender
        for _, text, g, m in candidates:
            if g == gender and (m is None or m.kind == "PER"):
                return text, m
        for _, text, g, m in candidates:
            if not g and (m is not None and m.kind == "PER"):
                return text, m
        for _, text, g, m in candidates:
            if g == gender or not g:
                return text, m
        return None


def link_mention(
    mentions: Sequence[Mention], start: int, end: int, text: str = ""
) -> Mention | None:
    """The actor mention inside a speaker phrase: a person first, else the first one.

    Of several people, the one opening the phrase or, after a role, the one set off by a
    comma is the speaker: "der Sprecher von Präsident Putin, Dmitri Peskow" is Peskow.
    """
    inside = [m for m in mentions if m.start < end and m.end > start]
    if not inside:
        return None
    people = [m for m in inside if m.kind == "PER"]
    if len(people) > 1 and people[0].start > start and text:
        apposed = [m for m in people if text[max(start, m.start - 2) : m.start].strip() == ","]
        if apposed:
            return apposed[0]
    return people[0] if people else min(inside, key=lambda m: m.start)


def split_at_mentions(
    mentions: Sequence[Mention], start: int, end: int
) -> tuple[Mention, Mention] | None:
    """Two adjacent actor mentions making up one phrase ("sagte Xi Putin"): speaker, addressee."""
    people = sorted(
        (
            m
            for m in mentions
            if m.start >= start and m.end <= end and m.kind in ("PER", "ORG", "GPE", "IGO")
        ),
        key=lambda m: m.start,
    )
    # adjacent names only: "Schalkes Trainer Felix Magath" is one phrase with a role between
    if (
        len(people) >= 2
        and people[0].start == start
        and people[1].start - people[0].end <= 1
        and people[1].end == end
    ):
        return people[0], people[1]
    return None
