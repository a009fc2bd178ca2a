"""Actor gazetteer: states, organisations, media and people, with dated roles and a surface index.

``load_gazetteer()`` reads the packaged tables once (and any user files given)
and returns a ``Gazetteer``: actor records, per-language surface-form indexes
for the actor stage, and ``office_holder`` to ask who held an office on a day.
The object is plain data, so it pickles for worker processes, and the built
object is kept in the user's cache folder for the next process (``filecache``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lagebild.gazetteer.filecache import cache_key, cached
from lagebild.gazetteer.index import Entry, SurfaceIndex, tokenize
from lagebild.gazetteer.loader import (
    ActorRecord,
    country_records,
    organisation_records,
    people_records,
    read_table,
    user_records,
)
from lagebild.gazetteer.offices import office_sector
from lagebild.model import Actor, Role

__all__ = ["Gazetteer", "load_gazetteer"]

#: Packaged tables, in load order; later files override earlier ones with the same id.
PACKAGED_PEOPLE = ("people_phoenix.tsv", "officeholders.tsv")
INDEXED_LANGUAGES = ("de", "en")
_PLAIN_NAME = re.compile(
    r"^[^\W\d_]+(?: [^\W\d_]+)*$"
)  # letters and single spaces: split() tokenises it


@dataclass(slots=True)
class Gazetteer:
    """Actors with their surface forms, indexed per language."""

    actors: dict[str, Actor]
    org_types: dict[str, str] = field(default_factory=dict)
    country_codes: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 -> CAMEO country code
    indexes: dict[str, SurfaceIndex] = field(default_factory=dict)
    offices: dict[str, list[str]] = field(
        default_factory=dict
    )  # office -> ids of people who held it

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (
            Gazetteer,
            (self.actors, self.org_types, self.country_codes, self.indexes, self.offices),
        )

    # -- lookups ---------------------------------------------------------------

    def index(self, lang: str) -> SurfaceIndex:
        """The surface index of ``lang`` (German forms serve languages without their own)."""
        return self.indexes.get(lang) or self.indexes["de"]

    def lookup(self, text: str, *, lang: str = "de") -> list[Actor]:
        """Actors whose indexed surface form is exactly ``text`` (case rules applied)."""
        tokens = tokenize(text, lang)
        entries = self.index(lang).get(tuple(t.lower() for t in tokens))
        return [
            self.actors[e.actor_id]
            for e in entries
            if e.accepts(text) and e.actor_id in self.actors
        ]

    def body(self, country: str, org_type: str) -> Actor | None:
        """The gazetteer's own entry for a state's body ("gov:usa_state" for the US foreign
        ministry), so that "das US-Außenministerium" and "das Außenministerium in Washington"
        are one actor. Only an unambiguous entry counts (one per state and body type).
        """
        found = [
            self.actors[i]
            for i, kind in self.org_types.items()
            if kind == org_type and i in self.actors and self.actors[i].country == country
        ]
        return found[0] if len(found) == 1 else None

    def country(self, iso3: str | None) -> Actor | None:
        return self.actors.get(f"gpe:{iso3}") if iso3 else None

    def cameo(self, country: str | None) -> str | None:
        """CAMEO country code of an ISO alpha-3 code (IGO codes pass through)."""
        if not country:
            return None
        return self.country_codes.get(country, country)

    def code(self, country: str | None, sector: str | None) -> str | None:
        """CAMEO-style actor code: country code followed by the sector code."""
        prefix = self.cameo(country)
        if prefix is None:
            return sector or None
        return prefix + (sector or "")

    def role_on(self, actor: Actor, day: dt.date | None) -> Role | None:
        """The role ``actor`` held on ``day``: the latest-begun dated role, else the default one."""
        dated = [r for r in actor.roles if (r.valid_from or r.valid_to) and r.holds_on(day)]
        if dated:
            return max(dated, key=lambda r: r.valid_from or dt.date.min)
        undated = [r for r in actor.roles if not (r.valid_from or r.valid_to)]
        return undated[0] if undated else None

    def office_holder(
        self, office: str, country: str | None, *, on: dt.date | None = None
    ) -> Actor | None:
        """Who held ``office`` for ``country`` (ISO alpha-3 or organisation code) on day ``on``.

        Without a day only an unambiguous answer is given: the one holder whose
        term is still open.
        """
        holders = [
            actor
            for actor in self._holders(office, country)
            for role in actor.roles
            if _role_of(role, office, country)
            and (role.valid_from or role.valid_to)
            and (role.holds_on(on) if on else role.valid_to is None)
        ]
        unique = list(dict.fromkeys(a.id for a in holders))
        if len(unique) != 1:
            return None
        return self.actors[unique[0]]

    def _holders(self, office: str, country: str | None) -> Iterable[Actor]:
        return (self.actors[i] for i in self.offices.get(office, ()))

    # -- building --------------------------------------------------------------

    @classmethod
    def from_records(
        cls, records: Iterable[ActorRecord], *, country_codes: dict[str, str]
    ) -> Gazetteer:
        """Build actors and indexes; a later record with the same id replaces the earlier one."""
        by_id: dict[str, ActorRecord] = {}
        for record in records:
            previous = by_id.get(record.actor.id)
            if previous and record.actor.kind == "PER" and previous.actor.kind == "PER":
                record.actor.roles = record.actor.roles + [
                    r for r in previous.actor.roles if r not in record.actor.roles
                ]
                record.forms = list(dict.fromkeys(record.forms + previous.forms))
            by_id[record.actor.id] = record
        gazetteer = cls(
            actors={i: r.actor for i, r in by_id.items()},
            org_types={i: r.org_type for i, r in by_id.items() if r.org_type},
            country_codes=country_codes,
        )
        for lang in INDEXED_LANGUAGES:
            gazetteer.indexes[lang] = _build_index(by_id.values(), lang)
        for actor in gazetteer.actors.values():
            for office in dict.fromkeys(r.office for r in actor.roles):
                gazetteer.offices.setdefault(office, []).append(actor.id)
        return gazetteer


def _role_of(role: Role, office: str, country: str | None) -> bool:
    """Whether ``role`` is ``office`` of ``country`` (ISO code, or IGO code matched on the code)."""
    if role.office != office:
        return False
    if role.country:
        return role.country == country
    return bool(country) and bool(role.code) and role.code == country


def _build_index(records: Iterable[ActorRecord], lang: str) -> SurfaceIndex:
    from lagebild.gazetteer.langdata import actor_language_data

    data = actor_language_data(lang)
    index = SurfaceIndex(lang)
    for record in records:
        for form in record.forms:
            if form.lang != lang:
                continue
            for surface, kind in _variants(form.text, form.form, data):
                entry = Entry(
                    actor_id=record.actor.id,
                    form=kind,
                    surface=surface,
                    cased=kind != "adj" or lang == "en",
                    exact=kind == "abbr" or (surface.isupper() and len(surface) <= 5),
                )
                if _PLAIN_NAME.match(
                    surface
                ):  # most names: skip the tokenizer, it would split on spaces only
                    index.add(surface.split(), entry)
                else:
                    index.add_text(surface, entry)
    return index


def _variants(text: str, form: str, data: Any) -> list[tuple[str, str]]:
    """Inflected surfaces of a form (adjective endings, demonym plurals, adjectives in names)."""
    if form == "adj":
        return [(text + ending, "adj") for ending in data.ADJECTIVE_ENDINGS]
    if form == "demonym":
        for tail, endings in data.DEMONYM_ENDINGS.items():
            if text.endswith(tail):
                return [(text + ending, "demonym") for ending in endings]
        return [(text, "demonym")]
    words = text.split(" ")
    if form != "name" or len(words) < 2 or not data.NAME_ADJECTIVE_ENDINGS:
        return [(text, form)]
    stems = []
    for word in words[:-1]:
        ending = next(
            (
                e
                for e in data.NAME_ADJECTIVE_ENDINGS
                if len(word) >= 5 and word.endswith(e) and word.lower() not in data.DETERMINERS
            ),
            None,
        )
        stems.append((word[: -len(ending)], True) if ending else (word, False))
    if not any(flag for _, flag in stems):
        return [(text, form)]
    out = [(text, form)]
    for ending in data.NAME_ADJECTIVE_ENDINGS:
        inflected = [stem + ending if flag else stem for stem, flag in stems]
        out.append((" ".join([*inflected, words[-1]]), form))
    return list(dict.fromkeys(out))


def _data_path(name: str) -> Path:
    return Path(str(resources.files("lagebild.gazetteer") / "data" / name))


@cache
def _load(extra_files: tuple[str, ...]) -> Gazetteer:
    return cached("gazetteer", cache_key(extra_files), lambda: _build(extra_files))


def _build(extra_files: tuple[str, ...]) -> Gazetteer:
    countries = read_table(_data_path("countries.tsv"))
    country_codes = {row["iso3"]: row["cameo"] for row in countries}
    records: list[ActorRecord] = list(country_records(countries))
    records += organisation_records(read_table(_data_path("organisations.tsv")))
    for name in PACKAGED_PEOPLE:
        path = _data_path(name)
        if path.is_file():
            records += people_records(read_table(path), country_codes=country_codes)
    for extra in extra_files:
        for record in user_records(Path(extra), country_codes=country_codes):
            records.append(record)
            actor = record.actor
            if actor.kind == "GPE" and actor.country and actor.country not in country_codes:
                # A state of the user's own is a state, not an organisation code.
                country_codes[actor.country] = (actor.codes or [actor.country])[0]
    return Gazetteer.from_records(records, country_codes=country_codes)


def load_gazetteer(extra_files: Sequence[str | Path] = ()) -> Gazetteer:
    """The packaged gazetteer plus user files (YAML or TSV) that add or override actors.

    Loaded once per distinct list of files; the result is shared, so treat it as read-only.
    """
    return _load(tuple(str(Path(p).resolve()) for p in extra_files))


def role_sector(role: Role | None) -> str | None:
    """Primary sector of a role: from its code (``USAGOVMIL`` → ``GOV``), else from its office."""
    if role is None:
        return None
    if role.code and len(role.code) >= 6 and not role.code.startswith("IGO") and role.country:
        return role.code[3:6]
    return office_sector(role.office)
