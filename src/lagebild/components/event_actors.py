"""Actor mentions as the sides of an event.

Which mentions may act at all (coded actors, the longest of nested ones, not a
dateline's place), the key under which two mentions count as the same side, and
the record an event stores for each side.
"""

from __future__ import annotations

import itertools
import re

from lagebild.model import EventActor, Mention, Sentence

#: Mention kinds that name a place: they may say where an event happened or own a noun.
ACTOR_KINDS_FOR_LOCATION = frozenset({"GPE", "LOC"})
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[–—-]\s")  # "Kiew (APA) – "
#: Further places of a dateline after a slash: "Wien/Linz – ", "Berlin/Ankara – ".
_DATELINE_PLACE = r"[A-ZÄÖÜ][\w.'-]*(?: [A-ZÄÖÜ][\w.'-]*){0,2}"
_DATELINE_SLASH = re.compile(rf"\s*/\s*{_DATELINE_PLACE}")
_DATELINE_HEAD = re.compile(rf"(?:{_DATELINE_PLACE}\s*/\s*)+")


def dateline(mention: Mention, sentence: Sentence) -> bool:
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


def actor_key(mention: Mention) -> str:
    """What makes two mentions the same side: their state, code, actor id or text."""
    return mention.country or mention.code or mention.actor_id or mention.text


def actor_keys(mentions: list[Mention]) -> frozenset[str]:
    """The keys of a side's mentions."""
    return frozenset(actor_key(m) for m in mentions)


def event_actor(mention: Mention) -> EventActor:
    """The record an event stores for one of its actor mentions."""
    return EventActor(
        text=mention.text,
        actor_id=mention.actor_id,
        code=mention.code,
        country=mention.country,
        sector=mention.sector,
        start=mention.start,
        end=mention.end,
    )


def political(mentions: list[Mention]) -> list[Mention]:
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


#: Characters at most between a body and the person after it in apposition (", ").
APPOSITION_GAP = 2


def without_bodies_of_persons(mentions: list[Mention]) -> list[Mention]:
    """Drop a body named just before its own person in apposition.

    "der Sprecher des brasilianischen Außenministeriums, Tomás Almeida" is one
    speaker: the person acts and the ministry only says whose spokesperson he is.
    """
    drop = {
        id(body)
        for body, person in itertools.pairwise(mentions)
        if body.kind == "ORG"
        and person.kind == "PER"
        and body.country
        and body.country == person.country
        and 0 < person.start - body.end <= APPOSITION_GAP
    }
    return [m for m in mentions if id(m) not in drop]
