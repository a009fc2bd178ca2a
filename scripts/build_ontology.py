"""Rebuild ``src/lagebild/ontology/data/cameo.tsv`` from the CAMEO and PLOVER sources.

Usage::

    python scripts/build_ontology.py --shared ../shared

Reads the GDELT CAMEO lookup tables (codes, names, Goldstein scale), the ICEWS
CAMEO table (used for names the GDELT table lacks) and the PLOVER CAMEO→PLOVER
crosswalk, and writes one row per CAMEO code: name, Goldstein value, QuadClass,
root, PLOVER type and PLOVER mode. Only facts (codes, names, numbers) are
written; no descriptions or examples are copied.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "ontology" / "data" / "cameo.tsv"

#: PLOVER drops CAMEO 01 (statements). CAMEO 02 (appeals) is dropped by the
#: manual too; we map it to REQUEST, which the manual defines as "all requests,
#: demands, and orders", so appeals stay visible in PLOVER exports.
ROOT_PLOVER_DEFAULT = {"01": "", "02": "REQUEST"}

#: PLOVER names used in older gold records (v0.5) → names in the current manual.
PLOVER_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def quad_class(root: str) -> int:
    """QuadClass of a CAMEO root: 1/2 verbal/material coop, 3/4 verbal/material conflict."""
    n = int(root)
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 14:
        return 3
    return 4


def read_tab(path: Path) -> dict[str, str]:
    rows: dict[str, str] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip():
                rows[parts[0].strip()] = parts[1].strip()
    return rows


def read_icews_names(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


def read_crosswalk(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code → (PLOVER type, mode, context) from lines ``code: TYPE, mode, context # text``."""
    mapping: dict[str, tuple[str, str, str]] = {}
    pattern = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,?\s*([^,#]*),?\s*([^#]*)")
    for line in path.read_text(encoding="utf-8").splitlines():
        match = pattern.match(line.strip())
        if not match:
            continue
        code, plover, mode = match.group(1), match.group(2), match.group(3).strip()
        context = ";".join(c.strip() for c in match.group(4).split(";") if c.strip())
        plover = PLOVER_RENAMES.get(plover, plover)
        mapping.setdefault(code, (plover, mode, context))
    return mapping


def build(shared: Path) -> list[dict[str, str]]:
    cameo_dir, plover_dir = shared / "data" / "cameo", shared / "data" / "plover"
    names = read_tab(cameo_dir / "CAMEO.eventcodes.txt")
    goldstein = read_tab(cameo_dir / "CAMEO.goldsteinscale.txt")
    icews = read_icews_names(cameo_dir / "icews_cameo-codes.csv")
    crosswalk = read_crosswalk(plover_dir / "CAMEO2PLOVER-2021.txt")
    rows = []
    for code in sorted(set(names) | set(icews), key=lambda c: (c[:2], c)):
        if not code.isdigit():
            continue
        root = code[:2]
        plover, mode, context = crosswalk.get(code, ("", "", ""))
        if not plover:
            # Root rows ("03") and codes the crosswalk skips take the type of
            # their parent or of the root's first listed child.
            parent = crosswalk.get(code[:3]) or crosswalk.get(root + "0")
            plover = parent[0] if parent else ROOT_PLOVER_DEFAULT.get(root, "")
        rows.append(
            {
                "code": code,
                "name": names.get(code) or icews.get(code, ""),
                "goldstein": goldstein.get(code, ""),
                "quad_class": str(quad_class(root)),
                "root": root,
                "plover": plover,
                "plover_mode": mode,
                "plover_context": context,
            }
        )
    return rows


def write(rows: list[dict[str, str]], out: Path) -> None:
    header = [
        "# CAMEO event codes with Goldstein scale, QuadClass and PLOVER type/mode/context.",
        "# Sources: GDELT CAMEO lookup tables (CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt;",
        "#   GDELT Project, free use with citation; Gerner, Schrodt & Yilmaz, CAMEO 1.1b3),",
        "#   ICEWS CAMEO table (andybega/icews, MIT), PLOVER CAMEO2PLOVER-2021 crosswalk",
        "#   (openeventdata/PLOVER, CC BY-SA 4.0; v0.5 names mapped: DEMAND→REQUEST,",
        "#   DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT; 02 APPEAL→REQUEST, 01 none).",
        "# QuadClass from root: 01-05 verbal coop, 06-08 material coop, 09-14 verbal conflict,",
        "#   15-20 material conflict.",
        f"# Rebuilt {dt.date.today().isoformat()} by scripts/build_ontology.py.",
    ]
    columns = [
        "code",
        "name",
        "goldstein",
        "quad_class",
        "root",
        "plover",
        "plover_mode",
        "plover_context",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        handle.write("\n".join(header) + "\n")
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(row[c] for c in columns) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.shared)
    write(rows, args.out)
    print(f"wrote {len(rows)} codes to {args.out}")


if __name__ == "__main__":
    main()
