"""Scale-out: the per-document pipeline on a Dask cluster, writing Parquet partitions.

``lagebild run --engine dask`` (``api.run`` with ``Settings(engine="dask")``)
lands here. This package is the only one that imports Dask, and only when a
Dask run starts, so the rest of Lagebild works without the ``[dask]`` extra.
See ``docs/scale.md`` for running on a real cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.errors import ErrorCode, UsageError
from lagebild.settings import Settings

if TYPE_CHECKING:
    from lagebild.api import RunSummary

__all__ = ["run_dask"]


def run_dask(
    paths: Iterable[str | Path],
    *,
    settings: Settings,
    on_progress: Callable[[str, str], None] | None = None,
) -> RunSummary:
    """Analyse ``paths`` on a Dask cluster into ``settings.db``; returns a ``RunSummary``.

    Raises ``UsageError`` (E017) when Dask is not installed. Parquet is
    written and read by DuckDB itself, so workers need no pyarrow.
    """
    try:
        from lagebild.scale.runner import run_dask as run
    except ImportError as exc:
        raise UsageError(ErrorCode.E017, reason=str(exc)) from exc
    return run(paths, settings=settings, on_progress=on_progress)
