"""Where 工作台's charts go: a band below the two lists that builds the charts (``ui/charts.py``,
imported only then) the first time it is drawn or reached with Tab. So starting the app never
loads the charts; scrolling down to them, or tabbing into them, does.

The band sits one scroll below the first screen: the page above it keeps the height it had
without the charts (``keep_first_screen``), so the figures and both lists still fit 1366×768.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from liaison_desk.services.statistics import ChartFigures
    from liaison_desk.ui.charts import DashboardCharts


class ChartSlot(QWidget):
    navigate = Signal(str, object)  # page id, filters: a bar was opened
    built = Signal()  # the charts exist now: their figures are wanted (loaded only then)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: DashboardCharts | None = None
        self._figures: tuple[ChartFigures, str] | None = None
        self._scheduled = False
        self._scroll: QScrollArea | None = None
        self._spacing = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Tab reaches the band before the charts exist; it hands the focus to the first chart.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() * 25)

    def show_figures(self, figures: ChartFigures, scope: str) -> None:
        """The figures to draw (now, or when the charts are built)."""
        self._figures = (figures, scope)
        if self.charts is not None:
            self.charts.show_figures(figures, scope)
            self._fit()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.charts is None and not self._scheduled:
            self._scheduled = True  # built after this paint, not during it
            QTimer.singleShot(0, self.build)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.build().months.setFocus(Qt.FocusReason.TabFocusReason)

    def build(self) -> DashboardCharts:
        if self.charts is None:
            from liaison_desk.ui.charts import DashboardCharts

            charts = DashboardCharts(self)
            self.charts = charts
            layout = self.layout()
            assert layout is not None
            layout.addWidget(charts)
            charts.navigate.connect(self.navigate.emit)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            QWidget.setTabOrder(self, charts.months)
            QWidget.setTabOrder(charts.months, charts.groups)
            QWidget.setTabOrder(charts.groups, charts.statuses)
            if self._figures is not None:
                charts.show_figures(*self._figures)
            charts.show()
            self._fit()
            self.built.emit()
        return self.charts

    # --- one scroll below the first screen -----------------------------------------------------
    def keep_first_screen(self, scroll: QScrollArea, spacing: int) -> None:
        """Make the page in ``scroll`` one viewport plus this band high, so what is above the
        band keeps the room it has without it (``spacing``: the layout's, above the band)."""
        self._scroll = scroll
        self._spacing = spacing
        scroll.viewport().installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        if self.charts is not None:
            self.setFixedHeight(
                max(self.height(), self.charts.minimumSizeHint().height(), self.minimumHeight())
            )
        if self._scroll is None:
            return
        body = self._scroll.widget()
        if body is not None:
            height = self._scroll.viewport().height() + self._spacing + self.height()
            body.setMinimumHeight(max(height, body.minimumSizeHint().height()))
