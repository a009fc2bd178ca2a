"""Derive the dated people table ``people_phoenix.tsv`` from the Phoenix actor dictionaries.

The Phoenix/CAMEO actor dictionaries (petrarch2, MIT) list several thousand
politicians with CAMEO codes restricted to date ranges: ``[VENGOV 20020414-20130305]``
says "coded as Venezuelan government between these dates".  That is exactly the
fact a German article needs to resolve "der Präsident" on the article's date, so
this script turns the PERSON entries of those dictionaries into one row per
dated code.  Nothing from the dictionaries is copied verbatim; the table holds
facts (names, codes, dates) in the project's own format.

Usage (from the repository root)::

    python scripts/build_people.py --shared ../shared

Dictionary format (as read by petrarch2 ``PETRreader.read_actor_dictionary``):

- a primary line ``NAME_  [CODE]  # comment``; ``_`` joins the words of a phrase;
- synonym lines ``+OTHER_NAME`` that belong to the preceding primary line;
- indented lines ``[CODE DATE-RESTRICTION]`` that belong to the preceding entry
  (the same brackets may also follow the name on the primary line);
- date restrictions ``[CODE <D]`` (before D), ``[CODE >D]`` (from D),
  ``[CODE D1-D2]`` (interval) and ``[CODE]`` (the default code, used when no
  dated code covers the date);
- ``#`` starts a comment anywhere on a line.

Dates are ``YYYYMMDD`` or ``YYMMDD``.  petrarch2's rule (``dstr_to_ordate``): a
string of at most 7 characters is ``YYMMDD`` with ``YY <= 30`` meaning ``20YY``
and otherwise ``19YY``; a longer string is ``YYYYMMDD`` and only its first 8
characters count.  This script applies the same rule, so a row means what it
meant to the coder.  Two deviations, both logged in the build summary: a bare
date without ``<``, ``>`` or ``-`` is read as a start date (the dictionaries'
comments show that intent; petrarch2 mangles the code instead), and an interval
whose end precedes its start is dropped (petrarch2 skips it too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

LOG = logging.getLogger("build_people")

DICTIONARY_DIR = Path("data/petrarch/cameo_dictionaries")
DICTIONARY_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
# Phoenix.Countries header: "Generated at: Thu Jan 30 16:06:18 2014" (CountryInfo.140130.txt).
DATA_VINTAGE = "2014-01-30"
COUNTRYINFO_MARK = "CountryInfo.txt"  # comment on entries generated from CountryInfo records
SOURCE_NOTE = Path("data/petrarch/SOURCE.txt")
DEFAULT_OUT = Path("src/lagebild/gazetteer/data/people_phoenix.tsv")
COLUMNS = (
    "actor_id",
    "name",
    "aliases",
    "country",
    "office",
    "code",
    "valid_from",
    "valid_to",
    "source",
)


def _words(text: str) -> frozenset[str]:
    """A word list written as one blank-separated string (easier to read and extend)."""
    return frozenset(text.split())


# CAMEO sector codes (three letters after the country code) -> generic office
# label.  CountryInfo, the source of the person entries, codes heads of state
# and government and unspecified cabinet members as plain GOV, former office
# holders and other notables as ELI, and ministers with a portfolio as GOV plus a
# second sector (NORGOVMIL = Norwegian defence minister), hence the separate
# portfolio table below.
SECTOR_OFFICE = {
    "GOV": "government",
    "MIL": "military",
    "ELI": "elite",
    "OPP": "opposition",
    "PTY": "party",
    "LEG": "legislature",
    "JUD": "judiciary",
    "COP": "police",
    "SPY": "intelligence",
    "REB": "rebel",
    "INS": "insurgent",
    "SEP": "separatist",
    "UAF": "armed_group",
    "IMG": "armed_group",
    "BUS": "business",
    "MED": "media",
    "EDU": "education",
    "LAB": "labour",
    "AGR": "agriculture",
    "HLH": "health",
    "ENV": "environment",
    "HRI": "human_rights",
    "DEV": "development",
    "REF": "refugees",
    "REL": "religion",
    "CVL": "civilian",
    "CRM": "criminal",
    "MOD": "moderate",
    "RAD": "radical",
    "OCC": "occupation_authority",
    "AUT": "autonomous_authority",
    "UNR": "unrecognised_government",
    "PRO": "protesters",
}
# GOV + portfolio sector: the minister (or ministry head) for that portfolio.
GOV_PORTFOLIO_OFFICE = {
    "MIL": "minister_defence",
    "JUD": "minister_justice",
    "COP": "minister_interior",
    "SPY": "intelligence_chief",
    "BUS": "minister_economy",
    "AGR": "minister_agriculture",
    "EDU": "minister_education",
    "ENV": "minister_environment",
    "HLH": "minister_health",
    "LAB": "minister_labour",
    "MED": "minister_information",
    "DEV": "minister_development",
    "HRI": "minister_human_rights",
    "REF": "minister_refugees",
    "REL": "minister_religion",
}
# Codes of international and non-state actors start with these three letters
# instead of a country; regional codes (EUR, AFR, ...) are no country either.
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "INT"})
REGION_PREFIXES = frozenset(
    {
        "AFR",
        "ASA",
        "BLK",
        "CAS",
        "CAU",
        "CFR",
        "CRB",
        "EAF",
        "EEU",
        "EIN",
        "EUR",
        "LAM",
        "MDT",
        "MEA",
        "NAF",
        "NMR",
        "PGS",
        "SAF",
        "SAM",
        "SAS",
        "SCN",
        "SEA",
        "WAF",
        "WEU",
        "WST",
    }
)
# IGO codes: IGO + (optional region) + organisation; the organisation part
# gives the office label for international officials.
IGO_OFFICE = "international_official"

# Sectors that describe a person's position.  Dated codes with only other
# parts (OCC occupation, AUT autonomy, UNR unrecognised, or a second country
# code) belong to states and territories, not to people.
PERSON_SECTORS = frozenset(SECTOR_OFFICE) - {"OCC", "AUT", "UNR", "PRO"}

# Words that mark an entry as an organisation, place, group or a phrase with a
# job title rather than a person's name.  Checked against every word of the name.
NON_PERSON_WORDS = _words(
    """
    ARMY ARMED FORCE FORCES MINISTRY MINISTER MINISTERS GOVERNMENT GOVT PARTY PARTIES
    COUNCIL COMMITTEE COMMISSION FRONT MOVEMENT REPUBLIC KINGDOM STATE STATES UNION
    ORGANIZATION ORGANISATION ASSOCIATION FEDERATION CONGRESS PARLIAMENT ASSEMBLY
    COURT POLICE SERVICE SERVICES AGENCY OFFICE BANK COMPANY CORPORATION GROUP
    BRIGADE BRIGADES BATTALION REGIMENT DIVISION CORPS GUARD GUARDS MILITIA MILITIAS
    ISLANDS ISLAND PROVINCE REGION DISTRICT CITY NATIONAL INTERNATIONAL UNITED
    INSTITUTE UNIVERSITY CHURCH NETWORK ALLIANCE LEAGUE CENTER CENTRE FUND FOUNDATION
    AUTHORITY DEPARTMENT BUREAU BOARD SOCIETY TRIBUNAL SECURITY NAVY AIR REBELS
    PEOPLE PEOPLES PEOPLE'S WORKERS STUDENTS OPPOSITION REGIME CABINET ADMINISTRATION
    OFFICIALS OFFICIAL SPOKESMAN LEADERS DELEGATION EMBASSY MISSION TROOPS SOLDIERS
    THE FOR AND AFFAIRS CHARGE SEC SEC. MIN MIN. ACTING COALITION TASK
    """
)
# Name particles do not count as name words (Arabic "bin", "al", Iberian "de").
NAME_PARTICLES = _words(
    "AL EL BIN IBN BINT BINTI ABD ABU BEN DE DA DO DOS DAS DI DEL DELA LA LE Y E VAN VON"
    " DER DEN TER DU OL UL"
)
MAX_NAME_WORDS = 6  # longer phrases are royal styles or descriptions, not names used in news
# Aliases with these words name the person's camp, not the person
# ("OBAMA_ADMINISTRATION"); they belong to an organisation gazetteer.
ALIAS_GROUP_WORDS = _words(
    "ADMINISTRATION GOVERNMENT GOVT REGIME CABINET CAMP SUPPORTERS LOYALISTS FORCES"
)
# Tokens kept upper case in display names.
UPPER_TOKENS = _words("US U.S. UN U.N. UK EU NATO USA II III IV")
# Leading titles that some primary phrases carry ("SECRETARY-GENERAL_BAN_KI-MOON");
# they are stripped from the display name, not from the aliases.
LEADING_TITLES = _words(
    """
    PRESIDENT PRIME MINISTER SECRETARY-GENERAL SECRETARY GENERAL KING QUEEN PRINCE
    SHEIKH SHAIKH EMIR DR DR. MR MR. MRS MRS. MS MS. SIR LORD FORMER CHAIRMAN
    SOVIET COMMUNIST LEADER VICE
    """
)


@dataclass(frozen=True)
class CodeSpan:
    """One code of an entry with its validity; ``None`` dates are open ends."""

    code: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None


@dataclass
class DictEntry:
    """One primary phrase of an actor dictionary with its synonyms and codes."""

    name: str
    source_file: str
    line: int
    comment: str = ""
    aliases: list[str] = field(default_factory=list)
    spans: list[CodeSpan] = field(default_factory=list)
    coded: bool = False  # any bracket seen, even "[---]" (petrarch2 closes the group)


@dataclass
class BuildStats:
    """Counters reported after a build so that odd input is visible, not silent."""

    entries: int = 0
    persons: int = 0
    rows: int = 0
    bare_dates: int = 0
    reversed_intervals: int = 0
    bad_dates: int = 0
    skipped_by_rule: Counter = field(default_factory=Counter)


class DateError(ValueError):
    """A date restriction that cannot be read under petrarch2's rules."""


