"""Start-up: one window per database, the first-run dialog, switching language without losing
anything, and the screenshot command."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from liaison_desk.app import DesktopSession, already_open_message
from liaison_desk.cli import EXIT_OK, EXIT_PROBLEM, main
from liaison_desk.config import MachineSettings
from liaison_desk.instance_lock import InstanceLock
from liaison_desk.services import Services
from liaison_desk.ui.group_form import FirstRunDialog
from liaison_desk.ui.i18n import install_language
from liaison_desk.ui.tasks import wait_for_tasks


def test_a_second_window_on_the_same_database_is_refused(qapp: object, tmp_path: Path) -> None:
    db = tmp_path / "联络组.sqlite"
    db.write_bytes(b"")
    first = InstanceLock(db)
    assert first.acquire() is None
    holder = InstanceLock(db).acquire()
    assert holder is not None and holder.on_this_computer
    assert str(db) in already_open_message(db, holder)
    first.release()
    second = InstanceLock(db)
    assert second.acquire() is None
    second.release()


def test_first_run_asks_for_the_group_and_shows_problems_next_to_fields(
    qtbot: QtBot, services: Services
) -> None:
    assert services.settings.needs_first_run()
    dialog = FirstRunDialog(services)
    qtbot.addWidget(dialog)
    dialog.form.edits["secretary_phone"].setText("12345")
    dialog.accept()
    assert dialog.result() == 0  # still open
    assert dialog.form.problems["name"].text()
    assert dialog.form.problems["secretary_phone"].text()
    assert services.groups.all() == []

    for key, value in {
        "name": "织里镇政协委员联络组",
        "town": "织里镇",
        "secretary": "沈丽",
        "secretary_phone": "13905721234",
        "fonds_code": "J012",
        "org_code": "ZL",
    }.items():
        dialog.form.edits[key].setText(value)
    dialog.accept()
    assert dialog.result() == 1
    group = services.settings.own_group()
    assert group is not None and group.name == "织里镇政协委员联络组" and group.fonds_code == "J012"
    assert not services.settings.needs_first_run()


def test_switching_to_english_rebuilds_the_window_on_the_same_page(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    install_language("zh_CN")
    machine = MachineSettings(tmp_path / "settings.json")
    session = DesktopSession(demo_services, "示例.sqlite", machine)
    qtbot.addWidget(session.window)
    session.window.show()
    session.window.show_page("hall")
    wait_for_tasks()
    assert session.window.nav.item(0).text() == "工作台"
    try:
        session.switch_language("en")
        qtbot.addWidget(session.window)
        wait_for_tasks()
        assert session.window.nav.item(0).text() == "Dashboard"
        assert session.window.current_page() is session.window.pages["hall"]
        assert "85" in session.window.page_status.text()
    finally:
        install_language("zh_CN")


def test_screenshot_command_writes_a_png_of_the_page(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "工作台.png"
    assert (
        main(
            [
                "screenshot",
                "--db",
                str(demo_db),
                "--page",
                "工作台",
                "--out",
                str(out),
                "--size",
                "1200x800",
            ]
        )
        == EXIT_OK
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)


def test_screenshot_does_not_stop_at_the_offer_of_drafts(demo_db: Path, tmp_path: Path) -> None:
    """A draft left by a crash is offered in the window a user opens, never in one a script
    opens for a screenshot (it would wait for an answer forever)."""
    from liaison_desk.domain.enums import ConsultationKind
    from liaison_desk.services import ServiceContext, Services
    from liaison_desk.storage.database import Database
    from liaison_desk.storage.location import database_url

    db = Database.open(database_url(str(demo_db), demo_db))
    try:
        services = Services(ServiceContext(db, None))
        draft = services.consultations.new(ConsultationKind.HALL, None)
        draft.title = "没保存的协商"
        services.drafts.keep("consultation", draft, draft.title)
        assert services.drafts.pending()
    finally:
        db.close()
    out = tmp_path / "工作台.png"
    args = ["screenshot", "--db", str(demo_db), "--page", "工作台", "--out", str(out)]
    assert main(args) == EXIT_OK
    assert out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--page", "不存在的页", "--out", "x.png"], "不存在的页"),
        (["--page", "工作台", "--out", "x.jpg"], ".png"),
    ],
)
def test_screenshot_command_explains_bad_arguments(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = [str(tmp_path / a) if a.endswith(("png", "jpg")) else a for a in args]
    assert main(["screenshot", "--db", str(demo_db), *args]) == EXIT_PROBLEM
    assert message in capsys.readouterr().err


def _close_windows_soon() -> None:
    """Close the app's windows once they are shown and their database is open (a window is
    painted before its database is opened); gives up after ten seconds."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from liaison_desk.ui.main_window import MainWindow

    tries = iter(range(200))

    def close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        opening = [w for w in windows if isinstance(w, MainWindow) and not w.services.is_open]
        if (not windows or opening) and next(tries, None) is not None:
            QTimer.singleShot(50, close)
            return
        wait_for_tasks()
        QApplication.processEvents()  # what the window does once its database is open
        for w in windows:
            w.close()

    QTimer.singleShot(50, close)


