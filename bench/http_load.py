"""HTTP load test: requests/s and p50/p99 latency of the main endpoints under concurrency.

Builds (or reuses) a synthetic store with about ``--events`` events
(bench/synthetic_corpus.py, plus the corpus dyad tables), starts a real uvicorn
server on 127.0.0.1, and sends a seeded random mix of requests from
``--clients`` concurrent clients (httpx AsyncClient), bounded by ``--requests``
and ``--seconds``. The mix draws article ids, actors and pairs at random, so
the response cache sees realistic misses; ``--no-cache`` measures the store
queries alone.

Usage: python bench/http_load.py [--db /tmp/lagebild-load.duckdb] [--events 100000]
           [--clients 50] [--requests 3000] [--seconds 120] [--no-cache] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).parent))

EVENTS_PER_ARTICLE = 2.18  # what synthetic_corpus.py generates on average (measured)
TOP = ["USA", "CHN", "RUS", "UKR", "DEU", "FRA", "GBR", "ISR", "IRN", "JPN"]
# (share of requests, endpoint name); names group the latencies in the report
MIX = [
    (25, "api article detail"), (10, "article page"), (15, "api events actor"),
    (10, "api events pair"), (10, "api articles page"), (5, "api actors"), (5, "api dyads"),
    (5, "api dyad series"), (5, "overview page"), (5, "actor page"), (5, "api graph"),
]


def build_store(path: Path, *, events: int) -> None:
    from synthetic_corpus import build

    from lagebild.corpus import update_corpus
    from lagebild.store import Store

    build(path, articles=int(events / EVENTS_PER_ARTICLE), years=3)
    with Store(path) as store:  # dyad tables for the graph; stories need text, not built
        update_corpus(store.con, stories=False)


def url_for(name: str, rng: random.Random, ids: list[str]) -> str:
    a, b = rng.sample(TOP, 2)
    return {
        "api article detail": f"/api/articles/{rng.choice(ids)}",
        "article page": f"/articles/{rng.choice(ids)}",
        "api events actor": f"/api/events?actor={rng.choice(TOP)}&limit=100",
        "api events pair": f"/api/events?pair={a},{b}&limit=100",
        "api articles page": f"/api/articles?limit=50&offset={50 * rng.randrange(20)}",
        "api actors": "/api/actors?limit=50",
        "api dyads": "/api/dyads?limit=50",
        "api dyad series": f"/api/dyads/{a}/{b}",
        "overview page": "/",
        "actor page": f"/actors/{rng.choice(TOP)}",
        "api graph": "/api/graph",
    }[name]


def start_server(db: Path, *, cache: bool) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = (
        "import uvicorn; from lagebild.web import make_app, WebLimits; "
        f"uvicorn.run(make_app(db={str(db)!r}, limits=WebLimits(cache_entries="
        f"{4096 if cache else 0})), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=1):
                return proc, base
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start")


async def load(base: str, urls: list[tuple[str, str]], *, clients: int,
               seconds: float) -> tuple[dict[str, list[float]], dict[str, int], float, int]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    hits = 0
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in urls:
        queue.put_nowait(item)
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal hits
        while not queue.empty() and time.monotonic() < deadline:
            name, url = queue.get_nowait()
            start = time.perf_counter()
            try:
                r = await client.get(url)
                ok = r.status_code == 200
                hits += r.headers.get("x-lagebild-cache") == "hit"
            except httpx.HTTPError:
                ok = False
            latencies[name].append(time.perf_counter() - start)
            errors[name] += not ok

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        elapsed = time.perf_counter() - began
    return latencies, errors, elapsed, hits


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/lagebild-load.duckdb"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-cache", dest="cache", action="store_false")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args()

    if not args.db.exists():
        print(f"building {args.db} with ~{args.events} events ...", file=sys.stderr)
        build_store(args.db, events=args.events)
    con = duckdb.connect(str(args.db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    con.close()

    rng = random.Random(args.seed)
    names = [name for share, name in MIX for _ in range(share)]
    urls = [(name, url_for(name, rng, ids)) for name in
            (rng.choice(names) for _ in range(args.requests))]
    proc, base = start_server(args.db, cache=args.cache)
    try:
        latencies, errors, elapsed, hits = asyncio.run(
            load(base, urls, clients=args.clients, seconds=args.seconds))
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    done = sum(len(v) for v in latencies.values())
    every = [x for v in latencies.values() for x in v]
    result = {
        "events": n_events, "articles": len(ids), "clients": args.clients,
        "cache": args.cache, "requests": done, "seconds": round(elapsed, 1),
        "requests_per_second": round(done / elapsed, 1), "cache_hits": hits,
        "p50_ms": round(pct(every, 0.50), 1), "p99_ms": round(pct(every, 0.99), 1),
        "endpoints": {
            name: {"n": len(v), "errors": errors[name], "p50_ms": round(pct(v, 0.5), 1),
                   "p99_ms": round(pct(v, 0.99), 1), "mean_ms": round(statistics.mean(v) * 1000, 1)}
            for name, v in sorted(latencies.items())
        },
    }
    print(f"{n_events} events, {len(ids)} articles, {args.clients} clients, "
          f"cache {'on' if args.cache else 'off'}: {done} requests in {elapsed:.1f} s = "
          f"{done / elapsed:.1f} req/s, p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, "
          f"{hits} cache hits")
    print("| endpoint | n | errors | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|")
    for name, r in result["endpoints"].items():
        print(f"| {name} | {r['n']} | {r['errors']} | {r['p50_ms']} | {r['p99_ms']} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
