"""Who speaks: the speaker phrase of a cue, and whom it addresses.

German puts the subject before the finite verb ("Die Sprecherin, Mao Ning,
sagte") or right after it when something else opens the clause ("Am Montag
sagte Hegseth", "…, teilte das Ministerium mit"). Without a parser, these
helpers read that order from the ``TokenView``: a fronted subject with its
apposition, a subject shared by two verbs ("X reiste ab und sagte …"), the
agent of a passive ("von der Opposition kritisiert"), and an addressee after
the verb ("sagte Xi Putin"). ``speakers.py`` holds the noun-phrase grammar they
build on; this module decides which phrase a quote's cue belongs to.
"""

from __future__ import annotations

from lagebild.components.quote_clauses import Cue, content_end
from lagebild.components.quote_lexicon import QuoteLexicon, dictionary_form
from lagebild.components.quote_state import (
    DocState,
    Draft,
    Speaker,
    make_speaker,
    sentence_index,
    through_mention,
)
from lagebild.components.speakers import (
    TokenView,
    apposition_end,
    lower_case_noun_end,
    noun_phrase_end,
    noun_phrase_start,
    opens_relative_clause,
    past_particles,
    phrase_head,
    prepositional_phrases_end,
    split_at_mentions,
    subject_after,
    subject_before,
    trim_phrase,
)

ADDRESSEE_KINDS = frozenset({"PER", "ORG", "GPE", "IGO"})  # mention kinds that can be spoken to
MAX_FRONTED = 24  # tokens of a subject with apposition before its verb; longer is a clause
SPEAKING_KINDS = frozenset({"PER", "ORG", "IGO"})  # mention kinds that speak; a place does not
PERSON = frozenset({"PER"})


def sentence_actor(state: DocState, k: int) -> Speaker | None:
    """The speaking actor that sentence ``k`` names as its subject, if it names one.

    The subject opening the sentence, or else its first actor after the verb
    (``inner_subject``); a pronoun, a place or an unlinked phrase names none.
    """
    lo, hi, _ = state.sentences[k]
    if state.tv.lowers[lo] in state.lx.pronouns:
        return None
    opening = opening_subject(state, lo, hi)
    if opening is not None:
        sp = make_speaker(state, lo, opening[0], verb=opening[1])
    else:
        sp = inner_subject(state, lo, hi)
    if sp is None or sp.mention is None or sp.mention.kind not in SPEAKING_KINDS:
        return None
    return sp


def inner_subject(state: DocState, lo: int, hi: int) -> Speaker | None:
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
        end = apposition_before_verb(state, end, hi) or end
    if start - 2 > lo and tv.words[start - 1] == ",":
        # "nahm der Ministerpräsident des Landes, Christian Wulff (CDU), Stellung": the
        # role before the name is the same speaker
        role = noun_phrase_start(tv, start - 1, lo, lx)
        if (
            role is not None
            and tv.lowers[role] in lx.determiners
            and tv.lowers[role] not in lx.object_determiners
            and tv.lowers[role + 1] not in lx.determiners  # "…, die die Partei, …": a relative
            and (role == lo or tv.lowers[role - 1] not in lx.prepositions)
        ):
            start = role
    return start, end


def _split_addressee(state: DocState, sp: Speaker) -> tuple[Speaker, str | None]:
    """ "sagte Xi Putin": two actor mentions in one phrase are speaker and addressee."""
    tv = state.tv
    pair = split_at_mentions(state.mentions, tv.starts[sp.start], tv.ends[sp.end - 1])
    if pair is None:
        return sp, None
    first, second = pair
    end = tv.at_char(first.end - 1) + 1
    return Speaker(sp.start, end, first.text, first), second.text


def addressee_after(state: DocState, pos: int, limit: int) -> str | None:
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


