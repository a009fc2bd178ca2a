"""HTTP load test: requests/s and p50/p99 latency of the main endpoints under concurrency.

Builds (or reuses) a synthetic store with about ``--events`` events
(bench/synthetic_corpus.py, plus the corpus dyad tables), starts the real
server (``lagebild serve --workers N``) on 127.0.0.1 and drives it from
``--clients`` concurrent clients, each holding one keep-alive connection and
sending its next request as soon as the last one is answered (a closed loop
with no think time: the hardest case for latency at a given client count).

Once the server answers, the run waits until its processes are idle (each
worker has built its event index and warmed its response cache, as on a
server that has been up a while; ``--no-settle`` starts at once). Two phases
then run against the same server, one after the other:

1. baseline: ``/api/health`` only (no store access), ``--baseline-requests``
   requests; its throughput is the yardstick the mix is compared with;
2. the mix: ``--requests`` requests drawn with a seeded RNG from ``MIX`` below.
   Article ids (all of them), actors and pairs are drawn at random, so the
   response cache sees the misses real browsing causes; ``--no-cache`` turns
   the server's cache off and measures the store queries alone.

The clients are plain asyncio streams speaking HTTP/1.1 (no client library):
the generator shares the machine's cores with the server, so it must be cheap.
Its own CPU time per request is measured and reported next to the server's
(summed over the server's processes, from /proc).

Usage: python bench/http_load.py [--db /tmp/lagebild-load.duckdb] [--events 100000]
           [--clients 50] [--requests 6000] [--workers 2] [--no-cache] [--no-settle]
           [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).parent))

EVENTS_PER_ARTICLE = 2.18  # what synthetic_corpus.py generates on average (measured)
TOP = ["USA", "CHN", "RUS", "UKR", "DEU", "FRA", "GBR", "ISR", "IRN", "JPN"]
# (share of requests, endpoint name); names group the latencies in the report
MIX = [
    (25, "api article detail"), (10, "article page"), (15, "api events actor"),
    (10, "api events pair"), (10, "api articles page"), (5, "api actors"), (5, "api dyads"),
    (5, "api dyad series"), (5, "overview page"), (5, "actor page"), (5, "api graph"),
]
BASELINE = "/api/health"


def build_store(path: Path, *, events: int) -> None:
    from synthetic_corpus import build

    from lagebild.corpus import update_corpus
    from lagebild.store import Store

    build(path, articles=int(events / EVENTS_PER_ARTICLE), years=3)
    with Store(path) as store:  # dyad tables for the graph; stories need text, not built
        update_corpus(store.con, stories=False)


def fill_json(path: Path) -> None:
    """Write the article JSON the generator's SQL inserts leave out (as an upgraded store)."""
    from lagebild.store import Store

    with Store(path) as store:
        started = time.process_time()
        filled = store.fill_analysis_json()
        if filled:
            print(f"article JSON written for {filled} articles in "
                  f"{time.process_time() - started:.1f} s of CPU", file=sys.stderr)


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


