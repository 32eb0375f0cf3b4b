"""Bar charts as SVG, drawn on the server: no charting library, no script, nothing from a CDN.

Each chart is an image with a title for screen readers, and the page shows the
same numbers in a table next to it. Colours meet WCAG AA contrast on white.
"""

from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from markupsafe import Markup, escape


class Chart(Markup):
    """An SVG chart (markup) that also knows its title, for the figure's visible caption."""

    title: str = ""


def _chart(svg: str, title: str) -> Chart:
    chart = Chart(svg)
    chart.title = title
    return chart

BAR_HEIGHT, GAP, LABEL_WIDTH, PLOT_WIDTH = 22, 8, 250, 300
LEGEND_STEP = 110
SERIES_COLOURS = ("#1f4e79", "#8a3b12", "#2e6b30")  # dark blue, brown, green: each 7:1 or more on white


def horizontal_bars(chart_id: str, title: str, rows: Sequence[Tuple[str, int]]) -> Chart:
    """One bar per (label, value), longest first as given."""
    top = max([value for _, value in rows] or [0]) or 1
    height = max(1, len(rows)) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + 60
    parts: List[str] = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(chart_id)}-title" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]
    if not rows:
        parts.append(f'<text x="0" y="{BAR_HEIGHT}" class="chart-label">No counts yet</text>')
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(PLOT_WIDTH * value / top)
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" class="chart-label">{escape(label)}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1)}" height="{BAR_HEIGHT}" '
            f'fill="{SERIES_COLOURS[0]}" data-label="{escape(label)}" data-value="{value}"/>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 16}" class="chart-value">{value}</text>',
        ]
    parts.append("</svg>")
    return _chart("".join(parts), title)


def weekly_bars(chart_id: str, title: str, weeks: Sequence[str], series: Dict[str, Sequence[int]]) -> Chart:
    """Grouped vertical bars: for each week, one bar per series (started, finished, handed off)."""
    names = list(series)
    top = max([v for values in series.values() for v in values] or [0]) or 1
    group = len(names) * 18 + 24
    plot_height, base = 160, 190
    width = max(50 + LEGEND_STEP * len(names), 50 + group * len(weeks))
    height = base + 50
    parts: List[str] = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(chart_id)}-title" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<line x1="40" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#333"/>',
    ]
    for w, week in enumerate(weeks):
        x0 = 50 + w * group
        for s, name in enumerate(names):
            value = series[name][w]
            bar = round(plot_height * value / top)
            x = x0 + s * 18
            parts += [
                f'<rect x="{x}" y="{base - bar}" width="14" height="{max(bar, 1)}" fill="{SERIES_COLOURS[s % 3]}" '
                f'data-week="{escape(week)}" data-series="{escape(name)}" data-value="{value}"/>',
                f'<text x="{x + 7}" y="{base - bar - 4}" text-anchor="middle" class="chart-value">{value}</text>',
            ]
        parts.append(f'<text x="{x0}" y="{base + 18}" class="chart-label">{escape(week[5:])}</text>')
    for s, name in enumerate(names):  # the legend
        x = 40 + s * LEGEND_STEP
        parts += [
            f'<rect x="{x}" y="{base + 30}" width="12" height="12" fill="{SERIES_COLOURS[s % 3]}"/>',
            f'<text x="{x + 16}" y="{base + 41}" class="chart-label">{escape(name)}</text>',
        ]
    parts.append("</svg>")
    return _chart("".join(parts), title)
