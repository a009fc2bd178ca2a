"""The built gazetteer is kept on disk and read back instead of built again."""

from __future__ import annotations

from pathlib import Path

import pytest

import lagebild.gazetteer as gazetteer_module
from lagebild.gazetteer import load_gazetteer
from lagebild.gazetteer.filecache import cache_dir, cache_key

FIXTURES = Path(__file__).parents[1] / "fixtures" / "gazetteer"


@pytest.fixture()
def fresh(monkeypatch, tmp_path):
    """A cache folder of the test's own, and no gazetteer loaded in this process yet."""
    monkeypatch.setenv("LAGEBILD_CACHE_DIR", str(tmp_path / "cache"))
    gazetteer_module._load.cache_clear()
    yield tmp_path / "cache"
    gazetteer_module._load.cache_clear()


def _refuse_building(monkeypatch):
    def refuse(extra_files):
        raise AssertionError("built again although a cache file exists")

    monkeypatch.setattr(gazetteer_module, "_build", refuse)


def test_filecache_second_load_reads_the_file_and_matches_the_build(fresh, monkeypatch):
    built = load_gazetteer()
    assert len(list(fresh.glob("gazetteer-*.pickle"))) == 1
    gazetteer_module._load.cache_clear()
    _refuse_building(monkeypatch)
    read = load_gazetteer()
    assert read is not built
    assert read.actors == built.actors
    assert read.indexes["de"].keys == built.indexes["de"].keys
    assert read.indexes["de"].prefixes == built.indexes["de"].prefixes
    assert [a.id for a in read.lookup("US-Verteidigungsminister")] == \
        [a.id for a in built.lookup("US-Verteidigungsminister")]


def test_filecache_user_file_content_is_part_of_the_key(fresh, tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text((FIXTURES / "people_small.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    before = cache_key((str(user),))
    assert before != cache_key(())
    user.write_text(user.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache_key((str(user),)) != before


def test_filecache_damaged_file_is_built_again(fresh, monkeypatch):
    load_gazetteer()
    (path,) = fresh.glob("gazetteer-*.pickle")
    path.write_bytes(path.read_bytes()[:1000])  # truncated, as by a full disk
    gazetteer_module._load.cache_clear()
    assert load_gazetteer().country("CHN") is not None
    gazetteer_module._load.cache_clear()
    _refuse_building(monkeypatch)  # the rebuilt file was written back whole
    assert load_gazetteer().country("CHN") is not None


def test_filecache_off_writes_nothing(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv("LAGEBILD_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() is None
    assert load_gazetteer().country("CHN") is not None
    assert not (tmp_path / "xdg").exists() and not fresh.exists()
