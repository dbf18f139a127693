"""The main window: every page opens on an empty and on the demo database, the navigation and
shortcuts reach the pages, and the window remembers its size, position and last page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from liaison_desk.config import MachineSettings
from liaison_desk.services import Services
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.tasks import wait_for_tasks

PAGES = [
    "dashboard",
    "hall",
    "micro",
    "outcomes",
    "cases",
    "people",
    "members",
    "submissions",
    "comparison",
    "recycle_bin",
    "settings",
]


def make_window(
    qtbot: QtBot, services: Services, machine: MachineSettings | None = None
) -> MainWindow:
    window = MainWindow(services, "测试.sqlite", machine)
    qtbot.addWidget(window)
    window.show()
    wait_for_tasks()
    return window


def test_every_page_opens_on_an_empty_database(qtbot: QtBot, services: Services) -> None:
    window = make_window(qtbot, services)
    assert "测试.sqlite" in window.windowTitle()
    assert list(window.pages) == PAGES
    for row, page_id in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        wait_for_tasks()
        assert window.stack.currentWidget() is window.pages[page_id]
        assert not window.current_page().is_busy()


@pytest.mark.parametrize(
    ("page_id", "count"),
    [("hall", "85"), ("micro", "158"), ("people", "877")],
)
def test_list_pages_show_the_demo_counts_in_the_status_bar(
    qtbot: QtBot, demo_services: Services, page_id: str, count: str
) -> None:
    window = make_window(qtbot, demo_services)
    window.show_page(page_id)
    wait_for_tasks()
    assert count in window.page_status.text()
    assert window.pages[page_id].status_text() == window.page_status.text()


def test_shortcuts_for_search_refresh_settings_and_pages(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = make_window(qtbot, demo_services)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.refresh_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert not window.settings_action.shortcut().isEmpty()

    window.show_page("micro")
    wait_for_tasks()
    window.activateWindow()
    window.find_action.trigger()
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit)
    assert window.pages["micro"].isAncestorOf(focused)

    window.settings_action.trigger()
    assert window.current_page() is window.pages["settings"]

    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.pages["outcomes"]
    # Ctrl+0 is the tenth page (回收站): every page but 设置 (Ctrl+,) has a number key.
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.pages["recycle_bin"]
    qtbot.keyRelease(window, Qt.Key.Key_Control)


def test_on_its_first_start_the_window_fits_the_screen(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """No size saved yet: the window fits the screen's free area with its frame (1280×800 did
    not fit a 1366×768 laptop: its bottom was under the taskbar)."""
    machine = MachineSettings(tmp_path / "settings.json")
    window = make_window(qtbot, services, machine)
    screen = window.screen()
    room = screen.availableGeometry()  # the offscreen screen is 800×800
    assert window.width() <= room.width() and window.height() + 40 <= room.height()
    assert window.width() >= window.minimumWidth() and window.height() >= 560


def test_window_remembers_size_and_last_page(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    machine = MachineSettings(tmp_path / "settings.json")
    window = make_window(qtbot, services, machine)
    window.resize(QSize(800, 620))  # the offscreen screen is 800×800
    window.show_page("people")
    wait_for_tasks()
    window.close()

    again = make_window(qtbot, services, MachineSettings(tmp_path / "settings.json"))
    assert again.current_page() is again.pages["people"]
    assert again.size() == QSize(800, 620)


def test_pages_reload_after_another_page_changed_data(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = make_window(qtbot, demo_services)
    window.show_page("people")
    wait_for_tasks()
    before = window.page_status.text()
    person = demo_services.people.search().items[0]
    demo_services.recycle_bin.delete("person", person.id)
    window.pages["recycle_bin"].data_changed.emit()  # as the page does after a change
    window.show_page("people")
    wait_for_tasks()
    assert window.page_status.text() != before


def test_closing_with_unsaved_settings_asks_first(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, services)
    settings = window.pages["settings"]
    window.show_page("settings")
    wait_for_tasks()
    monkeypatch.setattr(type(settings), "has_unsaved_changes", lambda self: True)
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(window, "ask_about_unsaved", lambda pages: answers.pop(0))
    assert not window.close()
    assert window.isVisible()
    answers.append(QMessageBox.StandardButton.Discard)
    assert window.close()


@pytest.mark.parametrize(
    ("card", "page_id", "shown"),
    [
        ("hall", "hall", 85),
        ("micro", "micro", 158),
        ("cases_written", "cases", 6),
        ("cases_submitted", "cases", 4),
        ("cases_selected", "cases", 4),
    ],
)
def test_every_dashboard_figure_opens_a_list_with_that_many_rows(
    qtbot: QtBot, demo_services: Services, card: str, page_id: str, shown: int
) -> None:
    """Through the real signal between the pages (Qt must not turn the filters' enums into
    plain strings on the way)."""
    window = make_window(qtbot, demo_services)
    dashboard = window.pages["dashboard"]
    window.show_page("dashboard")
    wait_for_tasks()
    qtbot.mouseClick(dashboard.cards[card], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_for_tasks()
    assert window.current_page() is window.pages[page_id]
    assert window.pages[page_id].model.rowCount() == shown  # type: ignore[attr-defined]


def test_tab_leaves_a_list_table(qtbot: QtBot, demo_services: Services) -> None:
    window = make_window(qtbot, demo_services)
    window.show_page("people")
    wait_for_tasks()
    page = window.pages["people"]
    assert not page.table.tabKeyNavigation()  # type: ignore[attr-defined]


def test_only_the_page_shown_is_built_and_the_others_when_first_visited(
    qtbot: QtBot, demo_services: Services
) -> None:
    window = make_window(qtbot, demo_services)
    assert [p.objectName() for p in window.pages.built()] == ["dashboard"]
    assert list(window.pages) == PAGES  # navigation lists every page all the same
    assert window.nav.count() == len(PAGES)
    window.show_page("outcomes")
    wait_for_tasks()
    assert [p.objectName() for p in window.pages.built()] == ["dashboard", "outcomes"]
    assert window.current_page() is window.pages["outcomes"]
    assert window.page_status.text() == window.pages["outcomes"].status_text()
    # A page built while the window is on screen leaves it the active window (Ctrl+F works).
    window.activateWindow()
    window.show_page("people")
    wait_for_tasks()
    assert window.isActiveWindow()


def test_a_settings_file_that_cannot_be_written_does_not_stop_the_closing(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """config.SettingsFileError is a UserFacingError (no longer an OSError): the window still
    catches it when it saves its size on closing."""
    from liaison_desk.config import SettingsFileError

    machine = MachineSettings(tmp_path / "settings.json")
    window = make_window(qtbot, services, machine)

    def read_only(_key: str, _value: object) -> None:
        raise SettingsFileError("无法保存本机设置文件")

    monkeypatch.setattr(machine, "set", read_only)
    window.save_state()  # logged, not raised


def test_a_window_painted_before_its_database_is_open_says_while_it_is_upgraded(
    qtbot: QtBot, services: Services
) -> None:
    """At start-up the window is painted first and opens the database meanwhile; an older
    database is upgraded then (minutes for a large one), and the status bar says so."""
    import threading

    from liaison_desk.progress import Progress

    reported, go_on = threading.Event(), threading.Event()

    def open_context(progress: Progress | None) -> object:
        assert progress is not None
        progress(1, 4, "正在建立搜索索引")
        reported.set()
        go_on.wait(20)
        return services.ctx

    opening = Services.opening(open_context)  # type: ignore[arg-type]
    window = MainWindow(opening, "测试.sqlite", None, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: "正在建立搜索索引" in window.page_status.text(), timeout=10_000)
        assert "25%" in window.page_status.text()
        assert not opening.is_open
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: opening.is_open, timeout=10_000)
    assert wait_for_tasks()
    qtbot.waitUntil(lambda: window.current_page().data is not None)  # type: ignore[attr-defined]
    assert "正在建立搜索索引" not in window.page_status.text()


def test_the_last_page_shown_is_built_once_the_database_is_open_and_not_before_the_paint(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """Start-up on a window last closed on 民生议事堂: the window is painted (that page's place
    saying the database is being opened) without opening the database on the GUI thread; the
    page is built and shown when it is open."""
    import threading

    from liaison_desk.progress import Progress

    machine = MachineSettings(tmp_path / "settings.json")
    machine.set("window.last_page", "hall")
    go_on = threading.Event()
    opened_on: list[bool] = []

    def open_context(_progress: Progress | None) -> object:
        opened_on.append(threading.current_thread() is threading.main_thread())
        go_on.wait(5)
        return services.ctx

    opening = Services.opening(open_context)  # type: ignore[arg-type]
    window = MainWindow(opening, "测试.sqlite", machine, offer_drafts_on_show=False)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: bool(opened_on), timeout=5_000)
        assert opened_on == [False]  # opened off the GUI thread, after the window was painted
        assert window.current_page().objectName() == "hall"
        assert window.pages.built() == []  # 议事堂 not built yet
        assert window.nav.currentRow() == PAGES.index("hall")
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: "hall" in {p.objectName() for p in window.pages.built()})
    assert wait_for_tasks()
    assert window.current_page() is window.pages["hall"]
    assert window.nav.currentRow() == PAGES.index("hall")
    window.close()
    assert machine.get("window.last_page") == "hall"
