"""Horizontal bar charts drawn on the server as SVG, no chart library.

Each chart is an <svg role="img"> named by its <title> and described by its <desc>;
the numbers are in the table beside it, which is what a screen reader reads. The
bars use classes that the stylesheet turns black in print and into the system's
text colour in Windows high-contrast mode (forced colours).
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stats.figures import Table

WIDTH = 640
LABEL_WIDTH = 240
VALUE_WIDTH = 70
ROW = 30
BAR = 20
PAD = 8


@dataclass
class Bar:
    label: str
    value_text: str
    y: int
    text_y: int
    width: float
    value_x: float


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    bars: list[Bar]

    def bars_svg(self) -> SafeString:
        """The bars and their labels, built here (numbers with a dot, whatever the language)."""
        parts = []
        for bar in self.bars:
            parts.append(
                f'<text class="chart__label" x="{self.label_width - 8}" y="{bar.text_y}" '
                f'text-anchor="end">{escape(bar.label)}</text>'
                f'<rect class="chart__bar" x="{self.label_width}" y="{bar.y}" '
                f'width="{bar.width}" height="{BAR}"></rect>'
                f'<text class="chart__value" x="{bar.value_x}" y="{bar.text_y}">'
                f"{escape(bar.value_text)}</text>"
            )
        return mark_safe("\n".join(parts))


def _short(label: str, limit: int = 28) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _number(value, percent: bool) -> str:
    if value is None:
        return "–"
    return number_format(value, 1 if percent else 0) + (" %" if percent else "")


def bar_chart(table: Table) -> Chart | None:
    """The chart of a table, or None when it has no chart or nothing to draw."""
    column = table.chart_column
    if column is None or not table.rows:
        return None
    percent = column in table.percent_columns
    values = [row[column] or 0 for row in table.rows]
    top = max(values) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH - PAD
    bars = []
    for i, (row, value) in enumerate(zip(table.rows, values, strict=True)):
        width = round(room * value / top, 1)
        bars.append(
            Bar(
                label=_short(row[0]),
                value_text=_number(row[column], percent),
                y=PAD + i * ROW,
                text_y=PAD + i * ROW + BAR - 5,
                width=width,
                value_x=LABEL_WIDTH + width + PAD,
            )
        )
    return Chart(
        slug=table.slug,
        title=table.title,
        description=table.description,
        width=WIDTH,
        height=2 * PAD + len(bars) * ROW,
        label_width=LABEL_WIDTH,
        bars=bars,
    )
