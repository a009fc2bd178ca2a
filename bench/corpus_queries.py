"""Build a synthetic store and time the corpus update and the corpus queries on it.

Writes the results to the "Corpus queries" section of ``docs/performance.md``
(replacing an earlier version of that section). Each query is run ``--repeat``
times on a read-only connection and the median is reported; the target is
below one second for every dyad and timeline query on a million articles.

Usage: python bench/corpus_queries.py [--articles 1000000] [--db /tmp/lagebild-synthetic.duckdb]
       [--reuse] [--no-docs]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_corpus import build

from lagebild.corpus import update_corpus
from lagebild.corpus.dedup import corpus_events
from lagebild.corpus.dyads import dyads, root_counts, timeline
from lagebild.corpus.graph import actor_graph
from lagebild.store import Store

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
HEADING = "## Corpus queries"

QUERIES = (
    ("dyads --actor CHN", lambda c: dyads(c, actor="CHN")),
    ("dyads (all pairs, by country)", lambda c: dyads(c)),
    ("dyads --by code --actor USAGOV", lambda c: dyads(c, actor="USAGOV", by="code")),
    ("timeline CHN USA --by day", lambda c: timeline(c, "CHN", "USA", by="day")),
    ("timeline CHN USA --by week", lambda c: timeline(c, "CHN", "USA", by="week")),
    ("timeline RUS UKR --by month", lambda c: timeline(c, "RUS", "UKR", by="month")),
    ("timeline USA IGOWSTNAT --by month (one year)",
     lambda c: timeline(c, "USA", "IGOWSTNAT", by="month", since=dt.date(2020, 1, 1),
                        until=dt.date(2020, 12, 31))),
    ("roots CHN→USA", lambda c: root_counts(c, "CHN", "USA")),
    ("graph (one year)", lambda c: actor_graph(c, since=dt.date(2022, 1, 1),
                                               until=dt.date(2022, 12, 31))),
    ("graph (all years)", lambda c: actor_graph(c)),
    ("corpus-events --actor CHN", lambda c: corpus_events(c, actor="CHN")),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/lagebild-synthetic.duckdb"))
    parser.add_argument("--reuse", action="store_true", help="keep an existing --db")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-docs", action="store_true", help="print only")
    args = parser.parse_args()

    lines = []
    if not (args.reuse and args.db.exists()):
        started = time.perf_counter()
        built = build(args.db, articles=args.articles)
        total = time.perf_counter() - started
        lines.append(f"Synthetic store built in {total:.0f} s: " + ", ".join(
            f"{built[f'rows_{t}']:,} {t}"
            for t in ("articles", "mentions", "events", "event_actors")))
        print(lines[-1], flush=True)
        with Store(args.db) as store:
            started = time.perf_counter()
            done = update_corpus(store.con, stories=False)
            lines.append(f"First corpus update (dyad rows, event deduplication; stories off, "
                         f"synthetic text): {time.perf_counter() - started:.0f} s — "
                         + ", ".join(f"{k} {v:.1f} s" for k, v in done.seconds.items()))
            print(lines[-1], flush=True)
            _add_articles(store.con, 1000)
            started = time.perf_counter()
            done = update_corpus(store.con, stories=False)
            lines.append(f"Incremental update after 1,000 new articles: "
                         f"{time.perf_counter() - started:.1f} s")
            print(lines[-1], flush=True)

    con = duckdb.connect(str(args.db), read_only=True)
    size = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "events", "dyad_events", "corpus_events")}
    rows = []
    for name, query in QUERIES:
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = query(con)
            times.append(time.perf_counter() - started)
        n = len(result.edges) if hasattr(result, "edges") else len(result)
        rows.append((name, statistics.median(times), n))
        print(f"{name:<48} {statistics.median(times) * 1000:8.0f} ms  {n} rows", flush=True)
    con.close()

    section = [
        HEADING, "",
        f"Measured {dt.date.today().isoformat()} with `python bench/corpus_queries.py "
        f"--articles {args.articles}` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"DuckDB {duckdb.__version__}.",
        f"Store (after the incremental update when built): {size['articles']:,} articles, "
        f"{size['events']:,} events, "
        f"{size['dyad_events']:,} dyad rows, {size['corpus_events']:,} corpus events.", "",
        *[f"- {line}" for line in lines], "",
        "| query | median (ms) | rows |", "|---|---:|---:|",
        *[f"| `{name}` | {seconds * 1000:.0f} | {n} |" for name, seconds, n in rows], "",
    ]
    if not args.no_docs:
        _write_section(section)
    return 0


def _add_articles(con: duckdb.DuckDBPyConnection, n: int) -> None:
    """Append ``n`` articles with events (copies of recent ones under new ids)."""
    con.execute(f"""
        CREATE TEMP TABLE _pick AS SELECT id, 'new' || id AS nid FROM articles
        WHERE id NOT LIKE 'new%' ORDER BY published DESC LIMIT {n}
    """)
    con.execute("""INSERT INTO articles SELECT p.nid, source, outlet, url, title, published,
        language, text, raw_text, removed_spans, mt_signals, inferred, author, tone,
        current_timestamp FROM articles a JOIN _pick p ON p.id = a.id""")
    con.execute("""INSERT INTO events SELECT 'new' || e.id, p.nid, sentence, cameo, root, plover,
        mode, context, quad_class, goldstein, modality, trigger, trigger_start, trigger_end,
        evidence_start, evidence_end, date, date_is_publication, background, location,
        confidence FROM events e JOIN _pick p ON p.id = e.article_id""")
    con.execute("""INSERT INTO event_actors SELECT 'new' || x.event_id, side, position, text,
        actor_id, code, country, sector, start_char, end_char FROM event_actors x
        JOIN events e ON e.id = x.event_id JOIN _pick p ON p.id = e.article_id""")
    con.execute("DROP TABLE _pick")


def _write_section(section: list[str]) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n"
    start = text.find(HEADING)
    if start >= 0:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + "\n".join(section) + (text[end + 1:] if end >= 0 else "")
    else:
        text = text.rstrip() + "\n\n" + "\n".join(section)
    DOC.write_text(text.rstrip() + "\n", encoding="utf-8")
    print(f"→ {DOC}")


if __name__ == "__main__":
    raise SystemExit(main())