def cue_speaker(
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
        lo = state.sentences[sentence_index(state, f)][0]
        if (
            f == cs > lo + 1
            and tv.words[cs - 1] == ","
            and tv.lowers[lo] in lx.impersonal_prepositions
        ):
            # "In der Anordnung, die Twitter zugestellt wurde, heißt es: …": the phrase
            # opening the sentence, before the relative clause on it
            end = noun_phrase_end(tv, lo + 1, cs, lx, nested=True)
            if end is not None and tv.words[end] == ",":
                return make_speaker(state, lo + 1, end), None
        if (
            cs > lo + 1
            and tv.words[cs - 1] == ","
            and tv.lowers[cs] in lx.impersonal_prepositions
            and tv.lowers[cs + 1] in lx.relative_pronouns
        ):
            # "…, eine Erklärung der Behörde, in der es heißt, dass …": the phrase the
            # relative clause is on
            start = noun_phrase_start(tv, cs - 1, lo, lx)
            if start is not None:
                return make_speaker(state, start, cs - 1), None
        return None, None
    if passive_voice(state, cue) and cue.form.lemma not in lx.passive_speaker_cues:
        for i in range(cs, ce):
            if _agent_preposition(state, i, cs):
                end = noun_phrase_end(tv, i + 1, ce, lx, nested=True)
                if end is not None:
                    return make_speaker(state, i + 1, end, verb=f), None
        return _document_of_passive(state, cs, ce), None
    if cs < f and tv.lowers[cs] in lx.as_words:  # "wie X mitteilte"
        end = noun_phrase_end(tv, cs + 1, f, lx)
        while end is not None and end < f and tv.lowers[end] in lx.as_source_attributes:
            nxt = noun_phrase_end(tv, end + 1, f, lx, nested=True)
            if nxt is None or tv.lowers[nxt - 1] in lx.time_nouns:
                break  # "wie die FIFA in der Nacht mitteilte": a time, no place
            end = nxt  # "wie die Provinzregierung in Helmand mitteilte"
        if end is not None:
            return make_speaker(state, cs + 1, end, verb=f), None
        return None, None
    lo, hi, _ = state.sentences[sentence_index(state, f)]
    stop = content_end(tv, lo, hi)
    after = subject_after(tv, f, stop, lx)
    if f - 1 > lo and (
        tv.lowers[f - 1] in lx.np_conjunctions
        # "Beobachter monieren Fehler, sprechen aber von …": two verbs, one subject
        or (tv.words[f - 1] == "," and cs == f and after is None and _subjectless(state, cue))
    ):
        shared = _shared_subject(state, lo, f - 1)
        if shared is not None:
            return shared, addressee_after(state, f + 1, ce)
    if after is not None and cue.passive:
        # "„…“, wurde der General von der Agentur zitiert": the agent is no attribute
        after = _phrase_before(tv, after, lx.agent_prepositions)
    if after is not None and cue.form.lemma in lx.topic_cues:
        # "sprach Angela Merkel von einer großen Koalition": the last "von" phrase is the
        # topic ("berichtete der Reporter von Radio Nord von Schäden")
        after = _phrase_before(tv, after, lx.np_continuations, last=True)
    if after is not None and after[0] == f + 1 and tv.lowers[f + 1] in lx.nominative_pronouns:
        prefer_after = True  # "Die Tat bezeichnete er als …": "er" is the subject
    if prefer_after and after is not None:
        return speaker_after(state, after, f, ce)
    opener = subordinate_opener(state, cue)
    if opener and cs + opener < f:
        # "Nachdem der Minister gesagt hatte, …", "ein Zettel, in dem er verlangte, …":
        # the subject follows the conjunction or the relative pronoun
        first = cs + opener
        end = noun_phrase_end(tv, first, f, lx)
        if end is not None and tv.lowers[first] not in lx.object_determiners:
            return make_speaker(state, first, trim_phrase(tv, first, end, lx), verb=f), None
    if relative_clause_cue(state, cue):
        return _relative_speaker(state, cue, lo), None
    before = subject_before(tv, cs, f, lx)
    if before is not None:
        if before == cs and _name_before_apposition(state, lo, cs, f):
            before = lo  # "Rob Mueller, Klub-Sekretär der Buitenboys sagte …"
        quoted = (
            _quoted_before(state, before, lo) if tv.lowers[before] in lx.np_conjunctions else None
        )
        if quoted is not None:
            before = quoted  # "„Ärzte ohne Grenzen“ sowie das Rote Kreuz kündigten an"
        end = trim_phrase(tv, before, f, lx)
        if lx.clause_follows_cue:  # "The United States on Monday accused": the phrase only
            end = noun_phrase_end(tv, before, end, lx) or end
        sp = make_speaker(state, before, end, verb=f)
        return sp, addressee_after(state, f + 1, ce)
    if cs == f and cs > lo and tv.words[cs - 1] == ",":
        fronted = _fronted_subject(state, lo, f)
        if fronted is not None and not (
            after is not None
            and _mention_at(state, after[0], PERSON)
            and not actor_in(state, *fronted)
        ):
            return make_speaker(state, *fronted, verb=f), addressee_after(state, f + 1, ce)
    if after is None:
        return None, None
    return speaker_after(state, after, f, ce)


def impersonal_es_cue(state: DocState, cue: Cue) -> bool:
    """Whether ``cue`` is impersonal with its "es" right after it ("…, hieß es am Dienstag.",
    "Weiter hieß es: „…“"): when no source is named, the report still stands, and its
    speaker is left open (or, after a report in Konjunktiv I, continued: see
    ``quote_reports._continued_source``)."""
    tv, lx = state.tv, state.lx
    lemma = cue.form.lemma
    return (
        lemma in lx.impersonal_cues
        and lemma not in lx.sourceless_cues
        and cue.finite + 1 < len(tv.lowers)
        and tv.lowers[cue.finite + 1] in lx.pronouns
        and lx.pronoun(tv.lowers[cue.finite + 1]) == ("n", "sg")  # "es", the impersonal subject
    )


def _quoted_before(state: DocState, conjunction: int, lo: int) -> int | None:
    """Start of the quotation marks ending right before ``conjunction``: a quoted name
    the quotation layer took for a quotation, coordinated with the phrase after it."""
    return next((qs for qs, qe, _, _ in state.quoted if qe == conjunction and qs >= lo), None)


def _subjectless(state: DocState, cue: Cue) -> bool:
    """Whether a cue opening its clause after a comma goes on without a subject of its own:
    an adverb follows the verb ("…, sprechen aber davon") and neither an actor nor a
    subject-like phrase stands in the clause ("…, sagt Kurz", "…, erklärte am Abend der
    Sprecher")."""
    tv, lx = state.tv, state.lx
    f, (_, ce) = cue.finite, cue.clause
    if f + 1 >= ce or tv.lowers[f + 1] not in lx.sentence_adverbs:
        return False
    first, last = tv.starts[f + 1], tv.ends[ce - 1]
    return not any(first <= m.start < last for m in state.mentions) and not any(
        tv.lowers[j] in lx.determiners
        and tv.lowers[j] not in lx.object_determiners
        and tv.lowers[j - 1] not in lx.prepositions
        for j in range(f + 2, ce)
    )  # "sprach aber von einem Prozess": objects and prepositional phrases may follow


def _phrase_before(
    tv: TokenView, span: tuple[int, int], words: frozenset[str], *, last: bool = False
) -> tuple[int, int]:
    """``span`` cut before the first (or ``last``) of ``words`` inside it, unless that
    word opens it."""
    hits = [j for j in range(*span) if tv.lowers[j] in words]
    if not hits:
        return span
    cut = hits[-1] if last else hits[0]
    return (span[0], cut) if cut > span[0] else span


def passive_voice(state: DocState, cue: Cue) -> bool:
    """Whether the cue is a passive ("wurde … kritisiert", "war … befürchtet worden"),
    not a perfect ("hat … kritisiert")."""
    tv, lx = state.tv, state.lx
    return cue.passive and (
        tv.lowers[cue.finite] in lx.passive_auxiliaries
        or (cue.verb + 1 < len(tv) and tv.lowers[cue.verb + 1] in lx.passive_participles)
    )


def agent_passive(state: DocState, cue: Cue) -> bool:
    """Whether a passive cue names its agent in its clause, so reports like an active verb.

    "Von der Opposition wurde der Besuch als unangemessen kritisiert" is
    "Die Opposition kritisierte …" turned round. After a topic cue the "von"
    phrase is what is spoken of ("Es wurde von Schäden berichtet").
    """
    if cue.form.lemma in state.lx.topic_cues or not passive_voice(state, cue):
        return False
    return any(_agent_preposition(state, i, cue.clause[0]) for i in range(*cue.clause))


def _document_of_passive(state: DocState, cs: int, ce: int) -> Speaker | None:
    """The document a passive without an agent is said in, as "heißt es in" names one:
    "In einem Bericht der Zeitung wurde vermutet, dass …", "So wird in einer Erklärung
    gefordert, dass …". The phrase after "in" must be headed by a source noun
    ("Bericht", "Erklärung"; "In der Zeit der Ermittlungen" is a time)."""
    tv, lx = state.tv, state.lx
    for i in range(cs, ce - 1):
        if tv.lowers[i] not in lx.impersonal_prepositions:
            continue
        end = noun_phrase_end(tv, i + 1, ce, lx, nested=True)
        head = phrase_head(tv, i + 1, ce, lx) if end is not None else None
        if head is not None and tv.lowers[head].endswith(lx.source_noun_endings):
            return make_speaker(state, i + 1, end)
    return None


def _agent_preposition(state: DocState, i: int, cs: int) -> bool:
    """Whether word ``i`` opens a passive's agent ("von der Opposition kritisiert"); after
    an article it is inside an attribute ("In dem von der Kommission vorgelegten Paket")."""
    tv, lx = state.tv, state.lx
    return tv.lowers[i] in lx.agent_prepositions and not (
        i > cs
        and tv.lowers[i - 1] in lx.determiners
        and not (i - 1 > 0 and tv.words[i - 2] == ",")  # "…, die von Kritikern … gewertet"
    )


def _shared_subject(state: DocState, lo: int, conjunction: int) -> Speaker | None:
    """The subject opening the sentence, shared by a verb after "und".

    "Die Hacker drangen ein und kündigten weitere Aktionen an": the second
    verb has no subject of its own; the phrase after it is its object. After
    a quotation or an adverb the first verb comes before its subject ("„…“,
    fuhr der Beamte fort und verwies auf …", "Daher zweifelt X an …, meint
    aber, …").
    """
    tv, lx = state.tv, state.lx
    opening = opening_subject(state, lo, conjunction)
    if opening is not None:
        end, verb = opening
        if (
            not actor_in(state, lo, end)
            and tv.lowers[verb] not in lx.np_conjunctions
            and verb + 1 < conjunction
            and _mention_at(state, verb + 1, PERSON)
        ):
            # "Die Äußerungen bezeichnete Wiefelspütz als … und glaubt, …": an object first
            after = subject_after(tv, verb, conjunction, lx)
            if after is not None and after[0] == verb + 1:
                return make_speaker(state, after[0], trim_phrase(tv, *after, lx), verb=verb)
        return make_speaker(state, lo, end, verb=verb)
    verb = lo
    while verb < conjunction and (state.blocked[verb] or tv.words[verb] == ","):
        verb += 1
    if verb == lo and tv.lowers[lo] in lx.sentence_adverbs and tv.is_cap(lo):
        verb = lo + 1  # "Daher zweifelt Weinberg an …, meint aber, …": an adverb opens it
    if verb == lo or verb >= conjunction or not verb_at(state, verb):
        return None
    after = subject_after(tv, verb, conjunction, lx)
    if after is None or after[0] != verb + 1:
        return None
    return make_speaker(state, after[0], trim_phrase(tv, *after, lx), verb=verb)


def opening_subject(state: DocState, lo: int, limit: int) -> tuple[int, int] | None:
    """(end, verb) of the subject that fills the field before the sentence's first verb.

    The field is a noun phrase with its attributes and apposition ("Die
    US-Botschaft im Irak forderte", "Hubert Primus, Leiter der Abteilung, wies");
    the word after it must be a lower-case verb form.
    """
    tv, lx = state.tv, state.lx
    if (
        lo + 2 < limit
        and tv.lowers[lo] in lx.demonstratives
        and verb_at(state, lo + 1)
        and not tv.words[lo + 2][:1].isupper()  # "Diese internen Betrüger": an adjective
    ):
        return lo + 1, lo + 1  # "Dieser sprach … und betonte …": the pronoun alone
    end = noun_phrase_end(tv, lo, limit, lx)
    if end is not None:
        end = prepositional_phrases_end(tv, end, limit, lx)
    if end is None or end >= limit:
        return None
    verb = end + 1 if tv.words[end] == "," else end
    if verb >= limit or not verb_at(state, verb) or subject_before(tv, lo, verb, lx) != lo:
        return None
    if verb > end and verb + 1 < limit and tv.is_cap(verb + 1) and not _verb_word(tv, verb, lx):
        return None  # "Das Angebot, palästinensische Verwundete zu behandeln, lehnt er ab"
    return end, verb


def _verb_word(tv: TokenView, i: int, lx: QuoteLexicon) -> bool:
    """Whether word ``i`` is a form of a verb by its dictionary form ("lehnte": "lehnen"),
    not an adjective ("palästinensische": "palästinensisch")."""
    return tv.lowers[i] in lx.verb_forms or dictionary_form(tv.words[i], lx.code).endswith(
        lx.infinitive_endings
    )


def own_account_subject(state: DocState, sp: Speaker, s_index: int) -> Speaker | None:
    """The subject whose own account a source phrase is ("Georg Berg war nach eigenem
    Bekunden eingeweiht": Berg), or None for any other source."""
    if state.tv.lowers[sp.start] not in state.lx.own_account_words:
        return None
    lo, hi, _ = state.sentences[s_index]
    opening = opening_subject(state, lo, hi)
    if opening is None:
        tv = state.tv
        if any(
            tv.words[j] == "," and opens_relative_clause(tv, j + 1, sp.start, state.lx)
            for j in range(lo, sp.start - 1)
        ):
            return None  # "die Arbeiter, die nach eigenen Aussagen …": the workers' account
        # "München – Die Angeklagte ist nach eigenen Angaben …": after a dateline or the verb
        return inner_subject(state, lo, sp.start)
    if opening[0] > sp.start:
        return None
    return make_speaker(state, lo, opening[0], verb=opening[1])


def continuing_speaker(state: DocState, last: Draft) -> Speaker | None:
    """Who speaks on in the sentences after report ``last``: its speaker, or the subject
    of its sentence when the source was the subject's own account ("Georg Berg war nach
    eigenem Bekunden eingeweiht. Der Rücktritt sei …": Berg, not "eigenem Bekunden")."""
    sp = last.speaker
    if sp is None:
        return None
    return own_account_subject(state, sp, last.sentence) or sp


def speaker_after(
    state: DocState, after: tuple[int, int], f: int, ce: int
) -> tuple[Speaker, str | None]:
    end = _apposition_after(state, after[1])
    sp = make_speaker(state, after[0], end, verb=f)
    sp, addressee = _split_addressee(state, sp)
    return sp, addressee or addressee_after(state, after[1], max(ce, after[1]))


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
    if closing is None or (closing < hi and tv.words[closing] not in (",", ":")):
        return end
    first, last = tv.starts[comma + 1], tv.ends[closing - 1]
    if any(m.kind in SPEAKING_KINDS and first <= m.start and m.end <= last for m in state.mentions):
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


def apposed_subject(state: DocState, lo: int, verb: int) -> bool:
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
    lo = past_particles(tv, lo, verb, lx)
    if (
        subject_before(tv, lo, verb, lx) is None
        and tv.lowers[lo] not in lx.determiners
        and not tv.is_cap(lo)
    ):
        return None
    end = noun_phrase_end(tv, lo, verb, lx)
    if end is not None and end < verb:
        # "Die Haushaltspolitikerin von Bündnis 90/Die Grünen, …": a name read in part
        end = min(through_mention(state, lo, end), verb)
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
    if (
        tv.lowers[end + 1] in lx.relative_pronouns
        and apposition_end(tv, end + 1, verb - 1, lx) != verb - 1
    ):
        # "Die Organisation, die … ausübt, erklärte": a relative clause (and maybe an
        # apposition) before the verb; "Ein Sturm, der …, habe das Land erreicht, meldet
        # X" goes on with its own verb after it: the phrase is the message's subject
        closing = next((j for j in range(end + 1, verb) if tv.words[j] == ","), verb - 1)
        return (lo, end) if closing == verb - 1 or not verb_at(state, closing + 1) else None
    if verb - lo <= MAX_FRONTED and not _clause_between(state, end + 1, verb - 1):
        # "Der Vertreter … im Aufsichtsrat (BA), Peter Clever, hat"
        return lo, trim_phrase(tv, lo, verb - 1, state.lx)
    return None


def _clause_between(state: DocState, start: int, end: int) -> bool:
    """Whether [start, end) between the commas after a sentence's first phrase is a clause,
    not its apposition: "Nein, ein Flüchtling sei er nicht, sagt X", "Ja, es ist ein Film,
    sagt X" open with a word and go on with a verb, so the sentence before the cue is the
    message; "Rita Ambe, 30, sagte" and "Hubert Primus, Leiter der Abteilung, wies" name
    who speaks."""
    tv, lx = state.tv, state.lx
    if tv.lowers[start] in lx.prepositions and tv.lowers[start + 1] in lx.relative_pronouns:
        return False  # "Auch Statistiken, auf die … verwiesen wird, bekräftigen": a relative
    return any(
        tv.words[k][:1].islower()
        and tv.lowers[k] not in lx.determiners
        and tv.lowers[k] not in lx.prepositions
        and (
            tv.lowers[k] in lx.verb_forms
            # a word before a noun is its adjective ("Chef der rechtspopulistischen Partei")
            or (_verb_word(tv, k, lx) and not tv.is_cap(k + 1))
        )
        for k in range(start, end)
    )


def apposition_before_verb(state: DocState, comma: int, stop: int) -> int | None:
    """The closing comma of an apposition after ``comma`` that the verb follows."""
    closing = apposition_end(state.tv, comma + 1, stop, state.lx)
    if (
        closing is not None
        and closing + 1 < stop
        and state.tv.words[closing] == ","
        and verb_at(state, closing + 1)
    ):
        return closing
    return None


def verb_at(state: DocState, k: int) -> bool:
    """Whether word ``k`` can be the verb after a field: lower case, no article or preposition."""
    tv, lx = state.tv, state.lx
    low = tv.lowers[k]
    return tv.words[k][:1].islower() and low not in lx.determiners and low not in lx.prepositions


def relative_clause_cue(state: DocState, cue: Cue) -> bool:
    """Whether the cue closes a relative clause (", der angekündigt hat,"): after a
    comma, opened by a relative pronoun, its finite verb last."""
    tv, lx = state.tv, state.lx
    cs, ce = cue.clause
    return (
        cs > 0
        and tv.words[cs - 1] == ","
        and tv.lowers[cs] in lx.relative_pronouns
        and cue.finite == ce - 1
        # ", der Öffentlichkeit zu sagen": an article and its noun, not ", die Roßberg nannte"
        and not (tv.is_cap(cs + 1) and not _mention_at(state, cs + 1))
    )


def _mention_at(state: DocState, i: int, kinds: frozenset[str] | None = None) -> bool:
    """Whether a mention (of one of ``kinds``) starts at word ``i`` ("hatte Seehofer …")."""
    char = state.tv.starts[i]
    return any(m.start == char and (kinds is None or m.kind in kinds) for m in state.mentions)


def actor_in(state: DocState, start: int, end: int) -> bool:
    """Whether a phrase names a speaking actor (not "Vorwürfe, die …")."""
    first, last = state.tv.starts[start], state.tv.ends[end - 1]
    return any(
        m.kind in SPEAKING_KINDS and first <= m.start and m.end <= last for m in state.mentions
    )


def _relative_speaker(state: DocState, cue: Cue, lo: int) -> Speaker | None:
    """The speaker of a cue in a relative clause.

    "die Lage, die der Minister beschrieb": a phrase after the pronoun is the
    subject, unless the pronoun can only be one ("der alle Bürger aufforderte").
    Otherwise the pronoun is ("Faymann, der angekündigt hat, …"): SpkAtt
    spans it, as it spans a personal pronoun, and the record names the phrase
    before the comma.
    """
    tv, lx = state.tv, state.lx
    cs, f = cue.clause[0], cue.finite
    end = noun_phrase_end(tv, cs + 1, f, lx) if cs + 1 < f else None
    if end is not None and tv.lowers[cs] not in lx.nominative_relatives:
        if tv.lowers[cs + 1] in lx.object_determiners:
            return None
        return make_speaker(state, cs + 1, trim_phrase(tv, cs + 1, end, lx), verb=f)
    start = noun_phrase_start(tv, cs - 1, lo, lx)
    if start is None:
        return Speaker(cs, cs + 1, tv.words[cs], None)
    antecedent = make_speaker(state, start, cs - 1)
    return Speaker(cs, cs + 1, antecedent.text, antecedent.mention)


def subordinate_opener(state: DocState, cue: Cue) -> int:
    """How many words open the cue's clause as a verb-final subordinate clause: one for
    a conjunction ("nachdem"), two for a preposition and a relative pronoun ("in dem"),
    none for a main clause."""
    if adverbial_clause(state, cue):
        return 1
    tv, lx = state.tv, state.lx
    cs, ce = cue.clause
    if (
        cue.finite == ce - 1
        and cs + 1 < ce
        and tv.lowers[cs] in lx.prepositions
        and tv.lowers[cs + 1] in lx.relative_pronouns
        and not tv.is_cap(cs + 2)  # "in dessen Folge das Gericht …": "Folge" is no subject
    ):
        return 2
    return 0


def adverbial_clause(state: DocState, cue: Cue) -> bool:
    """Whether the cue stands in an adverbial clause: a conjunction opens it and the finite
    verb closes it ("nachdem sie berichtet hatte,"); "Als Beispiel nannte X …" is a main
    clause whose verb comes second. "da" opens both ("Da gab die Polizei bekannt"); the
    verb closing the clause tells them apart ("Da die Begleiter es für sinnvoll hielten,")."""
    cs, ce = cue.clause
    opener = state.tv.lowers[cs]
    return (
        opener in state.lx.adverbial_conjunctions or opener in state.lx.adverbial_openers
    ) and cue.finite == ce - 1
