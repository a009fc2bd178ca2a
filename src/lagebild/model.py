"""Typed records: the data contract between pipeline stages, the store and the interfaces.

Every extracted item carries character offsets into ``Article.text`` (the cleaned
text), so any field can be shown together with its evidence. ``Article.raw_text``
keeps the text as it was read; ``removed_spans`` say what cleaning took out of it
and why, in raw-text offsets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


def _plain(value: Any) -> Any:
    """Turn records, dates and tuples into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin giving every record a JSON-ready ``to_dict``."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class RemovedSpan(Record):
    """A stretch of the raw text that cleaning removed, with the rule that removed it."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class Signal(Record):
    """A machine-translation or foreign-language signal found in the cleaned text."""

    start: int
    end: int
    kind: str  # "foreign_function_word" | "foreign_passage"
    text: str
    language: str | None = None


@dataclass(slots=True)
class Article(Record):
    """One news document, as ingested and cleaned.

    ``id`` is a content hash of the raw text and the title, so re-ingesting the
    same article is recognised. ``inferred`` lists metadata fields that were
    guessed from the text (e.g. an outlet read off an editorial signature)
    rather than given by the source.
    """

    id: str
    text: str
    raw_text: str
    title: str | None = None
    source: str | None = None  # where it was read from: path, path!member, "<stdin>"
    outlet: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    language: str | None = None
    removed_spans: list[RemovedSpan] = field(default_factory=list)
    mt_signals: list[Signal] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    """A sentence of the cleaned text; ``paragraph`` counts from 0, the headline is paragraph 0."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_headline: bool = False


@dataclass(frozen=True, slots=True)
class SentenceTone(Record):
    """Polar word counts and tone of one sentence (``index`` as in ``Sentence.index``)."""

    index: int
    positive: float
    negative: float
    words: int
    tone: float


@dataclass(frozen=True, slots=True)
class Role(Record):
    """An office an actor held, with the dates it was valid (either end open)."""

    office: str
    country: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    code: str | None = None  # CAMEO-style code while in this office, e.g. "USAGOV"

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the role was held on ``day`` (undated queries accept every role)."""
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


@dataclass(slots=True)
class Actor(Record):
    """A political actor: state, government body, organisation, alliance, group or person."""

    id: str
    name: str
    kind: str  # PER | ORG | GPE | IGO | LOC
    country: str | None = None  # ISO 3166 alpha-3 / CAMEO country code
    sector: str | None = None  # CAMEO sector: GOV, MIL, MED, ...
    codes: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A stretch of text that refers to an actor."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # PER | ORG | GPE | IGO | LOC | MISC
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # CAMEO-style actor code, e.g. "USAGOV", "NATO"
    confidence: float = 1.0
    name: str | None = None  # canonical actor name
    role: str | None = None  # office held on the article's date, if a person


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """Direct, indirect or reported speech with its speaker."""

    article_id: str
    start: int
    end: int
    text: str
    form: str  # Direct | Indirect | Reported
    speaker_text: str | None = None
    speaker_actor_id: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    addressee: str | None = None
    speaker_code: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class EventActor(Record):
    """One side of an event: the mention text and what it resolved to."""

    text: str
    actor_id: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Event(Record):
    """Who did what to whom: one coded event with its evidence."""

    id: str
    article_id: str
    sentence: int
    source: list[EventActor]
    target: list[EventActor]
    cameo: str
    root: str
    plover: str | None
    mode: str | None
    context: list[str]
    quad_class: int
    goldstein: float
    modality: str  # asserted | negated | future | hypothetical | reported
    trigger: str
    trigger_start: int
    trigger_end: int
    evidence_start: int
    evidence_end: int
    date: dt.date | None = None
    date_is_publication: bool = True
    background: bool = False
    location: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Story(Record):
    """Articles that report the same story."""

    id: str
    article_ids: list[str]
    first_seen: dt.datetime | dt.date | None
    outlets: list[str]


@dataclass(slots=True)
class Analysis(Record):
    """Everything the per-document pipeline found in one article.

    ``to_dict`` is the stable JSON contract of ``lagebild analyze --format json``:
    exactly the keys ``article``, ``sentences``, ``mentions``, ``quotes`` and
    ``events``; the document tone travels inside ``article`` as ``tone`` and each
    sentence's tone inside its sentence item.
    """

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tone: float | None = None
    sentence_tones: list[SentenceTone] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        tones = {t.index: t.tone for t in self.sentence_tones}
        return {
            "article": {**self.article.to_dict(), "tone": self.tone},
            "sentences": [{**s.to_dict(), "tone": tones.get(s.index)} for s in self.sentences],
            "mentions": _plain(self.mentions),
            "quotes": _plain(self.quotes),
            "events": _plain(self.events),
        }
