"""Outlet comparison: how each outlet told one story, side by side.

For every article of a story: outlet, date, title, tone, quoted speakers,
event codes (source → target) and the boilerplate cleaning removed — the
material for comparing framing across state-affiliated and independent outlets.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

import duckdb

from lagebild.corpus.stories import story as find_story


def compare_story(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    """The story with one entry per article; None if no such story (or article) exists."""
    found = find_story(con, story_id)
    if found is None:
        return None
    rows = con.execute(
        """
        SELECT a.id, a.outlet, a.published, a.title, a.tone, a.language, a.removed_spans,
               sa.reason, sa.score,
               (SELECT list(DISTINCT coalesce(q.speaker_code, q.speaker_text)
                            ORDER BY coalesce(q.speaker_code, q.speaker_text))
                FROM quotes q WHERE q.article_id = a.id
                  AND coalesce(q.speaker_code, q.speaker_text) IS NOT NULL) AS speakers,
               (SELECT list(e.cameo || ' '
                    || coalesce((SELECT string_agg(coalesce(x.code, x.text), '+')
                                 FROM event_actors x
                                 WHERE x.event_id = e.id AND x.side = 'source'), '-')
                    || '→'
                    || coalesce((SELECT string_agg(coalesce(x.code, x.text), '+')
                                 FROM event_actors x
                                 WHERE x.event_id = e.id AND x.side = 'target'), '-')
                    ORDER BY e.evidence_start)
                FROM events e WHERE e.article_id = a.id) AS events
        FROM story_articles sa JOIN articles a ON a.id = sa.article_id
        WHERE sa.story_id = ? ORDER BY a.published NULLS LAST, a.id
        """,
        [found.id],
    ).fetchall()
    articles = []
    for r in rows:
        removed = json.loads(r[6] or "[]")
        articles.append({
            "article_id": r[0], "outlet": r[1], "published": r[2].isoformat() if r[2] else None,
            "title": r[3], "tone": r[4], "language": r[5], "joined_by": r[7], "score": r[8],
            "speakers": list(r[9] or []), "events": list(r[10] or []),
            "removed": [{"reason": s["reason"], "text": s["text"]} for s in removed],
        })
    return {"story": found.to_dict(), "articles": articles}


def render_comparison(comparison: dict[str, Any], *, width: int = 36) -> str:
    """Plain text: one column per article (outlet), one block per facet."""
    articles = comparison["articles"]
    story = comparison["story"]
    heads = [f"{a['outlet'] or '(no outlet)'} {a['published'] or ''}".strip() for a in articles]
    facets = [
        ("title", [a["title"] or "-" for a in articles]),
        ("article", [a["article_id"] for a in articles]),
        ("tone", ["-" if a["tone"] is None else f"{a['tone']:+.2f}" for a in articles]),
        ("speakers", [", ".join(a["speakers"]) or "-" for a in articles]),
        ("events", ["; ".join(a["events"]) or "-" for a in articles]),
        ("removed", ["; ".join(f"[{r['reason']}] {r['text']}" for r in a["removed"]) or "-"
                     for a in articles]),
    ]
    lines = [f"Story {story['id']}  first seen {story['first_seen']}  "
             f"{len(articles)} articles", ""]
    lines.append(_row(["", *heads], width))
    lines.append(_row(["-" * 9] + ["-" * width] * len(heads), width))
    for name, cells in facets:
        lines.append(_row([name, *cells], width))
        lines.append("")
    return "\n".join(lines).rstrip()


def _row(cells: list[str], width: int) -> str:
    label, *rest = cells
    wrapped = [textwrap.wrap(" ".join(c.split()), width) or [""] for c in rest]
    height = max(len(w) for w in wrapped) if wrapped else 1
    out = []
    for i in range(min(height, 12)):  # long boilerplate lists are cut, the JSON has them all
        parts = [(label if i == 0 else "").ljust(9)]
        parts += [(w[i] if i < len(w) else "").ljust(width) for w in wrapped]
        out.append("  ".join(parts).rstrip())
    return "\n".join(out)
