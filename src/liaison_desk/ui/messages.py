"""Message boxes for problems the user can act on, questions and notices.

``show_error(parent, exc)`` is for *expected* errors: every ``UserFacingError``
(liaison_desk/errors.py — a rule broken, a locked or meanwhile-changed record, a database or file
problem, a refused file, …) and an operating-system error (OSError). Their messages from the
lower layers are Chinese and say what to do; the English UI shows an error's English text where
it has one. Anything else is a bug: ``show_error`` raises it again so it reaches the crash hook
(``ui/crash.py``) with its traceback. So a widget may write::

    try:
        self.services.consultations.save(record)
    except Exception as exc:
        show_error(self, exc)  # bugs propagate to the crash dialog

Tests never block on a modal box: set ``_dialog_override`` (monkeypatch) to a function that
receives the ready QMessageBox instead of ``exec()`` and answers it by clicking a button
(``box.buttons()``), or not at all (= closed with Escape).
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from liaison_desk.services.errors import (
    AttachmentError,
    BackupError,
    ConflictError,
    DatabaseLockedError,
    DatabaseTooNewError,
    LockedError,
    NotADatabaseError,
    PurgeRefused,
    StorageError,
    UserFacingError,
    ValidationError,
)
from liaison_desk.ui.i18n import current_language

log = logging.getLogger(__name__)

# Replaces ``QMessageBox.exec()`` when set (tests).
_dialog_override: Callable[[QMessageBox], object] | None = None

# --- what to say -------------------------------------------------------------------------------


def is_expected_error(exc: BaseException) -> bool:
    """A problem for the user to act on (shown as a message), not a bug (crash dialog)."""
    return isinstance(exc, UserFacingError | OSError)


def error_text(exc: BaseException) -> tuple[str, str]:
    """(title, message) for an expected error. A bug (any other exception) is raised again."""
    language = current_language()
    if isinstance(exc, ValidationError):
        english = language.startswith("en") and all(p.english for p in exc.problems)
        lines = [p.english if english else p.message for p in exc.problems]
        lines = lines or [exc.message_in(language)]
        if len(lines) > 1:
            lines = [f"• {line}" for line in lines]
        return QCoreApplication.translate("Messages", "Please check the entries"), "\n".join(lines)
    if isinstance(exc, UserFacingError):
        title = next(t for cls, t in _TITLES if isinstance(exc, cls))
        return QCoreApplication.translate("Messages", title), exc.message_in(language)
    if isinstance(exc, OSError):
        return _os_error(exc)
    raise exc


# Titles by the class of the error (translated where they are shown).
_TITLES: list[tuple[type[UserFacingError], str]] = [  # most specific first
    (LockedError, str(QT_TRANSLATE_NOOP("Messages", "The record is locked"))),
    (ConflictError, str(QT_TRANSLATE_NOOP("Messages", "Changed elsewhere"))),
    (PurgeRefused, str(QT_TRANSLATE_NOOP("Messages", "Still needed"))),
    (DatabaseLockedError, str(QT_TRANSLATE_NOOP("Messages", "The database is in use"))),
    (NotADatabaseError, str(QT_TRANSLATE_NOOP("Messages", "Cannot open the database"))),
    (DatabaseTooNewError, str(QT_TRANSLATE_NOOP("Messages", "Cannot open the database"))),
    (BackupError, str(QT_TRANSLATE_NOOP("Messages", "Backup problem"))),
    (AttachmentError, str(QT_TRANSLATE_NOOP("Messages", "File problem"))),
    (StorageError, str(QT_TRANSLATE_NOOP("Messages", "Database problem"))),
    (UserFacingError, str(QT_TRANSLATE_NOOP("Messages", "Cannot continue"))),
]


# Windows reports a file open in another program (Excel, WPS) as a sharing violation.
_WINDOWS_SHARING_VIOLATIONS = {32, 33}


def _os_error(exc: OSError) -> tuple[str, str]:
    """A translated message with the path, the reason and what to do."""
    reason = _os_reason(exc)
    path = _filename(exc)
    if getattr(exc, "winerror", None) in _WINDOWS_SHARING_VIOLATIONS:
        title = QCoreApplication.translate("Messages", "File in use")
        advice = QCoreApplication.translate(
            "Messages",
            "Close the program that has the file open (for example Excel or WPS), then try again.",
        )
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        title = QCoreApplication.translate("Messages", "No permission")
        advice = QCoreApplication.translate(
            "Messages",
            "Check that the file is not marked read-only and that you may write to its folder, "
            "or choose another folder. If the folder must be used, ask your computer administrator "
            "for write permission.",
        )
    elif exc.errno == errno.ENOSPC:
        title = QCoreApplication.translate("Messages", "The disk is full")
        advice = QCoreApplication.translate(
            "Messages", "Free some space on the disk, or choose another disk, then try again."
        )
    elif exc.errno == errno.EROFS:
        title = QCoreApplication.translate("Messages", "Read-only disk")
        advice = QCoreApplication.translate(
            "Messages", "Choose a folder on another disk, then try again."
        )
    elif isinstance(exc, FileNotFoundError):
        title = QCoreApplication.translate("Messages", "File not found")
        advice = QCoreApplication.translate(
            "Messages",
            "Check that the file still exists and that the USB stick or network folder it is on "
            "is connected, then try again.",
        )
    elif exc.errno == errno.EBUSY:
        title = QCoreApplication.translate("Messages", "File in use")
        advice = QCoreApplication.translate(
            "Messages", "Close the program that uses the file, then try again."
        )
    elif exc.errno == errno.EIO:
        title = QCoreApplication.translate("Messages", "Disk error")
        advice = QCoreApplication.translate(
            "Messages",
            "The disk or USB stick may be faulty or was removed. Reconnect it and try again; if "
            "this keeps happening, copy your data elsewhere soon.",
        )
    else:
        title = QCoreApplication.translate("Messages", "File problem")
        advice = QCoreApplication.translate(
            "Messages", "Check the file and its folder, then try again."
        )
    if path:
        text = QCoreApplication.translate("Messages", "Could not use “{path}”: {reason}.").format(
            path=path, reason=reason
        )
    else:
        text = QCoreApplication.translate("Messages", "A file could not be used: {reason}.").format(
            reason=reason
        )
    return title, f"{text}\n{advice}"


def _filename(exc: OSError) -> str:
    names = [n for n in (exc.filename, exc.filename2) if isinstance(n, str | bytes) and n]
    shown = [n.decode(errors="replace") if isinstance(n, bytes) else n for n in names]
    return " → ".join(shown)


# The reasons of operating-system errors (the same table as storage.errors.os_error_text, which
# the UI layer does not import), translated where they are shown.
_OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Messages", "the file or folder does not exist"),
    errno.EACCES: QT_TRANSLATE_NOOP("Messages", "access is not permitted"),
    errno.EPERM: QT_TRANSLATE_NOOP(
        "Messages", "the operation is not permitted (the file may be read-only)"
    ),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Messages", "there is no space left on the disk"),
    errno.EROFS: QT_TRANSLATE_NOOP("Messages", "it is on a read-only disk"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Messages", "it already exists"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Messages", "part of the path is not a folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Messages", "it is a folder"),
    errno.EBUSY: QT_TRANSLATE_NOOP("Messages", "it is in use by another program"),
    errno.EIO: QT_TRANSLATE_NOOP("Messages", "the disk could not be read or written"),
}


def _os_reason(exc: OSError) -> str:
    """The reason in the user's language; the system's own text only as a fallback."""
    if getattr(exc, "winerror", None) in _WINDOWS_SHARING_VIOLATIONS:
        return QCoreApplication.translate("Messages", "it is open in another program")
    if exc.errno in _OS_REASONS:
        return QCoreApplication.translate("Messages", str(_OS_REASONS[exc.errno]))
    return exc.strerror or str(exc) or type(exc).__name__


# --- the boxes ---------------------------------------------------------------------------------


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Tell the user about an expected error (see the module's docstring); raise a bug again."""
    default_title, message = error_text(exc)
    log.warning("shown to the user: %s: %s", type(exc).__name__, message)
    box = _box(parent, QMessageBox.Icon.Warning, title or default_title, message)
    box.setDefaultButton(
        box.addButton(
            QCoreApplication.translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole
        )
    )
    _run(box)


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str | None = None) -> bool:
    """Ask before doing something; True only when ``ok_text`` (default "OK") was clicked. The
    default button (Enter) and Escape both cancel."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    ok = box.addButton(
        ok_text or QCoreApplication.translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("Messages", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return _run(box) is ok


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A notice the user only has to acknowledge."""
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.setDefaultButton(
        box.addButton(
            QCoreApplication.translate("Messages", "OK"), QMessageBox.ButtonRole.AcceptRole
        )
    )
    _run(box)


