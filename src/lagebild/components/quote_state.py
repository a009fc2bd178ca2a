"""The working state of the quote stage: settings, drafts, speakers, sentences.

Shared by the rules (``quotes.py``) and the tagger's decoding
(``quote_tagging.py``): a document is read once into a ``DocState`` (tokens,
sentences, quotation spans) and each find is a ``Draft`` until it becomes a
``model.Quote``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from lagebild.components.quote_clauses import SENTENCE_END, Cue, cue_candidates
from lagebild.components.quote_lexicon import QuoteLexicon
from lagebild.components.quote_marks import find_quoted_spans
from lagebild.components.speakers import (
    SpeakerMemory,
    TokenView,
    guess_gender,
    link_mention,
    phrase_bounds,
    trim_phrase,
)
from lagebild.model import Mention

# Confidence by pattern, ordered by how often each pattern paired with a gold
# quote on the development split of SpkAtt-2023.
CONF_DIRECT = 0.9
CONF_SOURCE_PHRASE = 0.8
CONF_INDIRECT = 0.8
CONF_PARTIAL = 0.7
CONF_CONTINUATION = 0.6
CONF_REPORTED = 0.5
CONF_MODEL = 0.5  # a report found by the tagger alone

PLACE_KINDS = frozenset({"GPE", "LOC"})  # mention and entity labels of places
_LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    """Options of the quote stage."""

    reported: bool = True  # emit Reported records ("X warnte vor …")
    continuation: bool = True  # Konjunktiv I sentences continue the last report
    weak_continuation: bool = True  # Konjunktiv II / "soll" also continue a report
    model: bool = True  # add the trained tagger's finds where the rules found nothing


@dataclass(slots=True)
class Speaker:
    start: int  # token range of the words naming the speaker in this quote's clause
    end: int
    text: str  # resolved name
    mention: Mention | None = None


@dataclass(slots=True)
class Draft:
    start: int  # token range of the message
    end: int
    form: str
    sentence: int
    speaker: Speaker | None = None
    cue: Cue | None = None
    cue_tokens: tuple[int, ...] = ()
    addressee: str | None = None
    confidence: float = CONF_INDIRECT
    quoted: tuple[int, int] | None = None  # char span of a direct quote, marks included


@dataclass(slots=True)
class DocState:
    """Per-document working state."""

    tv: TokenView
    lx: QuoteLexicon
    text: str
    mentions: Sequence[Mention]
    sentences: list[tuple[int, int, int]]  # token [start, end), paragraph
    quoted: list[tuple[int, int, int, int]]  # token [start, end), char start, char end
    blocked: list[bool]  # token inside a quoted stretch
    sentence_of: list[int] = field(default_factory=list)  # token -> sentence index
    # the tokens a sentence scan visits, in order: those that may open a source phrase
    # ("laut", "zufolge", "so") and those that may be a verb of saying (``cue_candidates``)
    source_tokens: list[int] = field(default_factory=list)
    cue_tokens: list[int] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # tokens already serving as cue/speaker
    memory: SpeakerMemory = field(default_factory=lambda: SpeakerMemory([]))
    last_speaker: Speaker | None = None  # of the latest report, for "demnach"
    # Konjunktiv found in a token range, by (start, end, weak): several readings of a
    # sentence that reports nothing ask the same question
    konjunktiv: dict[tuple[int, int, bool], bool] = field(default_factory=dict)
    doc: Doc | None = None  # for what only a few sentences ask (``place_end``)
    # places named in the text, char start -> char end: actor mentions of places and the
    # recogniser's places that name no actor ("in Koblenz"); read on first use
    places: dict[int, int] | None = None


# ---------------------------------------------------------------- preparation


def prepare(doc: Doc, lx: QuoteLexicon) -> DocState:
    tv = TokenView.from_doc(doc, doc._.text)
    text = tv.text  # ``doc.text`` joins the tokens again on every access
    sentences = _sentences(doc, tv, text)
    quoted = []
    blocked = [False] * len(tv)
    mentions = list(doc._.mentions or [])
    for span in find_quoted_spans(text, lx):
        ts, te = tv.at_char(span.start), tv.at_char(span.end - 1) + 1
        if te - ts < 3:
            continue  # an empty pair of marks
        if quoted_name(tv, mentions, ts + 1, te - 1) or _quoted_source(tv, ts, te, lx):
            continue  # "sagte der „Berliner Zeitung“, …": a name, the clause goes on
        quoted.append((ts, te, span.start, span.end))
        for i in range(ts, te):
            blocked[i] = True
    openers = {q[0] for q in quoted}
    for k in range(len(sentences) - 1):  # an opening mark left at a sentence end starts the next
        lo, hi, par = sentences[k]
        if hi - 1 in openers and hi - 1 > lo and sentences[k + 1][0] == hi:
            sentences[k] = (lo, hi - 1, par)
            nlo, nhi, npar = sentences[k + 1]
            sentences[k + 1] = (nlo - 1, nhi, npar)
    sentence_of = [0] * len(tv)
    for k, (lo, hi, _) in enumerate(sentences):
        for i in range(lo, hi):
            sentence_of[i] = k
    return DocState(
        tv, lx, text, mentions, sentences, quoted, blocked, sentence_of,
        source_tokens=[i for i, low in enumerate(tv.lowers) if low in lx.source_words],
        cue_tokens=cue_candidates(tv, lx),
        doc=doc,
    )  # fmt: skip


def place_end(state: DocState, char: int) -> int | None:
    """End of the place named from ``char`` on, if one is. The entities are read once, on
    the first question: few documents ask, and reading them for every document showed in
    the stage's time (1.4 % of it under the profiler)."""
    if state.places is None:
        ents = state.doc.ents if state.doc is not None else ()
        state.places = {e.start_char: e.end_char for e in ents if e.label_ in PLACE_KINDS}
        state.places.update((m.start, m.end) for m in state.mentions if m.kind in PLACE_KINDS)
    return state.places.get(char)


