"""Quotes: direct, indirect and reported speech with speaker, cue and addressee.

Reads the sentences and quotation marks of a document and writes
``doc._.quotes`` (a list of ``model.Quote``). German is the reference language;
all words it relies on come from ``lang/<code>/quotes.py``.

Patterns, in the order they are tried per sentence:

1. *Direct*: a quoted stretch introduced by a cue clause ending in a colon or
   comma ("Hegseth sagte: „…“"), followed by one ("„…“, sagte X."), continuing
   an attributed quote ("„…“, sagte X. „…“"), or a short phrase inside a cue
   clause ("sprach von einem „historischen Treffen“"). A quoted phrase with no
   cue near it is a title or scare quote, not speech.
2. *Indirect*: a cue clause with a complement clause ("X sagte, dass …", "X
   erklärte, Y sei …", "…, sagte X", "wie X mitteilte, …"), or a source phrase
   ("laut X", "X zufolge", "nach Angaben von X", ", so X", "X, wonach …").
3. *Reported*: a cue verb with a noun object and no complement clause ("X warnte
   vor Anschlägen").
4. Continuation: a following sentence in Konjunktiv I without a cue of its own
   continues the last report and inherits its speaker.

Speakers are the subject of the cue verb (or the object of "laut"); pronouns
and "demnach" resolve to an earlier person or source. ``speaker_start/end``
point at the words naming the speaker in the quote's own clause (the pronoun
for "sagte er"), ``speaker_text`` is the resolved name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.components import register_extensions
from lagebild.components.quote_clauses import (
    CLAUSE_BREAKS,
    Cue,
    clause_bounds,
    content_end,
    find_cue,
    konjunktiv_marker,
)
from lagebild.components.quote_lexicon import QuoteLexicon, dictionary_form, load_quote_lexicon
from lagebild.components.quote_model import QuoteTagger, TaggerInput, load_quote_tagger
from lagebild.components.quote_state import (
    CONF_INDIRECT,
    DocState,
    Draft,
    QuoteSettings,
    Speaker,
    inside_quote,
    make_speaker,
    prepare,
    remember,
    sentence_index,
)
from lagebild.components.quote_tagging import build_tagger_input, model_drafts
from lagebild.components.speakers import (
    TokenView,
    apposition_end,
    lower_case_noun_end,
    noun_phrase_end,
    noun_phrase_start,
    split_at_mentions,
    subject_after,
    subject_before,
    trim_phrase,
)
from lagebild.model import Quote

__all__ = ["QuoteExtractor", "QuoteSettings", "extract_quotes", "tagger_input"]

# Confidence by pattern, ordered by how often each pattern paired with a gold
# quote on the development split of SpkAtt-2023.
CONF_DIRECT = 0.9
CONF_SOURCE_PHRASE = 0.8
CONF_PARTIAL = 0.7
CONF_CONTINUATION = 0.6
CONF_REPORTED = 0.5
ADDRESSEE_KINDS = frozenset({"PER", "ORG", "GPE", "IGO"})  # mention kinds that can be spoken to
MAX_FRONTED = 24  # tokens of a subject with apposition before its verb; longer is a clause
# An unattributed quote continues one attributed at most this many sentences back.
CONTINUATION_SENTENCES = 2
# A Konjunktiv I sentence continues a report at most this many sentences back
# (two: one narrative sentence may stand between; three lowered precision on dev).
CONTINUATION_GAP = 2
SPEAKING_KINDS = frozenset({"PER", "ORG", "IGO"})  # mention kinds that speak; a place does not
MIN_CONTINUED_QUOTE_TOKENS = 4  # shorter unattributed quotes are titles or scare quotes
MAX_SKIPPED_PHRASES = 2  # "said on Monday in a statement that …": phrases before the clause
MIN_BARE_CLAUSE_TOKENS = 3  # "said talks would resume"; shorter is an object ("said so")


def extract_quotes(
    doc: Doc,
    lexicon: QuoteLexicon,
    settings: QuoteSettings | None = None,
    *,
    tagger: QuoteTagger | None = None,
) -> list[Quote]:
    """All quotes of ``doc`` in text order: the rules' finds, then the tagger's."""
    settings = settings or QuoteSettings()
    state = prepare(doc, lexicon)
    drafts = _rule_drafts(state, settings)
    if tagger is not None and settings.model:
        drafts.extend(model_drafts(state, drafts, tagger))
    drafts.sort(key=lambda d: (d.start, d.end))
    return [_to_record(state, d, doc._.article_id or "") for d in drafts]


def tagger_input(
    doc: Doc, lexicon: QuoteLexicon, settings: QuoteSettings | None = None
) -> TaggerInput:
    """What the tagger reads for ``doc``: its tokens and what the rules found (for training)."""
    state = prepare(doc, lexicon)
    return build_tagger_input(state, _rule_drafts(state, settings or QuoteSettings()))


def _rule_drafts(state: DocState, settings: QuoteSettings) -> list[Draft]:
    drafts: list[Draft] = []
    last: Draft | None = None
    quote_iter = 0
    for s_index, (lo, hi, paragraph) in enumerate(state.sentences):
        found: list[Draft] = []
        while quote_iter < len(state.quoted) and state.quoted[quote_iter][0] < hi:
            q = state.quoted[quote_iter]
            quote_iter += 1
            if q[0] >= lo:
                draft = _attribute_direct(state, q, s_index, drafts)
                if draft is not None:
                    found.append(draft)
        back = _back_reference(state, s_index, lo, hi, drafts)
        if back is not None:
            found.append(_take(state, back))
        found.extend(_sentence_cues(state, s_index, lo, hi, settings))
        found = _resolve_partials(state, s_index, lo, hi, found)
        if not found and settings.continuation:
            cont = None
            subject = _subject_before_report(state, s_index, last)
            if subject is not None:
                cont = _continuation(
                    state, s_index, lo, hi, paragraph, subject, settings, weak=False
                )
            if cont is None and last is not None:
                cont = _continuation(state, s_index, lo, hi, paragraph, last, settings)
            if cont is not None and _merges_into(last, cont):
                last.end, last.sentence = cont.end, cont.sentence  # one free indirect report
                continue
            if cont is not None:
                found.append(cont)
        for d in found:
            remember(state, d)
        drafts.extend(found)
        reports = [d for d in found if d.speaker is not None]
        if reports:
            last = reports[-1]
    return drafts


def _merges_into(last: Draft | None, cont: Draft) -> bool:
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


def _subject_before_report(state: DocState, s_index: int, last: Draft | None) -> Draft | None:
    """The actor opening the sentence before, when that sentence reported nothing.

    "Hubert Primus wies den Vorwurf zurück. In Zeiten knapper Kassen sei die
    Studie richtig.": the Konjunktiv sentence reports what the subject of the
    sentence before said, whose verb ("zurückweisen") is no verb of saying; an
    older report's speaker would be the wrong one. Only a phrase that names a
    speaking actor (a linked mention) counts: the subject opening the sentence,
    or else its first actor after the verb (``_inner_subject``).
    """
    k = s_index - 1
    if k < 0 or (last is not None and last.sentence == k):
        return None
    cur_lo, cur_hi, _ = state.sentences[s_index]
    stop = content_end(state.tv, cur_lo, cur_hi)
    if not konjunktiv_marker(state.tv, cur_lo, stop, state.blocked, state.lx, weak=False):
        return None  # only a Konjunktiv I sentence can continue it (checked first: cheap)
    sp = _sentence_actor(state, k)
    if sp is None:
        return None
    lo = state.sentences[k][0]
    return Draft(lo, lo, "Indirect", k, sp, None, (), None, CONF_CONTINUATION)


def _sentence_actor(state: DocState, k: int) -> Speaker | None:
    """The speaking actor that sentence ``k`` names as its subject, if it names one.

    The subject opening the sentence, or else its first actor after the verb
    (``_inner_subject``); a pronoun, a place or an unlinked phrase names none.
    """
    lo, hi, _ = state.sentences[k]
    if state.tv.lowers[lo] in state.lx.pronouns:
        return None
    opening = _opening_subject(state, lo, hi)
    if opening is not None:
        sp = make_speaker(state, lo, opening[0], verb=opening[1])
    else:
        sp = _inner_subject(state, lo, hi)
    if sp is None or sp.mention is None or sp.mention.kind not in SPEAKING_KINDS:
        return None
    return sp


def _inner_subject(state: DocState, lo: int, hi: int) -> Speaker | None:
    """The first actor of a sentence opened by an adverbial: usually its subject.

    "Am Montag hat die Wahlkommission den Termin festgelegt", "Darauf
    verwies die Stiftung": the subject follows the finite verb. An actor after a
    preposition ("mit der Stiftung") or opened by a dative or accusative
    article ("dem Minister") is no subject; the next one may be.
    """
    tv, lx = state.tv, state.lx
    first, last = tv.starts[lo], tv.ends[hi - 1]
    for m in state.mentions:
        if m.start < first or m.end > last or m.kind not in SPEAKING_KINDS:
            continue
        start, end = tv.at_char(m.start), tv.at_char(m.end - 1) + 1
        if start - 1 > lo and tv.lowers[start - 1] in lx.determiners:
            start -= 1  # "die Wahlkommission"
        before = tv.lowers[start - 1] if start > lo else ""
        if (
            state.blocked[start]
            or before in lx.prepositions
            or before in lx.complementizers
            or tv.lowers[start] in lx.object_determiners
        ):
            continue
        return make_speaker(state, *_phrase_around(state, start, end, lo, hi))
    return None


def _phrase_around(state: DocState, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The whole phrase of a mention: its role nouns, the rest of the name, an apposition.

    "der ugandische Schriftsteller Musa Okwanga", "Jeb Bush, der frühere
    Gouverneur Floridas, hat …": SpkAtt spans the speaker as the phrase, and a
    mention may cover only part of a name ("Hubert" of "Hubert Primus").
    """
    tv, lx = state.tv, state.lx
    end = max(end, noun_phrase_end(tv, start, hi, lx) or end)
    left = noun_phrase_start(tv, end, lo, lx)
    if (
        left is not None
        and left < start
        and tv.lowers[left] not in lx.object_determiners
        and (left == lo or tv.lowers[left - 1] not in lx.prepositions)
    ):
        start = left
    if end + 1 < hi and tv.words[end] == ",":
        end = _apposition_before_verb(state, end, hi) or end
    return start, end


