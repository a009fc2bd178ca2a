"""Source and target of a trigger: which actor groups of its clause fill which role.

A verb takes its source from the subject (or the agent of a passive) and its
target from the lexicon row's prepositions, the object or a phrase on the
object; an event noun takes them from its own noun phrase ("der russische
Angriff auf Kiew"). The noun-phrase checks here also let a lexicon row demand
or refuse an object, and the place of an event comes from a place phrase that
fills no role.
"""

from __future__ import annotations

from lagebild.components.clauses import Clause, ClauseAnalyzer, Group, Tok
from lagebild.components.event_actors import ACTOR_KINDS_FOR_LOCATION, actor_key
from lagebild.components.event_lexicon import Cues, LexRow
from lagebild.components.event_modality import ModalityRules
from lagebild.components.event_records import SentenceContext, Trigger
from lagebild.components.event_subjects import SubjectFinder
from lagebild.ontology import cameo_info

#: Tokens between a noun trigger and an actor phrase that still belongs to its noun phrase.
NOUN_PHRASE_REACH = 7


class RoleFinder:
    """Assigns actor groups to the source and target of a trigger."""

    def __init__(
        self,
        cues: Cues,
        analyzer: ClauseAnalyzer,
        *,
        subjects: SubjectFinder,
        modality: ModalityRules,
    ) -> None:
        self.cues = cues
        self.analyzer = analyzer
        self.subjects = subjects
        self.modality = modality  # the voice of the clause decides who acts

    def noun_phrase_after(self, ctx: SentenceContext, trigger: Trigger, case: str) -> bool:
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

    def verbal_roles(
        self, ctx: SentenceContext, trigger: Trigger, row: LexRow
    ) -> tuple[list[Group], list[Group], bool] | None:
        """(sources, targets, guessed) of a verb or adjective; ``None`` when its frame fails."""
        clause = trigger.clause
        groups = clause.groups
        pp_targets = [g for g in groups if in_frame(g, row, self.cues, strict=row.prep_required)]
        if not pp_targets and row.target_preps:
            for later in ctx.clauses[clause.index + 1 :]:
                if later.kind not in ("inf", "sub"):
                    break
                pp_targets = [g for g in later.groups if in_frame(g, row, self.cues)]
                if pp_targets:
                    break
        if row.prep_required and not pp_targets:
            return None
        free = [g for g in groups if g.prep is None]
        if self.modality.passive(ctx, trigger):
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
            placed = self.subjects.placed_subject(ctx, clause)
            placed_list = [placed] if placed is not None and placed not in agents else []
            return agents, pp_targets[:1] or patients[:1] or placed_list, False
        subject = self.subjects.subject(ctx, clause)
        if "suffer" in row.flags:
            # "stieß auf Kritik", "sorgte für Kritik": the subject is criticised; a "von"
            # phrase names who criticises
            agents = [g for g in groups if g.prep in self.cues.agent_preps]
            return agents, subject, False
        own = {actor_key(m) for g in subject for m in g.mentions}
        # "kritisierte der Sprecher des Außenministeriums Mordors die Regierung Rohans": an
        # attribute of the subject's own state is not the object
        objects = [
            g
            for g in free
            if g not in subject
            and any(actor_key(m) not in own or m.kind == "PER" for m in g.mentions)
            # "Gondors Stürmer hat getroffen": the owner of the subject noun is no object
            and not (g.in_prefield and self.subjects.possessor(ctx, clause, g))
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
            # "die Flüchtlinge nach Rohan abschieben": where they are sent, not whom
            and not ("dest" in row.flags and g.prep in self.cues.location_preps)
            and not self._describes(ctx, g)
            # "sagte bei einer Konferenz der UN": the occasion of the act, not its target
            and g.prep not in self.cues.occasion_preps
            and g.outer_prep not in self.cues.occasion_preps
        ]
        targets = pp_targets[:1] or objects[:1] or on_object[:1]
        return subject, targets, False

    def nominal_roles(
        self, ctx: SentenceContext, trigger: Trigger, row: LexRow
    ) -> tuple[list[Group], list[Group], bool] | None:
        """(sources, targets, guessed) of an event noun from its noun phrase; ``guessed`` when
        the source is the clause subject; ``None`` when the noun has no codable side."""
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
                if g.prep in self.cues.reciprocal_preps:
                    sources.append(g)  # "das Treffen zwischen Xi und Putin": both meet
                elif not sources and self._genitive_in_phrase(ctx, k, g):
                    sources.append(g)  # "nach den Angriffen Mordors", "vor Anschlägen der X"
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
        prep = self.analyzer.pp_of(toks, k)  # "unter Kritik", "nach vier Anschlägen"
        if not sources and prep in self.cues.patient_preps:
            # "Die Regierung steht unter Kritik", "geriet unter Beschuss": the subject suffers it
            subject = self.subjects.subject(ctx, clause)
            if not subject or not force:
                return None
            return [], subject, False
        if not sources and "nosubj" not in row.flags and not (force and prep is not None):
            after_verb = clause.finite is not None and k > clause.finite
            if after_verb or clause.kind != "main":
                subject = self.subjects.subject(ctx, clause)
                if subject and all(g not in targets for g in subject):
                    sources, guessed = subject, True
        if not sources and (not targets or not force):
            return None  # only force ("Angriffe auf Kiew") is worth coding without its author
        return sources, targets[:1], guessed

    def _genitive_in_phrase(self, ctx: SentenceContext, noun: int, group: Group) -> bool:
        """An actor in the genitive right after an event noun of a prepositional phrase
        ("nach den Angriffen Mordors", "vor Anschlägen der Rebellen"): the noun's author, as
        it is outside a phrase ("die Angriffe Mordors")."""
        if not group.attached or group.prep is None:
            return False
        if group.prep != self.analyzer.pp_of(ctx.toks, noun):
            return False
        between = ctx.toks[noun + 1 : group.first]
        return len(between) <= 1 and all(
            "gen" in self.cues.cases.get(t.lower, frozenset()) for t in between
        )

    def _place_phrase(self, ctx: SentenceContext, group: Group, subject: list[Group]) -> bool:
        """ "sagte ein Sprecher am Montag in Minas Tirith", "sagte Österreichs Delegierter in
        London": a place after a time word or on the subject's noun says where it happened;
        on an object ("Dörfer in Rohan", "der Anschlag in Polen") it is what the event is about."""
        if group.prep not in self.cues.place_preps or group.prep_at is None or group.prep_at < 1:
            return False
        if not all(m.kind in ACTOR_KINDS_FOR_LOCATION for m in group.mentions):
            return False
        noun = ctx.toks[group.prep_at - 1]
        if self.analyzer.is_time_word(noun):
            return True
        return noun.is_title and any(g.last + 1 == noun.i for g in subject)

    def _describes(self, ctx: SentenceContext, group: Group) -> bool:
        """A phrase on a noun of a description ("vertieft die Zusammenarbeit als Teil seiner
        Strategie gegen Mordor"): what the act is part of, not whom it is aimed at."""
        if group.prep_at is None:
            return False
        for tok in reversed(ctx.toks[max(group.prep_at - 5, 0) : group.prep_at]):
            if tok.lower in self.cues.description:
                return True
            if not tok.is_word or self.analyzer.is_verbish(tok):
                return False
        return False

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

    def location(self, clause: Clause, row: LexRow, used: set[int]) -> str | None:
        """The place of the event: a place phrase of the clause that fills no role."""
        for g in clause.groups:
            if (
                g.prep in self.cues.location_preps
                and g.prep not in row.target_preps
                and id(g) not in used
                and g.mentions[0].kind in ACTOR_KINDS_FOR_LOCATION
            ):
                return g.mentions[0].text
        return None


def in_frame(group: Group, row: LexRow, cues: Cues, *, strict: bool = False) -> bool:
    """Whether a group's preposition is one the lexicon row takes its target with, or it
    sits in a phrase that does ("protestierte gegen die Politik Gondors")."""
    if strict:
        return group.prep in row.target_preps
    return group.prep in row.target_preps or (
        group.outer_prep in row.target_preps and group.prep not in cues.closed_preps
    )
