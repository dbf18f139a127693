"""A bug ends in the log file and a crash dialog, never in a silent failure or a loop of dialogs;
the log itself survives a data folder it cannot write."""

from __future__ import annotations

import faulthandler
import logging
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from liaison_desk import __version__
from liaison_desk.log import LOG_FILE_NAME, setup_logging
from liaison_desk.ui import crash
from liaison_desk.ui.crash import CrashDialog, install_exception_hook, uninstall_exception_hook


@pytest.fixture
def root_logging() -> Iterator[None]:
    """setup_logging changes the root logger; put it back after the test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    faults_enabled = faulthandler.is_enabled()
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    # setup_logging pointed faulthandler at a file closed just now: back to the console.
    if faults_enabled and sys.__stderr__ is not None:
        faulthandler.enable(file=sys.__stderr__, all_threads=True)
    else:
        faulthandler.disable()


@pytest.fixture
def log_file(root_logging: None, private_data_folder: Path) -> Path:
    path = setup_logging()
    assert path is not None
    return path


@contextmanager
def hook_installed(
    log_file: Path | None, show_dialog: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Installed and removed inside the test itself: pytest and pytest-qt swap the hooks around
    each phase, so a fixture's teardown would restore the wrong ones."""
    install_exception_hook(log_file, show_dialog)
    try:
        yield
    finally:
        uninstall_exception_hook()


def raise_and_report(message: str = "widget exploded") -> None:
    """What Python does with an exception nobody caught: hand it to sys.excepthook."""
    try:
        raise RuntimeError(message)
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


# --- logging -------------------------------------------------------------------------------------


def test_setup_logging_returns_the_file_and_is_idempotent(
    root_logging: None, private_data_folder: Path
) -> None:
    first = setup_logging()
    second = setup_logging()
    assert first == second == private_data_folder / "logs" / LOG_FILE_NAME
    ours = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len(ours) == 1
    logging.getLogger("liaison_desk.test").info("只写一次")
    assert read(first).count("只写一次") == 1


