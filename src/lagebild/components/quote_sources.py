"""Source phrases: reports attributed by a preposition or adverb, not a verb.

"laut X", "X zufolge", "nach Angaben von X", ", so X", "wie X mitteilte", "X,
wonach …": the phrase names the source and the rest of the sentence (or
clause) is the message. The phrase may stand in front ("Laut Polizei …"), at
the end (", so der Minister.") or inside a subordinate clause; each case
decides where the message stops.
"""

from __future__ import annotations

from lagebild.components.quote_clauses import (
    CLAUSE_BREAKS,
    Cue,
    find_cue,
    konjunktiv_marker,
    message_around,
)
from lagebild.components.quote_lexicon import dictionary_form
from lagebild.components.quote_state import (
    CONF_CONTINUATION,
    CONF_SOURCE_PHRASE,
    DocState,
    Draft,
    Speaker,
    make_speaker,
    sentence_index,
)
from lagebild.components.quote_subjects import (
    apposition_before_verb,
    cue_speaker,
    own_account_subject,
    passive_voice,
    sentence_actor,
    verb_at,
)
from lagebild.components.speakers import (
    TokenView,
    noun_phrase_end,
    noun_phrase_start,
    opens_relative_clause,
    prepositional_phrases_end,
    so_phrase_end,
    subject_after,
    trim_phrase,
)


def _head_nouns(tv: TokenView, start: int, end: int) -> range:
    """Where the head of a noun phrase may stand: its first capitalised word and the
    word right after it when that is capitalised too ("nach Grupps Meinung",
    "nach Meinung Russlands").

    "nach Angaben der Polizei" is a source; "nach Abschluss der Ermittlungen"
    is a time, though "Ermittlungen" could head a source.
    """
    first = next((j for j in range(start, min(end, start + 3)) if tv.words[j][:1].isupper()), end)
    second = first + 1 < end and tv.words[first + 1][:1].isupper()
    return range(first, min(end, first + 1 + second))


def _bare_noun_end(state: DocState, first: int, end: int, stop: int) -> int:
    """Where a source of two capitalised words without an article ends: after the
    first, when the second opens the clause's subject.

    "laut Verfassung Politiker aller Parteien", "laut Medienberichten
    Informationen über …", "laut Ministerium Arbeiten an …": a noun, then a noun
    with its own attribute. Names stay whole ("laut Spiegel Online ist",
    "laut Finanzminister Peer Steinbrück"), and so do an adjective and its noun
    ("laut Ecuadorianischen Presseinformationen eine …", "laut Wiener Linien
    in …") and titles ("Prof.").
    """
    tv, lx = state.tv, state.lx
    second = first + 1
    if end != second + 1 or second + 1 >= stop or tv.lowers[first] in lx.determiners:
        return end
    after = tv.lowers[second + 1]
    if after not in lx.prepositions and after not in lx.determiners:
        return end
    if tv.words[second].endswith(".") or any(
        m.start < tv.ends[second] and tv.starts[first] < m.end for m in state.mentions
    ):
        return end
    low = tv.lowers[first]
    noun = dictionary_form(tv.words[first], lx.code)[:1].isupper()
    if (
        low.rstrip("".join(lx.adjective_endings)).endswith(lx.adjective_suffixes)
        or (lx.genitive_adjective_ending and low.endswith(lx.genitive_adjective_ending))
        or not noun
    ):
        return end  # an adjective: "Ecuadorianischen Presseinformationen", "Wiener Linien"
    return second


#: What stands before "so" of a source inserted in the sentence: ", so X," or "– so X –".
_SO_OPENERS = frozenset({",", "–", "—"})


