"""What the app holds while it runs: one read-only store, a cursor per request, limits.

DuckDB connections are not thread-safe, and FastAPI runs every request in a
worker thread; a cursor (``con.cursor()``) is a separate connection to the
same open database, cheap to make and safe to use from one thread. So the app
opens the store once, read-only, and hands each request its own cursor.

One watchdog thread per app interrupts cursors that run past the query time
limit; a timer thread per request would cost a thread start for every request.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild import api
from lagebild.settings import Settings
from lagebild.store import Store
from lagebild.web.index import EventIndex

if TYPE_CHECKING:
    import duckdb


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
    # DuckDB threads per query. Requests already run side by side (one thread each, in
    # several processes), so splitting each query over more threads only adds overhead.
    query_threads: int = 1
    threads: int = 8  # requests one process runs at once (in threads); more wait their turn

    @classmethod
    def for_host(cls, host: str, **changes: object) -> WebLimits:
        """Limits for a server bound to ``host``: bound to loopback, it answers only to
        loopback names, so a web page cannot reach it by rebinding its own DNS name."""
        hosts = _LOOPBACK if host in _LOOPBACK or host.startswith("127.") else None
        if hosts and host not in hosts:
            hosts = (*hosts, host)
        return cls(allowed_hosts=hosts, **changes)  # type: ignore[arg-type]


_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class Watchdog:
    """Interrupts the DuckDB connections that run past their deadline, from one thread.

    The thread checks a few times per time limit, so a runaway query stops
    within a quarter of the limit after it; the thread starts with the first
    watched query and ends with the process (a daemon).
    """

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._watched: dict[int, tuple[float, duckdb.DuckDBPyConnection]] = {}
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, con: duckdb.DuckDBPyConnection) -> int:
        """Start the clock for ``con``; returns the ticket ``release`` takes."""
        ticket = next(self._ids)
        with self._lock:
            self._watched[ticket] = (time.monotonic() + self.limit, con)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="query-watchdog",
                                                daemon=True)
                self._thread.start()
        return ticket

    def release(self, ticket: int) -> None:
        with self._lock:
            self._watched.pop(ticket, None)

    def _run(self) -> None:
        while True:
            time.sleep(min(max(self.limit / 4, 0.01), 0.5))
            now = time.monotonic()
            with self._lock:
                late = [k for k, (deadline, _) in self._watched.items() if deadline <= now]
                overdue = [self._watched.pop(k)[1] for k in late]
            for con in overdue:
                con.interrupt()


@dataclass(slots=True)
class AppState:
    """The store and settings one app serves; built by ``make_app``."""

    db: Path
    settings: Settings
    limits: WebLimits
    store: Store
    analyze_slots: threading.BoundedSemaphore
    watchdog: Watchdog
    index: EventIndex
    # DuckDB refuses a second call on a connection that is busy, ``cursor()`` included,
    # so requests opening their cursors at the same moment take turns.
    cursor_lock: threading.Lock = field(default_factory=threading.Lock)
    # Answers about the whole store that every chart asks again (the span of dates):
    # the served file cannot change, so each is computed once per process.
    constants: dict[str, object] = field(default_factory=dict)

    @classmethod
    def open(cls, db: str | Path, *, settings: Settings, limits: WebLimits) -> AppState:
        store = api.open(db)
        store.con.execute(f"SET threads = {int(limits.query_threads)}")
        return cls(
            db=Path(db),
            settings=settings,
            limits=limits,
            store=store,
            analyze_slots=threading.BoundedSemaphore(limits.analyze_concurrency),
            watchdog=Watchdog(limits.query_timeout),
            index=EventIndex(db),
        )

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A ``Store`` view on its own cursor, interrupted when it runs past the time limit.

        The cursor is opened when the view first queries, so the view can be made
        on the event loop and used in a worker thread.
        """
        view = copy.copy(self.store)  # same path and methods; only the connection differs
        cursor = _LazyCursor(self.store.con, self.watchdog, self.cursor_lock)
        view.con = cursor  # type: ignore[assignment]
        try:
            yield _IndexedStore(view, self.index, self.constants)  # type: ignore[misc]
        finally:
            cursor.close()

    def close(self) -> None:
        self.index.close()
        with self.cursor_lock:
            self.store.close()


class _LazyCursor:
    """A DuckDB cursor opened on first use and watched by the watchdog until closed."""

    def __init__(self, con: duckdb.DuckDBPyConnection, watchdog: Watchdog,
                 opening: threading.Lock) -> None:
        self._con = con
        self._opening = opening
        self._watchdog = watchdog
        self._cursor: duckdb.DuckDBPyConnection | None = None
        self._ticket: int | None = None
        self._lock = threading.Lock()  # the first use and close may come from two threads
        self._closed = False

    def _open(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._closed:
                raise RuntimeError("the request's store view is closed")
            if self._cursor is None:
                with self._opening:
                    self._cursor = self._con.cursor()
                self._ticket = self._watchdog.watch(self._cursor)
            return self._cursor

    def __getattr__(self, name: str) -> object:
        cursor = self._cursor if self._cursor is not None else self._open()
        return getattr(cursor, name)

    def close(self) -> None:
        with self._lock:
            if self._ticket is not None:
                self._watchdog.release(self._ticket)
            if self._cursor is not None:
                self._cursor.close()
            self._cursor = self._ticket = None
            self._closed = True


class _IndexedStore:
    """A request's store view whose event listings find their page in the event index.

    Its span of dates is kept for the life of the process. Everything else is the
    store's own method; listings fall back to the store's
    tables while the index is being built, with the same rows in the same order.
    """

    def __init__(self, store: Store, index: EventIndex, constants: dict[str, object]) -> None:
        self._store = store
        self._index = index
        self._constants = constants

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The store's span of event dates, computed once per process (7 ms at 100k events)."""
        if "date_range" not in self._constants:
            self._constants["date_range"] = self._store.date_range()
        return self._constants["date_range"]  # type: ignore[return-value]

    def articles(self, **filters: object) -> list[dict]:
        rows = self._index.articles(**filters)  # type: ignore[arg-type]
        return rows if rows is not None else self._store.articles(**filters)  # type: ignore[arg-type]

    def events(self, **filters: object) -> list[dict]:
        rows = self._index.events(self._store, **filters)
        return rows if rows is not None else self._store.events(**filters)  # type: ignore[arg-type]
