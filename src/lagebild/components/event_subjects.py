"""Who is the subject of a clause: the actor a verb's event is coded for.

German word order puts objects first ("Das Abkommen unterzeichnete der Kanzler"),
lets a pronoun or a noun that names no actor be the subject ("kritisierte er",
"sagte die Helferin … der dpa") and hides the subject of infinitive and relative
clauses in another clause. These rules choose the subject's groups from the
clause structure, or none when the subject is no codable actor, so that a later
actor is not taken for it: a wrong source costs more precision than a missing one.
"""

from __future__ import annotations

from lagebild.components.clauses import Clause, ClauseAnalyzer, Group, Tok
from lagebild.components.event_actors import ACTOR_KINDS_FOR_LOCATION
from lagebild.components.event_lexicon import Cues
from lagebild.components.event_records import SentenceContext

NOMINATIVE_ONLY = frozenset({"nom"})  # "er", "wir": a pronoun that can only be a subject


class SubjectFinder:
    """Finds the subject groups of a clause from its cues and clause analysis."""

    def __init__(self, cues: Cues, analyzer: ClauseAnalyzer) -> None:
        self.cues = cues
        self.analyzer = analyzer

    def subject(self, ctx: SentenceContext, clause: Clause) -> list[Group]:
        """The subject groups of a clause (``[]`` when it names no actor), once per clause."""
        if clause.index in ctx.subjects:
            return ctx.subjects[clause.index]
        subject = self._find_subject(ctx, clause)
        ctx.subjects[clause.index] = subject
        return subject

    def _find_subject(self, ctx: SentenceContext, clause: Clause) -> list[Group]:
        """The subject groups by clause kind and word order."""
        free = [g for g in clause.groups if g.prep is None]
        previous = ctx.controller(clause)
        if clause.kind == "inf":
            return self.subject(ctx, previous) if previous else []
        if clause.kind == "rel" and "nom" in clause.relative_cases:
            antecedent = previous.groups[-1] if previous is not None and previous.groups else None
            if antecedent is not None and antecedent.last >= clause.start - 2:
                if antecedent.prep is None or not any(nominative(g) for g in free):
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
                if g.last < clause.finite and nominative(g) and not self._hearsay_source(ctx, g)
            ]
            owners = [g for g in prefield if self.possessor(ctx, clause, g)]
            if owners and len(owners) == len(prefield):
                return []  # "Brasiliens Teamkicker betonte": the noun after the state speaks
            if prefield:
                return [g for g in prefield if g not in owners]
            if any(
                self.cues.cases.get(t.lower) == NOMINATIVE_ONLY
                for t in ctx.toks[clause.start : clause.finite]
            ) or self._pronoun_after_verb(ctx, clause):
                return []  # "Wir werden …", "Es warf X vor", "kritisierte er": a pronoun subject
            if clause.finite == clause.start and previous is not None and previous.kind == "rel":
                # "Die Türkei, die …, stimmte … zu": the antecedent before the relative clause
                for earlier in reversed(ctx.clauses[: previous.index]):
                    if earlier.kind != "rel":
                        return [g for g in earlier.groups if g.prep is None and nominative(g)][:1]
                return previous.groups[:1]
            placed = self.placed_subject(ctx, clause)
            if placed is not None:
                return [placed]
            if self._unknown_after_verb(ctx, clause):
                return []  # "sagte die Helferin Anna Kramer der dpa": dpa is the addressee
            if self._unknown_subject(ctx, clause):
                return []  # "Die Staatsanwaltschaft ermittelt gegen X": X is not the subject
        free = [g for g in free if not self._hearsay_source(ctx, g)]
        nominal = [g for g in free if nominative(g)]
        rest = [g for g in nominal if not g.attached] or nominal
        if rest:
            return rest[:1]
        if clause.starts_with_conj and previous is not None:
            return self.subject(ctx, previous)
        return []

    def _inverted_subject(self, ctx: SentenceContext, clause: Clause) -> list[Group] | None:
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

    def _unknown_after_verb(self, ctx: SentenceContext, clause: Clause) -> bool:
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
        if owner is not None and self.possessor(ctx, clause, owner):
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

    def possessor(self, ctx: SentenceContext, clause: Clause, group: Group) -> bool:
        """A state in the genitive before a noun that names no actor ("Brasiliens
        Teamkicker", "Gondors Nationaltrainer"): it owns that noun; the noun is the head."""
        if len(group.mentions) != 1 or group.mentions[0].kind not in ACTOR_KINDS_FOR_LOCATION:
            return False
        genitive = group.mentions[0].text.endswith(self.cues.genitive_endings)
        if not genitive or group.last + 1 >= clause.end:
            return False
        noun = ctx.toks[group.last + 1]
        return (
            noun.is_word
            and noun.is_title
            and not any(g.first <= noun.i <= g.last for g in clause.groups)
            and not self.analyzer.is_verbish(noun)
            and not self.analyzer.is_time_word(noun)
        )

    def _pronoun_after_verb(self, ctx: SentenceContext, clause: Clause) -> bool:
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

    def _adjacent_noun(self, ctx: SentenceContext, clause: Clause) -> bool:
        """Whether a noun that is no actor stands right before the relative clause."""
        before = [t for t in ctx.toks[max(clause.start - 3, 0) : clause.start] if t.is_word]
        return bool(before) and before[-1].is_title

    def placed_subject(self, ctx: SentenceContext, clause: Clause) -> Group | None:
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

    def _hearsay_source(self, ctx: SentenceContext, group: Group) -> bool:
        """ "Der Agentur Anadolu zufolge …": the actor of a hearsay phrase reports; it does
        not act."""
        following = [t for t in ctx.toks[group.last + 1 : group.last + 3] if t.is_word]
        return bool(following) and self.cues.modality_words.get(following[0].lower) == "reported"

    def _unknown_subject(self, ctx: SentenceContext, clause: Clause) -> bool:
        """The prefield is a noun phrase that names no actor (a subject we cannot code)."""
        words = [t for t in ctx.toks[clause.start : clause.finite] if t.is_word]
        if not words or words[0].lower in self.cues.preps:
            return False
        if len(words) == 1 and clause.start == ctx.clauses[0].start:
            return self._bare_noun(words[0])  # "Bundespräsident traf Merkel und Gauck"
        if any(self.cues.modality_words.get(t.lower) == "reported" for t in words):
            return False  # "Der Mitteilung zufolge versicherte X": an adverbial, not the subject
        cases = self.cues.cases.get(words[0].lower)
        taken = {i for g in clause.groups for i in range(g.first, g.last + 1)}
        return bool(cases and "nom" in cases) and any(
            t.is_title and t.i not in taken for t in words[1:]
        )

    def _bare_noun(self, tok: Tok) -> bool:
        """A capitalised noun or name alone before the verb, as headlines open ("Bundespräsident
        traf …", "Sessions unterstützt …"): the subject, though no actor. Words the dictionary
        knows only in lower case are adverbs the sentence start capitalised ("Gestern",
        "Zudem"), and time nouns ("Montag") are adverbials too."""
        if not tok.is_title or self.analyzer.is_time_word(tok):
            return False
        return all(lemma[:1].isupper() for lemma in self.analyzer.lexicon.lemmas(tok.text))


def pronoun_subject(clause: Clause, ctx: SentenceContext, cues: Cues) -> bool:
    """Whether the clause (or the clause it depends on) has a personal pronoun as subject."""
    for candidate in (clause, *(c for c in ctx.clauses[: clause.index][::-1])):
        words = [t.lower for t in ctx.toks[candidate.start : candidate.end]]
        if any(cues.cases.get(w) == NOMINATIVE_ONLY for w in words):
            return True
        if candidate.kind != "inf":
            return False
    return False


def nominative(group: Group) -> bool:
    """Whether a group may be nominative (no case known counts as may)."""
    return not group.cases or "nom" in group.cases
