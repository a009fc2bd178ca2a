"""Verbs of saying in a sentence: indirect and reported speech.

A cue verb reports the clause after it ("X sagte, dass …", "X erklärte, Y sei
…"), the clause before it ("…, sagte X"), or, with no clause, itself and its
object as Reported speech ("X warnte vor Anschlägen"). ``sentence_cues`` tries
the source phrases of ``quote_sources`` and then every cue verb of the
sentence, claiming each one's words so no later pattern reads them again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from lagebild.components.quote_clauses import (
    BACK_REFERENCE_BREAKS,
    CLAUSE_BREAKS,
    Cue,
    clause_bounds,
    content_end,
    date_apposition_end,
    find_cue,
    konjunktiv_marker,
    message_around,
)
from lagebild.components.quote_continuation import CONTINUATION_GAP
from lagebild.components.quote_lexicon import QuoteLexicon, dictionary_form
from lagebild.components.quote_sources import relative_clause_to_end, source_phrase
from lagebild.components.quote_state import (
    CONF_INDIRECT,
    CONF_REPORTED,
    DocState,
    Draft,
    QuoteSettings,
    Speaker,
    claim,
    make_speaker,
    sentence_index,
)
from lagebild.components.quote_subjects import (
    SPEAKING_KINDS,
    addressee_after,
    adverbial_clause,
    agent_passive,
    apposed_subject,
    cue_speaker,
    impersonal_es_cue,
    opening_subject,
    passive_voice,
    relative_clause_cue,
    speaker_after,
    subordinate_opener,
)
from lagebild.components.speakers import (
    MAX_FIELD,
    TokenView,
    apposition_end,
    lower_case_noun_end,
    noun_phrase_end,
    opens_relative_clause,
    subject_after,
)

MAX_SKIPPED_PHRASES = 2  # "said on Monday in a statement that …": phrases before the clause
MIN_BARE_CLAUSE_TOKENS = 3  # "said talks would resume"; shorter is an object ("said so")
MAX_FRAME_NOUN_AT = 2  # "Auf die Frage": a frame noun within the phrase's first words


def sentence_cues(
    state: DocState, s_index: int, lo: int, hi: int, settings: QuoteSettings
) -> Iterator[Draft]:
    """Source phrases first ("laut X", ", so X"): a verb inside their message is not a cue."""
    tv, lx = state.tv, state.lx
    stop = content_end(tv, lo, hi)
    taken: list[tuple[int, int]] = []
    for i in _between(state.source_tokens, lo, stop):
        if state.blocked[i] or i in state.used or any(a <= i < b for a, b in taken):
            continue
        draft = source_phrase(state, i, lo, stop, s_index)
        if draft is not None:
            taken.append((draft.start, draft.end))
            yield claim(state, draft)
    trailing = _trailing_cue(state, lo, stop)
    opening = _actor_opening_verb(state, lo, stop) if trailing else ()
    for i in (*opening, *trailing, *_between(state.cue_tokens, lo, stop)):
        if state.blocked[i] or i in state.used or any(a <= i < b for a, b in taken):
            continue
        cue = find_cue(tv, i, lo, hi, state.blocked, lx)
        if cue is None or cue.form.lemma in lx.quotation_cues:
            continue  # "Er fuhr fort, die Akten zu prüfen": no quotation, no speech
        if any(t in state.used for t in cue.tokens()):
            continue
        draft = _verb_report(state, cue, lo, stop, s_index, settings)
        if draft is None or (draft.form == "Reported" and not settings.reported):
            continue
        if i in trailing and draft.end <= i:
            taken.append((draft.start, i + 1))  # the sentence before it is its message
        else:
            taken.append((draft.start, draft.end) if draft.start > i else (i, i + 1))
        yield claim(state, draft)


def _between(tokens: list[int], lo: int, stop: int) -> list[int]:
    """The sorted ``tokens`` in [lo, stop)."""
    return tokens[bisect_left(tokens, lo) : bisect_left(tokens, stop)]


def _trailing_cue(state: DocState, lo: int, stop: int) -> tuple[int, ...]:
    """The verb of a cue clause closing the sentence after a comma ("…, sagte der Papst."),
    read first: the whole sentence before it is its message, and a verb of saying inside
    that message ("Die Liebe regt uns an, …, sagte der Papst.") is part of the quote."""
    tv, lx = state.tv, state.lx
    comma = next((j for j in range(stop - 2, lo, -1) if tv.words[j] == ","), None)
    if comma is None or state.blocked[comma - 1] or comma + 2 >= stop:
        return ()
    after = comma + 2  # the subject right after the verb: "…, fordern aber …" shares one
    if not (
        tv.is_cap(after)
        or tv.lowers[after] in lx.determiners
        or lx.pronoun(tv.lowers[after])
        or (tv.lowers[after] in lx.name_particles and after + 1 < stop and tv.is_cap(after + 1))
    ):  # "…, sagte al-Huthi", "…, sagte al Huthi"
        return ()
    return (comma + 1,)


def _actor_opening_verb(state: DocState, lo: int, stop: int) -> tuple[int, ...]:
    """The verb after an actor opening the sentence ("Xi sagte, …, sagte CCTV."): read
    before a closing cue clause, it keeps its own report nested in the closing one's."""
    tv, lx = state.tv, state.lx
    if not any(tv.lowers[k] in lx.cues for k in range(lo, min(stop, lo + MAX_FIELD + 1))):
        return ()  # cheap test first: no verb of saying near the start
    opening = opening_subject(state, lo, stop)
    if opening is None or tv.lowers[opening[1]] not in lx.cues:
        return ()
    mention = make_speaker(state, lo, opening[0], verb=opening[1]).mention
    return (opening[1],) if mention is not None and mention.kind in SPEAKING_KINDS else ()


