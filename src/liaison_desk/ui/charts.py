"""工作台's charts: sessions by month (民生议事堂 and 微协商), the solved rate by group and the
year's suggestions by status. Every bar opens the list it counts.

Drawn with QPainter rather than a charting library: three plain bar charts need no more, and
this keeps them keyboard-operable bar by bar, in the app's own font (Chinese labels), exportable
as a PNG, and costs neither a dependency nor start-up time (Qt Charts, deprecated since Qt 6.10,
would need the 175 MB PySide6-Addons wheel; pyqtgraph brings numpy and has no keyboard focus on
a bar). The module is loaded only when the charts' section of 工作台 is first drawn
(``ui/chart_slot.py``).

The figures come from ``StatisticsService.chart_figures``: the statistics workbook's 按月 and
分组 figures and the items' statuses, counted by the one set of rules in storage.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.documents.atomic import write_atomically
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus
from liaison_desk.services.statistics import ChartFigures
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.labels import label, month_name
from liaison_desk.ui.messages import show_error

# Blue and orange: told apart with every common colour-vision deficiency, and in grey print
# by their lightness. The blue is the figures' colour on the cards above.
HALL_COLOUR = QColor("#1F4E8C")
MICRO_COLOUR = QColor("#E08214")
BAR_COLOUR = HALL_COLOUR
AXIS_COLOUR = QColor("#8A8A8A")
GRID_COLOUR = QColor("#E2E2E2")
NOTE_COLOUR = QColor("#6B6B6B")
EXPORT_SCALE = 2  # a PNG for a printed report: twice the pixels of the screen


@dataclass(frozen=True)
class Series:
    name: str
    colour: QColor


@dataclass(frozen=True)
class Bar:
    """One bar: its category (row or column) and series, the value drawn, the text written at
    it, the exact figures its tooltip gives, and the list it opens (page id, filters)."""

    category: int
    series: int
    value: float
    text: str
    tooltip: str
    target: tuple[str, dict[str, Any]]


@dataclass
class _Layout:
    plot: QRectF
    bars: list[QRectF] = field(default_factory=list)  # as drawn
    hits: list[QRectF] = field(default_factory=list)  # where a click or hover finds the bar


def nice_top(value: float) -> tuple[float, float]:
    """An axis top at or above ``value`` and its tick step (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return math.ceil(value / step) * step, float(step)


class BarChart(QWidget):
    """A bar chart of one or more series over named categories: vertical bars (``horizontal``
    False, categories along the bottom) or horizontal ones (categories down the left side).

    Tab reaches it; the arrow keys move between bars (the tooltip gives the bar's figures) and
    Enter or Space opens the bar's list, as a click does. The context menu exports a PNG."""

    activated = Signal(str, object)  # page id, filters

    def __init__(
        self,
        title: str,
        *,
        horizontal: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.subtitle = ""
        self.empty_text = ""
        self.categories: list[str] = []
        self.series: list[Series] = []
        self._bars: list[Bar] = []
        self.scale_top: float | None = None  # None: from the largest value
        self.tick_text: Callable[[float], str] = lambda v: f"{v:g}"
        self.current = -1  # the bar the keyboard is on
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    # --- data ----------------------------------------------------------------------------------
    def set_bars(
        self,
        subtitle: str,
        categories: Sequence[str],
        series: Sequence[Series],
        bars: Sequence[Bar],
        *,
        empty_text: str = "",
    ) -> None:
        """Show ``bars``; ``empty_text`` is written over the chart when every value is 0."""
        self.subtitle = subtitle
        self.categories = list(categories)
        self.series = list(series)
        self._bars = list(bars)
        self.empty_text = empty_text
        self.current = min(self.current, len(self._bars) - 1)
        self.setMinimumHeight(self._minimum_height())
        self._describe()
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def bar_rect(self, index: int) -> QRectF:
        """Where bar ``index`` is drawn now, in the widget's coordinates (for tests and
        tooltips)."""
        return self._layout(QRectF(self.rect()), self.font()).bars[index]

    def bar_at(self, pos: QPointF) -> int:
        for i, hit in enumerate(self._layout(QRectF(self.rect()), self.font()).hits):
            if hit.contains(pos):
                return i
        return -1

    # --- geometry ------------------------------------------------------------------------------
    def _minimum_height(self) -> int:
        metrics = QFontMetricsF(self.font())
        head = self._head_height(metrics)
        if self.horizontal:
            rows = max(len(self.categories), 1)
            return int(head + rows * (metrics.height() + 3) + 12)
        return int(head + metrics.height() * 9)

    def _head_height(self, metrics: QFontMetricsF) -> float:
        lines = 2 if self.subtitle else 1
        legend = 1 if len(self.series) > 1 else 0
        return metrics.height() * (lines + legend) * 1.25 + 6

    def sizeHint(self) -> QSize:
        return QSize(360, self._minimum_height())

    def _layout(self, rect: QRectF, font: QFont) -> _Layout:
        metrics = QFontMetricsF(font)
        top = rect.top() + self._head_height(metrics)
        n = len(self.categories)
        values = [b.value for b in self._bars]
        scale = self.scale_top or nice_top(max(values, default=0))[0]
        if self.horizontal:
            label_room = min(
                max((metrics.horizontalAdvance(c) for c in self.categories), default=0) + 8,
                rect.width() * 0.42,
            )
            value_room = max((metrics.horizontalAdvance(b.text) for b in self._bars), default=0)
            plot = QRectF(
                rect.left() + label_room,
                top,
                max(rect.width() - label_room - value_room - 10, 10),
                max(rect.bottom() - top - 4, 10),
            )
            layout = _Layout(plot)
            row = plot.height() / max(n, 1)
            for bar in self._bars:
                y = plot.top() + bar.category * row
                length = plot.width() * (bar.value / scale if scale else 0)
                thick = min(row * 0.66, metrics.height() * 1.1)  # few rows: not slabs
                layout.bars.append(QRectF(plot.left(), y + (row - thick) / 2, length, thick))
                layout.hits.append(QRectF(rect.left(), y, rect.width(), row))
            return layout
        tick_room = metrics.horizontalAdvance(self.tick_text(scale)) + 8
        plot = QRectF(
            rect.left() + tick_room,
            top + metrics.height() * 0.6,  # room for the value over the highest bar
            max(rect.width() - tick_room - 4, 10),
            max(rect.bottom() - top - metrics.height() * 1.9, 10),
        )
        layout = _Layout(plot)
        slot = plot.width() / max(n, 1)
        k = max(len(self.series), 1)
        thick = slot * 0.8 / k
        for bar in self._bars:
            x = plot.left() + bar.category * slot + slot * 0.1 + bar.series * thick
            height = plot.height() * (bar.value / scale if scale else 0)
            layout.bars.append(QRectF(x, plot.bottom() - height, thick, height))
            layout.hits.append(QRectF(x, plot.top(), thick, plot.height()))
        return layout

    # --- drawing -------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()), self.palette(), focus=self.hasFocus())
        finally:
            painter.end()

    def paint(self, painter: QPainter, rect: QRectF, palette: QPalette, *, focus: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        # Title and subtitle.
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        line = metrics.height() * 1.25
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        painter.setFont(font)
        y = rect.top() + line
        if self.subtitle:
            painter.setPen(NOTE_COLOUR)
            painter.drawText(
                QRectF(rect.left(), y, rect.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.subtitle,
            )
            y += line
        if len(self.series) > 1:  # the legend: a swatch and a name per series
            x = rect.left()
            for series in self.series:
                swatch = metrics.height() * 0.7
                painter.fillRect(QRectF(x, y + (line - swatch) / 2, swatch, swatch), series.colour)
                x += swatch + 4
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(x, y, metrics.horizontalAdvance(series.name) + 2, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    series.name,
                )
                x += metrics.horizontalAdvance(series.name) + 16
        layout = self._layout(rect, font)
        plot = layout.plot
        values = [b.value for b in self._bars]
        scale, step = (
            (self.scale_top, self.scale_top / 4)
            if self.scale_top
            else nice_top(max(values, default=0))
        )
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        small_metrics = QFontMetricsF(small)
        # Grid and axis.
        painter.setFont(small)
        ticks = round(scale / step) if step else 0
        for i in range(ticks + 1):
            value = step * i
            if self.horizontal:
                x = plot.left() + plot.width() * value / scale
                painter.setPen(QPen(GRID_COLOUR if i else AXIS_COLOUR, 1))
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            else:
                y = plot.bottom() - plot.height() * value / scale
                painter.setPen(QPen(GRID_COLOUR if i else AXIS_COLOUR, 1))
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(NOTE_COLOUR)
                painter.drawText(
                    QRectF(rect.left(), y - line / 2, plot.left() - rect.left() - 4, line),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    self.tick_text(value),
                )
        # Category names.
        n = max(len(self.categories), 1)
        painter.setFont(font)
        painter.setPen(text_colour)
        for i, name in enumerate(self.categories):
            if self.horizontal:
                row = plot.height() / n
                box = QRectF(rect.left(), plot.top() + i * row, plot.left() - rect.left() - 6, row)
                shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, box.width())
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
                )
            else:
                slot = plot.width() / n
                box = QRectF(plot.left() + i * slot, plot.bottom() + 2, slot, line)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
        # Bars and their figures.
        painter.setFont(small)
        for bar, shape in zip(self._bars, layout.bars, strict=True):
            colour = self.series[bar.series].colour if self.series else BAR_COLOUR
            if bar.value > 0:
                painter.fillRect(shape, colour)
            if not bar.text:
                continue
            painter.setPen(text_colour)
            width = small_metrics.horizontalAdvance(bar.text)
            if self.horizontal:
                painter.drawText(
                    QRectF(shape.right() + 4, shape.top() - 2, width + 4, shape.height() + 4),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    bar.text,
                )
            elif width <= shape.width() + 6 and bar.value > 0:  # only where it fits
                painter.drawText(
                    QRectF(
                        shape.center().x() - width / 2 - 2,
                        shape.top() - small_metrics.height(),
                        width + 4,
                        small_metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignCenter,
                    bar.text,
                )
        if self.empty_text and not any(values):
            painter.setFont(font)
            painter.setPen(NOTE_COLOUR)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        if focus and 0 <= self.current < len(layout.hits):
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(layout.hits[self.current].adjusted(1, 1, -1, -1))

    # --- the PNG -------------------------------------------------------------------------------
    def image(self, scale: int = EXPORT_SCALE) -> QImage:
        """The chart on white, as drawn on screen but at ``scale`` times the pixels."""
        size = self.size().expandedTo(self.sizeHint())
        image = QImage(size * scale, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("white"))
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.WindowText, QColor("black"))
        painter = QPainter(image)
        try:
            margin = 12
            self.paint(
                painter,
                QRectF(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin),
                palette,
                focus=False,
            )
        finally:
            painter.end()
        return image

    def export_png(self, path: Path) -> None:
        """Write the chart to ``path`` as a PNG; nothing is left under that name on failure."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # The stubs want bytes for the format; only str works.
        if not self.image().save(buffer, "PNG"):  # type: ignore[call-overload]
            raise OSError(f"无法生成图片「{path}」")
        write_atomically(path, bytes(buffer.data().data()))

    def ask_path(self) -> Path | None:
        """The file to export to (a method, so tests answer it)."""
        name, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the chart as an image"),
            str(offered_folder() / f"{self.title}.png"),
            self.tr("PNG images (*.png)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".png" else path.with_name(path.name + ".png")

    def export(self) -> Path | None:
        path = self.ask_path()
        if path is None:
            return None
        remember_folder(path.parent)
        try:
            self.export_png(path)
        except OSError as exc:  # the message box says why in the user's language
            show_error(self, exc)
            return None
        return path

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Export image…"), self.export)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- mouse and keyboard --------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.bar_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(event.globalPos(), self._bars[index].tooltip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position())
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if index >= 0 else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.bar_at(event.position())
            if index >= 0:
                self._set_current(index, show_tip=False)
                self.open_bar(index)
                return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self._bars:
            super().keyPressEvent(event)
            return
        back = key in (Qt.Key.Key_Left, Qt.Key.Key_Up)
        if back or key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            start = self.current if self.current >= 0 else 0
            step = -1 if back else 1
            self._set_current(max(0, min(len(self._bars) - 1, start + step)))
        elif key == Qt.Key.Key_Home:
            self._set_current(0)
        elif key == Qt.Key.Key_End:
            self._set_current(len(self._bars) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_bar(max(self.current, 0))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current < 0 and self._bars:
            self.current = 0
            self._describe()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def _set_current(self, index: int, *, show_tip: bool = True) -> None:
        self.current = index
        self._describe()
        self.update()
        if show_tip and self.isVisible():
            centre = self.bar_rect(index).center()
            QToolTip.showText(
                self.mapToGlobal(QPoint(int(centre.x()), int(centre.y()))),
                self._bars[index].tooltip,
                self,
            )

    def _describe(self) -> None:
        """What a screen reader says about the chart: the bar the keyboard is on."""
        if 0 <= self.current < len(self._bars):
            self.setAccessibleDescription(self._bars[self.current].tooltip)
        else:
            self.setAccessibleDescription(self.subtitle)

    def open_bar(self, index: int) -> None:
        page, filters = self._bars[index].target
        self.activated.emit(page, dict(filters))


class DashboardCharts(QWidget):
    """The three charts of 工作台, side by side, for the year and group shown."""

    navigate = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        heading = QLabel(self.tr("Charts"))
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        outer.addWidget(heading)
        note = QLabel(
            self.tr(
                "Click a bar (or reach it with Tab and the arrow keys, then press Enter) to open "
                "its list; right-click a chart to export it as an image."
            )
        )
        note.setObjectName("listNote")
        note.setWordWrap(True)
        outer.addWidget(note)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.months = BarChart(self.tr("Consultations by month"), horizontal=False)
        self.groups = BarChart(self.tr("Solved rate by group"), horizontal=True)
        self.groups.scale_top = 1.0
        self.groups.tick_text = lambda v: f"{v:.0%}"
        self.statuses = BarChart(self.tr("Suggestions by status"), horizontal=True)
        for chart, stretch in ((self.months, 5), (self.groups, 4), (self.statuses, 3)):
            chart.activated.connect(self.navigate.emit)
            row.addWidget(chart, stretch)
        outer.addLayout(row, 1)
        self.figures: ChartFigures | None = None

    def charts(self) -> list[BarChart]:
        return [self.months, self.groups, self.statuses]

    def show_figures(self, figures: ChartFigures, scope: str) -> None:
        """Draw ``figures``; ``scope`` names the group shown (or all groups)."""
        self.figures = figures
        year = figures.year
        where: dict[str, Any] = {"year": year, "group_id": figures.group_id}
        subtitle = self.tr("{year}, {scope}").format(year=year, scope=scope)
        empty = self.tr("No records in this year.")

        hall = self.tr("Deliberation-hall sessions")
        micro = self.tr("Micro-consultations")
        month_bars = []
        for i, (month, stats) in enumerate(figures.by_month):
            for series, (kind, name, count) in enumerate(
                (
                    (ConsultationKind.HALL, hall, stats.hall_sessions),
                    (ConsultationKind.MICRO, micro, stats.micro_consultations),
                )
            ):
                month_bars.append(
                    Bar(
                        category=i,
                        series=series,
                        value=count,
                        text=str(count),
                        tooltip=self.tr("{month} {year}: {count} {what}").format(
                            month=month_name(month), year=year, count=count, what=name
                        ),
                        target=(kind.value, {**where, "month": month}),
                    )
                )
        self.months.set_bars(
            subtitle,
            [month_name(m) for m, _s in figures.by_month],
            [Series(hall, HALL_COLOUR), Series(micro, MICRO_COLOUR)],
            month_bars,
            empty_text=empty,
        )

        group_bars = []
        for i, (group, stats) in enumerate(figures.by_group):
            if stats.suggestions:
                text = f"{stats.solved_rate:.1%}"
                tip = self.tr("{group}: solved rate {rate} ({solved} of {suggestions})").format(
                    group=group.name,
                    rate=text,
                    solved=stats.solved,
                    suggestions=stats.suggestions,
                )
            else:
                text = "—"
                tip = self.tr("{group}: no suggestions in {year}").format(
                    group=group.name, year=year
                )
            group_bars.append(
                Bar(
                    category=i,
                    series=0,
                    value=stats.solved_rate,
                    text=text,
                    tooltip=tip,
                    target=("outcomes", {"year": year, "group_id": group.id}),
                )
            )
        self.groups.set_bars(
            subtitle,
            [g.name for g, _s in figures.by_group],
            [Series(self.tr("Solved rate"), BAR_COLOUR)],
            group_bars,
            empty_text=empty,
        )

        total = sum(n for _st, n in figures.by_status)
        status_bars = []
        for i, (status, count) in enumerate(figures.by_status):
            share = f"{count / total:.1%}" if total else "—"
            status_bars.append(
                Bar(
                    category=i,
                    series=0,
                    value=count,
                    text=str(count),
                    tooltip=self.tr("{status}: {count} of {total} suggestions ({share})").format(
                        status=label(status), count=count, total=total, share=share
                    ),
                    target=("outcomes", {**where, "status": OutcomeStatus(status)}),
                )
            )
        self.statuses.set_bars(
            subtitle,
            [label(st) for st, _n in figures.by_status],
            [Series(self.tr("Suggestions"), BAR_COLOUR)],
            status_bars,
            empty_text=empty,
        )
