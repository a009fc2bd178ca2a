"""One table of settings, used by the Python API, the CLI and the docs.

Each option has one name everywhere: ``Settings(batch_size=64)`` in Python,
``--batch-size 64`` on the command line, ``batch_size`` in docs and HTTP.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.errors import ErrorCode, UsageError


@dataclass(frozen=True, slots=True)
class Setting:
    """One option: its name, default and one line of help."""

    name: str
    default: Any
    help: str
    choices: tuple[str, ...] | None = None


ALL_STAGES = ("segment", "ner", "actors", "quotes", "events", "tone")
ENGINES = ("local", "dask")

SETTINGS: tuple[Setting, ...] = (
    Setting("db", "lagebild.duckdb", "DuckDB file the run writes to and commands read from"),
    Setting("language", None, "force the document language (de, en); detected when unset"),
    Setting(
        "stages",
        ",".join(ALL_STAGES),
        "comma-separated pipeline stages to run after cleaning (segment is always on)",
    ),
    Setting("batch_size", 32, "documents per batch: one store transaction, or one Dask task"),
    Setting("max_bytes", 20_000_000, "inputs larger than this many bytes are refused"),
    Setting("gazetteer", (), "extra gazetteer files (YAML or TSV) that add or override actors"),
    Setting("progress", True, "show a progress bar on standard error when it is a terminal"),
    Setting(
        "engine",
        "local",
        "where `run` analyses: local (this process) or dask (a Dask cluster, [dask] extra)",
        choices=ENGINES,
    ),
    Setting("scheduler", None, "address of a running Dask scheduler, e.g. tcp://host:8786"),
    Setting("workers", None, "worker processes of a local Dask cluster (default: one per core)"),
    Setting(
        "parquet",
        None,
        "folder for the Parquet partitions the Dask workers write (default: next to the db, "
        "<db>.parquet); on a cluster it must be shared by the workers and the client",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings; build with ``Settings.from_mapping`` to validate names."""

    db: str | Path = "lagebild.duckdb"
    language: str | None = None
    stages: str = ",".join(ALL_STAGES)
    batch_size: int = 32
    max_bytes: int = 20_000_000
    gazetteer: tuple[str, ...] = ()
    progress: bool = True
    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    parquet: str | Path | None = None

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Settings:
        """Validate names and values; unknown names and bad values raise ``UsageError``."""
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if name not in _BY_NAME:
                raise UsageError(ErrorCode.E012, name=name, known=", ".join(_BY_NAME))
            if value is not None:
                clean[name] = value
        settings = cls(**clean)
        settings.validate()
        return settings

    def validate(self) -> None:
        unknown = [s for s in self.stage_list if s not in ALL_STAGES]
        if unknown:
            reason = f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(ALL_STAGES)}"
            raise UsageError(ErrorCode.E013, name="stages", reason=reason)
        if self.batch_size < 1:
            raise UsageError(ErrorCode.E013, name="batch_size", reason="must be at least 1")
        if self.max_bytes < 1:
            raise UsageError(ErrorCode.E013, name="max_bytes", reason="must be at least 1")
        self._validate_engine()

    def _validate_engine(self) -> None:
        if self.engine not in ENGINES:
            reason = f"unknown engine {self.engine!r}; choose from {', '.join(ENGINES)}"
            raise UsageError(ErrorCode.E013, name="engine", reason=reason)
        if self.workers is not None and self.workers < 1:
            raise UsageError(ErrorCode.E013, name="workers", reason="must be at least 1")
        for name in ("scheduler", "workers", "parquet"):
            if getattr(self, name) is not None and self.engine != "dask":
                reason = "applies to engine dask only (add --engine dask)"
                raise UsageError(ErrorCode.E013, name=name, reason=reason)
        if self.scheduler is not None and self.workers is not None:
            reason = "a running scheduler brings its own workers; give --scheduler or --workers"
            raise UsageError(ErrorCode.E013, name="workers", reason=reason)

    def parquet_dir(self) -> Path:
        """Where the Dask engine writes Parquet: the ``parquet`` setting, else next to the db."""
        if self.parquet is not None:
            return Path(self.parquet)
        db = Path(self.db)
        return db.with_name(f"{db.stem}.parquet")

    @property
    def stage_list(self) -> tuple[str, ...]:
        names = tuple(s.strip() for s in self.stages.split(",") if s.strip())
        return names if "segment" in names else ("segment", *names)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

