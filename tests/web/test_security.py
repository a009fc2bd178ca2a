"""Escaping, headers, limits and error shapes: nothing from an article or a URL runs."""

from __future__ import annotations

import html
import json
import re

import pytest

from lagebild.web import WebLimits, make_app

from . import fixtures as _fixtures
from .fixtures import PAYLOAD, make_client

client = _fixtures.client  # the shared pytest fixture, used by name below
web_fixture = _fixtures.web_fixture  # the shared pytest fixture, used by name below

# Any of these in a page means article or request text became markup.
_LIVE = re.compile(
    r"<script>alert|<img src=[xy] onerror|<svg onload|<b>Peking</b>|<em>Outlet</em>|"
    r"<i>er</i>|href=\"javascript:",
    re.IGNORECASE,
)
HOSTILE_PAGES = ["/articles/evil0001", "/articles", "/", "/actors", "/actors/CHN",
                 "/actors/gpe:CHN", "/events", "/search?q=Peking", "/search?q=alert",
                 "/dyads/CHN/RUS", "/dyads"]


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_web_pages_escape_article_text(client, url):
    r = client.get(url)
    assert r.status_code == 200, url
    assert not _LIVE.search(r.text), _LIVE.search(r.text)
    scripts = re.findall(r"<script\b[^>]*>", r.text)
    assert scripts == ['<script src="/static/app.js" defer>']


def test_web_reader_shows_payloads_as_text(client):
    page = client.get("/articles/evil0001").text
    assert html.escape(PAYLOAD, quote=False) in page or "&lt;script&gt;alert(" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:alert(2)" in page and 'href="javascript' not in page


@pytest.mark.parametrize(
    "url",
    ["/search?q=<script>alert(1)</script>", "/articles?q=\"><script>alert(1)</script>",
     "/events?outlet=<script>alert(1)</script>", "/actors/<script>alert(1)</script>",
     "/dyads/<img src=x onerror=alert(1)>/CHN", "/articles/<svg onload=alert(1)>",
     "/nothing/<script>alert(1)</script>"],
)
def test_web_query_parameters_and_paths_are_escaped(client, url):
    r = client.get(url)
    assert r.status_code in (200, 404)
    assert "<script>alert(1)" not in r.text and "<img src=x" not in r.text
    assert "<svg onload" not in r.text


def test_web_json_errors_carry_payloads_only_as_json_strings(client):
    r = client.get("/api/articles/<img src=x onerror=alert(1)>")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<img src=x onerror=alert(1)>" in r.json()["error"]["message"]


@pytest.mark.parametrize("url", ["/", "/api/articles", "/static/app.css", "/nothing",
                                 "/articles/a001.json"])
def test_web_every_response_has_a_content_security_policy(client, url):
    csp = client.get(url).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "object-src 'none'" in csp


def test_web_refuses_bodies_over_the_limit_with_json_413(client):
    r = client.post("/api/analyze", content=b"x" * 200_001,
                    headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "too_large"


def test_web_refuses_chunked_bodies_over_the_limit(client):
    def chunks():
        for _ in range(30):
            yield b"y" * 10_000

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413


def test_web_unexpected_errors_are_a_generic_500_without_traceback(web_fixture, monkeypatch,
                                                                   caplog):
    from lagebild.store import Store

    def boom(self, **kwargs):
        raise RuntimeError("secret detail from /srv/internal")

    monkeypatch.setattr(Store, "actors", boom)
    app = make_app(db=web_fixture.db)
    with make_client(app) as c:
        api = c.get("/api/actors")
        page = c.get("/actors")
    assert api.status_code == 500 and page.status_code == 500
    assert api.json() == {"error": {"status": 500, "code": "internal",
                                    "message": "Internal server error"}}
    for r in (api, page):
        assert "secret" not in r.text and "Traceback" not in r.text
    assert "secret detail" in caplog.text  # the server log keeps it


def test_web_long_queries_are_interrupted_with_503(web_fixture, monkeypatch):
    from lagebild.store import Store

    def slow(self, **kwargs):
        return self._all("SELECT count(*) FROM range(10000000000) a")

    monkeypatch.setattr(Store, "actors", slow)
    app = make_app(db=web_fixture.db, limits=WebLimits(query_timeout=0.3))
    with make_client(app) as c:
        r = c.get("/api/actors")
    assert r.status_code == 503 and r.json()["error"]["code"] == "timeout"


def test_web_store_is_opened_read_only(client):
    state = client.app.state.lagebild
    assert state.store.read_only
    with state.reader() as store, pytest.raises(Exception, match="read-only"):
        store.con.execute("DELETE FROM articles")


def test_web_host_check_when_bound_to_loopback(web_fixture):
    app = make_app(db=web_fixture.db, limits=WebLimits.for_host("127.0.0.1"))
    with make_client(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/-/versions.json").status_code == 200
        assert c.get("/-/versions.json", headers={"host": "localhost:8000"}).status_code == 200
        refused = c.get("/-/versions.json", headers={"host": "attacker.example"})
    assert refused.status_code == 400 and json.loads(refused.text)["error"]["code"] == "bad_host"
    assert WebLimits.for_host("0.0.0.0").allowed_hosts is None


def test_web_cache_answers_repeated_gets_but_never_errors(client, web_fixture):
    first = client.get("/api/actors", params={"limit": 7})
    again = client.get("/api/actors", params={"limit": 7})
    assert first.headers["x-lagebild-cache"] == "miss"
    assert again.headers["x-lagebild-cache"] == "hit" and again.content == first.content
    assert "script-src 'self'" in again.headers["content-security-policy"]
    for _ in range(2):
        missing = client.get("/api/articles/not-there")
        assert missing.status_code == 404 and missing.headers.get("x-lagebild-cache") != "hit"
    app = make_app(db=web_fixture.db, limits=WebLimits(cache_entries=0))
    with make_client(app) as c:
        c.get("/api/actors")
        assert "x-lagebild-cache" not in c.get("/api/actors").headers


def test_web_cache_is_warmed_with_the_landing_pages_at_start(web_fixture):
    import time

    app = make_app(db=web_fixture.db)
    with make_client(app) as c:
        deadline = time.monotonic() + 30
        while getattr(app.state, "warmed", None) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        warmed = app.state.warmed
        overview = c.get("/.json")
        top = overview.json()["top_dyads"][0]
        pages = {path: c.get(path) for path in ("/", "/api/graph", f"/actors/{top['a']}",
                                                f"/dyads/{top['a']}/{top['b']}")}
    assert overview.headers["x-lagebild-cache"] == "hit"
    assert set(pages) <= set(warmed)
    assert all(r.status_code == 200 and r.headers["x-lagebild-cache"] == "hit"
               for r in pages.values())
    cold = make_app(db=web_fixture.db, limits=WebLimits(cache_entries=0))
    with make_client(cold) as c:  # what was kept is what the routes answer
        assert c.get("/.json").content == overview.content
        assert c.get("/api/graph").content == pages["/api/graph"].content
        assert not hasattr(cold.state, "warmed")
