"""Records the event rules pass around while they code one sentence.

A trigger (a lexicon cue found in a clause), a coded candidate (the trigger with
its chosen lexicon row, sides and confidence) and the sentence context (tokens,
clauses and the subjects found so far) are shared by the trigger, role, subject
and modality rules; keeping them apart from the rules lets each rule module
import them without importing the coder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.components.clauses import Clause, Group, Tok
from lagebild.components.event_lexicon import LexRow
from lagebild.model import Mention


@dataclass(slots=True)
class Trigger:
    """A lexicon cue in a clause with the rows it may stand for (``Coded.row``: the one chosen)."""

    rows: list[LexRow]
    pos: str
    tok: int
    clause: Clause
    lemma: str
    extra: tuple[int, ...] = ()  # particle or light-verb token


@dataclass(slots=True)
class Coded:
    """A trigger with its lexicon row, actor sides and confidence: an event candidate."""

    trigger: Trigger
    row: LexRow
    sources: list[Mention]
    targets: list[Mention]
    confidence: float
    location: str | None = None
    say: bool = False
    statement: bool = False


@dataclass(slots=True)
class SentenceContext:
    """Tokens and clauses of one sentence, with the subject of each clause once found."""

    toks: list[Tok]
    clauses: list[Clause]
    subjects: dict[int, list[Group]] = field(default_factory=dict)

    def controller(self, clause: Clause) -> Clause | None:
        """The nearest earlier clause that is no infinitive: the one an infinitive depends on."""
        for earlier in reversed(self.clauses[: clause.index]):
            if earlier.kind != "inf":
                return earlier
        return None
