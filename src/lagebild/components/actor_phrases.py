"""Phrase rules of the actor stage: role and sector phrases, appositions, counterparts.

``PhraseRules`` turns the token analysis of ``actor_rules`` into candidate
mentions for phrases built around a role noun ("der peruanische Außenminister
Elmer Schialer", "seinen Amtskollegen", "Álvaro López Miera, Minister der FAR")
or a sector noun ("das Außenministerium in Lima", "die Regierungen von Kuba und
China"). ``lagebild.components.actors.Rules`` adds the document-level passes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from lagebild.components.actor_rules import (
    Head,
    Hit,
    TokenAnalysis,
    TokenView,
    is_adjective_like,
    name_after,
    name_before,
    slugify,
)
from lagebild.gazetteer import Gazetteer
from lagebild.gazetteer.offices import (
    RELATIONAL_OFFICES,
    ROLE_IN_BODY,
    office_sector,
    office_sectors,
)
from lagebild.model import Actor

# Confidence of each way of finding a mention; ordered by how often each was right on the gold set.
CONF_NAME = 0.95  # a gazetteer name or alias
CONF_ABBR = 0.9  # a gazetteer abbreviation (case-exact)
CONF_CAPITAL = 0.85  # a capital or seat of power standing for its state
CONF_ROLE_NAME = 0.9  # "<role> <Name>": office and country read off the text
CONF_SHORT = 0.85  # a short form of a person named in the document
CONF_PHRASE = 0.85  # "das peruanische Außenministerium"
CONF_CONTEXT = 0.7  # country taken from an earlier mention of the same body
CONF_ANAPHOR = 0.7  # "der Minister" → the last minister named
CONF_INTRODUCED = 0.8  # "Long Name (ABBR)" introduced in the text
CONF_NER_PER = 0.6  # statistical NER only
CONF_NER_ORG = 0.5
#: Bodies whose country may come from an earlier mention ("das Außenministerium" after "das
#: nordkoreanische Außenministerium"); governments and regimes are too often plural
#: ("beide Regierungen").
CONTEXT_BODIES = frozenset({"foreign_ministry", "defence_ministry", "ministry"})
#: Body types that stand for many organisations of a state, never for the one entry a
#: gazetteer may list ("die türkischen Medien" are not the agency Anadolu).
COLLECTIVE_BODY_TYPES = frozenset({"media"})
MAX_PREMODIFIERS = 3
# A name token with a capitalised word glued on ("JunFoto"); both parts must look like words.
_GLUED = re.compile(
    r"^([A-ZÄÖÜ][a-zäöüß]{2,})([A-ZÄÖÜ][a-zäöüß]{3,})$"
)  # tokens scanned back from a head noun for adjectives ("der ehemalige chinesische")


@dataclass(slots=True)
class Candidate:
    """A mention under construction (token span, what it resolved to, how sure)."""

    start: int  # character offsets
    end: int
    kind: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None
    role: str | None = None
    confidence: float = 1.0
    priority: int = 0  # higher wins an overlap
    tok: int = -1  # token index of the head/name start, for ordering


@dataclass(slots=True)
class Person:
    """A person named in the document, for short forms and role anaphora."""

    actor_id: str
    name: str
    country: str | None
    office: str | None
    code: str | None
    start: int
    tokens: tuple[str, ...] = ()


@dataclass(slots=True)
class DocState:
    """Everything one document's rules share."""

    doc: Doc
    view: TokenView
    analysis: TokenAnalysis
    day: dt.date | None
    data: Any
    lang: str
    text: str  # Doc.text rebuilds the string on every access: read it once
    candidates: list[Candidate] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # ids of hits absorbed into phrases
    persons: list[Person] = field(default_factory=list)
    bodies: list[tuple[int, str, str | None]] = field(
        default_factory=list
    )  # (char, org_type, country)
    pending_roles: list[Candidate] = field(default_factory=list)
    sector_override: dict[int, str] = field(default_factory=dict)  # id(hit) -> sector


