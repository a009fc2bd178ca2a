"""Decoding the quote tagger: reports in sentences the rules left empty.

``quote_model.QuoteTagger`` labels tokens; this module turns its labels into
drafts next to the rules' own (see ``model_drafts``) and lets it widen a rule
speaker that stops too early (``extend_speaker``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from lagebild.components.quote_clauses import CLAUSE_BREAKS, content_end, konjunktiv_marker
from lagebild.components.quote_model import QuoteTagger, TaggerInput
from lagebild.components.quote_state import (
    CONF_MODEL,
    DocState,
    Draft,
    Speaker,
    inside_quote,
    make_speaker,
    sentence_index,
)
from lagebild.components.speakers import phrase_bounds, trim_phrase

MSG, SPK, CUE = 1, 2, 3  # label indices of quote_model.LABELS


_RULE_TAG = {"Direct": "MD", "Indirect": "MI", "Reported": "MR"}


def build_tagger_input(state: DocState, drafts: Sequence[Draft]) -> TaggerInput:
    tags = ["O"] * len(state.tv)
    for d in drafts:
        for i in range(d.start, min(d.end, len(tags))):
            if tags[i] == "O":
                tags[i] = _RULE_TAG.get(d.form, "MI")
    for d in drafts:  # speaker and cue words win over a message that spans them
        if d.speaker is not None:
            for i in range(d.speaker.start, d.speaker.end):
                tags[i] = "S"
        for i in d.cue_tokens:
            tags[i] = "C"
    tv = state.tv
    return TaggerInput(
        tv.words, tv.lowers, tv.starts, tv.ends, state.sentences, state.blocked, tags
    )


def _runs(tokens: Sequence[int]) -> list[tuple[int, int]]:
    """Contiguous [start, end) runs of sorted token indices."""
    runs: list[tuple[int, int]] = []
    for i in tokens:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _function_words_only(state: DocState, run: tuple[int, int]) -> bool:
    """A run of articles and quantifiers ("Alle" of "Alle Fakten zeigen …") names no one."""
    lx = state.lx
    return all(
        state.tv.lowers[i] in lx.determiners and state.tv.lowers[i] not in lx.pronouns
        for i in range(*run)
    )


def extend_speaker(state: DocState, d: Draft, labels: np.ndarray) -> None:
    """Grow a rule speaker over the words the tagger marks as speaker next to it.

    The rules stop a speaker phrase at an apposition or a relative clause
    ("Die Organisation, die im Gazastreifen regiert, erklärte"); the tagger
    has learnt from the annotation where such phrases end.
    """
    sp = d.speaker
    if sp is None or sp.start >= len(labels) or d.sentence != sentence_index(state, sp.start):
        return
    lo, hi, _ = state.sentences[d.sentence]
    start, end = sp.start, sp.end
    while start > lo and labels[start - 1] == SPK and not (d.start <= start - 1 < d.end):
        start -= 1
    while (
        end < hi
        and (
            labels[end] == SPK
            or (state.tv.words[end] == "," and end + 1 < hi and labels[end + 1] == SPK)
        )
        and not (d.start <= end < d.end)
        and end not in d.cue_tokens
    ):
        end += 1
    if end - start > 1:
        start, end = phrase_bounds(state.tv, start, end, lo, state.lx)
        end = max(sp.end, trim_phrase(state.tv, start, end, state.lx))  # not "…, unter"
    if (start, end) != (sp.start, sp.end):
        d.speaker = Speaker(start, end, sp.text, sp.mention)


def model_drafts(state: DocState, drafts: Sequence[Draft], tagger: QuoteTagger) -> list[Draft]:
    """Reports in sentences the rules left empty, read from the tagger's labels.

    A sentence becomes a quote when enough of its words are tagged as message.
    Its speaker is the phrase tagged as speaker in the sentence; without one,
    the sentence continues the latest report (its speaker), as free indirect
    speech in news does. With the decoding setting ``model_speakers`` off, such
    quotes carry no speaker: cross-validation on the development data showed
    the tagger's speakers for them wrong more often than right.
    """
    decode = tagger.meta.get("decode", {})
    min_tokens = decode.get("min_message_tokens", 3)
    min_share = decode.get("min_message_share", 0.5)
    gap = decode.get("continuation_gap", 3)
    model_speakers = decode.get("model_speakers", True)
    probs = tagger.scores(build_tagger_input(state, drafts))
    labels = probs.argmax(axis=1)
    labels[(labels == 0) & (probs[:, MSG] >= decode.get("message_probability", 0.5))] = MSG
    tv = state.tv
    if decode.get("extend_speakers", False):
        for d in drafts:
            extend_speaker(state, d, labels)
    covered = [False] * len(state.sentences)
    for d in drafts:
        last_sentence = sentence_index(state, max(d.start, d.end - 1))
        for k in range(sentence_index(state, d.start), last_sentence + 1):
            covered[k] = True
    by_sentence: dict[int, Draft] = {}
    for d in drafts:
        if d.speaker is not None:
            by_sentence[d.sentence] = d
    out: list[Draft] = []
    last: Draft | None = None
    for k, (lo, hi, _) in enumerate(state.sentences):
        if k in by_sentence:
            last = by_sentence[k]
        if covered[k]:
            continue
        stop = content_end(tv, lo, hi)
        words = [i for i in range(lo, stop) if tv.words[i] not in CLAUSE_BREAKS]
        message = [i for i in words if labels[i] == MSG]
        if len(message) < min_tokens or len(message) < min_share * len(words):
            continue
        speakers = _runs([i for i in range(lo, stop) if labels[i] == SPK])
        cue = tuple(i for i in range(lo, stop) if labels[i] == CUE)
        start, end = message[0], message[-1] + 1
        for run in [r for r in speakers if _function_words_only(state, r)]:
            speakers.remove(run)
            if run[1] == start:
                start = run[0]  # "Alle Fakten zeigen …": the article opens the message
        speaker = None
        if speakers:
            s0, s1 = max(speakers, key=lambda r: r[1] - r[0])
            speaker = make_speaker(state, s0, s1)
            if start < s0 < end and s1 >= end - 1:
                end = s0  # "…, sagt X": the message stops at its speaker
        elif last is not None and k - last.sentence <= gap:
            speaker = last.speaker
        form = "Direct" if inside_quote(state, start, end) else "Indirect"
        if (
            speaker is not None
            and speakers
            and not cue
            and form == "Indirect"
            and not konjunktiv_marker(tv, lo, stop, state.blocked, state.lx, weak=True)
        ):
            form = "Reported"  # "Analysten halten … für wahrscheinlich": no cue, no Konjunktiv
        if not model_speakers:
            speaker = None  # a report, but whose is for the rules to say
        draft = Draft(start, end, form, k, speaker, None, cue, None, CONF_MODEL)
        out.append(draft)
        if speaker is not None:
            last = draft
    return out
