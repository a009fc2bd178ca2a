"""Direct speech: quoted spans and the cue that attributes them.

A quoted stretch is speech when a cue clause introduces it ("Hegseth sagte:
„…“"), follows it ("„…“, sagte X."), or when it continues a quote attributed
shortly before; a short quoted phrase inside a cue clause is a partial quote
("sprach von einem „historischen Treffen“"). Anything else in quotation marks
is a title or a scare quote and is left alone.
"""

from __future__ import annotations

from lagebild.components.quote_clauses import Cue, clause_bounds, find_cue
from lagebild.components.quote_state import (
    CONF_CONTINUATION,
    CONF_DIRECT,
    CONF_PARTIAL,
    DocState,
    Draft,
    Speaker,
    make_speaker,
    sentence_index,
)
from lagebild.components.quote_subjects import (
    SPEAKING_KINDS,
    actor_in,
    addressee_after,
    continuing_speaker,
    cue_speaker,
    impersonal_es_cue,
    inner_subject,
    opening_subject,
    verb_at,
)
from lagebild.components.speakers import (
    noun_phrase_end,
    prepositional_phrases_end,
    so_phrase_end,
    subject_after,
)

# An unattributed quote continues one attributed at most this many sentences back.
CONTINUATION_SENTENCES = 2
MIN_CONTINUED_QUOTE_TOKENS = 4  # shorter unattributed quotes are titles or scare quotes
#: A quotation after a lead-in whose subject follows its verb needs more words: a title
#: follows such a verb as often as a statement does ("stellte er die CD vor: „…“").
MIN_LEAD_IN_QUOTE_TOKENS = 5


def attribute_direct(
    state: DocState, q: tuple[int, int, int, int], s_index: int, drafts: list[Draft]
) -> Draft | None:
    """Attribute a quotation: a lead-in before it, a cue right after it, or the report before.

    The lead-in is tried first: on dev, letting a closing cue win ("Besorgt
    äußerte sich X: „…“, sagte er.") lost more speakers than it found. A
    quotation with neither continues the latest report with a speaker, of any
    form ("X sagte: „…“ Die Gefahr sei real. „…“").
    """
    qs, qe, c0, c1 = q
    lo, _, _ = state.sentences[s_index]
    draft = Draft(qs + 1, qe - 1, "Direct", s_index, confidence=CONF_DIRECT, quoted=(c0, c1))
    found = _lead_in_attribution(state, draft, qs, lo, s_index) or _trailing_attribution(
        state, draft, qe, lo
    )
    if found is not None:
        return found
    # an unattributed quote opening its sentence continues the latest report, as does
    # one after a conjunction alone ("Und: „…“")
    tv = state.tv
    if (
        qs == lo
        or (qs > lo and all(state.blocked[lo:qs]))
        or (
            qs == lo + 2
            and tv.lowers[lo] in state.lx.leading_conjunctions
            and tv.words[lo + 1] == ":"
        )
    ):
        prev = next((d for d in reversed(drafts) if d.speaker is not None), None)
        if (
            prev is not None
            and s_index - prev.sentence <= CONTINUATION_SENTENCES
            and qe - qs >= MIN_CONTINUED_QUOTE_TOKENS
        ):
            draft.speaker = continuing_speaker(state, prev)
            draft.confidence = CONF_CONTINUATION
            return draft
    sp = _lead_in_subject(state, qs, qe, lo)
    if sp is not None:  # "Zypries sieht in dem Urteil eine Bestätigung: „…“"
        draft.speaker = sp
        return draft
    # partial quotes are settled once the sentence's cues are known
    draft.form = "partial"
    return draft


