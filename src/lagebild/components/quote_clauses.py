"""Cue words inside a sentence: verbs of saying, "laut X", "X zufolge", ", so X".

Works on a ``TokenView`` and token indices; knows German only through the
``QuoteLexicon``. A *clause* here is the stretch between two commas, colons,
semicolons, dashes or quotation spans — enough to find a verb's subject and
separable particle without a parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.components.quote_lexicon import CueForm, QuoteLexicon, dictionary_form
from lagebild.components.speakers import (
    TokenView,
    apposition_end,
    noun_phrase_end,
    opens_relative_clause,
)

CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—"})
SENTENCE_END = frozenset({".", "!", "?", "…"})
#: Marks after which a demonstrative opening a clause stands for the clause before it
#: ("…, das teilte die Behörde mit", "… – das meint X").
BACK_REFERENCE_BREAKS = frozenset({",", "–", "—"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A verb of saying found in a clause, with where its finite verb stands."""

    verb: int  # token index of the cue verb
    form: CueForm
    finite: int  # index of the finite verb (the auxiliary of "hat … gesagt")
    particle: int | None  # index of the separable particle ("fügte … hinzu")
    clause: tuple[int, int]  # [start, end) of the clause holding the verb

    @property
    def passive(self) -> bool:
        return self.form.kind == "part" and self.finite != self.verb

    def tokens(self) -> tuple[int, ...]:
        extra = (self.finite,) if self.finite != self.verb else ()
        return (*extra, self.verb, *((self.particle,) if self.particle is not None else ()))


def clause_bounds(tv: TokenView, i: int, lo: int, hi: int, blocked: list[bool]) -> tuple[int, int]:
    """The clause around token ``i`` inside [lo, hi); quoted tokens are walls, and a comma
    inside brackets breaks no clause ("sprach für alle Länder (Kosovo, Albanien) und
    betonte, …")."""
    start, depth = i, 0
    while start > lo and not blocked[start - 1]:
        word = tv.words[start - 1]
        if word == ")" and "(" in tv.words[lo : start - 1]:
            depth += 1
        elif word == "(" and depth:
            depth -= 1
        elif word in CLAUSE_BREAKS and not depth:
            break
        start -= 1
    end, depth = i + 1, 0
    while end < hi and not blocked[end]:
        word = tv.words[end]
        if word == "(" and ")" in tv.words[end + 1 : hi]:
            depth += 1
        elif word == ")" and depth:
            depth -= 1
        elif word in CLAUSE_BREAKS and not depth:
            break
        end += 1
    return start, end


def date_apposition_end(tv: TokenView, comma: int, hi: int, lx: QuoteLexicon) -> int | None:
    """The closing comma of a date in apposition opened at ``comma`` (", dem 27. März
    2006,"), or None."""
    if not (
        comma + 4 < hi
        and tv.words[comma] == ","
        and tv.lowers[comma + 1] in lx.date_apposition_articles
        and tv.words[comma + 2][:1].isdigit()
        and tv.lowers[comma + 3] in lx.months
    ):
        return None
    close = comma + 5 if tv.words[comma + 4].isdigit() else comma + 4  # a year
    return close if close < hi and tv.words[close] == "," else None


def content_end(tv: TokenView, lo: int, hi: int) -> int:
    """``hi`` without the sentence-final punctuation."""
    while hi > lo and tv.words[hi - 1] in SENTENCE_END:
        hi -= 1
    return hi


def cue_candidates(tv: TokenView, lx: QuoteLexicon) -> list[int]:
    """The tokens ``find_cue`` may read as a verb of saying, in order (a superset): a
    form of a cue verb, or a verb after a particle it is written apart from. A sentence
    scan visits these alone; in a document holding "mit den Worten" it visits every word.
    """
    if lx.words_phrase and not lx.words_phrase[-1].isdisjoint(tv.vocabulary):
        return list(range(len(tv)))
    cues, particles, lowers = lx.cues, lx.split_particles, tv.lowers
    return [
        i
        for i, low in enumerate(lowers)
        if low in cues or (i and lowers[i - 1] in particles and lowers[i - 1] + low in cues)
    ]