def source_phrase(state: DocState, i: int, lo: int, stop: int, s_index: int) -> Draft | None:
    """ "laut X", "X zufolge", "nach Angaben von X", ", so X", "demnach", "X, wonach"."""
    tv, lx = state.tv, state.lx
    low = tv.lowers[i]
    if low not in lx.source_words:
        return None  # the test every word takes: most open no source
    sentence_lo = lo  # the clauses below may narrow ``lo`` to the source's own
    frame = sp_range = None
    outside_end = 0  # where the part the message leaves out ends, when beyond the frame
    if low in lx.source_prepositions or (
        i + 1 < stop and f"{low} {tv.lowers[i + 1]}" in lx.source_prepositions
    ):
        first = i + 1 if low in lx.source_prepositions else i + 2
        end = noun_phrase_end(tv, first, stop, lx)
        if end is not None:
            end = _bare_noun_end(state, first, end, stop)
            frame, sp_range = (i, end), (first, end)
    elif (low in lx.source_postpositions and i > lo) or (
        low in lx.source_noun_prepositions
        and i > lo
        and tv.lowers[i - 1].endswith(lx.source_noun_endings)
    ):  # "der Polizei zufolge", "seiner Ansicht nach"
        start = _dative_phrase_start(state, i, lo)
        if start is not None and not _cue_verb_before(state, lo, start):
            frame, sp_range = (start, i + 1), (start, i)
    elif (
        low in lx.source_noun_prepositions
        and lo < i < stop - 2
        and tv.words[i - 1] == ","
        and opens_relative_clause(tv, i + 1, stop, lx)
    ):  # "Umfragen, nach denen 72 Prozent … ablehnen"
        return _relative_source(state, i, lo, stop, s_index, pronoun=True)
    elif (
        low in lx.source_noun_prepositions
        and i + 1 < stop
        and not (i > lo and tv.lowers[i - 1] in lx.temporal_before_source)
    ):
        end = noun_phrase_end(tv, i + 1, stop, lx)
        if end is not None and any(
            tv.lowers[j].endswith(lx.source_noun_endings) for j in _head_nouns(tv, i + 1, end)
        ):
            if end < stop and tv.lowers[end] in lx.origin_prepositions:
                # "nach Angaben aus Justizkreisen": where the information comes from
                end = noun_phrase_end(tv, end + 1, stop, lx, nested=True) or end
            frame, sp_range = (i, end), (i + 1, end)
    elif low in lx.so_words and i > lo and tv.words[i - 1] in _SO_OPENERS:
        end = so_phrase_end(tv, i + 1, stop, lx)
        closing = (
            end is not None
            and end < stop
            and tv.lowers[end] in lx.so_adverbs
            and (end + 1 >= stop or tv.words[end + 1] in CLAUSE_BREAKS)
        )  # ", so X weiter."
        if end is not None and (end >= stop or tv.words[end] in CLAUSE_BREAKS or closing):
            frame, sp_range = (i, end + closing), (i + 1, end)
        elif end is not None and prepositional_phrases_end(tv, end, stop, lx) == stop:
            # ", so Juncker am Donnerstag im Ausschuss.": time and place close the sentence;
            # they are neither cue nor message
            frame, sp_range, outside_end = (i, end), (i + 1, end), stop
        elif (
            end is not None
            and (phrases := prepositional_phrases_end(tv, end, stop, lx)) is not None
            and phrases > end
            and tv.words[phrases] == ","
            and lx.source_words.isdisjoint(tv.lowers[end:phrases])  # not ", so X laut Y,"
        ):  # ", so X in einem Blogeintrag, …": inserted, with where X said it
            frame, sp_range, outside_end = (i, end), (i + 1, end), phrases
        else:
            cue = find_cue(tv, i + 1, lo, stop, state.blocked, lx)
            if cue is not None and cue.form.lemma in lx.impersonal_cues:
                # ", so heißt es in der Erklärung": the source is the phrase, not "es"
                return _impersonal_source(state, i, cue, lo, stop, s_index)
            after = subject_after(tv, i + 1, stop, lx) if cue is not None else None
            if after is not None:
                frame, sp_range = (i, after[1]), after
    elif low in lx.source_adverbs and i > lo and tv.words[i - 1] == ",":
        return _relative_source(state, i, lo, stop, s_index)
    elif low in lx.source_adverbs and (state.last_speaker is not None or i == lo):
        frame, sp_range = (i, i + 1), None
        if frame[1] < stop and tv.words[frame[1]] == ",":
            return None
        message = message_around(lo, stop, frame, tv)
        if message is None:
            return None
        # "Demnach" names the source here: the last speaker, or else what the sentence
        # before names as its subject ("Das Gericht gab sein Urteil bekannt. Demnach …")
        last = state.last_speaker or (sentence_actor(state, s_index - 1) if s_index else None)
        if last is None:
            speaker = Speaker(i, i + 1, tv.words[i], None)
        else:
            speaker = Speaker(i, i + 1, last.text, last.mention)
        return Draft(
            *message, "Indirect", s_index, speaker, None, (i,), confidence=CONF_CONTINUATION
        )
    if frame is None or sp_range is None:
        return None
    # what the message leaves out: the phrase and a relative clause on it
    outside = (frame[0], max(frame[1], outside_end))
    if frame[0] == lo and frame[1] == sp_range[1]:
        end = _prefield_end(state, frame[1], stop)
        frame, sp_range = (frame[0], end), (sp_range[0], end)
        outside = (lo, _relative_clause_end(state, end, stop) or end)
    sp_range = (sp_range[0], trim_phrase(tv, *sp_range, state.lx))
    lo, stop = _semicolon_part(state, frame, lo, stop)
    lo, stop = _subordinate_clause(state, frame, lo, stop)
    if outside[1] < stop and relative_clause_to_end(state, outside[1], stop):
        outside = (outside[0], stop)  # "…, so der Verband, der seit Jahren warnt."
    if (
        frame[0] > lo
        and tv.words[frame[0] - 1] == ","
        and outside[1] < stop
        and tv.words[outside[1]] == ","
    ):
        message = (lo, stop)
    else:
        message = message_around(lo, stop, outside, tv)
    if message is None:
        return None
    cue_tokens = tuple(j for j in range(frame[0], frame[1]) if j < sp_range[0] or j >= sp_range[1])
    if _opens_reported_clause(state, min(cue_tokens), message[0], sentence_lo):
        return None
    # a place after "laut X" may be the clause's ("leben laut dem UNHCR in Uganda"); only
    # where information comes from is the source's ("laut Informationen aus Ungarn")
    places = lx.place_prepositions if low in lx.so_words else lx.origin_prepositions
    speaker = make_speaker(state, *sp_range, place_prepositions=places)
    subject = own_account_subject(state, speaker, s_index)
    if subject is not None:  # "nach eigenen Angaben": the phrase's span, the subject's name
        speaker = Speaker(speaker.start, speaker.end, subject.text, subject.mention)
    return Draft(
        *message, "Indirect", s_index, speaker, None, cue_tokens, confidence=CONF_SOURCE_PHRASE
    )


