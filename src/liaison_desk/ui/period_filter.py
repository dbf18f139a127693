"""A list narrowed to part of a year: the group comparison (各组对比) opens a list for a quarter
or a month, which the list's year filter cannot say. ``PeriodBar`` sits between a list's filter
bar and its table while the list is so narrowed, says so, and offers the whole year back.

It also carries the day "overdue" is judged on when the comparison's figure was counted for a
past period (the period's last day), so the list shows exactly the items the figure counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class PeriodBar(QFrame):
    cleared = Signal()  # the user asked for the whole year again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.held_from: date | None = None
        self.held_to: date | None = None
        self.overdue_on: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.whole_year = QPushButton(self.tr("Show the whole year"))
        self.whole_year.setObjectName("linkButton")
        self.whole_year.setFlat(True)
        self.whole_year.setCursor(Qt.CursorShape.PointingHandCursor)
        self.whole_year.clicked.connect(self._whole_year)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.whole_year)
        self.setVisible(False)

    def set_period(
        self, held_from: date | None, held_to: date | None, overdue_on: date | None = None
    ) -> None:
        """Narrow to consultations held ``held_from``–``held_to`` (None, None: no narrowing),
        overdue judged on ``overdue_on`` (None: today)."""
        self.held_from, self.held_to, self.overdue_on = held_from, held_to, overdue_on
        self._show()

    def drop_overdue_day(self) -> None:
        """The list no longer shows overdue items: the day they were judged on goes."""
        self.overdue_on = None
        self._show()

    def clear(self) -> None:
        self.set_period(None, None)

    def describe(self) -> str:
        """What the narrowing is, as the empty list names its filters ("" when none)."""
        if self.held_from is None and self.held_to is None:
            return ""
        start = self.held_from.isoformat() if self.held_from else "…"
        end = self.held_to.isoformat() if self.held_to else "…"
        return self.tr("held {start} – {end}").format(start=start, end=end)

    def _show(self) -> None:
        period = self.describe()
        parts = [self.tr("Only consultations {period}").format(period=period)] if period else []
        if self.overdue_on is not None:
            parts.append(self.tr("overdue as of {day}").format(day=self.overdue_on.isoformat()))
        self.text.setText(self.tr("; ").join(parts))
        self.setVisible(bool(parts))

    def _whole_year(self) -> None:
        self.clear()
        self.cleared.emit()
