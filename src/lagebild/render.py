"""Plain-text views of records for the terminal: an annotated article and tables."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from typing import Any

from lagebild.model import Analysis

_MAX_CELL = 60  # wider cells make terminal tables wrap and become unreadable


def render_analysis(analysis: Analysis, *, width: int = 100) -> str:
    """A readable annotated view of one analysed article."""
    a = analysis.article
    lines = [
        f"Article {a.id}",
        f"  title:     {a.title or '-'}",
        f"  outlet:    {a.outlet or '-'}{' (inferred)' if 'outlet' in a.inferred else ''}",
        f"  published: {_fmt(a.published)}{' (inferred)' if 'published' in a.inferred else ''}",
        f"  language:  {a.language}   source: {a.source or '-'}",
        "",
        f"Sentences ({len(analysis.sentences)})",
    ]
    for s in analysis.sentences:
        mark = "H" if s.is_headline else str(s.paragraph)
        lines += _wrapped(f"[{s.index:>3}|{mark:>2}] ", s.text, width)
    if analysis.mentions:
        lines += ["", f"Actors ({len(analysis.mentions)} mentions)"]
        for m in analysis.mentions:
            role = f", {m.role}" if m.role else ""
            who = m.name or m.text
            lines.append(
                f"  {m.start:>6}  {m.text!r:<32} {m.kind:<4} {m.code or '-':<10} {who}{role}"
            )
    if analysis.quotes:
        lines += ["", f"Quotes ({len(analysis.quotes)})"]
        for q in analysis.quotes:
            speaker = q.speaker_text or "?"
            code = f" [{q.speaker_code}]" if q.speaker_code else ""
            to = f" → {q.addressee}" if q.addressee else ""
            lines += _wrapped(
                f"  {q.form:<9} {speaker}{code}{to} ({q.cue or '-'}): ", q.text, width
            )
    if analysis.events:
        lines += ["", f"Events ({len(analysis.events)})"]
        for e in analysis.events:
            src = "+".join(x.code or x.text for x in e.source) or "-"
            tgt = "+".join(x.code or x.text for x in e.target) or "-"
            date = _fmt(e.date) + (" (publication)" if e.date_is_publication else "")
            lines.append(
                f"  {e.cameo:<5} {e.plover or '-':<12} {src} → {tgt}  "
                f"[{e.modality}] {date}  trigger {e.trigger!r}"
            )
    if a.removed_spans:
        lines += ["", f"Removed boilerplate ({len(a.removed_spans)})"]
        for r in a.removed_spans:
            lines += _wrapped(f"  {r.reason:<16} ", r.text.replace("\n", " ⏎ "), width)
    if a.mt_signals:
        lines += ["", f"Machine-translation / foreign-language signals ({len(a.mt_signals)})"]
        for sig in a.mt_signals:
            lines.append(f"  {sig.start:>6}  {sig.kind:<22} {sig.language or '-':<3} {sig.text!r}")
    return "\n".join(lines)


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A fixed-width table; long cells are cut with an ellipsis."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    head = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([head, rule, *body, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


def _cell(value: Any) -> str:
    text = _fmt(value).replace("\n", " ")
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


_MAX_HANGING_INDENT = 24  # a longer prefix goes on its own line, or the text column gets too narrow


def _wrapped(prefix: str, text: str, width: int) -> list[str]:
    if len(prefix) > _MAX_HANGING_INDENT:
        indent = " " * 6
        body = textwrap.wrap(text, width=width - len(indent)) or [""]
        return [prefix.rstrip()] + [indent + line for line in body]
    body = textwrap.wrap(text, width=max(20, width - len(prefix))) or [""]
    return [prefix + body[0]] + [" " * len(prefix) + line for line in body[1:]]
