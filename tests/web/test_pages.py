"""Dashboard pages and their JSON twins, in process against the fixture store."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from . import fixtures as _fixtures

client = _fixtures.client  # the shared pytest fixture, used by name below
web_fixture = _fixtures.web_fixture  # the shared pytest fixture, used by name below

PAGES = ["/", "/articles", "/articles?q=Peking&outlet=Tagesblatt", "/articles/a001", "/actors",
         "/actors/CHN", "/actors/gpe:USA", "/actors/IGOWSTNAT", "/dyads", "/dyads?actor=RUS",
         "/dyads/CHN/USA", "/events", "/events?quad_class=4&modality=asserted", "/stories",
         "/search", "/search?q=NATO", "/-/versions", "/-/settings", "/api/docs"]


class _Balance(HTMLParser):
    """Checks that every opened element is closed in order (void elements aside)."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr", "line", "circle", "rect",
                      "polyline"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


@pytest.mark.parametrize("url", PAGES)
def test_web_pages_render_well_formed_html(client, url):
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    parser = _Balance()
    parser.feed(r.text)
    assert parser.errors == [] and parser.stack == []


@pytest.mark.parametrize(
    ("page", "api"),
    [("/articles/a002.json", "/api/articles/a002"), ("/actors/CHN.json", "/api/actors/CHN"),
     ("/articles.json?q=NATO", None), ("/.json", None), ("/dyads/CHN/USA.json", None),
     ("/events.json?actor=CHN", None), ("/search.json?q=Berlin", None),
     ("/actors.json", None), ("/stories.json", None), ("/-/versions.json", None)],
)
def test_web_pages_have_json_twins(client, page, api):
    r = client.get(page)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    if api:
        assert r.json() == client.get(api).json()


def test_web_page_links_to_its_json_twin(client):
    html = client.get("/actors/CHN").text
    assert 'href="/actors/CHN.json"' in html
    assert 'href="/events.json?actor=CHN"' in client.get("/events?actor=CHN").text


def test_web_overview_shows_volume_actors_and_dyads(client, web_fixture):
    data = client.get("/.json").json()
    assert data["summary"]["articles"] == len(web_fixture.analyses)
    assert sum(v["articles"] for v in data["volume"]) == len(web_fixture.analyses)
    assert data["top_actors"][0]["mentions"] >= data["top_actors"][-1]["mentions"]
    html = client.get("/").text
    assert html.count('<svg class="chart"') == 1 and '<svg class="bars"' in html
    assert 'href="/dyads/' in html


def test_web_actor_page_has_partners_series_and_quotes(client):
    data = client.get("/actors/CHN.json").json()
    assert data["name"] == "China" and data["partners"]
    assert all(p["cooperation"] + p["conflict"] <= p["events"] for p in data["partners"])
    assert data["quotes_by"] and data["quotes_about"]
    happened = [e for e in data["events"] if e["modality"] != "negated"]
    assert sum(p["events"] for p in data["series"]) >= len(happened) > 0
    html = client.get("/actors/CHN").text
    assert "Cooperation and conflict over time" in html and 'class="line coop"' in html


def test_web_dyad_page_links_each_point_to_its_events(client):
    data = client.get("/dyads/CHN/USA.json").json()
    html = client.get("/dyads/CHN/USA").text
    points = set(re.findall(r'href="#p-(\d{4}-\d\d-\d\d)"', html))
    anchors = set(re.findall(r'id="p-(\d{4}-\d\d-\d\d)"', html))
    assert points and points <= anchors  # periods holding only negated events have no point
    assert {p["period"] for p in data["periods"]} == anchors
    assert sum(len(p["events"]) for p in data["periods"]) == data["events"]
    shown = sum(1 for p in data["periods"] for e in p["events"] if e["modality"] != "negated")
    assert sum(p["events"] for p in data["series"]) == shown


def test_web_reader_highlights_mentions_quotes_events_and_boilerplate(client, web_fixture):
    html = client.get("/articles/a001").text
    analysis = next(a for a in web_fixture.analyses if a.article.id == "a001")
    for m in analysis.mentions:
        assert f'href="/actors/{m.actor_id}"' in html
    for e in analysis.events:
        assert re.search(rf'<mark class="trigger"[^>]*data-events="[^"]*{e.id}', html)
        assert f'id="ev-{e.id}"' in html
    assert '<q class="quote direct"' in html
    assert '<del class="removed" title="removed: promo">Abonnieren' in html


def test_web_story_page_sets_outlets_side_by_side(client):
    first = client.get("/stories.json").json()["rows"][0]
    data = client.get(f"/stories/{first['id']}.json").json()
    assert [o["outlet"] for o in data["outlets"]] == sorted(first["outlets"])
    html = client.get(f"/stories/{first['id']}").text
    assert html.count('<section class="outlet">') == len(first["outlets"])
    assert 'href="/articles/a000"' in html


def test_web_unknown_pages_are_html_404_and_twins_json_404(client):
    page = client.get("/actors/NOBODY")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    twin = client.get("/actors/NOBODY.json")
    assert twin.status_code == 404 and twin.json()["error"]["code"] == "not_found"


def test_web_versions_and_settings(client):
    versions = client.get("/-/versions.json").json()
    assert versions["lagebild"] and versions["packages"]["fastapi"]
    settings = client.get("/-/settings.json").json()
    assert settings["settings"]["stages"] == "segment,actors,quotes,events"
    assert settings["limits"]["max_request_bytes"] == 200_000
    assert "/" not in settings["database"]  # the file name, not the server path