def test_setup_logging_follows_a_moved_data_folder(
    root_logging: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_logging()
    monkeypatch.setenv("LIAISON_DESK_DATA_DIR", str(tmp_path / "其他"))
    moved = setup_logging()
    assert moved == tmp_path / "其他" / "logs" / LOG_FILE_NAME
    ours = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert [h.baseFilename for h in ours] == [str(moved)]


def test_setup_logging_falls_back_to_stderr_when_the_folder_cannot_be_written(
    root_logging: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "数据"
    data.mkdir()
    (data / "logs").write_text("a file where the log folder should be", encoding="utf-8")
    monkeypatch.setenv("LIAISON_DESK_DATA_DIR", str(data))
    assert setup_logging() is None
    assert setup_logging() is None  # again: no second handler, no second warning
    logging.getLogger("liaison_desk.test").error("still reported")
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1
    assert str(data / "logs") in err
    assert err.count("still reported") == 1


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write read-only folders"
)
def test_setup_logging_in_a_read_only_data_folder(
    root_logging: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "只读"
    data.mkdir()
    data.chmod(0o555)
    try:
        monkeypatch.setenv("LIAISON_DESK_DATA_DIR", str(data))
        assert setup_logging() is None
        assert "cannot write the log file" in capsys.readouterr().err
    finally:
        data.chmod(0o755)


def test_faulthandler_is_enabled_and_pointed_at_the_log_file(
    root_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    targets: list[os.stat_result] = []
    enable = faulthandler.enable

    def record(file: Any, all_threads: bool = True) -> None:
        targets.append(os.fstat(file.fileno()))
        enable(file=file, all_threads=all_threads)

    monkeypatch.setattr(faulthandler, "enable", record)
    path = setup_logging()
    assert path is not None
    assert faulthandler.is_enabled()
    assert targets and os.path.samestat(targets[-1], os.stat(path))


def test_a_fatal_error_leaves_the_stacks_in_the_log_file_even_after_a_rollover(
    tmp_path: Path,
) -> None:
    """A crash inside Qt kills the process before any Python hook runs: only faulthandler can
    say where it happened, and it must say it in the log the user sends to support."""
    script = textwrap.dedent(
        """
        import faulthandler, logging
        from liaison_desk.log import setup_logging
        path = setup_logging()
        logging.getLogger("liaison_desk.test").info("before the crash")
        [h] = [h for h in logging.getLogger().handlers if hasattr(h, "doRollover")]
        h.doRollover()  # the log rotates: the fault must still land in the current file
        logging.getLogger("liaison_desk.test").info("after the rollover")
        faulthandler._sigsegv()
        """
    )
    env = {**os.environ, "LIAISON_DESK_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    log = (tmp_path / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8", errors="replace")
    assert "after the rollover" in log
    assert "Fatal Python error: Segmentation fault" in log
    assert "<string>" in log  # the stack of the line that crashed
    assert "Fatal Python error" not in result.stderr


# --- the hook ------------------------------------------------------------------------------------


def test_the_hook_logs_the_traceback_and_shows_the_details(
    qapp: QApplication, log_file: Path
) -> None:
    shown: list[str] = []
    with hook_installed(log_file, shown.append):
        raise_and_report("表单控件出错")
    text = read(log_file)
    assert "CRITICAL liaison_desk.crash: unexpected error" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: 表单控件出错" in text
    assert "in raise_and_report" in text
    assert len(shown) == 1
    details = shown[0]
    assert "RuntimeError: 表单控件出错" in details
    assert "Traceback (most recent call last)" in details
    for line in (f"Liaison Desk {__version__}", "Time: ", "Python: ", "Qt: ", "OS: "):
        assert line in details


def test_keyboard_interrupt_goes_to_the_previous_hook(
    qapp: QApplication, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: previous.append(t))
    shown: list[str] = []
    with hook_installed(log_file, shown.append):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    assert previous == [KeyboardInterrupt]
    assert shown == []
    assert "KeyboardInterrupt" not in read(log_file)


def test_thread_exceptions_are_logged_and_shown_on_the_gui_thread(
    qtbot: QtBot, log_file: Path
) -> None:
    shown: list[tuple[str, bool]] = []

    def show(details: str) -> None:
        shown.append((details, QThread.currentThread() is QApplication.instance().thread()))

    def work() -> None:
        raise ValueError("后台任务出错")

    with hook_installed(log_file, show):
        worker = threading.Thread(target=work, name="统计线程")
        worker.start()
        worker.join()
        assert "ValueError: 后台任务出错" in read(log_file)  # logged at once, from the thread
        assert "in thread 统计线程" in read(log_file)
        qtbot.waitUntil(lambda: bool(shown))  # shown once the GUI thread runs its events
    details, on_gui_thread = shown[0]
    assert on_gui_thread
    assert "ValueError: 后台任务出错" in details
    assert "Thread: 统计线程" in details


def test_a_failing_dialog_is_logged_and_does_not_recurse(
    qapp: QApplication, log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []

    def broken_dialog(details: str) -> None:
        calls.append(details)
        raise RuntimeError("the dialog is broken too")

    with hook_installed(log_file, broken_dialog):
        raise_and_report("first bug")  # returns normally
    assert len(calls) == 1
    text = read(log_file)
    assert "RuntimeError: first bug" in text
    assert "the crash dialog itself failed" in text
    assert "RuntimeError: the dialog is broken too" in text
    assert "RuntimeError: first bug" in capsys.readouterr().err  # the details are not lost


def test_an_error_while_the_dialog_is_open_is_only_logged(
    qapp: QApplication, log_file: Path
) -> None:
    calls: list[str] = []

    def dialog_during_which_another_slot_fails(details: str) -> None:
        calls.append(details)
        raise_and_report("second bug while the dialog is open")

    with hook_installed(log_file, dialog_during_which_another_slot_fails):
        raise_and_report("first bug")
    assert len(calls) == 1
    assert "first bug" in calls[0]
    assert "RuntimeError: second bug while the dialog is open" in read(log_file)


def test_the_same_bug_right_after_its_dialog_is_only_logged(
    qapp: QApplication, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    with hook_installed(log_file, shown.append):
        for _ in range(3):  # a paint handler failing on every repaint
            raise_and_report("paint failed")
        raise_and_report_elsewhere()
        assert len(shown) == 2
        monkeypatch.setattr(crash, "REPEAT_QUIET_SECONDS", 0.0)
        raise_and_report("paint failed")  # later on: shown again
    assert len(shown) == 3
    assert read(log_file).count("RuntimeError: paint failed") == 4


def raise_and_report_elsewhere() -> None:
    try:
        raise RuntimeError("another place")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def test_uninstall_restores_the_previous_hooks(qapp: QApplication, log_file: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    install_exception_hook(log_file, lambda details: None)
    try:
        assert (sys.excepthook, threading.excepthook) != before
        install_exception_hook(log_file)  # installing again keeps the original previous hooks
    finally:
        uninstall_exception_hook()
    assert sys.excepthook is before[0]
    assert threading.excepthook is before[1]
    uninstall_exception_hook()  # harmless when not installed


def test_the_real_dialog_is_modal_and_closes(qtbot: QtBot, log_file: Path) -> None:
    """(If the dialog never turns up, every dialog is closed after a few seconds, so the test
    fails instead of hanging.)"""
    seen: list[CrashDialog] = []
    modal: list[bool] = []
    tries = [0]

    def close_it() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CrashDialog) and w.isVisible() and "real dialog" in w.details_text
        ]
        if dialogs:
            seen.append(dialogs[0])
            modal.append(dialogs[0] is QApplication.activeModalWidget())
            dialogs[0].close_button.click()
        elif tries[0] < 250:
            tries[0] += 1
            QTimer.singleShot(20, close_it)
        else:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    w.reject()

    QTimer.singleShot(0, close_it)
    with hook_installed(log_file):
        raise_and_report("shown in the real dialog")
    assert len(seen) == 1
    assert modal == [True]
    assert "RuntimeError: shown in the real dialog" in seen[0].details.toPlainText()


def test_without_an_application_an_uncaught_error_goes_to_the_log_and_stderr(
    tmp_path: Path,
) -> None:
    """A real uncaught exception in a process that has no QApplication (yet)."""
    log = tmp_path / "logs" / "crash.log"
    log.parent.mkdir()
    script = textwrap.dedent(
        f"""
        import logging
        from pathlib import Path
        from liaison_desk.ui.crash import install_exception_hook
        logging.basicConfig(filename={str(log)!r}, encoding="utf-8")
        install_exception_hook(Path({str(log)!r}))
        raise LookupError("启动时出错")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 1
    assert "LookupError: 启动时出错" in result.stderr
    assert str(log) in result.stderr
    assert "LookupError: 启动时出错" in log.read_text(encoding="utf-8")
    assert "CRITICAL:liaison_desk.crash" in log.read_text(encoding="utf-8")


# --- the dialog ----------------------------------------------------------------------------------


def test_crash_dialog_shows_copyable_details_and_the_log_file(qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "logs" / "liaison-desk.log"
    details = crash.crash_details(ZeroDivisionError, ZeroDivisionError("除以零"), None)
    dialog = CrashDialog(details, log)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.isModal()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Sorry" in labels
    assert "saved data is safe" in labels
    assert "may be lost" in labels
    text = dialog.findChild(QPlainTextEdit, "crash-details")
    assert text is dialog.details
    assert text.isReadOnly()
    assert text.toPlainText() == details
    assert "ZeroDivisionError: 除以零" in details
    assert str(log) in dialog.log_label.text()
    assert (
        dialog.log_label.textInteractionFlags()
        & dialog.log_label.textInteractionFlags().TextSelectableByMouse
    )

    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    assert "copied" in dialog.status.text()

    dialog.close_button.click()
    assert not dialog.isVisible()


def test_open_log_folder_opens_the_folder_or_says_where_it_is(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "日志" / "liaison-desk.log"
    opened: list[QUrl] = []
    answer = [True]
    monkeypatch.setattr(crash, "open_url", lambda url: opened.append(url) or answer[0])
    dialog = CrashDialog("details", log)
    qtbot.addWidget(dialog)

    dialog.open_folder_button.click()
    assert [Path(u.toLocalFile()) for u in opened] == [log.parent]
    assert dialog.status.text() == ""

    answer[0] = False
    dialog.open_folder_button.click()
    assert str(log.parent) in dialog.status.text()


def test_crash_dialog_without_a_log_file(qtbot: QtBot) -> None:
    dialog = CrashDialog("details", None)
    qtbot.addWidget(dialog)
    assert not dialog.open_folder_button.isEnabled()
    assert "could not be written" in dialog.log_label.text()