def _dative_phrase_start(state: DocState, i: int, lo: int) -> int | None:
    """Start of the dative phrase before a postposition ("der Polizei zufolge").

    A phrase opened by an article no dative takes ("die Staatsanwaltschaft
    Medienberichten zufolge") joins a subject and the source: the source starts
    after the subject's noun.
    """
    tv, lx = state.tv, state.lx
    start = noun_phrase_start(tv, i, lo, lx)
    while start is not None and tv.lowers[start] in lx.non_dative_determiners:
        # "Die seiner Ansicht nach fragwürdige Rolle": with no noun between, the article
        # is the outer phrase's; "eine Regel, die Fachleuten zufolge": a relative pronoun
        noun = next((k for k in range(start + 1, i - 1) if tv.is_cap(k)), start)
        start = noun_phrase_start(tv, i, noun + 1, lx)
    return start


def _opens_reported_clause(state: DocState, phrase: int, start: int, lo: int) -> bool:
    """Whether the source phrase at ``phrase`` opens the clause a verb of saying before it
    reports: "Der Minister sagte, laut einer Studie seien die Preise gestiegen" is the
    minister's report, and the study his source (nested), not the sentence's. A closing
    ", so X" names the source of all before it. (A source inside the clause, "…, seiner
    Meinung nach", is read by ``_cue_verb_before``.)"""
    tv, lx = state.tv, state.lx
    if phrase < 2 or tv.words[phrase - 1] != "," or tv.lowers[phrase] in lx.so_words:
        return False
    hi = state.sentences[sentence_index(state, phrase)][1]
    for j in range(max(lo, start), phrase - 1):
        cue = find_cue(tv, j, lo, hi, state.blocked, lx)
        if cue is not None and cue.clause[1] == phrase - 1 and not passive_voice(state, cue):
            return True
    return False


