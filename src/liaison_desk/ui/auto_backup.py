"""The window's automatic backups: a timer that asks the backup service every few minutes
(off the GUI thread) whether a backup is due and the data changed, and the backup when the
window closes. The service decides; this only runs it and reports what went wrong in the
status bar, without a box in the way of the work."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from liaison_desk.services import Services
from liaison_desk.services.errors import StorageError
from liaison_desk.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)

#: How often the timer asks; the service itself keeps 30 minutes between backups.
CHECK_INTERVAL_MS = 5 * 60 * 1000


class AutoBackup(QObject):
    """Owned by the main window. ``notice`` carries a message for the status bar and whether it
    must stay until the next one (a failure)."""

    notice = Signal(str, bool)
    backed_up = Signal(str)  # the new backup's path

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self._running: TaskHandle[Path | None] | None = None

    def start(self) -> None:
        # Whether backups are available (a database file, not a server) is asked at the first
        # check: asking now would load the backups' modules before the window is drawn.
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def busy(self) -> bool:
        return self._running is not None

    def check(self) -> None:
        """Back up now if due and changed (in the background); nothing when one is running."""
        if self._running is not None or not self.services.backups.available:
            return
        backups = self.services.backups
        self._running = run_task(
            self,
            backups.back_up_if_due,
            self._done,
            self._failed,
        )
        self._running.cancelled.connect(self._ended)

    def _ended(self) -> None:
        self._running = None

    def _done(self, path: Path | None) -> None:
        self._running = None
        if path is not None:
            self.backed_up.emit(str(path))
            self.notice.emit(
                QCoreApplication.translate("AutoBackup", "Backed up automatically: {file}").format(
                    file=path.name
                ),
                False,
            )

    def _failed(self, exc: BaseException) -> None:
        self._running = None
        if not isinstance(exc, StorageError | OSError):
            raise exc  # a bug: to the crash hook
        log.warning("automatic backup failed: %s", exc)
        self.notice.emit(
            QCoreApplication.translate("AutoBackup", "Automatic backup failed: {reason}").format(
                reason=str(exc)
            ),
            True,
        )

    def back_up_on_close(self, parent: QWidget | None) -> BaseException | None:
        """The backup when the window closes, when the data changed: run off the GUI thread
        while a progress dialog (with Cancel, which skips it) keeps the window painted; returns
        after it ended. The error, if it failed; None otherwise."""
        self.stop()
        loop = QEventLoop()
        while self._running is not None:  # a periodic backup still running: let it finish
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        if not self.services.backups.available:
            return None
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("AutoBackup", "Backing up"))
        dialog.setLabelText(
            QCoreApplication.translate("AutoBackup", "Backing up the data before closing…")
        )
        dialog.setCancelButtonText(QCoreApplication.translate("AutoBackup", "Skip"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setRange(0, 0)
        outcome: list[BaseException | None] = []
        backups = self.services.backups
        # No owner: the wait below must end even if the window goes away meanwhile.
        handle = run_task(None, backups.back_up_on_close)

        def progress(done: int, total: int, _message: str) -> None:
            if total > 0:
                dialog.setRange(0, total)
                dialog.setValue(min(done, total))

        handle.progress.connect(progress)
        handle.done.connect(lambda _path: outcome.append(None))
        handle.cancelled.connect(lambda: outcome.append(None))
        handle.error.disconnect()
        handle.error.connect(outcome.append)
        dialog.canceled.connect(handle.cancel)
        while not outcome:
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        dialog.close()
        dialog.deleteLater()
        error = outcome[0]
        # Cancel (skipped by the user) arrives as handle.cancelled: a cancelled backup leaves
        # nothing behind, and nothing is reported.
        if error is not None and not isinstance(error, StorageError | OSError):
            raise error
        if error is not None:
            log.warning("backup on close failed: %s", error)
        return error