def _verb_after_back_reference(tv: TokenView, cs: int, finite: int, lx: QuoteLexicon) -> bool:
    """Whether the verb of saying follows the demonstrative at ``cs``, right after it or
    after one weighing particle ("das zumindest meint")."""
    return finite == cs + 1 or (
        finite == cs + 2 and tv.lowers[cs + 1] in lx.back_reference_particles
    )


def _purpose_clause(state: DocState, lo: int, end: int) -> bool:
    """Whether [lo, end) is an infinitive clause with its conjunction ("Um die Lage zu
    beruhigen"); "Ohne 5G" and "Um Entwicklungshilfe hat man sich nicht gekümmert" open
    with the same words as prepositions."""
    tv, lx = state.tv, state.lx
    return (
        tv.lowers[lo] in lx.infinitive_conjunctions
        and not any(  # a finite verb; "zu können" is the clause's infinitive
            tv.lowers[k] in lx.verb_forms and tv.lowers[k - 1] not in lx.infinitive_markers
            for k in range(lo + 1, end)
        )
        and _infinitive_clause(state, lo, end)
    )


def _continued_source(state: DocState, s_index: int, lo: int, end: int) -> Speaker | None:
    """Whose report "…, hieß es." goes on with: the latest speaker, when its report is at
    most ``CONTINUATION_GAP`` sentences back and the clause is in Konjunktiv I, as any
    continued report would be ("Nach Armeeangaben … . Die Frau habe …, hieß es."); else
    nobody is named."""
    last = state.last_speaker
    if last is None or s_index - sentence_index(state, last.start) > CONTINUATION_GAP:
        return None
    if not konjunktiv_marker(state.tv, lo, end, state.blocked, state.lx, weak=False):
        return None
    return last


def _circumstances_only(state: DocState, start: int, stop: int) -> bool:
    """Whether [start, stop) after a closing speaker holds no verb, only when, where and to
    whom ("…, sagte X, am Montag der Nachrichtenagentur Tasnim."): no report goes on."""
    tv, lx = state.tv, state.lx
    return all(
        tv.words[k] in CLAUSE_BREAKS
        or tv.is_cap(k)
        or tv.words[k][:1].isdigit()
        or tv.lowers[k] in lx.determiners
        or tv.lowers[k] in lx.prepositions
        for k in range(start, stop)
    )


