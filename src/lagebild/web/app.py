"""The app factory: ``make_app(db=...)`` returns a FastAPI app serving one store read-only.

Like datasette's ``Datasette(...).app()``, the app is an object built by a
factory, and the server is a one-liner around it (``lagebild serve``)::

    uvicorn.run(make_app(db="lagebild.duckdb"), host="127.0.0.1", port=8000)

Python serves one request at a time per process (the GIL), so ``lagebild serve
--workers N`` runs N processes behind one port; uvicorn starts each from an
import string, ``app_from_environment``, which rebuilds the app from the
options the command put in the environment. DuckDB lets any number of
processes hold one file open read-only.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from lagebild import __version__
from lagebild.errors import ErrorCode, LagebildError, UsageError
from lagebild.settings import Settings
from lagebild.web.cache import CacheMiddleware
from lagebild.web.guard import GuardMiddleware
from lagebild.web.render import error_response
from lagebild.web.routes_api import router as api_router
from lagebild.web.routes_pages import router as pages_router
from lagebild.web.state import AppState, WebLimits
from lagebild.web.views import Problem
from lagebild.web.warm import warm_cache

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

# Error codes that mean "no such thing" rather than "bad request".
_NOT_FOUND = {ErrorCode.E001, ErrorCode.E011}
# Error codes that are the server's problem, not the client's: a missing model
# (503, it may be installed later) and a store that cannot be read (500).
_UNAVAILABLE = {ErrorCode.E016}
_SERVER = {ErrorCode.E009}

# The environment variable through which ``serve_in_workers`` hands its options
# to the worker processes.
SERVE_ENV = "LAGEBILD_SERVE"
MAX_DEFAULT_WORKERS = 4  # each worker holds its own cache and, after an analysis, a pipeline


def make_app(
    *,
    db: str | Path | None = None,
    settings: Settings | None = None,
    limits: WebLimits | None = None,
) -> FastAPI:
    """Build the HTTP API and dashboard over the store ``db`` (default: ``settings.db``).

    The store is opened read-only once, here, so a missing or foreign file is
    reported before the server starts; ``settings`` shape ``POST /api/analyze``.

    Raises:
        UsageError: the database file does not exist.
        LagebildError: the file is not a Lagebild store.
    """
    settings = settings or Settings()
    state = AppState.open(db or settings.db, settings=settings, limits=limits or WebLimits())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        # Fewer threads than the default 40: requests queue for a thread instead of all
        # contending for the GIL at once, which costs CPU without adding throughput.
        anyio.to_thread.current_default_thread_limiter().total_tokens = state.limits.threads
        state.index.build_in_background()
        stop = asyncio.Event()
        warming = (asyncio.create_task(_warm(_app, state, stop))
                   if state.limits.cache_entries > 0 else None)
        yield
        if warming is not None:  # let its request in flight finish: it holds a cursor
            stop.set()
            await warming
        state.close()

    app = FastAPI(
        title="Lagebild",
        version=__version__,
        description="Political event data from news text: articles, actors, events, quotes, "
        "stories. Every dashboard page also has a JSON twin (append `.json`).",
        docs_url=None,  # the stock docs page loads its scripts from a CDN; ours is local
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.lagebild = state
    # Added last = outermost: the guard checks every request and stamps security
    # headers on every response, cached ones included.
    app.add_middleware(CacheMiddleware, entries=state.limits.cache_entries,
                       max_bytes=state.limits.cache_bytes)
    app.add_middleware(GuardMiddleware, limits=state.limits)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)
    return app


async def _warm(app: FastAPI, state: AppState, stop: asyncio.Event) -> None:
    try:
        app.state.warmed = await warm_cache(app, state, stop=stop)
    except Exception:  # a cold cache is slower, never wrong
        logger.warning("response cache not warmed", exc_info=True)


def default_workers() -> int:
    """One worker process per two cores the server may use (at least one, at most
    ``MAX_DEFAULT_WORKERS``).

    Each worker computes and caches every page itself, and DuckDB and the
    background warm-up need a core beside it: on two cores one worker gave a
    lower p99 than two (docs/performance.md, "HTTP load").
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores // 2, MAX_DEFAULT_WORKERS))


def serve_in_workers(*, db: str | Path, settings: Settings, limits: WebLimits, host: str,
                     port: int, workers: int, log_level: str = "info") -> None:
    """Run ``workers`` server processes on one port, each building the app itself."""
    import uvicorn

    os.environ[SERVE_ENV] = json.dumps({
        "db": str(Path(db).resolve()),
        "settings": {k: _jsonable(v) for k, v in dataclasses.asdict(settings).items()},
        "limits": {k: _jsonable(v) for k, v in dataclasses.asdict(limits).items()},
    })
    uvicorn.run(f"{__name__}:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level=log_level)


def app_from_environment() -> FastAPI:
    """The app of one worker process started by ``serve_in_workers``."""
    spec = json.loads(os.environ[SERVE_ENV])
    tuples = {k: tuple(v) if isinstance(v, list) else v for k, v in spec["settings"].items()}
    limits = {k: tuple(v) if isinstance(v, list) else v for k, v in spec["limits"].items()}
    return make_app(db=spec["db"], settings=Settings(**tuples), limits=WebLimits(**limits))


def _jsonable(value: Any) -> Any:
    return str(value) if isinstance(value, Path) else value


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LagebildError)
    async def lagebild_error(request: Request, exc: LagebildError) -> Response:
        if exc.code in _NOT_FOUND:
            status = 404
        elif exc.code in _UNAVAILABLE:
            status = 503
        elif exc.code in _SERVER and not isinstance(exc, UsageError):
            status = 500
        else:
            status = 400
        return error_response(request, status, _public_message(exc), code=exc.code.name)

    @app.exception_handler(Problem)
    async def problem(request: Request, exc: Problem) -> Response:
        return error_response(request, exc.status, str(exc), code=exc.code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['problem']}" for d in details)
        return error_response(request, 400, f"Invalid request: {message}", code="invalid",
                              details=details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), code="http",
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(duckdb.InterruptException)
    async def interrupted(request: Request, exc: duckdb.InterruptException) -> Response:
        limit = request.app.state.lagebild.limits.query_timeout
        return error_response(request, 503, f"The query took longer than {limit:g} s and was "
                              "stopped; narrow it with filters", code="timeout")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        # The traceback stays in the server log; the client learns only that it failed.
        logger.error("error serving %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(request, 500, "Internal server error", code="internal")


def _public_message(exc: LagebildError) -> str:
    """The error message with server file paths cut to their file name."""
    fields = {
        k: Path(str(v)).name if k in ("path", "db") and v is not None else v
        for k, v in exc.fields.items()
    }
    try:
        return f"[{exc.code.name}] {exc.code.value.format(**fields)}"
    except (KeyError, IndexError):
        return f"[{exc.code.name}] error"
