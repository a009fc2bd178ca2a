"""Turning page data into responses: JSON for twins and the API, Jinja2 HTML for pages.

Templates are rendered with autoescaping on for every file, so anything a
template prints from an article is escaped unless it was built as ``Markup``
by ``highlight`` or ``charts``, which escape each piece themselves.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import json
import math
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

TEMPLATES = Path(__file__).parent / "templates"


class JSON(JSONResponse):
    """JSON with dates as ISO strings and non-ASCII text kept readable."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=_json_default,
                          allow_nan=False).encode("utf-8")


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def clean_floats(value: Any) -> Any:
    """NaN and infinities are not JSON; they become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: clean_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_floats(v) for v in value]
    return value


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment, built once per process."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its file name
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        actor_url=actor_url, dyad_url=dyad_url, article_url=article_url, story_url=story_url,
        quad_names={1: "verbal cooperation", 2: "material cooperation",
                    3: "verbal conflict", 4: "material conflict"},
    )
    env.filters["date"] = _date
    env.filters["web_url"] = web_url
    env.filters["num"] = _num
    return env


def page(request: Request, template: str, data: dict[str, Any], *, title: str,
         status: int = 200, **extra: Any) -> HTMLResponse:
    """Render ``template`` with the page data and a link to its JSON twin."""
    html = environment().get_template(template).render(
        data=data, title=title, json_url=json_twin(request), request_path=request.url.path,
        **extra,
    )
    return HTMLResponse(html, status_code=status)


def json_twin(request: Request) -> str:
    """The URL of this page's JSON twin: ``/x`` → ``/x.json``, ``/`` → ``/.json``."""
    path = request.url.path.rstrip("/") or ""
    url = quote(f"{path}.json" if path else "/.json", safe="/:@")
    return f"{url}?{request.url.query}" if request.url.query else url


def wants_json(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, message: str, *, code: str,
                   details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """A JSON error for API and twin URLs, an HTML error page for dashboard pages."""
    if wants_json(request):
        body: dict[str, Any] = {"status": status, "code": code, "message": message}
        if details:
            body["details"] = details
        return JSON({"error": body}, status_code=status, headers=headers)
    html = environment().get_template("error.html").render(
        status=status, message=message, title=f"Error {status}", json_url=None,
        request_path=request.url.path,
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def actor_url(key: str, *, json: bool = False) -> str:
    return f"/actors/{quote(key, safe=':')}{'.json' if json else ''}"


def dyad_url(a: str, b: str) -> str:
    return f"/dyads/{quote(a, safe=':')}/{quote(b, safe=':')}"


def article_url(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def with_query(path: str, **params: Any) -> str:
    given = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(given)}" if given else path


def web_url(value: str | None) -> str | None:
    """The URL if it is a plain web address; ``javascript:`` and other schemes become None."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _date(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _num(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)
