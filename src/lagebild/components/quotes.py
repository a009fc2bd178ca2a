"""Quotes: direct, indirect and reported speech with speaker, cue and addressee.

Reads the sentences and quotation marks of a document and writes
``doc._.quotes`` (a list of ``model.Quote``). German is the reference language;
all words it relies on come from ``lang/<code>/quotes.py``.

An interview ("STANDARD: …? Huber: …") is read first: each answer is one
Direct record of its label (``quote_interviews.py``), and its sentences take
no other pattern. Patterns, in the order they are tried per sentence:

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
from lagebild.components.quote_continuation import (
    back_reference,
    continued_report,
    framed_report,
    generic_subject_continues,
    merges_into,
    subject_before_report,
)
from lagebild.components.quote_direct import attribute_direct, resolve_partials
from lagebild.components.quote_interviews import interview_turns
from lagebild.components.quote_lexicon import QuoteLexicon, load_quote_lexicon
from lagebild.components.quote_model import QuoteTagger, TaggerInput, load_quote_tagger
from lagebild.components.quote_reports import sentence_cues
from lagebild.components.quote_state import (
    DocState,
    Draft,
    QuoteSettings,
    claim,
    generic_speaker,
    prepare,
    remember,
)
from lagebild.components.quote_tagging import build_tagger_input, model_drafts
from lagebild.model import Quote

__all__ = ["QuoteExtractor", "QuoteSettings", "extract_quotes", "tagger_input"]


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
    answers, interview = interview_turns(state)
    answer_at = {d.sentence: d for d in answers}
    for s_index, (lo, hi, paragraph) in enumerate(state.sentences):
        if s_index in interview:  # an interview turn: its answer is one record
            while quote_iter < len(state.quoted) and state.quoted[quote_iter][0] < hi:
                quote_iter += 1
            if s_index in answer_at:
                last = claim(state, answer_at[s_index])
                remember(state, last)
                drafts.append(last)
            continue
        found: list[Draft] = []
        while quote_iter < len(state.quoted) and state.quoted[quote_iter][0] < hi:
            q = state.quoted[quote_iter]
            quote_iter += 1
            if q[0] >= lo:
                draft = attribute_direct(state, q, s_index, drafts)
                if draft is not None:
                    found.append(draft)
        back = back_reference(state, s_index, lo, hi, drafts)
        if back is not None:
            found.append(claim(state, back))
        found.extend(sentence_cues(state, s_index, lo, hi, settings))
        found = resolve_partials(state, s_index, lo, hi, found)
        if not found and settings.continuation:
            cont = None
            subject = subject_before_report(state, s_index, last)
            if subject is not None:
                cont = continued_report(
                    state, s_index, lo, hi, paragraph, subject, settings, weak=False
                )
            if cont is None and last is not None:
                cont = continued_report(state, s_index, lo, hi, paragraph, last, settings)
            if cont is None:
                cont = framed_report(state, s_index, lo, hi)
            if cont is not None and merges_into(last, cont):
                last.end, last.sentence = cont.end, cont.sentence  # one free indirect report
                continue
            if cont is not None:
                found.append(cont)
        for d in found:
            generic_subject_continues(state, d, last)
            remember(state, d)
        drafts.extend(found)
        reports = [d for d in found if d.speaker is not None]
        if reports:
            last = reports[-1]
    return drafts


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
    if generic_speaker(state, sp):
        sp = None  # "forderte man …": a report whose speaker the text does not name
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
