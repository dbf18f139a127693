"""The background-task helper: results and errors come back on the GUI thread, Cancel stops the
work, only the newest search answer is shown, and Qt's signals don't corrupt Python objects."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from liaison_desk.progress import Cancelled
from liaison_desk.ui.tasks import (
    LatestOnly,
    TaskControl,
    run_task,
    run_with_progress,
    wait_for_tasks,
)


class _Sender(QObject):
    payload = Signal(object)


def test_signals_keep_reference_counts(qapp: object) -> None:
    """PySide6 6.12.0 dropped a reference to True on every emit(); on Python 3.11 the app then
    aborts after a few thousand signals ("deallocating True"). Guards the version pin."""
    sender = _Sender()
    received: list[object] = []
    sender.payload.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        sender.payload.emit(None)
    assert len(received) == 200
    received.clear()
    assert sys.getrefcount(True) >= before_true
    assert sys.getrefcount(None) >= before_none - 5  # small drift from unrelated frames


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    gui = threading.current_thread()
    seen: dict[str, object] = {}

    def work(control: TaskControl) -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    run_task(owner, work, done)
    assert wait_for_tasks()
    assert seen["result"] == 42
    assert seen["worker"] is not gui
    assert seen["callback"] is gui


def test_errors_reach_on_error(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    errors: list[BaseException] = []

    def work(control: TaskControl) -> None:
        raise ValueError("数据库文件被占用")

    run_task(owner, work, lambda r: None, errors.append)
    assert wait_for_tasks()
    assert [str(e) for e in errors] == ["数据库文件被占用"]


def test_results_for_a_closed_widget_are_dropped(qtbot: QtBot) -> None:
    owner = QWidget()
    got: list[int] = []
    release = threading.Event()

    def work(control: TaskControl) -> int:
        release.wait(5)
        return 1

    run_task(owner, work, got.append)
    owner.deleteLater()
    qtbot.wait(10)
    release.set()
    assert wait_for_tasks()
    assert got == []


def test_a_task_ending_after_qt_deleted_its_relay_reports_no_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window closed and the app is ending while a task still runs: Qt has deleted the
    task's relay, and emitting on it raises "Signal source has been deleted". The task's end must
    not raise in the worker (that would print a traceback, or open the crash dialog, at exit)."""
    from liaison_desk.ui import tasks

    class Gone:
        def emit(self, _value: object) -> None:
            raise RuntimeError("Signal source has been deleted")

    class GoneRelay:
        finished = failed = Gone()

    for work in (lambda _control: 1, lambda _control: 1 / 0):
        runnable = tasks._Runnable(work, GoneRelay(), None)  # type: ignore[arg-type]
        runnable.run()  # on this thread: nothing may escape


def test_latest_only_shows_the_newest_answer(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    latest = LatestOnly(owner)
    shown: list[str] = []
    stopped: list[str] = []

    def slow(text: str, delay: float):  # type: ignore[no-untyped-def]
        def work(control: TaskControl) -> str:
            end = time.monotonic() + delay
            while time.monotonic() < end:
                if control.cancelled:
                    stopped.append(text)
                    raise Cancelled
                time.sleep(0.005)
            return text

        return work

    latest.run(slow("停", 0.3), shown.append)
    latest.run(slow("停车", 0.01), shown.append)
    assert wait_for_tasks()
    assert shown == ["停车"]
    assert stopped == ["停"]
    assert not latest.busy


def test_progress_dialog_cancel_stops_the_work(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[str] = []

    def work(control: TaskControl) -> str:
        for i in range(500):
            control.progress(i, 500, f"第 {i} 条")
            time.sleep(0.005)
        return "finished"

    handle = run_with_progress(
        parent,
        "导出",
        work,
        lambda r: outcome.append(r),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    qtbot.waitUntil(lambda: bool(parent.findChildren(QProgressDialog)), timeout=2000)
    dialog = parent.findChildren(QProgressDialog)[0]
    qtbot.waitUntil(lambda: dialog.maximum() == 500, timeout=2000)
    cancel = dialog.findChildren(QPushButton)[0]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert wait_for_tasks()
    assert outcome == ["cancelled"]
    assert not handle.running if not _deleted(handle) else True


def _deleted(obj: QObject) -> bool:
    from shiboken6 import isValid

    return not isValid(obj)