# The answers of ask_save_discard_cancel as the buttons callers that speak QMessageBox expect.
ANSWER_BUTTON = {
    "save": QMessageBox.StandardButton.Save,
    "discard": QMessageBox.StandardButton.Discard,
    "cancel": QMessageBox.StandardButton.Cancel,
}


def ask_save_discard_cancel(parent: QWidget | None, title: str, text: str) -> str:
    """ "save", "discard" or "cancel" for unsaved input (Enter saves, Escape cancels): the one
    question every form, the case editor and the window ask before input could be lost."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    save = box.addButton(QMessageBox.StandardButton.Save)
    discard = box.addButton(QMessageBox.StandardButton.Discard)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    save.setText(QCoreApplication.translate("Messages", "&Save"))
    discard.setText(QCoreApplication.translate("Messages", "&Discard"))
    cancel.setText(QCoreApplication.translate("Messages", "Cancel"))
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    clicked = _run(box)
    if clicked is save:
        return "save"
    if clicked is discard:
        return "discard"
    return "cancel"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    # Plain text: paths and user input may contain "<" and must show exactly as they are.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def _run(box: QMessageBox) -> QAbstractButton | None:
    """Show ``box`` modally and return the button clicked (None: closed without one)."""
    try:
        if _dialog_override is not None:
            _dialog_override(box)
        else:
            box.exec()
        return box.clickedButton()
    finally:
        box.deleteLater()