def _back_reference(
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
        sp, addressee = _cue_speaker(state, cue)
    else:
        sp, addressee = _speaker_after(state, after, cue.finite, stop)
    tokens = cue.tokens()
    return Draft(plo, lo + 1, "Indirect", s_index, sp, cue, tokens, addressee, CONF_INDIRECT)


def _split_addressee(state: DocState, sp: Speaker) -> tuple[Speaker, str | None]:
    """ "sagte Xi Putin": two actor mentions in one phrase are speaker and addressee."""
    tv = state.tv
    pair = split_at_mentions(state.mentions, tv.starts[sp.start], tv.ends[sp.end - 1])
    if pair is None:
        return sp, None
    first, second = pair
    end = tv.at_char(first.end - 1) + 1
    return Speaker(sp.start, end, first.text, first), second.text


def _addressee_after(state: DocState, pos: int, limit: int) -> str | None:
    """ "gegenüber der Zeitung" anywhere in the clause, or a dative phrase at ``pos``."""
    tv, lx = state.tv, state.lx
    if lx.clause_follows_cue:
        # English names the addressee only as the object of "told": "said Washington
        # would …" reports Washington, "told reporters" speaks to them
        if pos < limit and pos > 0 and tv.lowers[pos - 1] in lx.addressee_prepositions:
            end = noun_phrase_end(tv, pos, limit, lx, nested=True)
            if end is None:
                end = lower_case_noun_end(tv, pos, limit, lx)  # "told reporters"
            if end > pos:
                return state.text[tv.starts[pos] : tv.ends[end - 1]]
        return None
    if pos < limit:
        at = next((m for m in state.mentions if m.start == tv.starts[pos]), None)
        if at is not None and at.kind in ADDRESSEE_KINDS:  # "Xi sagte Putin, dass …"
            return at.text
    for i in range(pos, limit):
        if tv.lowers[i] in lx.addressee_prepositions:
            end = noun_phrase_end(tv, i + 1, limit, lx, nested=True)
            if end is not None:
                return state.text[tv.starts[i + 1] : tv.ends[end - 1]]
    if pos < limit and tv.lowers[pos] in lx.dative_determiners:
        end = noun_phrase_end(tv, pos, limit, lx, nested=True)
        plural_only = tv.lowers[pos] in lx.plural_only_dative_determiners
        if end is not None and (
            not plural_only or tv.lowers[end - 1].endswith(lx.plural_dative_ending)
        ):
            # "den" is dative only in the plural ("den Journalisten", not "den Kampf")
            return state.text[tv.starts[pos] : tv.ends[end - 1]]
    return None


def _cue_speaker(
    state: DocState, cue: Cue, *, prefer_after: bool = False
) -> tuple[Speaker | None, str | None]:
    """The speaker (and addressee) of a verb cue, read from word order."""
    tv, lx = state.tv, state.lx
    cs, ce = cue.clause
    f = cue.finite
    if cue.form.lemma in lx.impersonal_cues:
        if cue.form.lemma in lx.sourceless_cues:
            return None, None
        for i in range(cs, ce):
            if tv.lowers[i] in lx.impersonal_prepositions:
                end = noun_phrase_end(tv, i + 1, ce, lx, nested=True)
                if end is not None:
                    return make_speaker(state, i + 1, end), None
        return None, None
    if _passive_voice(state, cue) and cue.form.lemma not in lx.passive_speaker_cues:
        for i in range(cs, ce):
            if tv.lowers[i] in lx.agent_prepositions:
                end = noun_phrase_end(tv, i + 1, ce, lx, nested=True)
                if end is not None:
                    return make_speaker(state, i + 1, end, verb=f), None
        return None, None
    if cs < f and tv.lowers[cs] in lx.as_words:  # "wie X mitteilte"
        end = noun_phrase_end(tv, cs + 1, f, lx)
        while end is not None and end < f and tv.lowers[end] in lx.as_source_attributes:
            nxt = noun_phrase_end(tv, end + 1, f, lx, nested=True)
            if nxt is None:
                break
            end = nxt  # "wie die Provinzregierung in Helmand mitteilte"
        if end is not None:
            return make_speaker(state, cs + 1, end, verb=f), None
        return None, None
    lo, hi, _ = state.sentences[sentence_index(state, f)]
    stop = content_end(tv, lo, hi)
    if f - 1 > lo and tv.lowers[f - 1] in lx.np_conjunctions:
        shared = _shared_subject(state, lo, f - 1)
        if shared is not None:
            return shared, _addressee_after(state, f + 1, ce)
    after = subject_after(tv, f, stop, lx)
    if after is not None and cue.passive:
        # "„…“, wurde der General von der Agentur zitiert": the agent is no attribute
        cut = next((j for j in range(*after) if tv.lowers[j] in lx.agent_prepositions), None)
        if cut is not None and cut > after[0]:
            after = (after[0], cut)
    if after is not None and after[0] == f + 1 and tv.lowers[f + 1] in lx.nominative_pronouns:
        prefer_after = True  # "Die Tat bezeichnete er als …": "er" is the subject
    if prefer_after and after is not None:
        return _speaker_after(state, after, f, ce)
    if _adverbial_clause(state, cue) and cs + 1 < f:
        # "Nachdem der Minister gesagt hatte, …": the subject follows the conjunction
        end = noun_phrase_end(tv, cs + 1, f, lx)
        if end is not None and tv.lowers[cs + 1] not in lx.object_determiners:
            return make_speaker(state, cs + 1, trim_phrase(tv, cs + 1, end, lx), verb=f), None
    before = subject_before(tv, cs, f, lx)
    if before is not None:
        if before == cs and _name_before_apposition(state, lo, cs, f):
            before = lo  # "Rob Mueller, Klub-Sekretär der Buitenboys sagte …"
        end = trim_phrase(tv, before, f, lx)
        if lx.clause_follows_cue:  # "The United States on Monday accused": the phrase only
            end = noun_phrase_end(tv, before, end, lx) or end
        sp = make_speaker(state, before, end, verb=f)
        return sp, _addressee_after(state, f + 1, ce)
    if cs == f and cs > lo and tv.words[cs - 1] == ",":
        fronted = _fronted_subject(state, lo, f)
        if fronted is not None:
            return make_speaker(state, *fronted, verb=f), _addressee_after(state, f + 1, ce)
    if after is None:
        return None, None
    return _speaker_after(state, after, f, ce)


def _passive_voice(state: DocState, cue: Cue) -> bool:
    """Whether the cue is a passive ("wurde … kritisiert", "war … befürchtet worden"),
    not a perfect ("hat … kritisiert")."""
    tv, lx = state.tv, state.lx
    return cue.passive and (
        tv.lowers[cue.finite] in lx.passive_auxiliaries
        or (cue.verb + 1 < len(tv) and tv.lowers[cue.verb + 1] in lx.passive_participles)
    )


def _agent_passive(state: DocState, cue: Cue) -> bool:
    """Whether a passive cue names its agent in its clause, so reports like an active verb.

    "Von der Opposition wurde der Besuch als unangemessen kritisiert" is
    "Die Opposition kritisierte …" turned round. After a topic cue the "von"
    phrase is what is spoken of ("Es wurde von Schäden berichtet").
    """
    tv, lx = state.tv, state.lx
    if cue.form.lemma in lx.topic_cues or not _passive_voice(state, cue):
        return False
    return any(tv.lowers[i] in lx.agent_prepositions for i in range(*cue.clause))


def _shared_subject(state: DocState, lo: int, conjunction: int) -> Speaker | None:
    """The subject opening the sentence, shared by a verb after "und".

    "Die Hacker drangen ein und kündigten weitere Aktionen an": the second
    verb has no subject of its own; the phrase after it is its object.
    """
    opening = _opening_subject(state, lo, conjunction)
    if opening is None:
        return None
    return make_speaker(state, lo, opening[0], verb=opening[1])


def _opening_subject(state: DocState, lo: int, limit: int) -> tuple[int, int] | None:
    """(end, verb) of the subject that fills the field before the sentence's first verb.

    The field is a noun phrase with its attributes and apposition ("Die
    US-Botschaft im Irak forderte", "Hubert Primus, Leiter der Abteilung, wies");
    the word after it must be a lower-case verb form.
    """
    tv, lx = state.tv, state.lx
    end = noun_phrase_end(tv, lo, limit, lx)
    while end is not None and end < limit and tv.lowers[end] in lx.prepositions:
        end = noun_phrase_end(tv, end + 1, limit, lx, nested=True)
    if end is None or end >= limit:
        return None
    verb = end + 1 if tv.words[end] == "," else end
    if verb >= limit or not _verb_at(state, verb) or subject_before(tv, lo, verb, lx) != lo:
        return None
    return end, verb


def _speaker_after(
    state: DocState, after: tuple[int, int], f: int, ce: int
) -> tuple[Speaker, str | None]:
    end = _apposition_after(state, after[1])
    sp = make_speaker(state, after[0], end, verb=f)
    sp, addressee = _split_addressee(state, sp)
    return sp, addressee or _addressee_after(state, after[1], max(ce, after[1]))


def _apposition_after(state: DocState, end: int) -> int:
    """A speaker phrase after its verb grown over a naming apposition.

    "erklärte der EU-Kommissar, Štefan Füle, …": SpkAtt spans role and name
    as one speaker. Only an apposition that names an actor counts; ", die
    Lage sei …" is the message and ", Paris, Rom und Berlin …" names places.
    """
    tv, lx = state.tv, state.lx
    hi = state.sentences[sentence_index(state, end - 1)][1]
    comma = end
    while (
        comma < hi
        and tv.lowers[comma] in lx.prepositions
        and tv.lowers[comma] not in lx.addressee_prepositions
    ):  # "der EU-Kommissar für Erweiterung, Štefan Füle": an attribute before the name
        nxt = noun_phrase_end(tv, comma + 1, hi, lx, nested=True)
        if nxt is None:
            return end
        comma = nxt
    if comma + 1 >= hi or tv.words[comma] != ",":
        return end
    closing = apposition_end(tv, comma + 1, hi, lx)
    if closing is None or (closing < hi and tv.words[closing] != ","):
        return end
    first, last = tv.starts[comma + 1], tv.ends[closing - 1]
    if any(
        m.kind in SPEAKING_KINDS and first <= m.start and m.end <= last for m in state.mentions
    ):
        return closing
    return end


def _name_before_apposition(state: DocState, lo: int, cs: int, verb: int) -> bool:
    """Whether the sentence opens with a name, a comma and then the clause of ``verb``.

    "Olli Rehn, EU-Erweiterungskommissar, sagte" has its apposition closed by a
    comma; "Olli Rehn, EU-Erweiterungskommissar sagte" (no second comma) splits
    the same subject into a phrase and a clause.
    """
    tv, lx = state.tv, state.lx
    return (
        lo < cs - 1
        and tv.words[cs - 1] == ","
        and verb - lo <= MAX_FRONTED
        and (tv.is_cap(lo) or tv.lowers[lo] in lx.determiners)
        and tv.lowers[lo] not in lx.pronouns
        and noun_phrase_end(tv, lo, cs - 1, lx) == cs - 1
    )


def _apposed_subject(state: DocState, lo: int, verb: int) -> bool:
    """Whether the sentence opens with a subject and its apposition before ``verb``.

    "Frank B., Vorsitzender der DJU, sagte …, es sei …" is a speaker with an
    apposition; "Die Lage, sagte X, habe sich …" (no inner comma) is a message
    split by an inserted cue.
    """
    return "," in state.tv.words[lo : verb - 1] and _fronted_subject(state, lo, verb) is not None


def _fronted_subject(state: DocState, lo: int, verb: int) -> tuple[int, int] | None:
    """(start, end) of a subject split from its verb by an apposition or a relative clause.

    "Der Leiter des Programms, Klaus Stöhr, sagte" / "Die Organisation, die …
    ausübt, erklärte": the phrase opening the sentence, up to its comma. A
    focus particle or conjunction before it is not part of it ("Auch die
    Leiterin, Anna Berger, sagte").
    """
    tv, lx = state.tv, state.lx
    while lo < verb - 1 and (
        tv.lowers[lo] in lx.focus_particles or tv.lowers[lo] in lx.leading_conjunctions
    ):
        lo += 1
    if (
        subject_before(tv, lo, verb, lx) is None
        and tv.lowers[lo] not in lx.determiners
        and not tv.is_cap(lo)
    ):
        return None
    end = noun_phrase_end(tv, lo, verb, lx)
    if (
        end is not None
        and end < verb
        and tv.lowers[lo] in lx.determiners
        and tv.lowers[end] in lx.prepositions
    ):
        # "Der Fraktionsvorsitzende im Landtag, Wolfgang Jüttner, hatte …": an attribute
        after = noun_phrase_end(tv, end + 1, verb, lx, nested=True)
        if after is not None and after < verb and tv.words[after] == ",":
            end = after
    if end is None or end >= verb or tv.words[end] != ",":
        return None
    if end == verb - 1:
        return lo, end
    if tv.lowers[end + 1] in lx.relative_pronouns and apposition_end(
        tv, end + 1, verb - 1, lx
    ) != verb - 1:
        return lo, end  # "Die Organisation, die … ausübt, erklärte": a relative clause
    if verb - lo <= MAX_FRONTED:  # "Der Vertreter … im Aufsichtsrat (BA), Peter Clever, hat"
        return lo, trim_phrase(tv, lo, verb - 1, state.lx)
    return None


# ---------------------------------------------------------------- direct quotes


def _attribute_direct(
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
    # an unattributed quote opening its sentence continues the latest report
    if qs == lo or (qs > lo and all(state.blocked[lo:qs])):
        prev = next((d for d in reversed(drafts) if d.speaker is not None), None)
        if (
            prev is not None
            and s_index - prev.sentence <= CONTINUATION_SENTENCES
            and qe - qs >= MIN_CONTINUED_QUOTE_TOKENS
        ):
            draft.speaker = prev.speaker
            draft.confidence = CONF_CONTINUATION
            return draft
    sp = _lead_in_subject(state, qs, lo)
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
        sp, addressee = _cue_speaker(state, cue)
        return _finish(state, draft, cue, sp, addressee) if sp is not None else None
    if tv.words[lead_end - 1] == ":":  # "Ein Beamter der Polizei: „…“"
        cs, _ = clause_bounds(tv, lead_end - 2, lead_lo, lead_end - 1, state.blocked)
        if noun_phrase_end(tv, cs, lead_end - 1, state.lx) == lead_end - 1:
            draft.speaker = make_speaker(state, cs, lead_end - 1)
            state.used.update(range(cs, lead_end - 1))
            return draft
    return None


def _lead_in_subject(state: DocState, qs: int, lo: int) -> Speaker | None:
    """The person opening a lead-in clause that has no verb of saying.

    "Zypries sieht in dem Urteil eine Bestätigung: „…“": a colon hands the
    quotation to the clause's subject. Only a person named as the subject
    counts; on dev, other phrases opening such clauses were mostly objects or
    topics ("Die Anwendung der Richtlinie stellte X in Frage: „…“"), and a
    person in the genitive ("… des Kanzlers") is an attribute.
    """
    tv, lx = state.tv, state.lx
    if qs - lo < 3 or tv.words[qs - 1] != ":" or any(state.blocked[lo : qs - 1]):
        return None
    opening = _opening_subject(state, lo, qs - 1)
    if opening is None:
        return None
    sp = make_speaker(state, lo, opening[0], verb=opening[1])
    if sp.mention is None or sp.mention.kind != "PER":
        return None
    first = tv.at_char(sp.mention.start)
    if first > lo and tv.lowers[first - 1] in lx.genitive_determiners:
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
        sp, addressee = _cue_speaker(state, cue, prefer_after=True)
        if sp is not None:
            return _finish(state, draft, cue, sp, addressee)
    if cue is None and state.lx.clause_follows_cue:
        found = _subject_first_attribution(state, draft, pos, lo, hi)
        if found is not None:
            return found
    if tv.lowers[pos] in state.lx.so_words:
        end = noun_phrase_end(tv, pos + 1, hi, state.lx)
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
        return _finish(state, draft, cue, sp, _addressee_after(state, verb + 1, ce))
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


def _finish(state: DocState, draft: Draft, cue: Cue, sp: Speaker, addressee: str | None) -> Draft:
    draft.cue, draft.cue_tokens, draft.speaker, draft.addressee = cue, cue.tokens(), sp, addressee
    state.used.update(cue.tokens())
    state.used.update(range(sp.start, sp.end))
    return draft


# ---------------------------------------------------------------- cues in a sentence


def _sentence_cues(
    state: DocState, s_index: int, lo: int, hi: int, settings: QuoteSettings
) -> Iterator[Draft]:
    """Source phrases first ("laut X", ", so X"): a verb inside their message is not a cue."""
    tv, lx = state.tv, state.lx
    stop = content_end(tv, lo, hi)
    taken: list[tuple[int, int]] = []
    for i in range(lo, stop):
        if state.blocked[i] or i in state.used or any(a <= i < b for a, b in taken):
            continue
        draft = _source_phrase(state, i, lo, stop, s_index)
        if draft is not None:
            taken.append((draft.start, draft.end))
            yield _take(state, draft)
    for i in range(lo, stop):
        if state.blocked[i] or i in state.used or any(a <= i < b for a, b in taken):
            continue
        cue = find_cue(tv, i, lo, hi, state.blocked, lx)
        if cue is None or any(t in state.used for t in cue.tokens()):
            continue
        draft = _verb_report(state, cue, lo, stop, s_index, settings)
        if draft is None or (draft.form == "Reported" and not settings.reported):
            continue
        taken.append((draft.start, draft.end) if draft.start > i else (i, i + 1))
        yield _take(state, draft)


def _take(state: DocState, draft: Draft) -> Draft:
    state.used.update(draft.cue_tokens)
    if draft.speaker is not None:
        state.used.update(range(draft.speaker.start, draft.speaker.end))
    return draft


def _message_around(
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


def _source_phrase(state: DocState, i: int, lo: int, stop: int, s_index: int) -> Draft | None:
    """ "laut X", "X zufolge", "nach Angaben von X", ", so X", "demnach", "X, wonach"."""
    tv, lx = state.tv, state.lx
    low = tv.lowers[i]
    frame = sp_range = None
    if low in lx.source_prepositions or (
        i + 1 < stop and f"{low} {tv.lowers[i + 1]}" in lx.source_prepositions
    ):
        first = i + 1 if low in lx.source_prepositions else i + 2
        end = noun_phrase_end(tv, first, stop, lx)
        if end is not None:
            frame, sp_range = (i, end), (first, end)
    elif (low in lx.source_postpositions and i > lo) or (
        low in lx.source_noun_prepositions
        and i > lo
        and tv.lowers[i - 1].endswith(lx.source_noun_endings)
    ):  # "der Polizei zufolge", "seiner Ansicht nach"
        start = noun_phrase_start(tv, i, lo, lx)
        if start is not None and not _cue_verb_before(state, lo, start):
            frame, sp_range = (start, i + 1), (start, i)
    elif low in lx.source_noun_prepositions and i + 1 < stop:
        end = noun_phrase_end(tv, i + 1, stop, lx)
        if end is not None and any(
            tv.lowers[j].endswith(lx.source_noun_endings) for j in range(i + 1, min(end, i + 4))
        ):
            frame, sp_range = (i, end), (i + 1, end)
    elif low in lx.so_words and i > lo and tv.words[i - 1] == ",":
        end = noun_phrase_end(tv, i + 1, stop, lx)
        closing = (
            end is not None
            and end < stop
            and tv.lowers[end] in lx.so_adverbs
            and (end + 1 >= stop or tv.words[end + 1] in CLAUSE_BREAKS)
        )  # ", so X weiter."
        if end is not None and (end >= stop or tv.words[end] in CLAUSE_BREAKS or closing):
            frame, sp_range = (i, end + closing), (i + 1, end)
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
        message = _message_around(lo, stop, frame, tv)
        if message is None:
            return None
        # "Demnach" names the source here: the last speaker, or else what the sentence
        # before names as its subject ("Das Gericht gab sein Urteil bekannt. Demnach …")
        last = state.last_speaker or (_sentence_actor(state, s_index - 1) if s_index else None)
        if last is None:
            speaker = Speaker(i, i + 1, tv.words[i], None)
        else:
            speaker = Speaker(i, i + 1, last.text, last.mention)
        return Draft(
            *message, "Indirect", s_index, speaker, None, (i,), confidence=CONF_CONTINUATION
        )
    if frame is None or sp_range is None:
        return None
    if frame[0] == lo and frame[1] == sp_range[1]:
        end = _prefield_end(state, frame[1], stop)
        frame, sp_range = (frame[0], end), (sp_range[0], end)
    sp_range = (sp_range[0], trim_phrase(tv, *sp_range, state.lx))
    lo, stop = _semicolon_part(state, frame, lo, stop)
    lo, stop = _subordinate_clause(state, frame, lo, stop)
    if (
        frame[0] > lo
        and tv.words[frame[0] - 1] == ","
        and frame[1] < stop
        and tv.words[frame[1]] == ","
    ):
        message = (lo, stop)
    else:
        message = _message_around(lo, stop, frame, tv)
    if message is None:
        return None
    speaker = make_speaker(state, *sp_range)
    cue_tokens = tuple(j for j in range(frame[0], frame[1]) if j < sp_range[0] or j >= sp_range[1])
    return Draft(
        *message, "Indirect", s_index, speaker, None, cue_tokens, confidence=CONF_SOURCE_PHRASE
    )


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


def _relative_source(state: DocState, i: int, lo: int, stop: int, s_index: int) -> Draft | None:
    """ "ein Bericht der Agentur, wonach …": the phrase before the comma is the source.

    The clause after the adverb is the report, up to the end of the sentence.
    """
    tv, lx = state.tv, state.lx
    start = noun_phrase_start(tv, i - 1, lo, lx)
    if start is None or i + 1 >= stop:
        return None
    while start - 1 > lo and tv.lowers[start] in lx.genitive_determiners and tv.is_cap(start - 1):
        # "einen Bericht der Agentur": the genitive belongs to the noun before it
        start -= 2 if tv.lowers[start - 2] in lx.determiners else 1
    speaker = make_speaker(state, start, i - 1)
    return Draft(
        i + 1, stop, "Indirect", s_index, speaker, None, (i,), confidence=CONF_SOURCE_PHRASE
    )


def _impersonal_source(
    state: DocState, so: int, cue: Cue, lo: int, stop: int, s_index: int
) -> Draft | None:
    """ "…, so heißt es in der Erklärung": the sentence before "so" reports what the phrase
    after the impersonal verb says ("so hieß es": nobody named)."""
    message = _message_around(lo, stop, (so, cue.clause[1]), state.tv)
    if message is None:
        return None
    speaker, _ = _cue_speaker(state, cue)
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
            return _apposition_before_verb(state, pos, stop) or end
        else:
            break
    if pos == end or pos >= stop:
        return end
    return pos if _verb_at(state, pos) else end


def _apposition_before_verb(state: DocState, comma: int, stop: int) -> int | None:
    """The closing comma of an apposition after ``comma`` that the verb follows."""
    closing = apposition_end(state.tv, comma + 1, stop, state.lx)
    if (
        closing is not None
        and closing + 1 < stop
        and state.tv.words[closing] == ","
        and _verb_at(state, closing + 1)
    ):
        return closing
    return None


def _verb_at(state: DocState, k: int) -> bool:
    """Whether word ``k`` can be the verb after a field: lower case, no article or preposition."""
    tv, lx = state.tv, state.lx
    low = tv.lowers[k]
    return tv.words[k][:1].islower() and low not in lx.determiners and low not in lx.prepositions


def _semicolon_part(
    state: DocState, frame: tuple[int, int], lo: int, stop: int
) -> tuple[int, int]:
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
        message = _message_around(lo, stop, (as_word, ce), tv)
        if message is None:
            return None
        sp = make_speaker(state, as_word + 1, subject_end, verb=cue.finite)
        tokens = (as_word, *cue.tokens())
        return Draft(*message, "Indirect", s_index, sp, cue, tokens, None, CONF_INDIRECT)
    if cs > lo + 1 and cue.finite == cs + 1 and tv.lowers[cs] in lx.back_references:
        # "Die Kamera fiel aus, das teilte das Institut mit.": the clause before is the report
        after = subject_after(tv, cue.finite, stop, lx)
        if after is not None and not state.blocked[cs] and tv.words[cs - 1] == ",":
            sp, addressee = _speaker_after(state, after, cue.finite, stop)
            return Draft(
                lo, cs + 1, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
            )
    if (
        cs > lo
        and cue.finite == cs
        and tv.lowers[cs] not in lx.as_words
        and not opens_clause
        and not _apposed_subject(state, lo, cs)
    ):
        # "…, sagte X." or "A, sagte X, B": the message is around the cue clause
        # (not "Frank B., Vorsitzender der DJU, sagte …": there the field is the subject)
        sp, addressee = None, None
        if subject_after(tv, cue.finite, stop, lx) is not None:
            sp, addressee = _cue_speaker(state, cue, prefer_after=True)
        if sp is not None:
            if all(state.blocked[lo : cs - 1]):
                return None  # "„…“, sagte X": a direct quote takes this cue
            message = (lo, cs - 1) if max(ce, sp.end) >= stop else (lo, stop)
            return Draft(
                *message, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
            )
    if tv.lowers[cs] in lx.as_words and cs < cue.finite:  # "wie X mitteilte, …"
        sp, addressee = _cue_speaker(state, cue)
        message = _message_around(lo, stop, (cs, ce), tv)
        if sp is None or message is None:
            return None
        tokens = (cs, *cue.tokens())  # "wie … mitteilte": the conjunction belongs to the cue
        return Draft(*message, "Indirect", s_index, sp, cue, tokens, addressee, CONF_INDIRECT)
    sp, addressee = _cue_speaker(state, cue)
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
    ):
        start = ce + 1
        openers = lx.cue_clause_openers.get(cue.form.lemma)
        if openers and tv.lowers[start] not in openers:
            return None  # "steht in der Kritik, weil …": no report
        if _adverbial_clause(state, cue):
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
        stop = _second_cue_verb(state, start, stop)
        relative = tv.lowers[start] in lx.relative_pronouns and (
            noun_phrase_end(tv, start, stop, lx, nested=True)
            is None  # "die Rechte …" is an article
        )
        if sp is None and not _reported_clause(state, start, stop):
            return None  # "Dabei wurde bekannt, unter ihnen …": no speaker and no report
        if not relative or konjunktiv_marker(tv, start, stop, state.blocked, lx, weak=False):
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
        and (cue.form.kind == "fin" or _agent_passive(state, cue))
        and sp is not None
        and settings.reported
    ):
        stop = _second_cue_verb(state, cue.verb, stop)  # "… denied it, saying …": two reports
        return Draft(lo, stop, "Reported", s_index, sp, cue, cue.tokens(), addressee, CONF_REPORTED)
    return None


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
    return bool(lx.infinitive_infix) and tv.words[j][:1].islower() and (
        lx.infinitive_infix in low[2:-3] and low.endswith(lx.infinitive_endings)
    )


def _participle_report(
    state: DocState, cue: Cue, lo: int, stop: int, s_index: int, settings: QuoteSettings
) -> Draft | None:
    """ "The Kremlin denied the report, saying it was baseless": the participle shares
    the subject that opens the sentence; it reports the clause after it, or itself
    for a Reported verb ("…, accusing Norland of shelling the plant")."""
    opening = _opening_subject(state, lo, cue.verb)
    if opening is None:
        return None
    sp = make_speaker(state, lo, opening[0], verb=opening[1])
    addressee = _addressee_after(state, cue.verb + 1, stop)
    start = _clause_after_cue(state, cue, stop)
    if start is not None:
        end = _second_cue_verb(state, start, stop)
        return Draft(
            start, end, "Indirect", s_index, sp, cue, cue.tokens(), addressee, CONF_INDIRECT
        )
    if cue.form.lemma in state.lx.reported_cues and settings.reported:
        end = _second_cue_verb(state, cue.verb, stop)
        return Draft(
            cue.verb, end, "Reported", s_index, sp, cue, cue.tokens(), addressee, CONF_REPORTED
        )
    return None


def _second_cue_verb(state: DocState, start: int, stop: int) -> int:
    """Where a reported clause ends at the speaker's next verb of saying.

    "X räumte ein, es könnten Stellen verloren gehen, sprach aber von einem
    offenen Prozess": a finite verb of saying right after a comma or "und"
    continues the speaker's sentence, not the report.
    """
    tv, lx = state.tv, state.lx
    for j in range(start + 1, stop - 1):
        if tv.lowers[j] not in lx.np_conjunctions and tv.words[j] != ",":
            continue
        k = j + 1
        forms = lx.cues.get(tv.lowers[k]) if tv.words[k][:1].islower() else None
        if forms and not state.blocked[k] and any(f.kind in ("fin", "ing") for f in forms):
            return j
    return stop


def _adverbial_clause(state: DocState, cue: Cue) -> bool:
    """Whether the cue stands in an adverbial clause: a conjunction opens it and the finite
    verb closes it ("nachdem sie berichtet hatte,"); "Als Beispiel nannte X …" is a main
    clause whose verb comes second."""
    cs, ce = cue.clause
    return state.tv.lowers[cs] in state.lx.adverbial_conjunctions and cue.finite == ce - 1


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
            or low in lx.prepositions
            or low in lx.complementizers
            or low in lx.sentence_adverbs
        )
    )