def _frame_before_cue(state: DocState, lo: int, cue: Cue) -> bool:
    """Whether what opens the sentence before the cue's clause frames the report instead
    of being it: an adverbial or infinitive clause ("Nachdem der Skandal bekannt wurde,
    sagte X, …", "Um die Lage zu beruhigen, sagte X, …"), the question or the occasion
    ("Auf die Frage, ob …, sagte X, …", "Angesprochen auf …, sagte X, …"). The report
    then follows the cue. A clause with a Konjunktiv is reported, and so is a main
    clause opened by a preposition that is also a conjunction ("Seit Beginn der
    Angriffe habe das Militär …, sagte X"). When a verb opens the words after the cue's
    clause, the cue interrupts one report ("Wenn Apple anfragte, hatte er gesagt,
    würden die Schweden …"). ``_adverbial_only`` reads the clause after a cue's comma;
    its tests differ (there "ohne X" after the comma is a frame, here a sentence may
    open with "Ohne" as a preposition), so the two are kept apart."""
    tv, lx = state.tv, state.lx
    cs, ce = cue.clause
    if ce + 1 < len(tv) and tv.lowers[ce + 1] in lx.verb_forms:
        return False
    first = tv.lowers[lo]
    if first in lx.frame_openers or (
        first in lx.prepositions
        and any(
            w in lx.frame_nouns for w in tv.lowers[lo + 1 : min(cs, lo + MAX_FRAME_NOUN_AT + 1)]
        )
    ):
        return True  # "Auf die Frage, ob er zurücktrete, sagte X, er bleibe": asked, not said
    return (
        (first in lx.adverbial_conjunctions or _purpose_clause(state, lo, cs - 1))
        and clause_bounds(tv, lo, lo, cs - 1, state.blocked)[1] == cs - 1
        and not konjunktiv_marker(tv, lo, cs - 1, state.blocked, lx, weak=True)
    )


