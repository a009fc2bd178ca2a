"""Checks on the people tables: format, dates, vocabulary, single holders and date resolution.

Both tables are data the actor stage trusts to say who held an office on an
article's date, so a typo in a date or an overlapping term is a wrong answer in
production.  The resolver below is deliberately tiny and independent of the
gazetteer loader: it pins down what the rows mean, not how the loader reads them.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "lagebild" / "gazetteer" / "data"
OFFICEHOLDERS = DATA / "officeholders.tsv"
PHOENIX = DATA / "people_phoenix.tsv"
BUILD_SCRIPT = ROOT / "scripts" / "build_people.py"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BASE_COLUMNS = [
    "actor_id",
    "name",
    "aliases",
    "country",
    "office",
    "code",
    "valid_from",
    "valid_to",
    "source",
]
OFFICEHOLDER_COLUMNS = [
    "actor_id", "name", "aliases", "country", "office", "office_de", "code",
    "valid_from", "valid_to", "date_precision", "source", "note",
]  # fmt: skip
OFFICES = _words(
    """
    head_of_state head_of_government vice_head_of_state foreign_minister defence_minister
    spokesperson_foreign_ministry government_spokesperson secretary_general commission_president
    council_president high_representative party_leader military_commander minister official
    vice_chair_cmc
    """
)
# Offices with one holder at a time per country (or per organisation code).
SINGLE_HOLDER = _words(
    """
    head_of_state head_of_government vice_head_of_state foreign_minister defence_minister
    government_spokesperson secretary_general commission_president council_president
    high_representative party_leader
    """
)
# (country or code, office) pairs allowed to overlap, with the reason.
OVERLAP_EXCEPTIONS: dict[tuple[str, str], str] = {
    # The British monarch is head of state of each Commonwealth realm; rows are per
    # country, so no exception is needed there.  None are needed at present; add
    # entries here with the reason when a state really has two holders at once
    # (e.g. co-princes of Andorra, Swiss collegial presidency).
}
ID_PATTERN = re.compile(r"^per:[a-z0-9_]+$")
CODE_PATTERN = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{3}$")
MAX_PHOENIX_BYTES = 10_000_000  # the table ships with the package; keep the wheel small


@dataclass(frozen=True)
class Table:
    header: list[str]
    columns: list[str]
    rows: list[dict[str, str]]


def read(path: Path) -> Table:
    """Comment header, column names and rows of one people table."""
    header: list[str] = []
    body: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") and not body:
                header.append(line.rstrip("\n"))
            else:
                body.append(line)
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    return Table(header, list(reader.fieldnames or []), rows)


@pytest.fixture(scope="module")
def officeholders() -> Table:
    return read(OFFICEHOLDERS)


@pytest.fixture(scope="module")
def phoenix() -> Table:
    return read(PHOENIX)


@pytest.fixture(scope="module", params=["officeholders", "phoenix"])
def table(request: pytest.FixtureRequest) -> Table:
    return read(OFFICEHOLDERS if request.param == "officeholders" else PHOENIX)


def to_date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def holders(
    rows: list[dict[str, str]], *, office: str, on: str, country: str = "", code: str = ""
) -> list[str]:
    """Names holding ``office`` on day ``on``; on a handover day the newer term comes first."""
    day = dt.date.fromisoformat(on)
    found = []
    for row in rows:
        if (
            row["office"] != office
            or (country and row["country"] != country)
            or (code and row["code"] != code)
        ):
            continue
        start, end = to_date(row["valid_from"]), to_date(row["valid_to"])
        if (start is None or start <= day) and (end is None or day <= end):
            found.append((start or dt.date.min, row["name"]))
    return [name for _, name in sorted(found, reverse=True)]


def holder(rows: list[dict[str, str]], **query: str) -> str | None:
    names = holders(rows, **query)
    return names[0] if names else None


# --- both tables -----------------------------------------------------------------


def test_people_data_tables_have_provenance_header(table: Table) -> None:
    text = "\n".join(table.header)
    assert len(table.header) >= 5
    assert "licence" in text.lower() or "cc0" in text.lower()
    assert re.search(r"\d{4}-\d{2}-\d{2}", text), "header must carry the compile/build date"


def test_people_data_dates_parse_and_are_ordered(table: Table) -> None:
    for row in table.rows:
        start, end = to_date(row["valid_from"]), to_date(row["valid_to"])
        if start and end:
            assert start <= end, row


def test_people_data_countries_are_three_letter_codes(table: Table) -> None:
    for row in table.rows:
        assert not row["country"] or COUNTRY_PATTERN.match(row["country"]), row
        assert CODE_PATTERN.match(row["code"]), row
        if row["country"] and not row["code"].startswith(("IGO", "NGO")):
            assert row["code"].startswith(row["country"]), row


def test_people_data_ids_name_one_person(table: Table) -> None:
    names_by_id: dict[str, set[str]] = defaultdict(set)
    ids_by_name: dict[str, set[str]] = defaultdict(set)
    for row in table.rows:
        assert ID_PATTERN.match(row["actor_id"]), row
        names_by_id[row["actor_id"]].add(row["name"])
        ids_by_name[row["name"]].add(row["actor_id"])
    assert {i: n for i, n in names_by_id.items() if len(n) > 1} == {}
    if table.columns == OFFICEHOLDER_COLUMNS:  # Phoenix may hold namesakes, kept apart by suffix
        assert {n: i for n, i in ids_by_name.items() if len(i) > 1} == {}


def test_people_data_aliases_are_clean(table: Table) -> None:
    for row in table.rows:
        for alias in filter(None, row["aliases"].split("|")):
            assert alias == alias.strip() and "\t" not in alias and "\ufffd" not in alias, row


# --- officeholders.tsv -----------------------------------------------------------


def test_people_data_officeholders_columns(officeholders: Table) -> None:
    assert officeholders.columns == OFFICEHOLDER_COLUMNS
    assert set(BASE_COLUMNS) <= set(officeholders.columns)
    assert "CC0" in "\n".join(officeholders.header)


def test_people_data_officeholders_has_enough_rows(officeholders: Table) -> None:
    assert len(officeholders.rows) >= 300


def test_people_data_officeholders_vocabulary(officeholders: Table) -> None:
    for row in officeholders.rows:
        assert row["office"] in OFFICES, row
        assert row["office_de"], row
        assert row["source"] == "lagebild", row
        assert row["date_precision"] in {"day", "month", "year"}, row
        assert row["valid_from"], f"every term needs a start: {row}"
        if row["office"] in {"minister", "official"}:
            assert row["note"] or row["office_de"] != "Minister", row
        if not row["country"]:
            assert row["code"].startswith("IGO"), row


def test_people_data_officeholders_imprecise_dates_sit_on_period_start(
    officeholders: Table,
) -> None:
    for row in officeholders.rows:
        dates = [to_date(d) for d in (row["valid_from"], row["valid_to"]) if d]
        if row["date_precision"] == "month":
            assert any(d.day == 1 for d in dates), row
            assert row["note"], f"imprecise dates need a note: {row}"
        elif row["date_precision"] == "year":
            assert any((d.month, d.day) == (1, 1) for d in dates), row
            assert row["note"], f"imprecise dates need a note: {row}"


def test_people_data_officeholders_single_holder_terms_do_not_overlap(officeholders: Table) -> None:
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for row in officeholders.rows:
        if row["office"] not in SINGLE_HOLDER:
            continue
        key = (row["country"] or row["code"], row["office"])
        start = to_date(row["valid_from"]) or dt.date.min
        end = to_date(row["valid_to"]) or dt.date.max
        terms[key].append((start, end, row["actor_id"]))
    clashes = []
    for key, spans in terms.items():
        if key in OVERLAP_EXCEPTIONS:
            continue
        spans.sort()
        for (_s1, e1, a1), (s2, _e2, a2) in pairwise(spans):
            # A shared handover day is allowed: valid_to is often the successor's first day.
            if a1 != a2 and s2 < e1:
                clashes.append((key, a1, str(e1), a2, str(s2)))
    assert clashes == []


def test_people_data_officeholders_overlap_check_detects_a_clash() -> None:
    rows = [
        {
            "office": "head_of_state",
            "country": "XXX",
            "valid_from": "2020-01-01",
            "valid_to": "2021-01-01",
        },
        {"office": "head_of_state", "country": "XXX", "valid_from": "2020-06-01", "valid_to": ""},
    ]
    spans = sorted((to_date(r["valid_from"]), to_date(r["valid_to"]) or dt.date.max) for r in rows)
    assert spans[1][0] < spans[0][1]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"office": "head_of_state", "country": "USA", "on": "2023-05-10"}, "Joe Biden"),
        ({"office": "head_of_state", "country": "USA", "on": "2025-06-01"}, "Donald Trump"),
        ({"office": "head_of_state", "country": "USA", "on": "2017-01-20"}, "Donald Trump"),
        ({"office": "head_of_state", "country": "USA", "on": "2016-07-01"}, "Barack Obama"),
        ({"office": "defence_minister", "country": "USA", "on": "2025-09-15"}, "Pete Hegseth"),
        ({"office": "defence_minister", "country": "CHN", "on": "2025-09-15"}, "Dong Jun"),
        (
            {"office": "defence_minister", "country": "CUB", "on": "2025-09-16"},
            "Álvaro López Miera",
        ),
        ({"office": "foreign_minister", "country": "PER", "on": "2025-06-01"}, "Elmer Schialer"),
        ({"office": "head_of_state", "country": "PER", "on": "2025-10-09"}, "Dina Boluarte"),
        ({"office": "head_of_state", "country": "PER", "on": "2025-10-10"}, "José Jerí"),
        ({"office": "head_of_state", "country": "CHN", "on": "2022-12-30"}, "Xi Jinping"),
        ({"office": "head_of_state", "country": "RUS", "on": "2022-12-30"}, "Vladimir Putin"),
        ({"office": "foreign_minister", "country": "JPN", "on": "2023-04-04"}, "Yoshimasa Hayashi"),
        ({"office": "head_of_government", "country": "JPN", "on": "2023-05-10"}, "Fumio Kishida"),
        ({"office": "head_of_government", "country": "JPN", "on": "2025-11-01"}, "Sanae Takaichi"),
        ({"office": "head_of_government", "country": "DEU", "on": "2025-06-01"}, "Friedrich Merz"),
        ({"office": "foreign_minister", "country": "PRK", "on": "2023-05-10"}, "Choe Son-hui"),
        (
            {"office": "secretary_general", "code": "IGOWSTNAT", "on": "2023-04-04"},
            "Jens Stoltenberg",
        ),
        ({"office": "secretary_general", "code": "IGOWSTNAT", "on": "2025-01-01"}, "Mark Rutte"),
        ({"office": "high_representative", "code": "IGOEUREEC", "on": "2025-01-01"}, "Kaja Kallas"),
        ({"office": "head_of_state", "country": "UKR", "on": "2022-03-01"}, "Volodymyr Zelensky"),
        ({"office": "head_of_state", "country": "KOR", "on": "2025-01-15"}, "Choi Sang-mok"),
    ],
)
def test_people_data_officeholders_resolve_office_by_date(
    officeholders: Table, query: dict[str, str], expected: str
) -> None:
    assert holder(officeholders.rows, **query) == expected


def test_people_data_officeholders_vacancy_resolves_to_nobody(officeholders: Table) -> None:
    # China had no defence minister between Li Shangfu's removal and Dong Jun's appointment.
    assert (
        holder(officeholders.rows, office="defence_minister", country="CHN", on="2023-11-15")
        is None
    )


def test_people_data_officeholders_multi_holder_office(officeholders: Table) -> None:
    spokespeople = holders(
        officeholders.rows, office="spokesperson_foreign_ministry", country="CHN", on="2023-05-10"
    )
    assert "Mao Ning" in spokespeople and "Wang Wenbin" in spokespeople
    vice_chairs = holders(
        officeholders.rows, office="vice_chair_cmc", country="CHN", on="2024-12-10"
    )
    assert sorted(vice_chairs) == ["He Weidong", "Zhang Youxia"]


# --- people_phoenix.tsv ----------------------------------------------------------


def test_people_data_phoenix_columns_and_source(phoenix: Table) -> None:
    assert phoenix.columns == BASE_COLUMNS
    assert {r["source"] for r in phoenix.rows} == {"phoenix"}
    header = "\n".join(phoenix.header)
    assert "MIT" in header and "Open Event Data" in header
    assert "scripts/build_people.py --shared ../shared" in header


def test_people_data_phoenix_is_small_enough() -> None:
    assert PHOENIX.stat().st_size < MAX_PHOENIX_BYTES


def test_people_data_phoenix_holds_people_not_states(phoenix: Table) -> None:
    ids = {r["actor_id"] for r in phoenix.rows}
    assert len(ids) > 5000
    assert "per:hugo_chavez" in ids and "per:vladimir_putin" in ids
    assert (
        not {"per:afghanistan", "per:serbia_and_montenegro", "per:afghan_national_security_forces"}
        & ids
    )
    assert all(r["office"] for r in phoenix.rows)


def test_people_data_phoenix_keeps_dated_codes(phoenix: Table) -> None:
    chavez = {
        (r["code"], r["valid_from"], r["valid_to"])
        for r in phoenix.rows
        if r["actor_id"] == "per:hugo_chavez"
    }
    assert ("VENGOV", "2002-04-14", "2013-03-05") in chavez
    sisi = [r for r in phoenix.rows if r["actor_id"] == "per:abdel_fattah_el_sisi"]
    assert {(r["code"], r["valid_from"], r["valid_to"], r["office"]) for r in sisi} >= {
        ("EGYMIL", "1977-01-01", "2012-08-12", "military"),
        ("EGYGOVMIL", "2012-08-12", "2014-03-26", "minister_defence"),
        ("EGYGOV", "2014-06-08", "", "government"),
    }
    # Phoenix "government" is every cabinet member, so several people hold it at once.
    assert "Hugo Chavez" in holders(
        phoenix.rows, office="government", country="VEN", on="2010-01-01"
    )
    assert "Hugo Chavez" not in holders(
        phoenix.rows, office="government", country="VEN", on="2013-06-01"
    )


# --- scripts/build_people.py -----------------------------------------------------


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_people", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_people"] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("140608", dt.date(2014, 6, 8)),
        ("300101", dt.date(2030, 1, 1)),
        ("310101", dt.date(1931, 1, 1)),
        ("770101", dt.date(1977, 1, 1)),
        ("20020414", dt.date(2002, 4, 14)),
        ("201005011", dt.date(2010, 5, 1)),  # petrarch2 reads only the first 8 digits
    ],
)
def test_people_data_builder_reads_petrarch_dates(builder, text: str, expected: dt.date) -> None:
    assert builder.parse_dict_date(text) == expected


def test_people_data_builder_rejects_impossible_dates(builder) -> None:
    with pytest.raises(builder.DateError):
        builder.parse_dict_date("130231")


def test_people_data_builder_parses_a_dictionary(builder, tmp_path: Path) -> None:
    sample = tmp_path / "sample.actors.txt"
    sample.write_text(
        "# fictional entries\n"
        "GONDOR_  [GON]\n"
        "+MINAS_TIRITH_\n"
        "ARAGORN_ELESSAR_  # CountryInfo.txt\n"
        "+KING_ELESSAR_\n"
        "STRIDER_TELCONTAR\n"
        "\t[GONELI 310101-190930]\n"
        "\t[GONGOV > 190930]\n"
        "\t[GONELI]\n"
        "FARAMIR_HURIN_  [GONGOVMIL <200101] [GONMIL 180101-191231] # steward\n"
        "ROHAN_ARMED_FORCES_ [GONMIL 100101-120101]\n"
        "GANDALF_  [GONELI 100101-120101]\n",
        encoding="utf-8",
    )
    stats = builder.BuildStats()
    entries = builder.read_actor_file(sample, stats)
    assert [e.name for e in entries] == [
        "GONDOR_",
        "ARAGORN_ELESSAR_",
        "FARAMIR_HURIN_",
        "ROHAN_ARMED_FORCES_",
        "GANDALF_",
    ]
    rows = builder.person_rows(entries, stats)
    by_id = defaultdict(list)
    for row in rows:
        by_id[row.actor_id].append(row)
    assert sorted(by_id) == ["per:aragorn_elessar", "per:faramir_hurin"]
    aragorn = by_id["per:aragorn_elessar"]
    # The uncoded primary line below Aragorn joins his group, as in petrarch2.
    assert "Strider Telcontar" in aragorn[0].aliases.split("|")
    assert {(r.code, r.valid_from, r.valid_to, r.office) for r in aragorn} == {
        ("GONELI", "1931-01-01", "2019-09-30", "elite"),
        ("GONGOV", "2019-09-30", "", "government"),
        ("GONELI", "", "", "elite"),
    }
    faramir = {(r.code, r.valid_from, r.valid_to, r.office) for r in by_id["per:faramir_hurin"]}
    assert ("GONGOVMIL", "", "2020-01-01", "minister_defence") in faramir
    assert stats.skipped_by_rule["organisation or title word"] == 1
    assert stats.skipped_by_rule["single-word name"] == 1


def test_people_data_builder_display_names(builder) -> None:
    assert builder.display_name("HUGO_CHAVEZ_") == "Hugo Chavez"
    assert builder.display_name("SECRETARY-GENERAL_BAN_KI-MOON", strip_titles=True) == "Ban Ki-Moon"
    assert builder.display_name("JOHN_MCCAIN_") == "John McCain"
    assert builder.display_name("ABD_AL_AZIZ_BIN_FAHD_") == "Abd al Aziz bin Fahd"
    assert builder.slugify("Recep Tayyip Erdoğan") == "recep_tayyip_erdogan"


def test_people_data_builder_office_labels(builder) -> None:
    assert builder.code_office("VENGOV") == "government"
    assert builder.code_office("NORGOVMIL") == "minister_defence"
    assert builder.code_office("EGYMIL") == "military"
    assert builder.code_office("IGOWSTNAT") == "international_official"
    assert builder.code_country("IGOUNO") == ""
    assert builder.code_country("ELI") == ""


def test_people_data_phoenix_table_is_up_to_date(
    builder, shared_data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "people_phoenix.tsv"
    builder.build(shared_data.parent, out, built=dt.date(2000, 1, 1))
    fresh = [
        line
        for line in out.read_text(encoding="utf-8").splitlines()
        if not line.startswith("# built:")
    ]
    committed = [
        line
        for line in PHOENIX.read_text(encoding="utf-8").splitlines()
        if not line.startswith("# built:")
    ]
    assert fresh == committed, "rebuild with: python scripts/build_people.py --shared ../shared"
