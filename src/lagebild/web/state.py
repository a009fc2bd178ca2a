"""What the app holds while it runs: one read-only store, a cursor per request, limits.

DuckDB connections are not thread-safe, and FastAPI runs every request in a
worker thread; a cursor (``con.cursor()``) is a separate connection to the
same open database, cheap to make and safe to use from one thread. So the app
opens the store once, read-only, and hands each request its own cursor.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lagebild import api
from lagebild.settings import Settings
from lagebild.store import Store


@dataclass(frozen=True, slots=True)
class WebLimits:
    """Limits that keep one request from starving the others."""

    max_request_bytes: int = 200_000  # a long news article is ~30 kB; 200 kB leaves room for HTML
    analyze_timeout: float = 60.0  # seconds; the first call also loads the pipeline (~10 s)
    analyze_concurrency: int = 2  # the pipeline is CPU-bound; more would only queue in the GIL
    query_timeout: float = 10.0  # seconds; listings take milliseconds, so this is a runaway guard
    allowed_hosts: tuple[str, ...] | None = None  # Host headers accepted; None accepts any
    cache_entries: int = 4096  # GET responses kept (0 turns the cache off); see web/cache.py
    cache_bytes: int = 128_000_000  # their total size; pages are 5-50 kB, so ~4k fit easily

    @classmethod
    def for_host(cls, host: str, **changes: object) -> WebLimits:
        """Limits for a server bound to ``host``: bound to loopback, it answers only to
        loopback names, so a web page cannot reach it by rebinding its own DNS name."""
        hosts = _LOOPBACK if host in _LOOPBACK or host.startswith("127.") else None
        if hosts and host not in hosts:
            hosts = (*hosts, host)
        return cls(allowed_hosts=hosts, **changes)  # type: ignore[arg-type]


_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(slots=True)
class AppState:
    """The store and settings one app serves; built by ``make_app``."""

    db: Path
    settings: Settings
    limits: WebLimits
    store: Store
    analyze_slots: threading.BoundedSemaphore

    @classmethod
    def open(cls, db: str | Path, *, settings: Settings, limits: WebLimits) -> AppState:
        return cls(
            db=Path(db),
            settings=settings,
            limits=limits,
            store=api.open(db),
            analyze_slots=threading.BoundedSemaphore(limits.analyze_concurrency),
        )

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A ``Store`` view on its own cursor, interrupted when it runs past the time limit."""
        view = copy.copy(self.store)  # same path and methods; only the connection differs
        view.con = self.store.con.cursor()
        timer = threading.Timer(self.limits.query_timeout, view.con.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield view
        finally:
            timer.cancel()
            view.con.close()

    def close(self) -> None:
        self.store.close()