def find_cue(
    tv: TokenView, i: int, lo: int, hi: int, blocked: list[bool], lx: QuoteLexicon
) -> Cue | None:
    """Read token ``i`` as a verb of saying, if its clause allows it."""
    low = tv.lowers[i]
    forms = lx.cues.get(low)
    split = None  # the particle written apart before the verb ("bekannt gab")
    if i > lo and tv.lowers[i - 1] in lx.split_particles and not blocked[i - 1]:
        glued = lx.cues.get(tv.lowers[i - 1] + low)
        if glued:
            forms, split = glued, i - 1
    if (
        not forms
        and lx.words_phrase
        and not lx.words_phrase[-1].isdisjoint(tv.vocabulary)  # cheap: "Worten" is rare
        and not blocked[i]
        and tv.words[i][:1].islower()
    ):
        return _verb_with_words(tv, i, lo, hi, blocked, lx)
    if not forms or blocked[i] or not tv.words[i][:1].islower():
        return None
    if i > lo and tv.lowers[i - 1] in lx.determiners and not _after_demonstrative(tv, i, lx):
        return None  # "die erklärte Absicht": a participle used as adjective
    if _attributive_after_adverb(tv, i, lo, lx):
        return None  # "eine oft beklagte Lücke"
    start, end = clause_bounds(tv, i, lo, hi, blocked)
    if any(f.kind == "part" for f in forms) and not any(
        tv.lowers[j] in lx.auxiliaries for j in range(start, end)
    ):  # a participle whose auxiliary stands before a phrase between commas (a finite
        # verb's clause never reaches back: "Sie sind gezwungen, in X zu leben, sagt Y")
        wide = _before_parenthetical(tv, start, lo, blocked, lx)
        if any(tv.lowers[j] in lx.auxiliaries for j in range(wide, start)):
            start = wide
    clause_words = set(tv.lowers[start:end])
    if clause_words & lx.cue_negations:
        return None  # "äußerte sich nicht": no report
    if any(tv.lowers[j] in lx.auxiliaries for j in range(start, i)) or (
        i + 1 < end and tv.lowers[i + 1] in lx.auxiliaries
    ):  # "hatte … erklärt", "nachdem er erklärt hatte": a participle
        forms = sorted(forms, key=lambda f: f.kind != "part")
    if len(forms) > 1:
        # a reading whose particle closes the clause first: "rief … auf" is "aufrufen"
        forms = sorted(forms, key=lambda f: not f.particle)
    as_clause = tv.lowers[start] in lx.as_words  # "wie eine Umfrage zeigt"
    for form in forms:
        if not (as_clause and form.lemma in lx.as_clause_cues) and not all(
            clause_words & need for need in form.needs
        ):
            continue
        if clause_words.intersection(form.excludes):
            continue  # "kündigt sich an": it is coming, nobody announces it
        finite, particle = i, None
        if form.kind == "inf":
            continue
        if (
            form.kind == "fin"
            and i > start
            and tv.lowers[i - 1] in lx.infinitive_markers
            and clause_words.isdisjoint(lx.copulas)
        ):  # "ermutigte sie, ihre Meinung zu äußern": an infinitive with no subject of its
            # own, unless a copula frames it ("Der SPD war es wichtig zu betonen, dass …")
            continue
        if form.other_particles and _closing_word(tv, i, start, end) in form.other_particles:
            continue  # "sagte das Treffen ab": "absagen", no verb of saying
        if form.kind == "ing" and (i <= lo or tv.words[i - 1] != ","):
            continue  # "…, saying …" reports; "without saying" does not
        if form.kind == "part":
            aux = next(
                (j for j in range(i - 1, start - 1, -1) if tv.lowers[j] in lx.auxiliaries),
                # a verb-final clause: "nachdem er gesagt hatte", "der erklärt hat"
                next((j for j in range(i + 1, end) if tv.lowers[j] in lx.auxiliaries), None),
            )
            if aux is None:
                continue
            finite = aux
            if aux > i:  # "soll der Minister gesagt haben": the modal is the finite verb
                finite = next(
                    (j for j in range(start, i) if tv.lowers[j] in lx.reportative_modals), aux
                )
        if form.kind == "fin" and form.particle:
            last = content_end(tv, start, end) - 1
            if last > i and tv.lowers[last] == form.particle:
                particle = last
            elif coordinated := _particle_before_conjunction(tv, i, end, form.particle, lx):
                particle = coordinated
                end = particle + 1  # "fügte er hinzu und verwies …": "und" opens another clause
            else:
                particle = _particle_after_insertion(tv, end, hi, form.particle, blocked, lx)
                if particle is None:
                    continue
                end = particle + 1  # the clause runs on to its particle
        return Cue(i, form, finite, split if particle is None else particle, (start, end))
    return None


