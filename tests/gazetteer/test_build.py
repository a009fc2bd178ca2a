"""The build script derives the country and organisation tables from shared data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"


def _script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_build_countries_uses_cldr_names_and_phoenix_codes(shared_data):
    rows = {row["iso3"]: row for row in _script().build_countries(shared_data.parent)}
    assert rows["PRK"]["name_de"] == "Nordkorea"
    assert rows["PRK"]["adj_de"] == "nordkoreanisch"
    assert rows["ROU"]["cameo"] == "ROM"
    assert "Havanna" in rows["CUB"]["capitals_de"]
    assert "ATA" not in rows  # places without a government are no actors


def test_build_organisations_adds_phoenix_aliases(shared_data):
    rows = {row["id"]: row for row in _script().build_organisations(shared_data.parent)}
    assert rows["igo:nato"]["code"] == "IGOWSTNAT"
    assert "North Atlantic Treaty Organization" in rows["igo:nato"]["names_en"]


def test_packaged_tables_carry_a_provenance_header():
    data = SCRIPT.parents[1] / "src" / "lagebild" / "gazetteer" / "data"
    for name in (
        "countries.tsv",
        "organisations.tsv",
        "country_facts.tsv",
        "organisation_facts.tsv",
    ):
        head = (data / name).read_text(encoding="utf-8").splitlines()[:3]
        assert all(line.startswith("#") for line in head), name
        assert any("source" in line for line in head), name
