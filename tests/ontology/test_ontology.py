"""The CAMEO/PLOVER table and its loader."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from lagebild.ontology import all_codes, cameo_info, quad_class_of_root

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("14", 3), ("15", 4), ("20", 4)],
)
def test_ontology_quad_class_follows_root(root: str, quad: int) -> None:
    assert quad_class_of_root(root) == quad
    assert cameo_info(root).quad_class == quad


def test_ontology_covers_all_twenty_roots() -> None:
    roots = {info.root for info in all_codes().values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(
    ("code", "plover", "mode"),
    [
        ("042", "CONSULT", "visit"),
        ("0312", "AGREE", None),
        ("111", "ACCUSE", "disapprove"),
        ("100", "REQUEST", None),
        ("091", "ACCUSE", "investigate"),
        ("190", "ASSAULT", None),
        ("084", "RETREAT", None),
        ("083", "CONCEDE", None),
        ("020", "REQUEST", None),
    ],
)
def test_ontology_maps_cameo_to_current_plover_names(
    code: str, plover: str, mode: str | None
) -> None:
    info = cameo_info(code)
    assert info.plover == plover
    assert info.mode == mode


def test_ontology_has_no_plover_v05_names() -> None:
    names = {info.plover for info in all_codes().values()}
    assert not names & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}


def test_ontology_statements_have_no_plover_type_but_a_goldstein_score() -> None:
    info = cameo_info("018")
    assert info.plover is None
    assert info.goldstein == pytest.approx(3.4)


def test_ontology_unknown_subcode_falls_back_to_parent() -> None:
    info = cameo_info("1929")
    assert info.code == "1929"
    assert info.root == "19"
    assert info.plover == cameo_info("192").plover


def test_ontology_unknown_root_raises() -> None:
    with pytest.raises(KeyError):
        cameo_info("99")


def test_ontology_table_matches_a_rebuild_from_shared_data(
    shared_data: Path, tmp_path: Path
) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_ontology", ROOT / "scripts" / "build_ontology.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "cameo.tsv"
    module.write(module.build(shared_data.parent), out)

    def rows(path: Path) -> list[str]:
        return [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]

    committed = ROOT / "src" / "lagebild" / "ontology" / "data" / "cameo.tsv"
    assert rows(out) == rows(committed)
