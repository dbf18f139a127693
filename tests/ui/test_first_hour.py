"""A secretary's first hour at 1366×768 on the demo year seen from 2026, driving the real
widgets: a new hall session dated today is saved and stays in the list it was made from,
the search finds it, Ctrl+S saves whatever has focus, a person added by hand is a resident,
and cancelling the unsaved-changes question leaves the navigation on the page still shown."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.services import Services
from liaison_desk.ui.consultation_form import ConsultationForm
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.tasks import wait_for_tasks

if TYPE_CHECKING:  # the clock fixture's type (conftest is not a package module)
    from conftest import FixedClock

TODAY = datetime(2026, 7, 12, 9, 0)


def _settle(qtbot: QtBot) -> None:
    for _ in range(6):
        wait_for_tasks()
        QApplication.processEvents()
    qtbot.wait(10)


@pytest.fixture
def window(qtbot: QtBot, demo_services: Services, clock: FixedClock) -> MainWindow:
    clock.set(TODAY)  # the demo holds 2024 only; the secretary works in 2026
    win = MainWindow(demo_services, "示例.sqlite", None, offer_drafts_on_show=False)
    qtbot.addWidget(win)
    win.resize(QSize(1366, 768))
    win.show()
    win.activateWindow()
    _settle(qtbot)
    return win


def test_a_new_session_of_today_stays_in_its_list_and_ctrl_s_works_from_the_navigation(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page("micro")
    _settle(qtbot)
    micro = window.current_page()
    assert micro.model.rows(), "the micro list must not open on a year without micro records"  # type: ignore[attr-defined]

    window.show_page("hall")
    _settle(qtbot)
    hall = window.current_page()
    assert hall.year_combo.currentData() == 2024  # type: ignore[attr-defined]
    assert hall.new_record()
    _settle(qtbot)
    form: ConsultationForm = hall.form  # type: ignore[attr-defined]
    assert form.facts.held_on.date() == TODAY.date()
    form.facts.title.setText("第一小时测试议题")
    form.facts.venue.setText("织里镇民生议事堂")
    if form.facts.group.currentIndex() < 0:  # the district's database: choose the group
        form.facts.group.setCurrentIndex(0)
    form.participants.people.add_button.click()
    row = form.participants.people.rows()[-1]
    assert row["category"] == ParticipantCategory.RESIDENT
    form.participants.people.set_value(0, "name", "王大妈")
    _settle(qtbot)
    assert form.has_unsaved_changes()

    # Focus in the navigation, then Ctrl+S: the form is saved all the same.
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot)
    assert not form.has_unsaved_changes()
    saved = form.record()
    assert saved is not None and saved.id is not None

    # Back to the list: the 2026 record is there, the year list offers 2026.
    form.request_leave()
    _settle(qtbot)
    ids = [r.id for r in hall.model.rows()]  # type: ignore[attr-defined]
    assert saved.id in ids
    assert hall.year_combo.findData(2026) >= 0  # type: ignore[attr-defined]
    hall.search.setText("第一小时测试")  # type: ignore[attr-defined]
    hall.reload()  # type: ignore[attr-defined]
    _settle(qtbot)
    assert [r.id for r in hall.model.rows()] == [saved.id]  # type: ignore[attr-defined]

    # Unsaved edit, another page clicked, the question cancelled: the highlight stays home.
    hall.open_record_form(saved.id)  # type: ignore[attr-defined]
    _settle(qtbot)
    form.facts.title.setText("第一小时测试议题（改）")
    monkeypatch.setattr(
        ConsultationForm, "ask_save_changes", lambda self: QMessageBox.StandardButton.Cancel
    )
    people_row = list(window.pages).index("people")
    rect = window.nav.visualItemRect(window.nav.item(people_row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _settle(qtbot)
    assert window.current_page() is hall
    assert window.nav.currentRow() == list(window.pages).index("hall")
    assert [i.row() for i in window.nav.selectedIndexes()] == [window.nav.currentRow()]
    form.discard_changes()  # the window closes without asking


def test_an_empty_list_names_the_filter_and_clears_it_in_one_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("hall")
    _settle(qtbot)
    hall = window.current_page()
    hall.search.setText("没有这样的议题")  # type: ignore[attr-defined]
    hall.reload()  # type: ignore[attr-defined]
    _settle(qtbot)
    assert hall.model.rows() == []  # type: ignore[attr-defined]
    text = hall.detail.text.toPlainText()  # type: ignore[attr-defined]
    assert "2024" in text and "没有这样的议题" in text
    hall.detail.link_clicked.emit("clear-filters")  # type: ignore[attr-defined]
    _settle(qtbot)
    assert len(hall.model.rows()) == 85  # type: ignore[attr-defined]
    assert hall.year_combo.currentData() is None  # type: ignore[attr-defined]