def quoted_name(tv: TokenView, mentions: Sequence[Mention], start: int, end: int) -> bool:
    """Whether the quoted tokens [start, end) name something rather than quote speech.

    Names of papers, sites and organisations are set in quotation marks after
    verbs of saying ("sagte der „Berliner Zeitung“", "meldete „Golem“"): a
    stretch of capitalised words only, or one an actor mention covers.
    """
    words = [i for i in range(start, end) if tv.words[i][:1].isalpha()]
    if not words:
        return True
    first, last = tv.starts[words[0]], tv.ends[words[-1]]
    if any(m.start <= first and m.end >= last for m in mentions):
        return True
    return len(words) >= 2 and all(tv.words[i][:1].isupper() for i in words)


MAX_QUOTED_SOURCE_WORDS = 5  # "laut „nordland.de“", "wie die „Aktion Nordland hilft“"


def _quoted_source(tv: TokenView, start: int, end: int, lx: QuoteLexicon) -> bool:
    """Whether the quotation marks at [start, end) hold a source's name by their place.

    After a source preposition ("laut „nordland.de“") or as the subject of
    an "as" clause ("Wie die „Aktion Nordland hilft“ mitteilte") a short
    quoted stretch names who reports; its words need not be capitalised
    names (``quoted_name``).
    """
    words = [i for i in range(start + 1, end - 1) if tv.words[i][:1].isalnum()]
    if not words or len(words) > MAX_QUOTED_SOURCE_WORDS or start < 1:
        return False
    before = tv.lowers[start - 1]
    if before in lx.source_prepositions:
        return True
    if _quoted_title(tv, start, words, lx) or _quoted_place(tv, start, words, lx):
        return True
    return (
        before in lx.determiners
        and start >= 2
        and tv.lowers[start - 2] in lx.as_words
        and tv.is_cap(words[0])
    )


MAX_QUOTED_TITLE_WORDS = 4  # "die Organisation „Reporter ohne Grenzen“"
_SENTENCE_OPENERS = SENTENCE_END | {":"}  # a capital after these may be any word


def _quoted_place(tv: TokenView, start: int, words: list[int], lx: QuoteLexicon) -> bool:
    """Whether short quoted words name where something was said or written.

    "Im „Spiegel“ schreibt der Richter …", "in der „Zeit“": after "in" or
    "aus" (and an article) a capitalised quoted stretch names a paper or a
    programme, as in "heißt es in X".
    """
    before, places = tv.lowers[start - 1], lx.impersonal_prepositions
    place = before in places or (
        before in lx.determiners and start >= 2 and tv.lowers[start - 2] in places
    )
    return place and len(words) <= MAX_QUOTED_TITLE_WORDS and tv.is_cap(words[0])


def _quoted_title(tv: TokenView, start: int, words: list[int], lx: QuoteLexicon) -> bool:
    """Whether short quoted words name what the noun before them is called.

    "im Fachmagazin „Science“", "die Organisation „Reporter ohne Grenzen“":
    a capitalised noun inside the sentence, then a quoted stretch that opens
    with a capital and has no lower-case article ("Parolen wie „Stoppt den
    Krieg“" quotes a slogan). A one-word judgement right after a noun
    ("nannte den Plan „Unsinn“") is read as a name too.
    """
    return (
        start >= 2
        and len(words) <= MAX_QUOTED_TITLE_WORDS
        and tv.is_cap(start - 1)
        and tv.words[start - 2] not in _SENTENCE_OPENERS
        and tv.is_cap(words[0])
        and not any(tv.lowers[i] in lx.determiners for i in words if not tv.is_cap(i))
    )


