"""What happens on a bug: an exception nobody handled is written with its traceback to the log
file (logger ``liaison_desk.crash``) and shown in a dialog that apologises, says the saved data is
safe, and offers the details for technical support.

``install_exception_hook(log_file)`` replaces ``sys.excepthook`` (exceptions on the GUI thread,
in Qt slots and in QThreads) and ``threading.excepthook`` (Python threads); exceptions from other
threads are logged at once and shown on the GUI thread. Problems the user can act on (a locked
file, bad input) are not bugs: widgets show them with ``ui.messages.show_error``.

The hook never makes things worse: without a QApplication it only logs and writes to stderr; an
exception while the dialog is open, or the same bug again within seconds, is only logged; if the
dialog itself fails, the hook falls back to logging. Ctrl+C (KeyboardInterrupt) goes to the
previous hook.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_desk import __version__

log = logging.getLogger("liaison_desk.crash")

# The same bug within this many seconds after its dialog closed is only logged.
REPEAT_QUIET_SECONDS = 10.0

ShowDialog = Callable[[str], None]
Signature = tuple[str, ...]
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
ThreadExceptHook = Callable[[threading.ExceptHookArgs], Any]


def environment_lines(thread: str | None = None) -> list[str]:
    """Versions and time for a crash report. Kept in English on purpose: the report is read by
    whoever supports the app, whatever language the user runs it in."""
    lines = [
        f"Liaison Desk {__version__}",
        f"Time: {datetime.now().isoformat(sep=' ', timespec='seconds')}",
        f"Python: {platform.python_version()} ({platform.python_implementation()})",
        f"Qt: {qVersion()} (PySide6 {PYSIDE_VERSION})",
        f"OS: {platform.platform()}",
    ]
    if thread:
        lines.append(f"Thread: {thread}")
    return lines


def crash_details(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    thread: str | None = None,
) -> str:
    """The text shown in the crash dialog and copied for support: environment, then traceback."""
    trace = "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()
    return "\n".join([*environment_lines(thread), "", trace])


def open_url(url: QUrl) -> bool:
    """Open a folder in the system's file manager (tests replace this)."""
    return QDesktopServices.openUrl(url)