def parse_dict_date(text: str) -> dt.date:
    """Read a dictionary date with petrarch2's rule (see the module docstring)."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) < 6:
        raise DateError(text)
    if len(digits) > 7:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy  # KEDS/TABARI pivot year 30
        month, day = int(digits[2:4]), int(digits[4:6])
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(text) from exc


_BRACKET = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,}$")


def parse_bracket(body: str, stats: BuildStats) -> CodeSpan | None:
    """Turn the inside of ``[...]`` into a code span; ``None`` for no code or bad dates."""
    code, _, rest = body.strip().partition(" ")
    rest = rest.strip()
    if not _CODE.match(code):
        return None  # "[---]" marks an entry deliberately left uncoded
    try:
        if not rest:
            return CodeSpan(code, None, None)
        if rest[0] in "<>":
            when = parse_dict_date(rest[1:])
            if rest[0] == "<":
                return CodeSpan(code, None, when)
            return CodeSpan(code, when, None)
        if "-" in rest:
            start_text, _, end_text = rest.partition("-")
            start, end = parse_dict_date(start_text), parse_dict_date(end_text)
            if end < start:
                stats.reversed_intervals += 1
                return None
            return CodeSpan(code, start, end)
        stats.bare_dates += 1
        return CodeSpan(code, parse_dict_date(rest), None)
    except DateError:
        stats.bad_dates += 1
        return None


def _strip_comment(line: str) -> tuple[str, str]:
    text, _, comment = line.partition("#")
    return text.rstrip(), comment.strip()


def read_actor_file(path: Path, stats: BuildStats) -> list[DictEntry]:
    """Parse one Phoenix actor dictionary into entries (petrarch2 line grammar)."""
    entries: list[DictEntry] = []
    current: DictEntry | None = None
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            text, comment = _strip_comment(line)
            if not text.strip():
                continue
            if text[0] in " \t":
                if current is not None:
                    current.spans.extend(_spans(text, stats))
                    current.coded = current.coded or "[" in text
                continue
            if text.startswith("+"):
                if current is not None:
                    alias = text[1:].partition(";")[0].strip()
                    if alias:
                        current.aliases.append(alias)
                continue
            name = text.partition("[")[0].strip()
            if _continues_group(current, comment):
                # petrarch2 gives consecutive primary phrases without codes the
                # codes of the block that follows, so they are synonyms.
                current.aliases.append(name)
                current.spans.extend(_spans(text, stats))
                current.coded = current.coded or "[" in text
                continue
            current = DictEntry(name=name, source_file=path.name, line=number, comment=comment)
            current.spans.extend(_spans(text, stats))
            current.coded = "[" in text
            entries.append(current)
    stats.entries += len(entries)
    return entries


def _continues_group(current: DictEntry | None, comment: str) -> bool:
    """True when a primary line without own codes joins the still uncoded entry above.

    One deviation from petrarch2: a line marked as its own CountryInfo record
    always starts a new entry, so a person whose codes are missing does not
    swallow the next person.
    """
    if current is None or current.coded:
        return False
    return not (COUNTRYINFO_MARK in comment and COUNTRYINFO_MARK in current.comment)


def _spans(text: str, stats: BuildStats) -> Iterator[CodeSpan]:
    for match in _BRACKET.finditer(text):
        span = parse_bracket(match.group(1), stats)
        if span is not None:
            yield span


def split_words(phrase: str) -> list[str]:
    """Words of a dictionary phrase (``_`` and blanks separate words)."""
    return [w for w in re.split(r"[_\s]+", phrase) if w]


def code_country(code: str) -> str:
    """The country part of a CAMEO actor code, or ``""`` for non-state/regional codes."""
    prefix = code[:3]
    if prefix in NON_STATE_PREFIXES or prefix in REGION_PREFIXES or prefix in SECTOR_OFFICE:
        return ""
    return prefix


def code_office(code: str) -> str:
    """Generic office label from the sector part of a CAMEO code (see SECTOR_OFFICE)."""
    prefix = code[:3]
    if prefix == "IGO":
        return IGO_OFFICE
    if prefix in NON_STATE_PREFIXES:
        return SECTOR_OFFICE.get(prefix, prefix.lower())
    # A bare sector ("[ELI]") is a sector without a country.
    start = 0 if prefix in SECTOR_OFFICE else 3
    sectors = [code[i : i + 3] for i in range(start, len(code), 3)]
    # Region or country codes may be followed by a further country code
    # (SDNSSDAUT = South Sudan autonomous government); skip leading non-sectors.
    while sectors and sectors[0] not in SECTOR_OFFICE:
        sectors.pop(0)
    if not sectors:
        return "state" if len(code) == 3 else ""
    first = sectors[0]
    if first == "GOV" and len(sectors) > 1 and sectors[1] in GOV_PORTFOLIO_OFFICE:
        return GOV_PORTFOLIO_OFFICE[sectors[1]]
    labels = [SECTOR_OFFICE[s] for s in sectors if s in SECTOR_OFFICE]
    return "_".join(dict.fromkeys(labels))


def person_verdict(entry: DictEntry) -> str:
    """Return ``"person"`` or the reason the entry is not taken as a person.

    The dictionaries do not mark people explicitly.  An entry counts as a person
    when (1) at least one of its codes carries a date restriction and a person
    sector (GOV, MIL, ELI, ...) or is an IGO code: dates are what CountryInfo
    records for office holders, while dated bare country codes are states such
    as SERBIA_AND_MONTENEGRO; (2) its name has two to MAX_NAME_WORDS words
    besides particles: given + family name (mononyms such as ABDULLAH or
    HUSSEIN are left out because as bare surface forms they are ambiguous); and
    (3) no word of the name is an organisation, place or job-title word.
    """
    if not any(s.dated and _is_person_code(s.code) for s in entry.spans):
        return "no dated person code"
    words = [w.upper() for w in split_words(clean_phrase(entry.name))]
    if any(w.strip(".,'()") in NON_PERSON_WORDS or w in NON_PERSON_WORDS for w in words):
        return "organisation or title word"
    if any(ch.isdigit() for ch in entry.name):
        return "digits in name"
    substantive = [w for w in words if w not in NAME_PARTICLES]
    if len(substantive) < 2:
        return "single-word name"
    if len(substantive) > MAX_NAME_WORDS:
        return "overlong name"
    return "person"


def _is_person_code(code: str) -> bool:
    if code.startswith("IGO"):
        return True
    if code[:3] in NON_STATE_PREFIXES:
        return False  # NGO/MNC codes with dates are organisations that closed
    sectors = {code[i : i + 3] for i in range(3, len(code), 3)}
    return bool(sectors & PERSON_SECTORS)


def clean_phrase(phrase: str) -> str:
    """Drop bracketed remarks ("STANKO_TODOROV (ACTING_") and stray brackets."""
    return re.sub(r"\(.*$", "", phrase).replace(")", "").strip(" _")


def display_name(phrase: str, *, strip_titles: bool = False) -> str:
    """``HUGO_CHAVEZ_`` -> ``Hugo Chavez``; keeps diacritics, lowercases name particles."""
    words = split_words(clean_phrase(phrase))
    if strip_titles:
        while len(words) > 2 and words[0].upper() in LEADING_TITLES:
            words = words[1:]
    out: list[str] = []
    for index, word in enumerate(words):
        parts = re.split(r"([-'’.])", word)
        cased = "".join(_case_part(p) for p in parts)
        if index > 0 and cased.upper() in NAME_PARTICLES:
            cased = cased.lower()
        out.append(cased)
    return " ".join(out)


def _case_part(part: str) -> str:
    if part.upper() in UPPER_TOKENS:
        return part.upper()
    if not part.isalpha():
        return part
    if part.upper().startswith("MC") and len(part) > 3:  # McCain, McDonald
        return "Mc" + part[2].upper() + part[3:].lower()
    return part[:1].upper() + part[1:].lower()


def slugify(name: str) -> str:
    """Lowercase ASCII slug with ``_`` separators (diacritics folded)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_")


