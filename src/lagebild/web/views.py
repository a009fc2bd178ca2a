"""The data behind each dashboard page: plain dicts, served as a page's JSON twin.

Every function takes a read-only ``Store`` (and, for corpus results, the
``Corpus`` adapter) and returns what its page shows, so the HTML page and
``.json`` twin can never disagree. Nothing here knows about HTTP.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from lagebild.errors import LagebildError
from lagebild.store import Store
from lagebild.store.rows import analysis_from_json
from lagebild.web.corpus import Corpus

TOP_ACTORS = 15  # rows a ranked panel shows; more stop being readable at a glance
LATEST = 10  # latest stories and articles on the overview
PANEL_ROWS = 20  # partners, quotes by and about an actor
PAGE_EVENTS = 50  # events listed on an actor page
DYAD_EVENTS = 500  # events a dyad page lists under its timeline

# QuadClass numbers (CAMEO): 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.
QUAD_NAMES = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}


class Problem(Exception):
    """A request the app answers with an error status, a short code and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class NotFound(Problem):
    """The page asked for names something the store does not hold."""

    def __init__(self, message: str) -> None:
        super().__init__(404, "not_found", message)


def choose_interval(first: dt.date | None, last: dt.date | None) -> str:
    """A period length that gives a readable number of points for the span of dates."""
    if first is None or last is None:
        return "month"
    days = (last - first).days
    if days <= 62:  # two months or less: daily points (≤ 62)
        return "day"
    if days <= 730:  # up to two years: weekly points (≤ 105)
        return "week"
    return "month"


def period_of(day: dt.date | None, interval: str) -> dt.date | None:
    """The start of the period holding ``day``, as DuckDB's ``date_trunc`` computes it."""
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        day = day.date()
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day


def pivot_series(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Turn (period, quad_class) rows into one row per period with a column per QuadClass."""
    periods: dict[dt.date, dict[str, Any]] = {}
    for r in rows:
        p = periods.setdefault(
            r["period"],
            {"period": r["period"], "events": 0, "cooperation": 0, "conflict": 0,
             **dict.fromkeys(QUAD_NAMES.values(), 0), "_goldstein": 0.0},
        )
        n = int(r["events"])
        p["events"] += n
        p["_goldstein"] += (r["goldstein"] or 0.0) * n
        name = QUAD_NAMES.get(r["quad_class"])
        if name:
            p[name] += n
            p["cooperation" if r["quad_class"] in (1, 2) else "conflict"] += n
    out = []
    for p in sorted(periods.values(), key=lambda p: p["period"]):
        total = p.pop("_goldstein")
        p["goldstein"] = round(total / p["events"], 2) if p["events"] else None
        out.append(p)
    return out


def overview(store: Store, corpus: Corpus) -> dict[str, Any]:
    summary = store.summary()
    interval = choose_interval(summary["first_published"], summary["last_published"])
    return {
        "summary": summary,
        "interval": interval,
        "volume": store.volume(interval=interval),
        "top_actors": store.actors(top=TOP_ACTORS),
        "top_dyads": store.dyads(limit=TOP_ACTORS),
        "latest_stories": corpus.stories(limit=LATEST),
        "latest_articles": store.articles(limit=LATEST),
    }


def actor(store: Store, key: str) -> dict[str, Any]:
    members = store.actors(actor=key, top=50)
    events = store.events(actor=key, limit=PAGE_EVENTS)
    if not members and not events:
        raise NotFound(f"No actor '{key}' in this store")
    first, last = store.date_range()
    interval = choose_interval(first, last)
    head = _head(members, key)
    return {
        "key": key,
        "name": head.get("name") or key,
        "code": head.get("code"),
        "kind": head.get("kind"),
        "country": head.get("country"),
        "mentions": sum(m["mentions"] for m in members),
        "members": members,
        "interval": interval,
        "series": pivot_series(store.event_series(actor=key, interval=interval)),
        "partners": store.dyads(actor=key, limit=PANEL_ROWS),
        "quotes_by": store.quotes(actor=key, limit=PANEL_ROWS),
        "quotes_about": store.quotes(about=key, limit=PANEL_ROWS),
        "events": events,
    }


def _head(members: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The actor record that names the page: an exact id or code match, else the most mentioned."""
    for field in ("actor_id", "code"):
        for m in members:
            if m[field] == key:
                return m
    return members[0] if members else {}


def dyad(store: Store, a: str, b: str) -> dict[str, Any]:
    first, last = store.date_range()
    interval = choose_interval(first, last)
    events = store.events(pair=(a, b), limit=DYAD_EVENTS)
    groups: dict[dt.date | None, list[dict[str, Any]]] = {}
    for e in events:
        groups.setdefault(period_of(e["date"], interval), []).append(e)
    return {
        "a": _name_of(store, a),
        "b": _name_of(store, b),
        "interval": interval,
        "series": pivot_series(store.event_series(pair=(a, b), interval=interval)),
        "periods": [
            {"period": p, "events": rows}
            for p, rows in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0]),
                                  reverse=False)
        ],
        "events": len(events),
    }


