"""Rebuild the gazetteer's derived tables from babel, pycountry, Phoenix and our fact tables.

Writes ``src/lagebild/gazetteer/data/countries.tsv`` and ``organisations.tsv``.
Nothing from ``../shared/data`` is copied wholesale: the Phoenix dictionaries
give CAMEO country codes and, for organisations we list ourselves, their English
aliases; the rest comes from CLDR (babel), ISO 3166 (pycountry) and our
hand-written ``country_facts.tsv`` / ``organisation_facts.tsv``.

Usage::

    python scripts/build_gazetteer.py --shared ../shared
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "lagebild" / "gazetteer" / "data"
PHOENIX = Path("data") / "petrarch" / "cameo_dictionaries"

# CLDR territory codes that are regions, groupings or placeholders, not states or territories.
_NOT_TERRITORIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "001"})
# Phoenix header lines for states: "PERU_  [PER]".
_PHOENIX_COUNTRY = re.compile(r"^([A-Z][A-Z_'.-]+?)_?\s+\[([A-Z]{3})\]\s*$")
# ISO 3166 entries that are places without a government of their own: never actors.
_NOT_ACTORS = frozenset({"ATA", "BVT", "HMD", "UMI", "SGS", "ATF", "IOT"})
# ISO codes whose CAMEO code differs and cannot be matched by name.
_CAMEO_OVERRIDES = {"XKX": "KSV", "PSE": "PSE", "COD": "COD", "ROU": "ROM"}


def read_facts(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a hand-written fact table (``#`` lines are its provenance header)."""
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def phoenix_country_codes(shared: Path) -> dict[str, str]:
    """ISO alpha-3 -> CAMEO country code, read from the Phoenix country dictionary headers."""
    codes: dict[str, str] = {}
    path = shared / PHOENIX / "Phoenix.Countries.actors.txt"
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _PHOENIX_COUNTRY.match(line)
        if not match:
            continue
        name, code = match.group(1).replace("_", " ").strip(), match.group(2)
        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            try:
                country = pycountry.countries.lookup(name)
            except LookupError:
                continue
        codes.setdefault(country.alpha_3, code)
    return codes


def phoenix_aliases(shared: Path) -> dict[str, list[str]]:
    """Block head name -> its '+' alias lines, from the Phoenix international actor dictionary."""
    blocks: dict[str, list[str]] = {}
    head: str | None = None
    path = shared / PHOENIX / "Phoenix.International.actors.txt"
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            head = None
            continue
        if line.startswith("+") and head:
            blocks[head].append(_phoenix_name(line[1:]))
        elif not line[0].isspace() and not line.startswith("["):
            head = _phoenix_name(line.split("[", 1)[0])
            blocks.setdefault(head, [])
    return blocks


def _phoenix_name(token: str) -> str:
    return token.strip().strip("_").replace("_", " ").strip()


def build_countries(shared: Path) -> list[dict[str, str]]:
    """One row per ISO 3166 state or territory, with names, codes and our facts."""
    de, en = Locale("de").territories, Locale("en").territories
    cameo = phoenix_country_codes(shared)
    facts = {row["iso3"]: row for row in read_facts(DATA / "country_facts.tsv")}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso2, iso3 = country.alpha_2, country.alpha_3
        if iso3 in _NOT_ACTORS:
            continue
        fact = facts.get(iso3, {})
        names_en = _unique(
            [
                en.get(iso2, ""),
                country.name,
                getattr(country, "common_name", ""),
                getattr(country, "official_name", ""),
                *_split(fact.get("names_en", "")),
            ]
        )
        rows.append(
            {
                "iso3": iso3,
                "iso2": iso2,
                "cameo": _CAMEO_OVERRIDES.get(iso3) or cameo.get(iso3, iso3),
                "name_de": de.get(iso2, country.name),
                "names_de": "|".join(
                    _unique([de.get(iso2, ""), *_split(fact.get("names_de", ""))])
                ),
                "name_en": en.get(iso2, country.name),
                "names_en": "|".join(n for n in names_en if "," not in n),
                "adj_de": fact.get("adj_de", ""),
                "demonyms_de": fact.get("demonyms_de", ""),
                "capitals_de": fact.get("capitals_de", ""),
                "adj_en": fact.get("adj_en", ""),
            }
        )
    # Kosovo has no ISO 3166 entry but a user-assigned code everyone uses.
    if "XKX" in facts and "XK" in de:
        fact = facts["XKX"]
        rows.append(
            {
                "iso3": "XKX",
                "iso2": "XK",
                "cameo": "KSV",
                "name_de": de["XK"],
                "names_de": de["XK"],
                "name_en": en["XK"],
                "names_en": "|".join(_unique([en["XK"], *_split(fact["names_en"])])),
                "adj_de": fact["adj_de"],
                "demonyms_de": fact["demonyms_de"],
                "capitals_de": fact["capitals_de"],
                "adj_en": fact["adj_en"],
            }
        )
    missing = sorted(set(facts) - {row["iso3"] for row in rows})
    if missing:
        print(f"warning: fact rows without an ISO entry: {missing}", file=sys.stderr)
    return rows


def build_organisations(shared: Path) -> list[dict[str, str]]:
    """Our organisation facts, with English aliases of the matching Phoenix entry added."""
    blocks = phoenix_aliases(shared)
    rows = []
    for row in read_facts(DATA / "organisation_facts.tsv"):
        names_en = _split(row["names_en"])
        for key in [*list(names_en), *_split(row["abbr"])]:
            aliases = blocks.get(key.upper())
            if aliases:
                names_en += [a.title() if a.isupper() and len(a) > 6 else a for a in aliases]
        rows.append({**row, "names_en": "|".join(_unique(names_en))})
    return rows


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return list(seen)


def write_table(path: Path, rows: list[dict[str, str]], *, sources: str) -> None:
    """Write rows as TSV under a provenance header."""
    header = [
        f"# {path.name}: derived table, do not edit by hand; "
        "rebuild with scripts/build_gazetteer.py",
        f"# sources: {sources}",
        "# licence: derived facts; CLDR (Unicode licence), pycountry (LGPL-2.1, ISO 3166 data), "
        "Phoenix dictionaries (MIT), fact tables (MIT)",
        f"# date: {dt.date.today().isoformat()}",
    ]
    columns = list(rows[0])
    lines = ["\t".join(columns)] + ["\t".join(row[c] for c in columns) for row in rows]
    path.write_text("\n".join(header + lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared/ folder"
    )
    args = parser.parse_args(argv)
    if not (args.shared / PHOENIX).is_dir():
        parser.error(f"Phoenix dictionaries not found under {args.shared / PHOENIX}")
    countries = build_countries(args.shared)
    write_table(
        DATA / "countries.tsv",
        countries,
        sources="babel CLDR territory names (de, en); pycountry ISO 3166; "
        "Phoenix.Countries.actors.txt "
        "(CAMEO codes); country_facts.tsv",
    )
    organisations = build_organisations(args.shared)
    write_table(
        DATA / "organisations.tsv",
        organisations,
        sources="organisation_facts.tsv; Phoenix.International.actors.txt (English aliases)",
    )
    print(f"countries.tsv: {len(countries)} rows; organisations.tsv: {len(organisations)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