def _verb_with_words(
    tv: TokenView, i: int, lo: int, hi: int, blocked: list[bool], lx: QuoteLexicon
) -> Cue | None:
    """The finite verb of a clause that says "mit den Worten", read as a verb of saying:
    "Paolo hatte die Ausführung mit den Worten abgelehnt: „…“", "Er trat dem Vorwurf
    mit den Worten entgegen, …". The verb is the word after the clause's opening phrase:
    after its subject, or after the phrase itself when it opens the clause ("Mit diesen
    Worten verabschiedete sich der Minister: „…“")."""
    low = tv.lowers[i]
    if low in lx.determiners or low in lx.prepositions or low in lx.sentence_adverbs:
        return None
    start, end = clause_bounds(tv, i, lo, hi, blocked)
    n = len(lx.words_phrase)
    at = next(
        (
            p
            for p in range(start, end - n + 1)
            if all(tv.lowers[p + k] in words for k, words in enumerate(lx.words_phrase))
        ),
        None,
    )
    if at is None:
        return None
    opening = at + n if at == start else noun_phrase_end(tv, start, end, lx)
    if opening != i:
        return None
    form = CueForm(dictionary_form(tv.words[i], lx.code), "", "fin")
    return Cue(i, form, i, None, (start, end))


def _before_parenthetical(
    tv: TokenView, start: int, lo: int, blocked: list[bool], lx: QuoteLexicon
) -> int:
    """Where a clause starts when a phrase between commas interrupts it.

    "Seit 2018 hat Peking, durch Treffen zwischen Militärs, sein Interesse bekundet",
    "Gestern hat der Sprecher, Jan Kessler, erklärt, …": a prepositional phrase or an
    apposition has no verb of its own; the auxiliary and the subject before it belong
    to the clause of the participle after it.
    """
    if start - 2 <= lo or tv.words[start - 1] != ",":
        return start
    inner, _ = clause_bounds(tv, start - 2, lo, start - 1, blocked)
    if (
        inner - 1 <= lo
        or tv.words[inner - 1] != ","
        or not (tv.lowers[inner] in lx.prepositions or _apposition_after(tv, inner, lx))
        or not any(tv.words[k][:1].isupper() for k in range(inner + 1, start - 1))
        or tv.lowers[start] in lx.adverbial_conjunctions
        or tv.lowers[start] in lx.complementizers
        or tv.lowers[start] in lx.prepositions
        or tv.lowers[start] in lx.relative_pronouns
    ):
        return start  # "…, vor allem, weil …", "…, in dessen Folge …": a clause of its own
    for k in range(inner + 1, start - 1):
        low = tv.lowers[k]
        if not (
            tv.words[k][:1].isupper()
            or tv.words[k][:1].isdigit()
            or low in lx.determiners
            or low in lx.prepositions
            or low in lx.np_conjunctions
            or (  # an inflected adjective, not a verb: "hochrangigen"
                low.endswith(lx.adjective_endings)
                and low not in lx.cues
                and low not in lx.verb_forms
            )
        ):
            return start
    return clause_bounds(tv, inner - 2, lo, inner - 1, blocked)[0]


def _apposition_after(tv: TokenView, inner: int, lx: QuoteLexicon) -> bool:
    """Whether the phrase at ``inner`` (after a comma) names the noun before the comma:
    "der Sprecher, Jan Kessler, …" (a name or a noun phrase after a capitalised noun)."""
    return tv.is_cap(inner - 2) and (tv.is_cap(inner) or tv.lowers[inner] in lx.determiners)


#: How many adverbs may stand between an article and a participle used as adjective.
MAX_ADVERBS_BEFORE_ADJECTIVE = 2