def _lead_in_attribution(
    state: DocState, draft: Draft, qs: int, lo: int, s_index: int
) -> Draft | None:
    """A lead-in clause ending in ":" or "," ("Hegseth sagte: „…“", "Ein Beamter: „…“")."""
    tv = state.tv
    lead_end = qs
    lead_lo = lo
    if lead_end == lo and s_index > 0:  # the quote opens the sentence: look at the one before
        plo, phi, _ = state.sentences[s_index - 1]
        if tv.words[phi - 1] == ":":
            lead_lo, lead_end = plo, phi
    if lead_end <= lead_lo or tv.words[lead_end - 1] not in (":", ","):
        return None
    cue = _last_cue(state, lead_lo, lead_end - 1)
    if cue is not None:
        sp, addressee = cue_speaker(state, cue)
        if sp is None and not impersonal_es_cue(state, cue):
            return None
        return _finish(state, draft, cue, sp, addressee)  # "Weiter hieß es: „…“": no source
    if tv.words[lead_end - 1] == ":":  # "Ein Beamter der Polizei: „…“"
        cs, _ = clause_bounds(tv, lead_end - 2, lead_lo, lead_end - 1, state.blocked)
        if cs - 2 >= lead_lo and tv.words[cs - 1] == ",":
            # "Erkki T., Präsident des Rats: „…“": a name before its apposition
            first, _ = clause_bounds(tv, cs - 2, lead_lo, cs - 1, state.blocked)
            if noun_phrase_end(tv, first, lead_end - 1, state.lx) == lead_end - 1:
                cs = first
        # a phrase alone ("…, 30, schilderte den Hergang: „…“" has a verb), or an actor and
        # a topic ("Nina Hagen zur neuen Heimat: „…“")
        end = None if _verb_like(state, cs) else noun_phrase_end(tv, cs, lead_end - 1, state.lx)
        topic = (
            end is not None
            and actor_in(state, cs, end)
            and prepositional_phrases_end(tv, end, lead_end - 1, state.lx) == lead_end - 1
        )
        if end is not None and (end == lead_end - 1 or topic):
            draft.speaker = make_speaker(state, cs, end)
            state.used.update(range(cs, end))
            return draft
    return None


def _verb_like(state: DocState, i: int) -> bool:
    """A lower-case word that is no article: the verb of a clause, never a phrase's start."""
    return state.tv.words[i][:1].islower() and state.tv.lowers[i] not in state.lx.determiners


def _lead_in_subject(state: DocState, qs: int, qe: int, lo: int) -> Speaker | None:
    """The subject opening a lead-in clause that has no verb of saying.

    "Zypries sieht in dem Urteil eine Bestätigung: „…“", "Die Bewohner des Dorfes
    sehen alles gelassen: „…“": a colon hands the quotation to the clause's
    subject. A phrase opening such a clause may be an object or a topic ("Die
    Anwendung der Richtlinie stellte X in Frage: „…“"): then a person right after
    the verb is the subject, and a subject-like phrase there takes the quotation
    from the opening one. A place never speaks, and a person in the genitive
    ("… des Kanzlers") is an attribute.
    """
    tv, lx = state.tv, state.lx
    if qs - lo < 3 or tv.words[qs - 1] != ":" or any(state.blocked[lo : qs - 1]):
        return None
    opening = opening_subject(state, lo, qs - 1)
    if opening is None:
        return _subject_after_lead_in_verb(state, qs, qe, lo)
    sp = make_speaker(state, lo, opening[0], verb=opening[1])
    if sp.mention is None or sp.mention.kind != "PER":
        # "Die Eignung stellte der Vorsitzende X in Frage: „…“": an object opens the
        # clause, and a person right after the verb is its subject
        inner = inner_subject(state, opening[1], qs - 1)  # not one inside the opening
        if inner is not None and inner.start == opening[1] + 1:
            sp = inner
        elif subject_after(tv, opening[1], qs - 1, lx) is not None:
            return None
    if sp.mention is not None and sp.mention.kind not in SPEAKING_KINDS:
        return None
    first = tv.at_char(sp.mention.start) if sp.mention is not None else sp.start
    if first > lo and tv.lowers[first - 1] in lx.genitive_determiners:
        return None
    return sp


def _subject_after_lead_in_verb(state: DocState, qs: int, qe: int, lo: int) -> Speaker | None:
    """The subject after the verb of a lead-in opened by something else: "Hier sparte
    der Präsident nicht mit Kritik: „…“", "…, lehnt er jedoch ab: „…“". Only an actor
    that speaks counts (a linked mention, or a pronoun resolved to one)."""
    tv, lx = state.tv, state.lx
    if qe - qs - 2 < MIN_LEAD_IN_QUOTE_TOKENS or "(" in tv.words[lo:qs]:
        return None  # a title ("stellte er die CD vor: „Have a nice day“"), a bracket
    cs, _ = clause_bounds(tv, qs - 2, lo, qs - 1, state.blocked)
    verb = next((k for k in range(cs, qs - 2) if verb_at(state, k)), None)
    if verb is None or tv.lowers[verb] in lx.complementizers or tv.lowers[verb] in lx.subordinators:
        return None  # "…, warum man sich entschieden hat: „…“" is no main clause
    after = subject_after(tv, verb, qs - 1, lx)
    if after is None:
        return None
    sp = make_speaker(state, after[0], after[1], verb=verb)
    if sp.mention is None or sp.mention.kind not in SPEAKING_KINDS:
        return None
    return sp