# ---------------------------------------------------------------- partial quotes and continuation


def _resolve_partials(
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
            host = _cue_for_partial(state, lo, hi, d)
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
        sp, addressee = _cue_speaker(state, cue)
        if sp is None:
            return None
        return Draft(d.start, d.end, "Direct", d.sentence, sp, cue, cue.tokens(), addressee)
    return None


def _after_predicative(state: DocState, qs: int, cs: int) -> bool:
    """Whether the quotation opening at ``qs`` follows "als" (and an article)."""
    tv, lx = state.tv, state.lx
    j = qs - 1
    if j > cs and tv.lowers[j] in lx.determiners:
        j -= 1
    return j >= cs and tv.lowers[j] in lx.predicative_words


def _continuation(
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
    if not konjunktiv_marker(state.tv, lo, stop, state.blocked, state.lx, weak=weak):
        return None
    start = _indicative_frame_end(state, lo, stop)
    return Draft(start, stop, "Indirect", s_index, last.speaker, None, (), None, CONF_CONTINUATION)


def _indicative_frame_end(state: DocState, lo: int, stop: int) -> int:
    """Where a continued report starts after an indicative frame in its sentence.

    "Die Frage ist bedeutend, weil berichtet wurde, die Anlagen seien …":
    the clauses before the last comma that precedes the Konjunktiv hold an
    indicative verb and no Konjunktiv; they frame the report, they are not part
    of it. A relative clause ("Die Regierung, die im Amt ist, habe …") is no
    frame.
    """
    tv, lx, blocked = state.tv, state.lx, state.blocked
    start = lo
    for j in range(lo + 1, stop - 1):
        if tv.words[j] != "," or blocked[j]:
            continue
        relative = tv.lowers[j + 1] in lx.relative_pronouns and (
            noun_phrase_end(tv, j + 1, stop, lx, nested=True) is None  # "die Anlagen": article
        )
        if relative or konjunktiv_marker(tv, lo, j, blocked, lx, weak=True):
            break
        if any(tv.lowers[k] in lx.verb_forms for k in range(lo, j)) and konjunktiv_marker(
            tv, j + 1, stop, blocked, lx, weak=False
        ):
            start = j + 1
    return start


# ---------------------------------------------------------------- records


def _to_record(state: DocState, d: Draft, article_id: str) -> Quote:
    tv, text = state.tv, state.text
    if d.quoted is not None:
        start, end = d.quoted[0] + 1, d.quoted[1] - 1
        body = text[start:end].rstrip()
        if body.endswith(",") and len(body) > 1:
            end = start + len(body) - 1  # "“We are ready,” he said": the comma is the frame's
    else:
        start, end = tv.starts[d.start], tv.ends[max(d.start, d.end - 1)]
    sp = d.speaker
    cue_text = " ".join(tv.words[i] for i in sorted(d.cue_tokens)) or None
    # the span marks the cue's first word; ``cue`` lists all of a split cue ("teilte … mit")
    first = min(d.cue_tokens) if d.cue_tokens else None
    cue_start = tv.starts[first] if first is not None else None
    cue_end = tv.ends[first] if first is not None else None
    mention = sp.mention if sp else None
    return Quote(
        article_id=article_id,
        start=start,
        end=end,
        text=text[start:end],
        form=d.form,
        speaker_text=sp.text if sp else None,
        speaker_actor_id=mention.actor_id if mention else None,
        speaker_start=tv.starts[sp.start] if sp else None,
        speaker_end=tv.ends[sp.end - 1] if sp else None,
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        addressee=d.addressee,
        speaker_code=mention.code if mention else None,
        confidence=d.confidence,
    )


# ---------------------------------------------------------------- component


class QuoteExtractor:
    """The ``lagebild_quotes`` stage: fills ``doc._.quotes``; picklable."""

    def __init__(self, *, settings: QuoteSettings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        code = doc._.language or "de"
        tagger = load_quote_tagger(code) if self.settings.model else None
        doc._.quotes = extract_quotes(doc, load_quote_lexicon(code), self.settings, tagger=tagger)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


@Language.factory(
    "lagebild_quotes",
    requires=["doc._.mentions"],
    assigns=["doc._.quotes"],
    default_config={
        "reported": True,
        "continuation": True,
        "weak_continuation": True,
        "model": True,
    },
)
def make_quotes_component(
    nlp: Language,
    name: str,
    reported: bool,
    continuation: bool,
    weak_continuation: bool,
    model: bool,
) -> QuoteExtractor:
    """Factory for the quote stage (options: see ``QuoteSettings``)."""
    register_extensions()
    settings = QuoteSettings(
        reported=reported,
        continuation=continuation,
        weak_continuation=weak_continuation,
        model=model,
    )
    return QuoteExtractor(settings=settings)