def usable_alias(alias: str) -> bool:
    """Aliases with encoding damage (U+FFFD), naming a group, or a lone short token are noise."""
    if "\ufffd" in alias:
        return False
    words = split_words(clean_phrase(alias))
    if any(w.upper() in ALIAS_GROUP_WORDS for w in words):
        return False
    return bool(words) and not (len(words) == 1 and len(words[0]) < 3)


@dataclass(frozen=True)
class PersonRow:
    """One output row: a person with one code and its validity."""

    actor_id: str
    name: str
    aliases: str
    country: str
    office: str
    code: str
    valid_from: str
    valid_to: str
    source: str = "phoenix"

    def cells(self) -> list[str]:
        return [getattr(self, c) for c in COLUMNS]


@dataclass
class Person:
    """Dictionary entries taken to describe one person, with the id assigned to them."""

    slug: str
    country: str
    entries: list[DictEntry] = field(default_factory=list)
    actor_id: str = ""


def group_persons(entries: list[DictEntry]) -> list[Person]:
    """Merge entries that describe the same person and give each person a stable id.

    CountryInfo lists a person once per office record, and the international
    file repeats people who chaired several bodies, so entries with the same
    name slug and the same first country are one person.  Entries without a
    country (IGO roles) join the only national person of that name, if there is
    exactly one.  Names that remain ambiguous get the country code (or ``int``)
    as suffix, then a counter, in file order, so ids are deterministic.
    """
    by_key: dict[tuple[str, str], Person] = {}
    for entry in entries:
        slug = slugify(display_name(entry.name, strip_titles=True))
        key = (slug, _first_country(entry))
        by_key.setdefault(key, Person(slug=slug, country=key[1])).entries.append(entry)
    by_slug: dict[str, list[Person]] = {}
    for person in by_key.values():
        by_slug.setdefault(person.slug, []).append(person)
    persons: list[Person] = []
    for slug, group in sorted(by_slug.items()):
        national = [p for p in group if p.country]
        stateless = [p for p in group if not p.country]
        if len(national) == 1 and stateless:
            for extra in stateless:
                national[0].entries.extend(extra.entries)
            group = national
        if len(group) == 1:
            group[0].actor_id = f"per:{slug}"
        else:
            for person in group:
                person.actor_id = f"per:{slug}_{person.country.lower() or 'int'}"
        persons.extend(group)
    return persons


