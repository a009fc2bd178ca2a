"""Exports of coded events: GDELT 2.0 event table rows and PLOVER JSON records."""

from __future__ import annotations

from lagebild.export.gdelt import GDELT_COLUMNS, write_gdelt
from lagebild.export.plover import plover_record, write_plover

__all__ = ["GDELT_COLUMNS", "plover_record", "write_gdelt", "write_plover"]
