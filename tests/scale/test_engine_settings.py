"""The engine settings: one name each, checked before any cluster starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild import cli
from lagebild.errors import UsageError
from lagebild.settings import Settings


def test_engine_settings_default_to_the_local_engine():
    settings = Settings()
    assert (settings.engine, settings.scheduler, settings.workers, settings.parquet) == (
        "local", None, None, None)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"engine": "spark"}, "unknown engine"),
        ({"engine": "dask", "workers": 0}, "at least 1"),
        ({"scheduler": "tcp://h:8786"}, "engine dask only"),
        ({"workers": 2}, "engine dask only"),
        ({"engine": "dask", "scheduler": "tcp://h:8786", "workers": 2}, "--scheduler or --workers"),
    ],
)
def test_engine_settings_reject_contradictions(values, message):
    with pytest.raises(UsageError, match=message):
        Settings.from_mapping(values)


def test_engine_settings_parquet_folder_sits_next_to_the_db():
    assert Settings(db="runs/news.duckdb").parquet_dir() == Path("runs/news.parquet")
    given = Settings(db="runs/news.duckdb", engine="dask", parquet="/mnt/shared/p")
    assert given.parquet_dir() == Path("/mnt/shared/p")


def test_engine_settings_cli_flags_reach_the_settings():
    args = cli.build_parser().parse_args(
        ["run", "x", "--engine", "dask", "--workers", "3", "--parquet", "out"])
    settings = cli._settings(args)
    assert (settings.engine, settings.workers, settings.parquet) == ("dask", 3, "out")


def test_engine_settings_cli_refuses_unknown_engine(capsys):
    with pytest.raises(SystemExit):
        cli.main(["run", "x", "--engine", "ray"])
    assert "invalid choice" in capsys.readouterr().err