def _verb_report(
    state: DocState, cue: Cue, lo: int, stop: int, s_index: int, settings: QuoteSettings
) -> Draft | None:
    tv, lx = state.tv, state.lx
    cs, ce = cue.clause
    if cue.form.kind == "ing":
        return _participle_report(state, cue, lo, stop, s_index, settings)
    opens_clause = ce + 1 < stop and tv.lowers[ce + 1] in lx.complementizers
    apposed = _apposed_as_clause(state, cue, lo)
    if apposed is not None:  # "Wie X, Sprecher der Behörde, mitteilte, …"
        as_word, subject_end = apposed
        message = message_around(lo, stop, (as_word, ce), tv)
        if message is None:
            return None
        sp = make_speaker(state, as_word + 1, subject_end, verb=cue.finite)
        tokens = (as_word, *cue.tokens())
        return Draft(*message, "Indirect", s_index, sp, cue, tokens, None, CONF_INDIRECT)
    if (
        cs > lo + 1
        and tv.lowers[cs] in lx.back_references
        and _verb_after_back_reference(tv, cs, cue.finite, lx)
    ):
        # "Die Kamera fiel aus, das teilte das Institut mit.", "… – das zumindest meint X":
        # the clause before is the report
        after = subject_after(tv, cue.finite, stop, lx)
        if (
            after is not None
            and not state.blocked[cs]
            and tv.words[cs - 1] in BACK_REFERENCE_BREAKS
        ):
            sp, addressee = speaker_after(state, after, cue.finite, stop)
            return Draft(
                lo, cs + 1, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
            )
    if (
        cs > lo
        and cue.finite == cs
        and tv.lowers[cs] not in lx.as_words
        and not opens_clause
        and cue.form.lemma not in lx.cue_clause_openers  # they report what follows them
        and not apposed_subject(state, lo, cs)
        and not _frame_before_cue(state, lo, cue)
    ):
        # "…, sagte X." or "A, sagte X, B": the message is around the cue clause
        # (not "Frank B., Vorsitzender der DJU, sagte …": there the field is the subject)
        sp, addressee = None, None
        if subject_after(tv, cue.finite, stop, lx) is not None:
            sp, addressee = cue_speaker(state, cue, prefer_after=True)
        sourceless = sp is None and impersonal_es_cue(state, cue)
        if sourceless:
            sp = _continued_source(state, s_index, lo, cs - 1)
        if sp is not None or sourceless:
            if all(state.blocked[lo : cs - 1]):
                return None  # "„…“, sagte X": a direct quote takes this cue
            after = ce if sourceless else max(ce, sp.end)
            if (
                after >= stop
                or relative_clause_to_end(state, after, stop)
                or _circumstances_only(state, after, stop)
            ):
                message = (lo, cs - 1)  # "…, sagte X, der seit Jahren warnt.": who X is
            else:
                message = (lo, stop)
            return Draft(
                *message, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
            )
    if tv.lowers[cs] in lx.as_words and cs < cue.finite:  # "wie X mitteilte, …"
        sp, addressee = cue_speaker(state, cue)
        message = message_around(lo, stop, (cs, ce), tv)
        if sp is None or message is None:
            return None
        tokens = (cs, *cue.tokens())  # "wie … mitteilte": the conjunction belongs to the cue
        return Draft(*message, "Indirect", s_index, sp, cue, tokens, addressee, CONF_INDIRECT)
    sp, addressee = cue_speaker(state, cue)
    if sp is None and cue.form.lemma not in lx.impersonal_cues and not cue.passive:
        return None
    if sp is not None and sp.end > ce and sp.end < stop:
        ce = sp.end  # "erklärte der Kommissar, Štefan Füle, …": the message follows the name
    if lx.clause_follows_cue and sp is not None:
        start = _clause_after_cue(state, cue, stop)
        if start is not None:
            end = _second_cue_verb(state, start, stop)
            return Draft(
                start, end, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
            )
    if (
        ce + 1 < min(stop, len(tv))  # a message needs at least one token after the comma
        and tv.words[ce] in lx.clause_punctuation
        and not state.blocked[ce + 1]
        and not _object_in_clause(state, cue)
        and not _joined_cue_takes_clause(state, cue, ce)
        # "…, die von den Behörden zum Notstand erklärt wurde, mit …": said in the clause
        and not (passive_voice(state, cue) and relative_clause_cue(state, cue))
    ):
        start = ce + 1
        date_end = date_apposition_end(tv, ce, stop, lx)
        if date_end is not None and date_end + 1 < stop:
            start = date_end + 1  # "sagte am Montag, dem 27. März, die Lage sei …"
        openers = lx.cue_clause_openers.get(cue.form.lemma)
        if openers and tv.lowers[start] not in openers and tv.words[ce] not in openers:
            return None  # "steht in der Kritik, weil …": no report ("ergab: …" is one)
        if relative_clause_cue(state, cue) and (
            _opens_main_clause(state, start)
            or _plural_verb(state, start)
            or not _reported_clause(state, start, stop)
        ):
            return None  # "In der Resolution, die der Rat beschloss, heißt es …": resumed
        if adverbial_clause(state, cue):
            if _opens_main_clause(state, start):
                return None  # "Während X das Ergebnis lobten, kündigten …": the main clause
            # "Nachdem X gesagt hatte, die Lage sei ernst, stiegen …": up to the main clause
            stop = next(
                (
                    j
                    for j in range(start + 1, stop - 1)
                    if tv.words[j] == "," and _opens_main_clause(state, j + 1)
                ),
                stop,
            )
        if _own_cue_clause(state, start, stop) or _inserted_cue_clause(state, start):
            return None  # "bestritt dies, indem er sagte, …": the inner cue reports
        adverbial = _adverbial_only(state, start, stop)
        stop = _second_cue_verb(state, start, stop)
        relative = opens_relative_clause(tv, start, stop, lx) or _prepositional_relative(
            state, start, stop
        )
        if sp is None and not _reported_clause(state, start, stop):
            return None  # "Dabei wurde bekannt, unter ihnen …": no speaker and no report
        if (
            (not relative or konjunktiv_marker(tv, start, stop, state.blocked, lx, weak=False))
            and not _object_list(state, start, stop)
            and not adverbial
        ):
            return Draft(
                start, stop, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
            )
    if ce < stop and state.blocked[ce]:
        return None  # the clause runs into a quote: a partial quote or a direct one
    if sp is not None and _comma_less_infinitive(state, cue, stop):
        # "Die Firma hat angekündigt die Preise zu erhöhen": the comma is left out
        start = max(cue.tokens()) + 1
        return Draft(
            start, stop, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
        )
    if (
        cue.form.lemma in lx.reported_cues
        and (cue.form.kind == "fin" or agent_passive(state, cue))
        and sp is not None
        and settings.reported
        and subordinate_opener(state, cue) != 2  # "die Frau, mit der sie spricht": no report
    ):
        stop = _second_cue_verb(state, cue.verb, stop)  # "… denied it, saying …": two reports
        start = _reported_start(state, cue, sp, lo)
        if not _reports_something(state, cue, sp, start, stop):
            return None
        return Draft(
            start, stop, "Reported", s_index, sp, cue, cue.tokens(), addressee, CONF_REPORTED
        )
    return None


def _reports_something(state: DocState, cue: Cue, sp: Speaker, start: int, stop: int) -> bool:
    """Whether a reported-speech record over [start, stop) holds what was reported beside
    its speaker and cue: a noun, a number, an article, a pronoun, a preposition or a
    pronominal adverb ("warnte davor"). "Erdoğan spricht langsam und getragen" says how
    someone speaks, not what. Read only where nouns are capitalised."""
    tv, lx = state.tv, state.lx
    if not lx.nouns_capitalised:
        return True
    frame = set(cue.tokens())
    for j in range(start, stop):
        if j in frame or sp.start <= j < sp.end or tv.words[j] in CLAUSE_BREAKS:
            continue
        low = tv.lowers[j]
        if (
            not tv.words[j][:1].islower()
            or low in lx.determiners
            or low in lx.pronouns
            or low in lx.object_pronouns
            or low in lx.back_references
            or low in lx.prepositions
            or low.startswith(lx.pronominal_adverb_starts)
        ):
            return True
    return False


