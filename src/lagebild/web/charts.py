"""Small inline SVG charts drawn on the server, so pages need no chart library.

Every label goes through ``Markup.format``, which escapes it: actor names and
outlet names come from articles and are never trusted as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

_PAD_LEFT, _PAD_RIGHT, _PAD_TOP, _PAD_BOTTOM = 44, 12, 12, 28  # room for axis labels


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a time chart: a name for the legend, a CSS class for its colour, points."""

    name: str
    css: str
    points: list[tuple[dt.date, float]] = field(default_factory=list)


def time_chart(
    series: Sequence[Series],
    *,
    title: str,
    width: int = 720,
    height: int = 220,
    link: Callable[[dt.date], str] | None = None,
) -> Markup:
    """A line chart over dates; with ``link``, each point links to ``link(date)``."""
    days = sorted({d for s in series for d, _ in s.points})
    if not days:
        return Markup('<p class="empty">No dated events.</p>')
    top = _nice_max(max((v for s in series for _, v in s.points), default=0))
    x0, x1 = days[0].toordinal(), days[-1].toordinal()
    inner_w = width - _PAD_LEFT - _PAD_RIGHT
    inner_h = height - _PAD_TOP - _PAD_BOTTOM

    def x(day: dt.date) -> float:
        if x1 == x0:
            return _PAD_LEFT + inner_w / 2
        return _PAD_LEFT + inner_w * (day.toordinal() - x0) / (x1 - x0)

    def y(value: float) -> float:
        return _PAD_TOP + inner_h * (1 - value / top)

    parts = [Markup(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="{t}"><title>{t}</title>'
    ).format(w=width, h=height, t=title)]
    for value in (0, top / 2, top):
        parts.append(Markup(
            '<line class="grid" x1="{a}" x2="{b}" y1="{y:.1f}" y2="{y:.1f}"/>'
            '<text class="tick" x="{t}" y="{y:.1f}" text-anchor="end" dy="4">{v}</text>'
        ).format(a=_PAD_LEFT, b=width - _PAD_RIGHT, y=y(value), t=_PAD_LEFT - 6, v=_num(value)))
    for day, anchor in _x_ticks(days):
        parts.append(Markup(
            '<text class="tick" x="{x:.1f}" y="{y}" text-anchor="{a}">{d}</text>'
        ).format(x=x(day), y=height - 8, a=anchor, d=day.isoformat()))
    for s in series:
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in s.points)
        parts.append(Markup('<polyline class="line {c}" points="{p}"/>').format(c=s.css, p=coords))
        for d, v in s.points:
            dot = Markup(
                '<circle class="dot {c}" cx="{x:.1f}" cy="{y:.1f}" r="3.5">'
                "<title>{n} {d}: {v}</title></circle>"
            ).format(c=s.css, x=x(d), y=y(v), n=s.name, d=d.isoformat(), v=_num(v))
            if link is not None:
                dot = Markup('<a href="{h}" class="point" data-period="{d}">{dot}</a>').format(
                    h=link(d), d=d.isoformat(), dot=dot)
            parts.append(dot)
    parts.append(Markup("</svg>"))
    legend = Markup("").join(
        Markup('<span class="key {c}">{n}</span>').format(c=s.css, n=s.name) for s in series
    )
    return Markup('<figure class="chart">{svg}<figcaption>{legend}</figcaption></figure>').format(
        svg=Markup("").join(parts), legend=legend)


def bar_chart(
    rows: Sequence[tuple[str, float, str | None]],
    *,
    title: str,
    width: int = 420,
    bar: int = 18,
) -> Markup:
    """Horizontal bars: (label, value, link or None) per row, longest first as given."""
    if not rows:
        return Markup('<p class="empty">Nothing yet.</p>')
    label_w = 170  # wide enough for "Vereinigte Staaten" at the chart font size
    top = max(v for _, v, _ in rows) or 1
    height = len(rows) * (bar + 4) + 4
    parts = [Markup(
        '<svg class="bars" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="{t}"><title>{t}</title>'
    ).format(w=width, h=height, t=title)]
    for i, (label, value, href) in enumerate(rows):
        top_y = 2 + i * (bar + 4)
        length = (width - label_w - 50) * value / top
        row = Markup(
            '<text class="label" x="{lx}" y="{ty}" text-anchor="end">{label}</text>'
            '<rect class="bar" x="{x}" y="{y}" width="{bw:.1f}" height="{bh}"/>'
            '<text class="value" x="{vx:.1f}" y="{ty}">{v}</text>'
        ).format(lx=label_w - 6, ty=top_y + bar - 5, label=_clip(label), x=label_w, y=top_y,
                 bw=max(length, 1), bh=bar, vx=label_w + length + 4, v=_num(value))
        if href:
            row = Markup('<a href="{h}">{row}</a>').format(h=href, row=row)
        parts.append(row)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _x_ticks(days: list[dt.date]) -> list[tuple[dt.date, str]]:
    if len(days) == 1:
        return [(days[0], "middle")]
    return [(days[0], "start"), (days[-1], "end")]


def _nice_max(value: float) -> float:
    """A round upper bound (1, 2, 5 × 10^n) so tick labels are readable."""
    if value <= 0:
        return 1
    step = 1.0
    while step * 10 <= value:
        step *= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= value:
            return step * factor
    return step * 10


def _num(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _clip(text: str, *, chars: int = 26) -> str:
    """Cut long labels so they stay inside the label column."""
    return text if len(text) <= chars else text[: chars - 1] + "…"
