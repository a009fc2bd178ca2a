"""Exports of coded events: GDELT 2.0 event table rows, PLOVER JSON records, CSV, Parquet."""

from __future__ import annotations

from lagebild.export.gdelt import GDELT_COLUMNS, write_gdelt
from lagebild.export.plover import plover_record, write_plover
from lagebild.export.store import EXPORTERS, export_store, iter_article_events

__all__ = [
    "EXPORTERS",
    "GDELT_COLUMNS",
    "export_store",
    "iter_article_events",
    "plover_record",
    "write_gdelt",
    "write_plover",
]
