"""Follow-up of outcome items (跟踪问效), for one item or several at once: change the status, and
record a revisit (回头看). The 问题跟踪 page and the consultation form both use them::

    change = ask_status_change(parent, count, today)   # StatusChange | None (cancelled)
    if change is not None:
        services.consultations.set_outcome_status(ids, change.status, change.resolved_on,
                                                  change.reason)
    visit = ask_revisit(parent, count, today)           # Revisit | None (cancelled)
    if visit is not None:
        services.consultations.record_revisits(ids, visit.on, visit.note, visit.satisfaction)

The dialogs check what the domain's rules check (a reason for 未解决, no date after today) and
show the rules' own message under the field, so what they return is accepted by the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import OutcomeItem
from liaison_desk.domain.enums import OutcomeStatus, Satisfaction
from liaison_desk.domain.rules import Problem, validate_outcome_item
from liaison_desk.ui.labels import label
from liaison_desk.ui.person_dialog import ProblemLabel


@dataclass(frozen=True)
class StatusChange:
    """The new status of the chosen items and what goes with it."""

    status: OutcomeStatus
    resolved_on: date | None = None  # 已解决: the day it was solved
    reason: str = ""  # 未解决 (required) or 不予采纳 (optional): why


@dataclass(frozen=True)
class Revisit:
    """One 回头看: when, what was found, and the residents' satisfaction (None: 未评价)."""

    on: date
    note: str = ""
    satisfaction: Satisfaction | None = None


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _date_edit(today: date) -> QDateEdit:
    edit = QDateEdit(_qdate(today))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(_qdate(today))  # the rules refuse dates after today
    return edit