def _reported_start(state: DocState, cue: Cue, sp: Speaker, lo: int) -> int:
    """Where a reported-speech record starts: the sentence, less what other records hold.

    A quotation opening the sentence is a record of its own ("„…“, fuhr X fort
    und verwies auf …"), and so is a clause before a second verb ("Sie räumte
    ein, …, sprach aber von …"), unless what stands between the speaker and
    that verb is an apposition or a relative clause on the speaker ("X, die
    …, erwog …").
    """
    tv, lx = state.tv, state.lx
    cs = cue.clause[0]
    start = lo
    while start < cue.verb and (state.blocked[start] or tv.words[start] == ","):
        start += 1
    if (
        cs > start
        and cue.finite == cs
        and tv.words[cs - 1] == ","
        and sp.end < cs - 1
        and not (tv.words[sp.end] == "," and tv.lowers[sp.end + 1] in lx.relative_pronouns)
    ):
        return cs
    return start


def _own_cue_clause(state: DocState, start: int, stop: int) -> bool:
    """Whether the clause after the cue's comma is a subordinate clause with a verb of
    saying of its own ("…, indem er sagte, …", "…, in dem er verlangte, dass …", "den
    Minister, der erklärt hatte, …"): that verb and its subject report, not the cue
    before the comma."""
    tv, lx = state.tv, state.lx
    relative = opens_relative_clause(tv, start, stop, lx)  # "…, der erklärt hatte, …"
    if (
        tv.lowers[start] not in lx.adverbial_conjunctions
        and not relative
        and not (
            tv.lowers[start] in lx.prepositions
            and start + 1 < stop
            and tv.lowers[start + 1] in lx.relative_pronouns
        )
    ):
        return False
    lo, hi, _ = state.sentences[sentence_index(state, start)]
    _, end = clause_bounds(tv, start, lo, hi, state.blocked)
    if end + 1 >= stop or tv.words[end] != ",":
        return False  # the verb's own report must follow it: not "…, die vor X warnen."
    if relative and not _reported_clause(state, end + 1, stop):
        return False  # "…, der zum Sturm aufgerufen haben soll, als „Provokation“
    cues = (find_cue(tv, j, lo, hi, state.blocked, lx) for j in range(start + 1, end))
    return any(cue is not None and cue.form.kind != "inf" for cue in cues)


def _inserted_cue_clause(state: DocState, start: int) -> bool:
    """Whether the clause after the cue's comma closes the sentence as a cue clause of its
    own that reports the words before it: "…, heißt es in der Erklärung", "…, wie das
    Ministerium mitteilte". (A verb of saying with a subject of its own there may just
    share the subject of the first: "Sie begrüßten den Plan, fordern aber …".)"""
    tv, lx = state.tv, state.lx
    lo, hi, _ = state.sentences[sentence_index(state, start)]
    stop = content_end(tv, lo, hi)
    if clause_bounds(tv, start, lo, hi, state.blocked)[1] < stop:
        return False  # a clause follows: "…, wie X sagte, die Lage sei ernst" reports it
    for j in range(start, stop):
        cue = find_cue(tv, j, lo, hi, state.blocked, lx)
        if (
            cue is not None
            and cue.clause[0] == start
            and (
                (cue.finite == start and cue.form.lemma in lx.impersonal_cues)
                or (tv.lowers[start] in lx.as_words and cue.finite == stop - 1)
            )
        ):
            return True
    return False


def _object_in_clause(state: DocState, cue: Cue) -> bool:
    """Whether the cue's own clause holds what was said as a prepositional object
    ("Das Gericht weist auf den Wandel hin, wie er …")."""
    words = state.lx.object_prepositions.get(cue.form.lemma, ())
    if not words:
        return False
    # "wies auf ihrer Website darauf hin, dass …": the clause holds the word pointing on
    pointers = {w for need in cue.form.needs for w in need} - set(words)
    clause = state.tv.lowers[cue.clause[0] : cue.clause[1]]
    return any(w in words for w in clause) and not any(w in pointers for w in clause)


