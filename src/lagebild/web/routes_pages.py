"""Dashboard pages; each answers HTML, or its JSON twin when the path ends in ``.json``.

As in datasette, ``/actors/CHN`` is a page and ``/actors/CHN.json`` is the same
data as JSON, so anything seen on screen can be fetched by a script.
"""

from __future__ import annotations

import functools
import importlib.metadata
import platform
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from lagebild import __version__
from lagebild.settings import SETTINGS
from lagebild.store.rows import analysis_from_json
from lagebild.web import views
from lagebild.web.charts import Series, bar_chart, time_chart
from lagebild.web.highlight import annotated_text, removed_text
from lagebild.web.params import FiltersDep, Limit, Offset, Text
from lagebild.web.render import (
    JSON,
    actor_url,
    clean_floats,
    dyad_url,
    page,
    with_query,
)
from lagebild.web.routes_api import CorpusDep, StoreDep, article_json, state_of, stored_json

router = APIRouter(include_in_schema=False)

_PACKAGES = ("duckdb", "spacy", "fastapi", "starlette", "uvicorn", "jinja2", "pydantic")


def _split(ident: str) -> tuple[str, bool]:
    """``CHN.json`` → (``CHN``, True); ``CHN`` → (``CHN``, False)."""
    return (ident[:-5], True) if ident.endswith(".json") else (ident, False)


def _is_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def _twin(request: Request, data: dict[str, Any], template: str, *, title: str,
          as_json: bool | None = None, **extra: Any) -> Response:
    data = clean_floats(data)
    if as_json if as_json is not None else _is_json(request):
        return JSON(data)
    return page(request, template, data, title=title, **extra)


def _quad_series(rows: list[dict[str, Any]]) -> list[Series]:
    return [
        Series("cooperation", "coop", [(r["period"], r["cooperation"]) for r in rows]),
        Series("conflict", "conflict", [(r["period"], r["conflict"]) for r in rows]),
    ]


@router.get("/")
@router.get("/.json")
@router.get("/index.json")
def overview(request: Request, store: StoreDep, corpus: CorpusDep) -> Response:
    data = views.overview(store, corpus)
    charts = {}
    if not _is_json(request):
        charts = {
            "volume": time_chart(
                [Series("articles", "articles",
                        [(r["period"], r["articles"]) for r in data["volume"]]),
                 Series("events", "events",
                        [(r["period"], r["events"] or 0) for r in data["volume"]])],
                title=f"Articles and events per {data['interval']}"),
            "actors": bar_chart([(a["name"] or a["actor_id"], a["mentions"],
                                  actor_url(a["actor_id"])) for a in data["top_actors"]],
                                title="Most mentioned actors"),
        }
    return _twin(request, data, "index.html", title="Overview", charts=charts)


@router.get("/articles")
@router.get("/articles.json")
def articles(request: Request, store: StoreDep, q: Text = None, outlet: Text = None,
             limit: Limit = 50, offset: Offset = 0) -> Response:
    data = views.articles(store, q=q, outlet=outlet, limit=limit, offset=offset)
    data["next"] = (with_query(request.url.path, q=q, outlet=outlet, limit=limit,
                               offset=offset + limit) if len(data["rows"]) == limit else None)
    return _twin(request, data, "articles.html", title="Articles")


@router.get("/articles/{ident}")
async def article(request: Request, store: StoreDep, ident: str) -> Response:
    article_id, as_json = _split(ident)
    text = await article_json(store, article_id)
    if as_json:
        return stored_json(text)
    analysis = analysis_from_json(text)
    return page(request, "article.html", {"analysis": analysis},
                title=analysis.article.title or analysis.article.id,
                annotated=annotated_text(analysis, actor_url=actor_url),
                removed=removed_text(analysis.article))


@router.get("/actors")
@router.get("/actors.json")
def actors(request: Request, store: StoreDep, q: Text = None, limit: Limit = 100) -> Response:
    data = {"q": q, "rows": store.actors(top=limit, search=q or None)}
    return _twin(request, data, "actors.html", title="Actors")