def _first_country(entry: DictEntry) -> str:
    for span in entry.spans:
        country = code_country(span.code)
        if country:
            return country
    return ""


def person_rows(entries: Iterable[DictEntry], stats: BuildStats) -> list[PersonRow]:
    """Rows for every person: one per distinct code span, dated or default."""
    candidates: list[DictEntry] = []
    for entry in entries:
        verdict = person_verdict(entry)
        if verdict == "person":
            candidates.append(entry)
        else:
            stats.skipped_by_rule[verdict] += 1
    persons = group_persons(candidates)
    stats.persons = len(persons)
    rows: list[PersonRow] = []
    for person in persons:
        first = person.entries[0]
        name = display_name(first.name, strip_titles=True)
        forms: list[str] = []
        for entry in person.entries:
            forms.append(display_name(entry.name))
            forms.extend(display_name(a) for a in entry.aliases if usable_alias(a))
        aliases = [f for f in dict.fromkeys(forms) if f != name]
        spans = dict.fromkeys(span for entry in person.entries for span in entry.spans)
        for span in spans:
            rows.append(
                PersonRow(
                    actor_id=person.actor_id,
                    name=name,
                    aliases="|".join(aliases),
                    country=code_country(span.code),
                    office=code_office(span.code),
                    code=span.code,
                    valid_from=span.valid_from.isoformat() if span.valid_from else "",
                    valid_to=span.valid_to.isoformat() if span.valid_to else "",
                )
            )
    stats.rows = len(rows)
    return rows