def start_server(db: Path, *, cache: bool, workers: int | None) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "lagebild", "serve", "--db", str(db), "--port", str(port),
               "--log-level", "warning"]
    if workers is not None:
        command += ["--workers", str(workers)]
    if not cache:
        command += ["--cache-entries", "0"]
    proc = subprocess.Popen(command)
    deadline = time.monotonic() + 120
    ready = 0
    while time.monotonic() < deadline and ready < 20:  # every worker up: 20 answers in a row
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{BASELINE}", timeout=2):
                ready += 1
        except OSError:
            ready = 0
            time.sleep(0.2)
    if ready < 20:
        proc.terminate()
        raise SystemExit("server did not start")
    return proc, port


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and all its descendants, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = defaultdict(list)
    stats: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children[int(fields[1])].append(int(entry.name))
        stats[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += stats.get(p, 0.0)
        todo += children.get(p, [])
    return total


def settle(pid: int, *, timeout: float = 60.0) -> float:
    """Wait until the server's processes are idle (event index built, cache warmed).

    Idle is under 10 ms of CPU in 0.5 s; returns the seconds waited.
    """
    began = time.monotonic()
    before = server_cpu(pid)
    while time.monotonic() - began < timeout:
        time.sleep(0.5)
        now = server_cpu(pid)
        if now - before < 0.01:
            break
        before = now
    return time.monotonic() - began


@dataclass
class Phase:
    """What one phase measured."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    hits: int = 0
    seconds: float = 0.0
    client_cpu: float = 0.0
    server_cpu: float = 0.0

    @property
    def done(self) -> int:
        return sum(len(v) for v in self.latencies.values())


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
               path: str) -> tuple[int, bool]:
    """One GET on a kept-alive connection; returns status and whether the cache answered."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, headers.get("x-lagebild-cache") == "hit"


async def run_phase(port: int, pid: int, urls: list[tuple[str, str]], *,
                    clients: int) -> Phase:
    phase = Phase()
    queue = iter(urls)

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for name, path in queue:
                start = time.perf_counter()
                try:
                    status, hit = await _get(reader, writer, path)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    status, hit = 0, False
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                phase.latencies[name].append(time.perf_counter() - start)
                phase.errors[name] += status != 200
                phase.hits += hit
        finally:
            writer.close()

    cpu, server = time.process_time(), server_cpu(pid)
    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    phase.seconds = time.perf_counter() - began
    phase.client_cpu = time.process_time() - cpu
    phase.server_cpu = server_cpu(pid) - server
    return phase


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def summary(phase: Phase) -> dict:
    every = [x for v in phase.latencies.values() for x in v]
    done = phase.done
    return {
        "requests": done, "seconds": round(phase.seconds, 2),
        "requests_per_second": round(done / phase.seconds, 1),
        "p50_ms": round(pct(every, 0.50), 1), "p99_ms": round(pct(every, 0.99), 1),
        "max_ms": round(max(every) * 1000, 1), "cache_hits": phase.hits,
        "errors": sum(phase.errors.values()),
        "client_cpu_ms_per_request": round(phase.client_cpu / done * 1000, 3),
        "server_cpu_ms_per_request": round(phase.server_cpu / done * 1000, 3),
        "endpoints": {
            name: {"n": len(v), "errors": phase.errors[name], "p50_ms": round(pct(v, 0.5), 1),
                   "p99_ms": round(pct(v, 0.99), 1),
                   "mean_ms": round(statistics.mean(v) * 1000, 1)}
            for name, v in sorted(phase.latencies.items())
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/lagebild-load.duckdb"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--baseline-requests", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=None,
                        help="server worker processes (default: lagebild serve's own default)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-cache", dest="cache", action="store_false")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--no-settle", dest="settle", action="store_false",
                        help="start at once instead of waiting until the server is idle "
                             "(its start-up work done: event index, cache warm-up)")
    args = parser.parse_args()

    if not args.db.exists():
        print(f"building {args.db} with ~{args.events} events ...", file=sys.stderr)
        build_store(args.db, events=args.events)
    fill_json(args.db)
    con = duckdb.connect(str(args.db), read_only=True)
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    con.close()

    rng = random.Random(args.seed)
    names = [name for share, name in MIX for _ in range(share)]
    urls = [(name, url_for(name, rng, ids)) for name in
            (rng.choice(names) for _ in range(args.requests))]
    load_before = os.getloadavg()
    if args.workers is None:
        from lagebild.web.app import default_workers

        args.workers = default_workers()
    proc, port = start_server(args.db, cache=args.cache, workers=args.workers)
    try:
        settled = settle(proc.pid) if args.settle else 0.0
        base = asyncio.run(run_phase(port, proc.pid, [("health", BASELINE)] *
                                     args.baseline_requests, clients=args.clients))
        mix = asyncio.run(run_phase(port, proc.pid, urls, clients=args.clients))
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    result = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "events": n_events, "articles": len(ids), "clients": args.clients,
        "workers": args.workers, "cache": args.cache, "settled_s": round(settled, 1),
        "baseline": summary(base), "mix": summary(mix),
    }
    result["mix_to_baseline"] = round(result["mix"]["requests_per_second"]
                                      / result["baseline"]["requests_per_second"], 3)
    print(f"{n_events} events, {len(ids)} articles, {args.clients} clients, "
          f"{args.workers} workers, cache {'on' if args.cache else 'off'}, "
          f"started after {settled:.1f} s; "
          f"load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    for label, r in (("baseline " + BASELINE, result["baseline"]), ("mix", result["mix"])):
        print(f"{label}: {r['requests']} requests in {r['seconds']} s = "
              f"{r['requests_per_second']} req/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, "
              f"max {r['max_ms']} ms, {r['errors']} errors, {r['cache_hits']} cache hits; "
              f"CPU per request: server {r['server_cpu_ms_per_request']} ms, "
              f"load generator {r['client_cpu_ms_per_request']} ms")
    print(f"mix / baseline throughput: {result['mix_to_baseline']}")
    print("| endpoint | n | errors | p50 ms | p99 ms | mean ms |\n|---|---:|---:|---:|---:|---:|")
    for name, r in result["mix"]["endpoints"].items():
        print(f"| {name} | {r['n']} | {r['errors']} | {r['p50_ms']} | {r['p99_ms']} | "
              f"{r['mean_ms']} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
