"""Event coding: who did what to whom, per clause, as CAMEO/PLOVER events.

For each sentence that holds an actor mention, the coder splits the sentence
into clauses (``clauses.py``), finds triggers from the language's event lexicon
(``event_lexicon.py``: verbs with separable particles, predicative adjectives,
nominal events, light-verb constructions), chooses the lexicon row whose
conditions hold, assigns source and target actors from the clause structure,
and sets modality, date, location and confidence. Precision comes first: no
event is coded without a political actor on one side, and opinion without an
actor is never an event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.attrs import IDX, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.components import register_extensions
from lagebild.components.clauses import Clause, ClauseAnalyzer, Group, Tok
from lagebild.components.dates import DateMention, find_dates
from lagebild.components.event_lexicon import Cues, LexRow, load_lexicon, theme_matches
from lagebild.model import Event, EventActor, Mention, Sentence
from lagebild.ontology import cameo_info

logger = logging.getLogger(__name__)

#: Starting confidence of a coded event and what moves it; an event needs
#: MIN_CONFIDENCE to be kept (ambiguous cue + no target + guessed source falls below).
BASE_CONFIDENCE = 0.7
WEAK_CUE_PENALTY = 0.2  # lexicon marks the cue as ambiguous
BOTH_SIDES_BONUS = 0.15  # a source and a target were found
GUESSED_SOURCE_PENALTY = 0.15  # nominal event whose source is the clause subject
MIN_CONFIDENCE = 0.4
#: Tokens between a noun trigger and an actor phrase that still belongs to its noun phrase.
NOUN_PHRASE_REACH = 7
_STATEMENT_ROOT = "01"
_ACTOR_KINDS_FOR_LOCATION = frozenset({"GPE", "LOC"})
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÄÖÜ„\"])")
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[–—-]\s")  # "Kiew (APA) – "
#: Further places of a dateline after a slash: "Wien/Linz – ", "Berlin/Ankara – ".
_DATELINE_PLACE = r"[A-ZÄÖÜ][\w.'-]*(?: [A-ZÄÖÜ][\w.'-]*){0,2}"
_DATELINE_SLASH = re.compile(rf"\s*/\s*{_DATELINE_PLACE}")
_DATELINE_HEAD = re.compile(rf"(?:{_DATELINE_PLACE}\s*/\s*)+")
_NOMINATIVE_ONLY = frozenset({"nom"})  # "er", "wir": a pronoun that can only be a subject


@dataclass(slots=True)
class _Trigger:
    rows: list[LexRow]
    pos: str
    tok: int
    clause: Clause
    lemma: str
    extra: tuple[int, ...] = ()  # particle or light-verb token
    row: LexRow | None = None


@dataclass(slots=True)
class _Coded:
    trigger: _Trigger
    row: LexRow
    sources: list[Mention]
    targets: list[Mention]
    confidence: float
    location: str | None = None
    say: bool = False
    statement: bool = False


@dataclass(slots=True)
class _SentenceContext:
    toks: list[Tok]
    clauses: list[Clause]
    subjects: dict[int, list[Group]] = field(default_factory=dict)


class EventCoder:
    """Codes the events of one language; built once, used for every document."""

    def __init__(self, language: str = "de") -> None:
        self.language = language
        self.lexicon = load_lexicon(language)
        self.cues = self.lexicon.cues
        self.analyzer = ClauseAnalyzer(self.lexicon)

    # --- documents ----------------------------------------------------------------------
    def code_doc(self, doc: Doc) -> list[Event]:
        """All events of ``doc`` from its sentences and actor mentions."""
        mentions = _political(doc._.mentions or [])
        if not mentions:
            return []
        published = doc._.published
        article_id = doc._.article_id or ""
        events: list[Event] = []
        table: _TokenTable | None = None  # built on the first sentence with an actor
        by_start = sorted(mentions, key=lambda m: m.start)
        cursor = 0
        for sentence in _sentences(doc):
            while cursor < len(by_start) and by_start[cursor].end <= sentence.start:
                cursor += 1
            inside = []
            for mention in by_start[cursor:]:
                if mention.start >= sentence.end:
                    break
                inside.append(mention)
            inside = [m for m in inside if not _dateline(m, sentence)]
            if not inside:
                continue  # no actor, no event: the fast path for most sentences
            table = table or _token_table(doc)
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
        table: _TokenTable | None = None,
    ) -> list[Event]:
        """Events of one sentence with its actor mentions (offsets into ``doc.text``)."""
        toks = _sentence_tokens(doc, sentence, table)
        if not toks:
            return []
        spans = _mention_tokens(mentions, toks)
        if not spans:
            return []
        clauses = self.analyzer.split(toks)
        for clause in clauses:
            self.analyzer.groups(toks, spans, clause)
        ctx = _SentenceContext(toks, clauses)
        generic = self._generic_clauses(ctx)
        triggers = [
            t
            for clause in clauses
            if clause.index not in generic
            for t in self._triggers(ctx, clause)
        ]
        triggers = self._drop_effects(ctx, triggers)
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
        reported = self._reported_clauses(ctx, coded)
        coded = [c for c in coded if not self._author_opinion(ctx, c, reported)]
        events = []
        seen: set[tuple] = set()
        for item in sorted(coded, key=lambda c: -c.confidence):
            if not (item.sources or item.targets) or item.confidence < MIN_CONFIDENCE:
                continue
            key = (item.row.code[:2], _keys(item.sources), _keys(item.targets))
            if key in seen:
                continue
            seen.add(key)
            events.append(
                self._event(
                    item, ctx, sentence, dates, reported, article_id=article_id, published=published
                )
            )
        return sorted(events, key=lambda e: e.trigger_start)

    # --- triggers -----------------------------------------------------------------------
    def _triggers(self, ctx: _SentenceContext, clause: Clause) -> list[_Trigger]:
        lex, cues, toks = self.lexicon, self.cues, ctx.toks
        particle = self._final_particle(clause, toks)
        verb_lemmas: dict[str, int] = {}
        found: list[_Trigger] = []
        for tok in toks[clause.start : clause.end]:
            if not tok.is_word or tok.lower in cues.preps or tok.lower in cues.cases:
                continue
            if tok.is_title and tok.i > 0:
                continue
            # "in den besetzten Gebieten", "die geforderten Dokumente": a participle before
            # its noun describes the noun; it may still be the verb of a light construction
            attributive = self.analyzer.is_attributive(toks, tok)
            for lemma, extra in self._verb_lemmas(tok, clause, particle):
                verb_lemmas.setdefault(lemma, tok.i)
                rows = lex.verbs.get(lemma) or lex.adjectives.get(lemma)
                if rows and not attributive:
                    pos = "V" if lemma in lex.verbs else "A"
                    found.append(_Trigger(list(rows), pos, tok.i, clause, lemma, extra))
                    break
        for tok in toks[clause.start : clause.end]:
            if tok.is_word and tok.is_title:  # "zum Ausdruck bringen": a noun can be the light part
                for lemma in lex.lemmas(tok.text):
                    verb_lemmas.setdefault(lemma.lower(), tok.i)
        for tok in toks[clause.start : clause.end]:
            if not (tok.is_word and tok.is_title):
                continue
            head = tok.text.rsplit("-", 1)[-1]
            if not head:
                continue
            entry = None
            for lemma in lex.lemmas(head):
                entry = lex.noun_entry(lemma)
                if entry:
                    break
            if entry is None:
                continue
            light = [r for r in lex.light.get(entry, []) if r.light_verb.lower() in verb_lemmas]
            if light:
                verb_tok = verb_lemmas[light[0].light_verb.lower()]
                found = [t for t in found if t.tok != verb_tok]  # the construction wins
                found.append(_Trigger(light, "L", tok.i, clause, entry, (verb_tok,)))
            elif entry in lex.nouns and not self._standing(ctx, clause, tok):
                found.append(_Trigger(list(lex.nouns[entry]), "N", tok.i, clause, entry))
        return found

    def _standing(self, ctx: _SentenceContext, clause: Clause, noun: Tok) -> bool:
        """An event noun that names a standing state, not news: "die bestehenden Sanktionen",
        "das frühere Abkommen", or "hat ein Abkommen mit Rohan" (a verb of possession with
        no other verb in the clause)."""
        cues = self.cues
        for tok in reversed(ctx.toks[max(clause.start, noun.i - 2) : noun.i]):
            if not tok.is_word or tok.is_title:
                break
            if tok.lower.startswith(cues.standing):
                return True
        if clause.finite is None or ctx.toks[clause.finite].lower not in cues.state_verbs:
            return False
        return not any(
            self.analyzer.is_verbish(t) or self.analyzer.is_infinitive(t)
            for t in ctx.toks[clause.start : clause.end]
            if t.i != clause.finite
        )

    def _generic_clauses(self, ctx: _SentenceContext) -> set[int]:
        """ "Wer glaubt, Mordor werde Gondor angreifen, irrt sich": a clause opened by a generic
        relative ("wer") and what depends on it, up to the clause of its verb, speak of anyone
        who would think or do so; nothing in them happened."""
        generic: set[int] = set()
        inside = False
        for clause in ctx.clauses:
            words = [t for t in ctx.toks[clause.start : clause.end] if t.is_word]
            if not words:
                continue
            if words[0].lower in self.cues.generic:
                inside = True
            elif inside and self.analyzer.is_verbish(words[0]):
                inside = False  # "…, irrt sich": the verb the generic clause is the subject of
            if inside:
                generic.add(clause.index)
        return generic

    def _drop_effects(self, ctx: _SentenceContext, triggers: list[_Trigger]) -> list[_Trigger]:
        """Keep only the nominal event where an event noun with its actor is the subject.

        "Der Luftangriff Mordors auf Rohan forderte zwölf Todesopfer", "Die Sanktionen
        der EU trafen die Industrie", "Der Besuch von Orbán sorgte für Kritik": the noun
        phrase before the finite verb is the event; the verb and what follows it tell
        its effect, and the actor inside the noun phrase is not the verb's subject.
        """
        effect_clauses: set[int] = set()
        for trigger in triggers:
            clause = trigger.clause
            if trigger.pos != "N" or clause.kind != "main" or clause.finite is None:
                continue
            if trigger.tok >= clause.finite or not self._opens_noun_phrase(ctx, trigger):
                continue
            if any(
                (trigger.tok < g.first and g.last < clause.finite)
                or g.first <= trigger.tok <= g.last
                for g in clause.groups
            ):
                effect_clauses.add(clause.index)
        if not effect_clauses:
            return triggers
        return [
            t
            for t in triggers
            if t.clause.index not in effect_clauses
            or (t.pos == "N" and t.tok < (t.clause.finite or 0))
        ]

    def _opens_noun_phrase(self, ctx: _SentenceContext, trigger: _Trigger) -> bool:
        """Whether only determiners and adjectives stand between the clause start and the noun."""
        for tok in ctx.toks[trigger.clause.start : trigger.tok]:
            if not tok.is_word:
                continue
            if tok.lower in self.cues.cases:
                continue
            if tok.is_title and tok.i > trigger.clause.start:
                return False
            if self.analyzer.is_verbish(tok) or tok.lower in self.cues.preps:
                return False
        return True

    def _verb_lemmas(
        self, tok: Tok, clause: Clause, particle: Tok | None
    ) -> Iterator[tuple[str, tuple[int, ...]]]:
        """Lexicon keys a token may stand for: with its particle first, then alone."""
        lex = self.lexicon
        lemmas = [lemma.lower() for lemma in lex.lemmas(tok.text)]
        if particle is not None and tok.i == clause.finite:
            for lemma in lemmas:
                yield particle.lower + lemma, (particle.i,)
            return  # "sprach … aus" is not "sprechen"
        if self.analyzer.is_zu_infinitive(tok):
            for p in self.cues.particles:
                if tok.lower.startswith(p + "zu"):
                    for lemma in lex.lemmas(tok.text[len(p) + 2 :]):
                        yield p + lemma.lower(), ()
        for lemma in lemmas:
            yield lemma, ()

    def _final_particle(self, clause: Clause, toks: list[Tok]) -> Tok | None:
        if clause.finite is None:
            return None
        for tok in reversed(toks[clause.start : clause.end]):
            if tok.is_word:
                return tok if tok.lower in self.cues.particles and tok.i > clause.finite else None
        return None

    # --- coding -------------------------------------------------------------------------
    def _code(self, ctx: _SentenceContext, trigger: _Trigger, window: str) -> _Coded | None:
        clause = trigger.clause
        for row in trigger.rows:
            if not theme_matches(row, window):
                continue
            if "refl" in row.flags and not any(
                t.lower in self.cues.reflexives for t in ctx.toks[clause.start : clause.end]
            ):
                continue
            if "noacc" in row.flags and self._noun_phrase_after(ctx, trigger, "nom"):
                continue  # "Rohan droht die Pleite": the noun phrase is the subject, no threat
            if trigger.pos == "N":
                sides = self._nominal_roles(ctx, trigger, row)
            else:
                sides = self._verbal_roles(ctx, trigger, row)
            if sides is None:
                continue
            sources, targets, guessed = sides
            src = [m for g in sources for m in g.mentions]
            own = {m.code for m in src if m.code} | {_key(m) for m in src}
            tgt = [
                m
                for g in targets
                for m in g.mentions
                if m not in src
                and m.code not in own
                # "Behörden in Moskau nahmen Nawalny fest": a person of the source's own state
                and (_key(m) not in own or m.kind == "PER")
            ]
            # Statements (010 said, 012 worried, 016 denied): without an addressee their
            # target is the first other actor of what was said.
            is_statement = row.code.startswith(_STATEMENT_ROOT)
            if "obj" in row.flags and not tgt:
                continue  # "warnte Harad vor …" threatens; "warnte vor einer Krise" does not
            if (
                "trans" in row.flags
                and not tgt
                and not self._noun_phrase_after(ctx, trigger, "acc")
            ):
                continue  # "traf den Kronprinzen" meets; "hat zwölfmal getroffen" does not
            if not src and not tgt:
                if row.is_say:  # a speaker we cannot name still makes its clause reported
                    return _Coded(trigger, row, [], [], 0.0, say=True)
                return None
            if not src and row.weak and trigger.pos != "N":
                return None  # an ambiguous verb without its author says too little ("spricht")
            if not src and is_statement:  # "wurde für ungültig erklärt": nobody speaks
                return _Coded(trigger, row, [], [], 0.0, say=True) if row.is_say else None
            confidence = BASE_CONFIDENCE - (WEAK_CUE_PENALTY if row.weak else 0.0)
            confidence += BOTH_SIDES_BONUS if src and tgt else 0.0
            confidence -= GUESSED_SOURCE_PENALTY if guessed else 0.0
            trigger.row = row
            used = {id(g) for g in sources + targets}
            return _Coded(
                trigger,
                row,
                src,
                tgt,
                round(min(confidence, 1.0), 3),
                location=self._location(clause, row, used),
                say=row.is_say,
                statement=is_statement,
            )
        return None

    def _noun_phrase_after(self, ctx: _SentenceContext, trigger: _Trigger, case: str) -> bool:
        """A noun phrase that names no actor, after the verb (anywhere in a verb-final
        clause) and outside a prepositional phrase, opened by an article of ``case``:
        "nom" — one that can only be nominative or accusative ("die", "eine"): a verb that
        takes no accusative object ("drohen") has it as its subject, "Bosnien droht die
        Staatspleite"; "acc" — one that cannot be nominative ("den", "einen", "ihren"):
        the verb has an object, "traf … den Kronprinzen"."""
        clause, toks, cues = trigger.clause, ctx.toks, self.cues
        taken = {i for g in clause.groups for i in range(g.first, g.last + 1)}
        first = trigger.tok + 1 if clause.kind == "main" else clause.start
        for tok in toks[first : clause.end]:
            cases = cues.cases.get(tok.lower)
            if not cases or case not in cases:
                continue
            if case == "nom" and ("dat" in cases or "gen" in cases):
                continue
            if case == "acc" and "nom" in cases:
                continue
            if tok.lower in cues.pronouns or tok.i in taken:
                continue
            before = toks[tok.i - 1]
            if before.lower in cues.preps:
                continue  # "mit … auf die Städte"
            for nxt in toks[tok.i + 1 : min(tok.i + 4, clause.end)]:
                if nxt.is_title and nxt.is_word:
                    if nxt.i not in taken:
                        return True
                    break
                if not nxt.is_word or nxt.lower in cues.cases:
                    break
        return False

    def _verbal_roles(
        self, ctx: _SentenceContext, trigger: _Trigger, row: LexRow
    ) -> tuple[list[Group], list[Group], bool] | None:
        clause = trigger.clause
        groups = clause.groups
        pp_targets = [g for g in groups if _in_frame(g, row, strict=row.prep_required)]
        if not pp_targets and row.target_preps:
            for later in ctx.clauses[clause.index + 1 :]:
                if later.kind not in ("inf", "sub"):
                    break
                pp_targets = [g for g in later.groups if _in_frame(g, row)]
                if pp_targets:
                    break
        if row.prep_required and not pp_targets:
            return None
        free = [g for g in groups if g.prep is None]
        if self._passive(ctx, trigger):
            agents = [
                g
                for g in groups
                if g.prep not in row.target_preps
                and (
                    g.prep in self.cues.agent_preps
                    # "von Truppen aus Mordor": the agent noun names where it comes from
                    or (g.outer_prep in self.cues.agent_preps and g.prep in self.cues.origin_preps)
                )
            ]
            if not agents and "venue" in row.flags:
                # "wurde ins Außenministerium in Edoras einbestellt": who summons is where
                agents = [g for g in groups if g.prep in self.cues.location_preps][:1]
            patients = [g for g in free if g not in agents and not g.attached]
            if not patients and "venue" in row.flags:  # "der Gesandte Harads wurde einbestellt"
                patients = [g for g in free if g not in agents]
            # "Dörfer in Rohan wurden … beschossen": the place of the subject noun
            placed = self._placed_subject(ctx, clause)
            placed_list = [placed] if placed is not None and placed not in agents else []
            return agents, pp_targets[:1] or patients[:1] or placed_list, False
        subject = self._subject(ctx, clause)
        if "suffer" in row.flags:
            # "stieß auf Kritik", "sorgte für Kritik": the subject is criticised; a "von"
            # phrase names who criticises
            agents = [g for g in groups if g.prep in self.cues.agent_preps]
            return agents, subject, False
        own = {_key(m) for g in subject for m in g.mentions}
        # "kritisierte der Sprecher des Außenministeriums Mordors die Regierung Rohans": an
        # attribute of the subject's own state is not the object
        objects = [
            g
            for g in free
            if g not in subject
            and any(_key(m) not in own or m.kind == "PER" for m in g.mentions)
            # "Gondors Stürmer hat getroffen": the owner of the subject noun is no object
            and not (g.in_prefield and self._possessor(ctx, clause, g))
        ]
        on_object = [
            g
            for g in groups
            if g.on_noun
            and g.prep not in self.cues.agent_preps
            and g.prep not in self.cues.topic_preps
            and g not in subject
            and g.first > (clause.finite or -1)
            and not self._place_phrase(ctx, g, subject)
        ]
        targets = pp_targets[:1] or objects[:1] or on_object[:1]
        return subject, targets, False

    def _nominal_roles(
        self, ctx: _SentenceContext, trigger: _Trigger, row: LexRow
    ) -> tuple[list[Group], list[Group], bool] | None:
        clause, k, toks = trigger.clause, trigger.tok, ctx.toks
        sources: list[Group] = []
        targets: list[Group] = []
        for g in clause.groups:
            if g.first <= k <= g.last:
                sources.append(g)  # "Putin-Xi-Gespräch"
            elif g.last < k and self._prenominal(toks, g.last, k):
                sources.append(g)
            elif (
                g.first > k
                and g.first - k <= NOUN_PHRASE_REACH
                and not any(self.analyzer.is_verbish(t) for t in toks[k + 1 : g.first])
            ):
                if g.prep == "zwischen":
                    sources.append(g)
                elif g.prep in self.cues.agent_preps and not sources and g.first == k + 2:
                    sources.append(g)  # "der Besuch von Orbán in Moskau"
                elif g.of_noun == k and not sources:
                    sources.append(g)  # "nach dem Besuch von Außenministerin Baerbock"
                elif g.prep in row.target_preps:
                    targets.append(g)
                elif g.prep is None and g.attached and not targets:
                    sources.append(g)
        guessed = False
        force = cameo_info(row.code).quad_class == 4
        if not sources and self._pp_of(ctx, k) in self.cues.patient_preps:
            # "Die Regierung steht unter Kritik", "geriet unter Beschuss": the subject suffers it
            subject = self._subject(ctx, clause)
            if not subject or not force:
                return None
            return [], subject, False
        if not sources and "nosubj" not in row.flags and not (force and self._in_pp(ctx, k)):
            after_verb = clause.finite is not None and k > clause.finite
            if after_verb or clause.kind != "main":
                subject = self._subject(ctx, clause)
                if subject and all(g not in targets for g in subject):
                    sources, guessed = subject, True
        if not sources and (not targets or not force):
            return None  # only force ("Angriffe auf Kiew") is worth coding without its author
        return sources, targets[:1], guessed

    def _place_phrase(self, ctx: _SentenceContext, group: Group, subject: list[Group]) -> bool:
        """ "sagte ein Sprecher am Montag in Minas Tirith", "sagte Österreichs Delegierter in
        London": a place after a time word or on the subject's noun says where it happened;
        on an object ("Dörfer in Rohan", "der Anschlag in Polen") it is what the event is about."""
        if group.prep not in self.cues.place_preps or group.prep_at is None or group.prep_at < 1:
            return False
        if not all(m.kind in _ACTOR_KINDS_FOR_LOCATION for m in group.mentions):
            return False
        noun = ctx.toks[group.prep_at - 1]
        if self.analyzer.is_time_word(noun):
            return True
        return noun.is_title and any(g.last + 1 == noun.i for g in subject)

    def _in_pp(self, ctx: _SentenceContext, noun: int) -> bool:
        """Whether a noun stands in a prepositional phrase ("nach vier Anschlägen")."""
        return self._pp_of(ctx, noun) is not None

    def _pp_of(self, ctx: _SentenceContext, noun: int) -> str | None:
        """The preposition of the phrase a noun stands in ("unter heftige Kritik"), if any."""
        for tok in reversed(ctx.toks[max(noun - 4, 0) : noun]):
            if tok.lower in self.cues.preps:
                return tok.lower
            if not tok.is_word or tok.is_title or self.analyzer.is_verbish(tok):
                return None
        return None

    def _prenominal(self, toks: list[Tok], last: int, noun: int) -> bool:
        """An actor right before the noun, maybe with adjectives between ("russischen Angriffe")."""
        between = toks[last + 1 : noun]
        return (
            all(
                t.is_word
                and not t.is_title
                and not self.analyzer.is_verbish(t)
                and t.lower not in self.cues.preps
                and t.lower not in self.cues.cases  # "Mordor die Waffenruhe": a new phrase
                for t in between
            )
            and len(between) <= 2
        )

    def _subject(self, ctx: _SentenceContext, clause: Clause) -> list[Group]:
        if clause.index in ctx.subjects:
            return ctx.subjects[clause.index]
        subject = self._find_subject(ctx, clause)
        ctx.subjects[clause.index] = subject
        return subject

    def _find_subject(self, ctx: _SentenceContext, clause: Clause) -> list[Group]:
        free = [g for g in clause.groups if g.prep is None]
        previous = self._controller(ctx, clause)
        if clause.kind == "inf":
            return self._subject(ctx, previous) if previous else []
        if clause.kind == "rel" and "nom" in clause.relative_cases:
            antecedent = previous.groups[-1] if previous is not None and previous.groups else None
            if antecedent is not None and antecedent.last >= clause.start - 2:
                if antecedent.prep is None or not any(_nom(g) for g in free):
                    return [antecedent]
            elif self._adjacent_noun(ctx, clause):
                # "die Partei, die Sisis Machtübernahme unterstützt hatte": the relative pronoun
                # stands for a noun that names no actor, and it may well be the subject
                return []
        if clause.finite is not None:
            inverted = self._inverted_subject(ctx, clause)
            if inverted is not None:
                return inverted
            prefield = [
                g
                for g in free
                if g.last < clause.finite and _nom(g) and not self._hearsay_source(ctx, g)
            ]
            owners = [g for g in prefield if self._possessor(ctx, clause, g)]
            if owners and len(owners) == len(prefield):
                return []  # "Brasiliens Teamkicker betonte": the noun after the state speaks
            if prefield:
                return [g for g in prefield if g not in owners]
            if any(
                self.cues.cases.get(t.lower) == _NOMINATIVE_ONLY
                for t in ctx.toks[clause.start : clause.finite]
            ) or self._pronoun_after_verb(ctx, clause):
                return []  # "Wir werden …", "Es warf X vor", "kritisierte er": a pronoun subject
            if clause.finite == clause.start and previous is not None and previous.kind == "rel":
                # "Die Türkei, die …, stimmte … zu": the antecedent before the relative clause
                for earlier in reversed(ctx.clauses[: previous.index]):
                    if earlier.kind != "rel":
                        return [g for g in earlier.groups if g.prep is None and _nom(g)][:1]
                return previous.groups[:1]
            placed = self._placed_subject(ctx, clause)
            if placed is not None:
                return [placed]
            if self._unknown_after_verb(ctx, clause):
                return []  # "sagte die Helferin Anna Kramer der dpa": dpa is the addressee
            if self._unknown_subject(ctx, clause):
                return []  # "Die Staatsanwaltschaft ermittelt gegen X": X is not the subject
        free = [g for g in free if not self._hearsay_source(ctx, g)]
        rest = [g for g in free if _nom(g) and not g.attached] or [g for g in free if _nom(g)]
        if rest:
            return rest[:1]
        if clause.starts_with_conj and previous is not None:
            return self._subject(ctx, previous)
        return []

    def _inverted_subject(self, ctx: _SentenceContext, clause: Clause) -> list[Group] | None:
        """Object first, subject after the verb: "Seine Heimat Rohan besuchte der Präsident",
        "Das Abkommen unterzeichnete der Kanzler". A prefield that may be accusative
        ("die", "das", "seine") and "der" + a masculine noun right after the finite verb: that
        noun phrase is the subject (``[]`` when it names no actor). A noun with a feminine
        ending ("der Regierung", "der Ukraine") after "der" is a dative object instead."""
        assert clause.finite is not None
        toks, cues = ctx.toks, self.cues
        words = [t for t in toks[clause.start : clause.finite] if t.is_word]
        if clause.starts_with_conj:
            words = words[1:]
        if not words or "acc" not in cues.cases.get(words[0].lower, frozenset()):
            return None
        if words[0].lower in cues.pronouns:
            return None
        after = [t for t in toks[clause.finite + 1 : clause.end] if t.is_word][:4]
        if not after or after[0].lower not in cues.nominative_articles:
            return None
        noun = next((t for t in after[1:] if t.is_title), None)
        if noun is None or any(self.analyzer.is_verbish(t) for t in after[1:] if t.i < noun.i):
            return None
        run = [noun]
        while run[-1].i + 1 < clause.end and toks[run[-1].i + 1].is_title:
            run.append(toks[run[-1].i + 1])  # "der Deutschen Presse-Agentur", "der Präsident X"
        if any(t.lower.endswith(cues.feminine_endings) for t in run if t.is_word):
            return None
        # only an actor after the verb is trusted as subject ("sagte der Welt" is a dative)
        group = [
            g
            for g in clause.groups
            if g.prep is None and g.first <= run[-1].i and g.last >= run[0].i
        ][:1]
        return group or None

    def _unknown_after_verb(self, ctx: _SentenceContext, clause: Clause) -> bool:
        """The subject stands right after the finite verb and names no actor: "sagte die
        Helferin Anna Kramer der dpa", "Das sagte der Sprecher der Gruppe … der
        Deutschen Presse-Agentur", "fordert Huber mehr Engagement von Gondor". In the
        midfield the subject comes first; a later actor is an object (the addressee).

        A noun phrase opened by an article that may be nominative ("der" only before a
        noun without a feminine ending), or a bare capitalised name, after at most a few
        adverbs or a time phrase; it is no actor when none of its words belongs to an actor
        and no actor follows it as its attribute ("Truppen Mordors", "der Sprecher des
        Kremls", "Soldaten aus Mordor")."""
        assert clause.finite is not None
        toks, cues = ctx.toks, self.cues
        prefield = [t for t in toks[clause.start : clause.finite] if t.is_word]
        if clause.starts_with_conj:
            prefield = prefield[1:]
        if (
            len(prefield) >= 2
            and prefield[0].lower in cues.cases
            and any(t.is_title for t in prefield[1:])
        ):
            return False  # "Die Regierung in Khartum verübte ein Massaker": the prefield
        taken = {i for g in clause.groups for i in range(g.first, g.last + 1)}
        starts = {g.first for g in clause.groups}
        i, end = clause.finite + 1, clause.end
        while i < end:  # adverbs and a time phrase ("auch", "am Montag")
            tok = toks[i]
            if (
                tok.lower in cues.preps
                and i + 1 < end
                and self.analyzer.is_time_word(toks[i + 1])
                and i + 1 not in taken
            ):
                i += 2
            elif (
                tok.is_word
                and not tok.is_title
                and tok.lower not in cues.cases
                and tok.lower not in cues.preps
                and tok.lower not in cues.pronouns
                and not tok.text.isdigit()
                and not self.analyzer.is_verbish(tok)
            ):
                i += 1
            else:
                break
        owner = next((g for g in clause.groups if g.first == i), None)
        if owner is not None and self._possessor(ctx, clause, owner):
            i = owner.last + 1  # "sagte Gondors Nationaltrainer": the state owns the noun
        if i >= end or i in taken:
            return False
        article = toks[i]
        cases = cues.cases.get(article.lower)
        if cases is not None:
            if "nom" not in cases or article.lower in cues.pronouns:
                return False
            i += 1
            while i < end and toks[i].is_word and not toks[i].is_title and i - article.i <= 3:
                if toks[i].lower in cues.cases or self.analyzer.is_verbish(toks[i]):
                    return False
                i += 1  # adjectives
        elif not (article.is_word and article.is_title) or self.analyzer.is_time_word(article):
            return False
        if i >= end or not (toks[i].is_word and toks[i].is_title) or i in taken:
            return False
        run = [toks[i]]
        while run[-1].i + 1 < end and toks[run[-1].i + 1].is_title and run[-1].i + 1 not in taken:
            run.append(toks[run[-1].i + 1])
        if cases is not None and "dat" in cases and run[0].lower.endswith(cues.feminine_endings):
            return False  # "sagte der Regierung": a dative object
        after = run[-1].i + 1
        if after in starts:
            return False  # "Truppen Mordors", "der Präsident X"
        # "der Sprecher des Kremls", "Soldaten aus Mordor": an attribute that may be an actor
        attribute = (
            len(run) == 1
            and after < end
            and (
                toks[after].lower in cues.cases
                or toks[after].lower in cues.agent_preps
                or toks[after].lower in cues.origin_preps
            )
        )
        return not (attribute and any(j in starts for j in range(after + 1, min(after + 4, end))))

    def _possessor(self, ctx: _SentenceContext, clause: Clause, group: Group) -> bool:
        """A state in the genitive before a noun that names no actor ("Brasiliens
        Teamkicker", "Gondors Nationaltrainer"): it owns that noun; the noun is the head."""
        if len(group.mentions) != 1 or group.mentions[0].kind not in _ACTOR_KINDS_FOR_LOCATION:
            return False
        if not group.mentions[0].text.endswith("s") or group.last + 1 >= clause.end:
            return False
        noun = ctx.toks[group.last + 1]
        return (
            noun.is_word
            and noun.is_title
            and not any(g.first <= noun.i <= g.last for g in clause.groups)
            and not self.analyzer.is_verbish(noun)
            and not self.analyzer.is_time_word(noun)
        )

    def _pronoun_after_verb(self, ctx: _SentenceContext, clause: Clause) -> bool:
        """A personal pronoun alone before the finite verb ("Es warf der Regierung … vor") or
        right after it ("Erneut kritisierte er …") is the subject: no later actor is."""
        assert clause.finite is not None
        words = [t for t in ctx.toks[clause.start : clause.finite] if t.is_word]
        if clause.starts_with_conj:
            words = words[1:]
        pronouns = self.cues.pronouns
        if len(words) == 1 and words[0].lower in pronouns:
            return True
        after = ctx.toks[clause.finite + 1] if clause.finite + 1 < clause.end else None
        return after is not None and after.lower in pronouns

    def _adjacent_noun(self, ctx: _SentenceContext, clause: Clause) -> bool:
        """Whether a noun that is no actor stands right before the relative clause."""
        before = [t for t in ctx.toks[max(clause.start - 3, 0) : clause.start] if t.is_word]
        return bool(before) and before[-1].is_title

    def _placed_subject(self, ctx: _SentenceContext, clause: Clause) -> Group | None:
        """ "Ein Gericht in Moskau verurteilte …", "Die Regierung in Khartum verübte …": a
        prefield that is one noun placed in an actor's territory acts for that actor."""
        finite = clause.finite
        if finite is None:
            return None
        for g in clause.groups:
            if not (g.on_noun and g.prep in self.cues.location_preps and g.last == finite - 1):
                continue
            words = [t for t in ctx.toks[clause.start : g.first] if t.is_word]
            if (
                len(words) in (2, 3)
                and words[-1].lower == g.prep
                and words[-2].is_title
                and (
                    len(words) == 2
                    or words[0].lower in self.cues.cases
                    or (words[0].i == clause.start and words[0].lower not in self.cues.preps)
                )
            ):
                return g
        return None

    def _hearsay_source(self, ctx: _SentenceContext, group: Group) -> bool:
        """ "Der Agentur Anadolu zufolge …": the actor of a hearsay phrase reports; it does
        not act."""
        following = [t for t in ctx.toks[group.last + 1 : group.last + 3] if t.is_word]
        return bool(following) and self.cues.modality_words.get(following[0].lower) == "reported"

    def _unknown_subject(self, ctx: _SentenceContext, clause: Clause) -> bool:
        """The prefield is a noun phrase that names no actor (a subject we cannot code)."""
        words = [t for t in ctx.toks[clause.start : clause.finite] if t.is_word]
        if not words or words[0].lower in self.cues.preps:
            return False
        if any(self.cues.modality_words.get(t.lower) == "reported" for t in words):
            return False  # "Der Mitteilung zufolge versicherte X": an adverbial, not the subject
        cases = self.cues.cases.get(words[0].lower)
        taken = {i for g in clause.groups for i in range(g.first, g.last + 1)}
        return bool(cases and "nom" in cases) and any(
            t.is_title and t.i not in taken for t in words[1:]
        )

    def _controller(self, ctx: _SentenceContext, clause: Clause) -> Clause | None:
        for earlier in reversed(ctx.clauses[: clause.index]):
            if earlier.kind != "inf":
                return earlier
        return None

    def _passive(self, ctx: _SentenceContext, trigger: _Trigger) -> bool:
        clause = trigger.clause
        words = [t.lower for t in ctx.toks[clause.start : clause.end]]
        kinds = {self.cues.aux.get(w) for w in words}
        if trigger.pos == "L" and trigger.extra:  # "Sanktionen wurden … verhängt": the verb
            tok = ctx.toks[trigger.extra[0]]
        elif trigger.pos == "V":
            tok = ctx.toks[trigger.tok]
        else:
            return False
        if "passive" in kinds:  # "wurde"/"worden" never combine with an infinitive
            return True
        if "future" in kinds and tok.lower != trigger.lemma:
            if any(g.prep in self.cues.agent_preps for g in clause.groups):
                return True
            # "Gegen X wird ermittelt": a participle, not an infinitive, goes with "werden"
            return not self.analyzer.is_infinitive(tok) and not self.analyzer.is_zu_infinitive(tok)
        return False

    def _location(self, clause: Clause, row: LexRow, used: set[int]) -> str | None:
        for g in clause.groups:
            if (
                g.prep in self.cues.location_preps
                and g.prep not in row.target_preps
                and id(g) not in used
                and g.mentions[0].kind in _ACTOR_KINDS_FOR_LOCATION
            ):
                return g.mentions[0].text
        return None

    # --- modality, dates, records --------------------------------------------------------
    def _reported_clauses(self, ctx: _SentenceContext, coded: list[_Coded]) -> dict[int, str]:
        """Clauses whose events are reported (inside quotes, or beside a verb of saying), or
        announced ("kündigte an, … anzugreifen": future), by clause index."""
        say_clauses = {c.trigger.clause.index for c in coded if c.say}
        intent = {c.trigger.clause.index for c in coded if c.say and "intent" in c.row.flags}
        hearsay = any(self.cues.modality_words.get(t.lower) == "reported" for t in ctx.toks)
        reported: dict[int, str] = {}
        for clause in ctx.clauses:
            first = next((t.lower for t in ctx.toks[clause.start : clause.end] if t.is_word), "")
            if clause.in_quote or hearsay:
                reported[clause.index] = "reported"
            elif (
                say_clauses and clause.index not in say_clauses and first not in self.cues.temporal
            ):
                # a "nachdem" clause is narration, not speech; an announced one is intent
                controller = self._controller(ctx, clause) if clause.kind == "inf" else None
                announced = controller is not None and controller.index in intent
                reported[clause.index] = "future" if announced else "reported"
        return reported

    def _author_opinion(
        self, ctx: _SentenceContext, item: _Coded, reported: dict[int, str]
    ) -> bool:
        """A clause that says what someone should do, with nobody quoted saying it, is the
        author's opinion, not an event ("Gondor sollte endlich Sanktionen verhängen")."""
        clause = item.trigger.clause
        if item.say or clause.index in reported:
            return False
        return any(
            self.cues.modality_words.get(t.lower) == "opinion"
            for t in ctx.toks[clause.start : clause.end]
        )

    def _modality(self, ctx: _SentenceContext, item: _Coded, reported: dict[int, str]) -> str:
        clause = item.trigger.clause
        words = [t.lower for t in ctx.toks[clause.start : clause.end]]
        cues = self.cues
        if any(w in cues.negations for w in words) and "nur" not in words:
            return "negated"
        kinds = {cues.aux.get(w) for w in words} | {cues.modality_words.get(w) for w in words}
        first = next((w for w in words if w.isalpha()), "")
        if "hypothetical" in kinds and (
            cues.modality_words.get(first) == "hypothetical"
            or any(cues.aux.get(w) == "hypothetical" for w in words)
        ):
            return "hypothetical"
        if clause.index in reported and not item.say:
            return reported[clause.index]
        if any(w in cues.alleged for w in words) and self._last_word(ctx, clause) in (
            cues.perfect_infinitives
        ):
            return "reported"  # "Mordor soll Dörfer angegriffen haben": alleged, not asserted
        trigger_tok = ctx.toks[item.trigger.tok]
        infinitive = trigger_tok.lower == item.trigger.lemma or item.trigger.pos in ("N", "L", "A")
        if any(cues.modality_words.get(w) == "future" for w in words):
            return "future"
        if (
            any(cues.aux.get(w) == "future" for w in words)
            and self._ends_in_infinitive(ctx, clause)
            and (infinitive or not self._passive(ctx, item.trigger))
        ):
            return "future"  # "wird … angreifen", not "wird lauter"
        if not item.say and any(w in cues.subjunctives for w in words):
            return "reported"  # "Rohan müsse sich entschuldigen": indirect speech goes on
        if "modal" in kinds and any(w in cues.alleged for w in words):
            return "future"
        return "asserted"

    def _last_word(self, ctx: _SentenceContext, clause: Clause) -> str:
        return next(
            (t.lower for t in reversed(ctx.toks[clause.start : clause.end]) if t.is_word), ""
        )

    def _ends_in_infinitive(self, ctx: _SentenceContext, clause: Clause) -> bool:
        words = [t for t in ctx.toks[clause.start : clause.end] if t.is_word]
        if not words:
            return False
        last = words[-1]
        if last.lower in self.cues.particles and len(words) > 1:
            return False
        return (
            self.analyzer.is_infinitive(last)
            or self.analyzer.is_zu_infinitive(last)
            or (last.lower in self.cues.aux)
        )

    def _event(
        self,
        item: _Coded,
        ctx: _SentenceContext,
        sentence: Sentence,
        dates: list[DateMention],
        reported: dict[int, str],
        *,
        article_id: str,
        published: dt.date | None,
    ) -> Event:
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
            source=[_event_actor(m) for m in item.sources],
            target=[_event_actor(m) for m in item.targets],
            cameo=info.code,
            root=info.root,
            plover=info.plover,
            mode=info.mode,
            context=context,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            modality=self._modality(ctx, item, reported),
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


def _suppress_nested(coded: list[_Coded], ctx: _SentenceContext, cues: Cues) -> list[_Coded]:
    """Drop events that only restate another: statements get their target, dependents go.

    * a trigger in an infinitive clause governed by a coded trigger ("vereinbarten,
      die Zusammenarbeit zu vertiefen") is the content of that event, not a second one;
    * a statement (verb of saying) without an addressee points at the first actor of
      what was said;
    * speakers that are not actors leave no event.
    """
    governing = {c.trigger.clause.index for c in coded if not c.say and c.confidence > 0}
    kept = []
    for item in coded:
        clause = item.trigger.clause
        controller = next(
            (c for c in reversed(ctx.clauses[: clause.index]) if c.kind != "inf"), None
        )
        if clause.kind == "inf" and controller is not None and controller.index in governing:
            continue
        if clause.kind == "inf" and not item.sources and item.trigger.pos != "N" and not item.say:
            continue  # an infinitive whose subject we could not find has no author
        kept.append(item)
    speakers = [c for c in kept if c.say and c.sources]
    for item in kept:
        if not item.sources and speakers and _pronoun_subject(item.trigger.clause, ctx, cues):
            if _keys(speakers[0].sources) & _keys(item.targets):
                continue  # the speaker cannot act on itself
            item.sources = list(speakers[0].sources)  # "Putin sagte, er beabsichtige …"
            item.confidence = round(item.confidence + (BOTH_SIDES_BONUS if item.targets else 0), 3)
    result = []
    for item in kept:
        if item.say and not item.sources:
            result.append(item)  # keeps its clause's complement "reported"
            continue
        if item.statement and not item.targets:
            speaker = _keys(item.sources)
            for other in kept:
                if other is item or other.statement:
                    continue
                candidates = [m for m in other.sources + other.targets if _key(m) not in speaker]
                if candidates:
                    item.targets = candidates[:1]
                    break
            else:
                for clause in ctx.clauses:
                    if clause.index == item.trigger.clause.index:
                        continue
                    for g in clause.groups:
                        mentions = [m for m in g.mentions if _key(m) not in speaker]
                        if mentions and not item.targets:
                            item.targets = mentions[:1]
        result.append(item)
    return [
        c for c in result if ((c.sources or c.targets) and c.confidence >= MIN_CONFIDENCE) or c.say
    ]


def _dateline(mention: Mention, sentence: Sentence) -> bool:
    """ "Sanaa – Nur einen Tag nach …": the place an agency report is filed from opens the
    sentence before a dash; it tells where the news comes from, not who acts."""
    text = sentence.text
    offset = mention.start - sentence.start
    if mention.end - sentence.start > len(text):
        return False
    if offset > 1 and _DATELINE_HEAD.fullmatch(text, 0, offset) is None:
        return False  # a later place of "Berlin/Ankara – " has only places and slashes before it
    end = mention.end - sentence.start
    while (slash := _DATELINE_SLASH.match(text, end)) is not None:
        end = slash.end()  # "Wien/Linz – ": skip the other places of the dateline
    return _DATELINE_DASH.match(text, end) is not None


def _theme_window(ctx: _SentenceContext, clause: Clause) -> tuple[int, int]:
    """Character span whose words may name what a trigger is about: its clause and the
    dependent clauses after it ("vereinbarten, die militärische Zusammenarbeit zu
    vertiefen"), but not the next main clause ("…, teilte die Luftwaffe mit")."""
    last = clause
    for later in ctx.clauses[clause.index + 1 :]:
        if later.kind == "main":
            break
        last = later
    return ctx.toks[clause.start].start, ctx.toks[last.end - 1].end


def _pronoun_subject(clause: Clause, ctx: _SentenceContext, cues: Cues) -> bool:
    """Whether the clause (or the clause it depends on) has a personal pronoun as subject."""
    for candidate in (clause, *(c for c in ctx.clauses[: clause.index][::-1])):
        words = [t.lower for t in ctx.toks[candidate.start : candidate.end]]
        if any(cues.cases.get(w) == _NOMINATIVE_ONLY for w in words):
            return True
        if candidate.kind != "inf":
            return False
    return False


def _in_frame(group: Group, row: LexRow, *, strict: bool = False) -> bool:
    if strict:
        return group.prep in row.target_preps
    return group.prep in row.target_preps or (
        group.outer_prep in row.target_preps and group.prep not in ("von", "vom", "zwischen")
    )


def _nom(group: Group) -> bool:
    return not group.cases or "nom" in group.cases


def _key(mention: Mention) -> str:
    return mention.country or mention.code or mention.actor_id or mention.text


def _keys(mentions: list[Mention]) -> frozenset[str]:
    return frozenset(_key(m) for m in mentions)


def _event_actor(mention: Mention) -> EventActor:
    return EventActor(
        text=mention.text,
        actor_id=mention.actor_id,
        code=mention.code,
        country=mention.country,
        sector=mention.sector,
        start=mention.start,
        end=mention.end,
    )


def _political(mentions: list[Mention]) -> list[Mention]:
    """Mentions that resolved to a coded actor; nested mentions give way to the longest.

    A name only the NER model found (no country, no code) is no codable actor: an
    event between "Militärübungen" and Taiwan, or with an unknown person as the
    only side, says nothing a user can aggregate.
    """
    # a person with a country but no code ("der Franzose") is a private person
    usable = [m for m in mentions if m.code or (m.country and m.kind != "PER")]
    usable.sort(key=lambda m: (m.start, -(m.end - m.start)))
    result: list[Mention] = []
    for mention in usable:
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result


_TokenTable = tuple[list[int], list[int]]


def _token_table(doc: Doc) -> _TokenTable:
    """(start offsets, orth ids) of every token, read from the Doc's arrays.

    Creating a spaCy ``Token`` per word costs more than the event rules themselves on
    a long article; the arrays give the same offsets and strings.
    """
    array = doc.to_array([IDX, ORTH])
    return array[:, 0].tolist(), array[:, 1].tolist()


def _sentence_tokens(doc: Doc, sentence: Sentence, table: _TokenTable | None = None) -> list[Tok]:
    """The tokens overlapping the sentence, as ``Tok`` records indexed from 0."""
    if len(doc) == 0:
        return []
    starts, orths = table or _token_table(doc)
    strings = doc.vocab.strings
    first = max(bisect.bisect_right(starts, sentence.start) - 1, 0)
    if starts[first] + len(strings[orths[first]]) <= sentence.start:
        first += 1  # the token before ends where the sentence starts
    last = bisect.bisect_left(starts, sentence.end)
    toks = []
    for i in range(first, last):
        word = strings[orths[i]]
        toks.append(Tok(i - first, word, word.lower(), starts[i], starts[i] + len(word)))
    return toks


def _mention_tokens(mentions: list[Mention], toks: list[Tok]) -> list[tuple[Mention, int, int]]:
    spans = []
    for mention in mentions:
        first = next((t.i for t in toks if t.end > mention.start), None)
        last = next((t.i for t in reversed(toks) if t.start < mention.end), None)
        if first is not None and last is not None and first <= last:
            spans.append((mention, first, last))
    return spans


def _sentences(doc: Doc) -> list[Sentence]:
    if doc._.sentences:
        return list(doc._.sentences)
    if doc.has_annotation("SENT_START"):
        return [Sentence(i, s.start_char, s.end_char, s.text, 0) for i, s in enumerate(doc.sents)]
    # Without a segmenter (tests, slim pipelines): split after . ! ? before a capital.
    text, sentences, start = doc.text, [], 0
    for match in _SENTENCE_END.finditer(text):
        sentences.append(
            Sentence(len(sentences), start, match.start() + 1, text[start : match.start() + 1], 0)
        )
        start = match.end()
    if start < len(text) and text[start:].strip():
        sentences.append(Sentence(len(sentences), start, len(text), text[start:], 0))
    return sentences


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