def _name_of(store: Store, key: str) -> dict[str, Any]:
    rows = store.actors(actor=key, top=50)
    head = _head(rows, key)
    return {"key": key, "name": head.get("name") or key, "code": head.get("code")}


def articles(store: Store, *, q: str | None, outlet: str | None, limit: int,
             offset: int) -> dict[str, Any]:
    rows = store.articles(search=q or None, outlet=outlet or None, limit=limit, offset=offset)
    return {"q": q, "outlet": outlet, "limit": limit, "offset": offset, "rows": rows}


def search(store: Store, *, q: str, limit: int = PANEL_ROWS) -> dict[str, Any]:
    if not q.strip():
        return {"q": q, "articles": [], "actors": [], "quotes": []}
    return {
        "q": q,
        "articles": store.articles(search=q, limit=limit),
        "actors": store.actors(search=q, top=limit),
        "quotes": store.quotes(search=q, limit=limit),
    }


def story(store: Store, corpus: Corpus, story_id: str) -> dict[str, Any]:
    """One story with its articles grouped in one column per outlet."""
    found = corpus.story(story_id)
    if found is None:
        raise NotFound(f"No story '{story_id}' in this store")
    compared = {a.get("article_id"): a for a in (corpus.compare(found["id"]) or {}).get(
        "articles", [])}
    columns: dict[str, list[dict[str, Any]]] = {}
    for article_id in found.get("article_ids", []):
        try:
            analysis = analysis_from_json(store.analysis_json(article_id))
        except LagebildError:  # a story may name an article no longer stored
            continue
        art = analysis.article
        columns.setdefault(art.outlet or "unknown outlet", []).append({
            "id": art.id,
            "title": art.title,
            "published": art.published,
            "lead": _lead(analysis),
            "events": [
                {"cameo": e.cameo, "plover": e.plover, "modality": e.modality,
                 "source": "+".join(x.code or x.text for x in e.source),
                 "target": "+".join(x.code or x.text for x in e.target),
                 "trigger": e.trigger}
                for e in analysis.events
            ],
            "quotes": len(analysis.quotes),
            "tone": compared.get(art.id, {}).get("tone", analysis.tone),
            "speakers": compared.get(art.id, {}).get("speakers", []),
            "removed": [s.reason for s in art.removed_spans],
        })
    return {
        "story": found,
        "outlets": [{"outlet": o, "articles": rows} for o, rows in sorted(columns.items())],
    }


def _lead(analysis: Any, *, chars: int = 400) -> str:
    """The first body sentences, up to about ``chars`` characters, for side-by-side reading."""
    body = [s.text for s in analysis.sentences if not s.is_headline]
    lead = ""
    for sentence in body:
        if len(lead) >= chars:
            break
        lead = f"{lead} {sentence}".strip()
    return lead