@router.get("/actors/{ident:path}")
def actor(request: Request, store: StoreDep, ident: str) -> Response:
    key, as_json = _split(ident)
    data = views.actor(store, key)
    charts = {} if as_json else {
        "series": time_chart(_quad_series(data["series"]),
                             title=f"Cooperation and conflict per {data['interval']}"),
        "partners": bar_chart([(p["b"], p["events"], dyad_url(key, p["b"]))
                               for p in data["partners"]], title="Partners by events"),
    }
    return _twin(request, data, "actor.html", title=data["name"], as_json=as_json, charts=charts)


@router.get("/dyads")
@router.get("/dyads.json")
def dyads(request: Request, store: StoreDep, actor: Text = None, limit: Limit = 100) -> Response:
    data = {"actor": actor, "rows": store.dyads(actor=actor or None, limit=limit)}
    return _twin(request, data, "dyads.html", title="Dyads")


@router.get("/dyads/{a}/{ident}")
def dyad(request: Request, store: StoreDep, a: str, ident: str) -> Response:
    b, as_json = _split(ident)
    data = views.dyad(store, a, b)
    charts = {} if as_json else {
        "series": time_chart(_quad_series(data["series"]),
                             title=f"Events between {a} and {b} per {data['interval']}",
                             link=lambda d: f"#p-{d.isoformat()}"),
    }
    title = f"{data['a']['name']} – {data['b']['name']}"
    return _twin(request, data, "dyad.html", title=title, as_json=as_json, charts=charts)


@router.get("/events")
@router.get("/events.json")
def events(request: Request, store: StoreDep, filters: FiltersDep,
           limit: Limit = 100, offset: Offset = 0) -> Response:
    rows = store.events(**filters.as_kwargs(), limit=limit, offset=offset)
    nxt = (with_query(request.url.path, **filters.as_query(), limit=limit, offset=offset + limit)
           if len(rows) == limit else None)
    data = {"filters": filters.as_query(), "rows": rows, "next": nxt}
    return _twin(request, data, "events.html", title="Events")


@router.get("/stories")
@router.get("/stories.json")
def stories(request: Request, corpus: CorpusDep, limit: Limit = 50,
            offset: Offset = 0) -> Response:
    data = {"rows": corpus.stories(limit=limit, offset=offset)}
    return _twin(request, data, "stories.html", title="Stories")


@router.get("/stories/{ident}")
def story(request: Request, store: StoreDep, corpus: CorpusDep, ident: str) -> Response:
    story_id, as_json = _split(ident)
    data = views.story(store, corpus, story_id)
    return _twin(request, data, "story.html", title="Story", as_json=as_json)


@router.get("/search")
@router.get("/search.json")
def search(request: Request, store: StoreDep, q: Text = "") -> Response:
    data = views.search(store, q=q or "")
    return _twin(request, data, "search.html", title=f"Search: {q}" if q else "Search")


@router.get("/-/versions")
@router.get("/-/versions.json")
def versions(request: Request) -> Response:
    return _twin(request, _versions(), "meta.html", title="Versions")


@functools.cache
def _versions() -> dict[str, Any]:
    """Installed versions, read from package metadata once per process (2.4 ms for all)."""
    packages = {}
    for name in _PACKAGES:
        try:
            packages[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            packages[name] = None
    return {"lagebild": __version__, "python": platform.python_version(), "packages": packages}


@router.get("/-/settings")
@router.get("/-/settings.json")
def settings(request: Request) -> Response:
    state = state_of(request)
    data = {
        "database": state.db.name,
        "settings": {s.name: _plain(getattr(state.settings, s.name)) for s in SETTINGS
                     if s.name != "db"},
        "limits": {k: _plain(getattr(state.limits, k)) for k in state.limits.__dataclass_fields__},
    }
    return _twin(request, data, "meta.html", title="Settings")


@router.get("/api/docs")
def api_docs(request: Request) -> Response:
    """The OpenAPI description as a plain page: the stock one needs scripts from a CDN."""
    schema = request.app.openapi()
    return page(request, "api_docs.html", {"schema": schema}, title="HTTP API")


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value if isinstance(value, str | int | float | bool | list | None) else str(value)
