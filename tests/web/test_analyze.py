"""POST /api/analyze: the JSON of `lagebild analyze --format json`, with limits."""

from __future__ import annotations

import json
import threading

import pytest

from lagebild import api
from lagebild.web import WebLimits, make_app

from . import fixtures as _fixtures
from .fixtures import ANALYZE_SETTINGS, make_client

client = _fixtures.client  # the shared pytest fixture, used by name below
web_fixture = _fixtures.web_fixture  # the shared pytest fixture, used by name below

EXAMPLE = "002_71f4ca4da9999c2f.txt"
SENTENCE = "Berlin kritisierte am Dienstag die Regierung in Moskau scharf."


def test_web_analyze_file_body_matches_the_cli_json(client, examples_dir):
    path = examples_dir / EXAMPLE
    r = client.post("/api/analyze", content=path.read_bytes(),
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200
    (expected,) = [a.to_dict() for a in api.iter_analyses([path], settings=ANALYZE_SETTINGS)]
    expected = json.loads(json.dumps(expected))
    expected["article"]["source"] = "<http>"  # the CLI names the file it read
    assert r.json() == expected
    assert r.json()["article"]["outlet"] == "Legitim"  # read from the front matter


def test_web_analyze_json_body_with_metadata(client):
    r = client.post("/api/analyze", json={"text": SENTENCE, "published": "2024-03-05",
                                          "outlet": "Testblatt"})
    body = r.json()
    assert r.status_code == 200
    assert body["article"]["outlet"] == "Testblatt"
    assert body["article"]["published"] == "2024-03-05"
    assert body["article"]["text"] == SENTENCE  # the text as given, no title taken off
    assert any(m["code"] == "DEU" for m in body["mentions"])
    assert body == json.loads(json.dumps(api.analyze(
        SENTENCE, published="2024-03-05", outlet="Testblatt", settings=ANALYZE_SETTINGS,
    ).to_dict()))


@pytest.mark.parametrize(
    ("content", "media", "status", "code"),
    [(b"{not json", "application/json", 400, "bad_json"),
     (b'{"txt": "x"}', "application/json", 400, "bad_json"),
     (b"\x89PNG\r\n", "image/png", 415, "unsupported_media_type"),
     (b"   \n ", "text/plain", 422, "bad_input"),
     (b'{"text": "  "}', "application/json", 422, "bad_input")],
)
def test_web_analyze_refuses_bad_bodies_with_json_errors(client, content, media, status, code):
    r = client.post("/api/analyze", content=content, headers={"content-type": media})
    assert r.status_code == status
    assert r.json()["error"]["code"] == code
    assert "lagebild-http-" not in r.text  # no temporary paths leak


def test_web_analyze_answers_503_when_all_slots_are_busy(web_fixture):
    app = make_app(db=web_fixture.db, settings=ANALYZE_SETTINGS,
                   limits=WebLimits(analyze_concurrency=1))
    slots: threading.BoundedSemaphore = app.state.lagebild.analyze_slots
    assert slots.acquire(blocking=False)
    try:
        with make_client(app) as c:
            r = c.post("/api/analyze", json={"text": SENTENCE})
    finally:
        slots.release()
    assert r.status_code == 503 and r.headers["retry-after"]


def test_web_analyze_times_out_with_504(web_fixture, monkeypatch):
    release = threading.Event()

    def stuck(*args, **kwargs):
        release.wait(5)
        return iter(())

    monkeypatch.setattr(api, "analyze", stuck)
    app = make_app(db=web_fixture.db, settings=ANALYZE_SETTINGS,
                   limits=WebLimits(analyze_timeout=0.2))
    with make_client(app) as c:
        r = c.post("/api/analyze", json={"text": SENTENCE})
        release.set()
    assert r.status_code == 504 and r.json()["error"]["code"] == "timeout"