def _cue_verb_before(state: DocState, lo: int, pos: int) -> bool:
    """Whether a verb of saying precedes ``pos`` in its sentence.

    "Er erklärte, Nordland besitze seiner Meinung nach sechs Raketen": the
    phrase before "nach" sits inside the verb's report, whose speaker it names
    again; it opens no report of its own.
    """
    tv, lx = state.tv, state.lx
    hi = state.sentences[sentence_index(state, pos)][1]
    return any(
        find_cue(tv, j, lo, hi, state.blocked, lx) is not None
        for j in range(lo, pos)
        if tv.lowers[j] in lx.cues
    )


def _relative_source(
    state: DocState, i: int, lo: int, stop: int, s_index: int, *, pronoun: bool = False
) -> Draft | None:
    """ "ein Bericht der Agentur, wonach …": the phrase before the comma is the source.

    The clause after the adverb is the report, up to the end of the sentence.
    With ``pronoun`` ("Umfragen, nach denen …") the relative pronoun stands for
    the source, as a pronoun does for its person: the record spans the pronoun
    and names the phrase, which must be one that reports ("Umfragen", not
    "Personen, nach denen gefahndet wird").
    """
    tv, lx = state.tv, state.lx
    start = noun_phrase_start(tv, i - 1, lo, lx)
    if start is None or i + 1 >= stop:
        return None
    while start - 1 > lo and tv.lowers[start] in lx.genitive_determiners and tv.is_cap(start - 1):
        # "einen Bericht der Agentur": the genitive belongs to the noun before it
        start -= 2 if tv.lowers[start - 2] in lx.determiners else 1
    if not pronoun:
        speaker = make_speaker(state, start, i - 1)
        return Draft(
            i + 1, stop, "Indirect", s_index, speaker, None, (i,), confidence=CONF_SOURCE_PHRASE
        )
    while start - 1 > lo and tv.lowers[start - 1] in lx.prepositions:
        # "Umfragen im Land, nach denen …": the source noun before its attribute
        before = noun_phrase_start(tv, start - 1, lo, lx)
        if before is None:
            break
        start = before
    if not any(tv.lowers[j].endswith(lx.source_noun_endings) for j in range(start, i - 1)):
        return None
    named = make_speaker(state, start, i - 1)
    speaker = Speaker(i + 1, i + 2, named.text, named.mention)  # the span is the pronoun
    return Draft(
        i + 2, stop, "Indirect", s_index, speaker, None, (i,), confidence=CONF_SOURCE_PHRASE
    )


def _impersonal_source(
    state: DocState, so: int, cue: Cue, lo: int, stop: int, s_index: int
) -> Draft | None:
    """ "…, so heißt es in der Erklärung": the sentence before "so" reports what the phrase
    after the impersonal verb says ("so hieß es": nobody named)."""
    message = message_around(lo, stop, (so, cue.clause[1]), state.tv)
    if message is None:
        return None
    speaker, _ = cue_speaker(state, cue)
    return Draft(
        *message, "Indirect", s_index, speaker, cue, (so, *cue.tokens()),
        confidence=CONF_SOURCE_PHRASE,
    )  # fmt: skip