class _FollowUpDialog(QDialog):
    """A small form whose problems show under their fields; OK checks before closing."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.outer = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.outer.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.outer.addLayout(self.form)
        self.problems: dict[str, ProblemLabel] = {}
        self._problem_rows: dict[str, int] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_row(self, key: str, caption: str, widget: QWidget) -> None:
        label_widget = QLabel(caption)
        label_widget.setBuddy(widget)
        widget.setObjectName(key)
        self.form.addRow(label_widget, widget)
        problem = ProblemLabel()
        problem.setObjectName(f"{key}_problem")
        self.form.addRow("", problem)
        self._problem_rows[key] = self.form.rowCount() - 1
        self.form.setRowVisible(self.form.rowCount() - 1, False)
        self.problems[key] = problem

    def finish_layout(self) -> None:
        self.outer.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 32)

    def show_problems(self, problems: list[Problem]) -> bool:
        """Each problem under its field; True when there was none."""
        for key in self.problems:
            self.clear_problem(key)
        first: QWidget | None = None
        for p in problems:
            key = p.field if p.field in self.problems else next(iter(self.problems))
            self.problems[key].setText(p.message)
            self.form.setRowVisible(self._problem_rows[key], True)
            if first is None:
                first = self.findChild(QWidget, key)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return not problems

    def problem_text(self, key: str) -> str:
        return self.problems[key].text() if self.form.isRowVisible(self._problem_rows[key]) else ""

    def clear_problem(self, key: str) -> None:
        self.problems[key].clear()
        self.form.setRowVisible(self._problem_rows[key], False)


class StatusChangeDialog(_FollowUpDialog):
    """更改状态 of ``count`` items: the status, the resolved date for 已解决 (today unless
    changed), the reason for 未解决 (required) or 不予采纳."""

    def __init__(
        self,
        count: int,
        today: date,
        status: OutcomeStatus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(self.tr("Change status"))
        if count == 1:
            self.intro.setText(self.tr("Set the status of the selected item."))
        else:
            self.intro.setText(
                self.tr("Set the status of the {count} selected items at once.").format(count=count)
            )
        self.status = QComboBox()
        for member in OutcomeStatus:
            self.status.addItem(label(member), member.value)
        self.resolved_on = _date_edit(today)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why the problem stays unsolved or was not adopted"))
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        self.add_row("status", self.tr("&Status"), self.status)
        self.add_row("resolved_on", self.tr("&Resolved on"), self.resolved_on)
        self.add_row("unsolved_reason", self.tr("Reas&on"), self.reason)
        self.finish_layout()
        self.status.setCurrentIndex(
            max(self.status.findData((status or OutcomeStatus.IN_PROGRESS).value), 0)
        )
        self.status.currentIndexChanged.connect(self._status_changed)
        self.reason.textChanged.connect(lambda: self.clear_problem("unsolved_reason"))
        self._status_changed()
        self.status.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_status(self) -> OutcomeStatus:
        return OutcomeStatus(self.status.currentData())

    def _status_changed(self, _index: int = 0) -> None:
        status = self.chosen_status()
        solved = status is OutcomeStatus.SOLVED
        with_reason = status in (OutcomeStatus.UNSOLVED, OutcomeStatus.NOT_ADOPTED)
        self.form.setRowVisible(self.resolved_on, solved)
        self.form.setRowVisible(self.reason, with_reason)
        for key in ("resolved_on", "unsolved_reason"):
            self.clear_problem(key)
        if status is OutcomeStatus.UNSOLVED:
            self.reason.setPlaceholderText(self.tr("Required: why the problem stays unsolved"))
        else:
            self.reason.setPlaceholderText(self.tr("Optional: why it was not adopted"))
        self.adjustSize()

    def value(self) -> StatusChange:
        status = self.chosen_status()
        return StatusChange(
            status=status,
            resolved_on=_pydate(self.resolved_on.date())
            if status is OutcomeStatus.SOLVED
            else None,
            reason=self.reason.toPlainText().strip()
            if status in (OutcomeStatus.UNSOLVED, OutcomeStatus.NOT_ADOPTED)
            else "",
        )

    def accept(self) -> None:
        change = self.value()
        probe = OutcomeItem(
            content="-",
            status=change.status,
            resolved_on=change.resolved_on,
            unsolved_reason=change.reason,
        )
        if self.show_problems(validate_outcome_item(probe, self.today)):
            super().accept()


class RevisitDialog(_FollowUpDialog):
    """回头看 of ``count`` items: the date (today unless changed), what was found, and the
    residents' satisfaction (未评价 when nobody was asked)."""

    def __init__(self, count: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(self.tr("Record a revisit"))
        if count == 1:
            self.intro.setText(self.tr("Record a revisit of the selected item."))
        else:
            self.intro.setText(
                self.tr("Record the same revisit for the {count} selected items.").format(
                    count=count
                )
            )
        self.on = _date_edit(today)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What was found on the revisit"))
        self.note.setMinimumHeight(self.fontMetrics().height() * 5)
        self.satisfaction = QComboBox()
        self.satisfaction.addItem(self.tr("Not rated"), None)
        for member in Satisfaction:
            self.satisfaction.addItem(label(member), member.value)
        self.add_row("revisit_on", self.tr("Revisit &date"), self.on)
        self.add_row("revisit_note", self.tr("&Note"), self.note)
        self.add_row("satisfaction", self.tr("Residents' &satisfaction"), self.satisfaction)
        self.finish_layout()
        self.on.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> Revisit:
        data = self.satisfaction.currentData()
        return Revisit(
            on=_pydate(self.on.date()),
            note=self.note.toPlainText().strip(),
            satisfaction=Satisfaction(data) if data else None,
        )

    def accept(self) -> None:
        visit = self.value()
        probe = OutcomeItem(content="-", revisit_on=visit.on)
        if self.show_problems(validate_outcome_item(probe, self.today)):
            super().accept()


def ask_status_change(
    parent: QWidget | None,
    count: int,
    today: date | None = None,
    status: OutcomeStatus | None = None,
) -> StatusChange | None:
    """Ask for the new status of ``count`` items (``status`` preselected); None when
    cancelled. ``today`` is the services' day (``services.consultations.today()``)."""
    dialog = StatusChangeDialog(count, today or date.today(), status, parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_revisit(parent: QWidget | None, count: int, today: date | None = None) -> Revisit | None:
    """Ask for a revisit of ``count`` items; None when cancelled."""
    dialog = RevisitDialog(count, today or date.today(), parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
