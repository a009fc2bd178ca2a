"""Filling the response cache when a process starts, so no visitor waits for the first answer.

Aggregate pages cost 30-110 ms of CPU on a store of 100k events, and the
first request for each lands on a server that is already busy: under load,
everything waiting for the same URL waits with it. Each worker process
therefore asks itself, in the background and one request at a time, for the
pages a visit starts from: the overview (page and JSON twin), the lists behind
its navigation, the actor graph, and the actor and pair pages the overview's
top-dyads table links to. The requests go through the whole app (checks,
cache, routes), so what is kept is exactly what a client would have received.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from lagebild.web.guard import ASGIApp, Message
from lagebild.web.render import actor_url, dyad_url
from lagebild.web.state import AppState

logger = logging.getLogger(__name__)

#: Pages every visit can reach in one click from the overview.
LANDING = ("/.json", "/", "/api/graph", "/actors", "/dyads", "/articles", "/stories")
INDEX_WAIT = 60.0  # seconds to wait for the event index, which actor pages use


async def warm_cache(app: ASGIApp, state: AppState, *,
                     stop: asyncio.Event | None = None) -> list[str]:
    """Request the landing pages and the overview's top actors and pairs; returns the paths.

    Stops before the next request once ``stop`` is set (the server shutting down).
    """
    stop = stop or asyncio.Event()
    started = time.monotonic()
    host = (state.limits.allowed_hosts or ("127.0.0.1",))[0]
    done: list[str] = []
    overview: dict[str, Any] = {}
    for path in LANDING:
        if stop.is_set():
            return done
        status, body = await _get(app, path, host)
        done.append(path)
        if path == "/.json" and status == 200:
            overview = json.loads(body)
    # Event listings read the event index: answered from the store's tables they cost
    # 3-5 times more, so the pages that list events wait for it.
    while not state.index.ready and time.monotonic() - started < INDEX_WAIT:
        if stop.is_set():
            return done
        await asyncio.sleep(0.05)
    for path in ["/events", *_linked(overview)]:
        if stop.is_set():
            return done
        await _get(app, path, host)
        done.append(path)
    logger.info("response cache warmed with %d pages in %.1f s", len(done),
                time.monotonic() - started)
    return done


def _linked(overview: dict[str, Any]) -> list[str]:
    """Actor and pair pages the overview's top-dyads table links to, most events first."""
    actors: dict[str, None] = {}
    pairs = []
    for row in overview.get("top_dyads", []):
        a, b = row.get("a"), row.get("b")
        if a and b:
            actors.update(dict.fromkeys((a, b)))
            pairs.append(dyad_url(a, b))
    return [actor_url(key) for key in actors] + pairs


async def _get(app: ASGIApp, path: str, host: str) -> tuple[int, bytes]:
    """One GET through the whole app, as if from a client on this machine."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", host.encode("latin-1"))],
        "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 0),
    }
    status, chunks = 0, []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)
