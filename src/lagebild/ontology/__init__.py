"""CAMEO event codes with Goldstein scores, QuadClass and PLOVER type, mode and context.

The table ``data/cameo.tsv`` is derived by ``scripts/build_ontology.py`` from the
CAMEO lookup tables and the PLOVER crosswalk; this module only reads it, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["CameoCode", "all_codes", "cameo_info", "quad_class_of_root"]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what it maps to."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None
    context: tuple[str, ...] = ()


def quad_class_of_root(root: str) -> int:
    """QuadClass of a CAMEO root: 1/2 verbal/material coop, 3/4 verbal/material conflict."""
    n = int(root[:2])
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 14 else 4


@cache
def all_codes() -> dict[str, CameoCode]:
    """Every code of the table, keyed by code (read once per process)."""
    text = resources.files("lagebild.ontology").joinpath("data", "cameo.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    columns = rows[0].split("\t")
    codes: dict[str, CameoCode] = {}
    for line in rows[1:]:
        row = dict(zip(columns, line.split("\t"), strict=False))
        code = row["code"]
        codes[code] = CameoCode(
            code=code,
            name=row["name"],
            root=row["root"],
            goldstein=float(row["goldstein"] or 0.0),
            quad_class=int(row["quad_class"]),
            plover=row.get("plover") or None,
            mode=row.get("plover_mode") or None,
            context=tuple(c for c in (row.get("plover_context") or "").split(";") if c),
        )
    return codes


def cameo_info(code: str) -> CameoCode:
    """The record for ``code``; unknown sub-codes fall back to their nearest parent.

    Raises:
        KeyError: when not even the two-digit root is known.
    """
    codes = all_codes()
    for length in range(len(code), 1, -1):
        found = codes.get(code[:length])
        if found is not None:
            if found.code == code:
                return found
            return CameoCode(
                code,
                found.name,
                found.root,
                found.goldstein,
                found.quad_class,
                found.plover,
                found.mode,
                found.context,
            )
    raise KeyError(code)
