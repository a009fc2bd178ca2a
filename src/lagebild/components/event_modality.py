"""Modality and voice of a coded event: asserted, negated, reported, future, hypothetical.

What a clause says is an event only in the mood it is said in: beside a verb of
saying or in quotes it is reported, after "kündigte an" it is announced, with
"sollte" and nobody quoted it is the author's opinion and no event at all. The
voice (passive or active) decides both which side acts and whether "wird …" is
the future.
"""

from __future__ import annotations

from lagebild.components.clauses import Clause, ClauseAnalyzer
from lagebild.components.event_lexicon import Cues
from lagebild.components.event_records import Coded, SentenceContext, Trigger


class ModalityRules:
    """Voice of a trigger's clause and modality of a coded event, from the language's cues."""

    def __init__(self, cues: Cues, analyzer: ClauseAnalyzer) -> None:
        self.cues = cues
        self.analyzer = analyzer

    def passive(self, ctx: SentenceContext, trigger: Trigger) -> bool:
        """Whether the trigger's verb is passive ("wurde … angegriffen", "wird ermittelt")."""
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

    def reported_clauses(self, ctx: SentenceContext, coded: list[Coded]) -> dict[int, str]:
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
                controller = ctx.controller(clause) if clause.kind == "inf" else None
                announced = controller is not None and controller.index in intent
                reported[clause.index] = "future" if announced else "reported"
        return reported

    def author_opinion(self, ctx: SentenceContext, item: Coded, reported: dict[int, str]) -> bool:
        """A clause that says what someone should do, with nobody quoted saying it, is the
        author's opinion, not an event ("Gondor sollte endlich Sanktionen verhängen")."""
        clause = item.trigger.clause
        if item.say or clause.index in reported:
            return False
        return any(
            self.cues.modality_words.get(t.lower) == "opinion"
            for t in ctx.toks[clause.start : clause.end]
        )

    def classify(self, ctx: SentenceContext, item: Coded, reported: dict[int, str]) -> str:
        """The modality of a coded event, given the reported clauses of its sentence."""
        clause = item.trigger.clause
        words = [t.lower for t in ctx.toks[clause.start : clause.end]]
        cues = self.cues
        if self.negated(ctx, item):
            return "negated"
        if self.feared(ctx, item):
            return "hypothetical"  # "die Sorge vor neuen Angriffen": not (yet) happened
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
            and (infinitive or not self.passive(ctx, item.trigger))
        ):
            return "future"  # "wird … angreifen", not "wird lauter"
        if not item.say and any(w in cues.subjunctives for w in words):
            return "reported"  # "Rohan müsse sich entschuldigen": indirect speech goes on
        if "modal" in kinds and any(w in cues.alleged for w in words):
            return "future"
        return "asserted"

    def negated(self, ctx: SentenceContext, item: Coded) -> bool:
        """Whether a negation of the trigger's clause belongs to the trigger.

        A verb takes every negation of its clause but a fixed phrase ("nicht zuletzt",
        "nicht nur"). An event noun takes a negation in its own phrase ("keine Angriffe
        auf …"), or one of the clause when the noun is what the verb acts on ("hat die
        Sanktionen nicht verlängert"); a noun in a prepositional phrase only sets the scene
        for the verb's negation ("Seit dem Angriff … können wir nicht mehr …").
        """
        clause, toks, cues = item.trigger.clause, ctx.toks, self.cues
        noun = item.trigger.tok if item.trigger.pos == "N" else None
        for i in range(clause.start, clause.end):
            if toks[i].lower not in cues.negations:
                continue
            after = next((t.lower for t in toks[i + 1 : clause.end] if t.is_word), "")
            if after in cues.negation_free:
                continue
            if noun is None or self._same_phrase(toks, i, noun):
                return True
            if self.analyzer.pp_of(toks, noun) is None:
                return True
        return False

    def feared(self, ctx: SentenceContext, item: Coded) -> bool:
        """Whether an event noun is what a word of fear is about: "die Sorge vor neuen
        Angriffen", "befürchtet neue Anschläge", "die Gefahr weiterer Luftangriffe" — a
        feared act, not one that happened. "Sorge über die Angriffe" is about a past act."""
        if item.trigger.pos != "N":
            return False
        toks, fear, clause = ctx.toks, self.cues.fear, item.trigger.clause
        i = item.trigger.tok - 1
        while i >= clause.start and item.trigger.tok - i <= 5:
            tok = toks[i]
            if fear.get(tok.lower) == "-":
                return True
            if tok.lower in self.cues.preps:
                return i > clause.start and fear.get(toks[i - 1].lower) == tok.lower
            if not tok.is_word or tok.is_title or self.analyzer.is_verbish(tok):
                return False
            i -= 1
        return False

    def _same_phrase(self, toks: list, negation: int, noun: int) -> bool:
        """A negating determiner in the noun's own phrase ("keine neuen Angriffe")."""
        between = toks[negation + 1 : noun]
        return (
            negation < noun
            and len(between) <= 2
            and all(
                t.is_word
                and not t.is_title
                and not self.analyzer.is_verbish(t)
                and t.lower not in self.cues.preps
                for t in between
            )
        )

    def _last_word(self, ctx: SentenceContext, clause: Clause) -> str:
        """The clause's last word, lower-cased ("" when it has none)."""
        return next(
            (t.lower for t in reversed(ctx.toks[clause.start : clause.end]) if t.is_word), ""
        )

    def _ends_in_infinitive(self, ctx: SentenceContext, clause: Clause) -> bool:
        """Whether the clause ends in an infinitive or auxiliary ("wird … angreifen")."""
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
