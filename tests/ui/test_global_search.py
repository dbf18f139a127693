"""Ctrl+K: one search box over every kind of record. A record is found by a piece of its text,
shown under its kind with the match highlighted, and one Enter away; arrows move, Esc closes."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpers import commit_text
from liaison_desk.domain.search import SearchHit, SearchKind
from liaison_desk.services import Services
from liaison_desk.ui.global_search import GlobalSearchDialog
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.tasks import wait_for_tasks


def open_search(qtbot: QtBot, services: Services) -> tuple[MainWindow, GlobalSearchDialog]:
    window = MainWindow(services, "测试.sqlite")
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    wait_for_tasks()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    # Ctrl let go, as a user does: otherwise Qt keeps it held for the tests that follow (a
    # list's selectRow then adds to the selection instead of replacing it).
    qtbot.keyRelease(window, Qt.Key.Key_Control)
    dialog = window.findChild(GlobalSearchDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)  # closed after the test, like the window
    return window, dialog


def search_for(qtbot: QtBot, dialog: GlobalSearchDialog, text: str) -> None:
    with qtbot.waitSignal(dialog.results_shown, timeout=10_000):
        if text.isascii():
            qtbot.keyClicks(dialog.box, text)
        else:
            commit_text(dialog.box, text)


def hits(dialog: GlobalSearchDialog) -> list[SearchHit]:
    from liaison_desk.ui.global_search import _HIT

    found = (dialog.list.item(i).data(_HIT) for i in range(dialog.list.count()))
    return [h for h in found if h is not None]


def test_a_consultation_found_by_a_substring_opens_with_enter(
    qtbot: QtBot, demo_services: Services
) -> None:
    window, dialog = open_search(qtbot, demo_services)
    search_for(qtbot, dialog, "加装电")  # a piece of "加装电梯", not a word of its own
    found = hits(dialog)
    assert found and found[0].kind is SearchKind.CONSULTATION
    assert all("加装电" in h.snippet.match for h in found)
    headings = [
        dialog.list.item(i).text()
        for i in range(dialog.list.count())
        if dialog.list.item(i).data(Qt.ItemDataRole.UserRole + 1) is None
    ]
    assert headings[0].startswith("Consultations")
    assert dialog.current_hit() == found[0]

    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    assert dialog.current_hit() == found[1]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Up)
    assert dialog.current_hit() == found[0]

    chosen = found[0]
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    wait_for_tasks()
    assert not dialog.isVisible()
    page_id = "hall" if chosen.consultation_kind == "hall" else "micro"
    page = window.pages[page_id]
    assert window.stack.currentWidget() is page
    assert page.form_shown()  # type: ignore[attr-defined]
    record = page.form.record()  # type: ignore[attr-defined]
    assert record is not None and record.id == chosen.record_id


def test_an_outcome_item_opens_its_consultation(qtbot: QtBot, demo_services: Services) -> None:
    window, dialog = open_search(qtbot, demo_services)
    search_for(qtbot, dialog, "楼道长和党员")
    items = [h for h in hits(dialog) if h.kind is SearchKind.OUTCOME_ITEM]
    assert items
    for _ in range(len(hits(dialog))):  # down to the first outcome item
        if dialog.current_hit() == items[0]:
            break
        qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Enter)
    wait_for_tasks()
    page = window.current_page()
    record = page.form.record()  # type: ignore[attr-defined]
    assert record is not None and record.id == items[0].consultation_id


def test_nothing_found_says_so_and_esc_closes(qtbot: QtBot, demo_services: Services) -> None:
    _window, dialog = open_search(qtbot, demo_services)
    search_for(qtbot, dialog, "qqxz")
    assert hits(dialog) == []
    assert "qqxz" in dialog.status.text()
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_page_search_stays_on_ctrl_f(qtbot: QtBot, demo_services: Services) -> None:
    window = MainWindow(demo_services, "测试.sqlite")
    qtbot.addWidget(window)
    window.show()
    wait_for_tasks()
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.search_everything_action.shortcut().toString() == "Ctrl+K"


def test_screenshot_of_the_search_popup(qtbot: QtBot, demo_services: Services) -> None:
    """Grabs the popup (to look at: LIAISON_DESK_SEARCH_SHOT=file.png)."""
    _window, dialog = open_search(qtbot, demo_services)
    search_for(qtbot, dialog, "电梯")
    QApplication.processEvents()
    image = dialog.grab()
    assert not image.isNull()
    target = os.environ.get("LIAISON_DESK_SEARCH_SHOT")
    if target:
        image.save(str(Path(target)))