def _attributive_after_adverb(tv: TokenView, i: int, lo: int, lx: QuoteLexicon) -> bool:
    """Whether word ``i`` is an adjective between an article (or a preposition) with
    adverbs and a noun.

    "eine oft beklagte Lücke", "der lange geforderte Rücktritt": the participle
    is inflected like an adjective and names no act of saying. In a clause the
    finite verb never follows an article and an adverb directly.
    """
    if i + 1 >= len(tv) or not tv.words[i + 1][:1].isupper():
        return False
    if not tv.lowers[i].endswith(lx.adjective_endings):
        return False  # "das zumindest meint Rick Homans": no adjective ends so
    j = i - 1
    while (
        j > lo
        and i - j <= MAX_ADVERBS_BEFORE_ADJECTIVE
        and tv.words[j].isalpha()
        and tv.words[j][:1].islower()
        and tv.lowers[j] not in lx.determiners
        and tv.lowers[j] not in lx.verb_forms
    ):
        j -= 1
    if j < i - 1 and tv.lowers[j] in lx.determiners:
        return True
    # "mit international scharf kritisierten Luftangriffen": a preposition opens the
    # phrase, and the word is inflected like an adjective ("Für sie fordert X" is a verb)
    return (
        j < i - 1
        and tv.lowers[j] in lx.prepositions
        and tv.lowers[i].endswith(lx.adjective_endings)
        and not any(tv.lowers[k] in lx.pronouns for k in range(j + 1, i))
    )


def _closing_word(tv: TokenView, i: int, start: int, end: int) -> str:
    """The word closing the clause of verb ``i``, where a separable particle stands."""
    last = content_end(tv, start, end) - 1
    return tv.lowers[last] if last > i else ""


def _particle_before_conjunction(
    tv: TokenView, i: int, end: int, particle: str, lx: QuoteLexicon
) -> int | None:
    """The particle closing the verb's clause before a second verb joined by "und".

    "„…“, fuhr der Beamte fort und verwies auf …": no comma parts the two
    verbs, so the clause runs on past the particle that closes the first.
    """
    for j in range(i + 2, end - 2):
        if (
            tv.lowers[j] == particle
            and tv.lowers[j + 1] in lx.np_conjunctions
            and tv.words[j + 2][:1].islower()
            and tv.lowers[j + 2] not in lx.determiners
        ):
            return j
    return None


def _particle_after_insertion(
    tv: TokenView, comma: int, hi: int, particle: str, blocked: list[bool], lx: QuoteLexicon
) -> int | None:
    """The particle closing the verb's clause after a stretch between commas inserted
    into it: an apposition ("Nun gab der Leiter der Wache, Jan Kessler, bekannt, dass
    …"), a date ("gab am Montag, dem 27. März, die Einstellung bekannt") or a relative
    clause ("Dies geht aus einer Meldung, die … verbreitet wurde, hervor")."""
    if comma >= hi or tv.words[comma] != "," or particle not in tv.lowers[comma + 2 : hi]:
        return None  # the particle must follow somewhere: checked first, it is cheap
    closing = apposition_end(tv, comma + 1, hi, lx)
    if closing is None:
        closing = date_apposition_end(tv, comma, hi, lx)
    if closing is None and opens_relative_clause(tv, comma + 1, hi, lx):
        closing = next((j for j in range(comma + 2, hi) if tv.words[j] in CLAUSE_BREAKS), None)
    if closing is None or closing + 1 >= hi or tv.words[closing] != ",":
        return None
    _, end = clause_bounds(tv, closing + 1, closing + 1, hi, blocked)
    last = content_end(tv, closing + 1, end) - 1
    return last if last > closing and tv.lowers[last] == particle else None


