"""Draw a report table's figures as an accessible SVG bar chart (pure).

The chart is an image with a title and a description that point to the table
drawn after it, which carries every figure: screen reader users read the
table, and nothing in the chart is only available as colour or shape.
"""

from __future__ import annotations

import math
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from helpdesk.reports.tables import Table

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 20, 48
MAX_LABELS = 16
LABEL_CHARS = 14
BAR = "#1d70b8"
INK = "#0b0c0c"
GRID = "#b1b4b6"


def nice_maximum(value: float) -> float:
    """Return the smallest 1, 2 or 5 times a power of ten at or above ``value``."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _label(value) -> str:
    if isinstance(value, date):
        return f"{value.day} {value:%b}"
    text = str(value)
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _number(value: float) -> str:
    return f"{value:g}"


def bar_chart(table: Table) -> SafeString:
    """Return the SVG drawing of the table's chart column, one bar a row."""
    chart = table.chart
    labels = [_label(row[0]) for row in table.rows]
    values = [row[chart.column] or 0 for row in table.rows]
    top = 100 if chart.percent else nice_maximum(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(values), 1)
    every = math.ceil(len(values) / MAX_LABELS) or 1
    grid = []
    for i in range(5):
        tick = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        grid.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{}">'
                "{}</text>",
                LEFT,
                WIDTH - RIGHT,
                f"{y:.1f}",
                f"{y:.1f}",
                GRID,
                LEFT - 4,
                f"{y + 4:.1f}",
                INK,
                _number(tick),
            )
        )
    bars = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * value / top
        x = LEFT + slot * i + slot * 0.15
        bars.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                f"{x:.1f}",
                f"{TOP + plot_h - h:.1f}",
                f"{slot * 0.7:.1f}",
                f"{h:.1f}",
                BAR,
            )
        )
        if i % every == 0:
            bars.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="11" '
                    'fill="{}">{}</text>',
                    f"{x + slot * 0.35:.1f}",
                    HEIGHT - BOTTOM + 16,
                    INK,
                    label,
                )
            )
    ident = f"chart-{table.key}"
    return format_html(
        '<svg viewBox="0 0 {} {}" width="100%" role="img" '
        'focusable="false" aria-labelledby="{}-title {}-desc">'
        '<title id="{}-title">{}</title>'
        '<desc id="{}-desc">{} The table after the chart gives every figure.</desc>'
        "{}{}</svg>",
        WIDTH,
        HEIGHT,
        ident,
        ident,
        ident,
        f"Chart: {table.title}",
        ident,
        table.chart.description,
        format_html_join("", "{}", ((g,) for g in grid)),
        format_html_join("", "{}", ((b,) for b in bars)),
    )