@pytest.mark.parametrize("demo", [False, True])
def test_run_gui_opens_the_window_asking_for_the_group_only_on_a_new_database(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, demo_db: Path, demo: bool
) -> None:
    from liaison_desk import app as app_module
    from liaison_desk.ui.crash import uninstall_exception_hook

    asked: list[bool] = []
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: asked.append(True) or 0)
    db = demo_db if demo else tmp_path / "新建.sqlite"
    _close_windows_soon()
    try:
        assert app_module.run_gui(f"sqlite:///{db}") == 0
    finally:
        uninstall_exception_hook()
        install_language("zh_CN")
    assert db.exists()
    assert asked == ([] if demo else [True])
    # What start-up loaded is left out of the garbage collector's passes (they froze the
    # window for up to 0.1 s when a worker ran one).
    import gc

    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    # The window let go of the database: another one may open it now.
    lock = InstanceLock(db)
    assert lock.acquire() is None
    lock.release()


def test_run_gui_asks_the_first_run_questions_on_an_existing_database_without_a_profile(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A database whose first-run questions were cancelled is opened after the window is
    painted; the questions still come, once it is open."""
    from liaison_desk import app as app_module
    from liaison_desk.storage.database import Database
    from liaison_desk.ui.crash import uninstall_exception_hook

    db = tmp_path / "已有.sqlite"
    Database.open(f"sqlite:///{db}").close()
    asked: list[bool] = []
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: asked.append(True) or 0)
    _close_windows_soon()
    try:
        assert app_module.run_gui(f"sqlite:///{db}") == 0
    finally:
        uninstall_exception_hook()
        install_language("zh_CN")
    assert asked == [True]


@pytest.mark.parametrize(
    "content", [b"\x00not a database at all" * 64, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_run_gui_on_a_file_that_cannot_be_opened_says_why_and_ends(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes
) -> None:
    """The window is painted before the database is opened; when it cannot be, the window goes
    away, the message says why in Chinese, and the app ends with 1 (nothing written)."""
    from PySide6.QtWidgets import QApplication

    from liaison_desk import app as app_module
    from liaison_desk.ui.crash import uninstall_exception_hook

    db = tmp_path / "坏的.sqlite"
    db.write_bytes(content)
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda _parent, title, text: said.append((title, text))
    )
    try:
        assert app_module.run_gui(f"sqlite:///{db}") == 1
    finally:
        uninstall_exception_hook()
        install_language("zh_CN")
    wait_for_tasks()
    assert len(said) == 1
    title, text = said[0]
    assert title == "无法打开数据库"
    assert str(db) in text and "数据库" in text
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert db.read_bytes() == content
