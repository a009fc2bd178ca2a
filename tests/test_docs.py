"""The docs match the code: generated references are current, README commands exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from lagebild.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("target", ["docs/cli.md", "docs/settings.md"])
def test_docs_generated_reference_is_current(target):
    expected = _gen_docs().TARGETS[target]()
    actual = (ROOT / target).read_text(encoding="utf-8")
    assert actual == expected, f"{target} is stale: run python scripts/gen_docs.py"


def test_docs_readme_commands_exist():
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a.choices, dict))
    commands = set(subparsers.choices)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used = set(re.findall(r"^\s*lagebild ([a-z]+)", readme, flags=re.MULTILINE))
    assert used, "README shows no lagebild commands"
    assert used <= commands, f"README uses unknown commands: {used - commands}"


def test_docs_readme_states_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && lagebild run examples/" in readme
    assert 'pip install ".[dev]" && python -m pytest' in readme
