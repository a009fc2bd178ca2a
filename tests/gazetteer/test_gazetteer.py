"""The gazetteer: packaged tables, dated office holders, user files, pickling."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from lagebild.errors import LagebildError
from lagebild.gazetteer import Gazetteer, load_gazetteer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "gazetteer"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("China", "gpe:CHN"),
        ("Vereinigten Staaten", "gpe:USA"),
        ("Peking", "gpe:CHN"),
        ("Pjöngjang", "gpe:PRK"),
        ("Havanna", "gpe:CUB"),
        ("chinesischen", "gpe:CHN"),
        ("chinesisches", "gpe:CHN"),
        ("Peruanerin", "gpe:PER"),
        ("Kubanerinnen", "gpe:CUB"),
        ("Kreml", "gov:rus_kremlin"),
        ("Weißen Hauses", "gov:usa_whitehouse"),
        ("Pentagon", "gov:usa_pentagon"),
        ("NATO", "igo:nato"),
        ("Koreanischen Zentralen Nachrichtenagentur", "med:kcna"),
        ("KCNA", "med:kcna"),
        ("Prensa Latina", "med:prensa_latina"),
    ],
)
def test_gazetteer_lookup_finds_inflected_and_metonymic_forms(gazetteer, surface, actor_id):
    assert actor_id in {a.id for a in gazetteer.lookup(surface)}


def test_gazetteer_abbreviations_match_case_exactly(gazetteer):
    assert gazetteer.lookup("WHO")[0].id == "igo:who"
    assert gazetteer.lookup("who") == []
    assert gazetteer.lookup("Who") == []


def test_gazetteer_proper_names_need_a_capital(gazetteer):
    assert gazetteer.lookup("china") == []


def test_gazetteer_countries_carry_iso_and_cameo_codes(gazetteer):
    assert gazetteer.actors["gpe:PER"].codes == ["PER"]
    assert gazetteer.cameo("ROU") == "ROM"  # CAMEO differs from ISO 3166 here
    assert gazetteer.code("CHN", "MIL") == "CHNMIL"


def test_gazetteer_office_holder_depends_on_the_date(gazetteer):
    before = gazetteer.office_holder("secretary_general", "IGOWSTNAT", on=dt.date(2023, 5, 1))
    after = gazetteer.office_holder("secretary_general", "IGOWSTNAT", on=dt.date(2025, 1, 1))
    assert before is not None and before.id == "per:jens_stoltenberg"
    assert after is not None and after.id == "per:mark_rutte"


def test_gazetteer_role_on_picks_the_office_held_that_day(gazetteer):
    putin = gazetteer.actors["per:vladimir_putin"]
    assert gazetteer.role_on(putin, dt.date(2022, 12, 30)).office == "head_of_state"


def test_gazetteer_pickles_as_plain_data(gazetteer):
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.actors.keys() == gazetteer.actors.keys()
    assert [a.id for a in copy.lookup("Pekings")] == [a.id for a in gazetteer.lookup("Pekings")]


def test_gazetteer_is_loaded_once(gazetteer):
    assert load_gazetteer() is gazetteer


def test_gazetteer_user_tsv_adds_dated_people():
    gazetteer = load_gazetteer([FIXTURES / "people_small.tsv"])
    holder = gazetteer.office_holder("head_of_state", "ARN", on=dt.date(2015, 6, 1))
    assert holder is not None and holder.id == "per:arvedui_last"
    holder = gazetteer.office_holder("head_of_state", "ARN", on=dt.date(2021, 6, 1))
    assert holder is not None and holder.id == "per:aragorn_elessar"
    assert gazetteer.lookup("Elessar")[0].id == "per:aragorn_elessar"


def test_gazetteer_user_yaml_adds_and_overrides_actors():
    gazetteer = load_gazetteer([FIXTURES / "user_override.yaml"])
    assert gazetteer.lookup("Rat Arnors")[0].id == "org:arnor_council"
    assert gazetteer.lookup("RvA")[0].id == "org:arnor_council"
    assert gazetteer.actors["med:xinhua"].name == "Xinhua (Nachrichtenagentur)"
    assert gazetteer.org_types["org:arnor_council"] == "government"


def test_gazetteer_rejects_a_malformed_user_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: no id\n", encoding="utf-8")
    with pytest.raises(LagebildError, match="E014"):
        load_gazetteer([bad])


def test_gazetteer_example_file_loads():
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "gazetteer.example.yaml"
    gazetteer = load_gazetteer([example])
    assert any(a.kind == "PER" and a.roles for a in gazetteer.lookup("Ioreth Tindome"))
