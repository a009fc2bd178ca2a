"""Interviews: answers introduced by the speaker's name and a colon.

News interviews print each turn after a label, with no quotation marks and
no verb of saying: "STANDARD: Wie reagiert Mazedonien? Poposki: Wir
koordinieren …". Each answer is its speaker's verbatim speech. A document is
read as an interview when two labels take turns and one of them asks: a
quarter of its turns or more end in a question mark (the others often state
a premise first), more than any other label's. That label is the interviewer
(the outlet or the journalist); every turn of another label becomes a Direct
record from the label to the next turn. A heading with a colon ("Zweitens:
…") occurs once and names no person, so it opens no turn; generic labels
("Frage:", "Antwort:") name nobody (`GENERIC_TURN_LABELS`).
"""

from __future__ import annotations

from collections import defaultdict

from lagebild.components.quote_state import CONF_DIRECT, DocState, Draft, make_speaker

MAX_LABEL_WORDS = 3  # "Poposki:", "R. Kelly:", "Jan van Berg:"
MIN_TURNS = 2  # a label seen once is a heading ("Zweitens:"), unless it names a person
MIN_QUESTIONS = 2  # the interviewer asks at least twice …
QUESTION_SHARE = 0.25  # … in this share of its turns (others state a premise first)


def interview_turns(state: DocState) -> tuple[list[Draft], set[int]]:
    """Direct records for the answers of an interview, and the sentences all turns
    cover (questions included: they hold no report); nothing for other texts."""
    found = [_label_at(state, k) for k in range(len(state.sentences))]
    counts: dict[str, int] = defaultdict(int)
    for label in found:
        if label is not None:
            counts[label[0]] += 1
    speakers = {
        name
        for name, n in counts.items()
        if name.lower() not in state.lx.generic_turn_labels
        and (n >= MIN_TURNS or _names_person(state, found, name))
    }
    labels = [label if label and label[0] in speakers else None for label in found]
    turns: dict[str, list[int]] = defaultdict(list)
    for k, label in enumerate(labels):
        if label is not None:
            turns[label[0]].append(k)
    if len(turns) < 2:
        return [], set()
    asked = {name: _questions(state, labels, ks) for name, ks in turns.items()}
    interviewer = max(turns, key=lambda name: asked[name] / len(turns[name]))
    share = asked[interviewer] / len(turns[interviewer])
    others = max(asked[name] / len(ks) for name, ks in turns.items() if name != interviewer)
    if asked[interviewer] < MIN_QUESTIONS or share < QUESTION_SHARE or others >= share:
        return [], set()
    drafts: list[Draft] = []
    covered: set[int] = set()
    for k, label in enumerate(labels):
        if label is None:
            continue
        nxt = _next_label(labels, k)
        covered.update(range(k, nxt))
        colon = label[1]
        end = _turn_end(state, nxt)
        if label[0] == interviewer or end <= colon + 1:
            continue
        speaker = make_speaker(state, state.sentences[k][0], colon)
        drafts.append(Draft(colon + 1, end, "Direct", k, speaker, confidence=CONF_DIRECT))
    return drafts, covered


def _names_person(state: DocState, found: list[tuple[str, int] | None], name: str) -> bool:
    """Whether a label names a person the text mentions ("Eva Glawischnig:")."""
    tv = state.tv
    for k, label in enumerate(found):
        if label is not None and label[0] == name:
            first, last = tv.starts[state.sentences[k][0]], tv.ends[label[1] - 1]
            return any(m.kind == "PER" and m.start < last and first < m.end for m in state.mentions)
    return False


def _label_at(state: DocState, k: int) -> tuple[str, int] | None:
    """(name, colon token) when sentence ``k`` opens with a speaker label."""
    tv, lx = state.tv, state.lx
    lo, hi, _ = state.sentences[k]
    for colon in range(lo + 1, min(hi - 1, lo + MAX_LABEL_WORDS + 1)):
        if tv.words[colon] != ":":
            continue
        words = range(lo, colon)
        if all(
            tv.words[i][:1].isupper()
            and tv.lowers[i] not in lx.determiners
            and tv.lowers[i] not in lx.sentence_adverbs
            and not state.blocked[i]
            for i in words
        ):
            return " ".join(tv.words[i] for i in words), colon
        return None
    return None


def _next_label(labels: list[tuple[str, int] | None], k: int) -> int:
    return next((j for j in range(k + 1, len(labels)) if labels[j] is not None), len(labels))


def _turn_end(state: DocState, nxt: int) -> int:
    """The end of a turn whose next label opens sentence ``nxt``: the sentence before
    it, less its final punctuation, as in a message."""
    lo, end, _ = state.sentences[nxt - 1]
    while end > lo and state.tv.words[end - 1] in (".", "!"):
        end -= 1
    return end


def _questions(state: DocState, labels: list[tuple[str, int] | None], ks: list[int]) -> int:
    """How many of a label's turns end in a question mark."""
    asked = 0
    for k in ks:
        lo, hi, _ = state.sentences[_next_label(labels, k) - 1]
        asked += any(state.tv.words[i] == "?" for i in range(max(lo, hi - 2), hi))
    return asked
