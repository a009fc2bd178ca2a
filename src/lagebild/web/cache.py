"""A bounded in-memory cache of GET responses, correct because the served store cannot change.

The app holds the DuckDB file open read-only, and DuckDB refuses a writer while
any reader holds the file, so every answer stays valid for the life of the
process: no invalidation is needed. Only complete 200 responses to GET are
kept, up to ``entries`` responses and ``max_bytes`` in total, least recently
used first out. The ``x-lagebild-cache`` header says ``hit`` or ``miss``.

Requests for a URL that is being computed wait for that computation instead
of starting their own (one flight per key): when fifty clients open the
overview at once, the store answers once, not fifty times.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass

from lagebild.web.guard import ASGIApp, Message, Receive, Scope, Send

LARGEST_ENTRY = 2_000_000  # bytes; bigger answers (long listings) are rare and not worth the room


@dataclass(frozen=True, slots=True)
class _Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class CacheMiddleware:
    """LRU cache of GET responses keyed by path and query string."""

    def __init__(self, app: ASGIApp, *, entries: int, max_bytes: int) -> None:
        self.app = app
        self.entries = entries
        self.max_bytes = max_bytes
        self.size = 0
        self._store: OrderedDict[bytes, _Entry] = OrderedDict()  # one event loop: no lock needed
        self._flights: dict[bytes, asyncio.Event] = {}  # keys being computed now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.entries <= 0:
            await self.app(scope, receive, send)
            return
        key = scope.get("raw_path", scope["path"].encode()) + b"?" + scope.get("query_string", b"")
        flight = self._flights.get(key)
        if flight is not None:  # the same URL is being answered: wait, then read the cache
            await flight.wait()
        entry = self._store.get(key)
        if entry is not None:
            self._store.move_to_end(key)
            await send({"type": "http.response.start", "status": entry.status,
                        "headers": [*entry.headers, (b"x-lagebild-cache", b"hit")]})
            await send({"type": "http.response.body", "body": entry.body})
            return
        # Not cached (or the awaited answer was not cacheable): compute it here. Only the
        # first request for a key leads a flight; later ones never wait twice.
        done = None
        if key not in self._flights:
            done = self._flights[key] = asyncio.Event()
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message.get("headers", []),
                                                   (b"x-lagebild-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start.get("status") == 200:
                    self._put(key, _Entry(200, list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            if done is not None:
                del self._flights[key]
                done.set()

    def _put(self, key: bytes, entry: _Entry) -> None:
        if len(entry.body) > LARGEST_ENTRY:
            return
        old = self._store.pop(key, None)  # two requests for one key may both have missed
        if old is not None:
            self.size -= len(old.body)
        self._store[key] = entry
        self.size += len(entry.body)
        while len(self._store) > self.entries or self.size > self.max_bytes:
            _, old = self._store.popitem(last=False)
            self.size -= len(old.body)