def licence_lines(shared: Path) -> list[str]:
    """Licence and copyright statement taken from the dictionaries' headers and SOURCE.txt."""
    holders: list[str] = []
    for name in DICTIONARY_FILES:
        with (shared / DICTIONARY_DIR / name).open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.startswith("#"):
                    break
                match = re.search(r"Copyright \(c\) \d{4} .+", line)
                if match and match.group(0).strip() not in holders:
                    holders.append(match.group(0).strip())
    source_note = shared / SOURCE_NOTE
    if source_note.is_file():
        for line in source_note.read_text(encoding="utf-8").splitlines():
            # SOURCE.txt: 'LICENCE: MIT (petrarch2: "Copyright (c) 2014 ..."; ...)'
            match = re.search(r'petrarch2: "(Copyright \(c\) \d{4} [^"]+)"', line)
            if match and match.group(1) not in holders:
                holders.append(match.group(1))
    return holders


def write_table(rows: list[PersonRow], out: Path, *, shared: Path, built: dt.date) -> None:
    """Write the TSV with its provenance header; rows sorted for stable diffs."""
    holders = licence_lines(shared)
    header = [
        "# people_phoenix.tsv — dated CAMEO codes of people, derived from the Phoenix actor"
        " dictionaries",
        "# source: openeventdata/petrarch2 petrarch2/data/dictionaries/ "
        "(commit 676801cd9cb2924bbbad09f86d15c9323e7097bf): " + ", ".join(DICTIONARY_FILES),
        "#   (Phoenix.Countries is generated from CountryInfo.140130.txt,"
        " Computational Event Data System Project)",
        "# licence: MIT; " + "; ".join(holders or ["Copyright (c) 2014 Open Event Data Alliance"]),
        "#   MIT terms: permission is granted to use, copy, modify and distribute, provided this",
        "#   copyright notice and permission notice are kept; provided AS IS without warranty.",
        f"# built: {built.isoformat()} by scripts/build_people.py",
        "# rebuild: python scripts/build_people.py --shared ../shared",
        "# dates: petrarch2 rule — YYMMDD with YY<=30 -> 20YY else 19YY; YYYYMMDD otherwise.",
        "# rows with empty valid_from and valid_to are the entry's default code (applies when",
        "#   no dated row of the same person covers the date). office: generic label from the",
        "#   CAMEO sector (see SECTOR_OFFICE in the script).",
        f"# data_vintage: {DATA_VINTAGE} — the dictionaries were generated then; an open",
        "#   valid_to means 'still in office at that date', not today: prefer officeholders.tsv",
        "#   for later years.",
        f"# rows: {len(rows)}; persons: {len({r.actor_id for r in rows})}",
    ]
    rows = sorted(
        rows, key=lambda r: (r.actor_id, r.valid_from or "0000", r.valid_to or "9999", r.code)
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(header) + "\n")
        handle.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            cells = [c.replace("\t", " ") for c in row.cells()]
            handle.write("\t".join(cells) + "\n")


def build(shared: Path, out: Path, *, built: dt.date) -> BuildStats:
    """Read the three dictionaries under ``shared`` and write the people table to ``out``."""
    stats = BuildStats()
    entries: list[DictEntry] = []
    for name in DICTIONARY_FILES:
        path = shared / DICTIONARY_DIR / name
        if not path.is_file():
            raise FileNotFoundError(
                f"missing dictionary {path}; pass --shared pointing at ../shared"
            )
        entries.extend(read_actor_file(path, stats))
    rows = person_rows(entries, stats)
    write_table(rows, out, shared=shared, built=built)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared/ folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV")
    parser.add_argument(
        "--built", type=dt.date.fromisoformat, default=dt.date.today(), help="build date to record"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    stats = build(args.shared, args.out, built=args.built)
    LOG.info(
        "entries=%d persons=%d rows=%d bare_dates=%d reversed_intervals=%d bad_dates=%d",
        stats.entries, stats.persons, stats.rows, stats.bare_dates,
        stats.reversed_intervals, stats.bad_dates,
    )  # fmt: skip
    for reason, count in stats.skipped_by_rule.most_common():
        LOG.info("not a person (%s): %d", reason, count)
    LOG.info("wrote %s (%d bytes)", args.out, args.out.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
