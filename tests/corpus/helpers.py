"""Hand-made stores for the corpus tests: articles with actors and events, no pipeline."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from lagebild.model import (
    Analysis,
    Article,
    Event,
    EventActor,
    Mention,
    Quote,
    RemovedSpan,
    Sentence,
)

# root -> (quad class, Goldstein) for the roots used in the tests
_ROOTS = {"01": (1, 0.0), "04": (1, 1.0), "05": (1, 3.5), "06": (2, 6.0), "11": (3, -2.0),
          "17": (4, -7.0), "19": (4, -10.0)}


def event(article_id: str, n: int, source: str, target: str, root: str, *,
          day: dt.date | None = None, modality: str = "asserted", text_len: int = 20) -> Event:
    quad, goldstein = _ROOTS[root]
    return Event(
        id=f"{article_id}-e{n}", article_id=article_id, sentence=0,
        source=[EventActor(text=source, code=source, country=source[:3] if len(source) <= 6
                           else None)],
        target=[EventActor(text=target, code=target, country=target[:3] if len(target) <= 6
                           else None)],
        cameo=root + "0", root=root, plover=None, mode=None, context=[], quad_class=quad,
        goldstein=goldstein, modality=modality, trigger="x", trigger_start=0, trigger_end=1,
        evidence_start=0, evidence_end=text_len, date=day,
    )


def analysis(
    article_id: str,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = "Testblatt",
    published: dt.date | None = dt.date(2023, 5, 10),
    actors: Sequence[str] = (),
    events: Sequence[tuple[str, str, str]] = (),
    event_day: dt.date | None = None,
    tone: float | None = 0.0,
    quotes: Sequence[str] = (),
    removed: Sequence[tuple[str, str]] = (),
) -> Analysis:
    """An article split into sentences at full stops, one mention per actor code given."""
    article = Article(
        id=article_id, text=text, raw_text=text, title=title, outlet=outlet, published=published,
        language="de",
        removed_spans=[RemovedSpan(0, len(t), reason, t) for reason, t in removed],
    )
    sentences = [
        Sentence(i, m.start(), m.end(), m.group(), i, i == 0)
        for i, m in enumerate(re.finditer(r"[^ .][^.]*(?:\.|$)", text))
    ]
    mentions = [
        Mention(article_id, i, i + 1, code, "GPE", f"x:{code.lower()}",
                code[:3] if len(code) <= 6 else None, None, code)
        for i, code in enumerate(actors)
    ]
    return Analysis(
        article=article, sentences=sentences, mentions=mentions,
        quotes=[Quote(article_id, 0, 5, "Zitat", "Direct", speaker_text=s, speaker_code=s)
                for s in quotes],
        events=[event(article_id, n, s, t, r, day=event_day, text_len=len(text))
                for n, (s, t, r) in enumerate(events)],
        tone=tone,
    )
