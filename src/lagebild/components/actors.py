"""Actor stage: find mentions of political actors and resolve them to gazetteer actors.

Reads the Doc (``doc._.published``, ``doc._.language``, ``doc.ents`` from the
NER stage when present) and sets ``doc._.mentions``: a list of
``lagebild.model.Mention`` sorted by start offset.

The work is one dictionary pass over the tokens (``actor_rules.analyse_tokens``)
followed by phrase rules on its results, in this order, each filling what the
earlier ones left open:

1. role and sector phrases: "der peruanische Außenminister Elmer Schialer",
   "US-Verteidigungsminister", "das Außenministerium in Lima", "seinen
   peruanischen Amtskollegen Walter Astudillo", "Álvaro López Miera, Minister der FAR";
2. gazetteer hits not taken by a phrase (states, capitals, organisations,
   media, known people), hyphen parts ("China-Russland-Beziehungen");
3. acronyms introduced in parentheses, then used alone;
4. NER person/organisation spans the gazetteer does not know (lower confidence);
5. short forms of people named earlier or later ("Hegseth", "Dong");
6. bare role nouns ("der Minister", "der Pentagon-Chef") linked to the
   person holding that office in the document, else in the gazetteer on the
   article's date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.components.actor_phrases import (
    CONF_ABBR,
    CONF_ANAPHOR,
    CONF_CAPITAL,
    CONF_INTRODUCED,
    CONF_NAME,
    CONF_NER_ORG,
    CONF_NER_PER,
    CONF_SHORT,
    Candidate,
    DocState,
    Person,
    PhraseRules,
)
from lagebild.components.actor_rules import (
    Hit,
    TokenView,
    analyse_tokens,
    name_after,
    name_token,
    slugify,
    title_office,
)
from lagebild.gazetteer import Gazetteer, load_gazetteer, role_sector
from lagebild.gazetteer.langdata import actor_language_data
from lagebild.gazetteer.offices import (
    RELATIONAL_OFFICES,
    office_sector,
    same_family,
)
from lagebild.model import Mention

#: Attributive adjectives between an article and an alliance noun ("die US-geführte Allianz").
MAX_ALLIANCE_ADJECTIVES = 2


def _attributive(word: str) -> bool:
    """An inflected adjective: lower case, or a compound whose last part is ("US-geführte")."""
    return word[:1].islower() or ("-" in word and word.rsplit("-", 1)[1][:1].islower())


class ActorRecognizer:
    """The ``lagebild_actors`` pipeline component."""

    def __init__(self, nlp: Language, name: str, *, gazetteer_files: Iterable[str] = ()) -> None:
        self.name = name
        self.lang = nlp.lang
        self.gazetteer_files = tuple(gazetteer_files)
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self.gazetteer_files)
        return self._gazetteer

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_rebuild, (self.lang, self.name, self.gazetteer_files))

    def __call__(self, doc: Doc) -> Doc:
        # The pipeline's language decides: its tokenizer made the tokens the index must match.
        # (doc._.language defaults to "de" and says what the text is, not how it was tokenised.)
        lang = self.lang if self.lang in ("de", "en") else "de"
        data = actor_language_data(lang)
        view = TokenView.from_doc(doc)
        text = doc.text
        analysis = analyse_tokens(view, text, self.gazetteer, lang, data)
        day = doc._.published
        if isinstance(day, dt.datetime):
            day = day.date()
        state = DocState(doc, view, analysis, day, data, lang, text)
        Rules(state, self.gazetteer).run()
        doc._.mentions = _finalise(state)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        error_handler = getattr(self, "get_error_handler", None)
        for doc in stream:
            try:
                yield self(doc)
            except Exception as exc:  # one bad document must not stop a corpus run
                if error_handler is None:
                    raise
                error_handler()(self.name, self, [doc], exc)


def _rebuild(lang: str, name: str, files: tuple[str, ...]) -> ActorRecognizer:
    import spacy

    return ActorRecognizer(spacy.blank(lang), name, gazetteer_files=files)


@Language.factory(
    "lagebild_actors",
    requires=["token.is_sent_start"],
    assigns=["doc._.mentions"],
    default_config={"gazetteer_files": []},
)
def make_actor_recognizer(nlp: Language, name: str, gazetteer_files: list[str]) -> ActorRecognizer:
    """Create the actor stage; ``gazetteer_files``: user YAML/TSV files added to the gazetteer."""
    from lagebild.components import register_extensions

    register_extensions()
    return ActorRecognizer(nlp, name, gazetteer_files=gazetteer_files)


class Rules(PhraseRules):
    """All rules of one document, in the order the module docstring gives."""

    def run(self) -> None:
        for (
            hit
        ) in self.s.analysis.hits:  # bodies named anywhere before a bare "das Außenministerium"
            org_type = self.g.org_types.get(hit.entry.actor_id)
            actor = self.actor(hit)
            if org_type and actor is not None and actor.country:
                self.s.bodies.append((hit.char_start, org_type, actor.country))
        self.s.bodies.sort()
        heads = sorted(self.s.analysis.heads.values(), key=lambda h: h.tok)
        for head in heads:
            self.head_phrase(head)
        self.plain_hits()
        self.introduced_acronyms()
        self.ner_spans()
        self.short_forms()
        self.alliance_anaphors()
        self.resolve_roles()

    # -- 2. plain gazetteer hits ----------------------------------------------

    def plain_hits(self) -> None:
        v, a = self.s.view, self.s.analysis
        taken = {c.tok for c in self.s.candidates}
        for hit in a.hits:
            if id(hit) in self.s.used or hit.entry.form == "adj" or hit.start in taken:
                continue
            if self.washington_person(hit) or self.institution_name(hit):
                continue
            self.add_hit(hit)
        companies = self.s.data.COMPANY_HEADS
        for tok, part_hits in a.parts.items():
            if companies and v.lowers[tok].rsplit("-", 1)[-1].endswith(companies):
                continue  # "US-Großbank": where a company is from, not a state actor
            adjectives = [h for h in part_hits if h.entry.form == "adj"]
            pieces = v.texts[tok].count("-") + 1
            for hit in part_hits:
                if (
                    hit.entry.form == "adj"
                    and len(adjectives) < 2
                    and pieces > 1
                    and len(part_hits) < 2
                ):
                    continue  # "russisch-" alone in "russisch-orthodox" is no actor
                self.add_hit(hit)

    def washington_person(self, hit: Hit) -> bool:
        """A capital preceded by a capitalised word is a person's surname ("George Washington")."""
        v = self.s.view
        if hit.entry.form != "capital" or hit.start == 0 or hit.start == v.sent[hit.start]:
            return False
        prev = hit.start - 1
        if prev > v.sent[prev] and v.lowers[prev - 1] in self.s.data.DETERMINERS:
            return False  # "der Region Kiew", "die Äußerungen Washingtons": that word is a noun
        return (
            v.is_title(prev)
            and v.texts[prev].isalpha()
            and prev not in self.s.analysis.by_token
            and prev not in self.s.analysis.heads
            and v.lowers[prev] not in self.s.data.NOT_NAMES
        )

    def single_person(self, hit: Hit) -> bool:
        """A demonym in the singular: "der Franzose", "der 33-jährige Spanier", "dem
        Briten", "die Französin"."""
        v, data = self.s.view, self.s.data
        lower = v.lowers[hit.start]
        ending = data.FEMININE_DEMONYM_ENDING
        if hit.end - hit.start != 1:
            return False
        if (
            ending
            and lower.endswith(ending)
            and not lower.endswith(data.FEMININE_DEMONYM_PLURAL_ENDING)
        ):
            return True
        k = hit.start - 1
        while k >= v.sent[hit.start] and hit.start - k <= 3:
            word = v.lowers[k]
            if word in data.SINGULAR_OBLIQUE_ARTICLES:
                return True
            if word in data.SINGULAR_ARTICLES:
                plural = data.DEMONYM_PLURAL_ENDING
                return not (plural and lower.endswith(plural))
            if v.is_title(k) or not any(c.isalpha() for c in word):
                return False
            k -= 1  # adjectives and ages ("33-jährige")
        return False

    def institution_name(self, hit: Hit) -> bool:
        """A capital inside an institution's, company's or sports club's name: "das OLG Wien",
        "die Universität Wien", "Wien Energie", "Dynamo Kiew" — not the state it is the
        capital of ("in der Nacht Kiew angegriffen" keeps it: only institution nouns,
        acronyms and club words count)."""
        v, data = self.s.view, self.s.data
        if hit.entry.form != "capital" or hit.genitive:
            return False
        nxt = hit.end
        if nxt < len(v) and (
            v.lowers[nxt] in data.PLACE_NAME_FOLLOWERS
            or v.lowers[nxt] in data.SPORT_CLUB_SUFFIXES  # "Paris Saint-Germain"
        ):
            return True
        prev = hit.start - 1
        if prev >= v.sent[hit.start] and v.lowers[prev] in data.SPORT_CLUB_PREFIXES:
            return True  # "Dynamo Kiew", "Real Madrid": a club, not the state
        if prev < v.sent[hit.start] or prev in self.s.analysis.by_token:
            return False
        text = v.texts[prev]
        if text.isupper() and text.isalpha() and len(text) >= 2:
            return True  # "OLG Wien": an acronym the gazetteer does not know
        return v.lowers[prev] in data.INSTITUTION_NOUNS

    def add_hit(self, hit: Hit) -> None:
        actor = self.actor(hit)
        if actor is None:
            return
        form = hit.entry.form
        if actor.kind == "PER":
            role = self.g.role_on(actor, self.s.day)
            country = role.country if role else actor.country
            office = role.office if role else None
            code = role.code if role and role.code else self.code(country, role_sector(role))
            self.add(
                Candidate(
                    hit.char_start,
                    hit.char_end,
                    "PER",
                    actor.id,
                    None if self.is_igo(country) else country,
                    role_sector(role),
                    code,
                    actor.name,
                    office,
                    CONF_NAME,
                    2,
                    hit.start,
                )
            )
            self.s.persons.append(
                Person(
                    actor.id,
                    actor.name,
                    country,
                    office,
                    code,
                    hit.char_start,
                    tuple(actor.name.split()),
                )
            )
            return
        if form == "demonym" and self.single_person(hit):
            # "sagte der Franzose": one person from that country, not its state: a country
            # but no actor code
            self.add(
                Candidate(
                    hit.char_start,
                    hit.char_end,
                    "PER",
                    None,
                    actor.country,
                    None,
                    None,
                    None,
                    None,
                    CONF_NAME,
                    2,
                    hit.start,
                )
            )
            return
        sector = self.s.sector_override.get(id(hit), actor.sector)
        if actor.kind == "GPE":
            code = self.code(actor.country, sector)
        else:
            code = actor.codes[0] if actor.codes else self.code(actor.country, sector)
        confidence = {"abbr": CONF_ABBR, "capital": CONF_CAPITAL}.get(form, CONF_NAME)
        self.add(
            Candidate(
                hit.char_start,
                hit.char_end,
                actor.kind,
                actor.id,
                actor.country,
                sector,
                code,
                actor.name,
                None,
                confidence,
                2 if not hit.part else 1,
                hit.start,
            )
        )

    # -- 3. acronyms introduced in the text -------------------------------------

    def introduced_acronyms(self) -> None:
        v, a, data = self.s.view, self.s.analysis, self.s.data
        introduced: dict[str, Candidate] = {}
        for k in range(1, len(v) - 2):
            abbr = v.texts[k + 1]
            if (
                v.texts[k] != "("
                or v.texts[k + 2] != ")"
                or not (2 <= len(abbr) <= 8 and abbr.isupper())
            ):
                continue
            covering = [c for c in self.s.candidates if c.end == v.ends[k - 1] and c.actor_id]
            if (covering and covering[-1].kind == "PER") or self.person_ends_at(v.ends[k - 1]):
                continue  # "Sebastian Kurz (ÖVP)": a person's party or country, not his name
            if covering:
                cand = covering[-1]
            else:
                start = k
                while start > v.sent[k] and (
                    v.is_title(start - 1)
                    or (v.lowers[start - 1] in data.LONG_FORM_CONNECTORS and start < k)
                ):
                    start -= 1
                while start < k and (v.lowers[start] in data.DETERMINERS or not v.is_title(start)):
                    start += 1
                if k - start < 2 and not (k - start == 1 and len(v.texts[start]) > len(abbr)):
                    continue
                long_form = self.s.text[v.starts[start] : v.ends[k - 1]]
                is_igo = any(w in long_form.lower() for w in data.IGO_NAME_WORDS)
                cand = Candidate(
                    v.starts[start],
                    v.ends[k - 1],
                    "IGO" if is_igo else "ORG",
                    actor_id=f"org:{slugify(abbr)}",
                    name=long_form,
                    code=abbr if is_igo else None,
                    confidence=CONF_INTRODUCED,
                    priority=1,
                    tok=start,
                )
                self.add(cand)
            introduced.setdefault(abbr, cand)
        if not introduced:
            return
        for k, text in enumerate(v.texts):
            cand = introduced.get(text)
            if cand is not None and k not in a.by_token:
                self.add(replace(cand, start=v.starts[k], end=v.ends[k], tok=k, priority=1))

    def person_ends_at(self, char: int) -> bool:
        """Whether the NER stage tagged a person ending at character ``char``."""
        return any(e.end_char == char for e in self.model_persons())

    # -- 4. statistical NER ----------------------------------------------------

    def completed(self, ent: Span) -> Span:
        """The person span with a surname glued to its particle that the model left out
        ("Abu Bakr" + "al-Baghdadi")."""
        v, data = self.s.view, self.s.data
        end = ent.end
        while (
            end < len(v)
            and v.sent[end] == v.sent[ent.start]
            and v.texts[end][:1].islower()
            and name_token(v, end, data, self.s.analysis)
        ):
            end += 1
        return ent if end == ent.end else Span(self.s.doc, ent.start, end, label=ent.label_)

    def ner_spans(self) -> None:
        if not self.s.doc.has_annotation("ENT_IOB"):
            return  # no NER stage ran; reading doc.ents would walk every token for nothing
        for ent in self.s.doc.ents:
            label = {"PER": "PER", "PERSON": "PER", "ORG": "ORG"}.get(ent.label_)
            if label is None:
                continue
            if label == "PER":
                ent = self.completed(ent)
            if label == "PER" and self.titled_person(ent.start, ent.end):
                continue
            if label == "PER" and not any(self.is_name(k) for k in range(ent.start, ent.end)):
                continue  # "sagt Außenministerium": a role or body noun the model took for a name
            if self.overlaps(ent.start_char, ent.end_char):
                continue
            if self.overlaps_role(ent.start_char, ent.end_char):
                continue  # the role phrase reads office and country off the text
            if label == "PER" and (fuller := self.fuller_person(ent)) is not None:
                self.add_person_ref(fuller, ent.start_char, ent.end_char, ent.start, CONF_SHORT)
            elif label == "PER":
                self.add(
                    Candidate(
                        ent.start_char,
                        ent.end_char,
                        "PER",
                        f"per:{slugify(ent.text)}",
                        name=ent.text,
                        confidence=CONF_NER_PER,
                        priority=0,
                        tok=ent.start,
                    )
                )
                self.s.persons.append(
                    Person(
                        f"per:{slugify(ent.text)}",
                        ent.text,
                        None,
                        None,
                        None,
                        ent.start_char,
                        tuple(t.text for t in ent),
                    )
                )
            else:
                self.add(
                    Candidate(
                        ent.start_char,
                        ent.end_char,
                        "ORG",
                        f"org:{slugify(ent.text)}",
                        name=ent.text,
                        confidence=CONF_NER_ORG,
                        priority=0,
                        tok=ent.start,
                    )
                )

    def fuller_person(self, ent: Span) -> Person | None:
        """The person named earlier whose longer name begins or ends with the span's words.

        The model tags the short form too ("Kim" after "Kim Seol-hwa", "Hegseth"
        after "Pete Hegseth"); it is that person, not a new one. Family names
        come first in Korean and Chinese names, so both ends count.
        """
        key = tuple(t.text.lower() for t in ent)
        person = self.short_form_person(self.short_form_keys(), key)
        return person if person is not None and person.start < ent.start_char else None

    def is_name(self, k: int) -> bool:
        return name_token(self.s.view, k, self.s.data, self.s.analysis)

    def titled_person(self, start: int, end: int) -> bool:
        """A person span the NER began with a role or title ("Papst Franziskus",
        "Oppositionsführerin Maria Kolesnikowa"): the person is the name after it, and the
        role word gives the office. Returns whether the span was handled here.
        """
        v, data = self.s.view, self.s.data
        first, office = start, None
        while first < end - 1 and v.is_title(first):
            found = title_office(v.texts[first], data)
            if found is None:
                break
            office = office or found or None
            first += 1
        if first == start or not name_token(v, first, data, self.s.analysis):
            return False
        # The model may stop inside the name it began with a title ("… Maria" + "Kolesnikowa").
        end = max(end, name_after(v, first, data, self.s.analysis))
        if self.overlaps(v.starts[first], v.ends[end - 1]):
            return True
        office = None if office in RELATIONAL_OFFICES else office
        self.person(first, end, office, None, CONF_NER_PER)
        return True

    def overlaps(self, start: int, end: int) -> bool:
        return any(c.start < end and start < c.end for c in self.s.candidates)

    def overlaps_role(self, start: int, end: int) -> bool:
        """Whether a role phrase not yet resolved covers the span ("einen General aus China")."""
        return any(c.start < end and start < c.end for c in self.s.pending_roles)

    # -- 5. short forms of people ------------------------------------------------

    def short_form_keys(self) -> dict[tuple[str, ...], Person]:
        """The first and last words of every person named with two or more words, lower-cased:
        the short forms that name them ("Hegseth", "Kim", "Ban"); the earliest person wins."""
        keys: dict[tuple[str, ...], Person] = {}
        # assigned last to first, so that the earliest (and first recorded) person wins
        for person in reversed(sorted(self.s.persons, key=lambda p: p.start)):
            tokens = person.tokens
            for size in range(1, len(tokens)):
                for key in (tokens[:size], tokens[-size:]):
                    if all(len(t) > 1 for t in key):
                        keys[tuple(t.lower() for t in key)] = person
        return keys

    def short_form_person(
        self, keys: dict[tuple[str, ...], Person], key: tuple[str, ...]
    ) -> Person | None:
        """The person a short form names, also in the genitive ("Bans" of "Ban Ki-moon");
        the one named first when both readings name someone ("Orbans": Viktor Orbán, not a
        person "Orbans Fidesz-Partei" the model made up)."""
        if not key:
            return None
        readings = [key] + [
            (*key[:-1], key[-1].removesuffix(ending))
            for ending in self.s.data.GENITIVE_ENDINGS
            if key[-1].endswith(ending)
        ]
        people = [p for p in map(keys.get, readings) if p is not None]
        return min(people, key=lambda p: p.start, default=None)

    def short_forms(self) -> None:
        v, a, data = self.s.view, self.s.analysis, self.s.data
        keys = self.short_form_keys()
        if not keys:
            return
        covered = self.covered_tokens()
        for k in range(len(v)):
            if k in covered or not v.is_title(k) or v.lowers[k] in data.NOT_NAMES or k in a.heads:
                continue
            for size in (2, 1):
                key = tuple(v.lowers[k : k + size])
                person = self.short_form_person(keys, key)
                if (
                    person is not None
                    and len(key) == size
                    and not any(j in covered for j in range(k, k + size))
                ):
                    self.add_person_ref(person, v.starts[k], v.ends[k + size - 1], k, CONF_SHORT)
                    covered.update(range(k, k + size))
                    break
        for tok, _ in a.heads.items():
            self.short_parts(tok, keys)
        for tok in a.parts:
            self.short_parts(tok, keys)

    def alliance_anaphors(self) -> None:
        """ "die Allianz", "das westliche Bündnis", "die US-geführte Allianz": the military
        alliance named last before it."""
        v, data = self.s.view, self.s.data
        covered = self.covered_tokens()
        for k in range(1, len(v)):
            if k in covered or v.lowers[k] not in data.ALLIANCE_NOUNS:
                continue
            article = k - 1
            while (
                article > v.sent[k]
                and k - article <= MAX_ALLIANCE_ADJECTIVES
                and v.lowers[article] not in data.DEFINITE
                and _attributive(v.texts[article])
            ):
                article -= 1
            if v.lowers[article] not in data.DEFINITE or (
                k + 1 < len(v)
                and v.sent[k + 1] == v.sent[k]
                and (v.lowers[k + 1] in data.ALLIANCE_NAME_OPENERS or v.texts[k + 1][:1].isdigit())
            ):
                continue  # "die Allianz der Rebellen", "Bündnis 90" name alliances of their own
            alliance = self.last_alliance(v.starts[k])
            if alliance is not None:
                # "US-geführte" describes the alliance: the phrase is one actor, the alliance
                self.s.candidates = [
                    c for c in self.s.candidates
                    if not (c.start < v.ends[k - 1] and v.starts[article + 1] < c.end)
                ]  # fmt: skip
                self.add(
                    replace(
                        alliance,
                        start=v.starts[article],
                        end=v.ends[k],
                        tok=k,
                        confidence=CONF_ANAPHOR,
                        priority=0,
                    )
                )

    def last_alliance(self, before: int) -> Candidate | None:
        """The military alliance (an intergovernmental actor of sector MIL) named last."""
        alliances = [
            c
            for c in self.s.candidates
            if c.start < before
            and (actor := self.g.actors.get(c.actor_id or "")) is not None
            and (actor.kind, actor.sector) == ("IGO", "MIL")
        ]
        return max(alliances, key=lambda c: c.start, default=None)

    def short_parts(self, tok: int, keys: dict[tuple[str, ...], Person]) -> None:
        """Names inside hyphen compounds: "Putin-Xi-Gespräch"."""
        v = self.s.view
        offset = v.starts[tok]
        for piece in v.texts[tok].split("-"):
            person = keys.get((piece.lower(),))
            if (
                person is not None
                and piece[:1].isupper()
                and not self.overlaps(offset, offset + len(piece))
            ):
                self.add_person_ref(person, offset, offset + len(piece), tok, CONF_SHORT)
            offset += len(piece) + 1

    def covered_tokens(self) -> set[int]:
        v = self.s.view
        covered: set[int] = set()
        for cand in self.s.candidates:
            k = bisect.bisect_left(v.starts, cand.start)
            while k < len(v) and v.starts[k] < cand.end:
                covered.add(k)
                k += 1
        return covered

    def add_person_ref(
        self, person: Person, start: int, end: int, tok: int, confidence: float
    ) -> None:
        self.add(
            Candidate(
                start,
                end,
                "PER",
                person.actor_id,
                None if self.is_igo(person.country) else person.country,
                office_sector(person.office),
                person.code,
                person.name,
                person.office,
                confidence,
                2,
                tok,
            )
        )

    # -- 6. bare role nouns -----------------------------------------------------

    def resolve_roles(self) -> None:
        for cand in self.s.pending_roles:
            if self.overlaps(cand.start, cand.end):
                continue
            if (
                cand.actor_id == ""
            ):  # "ein Sprecher des Außenministeriums": some holder, not a known one
                if cand.country or cand.code:
                    self.add(replace(cand, actor_id=None))
                continue
            person = self.role_antecedent(cand)
            if person is not None:
                country = cand.country or (None if self.is_igo(person.country) else person.country)
                self.add(
                    replace(
                        cand,
                        actor_id=person.actor_id,
                        name=person.name,
                        role=person.office,
                        country=country,
                        code=person.code or cand.code,
                    )
                )
                continue
            holder = (
                self.g.office_holder(cand.role, cand.country, on=self.s.day) if cand.role else None
            )
            if holder is not None:
                self.add(replace(cand, actor_id=holder.id, name=holder.name))
            elif cand.country or cand.code:
                self.add(cand)

    def role_antecedent(self, cand: Candidate) -> Person | None:
        """The nearest person before (else the first after) holding a matching office."""
        fits = [
            p
            for p in self.s.persons
            if p.office
            and same_family(cand.role, p.office)
            and (cand.country is None or p.country is None or p.country == cand.country)
        ]
        before = [p for p in fits if p.start < cand.start]
        if before:
            return max(before, key=lambda p: p.start)
        after = [p for p in fits if p.start > cand.start and (cand.country or cand.code)]
        return min(after, key=lambda p: p.start) if after else None


def _finalise(state: DocState) -> list[Mention]:
    """Drop overlapping candidates (higher priority, then longer, wins) and build Mentions."""
    chosen: list[Candidate] = []
    ordered = sorted(state.candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    for cand in ordered:
        if any(c.start < cand.end and cand.start < c.end for c in chosen):
            continue
        chosen.append(cand)
    text, article_id = state.text, state.doc._.article_id or ""
    return [
        Mention(
            article_id=article_id,
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            kind=c.kind,
            actor_id=c.actor_id,
            country=c.country,
            sector=c.sector,
            code=c.code,
            confidence=c.confidence,
            name=c.name,
            role=c.role,
        )
        for c in sorted(chosen, key=lambda c: c.start)
    ]


def mentions_of(doc: Doc) -> list[Mention]:
    """The mentions the stage set on ``doc`` (empty before it ran)."""
    return list(doc._.mentions or [])


__all__: list[str] = ["ActorRecognizer", "make_actor_recognizer", "mentions_of"]
