"""The one way the UI runs work off the GUI thread.

``run_task(owner, work, on_done, on_error)`` runs ``work(control)`` on Qt's thread pool and calls
``on_done(result)`` or ``on_error(exc)`` back on the GUI thread. ``control`` is a
``liaison_desk.progress.Progress``: the work hands it to a service as its ``progress``, and a call
raises ``Cancelled`` once the user pressed Cancel. Callbacks are delivered through a handle that is a
child of ``owner``: when the owner is gone, late results are dropped instead of reaching a
deleted widget. ``run_with_progress`` adds a progress dialog with Cancel for long work.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from liaison_desk.progress import Cancelled, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")

_ACTIVE: set[QObject] = set()  # relays of running tasks; they keep themselves alive


class TaskControl:
    """Given to the work function: progress reports and the Cancel flag. It is a
    ``liaison_desk.progress.Progress`` (``control(done, total, message)``), so the work passes
    it to a service as it is; a report after Cancel raises ``Cancelled``."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise ``Cancelled`` once the user has pressed Cancel (for work between reports)."""
        if self._cancel.is_set():
            raise Cancelled

    def __call__(self, done: int, total: int, message: str = "", /) -> None:
        self.check()
        self._relay.progress.emit(done, total, message)

    progress = __call__


if TYPE_CHECKING:

    def _a_control_is_a_progress(control: TaskControl) -> Progress:
        """Checked by mypy: the UI hands its control to services as their ``Progress``."""
        return control


class _Relay(QObject):
    """Lives in the GUI thread, has no parent (the runnable keeps it alive); emitted from the
    worker, so its signals arrive queued on the GUI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        _ACTIVE.add(self)

    def watch_end(self) -> None:
        # Connected last, to a method of this GUI-thread object: runs queued on the GUI thread
        # after the handle's slots, and still runs when the owner (and the handle) are gone.
        self.finished.connect(self._ended)
        self.failed.connect(self._ended)

    def _ended(self, _result: object) -> None:
        _ACTIVE.discard(self)


class TaskHandle(QObject, Generic[T]):
    """A running task, owned by the widget that started it."""

    progress = Signal(int, int, str)
    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()

    def __init__(self, owner: QObject | None) -> None:
        super().__init__(owner)
        self._relay = _Relay()
        self.control = TaskControl(self._relay)
        self.running = True
        self._relay.progress.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.watch_end()

    def cancel(self) -> None:
        self.control.cancel()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.running:
            self.progress.emit(done, total, message)

    def _on_finished(self, result: object) -> None:
        self.running = False
        if self.control.cancelled:
            self.cancelled.emit()
        else:
            self.done.emit(result)
        self.deleteLater()

    def _on_failed(self, exc: object) -> None:
        self.running = False
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.error.emit(exc)
        self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[TaskControl], Any], relay: _Relay, control: TaskControl):
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay
        self._control = control

    def run(self) -> None:
        try:
            result = self._work(self._control)
        except BaseException as exc:  # delivered to on_error on the GUI thread
            if not isinstance(exc, Exception):
                log.exception("background task stopped by %r", exc)
            self._deliver(self._relay.failed, exc)
        else:
            self._deliver(self._relay.finished, result)

    def _deliver(self, signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The app is closing and Qt has already deleted the relay: nobody is left to tell,
            # and a traceback (or the crash dialog) at exit would only alarm the user.
            _ACTIVE.discard(self._relay)
            log.info("a background task ended after the window closed")


def run_task(
    owner: QObject | None,
    work: Callable[[TaskControl], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> TaskHandle[T]:
    """Run ``work`` off the GUI thread; callbacks run on the GUI thread while ``owner`` lives.

    An error without ``on_error`` goes to the crash hook (sys.excepthook), as it would on the
    GUI thread."""
    handle: TaskHandle[T] = TaskHandle(owner)
    if on_done is not None:
        handle.done.connect(on_done)
    handle.error.connect(on_error if on_error is not None else _unhandled)
    if on_progress is not None:
        handle.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Runnable(work, handle._relay, handle.control))
    return handle


def _unhandled(exc: object) -> None:
    import sys

    if isinstance(exc, BaseException):
        sys.excepthook(type(exc), exc, exc.__traceback__)


class LatestOnly(QObject):
    """Runs queries where only the newest answer matters (a search box being typed in):
    an answer to an older request is dropped, and the older work is told to stop."""

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self._current: TaskHandle[Any] | None = None
        self._generation = 0

    @property
    def busy(self) -> bool:
        return self._current is not None

    def run(
        self,
        work: Callable[[TaskControl], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._current is not None:
            self._current.cancel()
        self._generation += 1
        generation = self._generation

        def done(result: T) -> None:
            if generation == self._generation:
                self._current = None
                on_done(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._current = None
                if on_error is not None:
                    on_error(exc)
                else:
                    _unhandled(exc)

        handle = run_task(self, work, done, failed)
        handle.cancelled.connect(lambda: self._forget(generation))
        self._current = handle

    def _forget(self, generation: int) -> None:
        if generation == self._generation:
            self._current = None


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[[TaskControl], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    *,
    describe: Callable[[int, int], str] | None = None,
) -> TaskHandle[T]:
    """Long work with a modal progress dialog and a Cancel button. Cancel asks the work to stop
    (it must call ``control(done, total)`` or ``control.check()`` now and then); the dialog stays
    until the work has really stopped, so nothing is half-written behind the user's back.
    ``describe(done, total)``: the label for a report that carries no message of its own (a
    count such as "Writing the ledger… (3 of 20)")."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    dialog.setCancelButtonText(QCoreApplication.translate("Tasks", "Cancel"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)

    handle = run_task(parent, work)

    def progress(done: int, total: int, message: str) -> None:
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
        if message:
            dialog.setLabelText(message)
        elif describe is not None:
            dialog.setLabelText(describe(done, total))

    def cancel() -> None:
        handle.cancel()
        dialog.setLabelText(QCoreApplication.translate("Tasks", "Stopping…"))
        dialog.setCancelButton(None)
        dialog.show()

    def finish() -> None:
        dialog.close()
        dialog.deleteLater()

    def done(result: T) -> None:
        finish()
        on_done(result)

    def failed(exc: object) -> None:
        finish()
        if on_error is not None and isinstance(exc, BaseException):
            on_error(exc)
        else:
            _unhandled(exc)

    def cancelled() -> None:
        finish()
        if on_cancelled is not None:
            on_cancelled()

    handle.progress.connect(progress)
    handle.done.connect(done)
    handle.error.disconnect()
    handle.error.connect(failed)
    handle.cancelled.connect(cancelled)
    dialog.canceled.connect(cancel)
    return handle


def tasks_running() -> int:
    return len(_ACTIVE)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Process events until no task is running (tests and the screenshot command). True when
    everything finished in time."""
    import time

    app = QCoreApplication.instance()
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        QThreadPool.globalInstance().waitForDone(20)
        if app is not None:
            app.processEvents()
        if not _ACTIVE:
            if app is not None:
                app.processEvents()
            if not _ACTIVE:
                return True
    return False
