"""The settings table drives Python, CLI and docs alike."""

from __future__ import annotations

import dataclasses

import pytest

from lagebild.errors import UsageError
from lagebild.settings import SETTINGS, Settings


def test_settings_table_matches_dataclass_fields():
    assert [s.name for s in SETTINGS] == [f.name for f in dataclasses.fields(Settings)]


def test_settings_table_defaults_match_dataclass_defaults():
    defaults = Settings()
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default, setting.name


def test_settings_rejects_unknown_name():
    with pytest.raises(UsageError, match="Unknown setting 'colour'"):
        Settings.from_mapping({"colour": "blue"})


def test_settings_rejects_unknown_stage():
    with pytest.raises(UsageError, match="unknown stage"):
        Settings.from_mapping({"stages": "segment,telepathy"})


def test_settings_always_keeps_segment_stage():
    assert Settings(stages="actors").stage_list == ("segment", "actors")
