"""Reports that reach across sentences.

News keeps reporting after the verb of saying: "X sagte, A. B sei …" reports B
too, in Konjunktiv I with no cue of its own, and "A. Das erklärte X." reports A
from the sentence after it. These patterns link a sentence to a report before
(or after) it and give it that report's speaker.
"""

from __future__ import annotations

from lagebild.components.quote_clauses import content_end, find_cue, konjunktiv_marker
from lagebild.components.quote_direct import MIN_CONTINUED_QUOTE_TOKENS
from lagebild.components.quote_lexicon import QuoteLexicon
from lagebild.components.quote_state import (
    CONF_CONTINUATION,
    CONF_INDIRECT,
    DocState,
    Draft,
    QuoteSettings,
    Speaker,
    generic_speaker,
    inside_quote,
)
from lagebild.components.quote_subjects import (
    SPEAKING_KINDS,
    continuing_speaker,
    cue_speaker,
    make_speaker,
    opening_subject,
    sentence_actor,
    speaker_after,
)
from lagebild.components.speakers import (
    TokenView,
    noun_phrase_end,
    opens_relative_clause,
    past_particles,
    prepositional_phrases_end,
    subject_after,
)

# A Konjunktiv I sentence continues a report at most this many sentences back
# (two: one narrative sentence may stand between; three lowered precision on dev).
CONTINUATION_GAP = 2


def merges_into(last: Draft | None, cont: Draft) -> bool:
    """Whether a continuation extends the continuation right before it.

    SpkAtt (and a reader) see "X sagte, A. B sei … C sei …" as the report A and
    one free indirect report B–C: the second Konjunktiv sentence after a
    report joins the first, with the same speaker.
    """
    return (
        last is not None
        and not last.cue_tokens  # a continuation has no cue words of its own
        and last.form == "Indirect"
        and last.sentence == cont.sentence - 1
        and last.speaker is cont.speaker
    )


def subject_before_report(state: DocState, s_index: int, last: Draft | None) -> Draft | None:
    """The actor opening the sentence before, when that sentence reported nothing.

    "Hubert Primus wies den Vorwurf zurück. In Zeiten knapper Kassen sei die
    Studie richtig.": the Konjunktiv sentence reports what the subject of the
    sentence before said, whose verb ("zurückweisen") is no verb of saying; an
    older report's speaker would be the wrong one. Only a phrase that names a
    speaking actor (a linked mention) counts: the subject opening the sentence,
    or else its first actor after the verb (see ``quote_subjects.sentence_actor``).
    """
    k = s_index - 1
    if k < 0 or (last is not None and last.sentence == k):
        return None
    cur_lo, cur_hi, _ = state.sentences[s_index]
    stop = content_end(state.tv, cur_lo, cur_hi)
    if not _konjunktiv(state, cur_lo, stop, weak=False):
        return None  # only a Konjunktiv I sentence can continue it (checked first: cheap)
    sp = sentence_actor(state, k)
    if sp is None:
        return None
    lo = state.sentences[k][0]
    return Draft(lo, lo, "Indirect", k, sp, None, (), None, CONF_CONTINUATION)


def back_reference(
    state: DocState, s_index: int, lo: int, hi: int, drafts: list[Draft]
) -> Draft | None:
    """ "A sei B. Das erklärte ein Sprecher.": the report is the sentence before.

    A demonstrative opening the sentence right before a verb of saying stands
    for the previous sentence; the message runs from there to the
    demonstrative (SpkAtt marks both). A quote the rules or the continuation
    already made of that sentence gives way to this attributed one.
    """
    tv, lx = state.tv, state.lx
    if s_index == 0 or hi - lo < 3 or tv.lowers[lo] not in lx.back_references:
        return None
    if tv.lowers[lo + 1] in lx.copulas:
        return _statement_named_after(state, s_index, lo, hi, drafts)
    # read the verb from lo + 1: "Das erklärte" is no article before a participle
    cue = find_cue(tv, lo + 1, lo + 1, hi, state.blocked, lx)
    if cue is None or cue.finite != lo + 1 or state.blocked[lo]:
        return None
    stop = content_end(tv, lo, hi)
    impersonal = cue.form.lemma in lx.impersonal_cues  # "Dies geht aus dem Bericht hervor."
    after = subject_after(tv, cue.finite, stop, lx)
    if after is None and not impersonal:
        return None
    plo, phi, _ = state.sentences[s_index - 1]
    pstop = content_end(tv, plo, phi)
    if pstop - plo < MIN_CONTINUED_QUOTE_TOKENS or inside_quote(state, plo, pstop):
        return None
    earlier = [d for d in drafts if d.start < pstop and d.end > plo]
    if any(d.confidence > CONF_CONTINUATION or d.quoted is not None for d in earlier):
        return None  # the sentence before is a report of its own
    for d in earlier:
        drafts.remove(d)
    if impersonal:
        sp, addressee = cue_speaker(state, cue)
    else:
        sp, addressee = speaker_after(state, after, cue.finite, stop)
    tokens = cue.tokens()
    return Draft(plo, lo + 1, "Indirect", s_index, sp, cue, tokens, addressee, CONF_INDIRECT)