def _prepositional_relative(state: DocState, start: int, stop: int) -> bool:
    """Whether the clause after the cue's comma is a relative clause opened by a
    preposition ("kritisierte die Übung, an der 300.000 Soldaten teilnehmen"): its
    verb stands last, where a reported clause has it second ("…, in der Stadt ist
    es ruhig")."""
    tv, lx = state.tv, state.lx
    if start + 2 >= stop or tv.lowers[start] not in lx.prepositions:
        return False
    if tv.lowers[start + 1] not in lx.relative_pronouns or _infinitive_clause(state, start, stop):
        return False  # "…, in dem Zeitraum das Licht zu dimmen": an article and its noun
    end = noun_phrase_end(tv, start + 1, stop, lx, nested=True)
    after = end if end is not None else start + 2
    return after < stop and not _opens_main_clause(state, after)


def _object_list(state: DocState, start: int, stop: int) -> bool:
    """Whether ``[start, stop)`` only continues a list of noun phrases.

    "Damit meinte er den Kampf gegen Schmuggel, illegale Migration und
    organisiertes Verbrechen": the comma joins objects of the cue, not a
    reported clause. A clause that reads as a report by its form ("…,
    kurzfristig zurückzutreten") is never such a list.
    """
    tv, lx = state.tv, state.lx
    if _reported_clause(state, start, stop):
        return False
    pos = start
    while pos < stop:
        end = noun_phrase_end(tv, pos, stop, lx, nested=True)
        if end is None or end <= pos:
            return False
        pos = end
        if pos < stop and (tv.lowers[pos] in lx.np_conjunctions or tv.words[pos] == ","):
            pos += 1
        elif pos < stop:
            return False
    return True


def _adverbial_only(state: DocState, start: int, stop: int) -> bool:
    """Whether the clause after the cue's comma says why or when, not what was said.

    "Sie forderten Neuwahlen, um den Weg freizumachen", "…, nachdem die
    Wahl gescheitert war": an adverbial clause of the cue's own sentence. It
    still reports in Konjunktiv or when a main clause follows it ("sagte,
    wenn die Hilfe ausbleibe, drohe eine Hungersnot").
    """
    tv, lx = state.tv, state.lx
    opener = tv.lowers[start]
    if opener in lx.adverbial_conjunctions or opener in lx.adverbial_openers:
        if _infinitive_clause(state, start, stop):
            return False  # "warf ihm vor, seit 2014 Regeln verletzt zu haben": a preposition
    elif opener not in lx.infinitive_conjunctions:
        return False
    if konjunktiv_marker(tv, start, stop, state.blocked, lx, weak=True):
        return False
    return not any(
        tv.words[j] == "," and _opens_main_clause(state, j + 1) for j in range(start + 1, stop - 1)
    )


def _infinitive_clause(state: DocState, start: int, stop: int) -> bool:
    """Whether the clause [start, stop) ends in an infinitive with "zu" ("… zu haben")."""
    last = content_end(state.tv, start, stop) - 1
    return last > start and (_infinitive_at(state, last - 1) or _infinitive_at(state, last))


def _comma_less_infinitive(state: DocState, cue: Cue, stop: int) -> bool:
    """Whether an infinitive clause follows a participle cue without its comma.

    "hat angekündigt die Preise zu erhöhen", "hat angekündigt ihr Mandat
    niederzulegen": the participle closes its own clause, so what follows up
    to the sentence end is what was said, ending in "zu" + verb.
    """
    tv = state.tv
    start = cue.verb + 1
    if cue.form.kind != "part" or cue.finite > cue.verb or stop - start < 2:
        return False
    if tv.words[start] in CLAUSE_BREAKS or any(state.blocked[start:stop]):
        return False
    return _infinitive_at(state, stop - 2) or _infinitive_at(state, stop - 1)


def _apposed_as_clause(state: DocState, cue: Cue, lo: int) -> tuple[int, int] | None:
    """(as-word, subject end) of "wie X, APPOSITION, mitteilte", whose verb clause
    the apposition's commas cut off from its "wie" and subject.

    The verb must close its clause ("…, in Lüttich mitteilte,"); the subject
    runs through the apposition ("Jan Kessler, Sprecher der Behörde").
    """
    tv, lx = state.tv, state.lx
    cs, ce = cue.clause
    last = cue.particle if cue.particle is not None else max(cue.verb, cue.finite)
    if last != content_end(tv, cs, ce) - 1 or cs - 2 <= lo or tv.words[cs - 1] != ",":
        return None
    opening = next((j for j in range(cs - 2, lo, -1) if tv.words[j] in CLAUSE_BREAKS), None)
    if opening is None or tv.words[opening] != ",":
        return None
    if apposition_end(tv, opening + 1, cs, lx) != cs - 1:
        return None
    as_word = opening - 1
    while as_word > lo and tv.words[as_word - 1] not in CLAUSE_BREAKS:
        as_word -= 1
    if tv.lowers[as_word] not in lx.as_words:
        return None
    if noun_phrase_end(tv, as_word + 1, opening, lx, nested=True) != opening:
        return None
    return as_word, cs - 1


