"""Read gazetteer tables (packaged TSV, user YAML/TSV) into actor records and surface forms.

Tables are TSV with a ``#`` provenance header and a column header line; list
cells are ``|``-separated. People files share the columns
``actor_id name aliases country office code valid_from valid_to source``: one
row per office held, grouped into one actor by ``actor_id``.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.errors import ErrorCode, LagebildError
from lagebild.gazetteer.offices import office_sector, office_sectors
from lagebild.model import Actor, Role


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form of an actor in one language, before tokenisation."""

    lang: str
    text: str
    form: str  # name | abbr | adj | demonym | capital


@dataclass(slots=True)
class ActorRecord:
    """An actor together with what the index needs and ``Actor`` does not carry."""

    actor: Actor
    forms: list[Form] = field(default_factory=list)
    org_type: str | None = None


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV table whose ``#`` lines are its provenance header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LagebildError(ErrorCode.E014, path=path, reason=exc.strerror or str(exc)) from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def parse_date(value: Any, *, end: bool = False) -> dt.date | None:
    """A date from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; partial dates open to the edge."""
    if value in (None, "", "None", "null"):
        return None
    if isinstance(value, dt.date):
        return value
    parts = [int(p) for p in str(value).strip().split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) > 2:
        return dt.date(year, month, parts[2])
    return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)


def country_records(rows: Iterable[dict[str, str]]) -> Iterator[ActorRecord]:
    """States and territories from ``countries.tsv``."""
    for row in rows:
        iso3 = row["iso3"]
        forms = [Form("de", n, "name") for n in split_list(row["names_de"])]
        forms += [Form("de", a, "adj") for a in split_list(row["adj_de"])]
        forms += [Form("de", d, "demonym") for d in split_list(row["demonyms_de"])]
        forms += [Form("de", c, "capital") for c in split_list(row["capitals_de"])]
        forms += [Form("en", n, "name") for n in split_list(row["names_en"])]
        forms += [Form("en", a, "adj") for a in split_list(row["adj_en"])]
        actor = Actor(
            id=f"gpe:{iso3}",
            name=row["name_de"],
            kind="GPE",
            country=iso3,
            codes=[row["cameo"]],
            aliases={"de": split_list(row["names_de"]), "en": split_list(row["names_en"])},
        )
        yield ActorRecord(actor, forms)


def organisation_records(rows: Iterable[dict[str, str]]) -> Iterator[ActorRecord]:
    """Organisations, seats of power and media from ``organisations.tsv`` (or a user TSV)."""
    for row in rows:
        names_de, names_en = split_list(row.get("names_de")), split_list(row.get("names_en"))
        abbrs = split_list(row.get("abbr"))
        forms = [Form("de", n, "name") for n in names_de] + [
            Form("en", n, "name") for n in names_en
        ]
        forms += [Form(lang, a, "abbr") for a in abbrs for lang in ("de", "en")]
        codes = [c for c in (row.get("code"), *abbrs) if c]
        actor = Actor(
            id=row["id"],
            name=(names_de or names_en or abbrs or [row["id"]])[0],
            kind=row.get("kind") or "ORG",
            country=row.get("country") or None,
            sector=row.get("sector") or None,
            codes=list(dict.fromkeys(codes)),
            aliases={"de": names_de + abbrs, "en": names_en + abbrs},
        )
        yield ActorRecord(actor, forms, org_type=row.get("org_type") or None)