class CrashDialog(QDialog):
    """Apology, reassurance, the details (read-only, copyable) and where the log file is."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details_text = details
        self.log_file = log_file
        self.setWindowTitle(self.tr("Liaison Desk – unexpected error"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.resize(720, 520)

        heading = QLabel(self.tr("Sorry, Liaison Desk ran into an unexpected problem."))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        explanation = QLabel(
            self.tr(
                "Your saved data is safe. Changes not yet saved in a form that was open may be "
                "lost, so please check the record you were working on.\n"
                "If this happens again, copy the details below (or send the log file) to whoever "
                "looks after this program, and say what you were doing at the time."
            )
        )
        explanation.setWordWrap(True)

        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crash-details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        if log_file is not None:
            where = self.tr("The details were also written to the log file: {path}").format(
                path=str(log_file)
            )
        else:
            where = self.tr("The log file could not be written, so please copy the details.")
        self.log_label = QLabel(where)
        self.log_label.setObjectName("crash-log-file")
        self.log_label.setTextFormat(Qt.TextFormat.PlainText)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.status = QLabel("")
        self.status.setWordWrap(True)

        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.open_folder_button = QPushButton(self.tr("Open log folder"))
        self.open_folder_button.clicked.connect(self.open_log_folder)
        self.open_folder_button.setEnabled(log_file is not None)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text)
        self.status.setText(
            self.tr("Details copied. You can paste them into an e-mail or a chat message.")
        )

    def open_log_folder(self) -> None:
        if self.log_file is None:
            return
        folder = self.log_file.parent
        if not open_url(QUrl.fromLocalFile(str(folder))):
            self.status.setText(
                self.tr("The folder could not be opened. It is: {path}").format(path=str(folder))
            )


class _Relay(QObject):
    """Lives on the GUI thread: a crash reported from another thread is shown from here."""

    crashed = Signal(str, object)

    def __init__(self, show: Callable[[str, Signature], None]) -> None:
        super().__init__()
        self._show = show
        self.crashed.connect(self._on_crashed, Qt.ConnectionType.QueuedConnection)

    @Slot(str, object)
    def _on_crashed(self, details: str, signature: Signature) -> None:
        self._show(details, signature)


@dataclass
class _Hook:
    log_file: Path | None
    show_dialog: ShowDialog | None
    previous_excepthook: ExceptHook
    previous_threading_hook: ThreadExceptHook
    relay: _Relay | None = None
    presenting: bool = False
    # When each bug was last on screen (time.monotonic), so the same bug again at once is only
    # logged: a paint handler that fails on every repaint must not bring the dialog back forever.
    last_shown: dict[Signature, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- entry points ----------------------------------------------------------------------

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous_excepthook(exc_type, exc, tb)
            return
        thread = threading.current_thread()
        name = None if thread is threading.main_thread() else thread.name
        self.handle(exc_type, exc, tb, name)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit | KeyboardInterrupt):
            self.previous_threading_hook(args)  # the default ignores SystemExit quietly
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, name)

    # -- the work ----------------------------------------------------------------------------

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        thread: str | None,
    ) -> None:
        try:
            details = crash_details(exc_type, exc, tb, thread)
        except Exception:  # a broken __str__ or the like: the traceback alone will do
            details = "".join(traceback.format_exception(exc_type, exc, tb))
        # Logging reports its own failures; never let them stop the report.
        with contextlib.suppress(Exception):
            environment = environment_lines()
            log.critical(
                "unexpected error%s (%s)",
                f" in thread {thread}" if thread else "",
                "; ".join(environment[:1] + environment[2:]),
                exc_info=(exc_type, exc, tb) if exc is not None else None,
            )
        self.present(details, _signature(exc_type, tb))

    def present(self, details: str, signature: Signature) -> None:
        app = _gui_application()
        if app is None:
            self.to_stderr(details)
            return
        if QThread.currentThread() is app.thread():
            self.show(details, signature)
            return
        with self.lock:
            if self.relay is None:
                self.relay = _Relay(self.show)
                self.relay.moveToThread(app.thread())
            relay = self.relay
        relay.crashed.emit(details, signature)  # queued: shown when the GUI thread gets to it

    def show(self, details: str, signature: Signature) -> None:
        """On the GUI thread: the dialog, unless one is open or this bug was just shown."""
        if self.presenting:
            log.info("another error while the crash dialog was open; it is only logged")
            return
        last = self.last_shown.get(signature)
        if last is not None and time.monotonic() - last < REPEAT_QUIET_SECONDS:
            log.info("the same error again right after its dialog; it is only logged")
            return
        self.presenting = True
        try:
            (self.show_dialog or self.show_crash_dialog)(details)
        except BaseException:
            with contextlib.suppress(Exception):
                log.critical("the crash dialog itself failed", exc_info=True)
            self.to_stderr(details)
        finally:
            self.presenting = False
            self.last_shown[signature] = time.monotonic()

    def show_crash_dialog(self, details: str) -> None:
        dialog = CrashDialog(details, self.log_file)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def to_stderr(self, details: str) -> None:
        if sys.stderr is None:  # a windowed app without a console
            return
        if self.log_file is not None:
            where = QCoreApplication.translate(
                "CrashHook", "The details were written to the log file {path}."
            ).format(path=str(self.log_file))
        else:
            where = QCoreApplication.translate("CrashHook", "The log file could not be written.")
        heading = QCoreApplication.translate("CrashHook", "Liaison Desk: unexpected error.")
        with contextlib.suppress(Exception):
            sys.stderr.write(f"{heading} {where}\n{details}\n")
            sys.stderr.flush()


def _gui_application() -> QApplication | None:
    """The running widget application; None before it exists (or in a console-only process)."""
    app = QCoreApplication.instance()
    return app if isinstance(app, QApplication) else None


def _signature(exc_type: type[BaseException], tb: TracebackType | None) -> Signature:
    """The same bug at the same place gives the same signature."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    return (exc_type.__qualname__, *(f"{f.filename}:{f.lineno}" for f in frames))


_installed: _Hook | None = None


def install_exception_hook(log_file: Path | None, show_dialog: ShowDialog | None = None) -> None:
    """Send unhandled exceptions to the log and the crash dialog. ``log_file`` is the file
    ``setup_logging()`` returned (None when it could not be opened); ``show_dialog`` replaces
    the dialog (tests). Installing again only updates both."""
    global _installed
    if _installed is not None:
        _installed.log_file = log_file
        _installed.show_dialog = show_dialog
        return
    hook = _Hook(log_file, show_dialog, sys.excepthook, threading.excepthook)
    app = _gui_application()
    if app is not None and QThread.currentThread() is app.thread():
        hook.relay = _Relay(hook.show)
    sys.excepthook = hook.excepthook
    threading.excepthook = hook.threading_hook
    _installed = hook


def uninstall_exception_hook() -> None:
    """Put back the hooks that were there before ``install_exception_hook``."""
    global _installed
    hook = _installed
    if hook is None:
        return
    sys.excepthook = hook.previous_excepthook
    threading.excepthook = hook.previous_threading_hook
    if hook.relay is not None:
        hook.relay.deleteLater()
        hook.relay = None
    _installed = None