def _clause_after_cue(state: DocState, cue: Cue, stop: int) -> int | None:
    """Start of the clause an English verb of saying reports, right after it.

    "said (on Monday) that …", "told reporters (that) …", "said talks would
    resume": an addressee after "told" and prepositional phrases are skipped;
    "that" opens the message. Without "that", only a verb that takes a bare
    clause counts, and the clause needs a finite verb ("said talks would
    resume", not "announced a plan").
    """
    tv, lx = state.tv, state.lx
    pos = max(cue.tokens()) + 1
    if pos < stop and tv.lowers[cue.verb] in lx.addressee_prepositions:
        end = noun_phrase_end(tv, pos, stop, lx, nested=True)
        pos = end if end is not None else lower_case_noun_end(tv, pos, stop, lx)  # "reporters"
    for _ in range(MAX_SKIPPED_PHRASES):
        if pos >= stop or tv.lowers[pos] not in lx.prepositions:
            break
        end = noun_phrase_end(tv, pos + 1, stop, lx, nested=True)
        if end is None:
            break
        pos = end
    if pos < stop and tv.words[pos] == ",":
        pos += 1
    if pos + 1 >= stop or state.blocked[pos]:
        return None
    if tv.lowers[pos] in lx.complementizers:
        return pos
    if cue.form.lemma not in lx.bare_clause_cues or stop - pos < MIN_BARE_CLAUSE_TOKENS:
        return None
    if tv.lowers[pos] in lx.prepositions or tv.lowers[pos] in lx.np_breaks:
        return None
    has_verb = any(
        tv.lowers[j] in lx.finite_verbs
        or (
            lx.past_tense_ending
            and tv.words[j][:1].islower()
            and tv.lowers[j].endswith(lx.past_tense_ending)
        )
        for j in range(pos + 1, stop)
    )
    return pos if has_verb else None


def _reported_clause(state: DocState, start: int, stop: int) -> bool:
    """Whether a clause reads as reported content by its form alone: opened by "dass"/"ob",
    in Konjunktiv I, or an infinitive with "zu" ("wurde vorgeworfen, … beteiligt zu haben").

    A passive verb of saying without an agent has no speaker to vouch for what
    follows its comma, so the clause itself must look like a report.
    """
    tv, lx = state.tv, state.lx
    return (
        tv.lowers[start] in lx.complementizers
        or konjunktiv_marker(tv, start, stop, state.blocked, lx, weak=False)
        or any(_infinitive_at(state, j) for j in range(start, stop - 1))
    )


def _infinitive_at(state: DocState, j: int) -> bool:
    """ "zu sein", "zu öffnen", or one word with the particle inside ("einzusetzen");
    "zu den Vorgängen" is a preposition."""
    tv, lx = state.tv, state.lx
    low = tv.lowers[j]
    if low in lx.infinitive_markers:
        return tv.words[j + 1][:1].islower() and tv.lowers[j + 1] not in lx.determiners
    # the infix stands after a particle ("ein-", "auf-") and before a stem with its ending
    return (
        bool(lx.infinitive_infix)
        and tv.words[j][:1].islower()
        and (lx.infinitive_infix in low[2:-3] and low.endswith(lx.infinitive_endings))
    )


def _participle_report(
    state: DocState, cue: Cue, lo: int, stop: int, s_index: int, settings: QuoteSettings
) -> Draft | None:
    """ "The Kremlin denied the report, saying it was baseless": the participle shares
    the subject that opens the sentence; it reports the clause after it, or itself
    for a Reported verb ("…, accusing Norland of shelling the plant")."""
    opening = opening_subject(state, lo, cue.verb)
    if opening is None:
        return None
    sp = make_speaker(state, lo, opening[0], verb=opening[1])
    addressee = addressee_after(state, cue.verb + 1, stop)
    start = _clause_after_cue(state, cue, stop)
    if start is not None:
        end = _second_cue_verb(state, start, stop)
        return Draft(
            start, end, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
        )
    if cue.form.lemma in state.lx.reported_cues and settings.reported:
        end = _second_cue_verb(state, cue.verb, stop)
        if not _reports_something(state, cue, sp, cue.verb, end):
            return None
        return Draft(
            cue.verb, end, "Reported", s_index, sp, cue, cue.tokens(), addressee, CONF_REPORTED
        )
    return None


