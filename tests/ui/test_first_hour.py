"""A secretary's first hour at 1366×768 on the demo year seen from 2026, driving the real
widgets: a new hall session dated today is saved and stays in the list it was made from,
the search finds it, Ctrl+S saves whatever has focus, a person added by hand is a resident,
and cancelling the unsaved-changes question leaves the navigation on the page still shown.
Then the rest of the trial: a micro session from the list's 新建 button whose status follows its
date, its print preview, a follow-up of two items at once, the ledger export, a package of a
selected case, English counts in singular and plural, and closing the window with an unsaved
edit (the question names the record; Cancel keeps the window)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
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
    from clock import FixedClock

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


def test_the_rest_of_the_first_hour_preview_follow_up_ledger_package_language_and_closing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from liaison_desk.documents.sheet_data import SheetKind
    from liaison_desk.domain.enums import CaseStatus, ConsultationStatus, OutcomeStatus
    from liaison_desk.ui import follow_up_dialogs, ledger_dialogs, messages
    from liaison_desk.ui.follow_up_dialogs import StatusChange
    from liaison_desk.ui.i18n import install_language
    from liaison_desk.ui.package_dialog import PackageDialog
    from liaison_desk.ui.print_preview import PrintPreviewDialog

    # A new micro session from the list's own 新建 button; its status follows its date.
    window.show_page("micro")
    _settle(qtbot)
    micro = window.current_page()
    micro.new_button.click()  # type: ignore[attr-defined]
    _settle(qtbot)
    form: ConsultationForm = micro.form  # type: ignore[attr-defined]
    assert form.facts.status.currentData() == ConsultationStatus.COMPLETED.value  # today
    form.facts.held_on.line.setText("2026-08-01")
    form.facts.held_on.line.textEdited.emit("2026-08-01")
    assert form.facts.status.currentData() == ConsultationStatus.PLANNED.value  # ahead
    form.facts.held_on.line.setText("2026-07-10")
    form.facts.held_on.line.textEdited.emit("2026-07-10")
    assert form.facts.status.currentData() == ConsultationStatus.COMPLETED.value
    form.facts.title.setText("第一小时微协商")
    form.facts.venue.setText("织里镇秧宝村")
    if form.facts.group.currentIndex() < 0:
        form.facts.group.setCurrentIndex(0)
    assert form.save()
    _settle(qtbot)

    # Print preview of the saved session.
    form.print_preview(SheetKind.CARD)
    _settle(qtbot)
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]
    assert previews and previews[-1].isVisible()
    for preview in previews:
        preview.close()
    form.request_leave()
    _settle(qtbot)

    # Follow-up: two items of 问题跟踪 (of 2024: the page, first opened now, opens on this
    # year, which has the session just recorded) set to 已解决 at once.
    window.show_page("outcomes", {"year": 2024})
    _settle(qtbot)
    outcomes = window.current_page()
    monkeypatch.setattr(
        follow_up_dialogs,
        "ask_status_change",
        lambda *_a, **_k: StatusChange(OutcomeStatus.SOLVED, TODAY.date()),
    )
    outcomes.table.selectRow(0)  # type: ignore[attr-defined]
    outcomes.table.selectionModel().select(  # type: ignore[attr-defined]
        outcomes.model.index(1, 0),  # type: ignore[attr-defined]
        outcomes.table.selectionModel().SelectionFlag.Select  # type: ignore[attr-defined]
        | outcomes.table.selectionModel().SelectionFlag.Rows,  # type: ignore[attr-defined]
    )
    chosen = outcomes._selected_item_ids()  # type: ignore[attr-defined]
    assert len(chosen) == 2
    held = {
        r.item.id: r.consultation_id
        for r in outcomes.model.rows()  # type: ignore[attr-defined]
        if r.item.id in chosen
    }
    outcomes.change_status()  # type: ignore[attr-defined]
    _settle(qtbot)
    for item_id, consultation_id in held.items():
        stored = window.services.consultations.get(consultation_id)
        assert stored is not None
        [item] = [i for i in stored.outcome_items if i.id == item_id]
        assert item.status is OutcomeStatus.SOLVED

    # Ledger export of the micro list, to a temporary file.
    window.show_page("micro")
    _settle(qtbot)
    ledger = tmp_path / "台账.xlsx"
    monkeypatch.setattr(ledger_dialogs, "choose_export_copy", lambda _p, _r: True)
    monkeypatch.setattr(ledger_dialogs, "choose_export_path", lambda _p, _n: ledger)
    micro.ledger_button.menu().actions()[0].trigger()  # type: ignore[attr-defined]
    _settle(qtbot)
    assert ledger.exists() and ledger.stat().st_size > 0

    # A package of a case selected by the city, to a temporary folder.
    window.show_page("cases")
    _settle(qtbot)
    cases = window.current_page()
    final = window.services.cases.in_statuses([CaseStatus.SELECTED])[0]
    row = next(i for i, c in enumerate(cases.model.rows()) if c.id == final.id)  # type: ignore[attr-defined]
    cases.table.selectRow(row)  # type: ignore[attr-defined]
    out = tmp_path / "报送"
    out.mkdir()
    results: list[object] = []

    def run_package(dialog: PackageDialog) -> None:
        dialog.folder.setText(str(out))
        dialog.update_preview()
        _settle(qtbot)
        dialog.exported.connect(results.append)
        dialog.export_button.click()
        _settle(qtbot)
        dialog.deleteLater()

    monkeypatch.setattr(cases, "exec_dialog", run_package)
    cases.export_package()  # type: ignore[attr-defined]
    assert results and [p.suffix for p in out.iterdir()] == [".zip"]

    # English and back: counts in singular and plural.
    install_language("en")
    english = MainWindow(window.services, "示例.sqlite", None, offer_drafts_on_show=False)
    qtbot.addWidget(english)
    english.resize(QSize(1366, 768))
    english.show()
    english.show_page("people")
    _settle(qtbot)
    people = english.current_page()
    assert people.count_text(1) == "1 person"  # type: ignore[attr-defined]
    assert people.count_text(2) == "2 people"  # type: ignore[attr-defined]
    english.close()
    install_language("zh_CN")

    # An unsaved edit, then the window closes: the question names the record, Cancel stays.
    window.show_page("micro")
    _settle(qtbot)
    micro.open_record_form(form.record().id)  # type: ignore[attr-defined, union-attr]
    _settle(qtbot)
    form.facts.title.setText("第一小时微协商（改）")
    asked: list[str] = []

    def cancel(box: QMessageBox) -> None:
        asked.append(box.text())
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()

    monkeypatch.setattr(messages, "_dialog_override", cancel)
    window.close()
    _settle(qtbot)
    assert window.isVisible()
    assert asked and "“第一小时微协商（改）”" in asked[0]
    form.discard_changes()