def _sentences(doc: Doc, tv: TokenView, text: str) -> list[tuple[int, int, int]]:
    records = doc._.sentences
    if records:
        bounds = [(r.start, r.end, r.paragraph) for r in records]
    else:  # no segment stage: spaCy sentences, cut again at line breaks
        bounds, paragraph, prev_end = [], 0, 0
        for sent in doc.sents:
            paragraph += text.count("\n\n", prev_end, sent.start_char)
            prev_end = sent.start_char
            for line in _LINE.finditer(text, sent.start_char, sent.end_char):
                paragraph += text.count("\n\n", prev_end, line.start())
                bounds.append((line.start(), line.end(), paragraph))
                prev_end = line.start()
    out = []
    for start, end, paragraph in bounds:
        lo, hi = tv.at_char(start), tv.at_char(end - 1) + 1 if end > start else tv.at_char(start)
        if hi > lo:
            out.append((lo, hi, paragraph))
    return out


def sentence_index(state: DocState, token: int) -> int:
    return state.sentence_of[token] if token < len(state.sentence_of) else len(state.sentences) - 1


def inside_quote(state: DocState, lo: int, hi: int) -> bool:
    return all(state.blocked[lo:hi])


# ---------------------------------------------------------------- speakers


def generic_speaker(state: DocState, sp: Speaker | None) -> bool:
    """Whether the speaker is a generic pronoun alone ("forderte man"): no one named."""
    return (
        sp is not None
        and sp.end - sp.start == 1
        and state.tv.lowers[sp.start] in state.lx.generic_pronouns
    )


def make_speaker(
    state: DocState,
    start: int,
    end: int,
    *,
    verb: int | None = None,
    place_prepositions: frozenset[str] | None = None,
) -> Speaker:
    """Build a speaker from a phrase, resolving pronouns and linking mentions.

    ``place_prepositions`` are those whose place after a role joins the phrase (by
    default the lexicon's, see ``_place_after_role``)."""
    tv, lx = state.tv, state.lx
    linked = end  # the phrase whose actor the speaker is: not a place after a role
    if end - start > 1 or lx.pronoun(tv.lowers[start]) is None:
        floor = state.sentences[sentence_index(state, start)][0]
        start, end = phrase_bounds(tv, start, end, floor, lx)
        end = trim_phrase(tv, start, end, lx)  # a lower-case last word is no noun: "…, unter"
        end = through_mention(state, start, end)
        if verb is not None:  # a verb's subject: "der" after a name is its object
            end = _before_dative_after_person(state, start, end, verb)
        linked = end
        if place_prepositions is None:
            place_prepositions = lx.place_prepositions
        end = _place_after_role(state, start, end, place_prepositions)
    char_start, char_end = tv.starts[start], tv.ends[end - 1]
    text = state.text[char_start:char_end]
    low = tv.lowers[start]
    if end - start == 1 and (low in lx.writer_pronouns or low in lx.generic_pronouns):
        # "Deswegen bitten wir Euch …": the outlet; "forderte man": no one in particular
        return Speaker(start, end, text, None)
    if end - start == 1 and (lx.pronoun(low) is not None or low in lx.source_adverbs):
        gender, number = lx.pronoun(low) or ("", "sg")
        plural = number == "pl" or (
            verb is not None
            and low in lx.number_by_verb_pronouns
            and tv.lowers[verb].endswith(lx.plural_verb_endings)
        )
        k = sentence_index(state, start)
        resolved = state.memory.resolve(
            char_start,
            gender=gender if not plural else "",
            plural=plural and low in lx.number_by_verb_pronouns,
            mentions=state.mentions,
            gender_of=lambda m: _mention_gender(state, m),
            recent=tv.starts[state.sentences[max(0, k - 1)][0]],
        )
        if resolved is not None:
            return Speaker(start, end, resolved[0], resolved[1])
        return Speaker(start, end, text, None)
    return Speaker(
        start, end, text, link_mention(state.mentions, char_start, tv.ends[linked - 1], state.text)
    )


