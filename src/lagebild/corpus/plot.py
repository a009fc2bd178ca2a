"""Timeline charts: SVG and HTML written directly, PNG through matplotlib if installed.

The SVG is self-contained (no scripts, no fonts to fetch): stacked bars of
cooperation (QuadClass 1-2, green) and conflict (3-4, red) events per period
and a line of the mean Goldstein score on a -10..10 axis at the right.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lagebild.errors import ErrorCode, UsageError

_W, _H, _PAD = 760, 320, 48


def timeline_svg(rows: Sequence[dict[str, Any]], *, title: str) -> str:
    """An SVG chart of ``timeline`` rows."""
    n = max(len(rows), 1)
    top = max([r["events"] for r in rows] + [1])
    plot_w, plot_h = _W - 2 * _PAD, _H - 2 * _PAD
    step = plot_w / n
    bar = max(step * 0.7, 1.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" '
        f'viewBox="0 0 {_W} {_H}" font-family="sans-serif" font-size="11">',
        f'<title>{html.escape(title)}</title>',
        f'<text x="{_PAD}" y="20" font-size="14">{html.escape(title)}</text>',
        f'<line x1="{_PAD}" y1="{_H - _PAD}" x2="{_W - _PAD}" y2="{_H - _PAD}" stroke="#444"/>',
        f'<text x="8" y="{_PAD}">{top}</text><text x="8" y="{_H - _PAD}">0</text>',
        f'<text x="{_W - _PAD + 6}" y="{_PAD}">+10</text>'
        f'<text x="{_W - _PAD + 6}" y="{_H - _PAD}">-10</text>',
    ]
    points = []
    for i, r in enumerate(rows):
        x = _PAD + i * step + (step - bar) / 2
        coop = r["verbal_coop"] + r["material_coop"]
        conflict = r["verbal_conflict"] + r["material_conflict"]
        other = r["events"] - coop - conflict
        y = _H - _PAD
        for count, colour, label in ((coop, "#2e7d32", "cooperation"),
                                     (conflict, "#c62828", "conflict"),
                                     (other, "#9e9e9e", "other")):
            h = plot_h * count / top
            if h:
                y -= h
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                             f'fill="{colour}"><title>{r["period"]}: {count} {label}'
                             f'</title></rect>')
        if r["goldstein_mean"] is not None:
            gy = _PAD + plot_h * (10 - r["goldstein_mean"]) / 20
            points.append(f"{x + bar / 2:.1f},{gy:.1f}")
        if i == 0 or i == len(rows) - 1 or i % max(1, len(rows) // 6) == 0:
            parts.append(f'<text x="{x:.1f}" y="{_H - _PAD + 16}">{r["period"]}</text>')
    if points:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#1565c0" '
                     'stroke-width="2"/>')
    parts.append(f'<text x="{_PAD}" y="{_H - 8}">bars: events (green cooperation, red conflict)'
                 '; line: mean Goldstein</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def timeline_html(rows: Sequence[dict[str, Any]], *, title: str) -> str:
    """A standalone HTML page: the SVG chart and the table behind it."""
    columns = list(rows[0].keys()) if rows else []
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif}}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;"
        "text-align:right}</style></head><body>"
        f"{timeline_svg(rows, title=title)}<table><tr>{head}</tr>{body}</table></body></html>"
    )


def write_timeline(rows: Sequence[dict[str, Any]], path: str | Path, *, title: str) -> Path:
    """Write the chart in the format named by the file suffix (.svg, .html, .png)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        path.write_text(timeline_svg(rows, title=title), encoding="utf-8")
    elif suffix in (".html", ".htm"):
        path.write_text(timeline_html(rows, title=title), encoding="utf-8")
    elif suffix == ".png":
        _write_png(rows, path, title=title)
    else:
        raise UsageError(ErrorCode.E013, name="plot", reason="give a .svg, .html or .png file")
    return path


def _write_png(rows: Sequence[dict[str, Any]], path: Path, *, title: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        reason = "PNG needs matplotlib (pip install 'lagebild[plot]'); .svg and .html need nothing"
        raise UsageError(ErrorCode.E013, name="plot", reason=reason) from exc
    periods = [str(r["period"]) for r in rows]
    coop = [r["verbal_coop"] + r["material_coop"] for r in rows]
    conflict = [r["verbal_conflict"] + r["material_conflict"] for r in rows]
    fig, ax = plt.subplots(figsize=(9, 3.5))
    ax.bar(periods, coop, color="#2e7d32", label="cooperation")
    ax.bar(periods, conflict, bottom=coop, color="#c62828", label="conflict")
    ax.set_title(title)
    ax.legend()
    ax2 = ax.twinx()
    ax2.plot(periods, [r["goldstein_mean"] for r in rows], color="#1565c0")
    ax2.set_ylim(-10, 10)
    fig.autofmt_xdate()
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