def _trailing_attribution(state: DocState, draft: Draft, qe: int, lo: int) -> Draft | None:
    """A cue right after the quote ("„…“, sagte X." / "„…“, so X.")."""
    tv = state.tv
    end_sentence = sentence_index(state, qe - 1)
    hi = state.sentences[end_sentence][1]
    pos = qe
    if pos < hi and tv.words[pos] == ",":
        pos += 1
    if pos >= hi and end_sentence + 1 < len(state.sentences):
        # "„Wer zahlt?“, fragte er." may have been cut after "?“,"
        nlo, nhi, _ = state.sentences[end_sentence + 1]
        if nlo == pos and tv.words[pos][:1].islower():
            hi = nhi
    if pos >= hi or state.blocked[pos]:
        return None
    cue = find_cue(tv, pos, lo, hi, state.blocked, state.lx)
    if cue is None and tv.lowers[pos] in state.lx.auxiliaries:
        cue = _cue_in_clause(state, pos, hi)
    if cue is not None and cue.finite == pos:
        sp, addressee = cue_speaker(state, cue, prefer_after=True)
        if sp is not None or impersonal_es_cue(state, cue):  # "„…“, hieß es.": no source
            return _finish(state, draft, cue, sp, addressee)
    if cue is None and state.lx.clause_follows_cue:
        found = _subject_first_attribution(state, draft, pos, lo, hi)
        if found is not None:
            return found
    if tv.lowers[pos] in state.lx.so_words:
        end = so_phrase_end(tv, pos + 1, hi, state.lx)
        if end is not None:
            draft.cue_tokens = (pos,)
            state.used.update(range(pos, end))
            draft.speaker = make_speaker(state, pos + 1, end)
            return draft
    return None


def _subject_first_attribution(
    state: DocState, draft: Draft, pos: int, lo: int, hi: int
) -> Draft | None:
    """ "“…,” he said." / "“…,” the ministry's spokesman told reporters.": English puts
    the subject before the verb after a quotation; the subject fills the gap up to it."""
    tv, lx = state.tv, state.lx
    _, ce = clause_bounds(tv, pos, pos, hi, state.blocked)
    for verb in range(pos + 1, ce):
        cue = find_cue(tv, verb, lo, hi, state.blocked, lx)
        if cue is None:
            continue
        if cue.finite != verb and cue.finite != pos + 1:
            return None
        subject_end = min(cue.finite, verb)
        if lx.pronoun(tv.lowers[pos]) is None and (
            noun_phrase_end(tv, pos, subject_end, lx) != subject_end
        ):
            return None
        if lx.pronoun(tv.lowers[pos]) is not None and subject_end != pos + 1:
            return None
        sp = make_speaker(state, pos, subject_end, verb=cue.finite)
        return _finish(state, draft, cue, sp, addressee_after(state, verb + 1, ce))
    return None


def _last_cue(state: DocState, lo: int, hi: int) -> Cue | None:
    for i in range(hi - 1, lo - 1, -1):
        cue = find_cue(state.tv, i, lo, hi + 1, state.blocked, state.lx)
        if cue is not None:
            return cue
    return None


def _cue_in_clause(state: DocState, aux: int, hi: int) -> Cue | None:
    """A participle cue after an auxiliary ("wurde Xi … zitiert")."""
    _, ce = clause_bounds(state.tv, aux, aux, hi, state.blocked)
    for i in range(aux + 1, ce):
        cue = find_cue(state.tv, i, aux, hi, state.blocked, state.lx)
        if cue is not None and cue.finite == aux:
            return cue
    return None


def _finish(
    state: DocState, draft: Draft, cue: Cue, sp: Speaker | None, addressee: str | None
) -> Draft:
    draft.cue, draft.cue_tokens, draft.speaker, draft.addressee = cue, cue.tokens(), sp, addressee
    state.used.update(cue.tokens())
    if sp is not None:
        state.used.update(range(sp.start, sp.end))
    return draft


