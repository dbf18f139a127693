"""The follow-up dialogs the 问题跟踪 page and the consultation form share: the status change
asks for what goes with each status (a resolved date, a reason that 未解决 requires) and the
revisit for its date, note and satisfaction; both refuse what the rules refuse, under the
field, and return nothing when cancelled."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import OutcomeStatus, Satisfaction
from liaison_desk.ui.follow_up_dialogs import (
    Revisit,
    RevisitDialog,
    StatusChange,
    StatusChangeDialog,
    ask_revisit,
    ask_status_change,
)

TODAY = date(2024, 12, 31)


def status_dialog(qtbot: QtBot, status: OutcomeStatus | None, count: int = 3) -> StatusChangeDialog:
    dialog = StatusChangeDialog(count, TODAY, status)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_solved_defaults_to_today_and_asks_for_no_reason(qtbot: QtBot) -> None:
    dialog = status_dialog(qtbot, OutcomeStatus.SOLVED)
    assert "3" in dialog.intro.text()
    assert dialog.resolved_on.isVisible() and not dialog.reason.isVisible()
    assert dialog.resolved_on.date() == QDate(2024, 12, 31)
    assert dialog.resolved_on.maximumDate() == QDate(2024, 12, 31)  # never after today
    dialog.resolved_on.setDate(QDate(2024, 12, 20))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == StatusChange(OutcomeStatus.SOLVED, resolved_on=date(2024, 12, 20))


def test_unsolved_needs_a_reason_shown_under_the_field(qtbot: QtBot) -> None:
    dialog = status_dialog(qtbot, OutcomeStatus.UNSOLVED)
    assert dialog.reason.isVisible() and not dialog.resolved_on.isVisible()
    dialog.accept()
    assert dialog.isVisible()  # stays open
    assert "原因" in dialog.problem_text("unsolved_reason")
    dialog.reason.setPlainText("涉及规划调整")
    assert dialog.problem_text("unsolved_reason") == ""  # typing clears the message
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == StatusChange(OutcomeStatus.UNSOLVED, reason="涉及规划调整")


def test_not_adopted_takes_an_optional_reason_and_in_progress_none(qtbot: QtBot) -> None:
    dialog = status_dialog(qtbot, OutcomeStatus.NOT_ADOPTED)
    assert dialog.reason.isVisible()
    dialog.accept()
    assert dialog.value() == StatusChange(OutcomeStatus.NOT_ADOPTED)
    dialog = status_dialog(qtbot, None)  # no choice made: 办理中
    assert dialog.chosen_status() is OutcomeStatus.IN_PROGRESS
    dialog.reason.setPlainText("leftover")
    assert not dialog.reason.isVisible() and not dialog.resolved_on.isVisible()
    dialog.accept()
    assert dialog.value() == StatusChange(OutcomeStatus.IN_PROGRESS)


def test_switching_status_shows_the_fields_of_that_status(qtbot: QtBot) -> None:
    dialog = status_dialog(qtbot, OutcomeStatus.UNSOLVED, count=1)
    dialog.accept()  # a problem shown ...
    dialog.status.setCurrentIndex(dialog.status.findData(OutcomeStatus.SOLVED.value))
    assert dialog.problem_text("unsolved_reason") == ""  # ... goes with its field
    assert dialog.resolved_on.isVisible() and not dialog.reason.isVisible()


def test_a_revisit_has_a_date_a_note_and_a_satisfaction(qtbot: QtBot) -> None:
    dialog = RevisitDialog(2, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "2" in dialog.intro.text()
    assert dialog.on.date() == QDate(2024, 12, 31)
    assert dialog.on.maximumDate() == QDate(2024, 12, 31)
    labels = [dialog.satisfaction.itemText(i) for i in range(dialog.satisfaction.count())]
    assert labels[1:] == [s.label for s in Satisfaction]  # after "not rated"
    assert dialog.value().satisfaction is None  # 未评价 unless chosen
    dialog.on.setDate(QDate(2024, 12, 28))
    dialog.note.setPlainText(" 路灯已修复 ")
    dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData("mostly_satisfied"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == Revisit(
        on=date(2024, 12, 28), note="路灯已修复", satisfaction=Satisfaction.MOSTLY_SATISFIED
    )


def test_the_ask_functions_return_the_answer_or_none(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ok(dialog: QDialog) -> int:
        if isinstance(dialog, StatusChangeDialog):
            dialog.reason.setPlainText("无法解决")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StatusChangeDialog, "exec", ok)
    monkeypatch.setattr(RevisitDialog, "exec", ok)
    assert ask_status_change(None, 2, TODAY, OutcomeStatus.UNSOLVED) == StatusChange(
        OutcomeStatus.UNSOLVED, reason="无法解决"
    )
    assert ask_revisit(None, 2, TODAY) == Revisit(on=TODAY)

    def cancel(_dialog: QDialog) -> int:
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(StatusChangeDialog, "exec", cancel)
    monkeypatch.setattr(RevisitDialog, "exec", cancel)
    assert ask_status_change(None, 2, TODAY) is None
    assert ask_revisit(None, 2, TODAY) is None
