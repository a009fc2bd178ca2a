"""Clause analysis for event coding: split a sentence into clauses and find who does what.

German needs no parser for the cases event coding cares about, only a few
reliable cues, all read from the language's ``event_cues.tsv``:

* clause borders: commas, colons, quotation marks, subordinating conjunctions
  and relative pronouns, and "und"/"aber" before a verb;
* verb-second main clauses: what stands before the finite verb (the prefield)
  is usually the subject; a clause that starts with an adverbial puts the
  subject right after the verb;
* case: determiners and pronouns (``den`` → accusative/dative) keep a marked
  object from being read as the subject;
* phrases: an actor inside a prepositional phrase is only a target when the
  lexicon frame names that preposition ("warnen vor", "Sanktionen gegen");
  ``von``/``durch`` give the agent of a passive clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lagebild.components.dates import time_words
from lagebild.components.event_lexicon import Lexicon
from lagebild.model import Mention

#: How far (tokens) to walk left from an actor to find the preposition or
#: determiner of its phrase; German phrases rarely put more between them.
MAX_PHRASE_WALK = 7

_PUNCT_BORDERS = frozenset({",", ";", ":", "–", "—", "?", "!"})
_VERB_ENDINGS = ("en", "ern", "eln")


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of the sentence with its character offsets in the document.

    ``is_title`` and ``is_word`` are read hundreds of times per sentence, so they are
    computed once here rather than as properties.
    """

    i: int
    text: str
    lower: str
    start: int
    end: int
    is_title: bool = field(init=False)
    is_word: bool = field(init=False)

    def __post_init__(self) -> None:
        first = self.text[:1]
        object.__setattr__(self, "is_title", first.isupper())
        object.__setattr__(self, "is_word", first.isalnum())


@dataclass(slots=True)
class Group:
    """Actor mentions that form one side of a clause ("Kuba und China")."""

    mentions: list[Mention]
    first: int
    last: int
    prep: str | None = None
    outer_prep: str | None = None  # "über [die Lage in Syrien]": the phrase around the phrase
    on_noun: bool = False  # the phrase hangs on a noun ("Verhandlungen mit der Ukraine")
    cases: frozenset[str] = frozenset()
    attached: bool = False  # sits inside a larger noun phrase (genitive, "von"), not its head
    in_prefield: bool = False
    of_noun: int | None = None  # "der Besuch von [Außenministerin] X": the noun "von" hangs on
    prep_at: int | None = None  # token index of the preposition


@dataclass(slots=True)
class Clause:
    """A stretch of the sentence with one finite verb (or none, for infinitive clauses)."""

    index: int
    start: int
    end: int  # exclusive
    kind: str  # main | sub | rel | inf
    in_quote: bool = False
    finite: int | None = None
    groups: list[Group] = field(default_factory=list)
    starts_with_conj: bool = False
    relative_cases: frozenset[str] = frozenset()