def _joined_cue_takes_clause(state: DocState, cue: Cue, comma: int) -> bool:
    """Whether a second verb of saying, joined to the cue by "und" before ``comma``,
    reports the clause after it: "Er bezeichnete die Proteste als rechtmäßig und
    forderte X auf, weiterzumachen" reports the protests in its own clause only."""
    conjunctions = state.lx.np_conjunctions
    return any(
        state.tv.lowers[j] in conjunctions and _finite_cue_at(state, j + 1, ("fin",))
        for j in range(max(cue.tokens()) + 1, comma - 1)
    )


def _finite_cue_at(state: DocState, k: int, kinds: tuple[str, ...]) -> bool:
    """Whether word ``k``, unquoted and in lower case, is a verb of saying of one of
    ``kinds`` ("fin": finite, "ing": English participle)."""
    tv = state.tv
    forms = state.lx.cues.get(tv.lowers[k]) if tv.words[k][:1].islower() else None
    return bool(forms) and not state.blocked[k] and any(f.kind in kinds for f in forms)


def _second_cue_verb(state: DocState, start: int, stop: int) -> int:
    """Where a reported clause ends at the speaker's next verb of saying.

    "X räumte ein, es könnten Stellen verloren gehen, sprach aber von einem
    offenen Prozess": a finite verb of saying right after a comma or "und"
    continues the speaker's sentence, not the report. ", und" opening another
    speaker's report ends it too (see ``_other_speakers_clause``).
    """
    tv, lx = state.tv, state.lx
    for j in range(start + 1, stop - 1):
        if tv.lowers[j] not in lx.np_conjunctions and tv.words[j] != ",":
            continue
        if _finite_cue_at(state, j + 1, ("fin", "ing")):
            return j
        if (
            tv.words[j] == ","
            and tv.lowers[j + 1] in lx.np_conjunctions
            and _other_speakers_clause(state, j + 2, stop)
        ):
            return j
    return stop


def _other_speakers_clause(state: DocState, start: int, stop: int) -> bool:
    """Whether the main clause that ", und" opens at ``start`` has a verb of saying with a
    subject of its own after it: "…, dass es keine Partei ist, und im September, nachdem
    …, gab Putin zu, dass …" ends the first report there. A cue clause closing the
    sentence (", und …, hieß es.") reports the whole sentence instead."""
    tv, lx = state.tv, state.lx
    lo, hi, _ = state.sentences[sentence_index(state, start)]
    for k in range(start, stop):
        cue = find_cue(tv, k, lo, hi, state.blocked, lx)
        if cue is None or cue.form.kind != "fin" or cue.finite != k:
            continue
        cs, ce = cue.clause
        if tv.lowers[cs] in lx.subordinators or tv.lowers[cs] in lx.complementizers:
            continue  # "nachdem er erklärt hatte": the subordinate clause before the verb
        return ce < stop and subject_after(tv, k, stop, lx) is not None
    return False


def _plural_verb(state: DocState, i: int) -> bool:
    """A lower-case word that is its own infinitive ("spielen"): after a relative clause,
    the plural verb of the main clause it interrupted ("X, der …, spielen noch …")."""
    tv, lx = state.tv, state.lx
    low = tv.lowers[i]
    return (
        tv.words[i][:1].islower()
        and low.endswith(lx.infinitive_endings)
        and low not in lx.prepositions
        and low not in lx.sentence_adverbs
        and low not in lx.determiners
        and dictionary_form(tv.words[i], lx.code) == low
    )


def _opens_main_clause(state: DocState, i: int) -> bool:
    """Whether the clause at ``i`` opens on its finite verb, as a main clause after an
    adverbial clause does ("…, kündigten die Republikaner an"); a reported clause opens on
    its subject, a conjunction or an adverb ("…, die Lage sei ernst", "…, er wolle …")."""
    tv, lx = state.tv, state.lx
    low = tv.lowers[i]
    return (
        tv.words[i][:1].islower()
        and (low in lx.verb_forms or dictionary_form(tv.words[i], lx.code) != low)
        and not (
            low in lx.determiners
            or low in lx.pronouns
            or low in lx.object_pronouns
            or low in lx.reflexives
            or low in lx.prepositions
            or low in lx.complementizers
            or low in lx.sentence_adverbs
        )
    )
