"""The JSON API under /api, in process against the fixture store."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from lagebild.store import Store

from . import fixtures as _fixtures

client = _fixtures.client  # the shared pytest fixture, used by name below
web_fixture = _fixtures.web_fixture  # the shared pytest fixture, used by name below


def _pairs(article, event):
    return {x.country or x.code for x in event.source}, {x.country or x.code for x in event.target}


def test_web_api_articles_lists_newest_first_and_searches(client, web_fixture):
    rows = client.get("/api/articles", params={"limit": 5}).json()["rows"]
    dates = [r["published"] for r in rows]
    assert len(rows) == 5 and dates == sorted(dates, reverse=True)
    found = client.get("/api/articles", params={"q": "Hilfsgüter"}).json()["rows"]
    expected = {a.article.id for a in web_fixture.analyses if "Hilfsgüter" in a.article.text}
    assert {r["id"] for r in found} == expected and expected


def test_web_api_articles_filter_by_outlet_and_page(client, web_fixture):
    first = client.get("/api/articles", params={"outlet": "Weltspiegel", "limit": 4}).json()
    assert first["count"] == 4 and first["next"]
    second = client.get(first["next"]).json()
    ids = [r["id"] for r in first["rows"] + second["rows"]]
    expected = [a.article.id for a in web_fixture.analyses if a.article.outlet == "Weltspiegel"]
    assert sorted(ids) == sorted(expected) and len(set(ids)) == len(ids)
    assert second["next"] is None


def test_web_api_article_detail_is_the_analysis_json(client, web_fixture):
    body = client.get("/api/articles/a003").json()
    with Store(web_fixture.db, read_only=True) as store:
        expected = json.loads(json.dumps(store.analysis("a003").to_dict()))
    assert body == expected
    assert list(body) == ["article", "sentences", "mentions", "quotes", "events"]


def test_web_article_json_is_served_as_stored_and_equals_the_rows(client, web_fixture):
    from lagebild.web.render import JSON, clean_floats

    with Store(web_fixture.db, read_only=True) as store:
        for analysis in web_fixture.analyses:
            aid = analysis.article.id
            stored = store.con.execute("SELECT analysis_json FROM articles WHERE id = ?",
                                       [aid]).fetchone()[0]
            from_rows = JSON(clean_floats(store.analysis(aid).to_dict())).body
            assert stored is not None and stored.encode() == from_rows
            for url in (f"/api/articles/{aid}", f"/articles/{aid}.json"):
                r = client.get(url)
                assert r.status_code == 200 and r.content == from_rows
                assert r.headers["content-type"] == "application/json"


def test_web_article_without_stored_json_is_read_from_its_rows(tmp_path):
    from lagebild.web.render import JSON, clean_floats

    db = tmp_path / "old.duckdb"
    fixture = _fixtures.build_web_db(db, corpus=False)
    with Store(db) as store:
        store.con.execute("UPDATE articles SET analysis_json = NULL")
    from lagebild.web import make_app

    with _fixtures.make_client(make_app(db=db)) as old, Store(db, read_only=True) as store:
        for analysis in fixture.analyses[:3]:
            aid = analysis.article.id
            expected = JSON(clean_floats(store.analysis(aid).to_dict())).body
            assert old.get(f"/api/articles/{aid}").content == expected
            page = old.get(f"/articles/{aid}")
            assert page.status_code == 200 and 'class="trigger"' in page.text


def test_web_api_unknown_article_is_a_json_404(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404
    error = r.json()["error"]
    assert error["code"] == "E011" and "nope" in error["message"]
    assert "/" not in error["message"].split(" in ")[-1]  # no server paths


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"quad_class": 3}, lambda a, e: e.quad_class == 3),
        ({"modality": "reported"}, lambda a, e: e.modality == "reported"),
        ({"root": "16"}, lambda a, e: e.root == "16"),
        ({"outlet": "Staatsfunk"}, lambda a, e: a.outlet == "Staatsfunk"),
        ({"since": "2023-05-20", "until": "2023-06-01"},
         lambda a, e: dt.date(2023, 5, 20) <= e.date <= dt.date(2023, 6, 1)),
        ({"actor": "RUS"}, lambda a, e: "RUS" in set.union(*_pairs(a, e))),
        ({"pair": "USA,CHN"}, lambda a, e: {"USA", "CHN"} <= set.union(*_pairs(a, e))
         and not {"USA", "CHN"} <= _pairs(a, e)[0]),
        ({"actor": "CHN", "quad_class": 1, "modality": "asserted"},
         lambda a, e: "CHN" in set.union(*_pairs(a, e)) and e.quad_class == 1
         and e.modality == "asserted"),
    ],
)
def test_web_api_events_filters_match_the_records(client, web_fixture, params, keep):
    rows = client.get("/api/events", params={**params, "limit": 1000}).json()["rows"]
    expected = {e.id for a, e in web_fixture.events if keep(a, e)}
    assert {r["id"] for r in rows} == expected
    assert expected, "the fixture should hold events for every filter"


@pytest.mark.parametrize(
    "params",
    [{"quad_class": 7}, {"modality": "maybe"}, {"root": "abc"}, {"since": "May 1"},
     {"limit": 0}, {"limit": 100000}, {"pair": "CHN"}, {"offset": -1}],
)
def test_web_api_events_refuses_bad_parameters_with_json_400(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["code"] == "invalid" and error["details"]


def test_web_api_quotes_by_and_about_an_actor(client, web_fixture):
    by = client.get("/api/quotes", params={"actor": "gpe:USA"}).json()["rows"]
    assert by and all(q["speaker_actor_id"] == "gpe:USA" for q in by)
    about = client.get("/api/quotes", params={"about": "USA", "limit": 1000}).json()["rows"]
    expected = [
        q for a in web_fixture.analyses for q in a.quotes
        if any(m.country == "USA" and q.start <= m.start and m.end <= q.end for m in a.mentions)
    ]
    assert len(about) == len(expected) > 0


def test_web_api_dyads_count_events_in_either_direction(client, web_fixture):
    rows = client.get("/api/dyads", params={"limit": 100}).json()["rows"]
    counts = Counter()
    for _a, e in web_fixture.events:
        (s,), (t,) = _pairs(_a, e)
        if s and t and s != t and e.modality != "negated":
            counts[tuple(sorted((s, t)))] += 1
    assert {(r["a"], r["b"]): r["events"] for r in rows} == dict(counts)
    partners = client.get("/api/dyads", params={"actor": "CHN"}).json()["rows"]
    assert partners and all(r["a"] == "CHN" and r["b"] != "CHN" for r in partners)


def _happened(rows):
    return [r for r in rows if r["modality"] != "negated"]


def test_web_api_dyad_series_sums_to_the_pair_events(client, web_fixture):
    body = client.get("/api/dyads/CHN/USA").json()
    total = sum(p["events"] for p in body["series"])
    pair = client.get("/api/events", params={"pair": "CHN,USA", "limit": 1000}).json()
    assert body["interval"] == "day"  # the fixture spans seven weeks
    assert total == len(_happened(pair["rows"])) > 0
    assert len(pair["rows"]) > total  # the fixture holds a negated CHN-USA event
    assert all(p["cooperation"] + p["conflict"] == p["events"] for p in body["series"])


def test_web_api_timeline_graph_and_volume(client, web_fixture):
    timeline = client.get("/api/timeline", params={"actor": "DEU", "interval": "week"}).json()
    assert timeline["interval"] == "week"
    assert all(dt.date.fromisoformat(p["period"]).weekday() == 0 for p in timeline["series"])
    graph = client.get("/api/graph").json()
    assert graph["directed"]  # from the corpus tables
    node_ids = {n["id"] for n in graph["nodes"]}
    assert {"CHN", "USA", "RUS", "DEU", "IGOWSTNAT"} <= node_ids
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in graph["edges"])
    volume = client.get("/api/volume", params={"interval": "month"}).json()["series"]
    assert sum(v["articles"] for v in volume) == len(web_fixture.analyses)


def test_web_api_actor_detail_and_actors_listing(client):
    actors = client.get("/api/actors", params={"q": "Russ"}).json()["rows"]
    assert [a["actor_id"] for a in actors] == ["gpe:RUS"]
    detail = client.get("/api/actors/RUS").json()
    assert detail["name"] == "Russland" and detail["partners"] and detail["series"]


def test_web_api_stories_cover_every_article(client, web_fixture):
    rows = client.get("/api/stories", params={"limit": 1000}).json()["rows"]
    placed = [a for s in rows for a in s["article_ids"]]
    assert sorted(placed) == sorted(a.article.id for a in web_fixture.analyses)
    story = client.get(f"/api/stories/{rows[0]['id']}").json()
    assert {o["outlet"] for o in story["outlets"]} == set(rows[0]["outlets"])
    assert client.get("/api/stories/none").status_code == 404


def test_web_api_serves_corpus_dyads_and_timeline(client):
    dyads = client.get("/api/corpus/dyads", params={"actor": "CHN"}).json()["rows"]
    assert dyads and all("CHN" in (d["source"], d["target"]) for d in dyads)
    series = client.get("/api/corpus/timeline/CHN/USA", params={"by": "month"}).json()
    pair = client.get("/api/events", params={"pair": "CHN,USA", "limit": 1000}).json()
    assert sum(p["events"] for p in series["series"]) == len(_happened(pair["rows"]))


def test_web_api_openapi_lists_the_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/events",
                 "/api/quotes", "/api/stories", "/api/dyads", "/api/dyads/{a}/{b}",
                 "/api/graph", "/api/analyze"):
        assert path in paths
    assert "/actors/{ident}" not in paths  # pages stay out of the API description
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