def _statement_named_after(
    state: DocState, s_index: int, lo: int, hi: int, drafts: list[Draft]
) -> Draft | None:
    """ "A. Das ist das Ergebnis einer Umfrage des Instituts.": the sentence after a report
    names the statement it was, and the statement's phrase is its source (SpkAtt spans
    it as the speaker, the copula as the cue). A quotation left without a speaker, or
    only continuing an earlier one, takes this source; any other report keeps its own."""
    tv, lx = state.tv, state.lx
    stop = content_end(tv, lo, hi)
    start = lo + 2
    while start < stop and (
        tv.lowers[start] in lx.focus_particles or tv.lowers[start] in lx.leading_conjunctions
    ):
        start += 1  # "Das ist aber nur ein Nebenergebnis der Studie"
    end = noun_phrase_end(tv, start, stop, lx)
    if (
        end is None
        or state.blocked[lo]
        or not (
            end == stop
            or tv.words[end] == ","
            or prepositional_phrases_end(tv, end, stop, lx) == stop
        )
        or not _statement_of_source(tv, start, end, lx)
    ):
        return None
    plo, phi, _ = state.sentences[s_index - 1]
    pstop = content_end(tv, plo, phi)
    if pstop - plo < MIN_CONTINUED_QUOTE_TOKENS:
        return None
    speaker = make_speaker(state, start, end, verb=lo + 1)
    earlier = [d for d in drafts if d.start < pstop and d.end > plo]
    if any(d.confidence > CONF_CONTINUATION and d.speaker is not None for d in earlier):
        return None  # the sentence before is a report with a speaker of its own
    whole = next((q for q in state.quoted if q[0] == plo and q[1] >= pstop), None)
    if whole is None and inside_quote(state, plo, pstop):
        return None
    for d in earlier:
        drafts.remove(d)
    cue = (lo + 1,)
    if whole is None:
        return Draft(plo, lo + 1, "Indirect", s_index, speaker, None, cue, None, CONF_INDIRECT)
    qs, qe, c0, c1 = whole  # "„…“ Das ist die zentrale Aussage einer Studie."
    return Draft(
        qs + 1, qe - 1, "Direct", s_index, speaker, None, cue, None, CONF_INDIRECT, (c0, c1)
    )


def _statement_of_source(tv: TokenView, start: int, end: int, lx: QuoteLexicon) -> bool:
    """Whether [start, end) names a statement and whose it is: "das Ergebnis einer Umfrage",
    "die Aussage von X"; "ein ungewöhnliches Ergebnis" judges, and names no source."""
    return any(
        tv.lowers[j].endswith(lx.source_noun_endings)
        and (tv.lowers[j + 1] in lx.genitive_determiners or tv.lowers[j + 1] in lx.np_continuations)
        for j in range(start, end - 1)
    )


def continued_report(
    state: DocState,
    s_index: int,
    lo: int,
    hi: int,
    paragraph: int,
    last: Draft,
    settings: QuoteSettings,
    *,
    weak: bool = True,
) -> Draft | None:
    """A Konjunktiv sentence soon after a report continues it (same speaker).

    Right after the report, Konjunktiv II and hearsay "soll" count too; one
    sentence further on only Konjunktiv I does (and only it with ``weak`` false).
    """
    gap = s_index - last.sentence
    if gap > CONTINUATION_GAP or inside_quote(state, lo, hi):
        return None
    if paragraph - state.sentences[last.sentence][2] > 1:
        return None
    stop = content_end(state.tv, lo, hi)
    weak = weak and settings.weak_continuation and gap == 1
    if not _konjunktiv(state, lo, stop, weak=weak):
        return None
    start = _indicative_frame_end(state, lo, stop, weak=weak)
    speaker = _frame_subject(state, lo, start) or continuing_speaker(state, last)
    return Draft(start, stop, "Indirect", s_index, speaker, None, (), None, CONF_CONTINUATION)


