"""The JSON API under ``/api``: listings with filters, article detail, analysis of one text.

Each listing answers ``{"rows": [...], "count": n, "next": url-or-null}``; an
article's detail is exactly ``Analysis.to_dict()``, the JSON of
``lagebild analyze --format json``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from lagebild import api
from lagebild.store import Store
from lagebild.web import views
from lagebild.web.corpus import GRAPH_EDGES, Corpus
from lagebild.web.params import FiltersDep, Interval, Limit, Offset, Text
from lagebild.web.render import JSON, clean_floats, with_query
from lagebild.web.state import AppState
from lagebild.web.views import Problem

router = APIRouter(prefix="/api", default_response_class=JSON)

# Media types POST /api/analyze accepts as a raw document, and the file suffix that
# makes the ingest layer read them as `lagebild analyze FILE` would.
_RAW_TYPES = {"text/plain": ".txt", "text/markdown": ".md", "text/html": ".html"}


def state_of(request: Request) -> AppState:
    return request.app.state.lagebild


async def reader(request: Request) -> AsyncIterator[Store]:
    """A read-only store view for this request only (its own DuckDB cursor).

    A coroutine, so FastAPI runs it on the event loop instead of handing it to
    the thread pool twice (to open and to close) for every request; the cursor
    itself is opened on first use, in the thread that runs the endpoint.
    """
    with state_of(request).reader() as store:
        yield store


async def corpus_of(request: Request, store: Annotated[Store, Depends(reader)]) -> Corpus:
    return Corpus(store, db=state_of(request).db)


StoreDep = Annotated[Store, Depends(reader)]
CorpusDep = Annotated[Corpus, Depends(corpus_of)]


def listing(request: Request, rows: list[dict[str, Any]], *, limit: int, offset: int) -> dict:
    """Rows with a link to the next page when this one is full."""
    nxt = None
    if len(rows) == limit:
        params = dict(request.query_params)
        params["offset"] = str(offset + limit)
        nxt = with_query(request.url.path, **params)
    return {"rows": clean_floats(rows), "count": len(rows), "next": nxt}


@router.get("/health", summary="Whether the server answers (does not touch the store)")
async def get_health() -> JSON:
    return JSON({"status": "ok"})


@router.get("/articles", summary="Articles, newest first; search title and text")
def get_articles(request: Request, store: StoreDep, q: Text = None, outlet: Text = None,
                 limit: Limit = 50, offset: Offset = 0) -> JSON:
    rows = store.articles(search=q or None, outlet=outlet or None, limit=limit, offset=offset)
    return JSON(listing(request, rows, limit=limit, offset=offset))


@router.get("/articles/{article_id}", summary="One article with all its annotations",
            response_class=JSON)
async def get_article(store: StoreDep, article_id: str) -> Response:
    return stored_json(await article_json(store, article_id))


async def article_json(store: Store, article_id: str) -> str:
    """The JSON kept with the article, read on the event loop: one indexed lookup, where a
    hop to a request thread would cost more than the lookup and wait for the interpreter
    behind the busy event loop. Articles stored without it are rebuilt in a thread."""
    text = store.stored_json(article_id)
    if text is None:
        text = await run_in_threadpool(store.analysis_json, article_id)
    return text


def stored_json(text: str) -> Response:
    """JSON text sent as it is: no records to build or encode."""
    return Response(text.encode("utf-8"), media_type="application/json")


@router.get("/actors", summary="Actors by number of mentions")
def get_actors(request: Request, store: StoreDep, q: Text = None, actor: Text = None,
               limit: Limit = 50) -> JSON:
    rows = store.actors(top=limit, search=q or None, actor=actor or None)
    return JSON(listing(request, rows, limit=limit, offset=0) | {"next": None})


@router.get("/actors/{key}", summary="One actor: partners, series, quotes by and about it")
def get_actor(store: StoreDep, key: str) -> JSON:
    return JSON(clean_floats(views.actor(store, key)))


@router.get("/events", summary="Coded events with their evidence, newest first")
def get_events(request: Request, store: StoreDep, filters: FiltersDep,
               limit: Limit = 100, offset: Offset = 0) -> JSON:
    rows = store.events(**filters.as_kwargs(), limit=limit, offset=offset)
    return JSON(listing(request, rows, limit=limit, offset=offset))


@router.get("/quotes", summary="Quotes with their speakers")
def get_quotes(request: Request, store: StoreDep, speaker: Text = None, actor: Text = None,
               about: Text = None, q: Text = None, limit: Limit = 100,
               offset: Offset = 0) -> JSON:
    rows = store.quotes(speaker=speaker or None, actor=actor or None, about=about or None,
                        search=q or None, limit=limit, offset=offset)
    return JSON(listing(request, rows, limit=limit, offset=offset))


@router.get("/stories", summary="Stories: articles from several outlets on the same news")
def get_stories(request: Request, corpus: CorpusDep, limit: Limit = 50,
                offset: Offset = 0) -> JSON:
    rows = corpus.stories(limit=limit, offset=offset)
    return JSON(listing(request, rows, limit=limit, offset=offset))


@router.get("/stories/{story_id}", summary="One story, its articles grouped by outlet")
def get_story(store: StoreDep, corpus: CorpusDep, story_id: str) -> JSON:
    return JSON(clean_floats(views.story(store, corpus, story_id)))


@router.get("/dyads", summary="Actor pairs by number of events between them")
def get_dyads(request: Request, store: StoreDep, actor: Text = None, limit: Limit = 50) -> JSON:
    rows = store.dyads(actor=actor or None, limit=limit)
    return JSON(listing(request, rows, limit=limit, offset=0) | {"next": None})


@router.get("/dyads/{a}/{b}", summary="Time series of events between two actors")
def get_dyad_series(store: StoreDep, a: str, b: str, interval: Interval | None = None) -> JSON:
    if interval is None:
        interval = views.choose_interval(*store.date_range())
    rows = store.event_series(pair=(a, b), interval=interval)
    series = clean_floats(views.pivot_series(rows))
    return JSON({"a": a, "b": b, "interval": interval, "series": series})


@router.get("/timeline", summary="Events per period by QuadClass, for one actor or all")
def get_timeline(store: StoreDep, actor: Text = None, interval: Interval | None = None) -> JSON:
    if interval is None:
        interval = views.choose_interval(*store.date_range())
    rows = store.event_series(actor=actor or None, interval=interval)
    series = clean_floats(views.pivot_series(rows))
    return JSON({"actor": actor, "interval": interval, "series": series})


@router.get("/volume", summary="Articles and events per period of publication")
def get_volume(store: StoreDep, interval: Interval = "month") -> JSON:
    return JSON({"interval": interval, "series": store.volume(interval=interval)})


@router.get("/graph", summary="Actor graph: nodes and weighted edges (event counts)")
def get_graph(corpus: CorpusDep, actor: Text = None,
              limit: Annotated[int, Query(ge=1, le=1000)] = GRAPH_EDGES,
              since: dt.date | None = None, until: dt.date | None = None) -> JSON:
    graph = corpus.graph(actor=actor or None, limit=limit, since=since, until=until)
    return JSON(clean_floats(graph))


@router.get("/corpus/dyads", summary="Ordered actor pairs from the corpus tables, with tone")
def get_corpus_dyads(request: Request, corpus: CorpusDep, actor: Text = None,
                     since: dt.date | None = None, until: dt.date | None = None,
                     by: Literal["country", "code"] = "country", limit: Limit = 50) -> JSON:
    rows = corpus.dyads(actor=actor or None, since=since, until=until, by=by, limit=limit)
    return JSON(listing(request, rows, limit=limit, offset=0) | {"next": None})


@router.get("/corpus/timeline/{a}/{b}",
            summary="Events between two actors per period from the corpus tables, with tone")
def get_corpus_timeline(corpus: CorpusDep, a: str, b: str,
                        by: Literal["day", "week", "month"] = "week",
                        since: dt.date | None = None, until: dt.date | None = None) -> JSON:
    rows = corpus.timeline(a, b, by=by, since=since, until=until)
    return JSON({"a": a, "b": b, "by": by, "series": clean_floats(rows)})


@router.post(
    "/analyze",
    summary="Analyse one text without storing it (same JSON as `lagebild analyze --format json`)",
    openapi_extra={"requestBody": {"content": {
        "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
            "text": {"type": "string"}, "title": {"type": "string"},
            "published": {"type": "string", "format": "date"}, "outlet": {"type": "string"},
            "language": {"type": "string"}}}},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }}},
)
async def post_analyze(request: Request, title: Text = None, outlet: Text = None,
                       published: Text = None, language: Text = None) -> JSON:
    """A raw ``text/plain``, ``text/markdown`` or ``text/html`` body is read like a file of
    that kind by ``lagebild analyze FILE`` (first line as title, front-matter header);
    query parameters set metadata. A JSON body ``{"text": ..., "title": ...}`` is analysed
    as ``lagebild.analyze(text, title=...)`` does: the text as given."""
    state = state_of(request)
    suffix, data, meta = await _document(request)
    meta = {"title": title, "outlet": outlet, "published": published, "language": language,
            **meta}
    if not state.analyze_slots.acquire(blocking=False):
        return JSON({"error": {"status": 503, "code": "busy",
                               "message": "Too many analyses running; retry shortly"}},
                    status_code=503, headers={"Retry-After": "5"})

    def work() -> dict:
        try:
            return _analyze(state, data, suffix=suffix, meta=meta)
        finally:
            state.analyze_slots.release()

    try:
        # The thread cannot be killed: on timeout it finishes in the background, still
        # holding its slot, so runaway inputs cannot pile up beyond the slot count.
        return JSON(await asyncio.wait_for(run_in_threadpool(work),
                                           state.limits.analyze_timeout))
    except TimeoutError:
        return JSON({"error": {"status": 504, "code": "timeout",
                               "message": f"Analysis took longer than "
                                          f"{state.limits.analyze_timeout:g} s"}},
                    status_code=504)


async def _document(request: Request) -> tuple[str, bytes, dict[str, Any]]:
    media = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    body = await request.body()
    if media == "application/json":
        try:
            payload = json.loads(body)
        except ValueError as exc:
            raise Problem(400, "bad_json", "The request body is not valid JSON") from exc
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            raise Problem(400, "bad_json", 'Send {"text": "..."} with the text as a string')
        meta = {k: payload.get(k) for k in ("title", "outlet", "published", "language", "url")
                if isinstance(payload.get(k), str)}
        return "", payload["text"].encode("utf-8"), meta
    if media not in _RAW_TYPES:
        known = ", ".join(["application/json", *_RAW_TYPES])
        raise Problem(415, "unsupported_media_type", f"Cannot analyse {media}; send {known}")
    return _RAW_TYPES[media], body, {}


def _analyze(state: AppState, data: bytes, *, suffix: str, meta: dict[str, Any]) -> dict:
    """Analyse a JSON text as ``lagebild.analyze`` does, a raw body as ``lagebild analyze FILE``."""
    settings = state.settings
    if meta.get("language"):
        settings = settings.replace(language=meta["language"])
    if not suffix:
        text = data.decode("utf-8")
        if not text.strip():
            raise Problem(422, "bad_input", "The text is empty")
        given = {k: meta.get(k) for k in ("title", "outlet", "published", "url", "language")}
        return clean_floats(api.analyze(text, settings=settings, **given).to_dict())
    overrides = {k: meta.get(k) for k in ("title", "outlet", "published")}
    with tempfile.TemporaryDirectory(prefix="lagebild-http-") as tmp:
        path = Path(tmp) / f"document{suffix}"
        path.write_bytes(data)
        results = list(api.iter_analyses([path], settings=settings, overrides=overrides))
    analyses = [r for r in results if hasattr(r, "to_dict")]
    if not analyses:
        reason = results[0].reason if results else "no document found in the input"
        raise Problem(422, "bad_input", reason.replace(str(path), "the request body"))
    analysis = analyses[0]
    analysis.article.source = "<http>"
    return clean_floats(analysis.to_dict())