def _place_after_role(state: DocState, start: int, end: int, prepositions: frozenset[str]) -> int:
    """The phrase end, moved over a place after a role or a body: "ein Sprecher des LBM
    in Koblenz", "die US-Botschaft im Irak" are one speaker in SpkAtt. After a person's
    name the place is where they spoke ("sagte Seibert in Berlin"), so it stays out."""
    tv = state.tv
    if end + 1 >= len(tv.words) or tv.lowers[end] not in prepositions:
        return end
    last = tv.ends[end - 1]
    place = place_end(state, tv.starts[end + 1])
    if place is None or any(m.kind == "PER" and m.start < last <= m.end for m in state.mentions):
        return end
    stop = tv.at_char(place - 1) + 1
    hi = state.sentences[sentence_index(state, start)][1]
    return stop if stop <= hi else end


def through_mention(state: DocState, start: int, end: int) -> int:
    """The phrase end, moved to the end of an actor mention that starts inside the phrase
    and runs on: "das Parlament in Mexiko-Stadt", "der Polizei in Berlin" are one body.
    A mention that ends in a verb of saying ("Sicherheitsrat rief") was read too far."""
    tv = state.tv
    first, last = tv.starts[start], tv.ends[end - 1]
    hi = state.sentences[sentence_index(state, start)][1]
    for m in state.mentions:
        if first <= m.start < last < m.end:
            stop = tv.at_char(m.end - 1) + 1
            verb = tv.words[stop - 1][:1].islower() and tv.lowers[stop - 1] in state.lx.cues
            return end if stop > hi or verb else stop
    return end


def _before_dative_after_person(state: DocState, start: int, end: int, verb: int) -> int:
    """The phrase end, moved before a "der" phrase right after a person's name: a name
    takes no genitive, so in "sagte Miriam Leiva der Nachrichtenagentur AFP" the agency
    is the addressee (a dative), not part of the speaker ("nach Angaben des Gouverneurs
    Nasser Baoum der Provinz Schabwa" has no verb to take one). A name here is a person
    mention ending in two capitalised words ("Miriam Leiva") or one opening the phrase
    alone ("Demirtaş"); a role ("der Sprecher der Regierung") keeps its genitive."""
    tv, lx = state.tv, state.lx
    if not any(tv.lowers[k] in lx.dative_determiners for k in range(start + 1, end - 1)):
        return end  # cheap test first: no "der" to move before
    for m in state.mentions:
        if m.kind != "PER" or m.start < tv.starts[start]:
            continue
        k = tv.at_char(m.end - 1) + 1  # the word after the mention
        # a surname alone opening the phrase is a name too ("sagte Demirtaş der …"), with a
        # verb in the singular ("Vertreter der Armee werfen … vor" is a role, read as a name)
        bare_name = (
            k == start + 1
            and m.start == tv.starts[start]
            and tv.is_cap(start)
            and not tv.lowers[verb].endswith(lx.plural_verb_endings)
        )
        if (
            start < k < end - 1
            and tv.lowers[k] in lx.genitive_determiners
            and tv.lowers[k] in lx.dative_determiners
            and tv.is_cap(k - 1)
            and (
                bare_name
                or (k > start + 1 and tv.is_cap(k - 2) and tv.lowers[k - 2] not in lx.determiners)
            )
        ):
            return k
    return end


def _mention_gender(state: DocState, m: Mention) -> str:
    """Gender of a person mention, reading one word before it ("die Botschafterin …")."""
    tv = state.tv
    start, end = tv.at_char(m.start), tv.at_char(m.end - 1) + 1
    if start > 0 and tv.lowers[start - 1] in state.lx.determiners:
        start -= 1
    return guess_gender(tv, start, end, state.lx)


def remember(state: DocState, d: Draft) -> None:
    sp = d.speaker
    if sp is not None:
        state.last_speaker = sp
    if sp is None or (
        sp.end - sp.start == 1 and state.lx.pronoun(state.tv.lowers[sp.start]) is not None
    ):
        return
    gender = guess_gender(state.tv, sp.start, sp.end, state.lx)
    if not gender and _bare_place_or_body(state, sp):
        gender = "n"  # "China", "Gazprom": "er" and "sie" never take them up
    state.memory.remember(state.tv.starts[sp.start], sp.text, gender, sp.mention)


def _bare_place_or_body(state: DocState, sp: Speaker) -> bool:
    """A speaker that is a name without an article: a state, place or company."""
    m = sp.mention
    return (
        m is not None
        and m.kind != "PER"
        and m.start == state.tv.starts[sp.start]
        and state.tv.lowers[sp.start] not in state.lx.determiners
    )


def claim(state: DocState, draft: Draft) -> Draft:
    """Mark the draft's cue and speaker words as used: no later pattern reads them again."""
    state.used.update(draft.cue_tokens)
    if draft.speaker is not None:
        state.used.update(range(draft.speaker.start, draft.speaker.end))
    return draft
