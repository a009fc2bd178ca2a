"""Triggers: the words of a clause that the event lexicon codes.

Verbs (with their separable particle: "sprach … aus"), predicative adjectives,
event nouns and light-verb constructions ("zum Ausdruck bringen") are looked up
in the language's lexicon. Clauses that speak of anyone ("Wer glaubt, …"), event
nouns that name a standing state ("die bestehenden Sanktionen") and verbs that
only tell the effect of an event noun before them yield no trigger.
"""

from __future__ import annotations

from collections.abc import Iterator

from lagebild.components.clauses import Clause, ClauseAnalyzer, Tok
from lagebild.components.event_lexicon import Lexicon, LexRow
from lagebild.components.event_records import SentenceContext, Trigger

GENITIVE_ONLY = frozenset({"gen"})  # "des", "eines": an article that only the genitive has


class TriggerFinder:
    """Finds the lexicon triggers of a clause."""

    def __init__(self, lexicon: Lexicon, analyzer: ClauseAnalyzer) -> None:
        self.lexicon = lexicon
        self.cues = lexicon.cues
        self.analyzer = analyzer

    def find(self, ctx: SentenceContext, clause: Clause) -> list[Trigger]:
        """The triggers of one clause; a light-verb construction replaces its verb."""
        lex, cues, toks = self.lexicon, self.cues, ctx.toks
        particle = self._final_particle(clause, toks)
        verb_lemmas: dict[str, int] = {}
        found: list[Trigger] = []
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
                    found.append(Trigger(list(rows), pos, tok.i, clause, lemma, extra))
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
                found.append(Trigger(light, "L", tok.i, clause, entry, (verb_tok,)))
            elif (
                entry in lex.nouns
                and not self._standing(ctx, clause, tok)
                and not self._named_by_genitive(ctx, clause, tok, lex.nouns[entry])
            ):
                found.append(Trigger(list(lex.nouns[entry]), "N", tok.i, clause, entry))
        return found

    def _standing(self, ctx: SentenceContext, clause: Clause, noun: Tok) -> bool:
        """An event noun that names a standing state, not news: "die bestehenden Sanktionen",
        "das frühere Abkommen", or "hat ein Abkommen mit Rohan" (a verb of possession with
        no other verb in the clause)."""
        cues = self.cues
        for tok in reversed(ctx.toks[max(clause.start, noun.i - 3) : noun.i]):
            after = ctx.toks[tok.i + 1]
            if _year(tok.text) and after.is_word and after.lower not in cues.cases:
                return True  # "das 2015 geschlossene Abkommen" (not "hat 2015 ein Abkommen")
            if not tok.is_word or tok.is_title:
                break
            if tok.lower.startswith(cues.standing):
                return True
        if clause.finite is None or ctx.toks[clause.finite].lower not in cues.state_verbs:
            return False
        # "verteidigte das Abkommen", "hat das Abkommen verteidigt": every verb keeps a state
        return not any(
            (self.analyzer.is_verbish(t) or self.analyzer.is_infinitive(t))
            and t.lower not in cues.state_verbs
            for t in ctx.toks[clause.start : clause.end]
            if t.i != clause.finite
        )

    def _named_by_genitive(
        self, ctx: SentenceContext, clause: Clause, noun: Tok, rows: list[LexRow]
    ) -> bool:
        """An ambiguous (``weak``) event noun in the genitive of another noun that names no
        actor ("eine Blockade des Abkommens", "die Umsetzung des Abkommens"): it names a
        thing that exists, not its signing. A noun that is an event itself
        ("die Unterzeichnung des Abkommens") is coded in its stead."""
        if not all(row.weak for row in rows):
            return False
        toks, cues = ctx.toks, self.cues
        i = noun.i - 1
        while i > clause.start and noun.i - i <= 2 and toks[i].is_word and not toks[i].is_title:
            if cues.cases.get(toks[i].lower) == GENITIVE_ONLY:
                head = toks[i - 1]
                return (
                    head.is_word
                    and head.is_title
                    and head.lower not in cues.preps
                    and not any(g.first <= head.i <= g.last for g in clause.groups)
                )
            i -= 1
        return False

    def generic_clauses(self, ctx: SentenceContext) -> set[int]:
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

    def drop_effects(self, ctx: SentenceContext, triggers: list[Trigger]) -> list[Trigger]:
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

    def _opens_noun_phrase(self, ctx: SentenceContext, trigger: Trigger) -> bool:
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
        """The separable particle closing a main clause ("sprach … aus"), if any."""
        if clause.finite is None:
            return None
        for tok in reversed(toks[clause.start : clause.end]):
            if tok.is_word:
                return tok if tok.lower in self.cues.particles and tok.i > clause.finite else None
        return None


def _year(text: str) -> bool:
    """A four-digit year ("2015") before an event noun dates it."""
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")
