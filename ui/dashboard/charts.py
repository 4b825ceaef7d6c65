"""Small QPainter charts for the home dashboard (no QtCharts): bars and a sparkline.

Each chart is a card with a title; clicking it emits ``clicked()`` (the
dashboard opens the list behind it); clicking one bar of a :class:`BarChart`
emits ``picked(row)`` instead (the dashboard opens that bar's list).  Values are set with ``set_data``;
painting only reads them.  GUI thread.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.signals import emit

INK = QColor("#1f4e79")
MUTED = QColor("#666666")
RULE = QColor("#d0d7e0")
ALERT = QColor("#c62828")
PALETTE = (QColor("#2f6ea5"), QColor("#c62828"), QColor("#e0a040"), QColor("#9fb7d3"))
HEIGHT = 190


class ChartCard(QWidget):
    """A clickable card: title on top, the chart below (subclasses paint ``_paint_chart``)."""

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(HEIGHT)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, HEIGHT)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            emit(self.clicked)
        super().mouseReleaseEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(INK if self.underMouse() else RULE, 1))
        p.setBrush(self.palette().base())
        p.drawRoundedRect(frame, 6, 6)
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(INK)
        title_h = QFontMetrics(font).height() + 10
        p.drawText(QRectF(10, 4, self.width() - 20, title_h), Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        self._paint_chart(p, QRectF(10, title_h + 2, self.width() - 20, self.height() - title_h - 10))
        p.end()

    def _paint_chart(self, p: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def _empty(self, p: QPainter, area: QRectF, text: str) -> None:
        p.setPen(MUTED)
        p.drawText(area, Qt.AlignmentFlag.AlignCenter, text)


class BarChart(ChartCard):
    """Horizontal bars, one row per label; one or more stacked series (legend under the title)."""

    picked = Signal(int)    # the row of the bar clicked (then no ``clicked``)

    def __init__(self, title: str, parent: QWidget | None = None, *, empty_text: str = "—") -> None:
        super().__init__(title, parent)
        self.labels: list[str] = []
        self.series: list[list[int]] = []
        self.names: list[str] = []
        self.colours: list[QColor] = list(PALETTE)
        self.empty_text = empty_text
        self._rows_at: tuple[float, float] = (0.0, 0.0)   # top and height of the bar rows (last paint)

    def row_at(self, y: float) -> int | None:
        """The bar row under ``y`` (widget coordinates) as last painted, or None."""
        top, height = self._rows_at
        if height <= 0 or y < top:
            return None
        row = int((y - top) // height)
        return row if row < len(self.labels) else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        row = self.row_at(event.position().y()) if event.button() == Qt.MouseButton.LeftButton else None
        if row is None:
            super().mouseReleaseEvent(event)
        else:
            emit(self.picked, row)

    def set_data(self, labels: Sequence[str], series: Sequence[Sequence[int]], names: Sequence[str] = (),
                 colours: Sequence[QColor | str] = ()) -> None:
        """Bars for ``labels``; ``series`` are stacked (each as long as ``labels``)."""
        self.labels = list(labels)
        self.series = [list(s) for s in series]
        self.names = list(names)
        self.colours = [QColor(c) for c in colours] or list(PALETTE)
        rows = max(len(self.labels), 1) + (1 if len(self.names) > 1 else 0)
        self.setFixedHeight(max(HEIGHT, 44 + rows * 22))  # a long list grows the card, never squeezes
        self.update()

    def totals(self) -> list[int]:
        return [sum(s[i] for s in self.series) for i in range(len(self.labels))]

    def _paint_chart(self, p: QPainter, area: QRectF) -> None:
        totals = self.totals()
        if not self.labels or not any(totals):
            self._rows_at = (0.0, 0.0)
            self._empty(p, area, self.empty_text)
            return
        fm = QFontMetrics(self.font())
        top = area.top()
        if len(self.names) > 1:  # legend
            x = area.left()
            for i, name in enumerate(self.names):
                p.fillRect(QRectF(x, top + 5, 10, 10), self.colours[i % len(self.colours)])
                p.setPen(MUTED)
                p.drawText(QPointF(x + 14, top + 4 + fm.ascent()), name)
                x += 14 + fm.horizontalAdvance(name) + 16
            top += 22
        label_w = min(max(fm.horizontalAdvance(t) for t in self.labels) + 8, area.width() * 0.5)  # a category name like 高龄老人（80岁以上） whole
        value_w = fm.horizontalAdvance(str(max(totals))) + 8
        bar_w = max(area.width() - label_w - value_w, 10)
        row_h = min(22.0, (area.bottom() - top) / len(self.labels))
        self._rows_at = (top, row_h)
        peak = max(totals)
        for r, label in enumerate(self.labels):
            y = top + r * row_h
            p.setPen(MUTED)
            p.drawText(QRectF(area.left(), y, label_w - 6, row_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 6)))
            x = area.left() + label_w
            for s, values in enumerate(self.series):
                w = bar_w * values[r] / peak
                if w > 0:
                    p.fillRect(QRectF(x, y + 4, w, row_h - 8), self.colours[s % len(self.colours)])
                x += w
            p.setPen(INK)
            p.drawText(QRectF(x + 4, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter, str(totals[r]))


class Sparkline(ChartCard):
    """A small line over months (labels under the first and last point, the values above)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, empty_text: str = "—") -> None:
        super().__init__(title, parent)
        self.labels: list[str] = []
        self.values: list[int] = []
        self.empty_text = empty_text

    def set_data(self, labels: Sequence[str], values: Sequence[int]) -> None:
        self.labels, self.values = list(labels), list(values)
        self.update()

    def points(self, area: QRectF) -> list[QPointF]:
        """Where each value is drawn inside ``area`` (leaves room for labels above and below)."""
        n = len(self.values)
        fm = QFontMetrics(self.font())
        pad = max([fm.horizontalAdvance(t) for t in self.labels] + [fm.horizontalAdvance("0000")]) / 2 + 2
        inner = area.adjusted(pad, fm.height() + 4, -pad, -(fm.height() + 4))
        peak = max(max(self.values, default=0), 1)
        step = inner.width() / (n - 1) if n > 1 else 0
        return [QPointF(inner.left() + i * step if n > 1 else inner.center().x(),
                        inner.bottom() - inner.height() * v / peak) for i, v in enumerate(self.values)]

    def _paint_chart(self, p: QPainter, area: QRectF) -> None:
        if not self.values:
            self._empty(p, area, self.empty_text)
            return
        fm = QFontMetrics(self.font())
        pts = self.points(area)
        base_y = area.bottom() - fm.height() - 4
        p.setPen(QPen(RULE, 1))
        p.drawLine(QPointF(area.left(), base_y), QPointF(area.right(), base_y))
        fill = QPainterPath(QPointF(pts[0].x(), base_y))
        for pt in pts:
            fill.lineTo(pt)
        fill.lineTo(QPointF(pts[-1].x(), base_y))
        p.fillPath(fill, QColor(47, 110, 165, 40))
        p.setPen(QPen(PALETTE[0], 2))
        for a, b in zip(pts, pts[1:]):
            p.drawLine(a, b)
        p.setBrush(PALETTE[0])
        for i, (pt, value) in enumerate(zip(pts, self.values)):
            p.setPen(QPen(PALETTE[0], 1))
            p.drawEllipse(pt, 3, 3)
            p.setPen(INK)
            text = str(value)
            p.drawText(QPointF(pt.x() - fm.horizontalAdvance(text) / 2, pt.y() - 6), text)
            label = self.labels[i] if i < len(self.labels) else ""
            p.setPen(MUTED)
            w = fm.horizontalAdvance(label)
            x = min(max(pt.x() - w / 2, area.left()), area.right() - w)  # keep the end labels inside
            p.drawText(QPointF(x, area.bottom() - 2), label)


__all__ = ["ChartCard", "BarChart", "Sparkline"]
