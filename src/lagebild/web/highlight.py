"""Article text with its annotations marked up, built so that text can never become markup.

The text is cut at every annotation boundary into segments; each segment is
escaped on its own and then wrapped in the tags of the annotations covering
it. Because every segment is wrapped independently, overlapping annotations
(a mention inside a quote inside an event's evidence) always give well-formed
HTML, and no piece of article text is ever inserted unescaped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from lagebild.model import Analysis, Article, Event, Mention, Quote


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    layer: str  # quote | evidence | trigger | mention
    ref: str  # event id, quote index or mention index


def annotated_text(analysis: Analysis, *, actor_url: Callable[[str], str]) -> Markup:
    """The cleaned text with quotes, event evidence and triggers, and actor mentions marked."""
    text = analysis.article.text
    spans = _spans(analysis, len(text))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a == b:
            continue
        covering = [s for s in spans if s.start <= a and s.end >= b]
        out.append(_wrap(escape(text[a:b]), covering, analysis, actor_url))
    return Markup("").join(out)


def removed_text(article: Article) -> Markup:
    """The raw text with what cleaning removed struck through and labelled with the reason."""
    raw = article.raw_text
    out, pos = [], 0
    for span in sorted(article.removed_spans, key=lambda s: (s.start, s.end)):
        start, end = max(span.start, pos), min(span.end, len(raw))
        if start >= end:
            continue
        out.append(escape(raw[pos:start]))
        out.append(Markup('<del class="removed" title="removed: {r}">{t}</del>').format(
            r=span.reason, t=raw[start:end]))
        pos = end
    out.append(escape(raw[pos:]))
    return Markup("").join(out)


def _spans(analysis: Analysis, length: int) -> list[_Span]:
    spans: list[_Span] = []

    def add(start: int | None, end: int | None, layer: str, ref: str) -> None:
        if start is None or end is None:
            return
        start, end = max(0, start), min(length, end)
        if start < end:
            spans.append(_Span(start, end, layer, ref))

    for i, q in enumerate(analysis.quotes):
        add(q.start, q.end, "quote", str(i))
    for e in analysis.events:
        add(e.evidence_start, e.evidence_end, "evidence", e.id)
        add(e.trigger_start, e.trigger_end, "trigger", e.id)
    for i, m in enumerate(analysis.mentions):
        add(m.start, m.end, "mention", str(i))
    return spans


def _wrap(inner: Markup, covering: list[_Span], analysis: Analysis,
          actor_url: Callable[[str], str]) -> Markup:
    by_layer: dict[str, list[_Span]] = {}
    for s in covering:
        by_layer.setdefault(s.layer, []).append(s)
    mentions = by_layer.get("mention")
    if mentions:  # one link per segment: nested links are invalid HTML
        inner = _mention(analysis.mentions[int(mentions[0].ref)], inner, actor_url)
    triggers = by_layer.get("trigger")
    if triggers:
        events = [_event(analysis, s.ref) for s in triggers]
        inner = Markup(
            '<mark class="trigger" tabindex="0" data-events="{ids}" title="{title}">{t}</mark>'
        ).format(ids=" ".join(s.ref for s in triggers),
                 title=" | ".join(_event_title(e) for e in events if e), t=inner)
    evidence = by_layer.get("evidence")
    if evidence:
        inner = Markup('<span class="evidence" data-events="{ids}">{t}</span>').format(
            ids=" ".join(s.ref for s in evidence), t=inner)
    quotes = by_layer.get("quote")
    if quotes:
        q = analysis.quotes[int(quotes[0].ref)]
        inner = Markup('<q class="quote {form}" data-quote="{i}" title="{title}">{t}</q>').format(
            form=q.form.lower(), i=quotes[0].ref, title=_quote_title(q), t=inner)
    return inner


def _mention(m: Mention, inner: Markup, actor_url: Callable[[str], str]) -> Markup:
    key = m.actor_id or m.code or m.country
    title = " · ".join(x for x in (m.name or m.text, m.code, m.role, m.kind) if x)
    if not key:
        return Markup('<span class="mention {k}" title="{t}">{i}</span>').format(
            k=m.kind.lower(), t=title, i=inner)
    return Markup('<a class="mention {k}" href="{h}" title="{t}">{i}</a>').format(
        k=m.kind.lower(), h=actor_url(key), t=title, i=inner)


def _event(analysis: Analysis, event_id: str) -> Event | None:
    return next((e for e in analysis.events if e.id == event_id), None)


def _event_title(e: Event) -> str:
    source = "+".join(x.code or x.text for x in e.source) or "?"
    target = "+".join(x.code or x.text for x in e.target) or "?"
    return f"{e.cameo} {e.plover or ''} {e.modality}: {source} → {target}".replace("  ", " ")


def _quote_title(q: Quote) -> str:
    speaker = q.speaker_text or "unknown speaker"
    code = f" [{q.speaker_code}]" if q.speaker_code else ""
    return f"{q.form} quote, {speaker}{code}"