class ClauseAnalyzer:
    """Splits sentences into clauses and finds actor groups and their phrases, from cue tables."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        cues = lexicon.cues
        self.cues = cues
        particles = "|".join(sorted(cues.particles, key=len, reverse=True))
        self._zu_pattern = re.compile(rf"(?:{particles})zu\w{{3,}}en$")
        self._function_words = (
            frozenset(cues.cases)
            | cues.preps
            | cues.subordinators
            | cues.conj
            | cues.negations
            | frozenset(cues.aux)
            | cues.reflexives
            | cues.particles
        )
        self._time_words = time_words(lexicon.language)

    # --- token classes -------------------------------------------------------------------
    def is_verbish(self, tok: Tok) -> bool:
        """Whether ``tok`` looks like a verb form (auxiliary, lexicon verb or inflected verb)."""
        lower = tok.lower
        if lower in self.cues.aux:
            return True
        if tok.is_title or not tok.is_word or lower in self._function_words:
            return False
        for lemma in self.lexicon.lemmas(tok.text):
            low = lemma.lower()
            if low in self.lexicon.verbs or low in self.lexicon.adjectives:
                return True
            if low != lower and low.endswith(_VERB_ENDINGS) and lemma.islower():
                return True
        return self.is_zu_infinitive(tok)

    def is_attributive(self, toks: list[Tok], tok: Tok) -> bool:
        """A participle or adjective with an inflection ending, between a determiner,
        preposition or number and its noun: "in den besetzten Gebieten", "die von Mordor
        geforderten Dokumente", "31 ermittelten Verdächtigen" — no verb of the clause."""
        nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
        if (
            nxt is None
            or not (nxt.is_word and nxt.is_title)
            or not tok.lower.endswith(self.cues.attributive_endings)
            or tok.i == 0
        ):
            return False
        i = tok.i - 1
        if toks[i].is_title and toks[i].is_word:  # "die von Mordor besetzten": skip the agent
            j = i
            while j > 0 and i - j < 3 and toks[j].is_title and toks[j].is_word:
                j -= 1
            if toks[j].lower not in self.cues.agent_preps or j == 0:
                return False
            i = j - 1
        elif i > 0 and self._adverb_in_phrase(toks[i]):
            i -= 1  # "die international anerkannte Regierung": an adverb on the participle
        before = toks[i]
        if before.lower in self.cues.pronouns:  # "sie besetzten Dörfer": the subject
            return False
        return (
            before.lower in self.cues.cases
            or before.lower in self.cues.preps
            or before.text.isdigit()
        )

    def _adverb_in_phrase(self, tok: Tok) -> bool:
        """A lower-case word without an inflection ending that is no verb, case word,
        preposition or pronoun: an adverb that may stand before an attributive participle
        ("international", "bereits", "nicht")."""
        lower = tok.lower
        return (
            tok.is_word
            and not tok.is_title
            and not lower.endswith(self.cues.attributive_endings)
            and lower not in self.cues.cases
            and lower not in self.cues.preps
            and lower not in self.cues.pronouns
            and not self.is_verbish(tok)
        )

    def is_infinitive(self, tok: Tok) -> bool:
        """A lower-case word in -en that is its own lemma: an infinitive when it ends a clause."""
        lower = tok.lower
        return (
            tok.is_word
            and not tok.is_title
            and lower.endswith(_VERB_ENDINGS)
            and lower not in self._function_words
            and lower not in self.cues.modality_words
            and any(lemma == lower for lemma in self.lexicon.lemmas(tok.text))
        )

    def has_verb(self, toks: list[Tok], start: int, end: int) -> bool:
        """Whether a stretch holds a verb form; an infinitive counts only at its end."""
        words = [t for t in toks[start:end] if t.is_word]
        if any(self.is_verbish(t) for t in words):
            return True
        if self._zu_infinitive_end(words):
            return True  # "…, Angriffe auf Mordor zu planen": any zu-infinitive
        if (
            len(words) >= 2
            and words[0].i == start
            and words[0].lower in self.cues.pronoun_verbs
            and not words[1].is_title
            and words[1].lower not in self._function_words
        ):
            return True  # "Wir rechnen mit Angriffen, sagte …": a verb the lexicon does not know
        return bool(words) and self.is_infinitive(words[-1])

    def is_zu_infinitive(self, tok: Tok) -> bool:
        """ "abzulehnen", "zusammenzuarbeiten": particle + zu + verb."""
        return self._zu_pattern.match(tok.lower) is not None

    def pp_of(self, toks: list[Tok], noun: int) -> str | None:
        """The preposition of the phrase a noun stands in ("unter heftige Kritik"), if any:
        the nearest one before it with only lower-case words that are no verbs between."""
        for tok in reversed(toks[max(noun - 4, 0) : noun]):
            if tok.lower in self.cues.preps:
                return tok.lower
            if not tok.is_word or tok.is_title or self.is_verbish(tok):
                return None
        return None

    def is_time_word(self, tok: Tok) -> bool:
        """A month or weekday name, a date unit or a part of the day ("Montag", "Abend")."""
        return tok.lower in self._time_words

    # --- clauses ----------------------------------------------------------------------
    def split(self, toks: list[Tok]) -> list[Clause]:
        """Clauses of a sentence, in order; segments without a verb join their neighbour."""
        segments: list[tuple[int, int, bool]] = []
        start, in_quote, seg_quote = 0, False, False
        for tok in toks:
            border = tok.text in _PUNCT_BORDERS or tok.text in self.cues.quotes
            conj_border = (
                tok.lower in self.cues.clause_conj
                and tok.i + 1 < len(toks)
                and tok.i > start
                and self.is_verbish(toks[tok.i + 1])
            )
            if border or conj_border:
                if tok.i > start:
                    segments.append((start, tok.i, seg_quote))
                start = tok.i + 1 if border else tok.i
                if tok.text in self.cues.quotes:
                    in_quote = _toggle_quote(tok.text, in_quote)
                seg_quote = in_quote
        if start < len(toks):
            segments.append((start, len(toks), seg_quote))
        merged: list[list] = []
        pending: int | None = None  # a verbless opening segment waits for the next clause
        for seg_start, seg_end, quoted in segments:
            if pending is not None and self._opens_relative(toks, seg_start):
                merged.append([pending, seg_start, False])  # "Die Türkei, die …, stimmte … zu"
                pending = None
            closes = pending is None and merged
            if closes and self._closes_bracket(toks, merged[-1], seg_start, seg_end):
                merged[-1][1] = seg_end  # "sei er nach Arnor, nach Gondor, Harad und Rohan gereist"
                continue
            if not self.has_verb(toks, seg_start, seg_end):
                if pending is not None:
                    continue  # the waiting clause has not reached its verb yet
                if merged and toks[seg_start].lower not in self.cues.subordinators:
                    merged[-1][1] = seg_end
                else:
                    # "dass man sie nicht nach Arnor, Rohan oder Harad abschieben könne": a
                    # subordinate clause runs on across the commas of a list to its verb
                    pending = seg_start
                continue
            merged.append([pending if pending is not None else seg_start, seg_end, quoted])
            pending = None
        if pending is not None and merged:
            merged[-1][1] = len(toks)  # a verbless subordinate tail belongs to the last clause
        elif pending is not None:
            merged.append([pending, len(toks), False])
        return [
            self._clause(toks, index, seg_start, seg_end, quoted)
            for index, (seg_start, seg_end, quoted) in enumerate(merged)
        ]

    def _opens_relative(self, toks: list[Tok], start: int) -> bool:
        """A segment starting with a relative pronoun followed by a lower-case word."""
        words = [t for t in toks[start : start + 2] if t.is_word]
        return (
            len(words) == 2
            and words[0].lower in self.cues.relatives
            and not words[1].is_title
            and words[0].i == start
        )

    def _closes_bracket(self, toks: list[Tok], previous: list, start: int, end: int) -> bool:
        """A segment that only closes the verb bracket the previous clause left open: the
        previous clause has an auxiliary and no other verb, the segment ends in its one verb
        and opens no clause of its own ("Danach sei er nach Arnor, Harad und Rohan gereist")."""
        before = [t for t in toks[previous[0] : previous[1]] if t.is_word]
        words = [t for t in toks[start:end] if t.is_word]
        if len(before) < 2 or len(words) < 2 or before[-1].lower in self.cues.aux:
            return False
        cues = self.cues
        first = words[0].lower
        if before[0].lower in cues.subordinators or before[0].lower in cues.relatives:
            return False
        if first in cues.subordinators or first in cues.relatives or first in cues.clause_conj:
            return False
        verbs = [t for t in before if self.is_verbish(t)]
        if not verbs or any(t.lower not in cues.aux for t in verbs):
            return False
        last = words[-1]
        if last.is_title or last.lower in cues.aux or not self.is_verbish(last):
            return False
        return not any(self.is_verbish(t) for t in words[:-1])

    def _clause(self, toks: list[Tok], index: int, start: int, end: int, quoted: bool) -> Clause:
        words = [t for t in toks[start:end] if t.is_word]
        kind, conj, rel_cases = "main", False, frozenset()
        if words:
            first = words[0].lower
            if first in self.cues.clause_conj:
                conj = True
                first = words[1].lower if len(words) > 1 else ""
            if first in self.cues.subordinators:
                kind = "inf" if first == "um" else "sub"
            elif (
                first in self.cues.relatives
                and index > 0
                and start > 0
                and toks[start - 1].text == ","  # "Sanaa – Die Regierung …" is no relative
                and not conj
                and len(words) > 1
                and not words[1].is_title
            ):  # "die Gespräche" is an article
                kind, rel_cases = "rel", self.cues.relatives[first]
            elif self._ends_in_zu_infinitive(words):
                kind = "inf"
        clause = Clause(
            index, start, end, kind, quoted, starts_with_conj=conj, relative_cases=rel_cases
        )
        if kind == "main":
            skip = 1 if conj else 0
            for tok in toks[start:end]:
                if tok.is_word and skip:
                    skip -= 1
                    continue
                if self.is_verbish(tok):
                    clause.finite = tok.i
                    break
            if clause.finite is None:  # "Die USA werfen China … vor": plural = infinitive form
                clause.finite = next(
                    (t.i for t in toks[start:end] if t.i > start and self.is_infinitive(t)), None
                )
        return clause

    def _ends_in_zu_infinitive(self, words: list[Tok]) -> bool:
        last = words[-1]
        if self.is_zu_infinitive(last) and not any(w.lower in self.cues.aux for w in words[:-1]):
            return True
        # "zu planen" (any lower-case word in -en, the infinitives among them) or "zu" + a verb
        return self._zu_infinitive_end(words) or (
            len(words) >= 2 and words[-2].lower == "zu" and self.is_verbish(last)
        )

    @staticmethod
    def _zu_infinitive_end(words: list[Tok]) -> bool:
        """ "zu planen", "zu verhandeln": "zu" and a lower-case word in -en at the end."""
        return (
            len(words) >= 2
            and words[-2].lower == "zu"
            and not words[-1].is_title
            and words[-1].lower.endswith(_VERB_ENDINGS)
        )

    # --- actor groups -------------------------------------------------------------------
    def groups(
        self, toks: list[Tok], mention_spans: list[tuple[Mention, int, int]], clause: Clause
    ) -> list[Group]:
        """Coordinated actor groups of ``clause`` with their preposition and case cues."""
        inside = [m for m in mention_spans if clause.start <= m[1] < clause.end]
        groups: list[Group] = []
        for mention, first, last in inside:
            if groups and self._coordinated(toks, groups[-1].last, first):
                groups[-1].mentions.append(mention)
                groups[-1].last = last
                continue
            groups.append(Group([mention], first, last))
        taken = frozenset(i for _, first, last in inside for i in range(first, last + 1))
        for group in groups:
            self._phrase(toks, group, clause, taken)
        clause.groups = groups
        return groups

    def _coordinated(self, toks: list[Tok], left_last: int, right_first: int) -> bool:
        between = toks[left_last + 1 : right_first]
        if not between or not any(t.lower in self.cues.conj for t in between):
            return False
        return not any(
            t.lower in self.cues.preps or self.is_verbish(t) or t.text in self.cues.quotes
            for t in between
        )

    def _phrase(self, toks: list[Tok], group: Group, clause: Clause, taken: frozenset[int]) -> None:
        """Set the group's preposition, case cues and attachment by walking left."""
        cues = self.cues
        dets: list[str] = []  # determiners passed, nearest first
        crossed_noun = False
        i, steps = group.first - 1, 0
        while i >= clause.start and steps < MAX_PHRASE_WALK and i not in taken:
            tok = toks[i]
            lower = tok.lower
            if lower in cues.preps:
                before = toks[i - 1] if i - 1 >= clause.start else None
                after = toks[group.last + 1] if group.last + 1 < clause.end else None
                if after is not None and cues.postpositions.get(after.lower) == lower:
                    group.prep, group.prep_at = after.lower, i  # "von Belgien aus": a place
                    break
                if (
                    lower in cues.agent_preps
                    and before is not None
                    and before.is_title
                    and before.is_word
                    and (i - 1) not in taken
                    and before.lower not in self._time_words  # "am Freitag von Gondor": agent
                ):
                    crossed_noun = True  # "die Regierungen von Kuba": an attribute, not an agent
                    if group.of_noun is None:
                        group.of_noun = i - 1
                    i, steps = i - 1, steps + 1
                    continue
                group.prep = lower
                group.prep_at = i
                group.outer_prep = self._outer_prep(toks, i - 1, clause, taken)
                group.on_noun = (
                    before is not None
                    and before.is_title
                    and before.is_word
                    and (i - 1) not in taken
                )
                break
            if dets and cues.cases[dets[-1]].isdisjoint({"gen"}) and lower not in cues.preps:
                break  # "am Dienstag den Präsidenten X": "den" opened the phrase
            if lower in self._time_words:
                break  # "im Mai Indien besuchen": the time phrase ends before the actor
            if lower in cues.cases:
                dets.append(lower)
            elif lower in cues.subordinators or lower in cues.conj:
                break  # "Nachdem Mordor …": a capital at the sentence start is no noun
            elif tok.is_word and tok.is_title:
                crossed_noun = True
            elif tok.text in cues.quotes:
                pass
            elif (
                not tok.is_word
                or self.is_verbish(tok)
                or lower in cues.conj
                or lower in cues.subordinators
            ):
                break
            i, steps = i - 1, steps + 1
        text = group.mentions[0].text or ""
        own = text.split(maxsplit=1)[0].lower() if text else ""
        if dets:
            group.cases = cues.cases[dets[-1]]
        elif own in cues.cases:
            group.cases = cues.cases[own]
        nearest = cues.cases.get(dets[0], frozenset()) if dets else frozenset()
        group.attached = crossed_noun or nearest == frozenset({"gen"})
        if clause.finite is not None and group.last < clause.finite:
            group.in_prefield = True

    def _outer_prep(
        self, toks: list[Tok], i: int, clause: Clause, taken: frozenset[int]
    ) -> str | None:
        """The preposition of the noun phrase a prepositional phrase hangs on, if any."""
        crossed = False
        steps = 0
        while i >= clause.start and steps < MAX_PHRASE_WALK and i not in taken:
            tok = toks[i]
            if tok.lower in self.cues.preps:
                return tok.lower if crossed else None
            if tok.is_word and tok.is_title:
                crossed = True
            elif not tok.is_word or self.is_verbish(tok) or tok.lower in self.cues.conj:
                return None
            i, steps = i - 1, steps + 1
        return None


def _toggle_quote(mark: str, in_quote: bool) -> bool:
    """Quote state after ``mark``: German „…“ and »…«, English “…”, straight quotes toggle."""
    if mark in ("„", "»", "‚", "("):
        return True
    if mark in ("«", "‘", ")"):
        return False
    return not in_quote
