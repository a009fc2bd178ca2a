"""End to end in a real browser: headless Chromium (Debian's) driven by Playwright,
against `lagebild serve` on the example corpus. Screenshots go to test-artifacts/browser/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.errors import LagebildError
from lagebild.settings import Settings

from .fixtures import build_web_db

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
STARTUP_SECONDS = 30  # uvicorn starts in ~1 s; the margin is for loaded CI machines


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)
        yield chromium
        chromium.close()


def _serve(db: Path) -> Iterator[str]:
    """`lagebild serve` on a free loopback port, stopped when the test module ends."""
    port = _free_port()
    log = (ARTIFACTS / f"server-{db.stem}.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "lagebild", "serve", "--db", str(db), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"server did not start; see {log.name}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def example_server(tmp_path_factory, examples_dir, browser) -> Iterator[str]:
    import lagebild

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    db = tmp_path_factory.mktemp("browser") / "examples.duckdb"
    try:
        summary = lagebild.run([examples_dir], db=db)
    except LagebildError:  # no trained NER model in this checkout: rules-only stages
        db.unlink(missing_ok=True)
        summary = lagebild.run([examples_dir], db=db,
                               settings=Settings(stages="segment,actors,quotes,events"))
    assert summary.processed >= 5
    yield from _serve(db)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, browser) -> Iterator[str]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    db = tmp_path_factory.mktemp("browser-hostile") / "hostile.duckdb"
    build_web_db(db, corpus=False)
    yield from _serve(db)


class _Watch:
    """Collects console errors, uncaught page errors, failed requests and dialogs."""

    def __init__(self, page) -> None:
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))


def _visit(page, watch: _Watch, url: str, shot: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("load")
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    assert watch.problems == [], (url, watch.problems)


def test_browser_every_page_loads_without_console_errors(browser, example_server):
    page = browser.new_page()
    watch = _Watch(page)
    _visit(page, watch, example_server + "/", "overview")
    first_article = page.locator("a.article-link").first.get_attribute("href")
    pages = {
        "articles": "/articles", "article": first_article, "actors": "/actors",
        "actor": "/actors/CHN", "dyads": "/dyads", "dyad": "/dyads/CHN/USA",
        "events": "/events", "stories": "/stories", "search": "/search?q=NATO",
        "versions": "/-/versions", "settings": "/-/settings", "api-docs": "/api/docs",
    }
    story = page.locator("ul.stories a").first
    if story.count():
        pages["story"] = story.get_attribute("href")
    for name, path in pages.items():
        _visit(page, watch, example_server + path, name)
    page.close()


def test_browser_click_path_article_actor_dyad(browser, example_server):
    page = browser.new_page()
    watch = _Watch(page)
    _visit(page, watch, example_server + "/articles?q=NATO", "path-0-articles")
    page.locator("a.article-link").first.click()
    page.wait_for_url("**/articles/*")
    text = page.locator("#article-text")
    assert text.locator("a.mention").count() > 0
    assert text.locator("mark.trigger").count() > 0
    assert text.locator("q.quote").count() > 0
    assert page.locator("pre.raw del.removed").count() > 0
    text.locator("mark.trigger").first.click()
    details = page.locator("#details")
    assert "CAMEO" in details.inner_text()
    assert page.locator("tr.event-row.active").count() == 1
    page.screenshot(path=str(ARTIFACTS / "path-1-article.png"), full_page=True)

    text.locator("a.mention[href^='/actors/gpe:']").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("svg.chart, p.empty").count() > 0
    page.screenshot(path=str(ARTIFACTS / "path-2-actor.png"), full_page=True)

    page.locator("a.dyad-link").first.click()
    page.wait_for_url("**/dyads/*/*")
    assert page.locator(".period").count() > 0
    point = page.locator("a.point").first
    if point.count():
        point.click()
        page.wait_for_url("**#p-*")
        assert page.locator(".period.active").count() == 1
    page.screenshot(path=str(ARTIFACTS / "path-3-dyad.png"), full_page=True)
    assert watch.problems == []
    page.close()


def test_browser_hostile_article_runs_no_script(browser, hostile_server):
    page = browser.new_page()
    watch = _Watch(page)
    _visit(page, watch, hostile_server + "/articles/evil0001", "hostile-article")
    assert "<script>alert('xss')</script>" in page.locator("h1").inner_text()
    _visit(page, watch, hostile_server + "/search?q=<script>alert(1)</script>", "hostile-search")
    _visit(page, watch, hostile_server + "/actors/CHN", "hostile-actor")
    assert watch.problems == []  # any alert() would have been recorded as a dialog
    page.close()