def _prefield_end(state: DocState, end: int, stop: int) -> int:
    """Grow a sentence-opening source over its attributes up to the finite verb.

    German puts one phrase before the finite verb, so "Nach Angaben der
    Polizei in Berlin wurden …" names the source "Angaben der Polizei in
    Berlin". Prepositional attributes are taken only when the verb follows.
    """
    tv, lx = state.tv, state.lx
    pos = end
    while pos < stop:
        low = tv.lowers[pos]
        if (
            (low in lx.prepositions or low in lx.np_conjunctions)
            and low not in lx.cues
            and low not in lx.addressee_prepositions  # "gegenüber dem Kurier": the addressee
        ):
            nxt = noun_phrase_end(tv, pos + 1, stop, lx, nested=True)
            if nxt is None:
                return end
            pos = nxt
            if pos < stop and tv.words[pos].isdigit():
                pos += 1  # "vom November 2011"
        elif low == ",":
            # "Nach Angaben von Sam Maiha, dem Direktor der Wetterbehörde, wird …"
            return apposition_before_verb(state, pos, stop) or end
        else:
            break
    if pos == end or pos >= stop:
        return end
    return pos if verb_at(state, pos) else end


def _relative_clause_end(state: DocState, comma: int, stop: int) -> int | None:
    """The comma closing a relative clause on a sentence-opening source, if one follows.

    "Laut der Agentur, die von einer Zeitung zitiert wird, bezeichnete der
    Minister …": the clause says how the source came about; the report is
    what follows it.
    """
    tv, lx = state.tv, state.lx
    if comma + 2 >= stop or tv.words[comma] != ",":
        return None
    j = comma + 2 if tv.lowers[comma + 1] in lx.prepositions else comma + 1  # "mit der"
    before_article = tv.lowers[j] in lx.relative_pronouns and tv.lowers[j + 1] in lx.determiners
    if not (before_article or opens_relative_clause(tv, j, stop, lx)):
        return None  # "die Agentur" is an article; "der die Zeitung" opens a clause
    for k in range(j + 1, stop - 1):
        if tv.words[k] in CLAUSE_BREAKS and not state.blocked[k]:
            ends_in_verb = tv.words[k - 1][:1].islower() and verb_at(state, k + 1)
            return k if tv.words[k] == "," and ends_in_verb else None
    return None


def relative_clause_to_end(state: DocState, comma: int, stop: int) -> bool:
    """Whether a relative clause on the source runs from ``comma`` to the sentence end
    ("…, so der Verband, der seit Jahren warnt."): it says who the source is, and is
    no part of the report. A clause in Konjunktiv I goes on with the report ("…, sagt
    X, das gelte auch für Y")."""
    tv = state.tv
    return (
        tv.words[comma] == ","
        and opens_relative_clause(tv, comma + 1, stop, state.lx)
        and not any(
            tv.words[k] in CLAUSE_BREAKS and not state.blocked[k] for k in range(comma + 1, stop)
        )
        and not konjunktiv_marker(tv, comma + 1, stop, state.blocked, state.lx, weak=False)
    )


def _semicolon_part(state: DocState, frame: tuple[int, int], lo: int, stop: int) -> tuple[int, int]:
    """The part of the sentence between semicolons that holds a source phrase.

    "Die Veranstalter schätzten 2.000 Teilnehmer; nach Polizeiangaben waren
    es 1.000": the source vouches for its own part only.
    """
    words, blocked = state.tv.words, state.blocked
    for j in range(frame[0] - 1, lo - 1, -1):
        if words[j] == ";" and not blocked[j]:
            lo = j + 1
            break
    for j in range(frame[1], stop):
        if words[j] == ";" and not blocked[j]:
            return lo, j
    return lo, stop


def _subordinate_clause(
    state: DocState, frame: tuple[int, int], lo: int, stop: int
) -> tuple[int, int]:
    """The subordinate clause holding a source phrase, or the sentence.

    "…, da nach Angaben der Fluggesellschaft die Genehmigung zu spät kam":
    the source vouches for the "da" clause, not for the main clause before it.
    """
    tv, lx = state.tv, state.lx
    c = frame[0] - 1
    while c > lo and tv.words[c] not in CLAUSE_BREAKS and not state.blocked[c]:
        c -= 1
    if c <= lo or tv.words[c] != "," or tv.lowers[c + 1] not in lx.subordinators:
        return lo, stop
    end = frame[1]
    while end < stop and tv.words[end] not in CLAUSE_BREAKS:
        end += 1
    return c + 1, end