def resolve_partials(
    state: DocState, s_index: int, lo: int, hi: int, found: list[Draft]
) -> list[Draft]:
    """Keep a quoted phrase inside a sentence only when a cue with a speaker is there."""
    out = [d for d in found if d.form != "partial"]
    for d in found:
        if d.form != "partial":
            continue
        inside = [r for r in out if r.form != "Direct" and r.start <= d.start and d.end <= r.end]
        if any(r.form == "Indirect" for r in inside):
            continue  # part of an indirect message ("…, dass Washington „…“ überwache")
        host = next((r for r in inside if r.form == "Reported"), None)
        if host is None:
            host = _cue_for_partial(state, lo, hi, d) or _judge_of_partial(state, lo, hi, d)
        if host is None:
            continue
        if host in out:
            out.remove(host)
        d.form, d.speaker, d.cue, d.cue_tokens = "Direct", host.speaker, host.cue, host.cue_tokens
        d.addressee, d.confidence = host.addressee, CONF_PARTIAL
        out.append(d)
    return out


def _cue_for_partial(state: DocState, lo: int, hi: int, d: Draft) -> Draft | None:
    """A cue clause right before the quoted phrase ("sprach von einem „…“"), or
    after a judgement it closes ("wurde von Kritikern als „…“ bezeichnet")."""
    tv, lx = state.tv, state.lx
    qs = d.start - 1
    cs, _ = clause_bounds(tv, qs - 1, lo, hi, state.blocked) if qs > lo else (lo, lo)
    candidates = list(range(qs - 1, cs - 1, -1))
    blocked = state.blocked
    if _after_predicative(state, qs, cs):
        # the verb may close the clause the judgement sits in: read it through the marks
        qe = tv.at_char(d.quoted[1] - 1) if d.quoted is not None else d.end  # closing mark
        blocked = blocked[:qs] + [False] * (qe + 1 - qs) + blocked[qe + 1 :]
        _, ce = clause_bounds(tv, qe, lo, hi, blocked)
        candidates += range(qe + 1, ce)
    for i in candidates:
        cue = find_cue(tv, i, lo, hi, blocked, lx)
        if cue is None:
            continue
        sp, addressee = cue_speaker(state, cue)
        if sp is None:
            return None
        return Draft(d.start, d.end, "Direct", d.sentence, sp, cue, cue.tokens(), addressee)
    return None


def _judge_of_partial(state: DocState, lo: int, hi: int, d: Draft) -> Draft | None:
    """The one a quoted judgement holds for: "Für den Minister ist die Lage „alarmierend“",
    "…, war für die Verbände „Wortbruch“". The "für" phrase stands next to a form of
    "sein" in the quotation's clause and names a speaker: an actor (a person or body,
    no place) or, opening the sentence, any phrase."""
    tv, lx = state.tv, state.lx
    qs = d.start - 1
    cs, _ = clause_bounds(tv, qs - 1, lo, hi, state.blocked) if qs > lo else (lo, lo)
    for i in range(cs, qs - 1):
        if tv.lowers[i] not in lx.judging_prepositions:
            continue
        end = noun_phrase_end(tv, i + 1, qs, lx)
        if end is None or not (
            (end < qs and tv.lowers[end] in lx.copulas)
            or (i > cs and tv.lowers[i - 1] in lx.copulas)
        ):
            continue
        sp = make_speaker(state, i + 1, end)
        if sp.mention is not None and sp.mention.kind not in SPEAKING_KINDS:
            return None  # "für Deutschland": a place judges nothing
        if sp.mention is None and i != lo:
            return None  # "Wegweisend für den Rock ist „…“": inside a clause, only an actor
        return Draft(d.start, d.end, "Direct", d.sentence, sp, None, (), None)
    return None


def _after_predicative(state: DocState, qs: int, cs: int) -> bool:
    """Whether the quotation opening at ``qs`` follows "als" (and an article)."""
    tv, lx = state.tv, state.lx
    j = qs - 1
    if j > cs and tv.lowers[j] in lx.determiners:
        j -= 1
    return j >= cs and tv.lowers[j] in lx.predicative_words
