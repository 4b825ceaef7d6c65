"""Small bar charts for the report PDFs (reportlab.graphics; no Qt, any thread)."""
from __future__ import annotations

from typing import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

PALETTE = (colors.HexColor("#9fb7d3"), colors.HexColor("#2f6ea5"), colors.HexColor("#e0a040"))


def _nice_max(value: float) -> int:
    if value <= 5:
        return 5
    for step in (1, 2, 5):
        magnitude = 10 ** (len(str(int(value))) - 1)
        top = step * magnitude
        while top < value:
            top += step * magnitude
        if top / value < 1.6:
            return int(top)
    return int(value * 1.2) + 1


def bar_chart(categories: Sequence[str], series: Sequence[Sequence[float]], names: Sequence[str], *,
              font: str, width: float, height: float = 62 * mm, title: str = "") -> Drawing:
    """A grouped vertical bar chart with a legend and the values over the bars."""
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer starts in Helvetica (not embedded)
    drawing.initialFontSize = 8
    top = 8 * mm if title else 2 * mm
    if title:
        drawing.add(String(width / 2, height - 5 * mm, title, fontName=font, fontSize=10,
                           textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 14 * mm
    chart.width = width - 18 * mm
    chart.height = height - chart.y - top - 6 * mm
    chart.data = [list(s) for s in series] or [[0]]
    chart.categoryAxis.categoryNames = list(categories) or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max((v for s in series for v in s), default=0))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.groupSpacing = 6
    chart.barSpacing = 1
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 40
    legend.x = chart.x
    legend.y = height - top
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
    drawing.add(legend)
    return drawing