def framed_report(state: DocState, s_index: int, lo: int, hi: int) -> Draft | None:
    """A Konjunktiv I clause after an indicative frame that an actor opens, with no
    report before: "Die Gewerkschaft wollte verhandeln, die Beschäftigten seien nicht
    gefragt worden" reports what the union says, though its verb is no verb of saying."""
    tv, lx = state.tv, state.lx
    if not any(w in lx.clause_punctuation for w in tv.words[lo:hi]) or inside_quote(state, lo, hi):
        return None  # a frame ends where a reported clause opens: a comma or a colon
    stop = content_end(tv, lo, hi)
    if not _konjunktiv(state, lo, stop, weak=False):
        return None
    start = _indicative_frame_end(state, lo, stop)
    speaker = _frame_subject(state, lo, start)
    if speaker is None:
        return None
    return Draft(start, stop, "Indirect", s_index, speaker, None, (), None, CONF_CONTINUATION)


def generic_subject_continues(state: DocState, d: Draft, last: Draft | None) -> None:
    """Give a report whose speaker is generic "man" the speaker of the report before,
    when it is in Konjunktiv I soon after it: "Das Ministerium teilte mit, … Man habe
    sich darauf geeinigt, …" reports the ministry's side. Elsewhere "man" names no one
    ("In dem Schreiben forderte man …") and the record keeps no speaker."""
    if (
        last is None
        or d.sentence - last.sentence > CONTINUATION_GAP
        or not generic_speaker(state, d.speaker)
    ):
        return
    lo, hi, _ = state.sentences[d.sentence]
    if _konjunktiv(state, lo, content_end(state.tv, lo, hi), weak=False):
        d.speaker = continuing_speaker(state, last)


def _konjunktiv(state: DocState, lo: int, stop: int, *, weak: bool) -> bool:
    """``konjunktiv_marker`` over [lo, stop), computed once per range and strength."""
    key = (lo, stop, weak)
    found = state.konjunktiv.get(key)
    if found is None:
        found = konjunktiv_marker(state.tv, lo, stop, state.blocked, state.lx, weak=weak)
        state.konjunktiv[key] = found
    return found


def _frame_subject(state: DocState, lo: int, start: int) -> Speaker | None:
    """The actor opening the indicative frame of a continued report, if one does.

    "Die Gewerkschaft wollte verhandeln, die Beschäftigten seien nicht gefragt
    worden": the frame's own subject voices the Konjunktiv clause, not the speaker
    of the report before. Only a phrase naming a speaking actor (a linked mention)
    counts: "Die Kosten haben sich verdoppelt, …" is what the report is about. A
    pronoun opening the frame is left to the earlier report, whose speaker it
    mostly is. The subject of a passive frame with an agent is no speaker.
    """
    tv, lx = state.tv, state.lx
    if start <= lo or tv.lowers[lo] in lx.pronouns:
        return None
    frame = set(tv.lowers[lo:start])
    if frame & lx.passive_auxiliaries and frame & lx.agent_prepositions:
        return None  # "Der Mann wurde von Freunden gefragt, was …": asked, not asking
    first = past_particles(tv, lo, start - 1, lx)
    opening = opening_subject(state, first, start - 1)
    if opening is None:
        return None
    sp = make_speaker(state, first, opening[0], verb=opening[1])
    return sp if sp.mention is not None and sp.mention.kind in SPEAKING_KINDS else None


def _indicative_frame_end(state: DocState, lo: int, stop: int, *, weak: bool = False) -> int:
    """Where a continued report starts after an indicative frame in its sentence.

    "Die Frage ist bedeutend, weil berichtet wurde, die Anlagen seien …",
    "Die Gewerkschaft zeigt kein Verständnis, die Beschäftigten seien …": the
    clauses before the last comma that precedes the Konjunktiv hold an indicative
    verb (or a subject and its verb) and no Konjunktiv; they frame the report,
    they are not part of it. So does a main clause with its subject before a
    colon ("Der Verband ging noch weiter: Die Reform müsse …"). A relative clause
    ("Die Regierung, die im Amt ist, habe …") is no frame.
    """
    tv, lx, blocked = state.tv, state.lx, state.blocked
    start = lo
    for j in range(lo + 1, stop - 1):
        if tv.words[j] == ":" and not blocked[j]:
            if (
                not konjunktiv_marker(tv, lo, j, blocked, lx, weak=True)
                and opening_subject(state, past_particles(tv, lo, j, lx), j) is not None
                and konjunktiv_marker(tv, j + 1, stop, blocked, lx, weak=weak)
            ):
                start = j + 1
            continue
        if tv.words[j] != "," or blocked[j]:
            continue
        if opens_relative_clause(tv, j + 1, stop, lx) or konjunktiv_marker(
            tv, lo, j, blocked, lx, weak=True
        ):
            break
        if konjunktiv_marker(tv, j + 1, stop, blocked, lx, weak=False) and (
            any(tv.lowers[k] in lx.verb_forms for k in range(lo, j))
            or opening_subject(state, lo, j) is not None
        ):
            start = j + 1
    return start
