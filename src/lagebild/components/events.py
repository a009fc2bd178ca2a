"""Event coding: who did what to whom, per clause, as CAMEO/PLOVER events.

For each sentence that holds an actor mention, the coder splits the sentence
into clauses (``clauses.py``), finds triggers from the language's event lexicon
(``event_triggers.py`` over ``event_lexicon.py``: verbs with separable particles,
predicative adjectives, nominal events, light-verb constructions), chooses the
lexicon row whose conditions hold, assigns source and target actors from the
clause structure (``event_roles.py``, with the clause subject from
``event_subjects.py``), and sets modality (``event_modality.py``), date,
location and confidence. Precision comes first: no event is coded without a
political actor on one side (``event_actors.py``), and opinion without an actor
is never an event. This module holds the coder that ties those rules together,
the rules between the candidates of one sentence, and the spaCy stage.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.components import register_extensions
from lagebild.components.clauses import Clause, ClauseAnalyzer
from lagebild.components.dates import DateMention, find_dates
from lagebild.components.event_actors import (
    actor_key,
    actor_keys,
    dateline,
    event_actor,
    political,
    without_bodies_of_persons,
)
from lagebild.components.event_lexicon import Cues, load_lexicon, theme_matches
from lagebild.components.event_modality import ModalityRules
from lagebild.components.event_records import Coded, SentenceContext, Trigger
from lagebild.components.event_roles import RoleFinder
from lagebild.components.event_subjects import SubjectFinder, pronoun_subject
from lagebild.components.event_tokens import (
    TokenTable,
    doc_sentences,
    mention_tokens,
    sentence_tokens,
    token_table,
)
from lagebild.components.event_triggers import TriggerFinder
from lagebild.model import Event, Mention, Sentence
from lagebild.ontology import cameo_info

#: Starting confidence of a coded event and what moves it; an event needs
#: MIN_CONFIDENCE to be kept (ambiguous cue + no target + guessed source falls below).
BASE_CONFIDENCE = 0.7
WEAK_CUE_PENALTY = 0.2  # lexicon marks the cue as ambiguous
BOTH_SIDES_BONUS = 0.15  # a source and a target were found
GUESSED_SOURCE_PENALTY = 0.15  # nominal event whose source is the clause subject
MIN_CONFIDENCE = 0.4
_STATEMENT_ROOT = "01"


class EventCoder:
    """Codes the events of one language; built once, used for every document."""

    def __init__(self, language: str = "de") -> None:
        self.language = language
        self.lexicon = load_lexicon(language)
        self.cues = self.lexicon.cues
        self.analyzer = ClauseAnalyzer(self.lexicon)
        self.triggers = TriggerFinder(self.lexicon, self.analyzer)
        self.subjects = SubjectFinder(self.cues, self.analyzer)
        self.modality = ModalityRules(self.cues, self.analyzer)
        self.roles = RoleFinder(
            self.cues, self.analyzer, subjects=self.subjects, modality=self.modality
        )

    # --- documents ----------------------------------------------------------------------
    def code_doc(self, doc: Doc) -> list[Event]:
        """All events of ``doc`` from its sentences and actor mentions."""
        mentions = political(doc._.mentions or [])
        if not mentions:
            return []
        published = doc._.published
        article_id = doc._.article_id or ""
        events: list[Event] = []
        table: TokenTable | None = None  # built on the first sentence with an actor
        by_start = sorted(mentions, key=lambda m: m.start)
        cursor = 0
        for sentence in doc_sentences(doc):
            while cursor < len(by_start) and by_start[cursor].end <= sentence.start:
                cursor += 1
            inside = []
            for mention in by_start[cursor:]:
                if mention.start >= sentence.end:
                    break
                inside.append(mention)
            inside = [m for m in inside if not dateline(m, sentence)]
            if not inside:
                continue  # no actor, no event: the fast path for most sentences
            table = table or token_table(doc)
            events.extend(
                self.code_sentence(
                    doc, sentence, inside, article_id=article_id, published=published, table=table
                )
            )
        return events

    def code_sentence(
        self,
        doc: Doc,
        sentence: Sentence,
        mentions: list[Mention],
        *,
        article_id: str,
        published: dt.date | None,
        table: TokenTable | None = None,
    ) -> list[Event]:
        """Events of one sentence with its actor mentions (offsets into ``doc.text``)."""
        toks = sentence_tokens(doc, sentence, table)
        if not toks:
            return []
        spans = mention_tokens(mentions, toks)
        if not spans:
            return []
        clauses = self.analyzer.split(toks)
        for clause in clauses:
            self.analyzer.groups(toks, spans, clause)
        ctx = SentenceContext(toks, clauses)
        generic = self.triggers.generic_clauses(ctx)
        triggers = [
            t
            for clause in clauses
            if clause.index not in generic
            for t in self.triggers.find(ctx, clause)
        ]
        triggers = self.triggers.drop_effects(ctx, triggers)
        if not triggers:
            return []
        # Sentence.text is the document's text between its offsets (doc.text would be rebuilt
        # from every token of the article on each access).
        text = sentence.text
        if len(text) != sentence.end - sentence.start:
            text = doc.text[sentence.start : sentence.end]
        window_end = text.lower()
        coded = []
        for trigger in triggers:
            start, end = _theme_window(ctx, trigger.clause)
            clause_text = text[start - sentence.start : end - sentence.start].lower()
            result = self._code(ctx, trigger, clause_text or window_end)
            if result is not None:
                coded.append(result)
        verbal = {
            c.trigger.clause.index
            for c in coded
            if c.trigger.pos != "N" and not c.say and (c.sources or c.targets)
        }
        # The clause's verb is the event; its nouns are what the event is about
        # ("lehnte Verhandlungen ab", "verurteilte den Angriff").
        coded = [c for c in coded if c.trigger.pos != "N" or c.trigger.clause.index not in verbal]
        coded = _suppress_nested(coded, ctx, self.cues)
        if not coded:
            return []
        dates = find_dates(sentence.text, published=published, language=self.language)
        reported = self.modality.reported_clauses(ctx, coded)
        coded = [c for c in coded if not self.modality.author_opinion(ctx, c, reported)]
        events = []
        seen: set[tuple] = set()
        for item in sorted(coded, key=lambda c: -c.confidence):
            if not (item.sources or item.targets) or item.confidence < MIN_CONFIDENCE:
                continue
            key = (item.row.code[:2], actor_keys(item.sources), actor_keys(item.targets))
            if key in seen:
                continue
            seen.add(key)
            events.append(
                self._event(
                    item, ctx, sentence, dates, reported, article_id=article_id, published=published
                )
            )
        return sorted(events, key=lambda e: e.trigger_start)

    # --- coding -------------------------------------------------------------------------
    def _code(self, ctx: SentenceContext, trigger: Trigger, window: str) -> Coded | None:
        """The first lexicon row of the trigger whose conditions hold, with sides and confidence."""
        clause = trigger.clause
        for row in trigger.rows:
            if not theme_matches(row, window):
                continue
            if "refl" in row.flags and not any(
                t.lower in self.cues.reflexives for t in ctx.toks[clause.start : clause.end]
            ):
                continue
            if "noacc" in row.flags and self.roles.noun_phrase_after(ctx, trigger, "nom"):
                continue  # "Rohan droht die Pleite": the noun phrase is the subject, no threat
            if trigger.pos == "N":
                sides = self.roles.nominal_roles(ctx, trigger, row)
            else:
                sides = self.roles.verbal_roles(ctx, trigger, row)
            if sides is None:
                continue
            sources, targets, guessed = sides
            src = without_bodies_of_persons([m for g in sources for m in g.mentions])
            own = {m.code for m in src if m.code} | {actor_key(m) for m in src}
            tgt = [
                m
                for g in targets
                for m in g.mentions
                if m not in src
                and m.code not in own
                # "Behörden in Moskau nahmen Nawalny fest": a person of the source's own state
                and (actor_key(m) not in own or m.kind == "PER")
            ]
            # Statements (010 said, 012 worried, 016 denied): without an addressee their
            # target is the first other actor of what was said.
            is_statement = row.code.startswith(_STATEMENT_ROOT)
            if "obj" in row.flags and not tgt:
                continue  # "warnte Harad vor …" threatens; "warnte vor einer Krise" does not
            if (
                "trans" in row.flags
                and not tgt
                and not self.roles.noun_phrase_after(ctx, trigger, "acc")
            ):
                continue  # "traf den Kronprinzen" meets; "hat zwölfmal getroffen" does not
            if not src and not tgt:
                if row.is_say:  # a speaker we cannot name still makes its clause reported
                    return Coded(trigger, row, [], [], 0.0, say=True)
                return None
            if not src and row.weak and trigger.pos != "N":
                return None  # an ambiguous verb without its author says too little ("spricht")
            if not src and is_statement:  # "wurde für ungültig erklärt": nobody speaks
                return Coded(trigger, row, [], [], 0.0, say=True) if row.is_say else None
            confidence = BASE_CONFIDENCE - (WEAK_CUE_PENALTY if row.weak else 0.0)
            confidence += BOTH_SIDES_BONUS if src and tgt else 0.0
            confidence -= GUESSED_SOURCE_PENALTY if guessed else 0.0
            used = {id(g) for g in sources + targets}
            return Coded(
                trigger,
                row,
                src,
                tgt,
                round(min(confidence, 1.0), 3),
                location=self.roles.location(clause, row, used),
                say=row.is_say,
                statement=is_statement,
            )
        return None

    def _event(
        self,
        item: Coded,
        ctx: SentenceContext,
        sentence: Sentence,
        dates: list[DateMention],
        reported: dict[int, str],
        *,
        article_id: str,
        published: dt.date | None,
    ) -> Event:
        """The record of a coded event: its date, trigger span, id, modality and sides."""
        trigger = item.trigger
        toks = ctx.toks
        tok = toks[trigger.tok]
        info = cameo_info(item.row.code)
        clause_start = toks[trigger.clause.start].start
        clause_end = toks[trigger.clause.end - 1].end
        date, background, from_text = published, False, False
        best = None
        for mention in dates:
            start = sentence.start + mention.start
            inside = clause_start <= start < clause_end
            distance = abs(start - tok.start)
            score = (0 if inside else 1, distance)
            if best is None or score < best[0]:
                best = (score, mention)
        if best is not None:
            date, background, from_text = best[1].date, best[1].is_background, True
        ends = [toks[i].end for i in trigger.extra] + [tok.end]
        starts = [toks[i].start for i in trigger.extra] + [tok.start]
        trigger_text = " … ".join(toks[i].text for i in sorted({trigger.tok, *trigger.extra}))
        digest = hashlib.sha1(
            f"{article_id}|{sentence.index}|{tok.start}|{info.code}".encode()
        ).hexdigest()[:16]
        context = list(info.context)
        return Event(
            id=digest,
            article_id=article_id,
            sentence=sentence.index,
            source=[event_actor(m) for m in item.sources],
            target=[event_actor(m) for m in item.targets],
            cameo=info.code,
            root=info.root,
            plover=info.plover,
            mode=info.mode,
            context=context,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            modality=self.modality.classify(ctx, item, reported),
            trigger=trigger_text,
            trigger_start=min(starts),
            trigger_end=max(ends),
            evidence_start=sentence.start,
            evidence_end=sentence.end,
            date=date,
            date_is_publication=not from_text,
            background=background,
            location=item.location,
            confidence=item.confidence,
        )


def _suppress_nested(coded: list[Coded], ctx: SentenceContext, cues: Cues) -> list[Coded]:
    """Drop events that only restate another: statements get their target, dependents go.

    * a trigger in an infinitive clause governed by a coded trigger ("vereinbarten,
      die Zusammenarbeit zu vertiefen") is the content of that event, not a second one;
    * a statement (verb of saying) without an addressee points at the first actor of
      what was said, in another clause;
    * speakers that are not actors leave no event.
    """
    governing = {c.trigger.clause.index for c in coded if not c.say and c.confidence > 0}
    kept = []
    for item in coded:
        clause = item.trigger.clause
        controller = ctx.controller(clause)
        if clause.kind == "inf" and controller is not None and controller.index in governing:
            continue
        if clause.kind == "inf" and not item.sources and item.trigger.pos != "N" and not item.say:
            continue  # an infinitive whose subject we could not find has no author
        kept.append(item)
    speakers = [c for c in kept if c.say and c.sources]
    for item in kept:
        if not item.sources and speakers and pronoun_subject(item.trigger.clause, ctx, cues):
            if actor_keys(speakers[0].sources) & actor_keys(item.targets):
                continue  # the speaker cannot act on itself
            item.sources = list(speakers[0].sources)  # "Putin sagte, er beabsichtige …"
            item.confidence = round(item.confidence + (BOTH_SIDES_BONUS if item.targets else 0), 3)
    result = []
    for item in kept:
        if item.say and not item.sources:
            result.append(item)  # keeps its clause's complement "reported"
            continue
        if item.statement and not item.targets:
            speaker = actor_keys(item.sources)
            for other in kept:
                # what was said stands in another clause: an event of the statement's own
                # clause is its occasion ("sagte … beim Gipfel der NATO")
                if other.statement or other.trigger.clause is item.trigger.clause:
                    continue
                candidates = [
                    m for m in other.sources + other.targets if actor_key(m) not in speaker
                ]
                if candidates:
                    item.targets = candidates[:1]
                    break
            else:
                for clause in ctx.clauses:
                    if clause.index == item.trigger.clause.index:
                        continue
                    for g in clause.groups:
                        mentions = [m for m in g.mentions if actor_key(m) not in speaker]
                        if mentions and not item.targets:
                            item.targets = mentions[:1]
        result.append(item)
    return [
        c for c in result if ((c.sources or c.targets) and c.confidence >= MIN_CONFIDENCE) or c.say
    ]


def _theme_window(ctx: SentenceContext, clause: Clause) -> tuple[int, int]:
    """Character span whose words may name what a trigger is about: its clause and the
    dependent clauses after it ("vereinbarten, die militärische Zusammenarbeit zu
    vertiefen"), but not the next main clause ("…, teilte die Luftwaffe mit")."""
    last = clause
    for later in ctx.clauses[clause.index + 1 :]:
        if later.kind == "main":
            break
        last = later
    return ctx.toks[clause.start].start, ctx.toks[last.end - 1].end


class EventsComponent:
    """spaCy stage that sets ``doc._.events``; errors in one document go to the error handler."""

    def __init__(self, coder_for: Callable[[str], EventCoder]) -> None:
        self._coder_for = coder_for
        self._error_handler: Callable[..., None] | None = None

    def __call__(self, doc: Doc) -> Doc:
        language = doc._.language or doc.lang_ or "de"
        doc._.events = self._coder_for(language if language in ("de", "en") else "de").code_doc(doc)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            try:
                yield self(doc)
            except Exception as exc:  # one bad document must not stop the stream
                if self._error_handler is None:
                    raise
                self._error_handler("lagebild_events", self, [doc], exc)
                doc._.events = []
                yield doc

    def set_error_handler(self, handler: Callable[..., None]) -> None:
        self._error_handler = handler


@functools.cache
def coder_for(language: str) -> EventCoder:
    """One ``EventCoder`` per language and process, built on first use.

    A module-level function (not a closure) so the component pickles by
    reference and each worker process builds its own coders.
    """
    return EventCoder(language)


@Language.factory("lagebild_events", requires=["doc._.mentions"], assigns=["doc._.events"])
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    """Build the events stage (lexicons load lazily, once per language)."""
    register_extensions()
    return EventsComponent(coder_for)
