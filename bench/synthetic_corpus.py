"""Generate a synthetic Lagebild store for scale tests, entirely in DuckDB SQL.

Articles, mentions, events and event actors are made with ``range()`` and
``random()`` inside DuckDB (no Python loop over rows), so a million articles
build in minutes. Distributions are chosen to look like a news event stream:

- publication dates spread evenly over ``--years`` years;
- outlets Zipf-like over 300 names (a few large wires, a long tail);
- actors: 60 country codes with a heavy head (USA, CHN, RUS, ... dominate, as in
  GDELT), sectors GOV/MIL/none, plus NATO and the EU without a country;
- 0-6 events per article (mean ~3), CAMEO roots skewed to verbal cooperation
  (01-05 are ~70% of GDELT events), QuadClass and a Goldstein score per root.

Usage: python bench/synthetic_corpus.py OUT.duckdb [--articles 1000000] [--seed 0.42]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lagebild.store import Store

COUNTRIES = (  # roughly ordered by how often news event streams name them
    "USA", "CHN", "RUS", "UKR", "DEU", "FRA", "GBR", "ISR", "IRN", "JPN", "IND", "TUR",
    "PRK", "KOR", "SYR", "PAK", "AFG", "SAU", "EGY", "IRQ", "POL", "ITA", "ESP", "CAN",
    "AUS", "BRA", "MEX", "NGA", "ZAF", "VEN", "CUB", "PER", "TWN", "VNM", "PHL", "IDN",
    "BLR", "SRB", "HUN", "NLD", "BEL", "AUT", "CHE", "SWE", "NOR", "FIN", "DNK", "GRC",
    "ROU", "BGR", "CZE", "SVK", "LTU", "LVA", "EST", "GEO", "ARM", "AZE", "KAZ", "QAT",
)
# root -> (quad class, Goldstein), roughly the CAMEO scale at the root level
ROOTS = {
    "01": (1, 0.0), "02": (1, 3.0), "03": (1, 4.0), "04": (1, 1.0), "05": (1, 3.5),
    "06": (2, 6.0), "07": (2, 7.0), "08": (2, 5.0), "09": (3, -2.0), "10": (3, -5.0),
    "11": (3, -2.0), "12": (3, -4.0), "13": (3, -6.0), "14": (4, -6.5), "15": (4, -7.2),
    "16": (4, -4.0), "17": (4, -7.0), "18": (4, -9.0), "19": (4, -10.0), "20": (4, -10.0),
}
# share of each root, in ROOTS order (verbal cooperation dominates news event data)
ROOT_WEIGHTS = (16, 10, 8, 20, 8, 3, 2, 2, 1, 3, 9, 4, 3, 2, 1, 1, 3, 2, 2, 0.2)


def build(path: Path, *, articles: int, years: int = 10, seed: float = 0.42) -> dict[str, float]:
    """Create the store at ``path`` and fill it; returns seconds per table."""
    if path.exists():
        path.unlink()
    timings: dict[str, float] = {}
    with Store(path) as store:
        con = store.con
        con.execute(f"SELECT setseed({seed})")
        countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
        cumulative, total = [], 0.0
        for w in ROOT_WEIGHTS:
            total += w
            cumulative.append(total)
        root_case = " ".join(
            f"WHEN r < {c / total:.6f} THEN '{root}'"
            for c, root in zip(cumulative, ROOTS, strict=True)
        )
        quad_case = " ".join(f"WHEN '{k}' THEN {q}" for k, (q, _) in ROOTS.items())
        gold_case = " ".join(f"WHEN '{k}' THEN {g}" for k, (_, g) in ROOTS.items())
        days = 365 * years

        def step(name: str, sql: str) -> None:
            started = time.perf_counter()
            con.execute(sql)
            timings[name] = round(time.perf_counter() - started, 2)

        step("articles", f"""
            INSERT INTO articles (id, source, outlet, url, title, published, language, text,
                                  raw_text, removed_spans, mt_signals, inferred, author, tone)
            SELECT printf('%016x', i), 'synthetic',
                   'Outlet ' || (floor(300 * pow(random(), 3)))::INT,
                   NULL, 'Synthetic article ' || i,
                   TIMESTAMP '2015-01-01' + to_days((i * {days} // {articles})::INT)
                       + to_minutes((random() * 1440)::INT),
                   'de', 'Synthetic text ' || i, 'Synthetic text ' || i, '[]', '[]', '[]', NULL,
                   round((random() + random() + random() - 1.5) * 0.8, 3)
            FROM range({articles}) t(i)
        """)
        step("mentions", f"""
            INSERT INTO mentions
            SELECT a.id, k * 40, k * 40 + 5, c, 'GPE', 'gpe:' || lower(c), c, c, NULL, c, NULL, 1.0
            FROM (SELECT id, (random() * 7)::INT AS n FROM articles) a,
                 LATERAL (SELECT k, {countries}[1 + floor(60 * pow(random(), 2.5))::INT] AS c
                          FROM range(a.n) r(k))
        """)
        step("events", f"""
            INSERT INTO events
            SELECT a.id || '-e' || k, a.id, k, root || '0', root, NULL, NULL, '[]',
                   CASE root {quad_case} END, CASE root {gold_case} END,
                   CASE WHEN random() < 0.05 THEN 'negated' ELSE 'asserted' END,
                   'trigger', 0, 5, 0, 40, NULL, TRUE, FALSE, NULL, 1.0
            FROM (SELECT id, least(6, floor(-ln(random()) * 3))::INT AS n FROM articles) a,
                 LATERAL (SELECT k, CASE {root_case} ELSE '20' END AS root
                          FROM (SELECT k, random() AS r FROM range(a.n) t(k)))
        """)
        step("event_actors", f"""
            INSERT INTO event_actors
            WITH pick AS (
                SELECT id,
                       {countries}[1 + floor(60 * pow(random(), 2.5))::INT] AS s,
                       {countries}[1 + floor(60 * pow(random(), 2.5))::INT] AS t,
                       random() AS u, random() AS v
                FROM events
            )
            SELECT id, 'source', 0, s, 'gpe:' || lower(s),
                   s || CASE WHEN u < 0.3 THEN 'GOV' WHEN u < 0.4 THEN 'MIL' ELSE '' END,
                   s, NULL, 0, 5 FROM pick
            UNION ALL
            SELECT id, 'target', 0, t, 'gpe:' || lower(t),
                   CASE WHEN v < 0.05 THEN 'IGOWSTNAT' ELSE t END,
                   CASE WHEN v < 0.05 THEN NULL ELSE t END, NULL, 10, 15 FROM pick
        """)
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "mentions", "events", "event_actors")}
    timings.update({f"rows_{k}": v for k, v in counts.items()})
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=float, default=0.42)
    args = parser.parse_args()
    for key, value in build(args.out, articles=args.articles, years=args.years,
                            seed=args.seed).items():
        print(f"{key:>20}: {value}")


if __name__ == "__main__":
    main()