class PhraseRules:
    """Role and sector phrase rules of one document."""

    def __init__(self, state: DocState, gazetteer: Gazetteer) -> None:
        self.s = state
        self.g = gazetteer

    # -- helpers ---------------------------------------------------------------

    def actor(self, hit: Hit) -> Actor | None:
        return self.g.actors.get(hit.entry.actor_id)

    def hit_country(self, hit: Hit) -> str | None:
        actor = self.actor(hit)
        if actor is None:
            return None
        if actor.kind == "IGO":
            return actor.codes[0] if actor.codes else None
        return actor.country

    def is_igo(self, country: str | None) -> bool:
        return bool(country) and country not in self.g.country_codes

    def code(self, country: str | None, sector: str | None) -> str | None:
        if self.is_igo(country):
            return country
        return self.g.code(country, sector) if country else None

    def body_id(self, country: str, org_type: str) -> str | None:
        """One id per state and body type, whatever the wording: the gazetteer's entry when it
        has one ("gov:usa_state"), else "body:PRK:foreign_ministry".
        """
        known = self.known_body(country, org_type)
        if known is not None:
            return known.id
        return f"body:{country}:{org_type}" if org_type in self.s.data.BODY_NAMES else None

    def known_body(self, country: str, org_type: str) -> Actor | None:
        """The gazetteer's entry for a state's body; none for the many outlets of its
        media, even when the gazetteer lists one ("türkische TV-Sender" are not Anadolu)."""
        return None if org_type in COLLECTIVE_BODY_TYPES else self.g.body(country, org_type)

    def body_name(self, country: str, org_type: str) -> str | None:
        """ "Außenministerium (Nordkorea)": the body's name and whose it is."""
        known = self.known_body(country, org_type)
        if known is not None:
            return known.name
        body = self.s.data.BODY_NAMES.get(org_type)
        if body is None:
            return None
        owner = self.g.country(country)  # None for an organisation's body: keep its code
        return f"{body} ({owner.name if owner else country})"

    def context_body(self, org_type: str, before: int) -> str | None:
        """Country of the latest body of the same type mentioned before ``before`` (characters)."""
        for char, kind, country in reversed(self.s.bodies):
            if char < before and kind == org_type and country:
                return country
        return None

    def add(self, cand: Candidate) -> None:
        self.s.candidates.append(cand)

    # -- 1. role and sector phrases -------------------------------------------

    def premodifiers(self, head: Head) -> tuple[int, str | None, str | None, Hit | None]:
        """(first token of the phrase, country, determiner, body hit) read before the head."""
        v, a, data = self.s.view, self.s.analysis, self.s.data
        country, body = None, None
        for mod in head.mods:
            self.s.used.add(id(mod))
            if mod.entry.form == "adj" or (self.actor(mod) and self.actor(mod).kind == "GPE"):
                country = country or self.hit_country(mod)
            else:
                body = mod
        first, j = head.tok, head.tok - 1
        steps = 0
        while j >= v.sent[head.tok] and steps < MAX_PREMODIFIERS:
            hit = a.by_token.get(j)
            if hit is not None and hit.entry.form == "adj":
                country = country or self.hit_country(hit)
                self.s.used.add(id(hit))
                first, j = hit.start, hit.start - 1
            elif (
                hit is not None
                and hit.genitive
                and hit.end == first
                and self.actor(hit)
                and self.actor(hit).kind == "GPE"
            ):
                country = country or self.hit_country(hit)
                self.s.used.add(id(hit))
                first = hit.start
                break
            elif is_adjective_like(v.lowers[j], data):
                j -= 1
                steps += 1
                continue
            else:
                break
            steps += 1
        det = v.lowers[first - 1] if first > 0 and v.lowers[first - 1] in data.DETERMINERS else None
        if det is None and first > 0 and is_adjective_like(v.lowers[first - 1], data):
            k = first - 1
            while k > v.sent[first] and is_adjective_like(v.lowers[k], data):
                k -= 1
            det = v.lowers[k] if v.lowers[k] in data.DETERMINERS else None
        return first, country, det, body

    def complement(
        self, head: Head, depth: int = 0
    ) -> tuple[int, str | None, str | None, Hit | None]:
        """(end token, country, org_type of the body, body hit) read after the head."""
        v, a, data = self.s.view, self.s.analysis, self.s.data
        k = head.tok + 1
        if k >= len(v) or v.sent[k] != v.sent[head.tok]:
            return k, None, None, None
        hit = a.by_token.get(k)
        if hit is not None and hit.genitive and hit.start == k:
            return hit.end, self.hit_country(hit), self.g.org_types.get(hit.entry.actor_id), hit
        if (
            v.lowers[k] in data.COMPLEMENT_PREPOSITIONS
            and head.office is not None
            and k + 1 < len(v)
        ):
            place = a.by_token.get(k + 1)  # "der König von Jordanien"
            if (
                place is not None
                and place.start == k + 1
                and self.actor(place)
                and self.actor(place).kind == "GPE"
                and place.entry.form != "adj"
            ):
                return place.end, self.hit_country(place), None, place
            if self.bare_role(k + 1):  # "ein Sprecher von Präsident X": another role
                return k + 2, None, None, None
        if v.lowers[k] not in ("des", "der", "of"):
            return k, None, None, None
        m = k + 1
        country = None
        while m < len(v) and v.sent[m] == v.sent[head.tok]:
            hit = a.by_token.get(m)
            if hit is not None and hit.entry.form == "adj":
                country = country or self.hit_country(hit)
                m = hit.end
            elif is_adjective_like(v.lowers[m], data):
                m += 1
            else:
                break
        if m >= len(v) or v.sent[m] != v.sent[head.tok]:
            return k, None, None, None
        hit = a.by_token.get(m)
        if (
            hit is not None
            and hit.entry.form != "adj"
            and not hit.entry.actor_id.startswith("per:")
        ):
            org_type = self.g.org_types.get(hit.entry.actor_id)
            actor = self.actor(hit)
            if actor is not None and actor.kind == "IGO" and not org_type:
                org_type = "igo"
            return hit.end, self.hit_country(hit) or country, org_type, hit
        inner = a.heads.get(m)
        if inner is not None and inner.sector is not None and depth <= 1:
            end, inner_country = self.sector_phrase(inner, emit=True)
            return end, inner_country, inner.sector[2], None
        if self.bare_role(m):
            # "ein Sprecher des französischen Präsidenten": the complement is another role,
            # a person of its own (read by its own phrase); its country is the speaker's
            return m + 1, country, None, None
        if depth == 0 and m + 1 < len(v) and v.lowers[m][:1].isalpha():
            # One unknown link in a genitive chain:
            # "des Japan-Forschungszentrums des Außenministeriums".
            return self.complement(Head(m), depth=1)
        return k, None, None, None

    def bare_role(self, tok: int) -> bool:
        """Whether token ``tok`` is a role noun with no state glued on ("Präsidenten")."""
        head = self.s.analysis.heads.get(tok)
        return head is not None and head.office is not None and not head.mods

    def consume(self, hit: Hit | None) -> None:
        """Make a state in a complement part of the phrase ("Präsident der Vereinigten Staaten")."""
        if hit is not None and self.actor(hit) is not None and self.actor(hit).kind == "GPE":
            self.s.used.add(id(hit))

    def head_phrase(self, head: Head) -> None:
        if head.sector is not None:
            if head.tok not in {c.tok for c in self.s.candidates}:
                self.sector_phrase(head, emit=True)
            return
        self.role_phrase(head)

    def sector_phrase(self, head: Head, *, emit: bool) -> tuple[int, str | None]:
        """An organisation phrase ("das Außenministerium in Lima"); returns (end token, country)."""
        v, a, data = self.s.view, self.s.analysis, self.s.data
        sector, kind, org_type = head.sector
        first, country, _det, body = self.premodifiers(head)
        end, comp_country, _body_type, comp_hit = self.complement(head)
        if (
            comp_hit is not None
            and comp_hit.entry.form in ("name", "abbr")
            and self.actor(comp_hit)
            and self.actor(comp_hit).kind != "GPE"
        ):
            # "Streitkräfte der NATO": the organisation stands alone
            self.s.used.discard(id(comp_hit))
            end, comp_country = head.tok + 1, None
        country = country or comp_country
        nxt = head.tok + 1
        if nxt < len(v) and sector == "MED" and v.lowers[head.tok] in data.MEDIA_APPOSITION_NOUNS:
            named = a.by_token.get(nxt)
            if named is not None and self.actor(named) and self.actor(named).sector == "MED":
                return nxt, country  # "der Staatssender CCTV": the outlet is the mention
        coordinated = nxt + 1 < len(v) and v.lowers[nxt] in data.COMPLEMENT_PREPOSITIONS
        if coordinated and not country and self.distribute(nxt + 1, sector):
            return nxt, None
        if nxt + 1 < len(v) and v.lowers[nxt] in data.LOCATIVE_PREPOSITIONS and kind == "ORG":
            place = a.by_token.get(nxt + 1)
            if (
                place is not None
                and place.start == nxt + 1
                and self.actor(place)
                and self.actor(place).kind == "GPE"
                and not country
            ):
                country = self.hit_country(place)
                self.s.used.add(id(place))
                end = place.end
        if body is not None and not country:
            country = self.hit_country(body)
        confidence = CONF_PHRASE
        if (
            not country
            and org_type in CONTEXT_BODIES
            and _det in ("der", "die", "das", "des", "dem", "den")
        ):
            country = self.context_body(org_type, v.starts[head.tok])
            confidence = CONF_CONTEXT
        if country and org_type not in ("side", "media"):
            self.s.bodies.append((v.starts[head.tok], org_type, country))
            self.s.bodies.sort()
        if not country or not emit:
            return end, country
        if (
            first == head.tok
            and not head.mods
            and org_type in ("media", "delegation")
            and end == head.tok + 1
        ):
            return (
                end,
                country,
            )  # a bare "Sender" or "Delegation" with a country from context: too vague
        self.consume(comp_hit)
        self.add(
            Candidate(
                v.starts[first],
                v.ends[end - 1],
                kind if not self.is_igo(country) else "IGO",
                actor_id=f"gpe:{country}" if kind == "GPE" else self.body_id(country, org_type),
                country=None if self.is_igo(country) else country,
                sector=sector or None,
                code=self.code(country, sector or None),
                name=self.body_name(country, org_type),
                confidence=confidence,
                priority=2,
                tok=head.tok,
            )
        )
        return end, country

    def distribute(self, k: int, sector: str) -> bool:
        """Give ``sector`` to a coordinated list of states ("Regierungen von Kuba und China")."""
        v, a, data = self.s.view, self.s.analysis, self.s.data
        found = False
        while k < len(v):
            hit = a.by_token.get(k)
            if (
                hit is None
                or not self.actor(hit)
                or self.actor(hit).kind != "GPE"
                or hit.entry.form == "adj"
            ):
                break
            self.s.sector_override[id(hit)] = sector
            found, k = True, hit.end
            if k < len(v) and v.lowers[k] in data.CONJUNCTIONS:
                k += 1
            else:
                break
        return found

    def role_phrase(self, head: Head) -> None:
        v, data = self.s.view, self.s.data
        first, country, det, body = self.premodifiers(head)
        end, comp_country, body_type, comp_hit = self.complement(head)
        office = head.office
        if body is not None:
            body_type = self.g.org_types.get(body.entry.actor_id) or (
                "igo" if self.actor(body) and self.actor(body).kind == "IGO" else None
            )
            country = country or self.hit_country(body)
        # Read off the phrase itself: "NATO-Außenminister", "die russischen Diplomaten".
        prefixed = country
        country = country or comp_country
        if body_type:
            office = ROLE_IN_BODY.get((office, body_type), office)
        if office == "counterpart":
            office = self.governing_office(v.starts[first])
        if office in RELATIONAL_OFFICES:
            office = None
        plural = (
            (first > 0 and v.lowers[first - 1] in data.PLURAL_MARKERS)
            or (det == "die" and not v.lowers[head.tok].endswith(data.FEMININE_ROLE_ENDINGS))
            or (end < len(v) and v.lowers[end] in ("beider", "both"))
        )
        # The name follows the role ("Außenminister Elmer Schialer") or its complement + comma.
        name_start = end + 1 if end < len(v) and v.texts[end] == "," and end > head.tok + 1 else end
        if name_start == end and end > head.tok + 1 and end < len(v) and v.texts[end] == ",":
            name_start = end + 1
        name_end = (
            name_after(v, name_start, data, self.s.analysis) if name_start < len(v) else name_start
        )
        if name_end == name_start and end < len(v) and v.texts[end] == "," and end == head.tok + 1:
            name_start = end + 1  # "seinem kubanischen Amtskollegen, Álvaro López Miera"
            name_end = (
                name_after(v, name_start, data, self.s.analysis)
                if name_start < len(v)
                else name_start
            )
        if name_end > name_start and self.complement_name(head.tok, end, name_start, name_end):
            # "der Chef der Partei HDP, Selahattin Demirtaş": the body's name, then the holder;
            # "die Sprecherin des Präsidenten Emmanuel Macron": his country is hers
            country = country or self.known_person_country(name_start, name_end)
            after = name_end + 1
            if name_end < len(v) and v.texts[name_end] == "," and after < len(v):
                name_start, name_end = after, name_after(v, after, data, self.s.analysis)
            else:
                name_start = name_end
        if name_end > name_start and not plural:
            self.consume(comp_hit)
            self.person(name_start, name_end, office, country, CONF_ROLE_NAME)
            return
        # Apposition: "Álvaro López Miera, Minister der FAR," / "Kim Seol-hwa, ein Beamter des ...".
        comma = first - 1 if det is None else first - 2
        if comma > 0 and v.texts[comma] == "," and not plural:
            start = self.model_name_start(name_before(v, comma, data, self.s.analysis), comma)
            if start < comma:
                self.consume(comp_hit)
                self.person(start, comma, office, country, CONF_ROLE_NAME, apposition=True)
                return
        if plural and prefixed and office and det not in data.INDEFINITE:
            # A group of one state's or body's officials acts as that actor
            # ("die NATO-Außenminister berieten"); it names no single holder.
            self.consume(comp_hit)
            self.add(
                Candidate(
                    v.starts[first],
                    v.ends[head.tok],
                    "PER",
                    country=None if self.is_igo(prefixed) else prefixed,
                    sector=office_sector(office),
                    role=office,
                    code=self.code(prefixed, office_sectors(office)),
                    confidence=CONF_ANAPHOR,
                    priority=1,
                    tok=head.tok,
                )
            )
            return
        if plural or office is None:
            return
        if det is None and not head.mods and not country:
            return  # a bare role word without article or country is a title, not a reference
        cand = Candidate(
            v.starts[first],
            v.ends[head.tok],
            "PER",
            country=None if self.is_igo(country) else country,
            actor_id="" if det in data.INDEFINITE else None,
            sector=office_sector(office),
            role=office,
            code=self.code(country, office_sectors(office)),
            confidence=CONF_ANAPHOR,
            priority=1,
            tok=head.tok,
        )
        self.consume(comp_hit)
        self.s.pending_roles.append(cand)

    def model_persons(self) -> list[Span]:
        """The person spans of the NER stage (none when it did not run)."""
        doc = self.s.doc
        if not doc.has_annotation("ENT_IOB"):
            return []  # reading doc.ents without NER would walk every token for nothing
        return [e for e in doc.ents if e.label_ in ("PER", "PERSON")]

    def model_name_start(self, start: int, end: int) -> int:
        """Where a name run before an apposition begins, trusting the NER model where it
        tagged a person ending there: "Nach Einschätzung von Grit Hanneforth, Chefin …"
        is a run of capitalised words and a particle, but the person is "Grit Hanneforth"."""
        return max([start, *(e.start for e in self.model_persons() if e.end == end)])

    def known_person_country(self, start: int, end: int) -> str | None:
        """The country of the gazetteer person named at tokens [start, end), if any."""
        hit = self.s.analysis.by_token.get(start)
        if hit is None or hit.end != end or not hit.entry.actor_id.startswith("per:"):
            return None
        actor = self.actor(hit)
        return actor.country if actor is not None else None

    def complement_name(self, head_tok: int, end: int, start: int, stop: int) -> bool:
        """Whether the capitalised words right after a genitive complement name the body,
        not the role's holder: "der Chef der Partei HDP", "der Sprecher der Gruppe Hamas".

        A holder named after the complement stands behind a comma ("der Chef der
        Partei, Selahattin Demirtaş") or has a first name and a surname; a name after a
        complement that is itself a role is that role's holder.
        """
        if end <= head_tok + 1 or start != end:
            return False  # no complement, or the name follows a comma
        inner = self.s.analysis.heads.get(end - 1)
        if inner is not None and inner.office is not None:
            return True  # "die Sprecherin der Außenbeauftragten Federica Mogherini": hers
        v = self.s.view
        return stop - start < 2 or v.texts[start].isupper()

    def governing_office(self, before: int) -> str | None:
        """Office of the last person with an office named before ``before`` (for "Amtskollege").

        When the counterpart comes first ("mit seinem polnischen Amtskollegen ...
        sprach der litauische Verteidigungsminister"), the next role noun of the
        sentence governs it.
        """
        for person in sorted(self.s.persons, key=lambda p: p.start, reverse=True):
            if person.start < before and person.office and person.office not in RELATIONAL_OFFICES:
                return person.office
        v = self.s.view
        tok = bisect.bisect_left(v.starts, before)
        # Known people and role nouns earlier in the sentence ("Baerbock traf ihren
        # ukrainischen Amtskollegen", "Der Außenminister Arnors … seinem Amtskollegen").
        earlier: list[tuple[int, str]] = []
        for hit in self.s.analysis.hits:
            actor = self.actor(hit)
            if actor is None or actor.kind != "PER" or hit.start >= tok:
                continue
            if v.sent[hit.start] != v.sent[tok]:
                continue
            role = self.g.role_on(actor, self.s.day)
            if role is not None and role.office and role.office not in RELATIONAL_OFFICES:
                earlier.append((hit.start, role.office))
        for head in self.s.analysis.heads.values():
            if (
                head.tok < tok
                and v.sent[head.tok] == v.sent[tok]
                and head.office
                and head.office not in RELATIONAL_OFFICES
            ):
                earlier.append((head.tok, head.office))
        if earlier:
            return max(earlier)[1]
        for head in sorted(self.s.analysis.heads.values(), key=lambda h: h.tok):
            if (
                head.tok > tok
                and v.sent[head.tok] == v.sent[tok]
                and head.office
                and head.office not in RELATIONAL_OFFICES
            ):
                return head.office
        return None

    def person(
        self,
        start: int,
        end: int,
        office: str | None,
        country: str | None,
        confidence: float,
        *,
        apposition: bool = False,
    ) -> None:
        """A person named at tokens [start, end) with an office read off the text."""
        v, a = self.s.view, self.s.analysis
        end_char = v.ends[end - 1]
        glued = _GLUED.match(v.texts[end - 1])
        if (
            glued and end - start > 1
        ):  # "Dong JunFoto": a caption word glued to the name by scraping
            end_char -= len(glued.group(2))
        text = self.s.text[v.starts[start] : end_char]
        known = a.by_token.get(start)
        actor = None
        if known is not None and known.entry.actor_id.startswith("per:") and known.end == end:
            actor = self.actor(known)
            self.s.used.add(id(known))
        if actor is None:
            actor = self.surname_match(v.texts[end - 1], country)
        if apposition:
            existing = [
                c for c in self.s.candidates if c.start == v.starts[start] and c.kind == "PER"
            ]
            for cand in existing:
                self.s.candidates.remove(cand)
        actor_id = actor.id if actor else f"per:{slugify(text)}"
        if actor is not None and (not office or not country):
            role = self.g.role_on(actor, self.s.day)
            if not office and role is not None:
                office = role.office
            country = (
                country
                or (role.country if role and role.country else actor.country)
                or (role.code if role and role.code and role.code.startswith("IGO") else None)
            )
        sector = office_sector(office)
        code = self.code(country, office_sectors(office))
        self.add(
            Candidate(
                v.starts[start],
                end_char,
                "PER",
                actor_id=actor_id,
                country=None if self.is_igo(country) else country,
                sector=sector,
                code=code,
                name=actor.name if actor else text,
                role=office,
                confidence=confidence,
                priority=3,
                tok=start,
            )
        )
        for k in range(start, end):
            hit = a.by_token.get(k)
            if hit is not None:
                self.s.used.add(id(hit))
        self.s.persons.append(
            Person(
                actor_id,
                actor.name if actor else text,
                country,
                office,
                code,
                v.starts[start],
                tuple(text.split()),
            )
        )

    def surname_match(self, surname: str, country: str | None) -> Actor | None:
        """A gazetteer person listed under the short name ``surname`` who belongs to ``country``."""
        if not country:
            return None
        for entry in self.g.index(self.s.lang).get((surname.lower(),)):
            actor = self.g.actors.get(entry.actor_id)
            if actor is not None and actor.kind == "PER" and actor.country == country:
                return actor
        return None