def _after_demonstrative(tv: TokenView, i: int, lx: QuoteLexicon) -> bool:
    """Whether word ``i`` is the verb of a pronoun subject ("Dieser bestätigte, …").

    A back-reference after a comma or a dash stands for the clause before it ("…, das
    teilte die Behörde mit"), and a relative pronoun there opens a clause
    ("…, der angekündigt hat, …"). Before a noun the demonstrative is an
    article and ``i`` an adjective ("diese erklärte Absicht").
    """
    low, low_i = tv.lowers[i - 1], tv.lowers[i]
    after_comma = i >= 2 and tv.words[i - 2] == ","
    standalone = (
        low in lx.demonstratives
        or low in lx.indefinite_pronouns  # "Einige sagen, …"
        or (low in lx.back_references and i >= 2 and tv.words[i - 2] in BACK_REFERENCE_BREAKS)
        # "Faymann, der angekündigt hat, …": a relative pronoun and its clause's verb
        or (low in lx.relative_pronouns and after_comma)
    )
    # before a noun, an inflected form is an adjective; "meint" never is ("das meint Rick X")
    return standalone and not (
        i + 1 < len(tv) and tv.words[i + 1][:1].isupper() and low_i.endswith(lx.adjective_endings)
    )


def konjunktiv_marker(
    tv: TokenView, lo: int, hi: int, blocked: list[bool], lx: QuoteLexicon, *, weak: bool
) -> bool:
    """Whether the sentence has a Konjunktiv I verb (``weak``: also II and "soll").

    Konjunktiv I ("sei", "habe", "gebe") marks reported speech on its own;
    Konjunktiv II and hearsay modals only continue a report already running.
    """
    k1, ending = lx.konjunktiv_i, lx.konjunktiv_i_ending
    k2, modals = lx.konjunktiv_ii, lx.reportative_modals
    for i in range(lo, hi):
        low = tv.lowers[i]
        listed = low in k1 or (weak and (low in k2 or low in modals))
        if not (listed or (ending and len(low) > 3 and low.endswith(ending))):
            continue  # the test most words take: no form that could be a Konjunktiv
        if blocked[i]:
            continue
        if tv.words[i][:1].isupper() and (i > lo or not listed):
            continue  # a noun; first in the sentence, only a listed form is a verb ("Sei
            # es, wie es sei"): "Teile des Rotorblattes lagen …" ends like "teile" only
        if i > lo and tv.lowers[i - 1] in lx.first_person:
            continue
        if konjunktiv_i_word(low, lx) and not _adjective_after_article(tv, i, lo, lx):
            return True
        if weak and (low in lx.konjunktiv_ii or low in lx.reportative_modals):
            return True
    return False


def _adjective_after_article(tv: TokenView, i: int, lo: int, lx: QuoteLexicon) -> bool:
    """A word read as Konjunktiv I by its ending alone, after an article (and maybe other
    adjectives) and before a noun: an adjective ("eine trübe Nebellandschaft", "ihre
    warme weiche Stimme"), not a verb."""
    if not (
        i > lo
        and tv.lowers[i] not in lx.konjunktiv_i
        and i + 1 < len(tv.words)
        and tv.words[i + 1][:1].isupper()
    ):
        return False
    j = i - 1
    while (
        j > lo
        and tv.words[j][:1].islower()
        and tv.lowers[j].endswith(lx.adjective_endings)
        and tv.lowers[j] not in lx.determiners
    ):
        j -= 1  # "warme" before "weiche"
    return tv.lowers[j] in lx.determiners


def konjunktiv_i_word(low: str, lx: QuoteLexicon) -> bool:
    """Whether the lower-cased word is a Konjunktiv I form ("sei", "gebe", "fordere")."""
    if low in lx.konjunktiv_i:
        return True
    ending = lx.konjunktiv_i_ending
    return bool(
        ending
        and len(low) > 3
        and low.endswith(ending)
        and low not in lx.konjunktiv_i_exclude
        and low.isalpha()
        and dictionary_form(low, lx.code) == low + "n"
    )


def message_around(
    lo: int, stop: int, frame: tuple[int, int], tv: TokenView
) -> tuple[int, int] | None:
    """The message of a sentence whose source phrase is ``frame``: what is left of it."""
    f0, f1 = frame
    if f0 <= lo:
        start = f1 + 1 if f1 < stop and tv.words[f1] in CLAUSE_BREAKS else f1
        return (start, stop) if stop > start else None
    if f1 >= stop:
        end = f0 - 1 if tv.words[f0 - 1] in CLAUSE_BREAKS else f0
        return (lo, end) if end > lo else None
    return lo, stop