def people_records(
    rows: Iterable[dict[str, str]], *, country_codes: dict[str, str]
) -> Iterator[ActorRecord]:
    """People from a people table: one row per office, grouped by ``actor_id``."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if row.get("actor_id"):
            grouped.setdefault(row["actor_id"], []).append(row)
    for actor_id, person_rows in grouped.items():
        first = person_rows[0]
        names = [first["name"], *(a for r in person_rows for a in split_list(r.get("aliases")))]
        names = list(dict.fromkeys(n for n in names if n))
        roles = []
        for row in person_rows:
            if not row.get("office"):
                continue
            country = row.get("country") or None
            sectors = office_sectors(row["office"])
            default_code = (
                (country_codes.get(country, country) or "") + (sectors or "") if country else None
            )
            roles.append(
                Role(
                    office=row["office"],
                    country=country,
                    valid_from=parse_date(row.get("valid_from")),
                    valid_to=parse_date(row.get("valid_to"), end=True),
                    code=row.get("code") or default_code,
                )
            )
        latest = max(roles, key=lambda r: r.valid_from or dt.date.min, default=None)
        actor = Actor(
            id=actor_id,
            name=first["name"],
            kind="PER",
            country=(latest.country if latest else None) or first.get("country") or None,
            sector=office_sector(latest.office) if latest else None,
            codes=[latest.code] if latest and latest.code else [],
            aliases={"de": names, "en": names},
            roles=roles,
        )
        forms = [Form(lang, n, "name") for n in names for lang in ("de", "en")]
        yield ActorRecord(actor, forms)


def user_records(path: Path, *, country_codes: dict[str, str]) -> Iterator[ActorRecord]:
    """Actors from a user gazetteer file (YAML or TSV); see docs/gazetteer.md."""
    if path.suffix.lower() in (".yaml", ".yml"):
        yield from _yaml_records(path)
        return
    rows = read_table(path)
    if rows and "actor_id" in rows[0]:
        yield from people_records(rows, country_codes=country_codes)
    elif rows and "id" in rows[0]:
        yield from organisation_records(rows)
    elif rows:
        raise LagebildError(ErrorCode.E014, path=path, reason="needs an 'id' or 'actor_id' column")


def _yaml_records(path: Path) -> Iterator[ActorRecord]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LagebildError(ErrorCode.E014, path=path, reason=str(exc)) from exc
    items = data.get("actors", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise LagebildError(ErrorCode.E014, path=path, reason="expected a list under 'actors'")
    for item in items:
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            raise LagebildError(
                ErrorCode.E014, path=path, reason=f"actor without id or name: {item!r}"
            )
        yield _yaml_record(item)


def _per_language(value: Any) -> list[tuple[str, list[str]]]:
    """A YAML list field as (language, texts): a plain list serves both languages."""
    if not value:
        return []
    if isinstance(value, dict):
        return [(str(lang), [str(v) for v in texts or []]) for lang, texts in value.items()]
    return [(lang, [str(v) for v in value]) for lang in ("de", "en")]


def _yaml_record(item: dict[str, Any]) -> ActorRecord:
    aliases: dict[str, list[str]] = dict(_per_language(item.get("aliases")))
    abbrs = list(item.get("abbr") or [])
    forms = [Form(lang, item["name"], "name") for lang in ("de", "en")]
    forms += [Form(lang, n, "name") for lang, names in aliases.items() for n in names]
    forms += [Form(lang, a, "abbr") for a in abbrs for lang in ("de", "en")]
    # States of one's own (fictional test worlds, regions the tables lack) need the
    # same forms as packaged countries: "arnorische Regierung", "die Gondorer", "Minas Tirith".
    for key, form in (("adjectives", "adj"), ("demonyms", "demonym"), ("capitals", "capital")):
        forms += [
            Form(lang, text, form) for lang, texts in _per_language(item.get(key)) for text in texts
        ]
    roles = [
        Role(
            office=r["office"],
            country=r.get("country"),
            valid_from=parse_date(r.get("valid_from")),
            valid_to=parse_date(r.get("valid_to"), end=True),
            code=r.get("code"),
        )
        for r in item.get("roles") or []
    ]
    code = item.get("code")
    actor = Actor(
        id=str(item["id"]),
        name=str(item["name"]),
        kind=str(item.get("kind") or "ORG"),
        country=item.get("country"),
        sector=item.get("sector"),
        codes=[code] if code else [],
        aliases=aliases,
        roles=roles,
    )
    return ActorRecord(actor, forms, org_type=item.get("org_type"))
