"""Expected errors become a clear message box; bugs are not hidden behind one; questions and
notices are answered without ever blocking a test on a modal box."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from liaison_desk.documents.spreadsheet import WorkbookRefused
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.rules import ConflictError, LockedError, Problem, ValidationError
from liaison_desk.errors import UserFacingError
from liaison_desk.services import Services
from liaison_desk.services.drafts import DraftDamagedError
from liaison_desk.storage.attachments import AttachmentError
from liaison_desk.storage.database import translate_operational_error
from liaison_desk.storage.errors import (
    BackupError,
    DatabaseLockedError,
    DatabaseTooNewError,
    NotADatabaseError,
    StorageError,
)
from liaison_desk.ui import messages
from liaison_desk.ui.i18n import install_language
from liaison_desk.ui.messages import confirm, error_text, inform, is_expected_error, show_error

Answer = Callable[[QMessageBox], object]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Every box shown, answered by nobody (as if closed with Escape)."""
    shown: list[QMessageBox] = []
    monkeypatch.setattr(messages, "_dialog_override", shown.append)
    return shown


def answer_with(monkeypatch: pytest.MonkeyPatch, text: str | None) -> list[QMessageBox]:
    """Boxes are answered by clicking the button with ``text`` (None: no button)."""
    shown: list[QMessageBox] = []

    def click(box: QMessageBox) -> None:
        shown.append(box)
        if text is not None:
            [button] = [b for b in box.buttons() if b.text() == text]
            button.click()

    monkeypatch.setattr(messages, "_dialog_override", click)
    return shown


# --- error_text ------------------------------------------------------------------------------


def test_a_validation_error_shows_every_problem_on_its_own_line(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.groups.save(LiaisonGroup(name="", town=""))
    title, message = error_text(caught.value)
    assert title == "Please check the entries"
    lines = message.splitlines()
    assert lines == ["• 请填写联络组名称。", "• 请填写所在镇/街道。"]


def test_a_single_problem_is_shown_as_it_is() -> None:
    _title, message = error_text(ValidationError([Problem("title", "请填写协商议题。")]))
    assert message == "请填写协商议题。"


@pytest.mark.parametrize(
    ("exc", "title"),
    [
        (
            LockedError("织里-2024-议-012 已归档，是只读的。如需修改，请先解锁并填写原因。"),
            "The record is locked",
        ),
        (ConflictError("协商记录"), "Changed elsewhere"),
        (StorageError("数据库出错：请重试。"), "Database problem"),
        (DatabaseLockedError("数据库正被另一个程序占用。"), "The database is in use"),
        (NotADatabaseError("「x.txt」不是数据库文件。"), "Cannot open the database"),
        (DatabaseTooNewError("数据库由更新版本创建。"), "Cannot open the database"),
        (BackupError("备份文件已损坏。"), "Backup problem"),
        (AttachmentError("「a.txt」不是可识别的图片文件。"), "File problem"),
    ],
)
def test_errors_from_the_lower_layers_are_shown_as_they_are(exc: Exception, title: str) -> None:
    assert is_expected_error(exc)
    assert error_text(exc) == (title, str(exc))


def test_a_storage_error_of_a_new_kind_gets_the_title_of_its_nearest_known_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class RestoreError(BackupError):
        pass

    monkeypatch.setattr(RestoreError, "__module__", "liaison_desk.storage.backup")
    assert error_text(RestoreError("备份文件不完整。")) == ("Backup problem", "备份文件不完整。")


def test_only_the_storage_layers_own_errors_count_as_storage_errors() -> None:
    class StorageError(Exception):  # same name, somebody else's class: a bug here
        pass

    assert not is_expected_error(StorageError("x"))
    with pytest.raises(StorageError):
        error_text(StorageError("x"))


def test_a_translated_database_error_is_shown_as_it_is(tmp_path: Path) -> None:
    orig = sqlite3.OperationalError("database is locked")
    exc = translate_operational_error(OperationalError("INSERT", {}, orig), tmp_path / "库.sqlite")
    title, message = error_text(exc)
    assert title == "The database is in use"
    assert message == str(exc)
    assert "占用" in message


def test_a_permission_error_names_the_path_the_reason_and_what_to_do() -> None:
    exc = PermissionError(errno.EACCES, "Permission denied", "/共享/报送包.zip")
    title, message = error_text(exc)
    assert title == "No permission"
    assert "/共享/报送包.zip" in message
    assert "access is not permitted" in message
    assert "write" in message  # what to do
    assert "Permission denied" not in message


@pytest.mark.parametrize(
    ("exc", "title", "words"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "/u盘/案例.docx"),
            "The disk is full",
            "space",
        ),
        (
            FileNotFoundError(errno.ENOENT, "No such file", "/u盘/照片.jpg"),
            "File not found",
            "exist",
        ),
        (OSError(errno.EROFS, "Read-only file system", "/光盘/x"), "Read-only disk", "read-only"),
        (OSError(errno.EIO, "Input/output error", "/u盘/x"), "Disk error", "faulty"),
        (OSError(errno.ENAMETOOLONG, "File name too long", "/很长"), "File problem", "too long"),
    ],
)
def test_os_errors(exc: OSError, title: str, words: str) -> None:
    got_title, message = error_text(exc)
    assert got_title == title
    assert str(exc.filename) in message
    assert words in message


def test_a_file_open_in_another_program_on_windows() -> None:
    exc = PermissionError(errno.EACCES, "The process cannot access the file", r"C:\统计.xlsx")
    exc.winerror = 32  # type: ignore[attr-defined]  # a sharing violation, as Windows reports it
    title, message = error_text(exc)
    assert title == "File in use"
    assert r"C:\统计.xlsx" in message
    assert "Excel" in message


def test_an_os_error_without_a_path_and_a_rename() -> None:
    _title, message = error_text(OSError(errno.EBUSY, "Device busy"))
    assert "in use by another program" in message
    renamed = OSError(errno.EXDEV, "Invalid cross-device link", "/a/旧.zip", None, "/b/新.zip")
    _title, message = error_text(renamed)
    assert "/a/旧.zip → /b/新.zip" in message
    assert "Invalid cross-device link" in message  # no translation known: the system's text


def test_a_bug_is_not_an_expected_error_and_is_raised_again(boxes: list[QMessageBox]) -> None:
    bug = KeyError("no such column")
    assert not is_expected_error(bug)
    with pytest.raises(KeyError) as caught:
        error_text(bug)
    assert caught.value is bug
    with pytest.raises(KeyError) as caught:
        show_error(None, bug)
    assert caught.value is bug
    assert boxes == []  # no message box hides a bug


def test_every_user_facing_error_is_shown_without_a_list_to_keep() -> None:
    """A new kind of error the user should read needs no registration anywhere: deriving it
    from UserFacingError is enough for the window to show it instead of the crash dialog."""

    class ReportRefused(UserFacingError):
        pass

    for exc in (
        ReportRefused("这份报表不能生成：请先选择年度。"),
        WorkbookRefused("「台账.xlsx」不是 Excel 工作簿。请用 Excel 或 WPS 另存为 .xlsx 后重试。"),
        DraftDamagedError("草稿文件已损坏，无法恢复。"),
    ):
        assert is_expected_error(exc)
        assert error_text(exc) == ("Cannot continue", str(exc))


def test_the_english_ui_shows_the_english_text_of_a_conflict(qapp: QApplication) -> None:
    exc = ConflictError("协商记录")
    assert error_text(exc) == ("Changed elsewhere", str(exc))  # Chinese by default
    assert "已被另一处修改" in str(exc)
    install_language("en")
    title, message = error_text(exc)
    assert title == "Changed elsewhere"
    assert message.startswith("This record was changed elsewhere")
    assert "已被另一处修改" not in message


def test_the_english_ui_shows_chinese_where_no_english_text_exists(qapp: QApplication) -> None:
    install_language("en")
    assert error_text(StorageError("数据库出错：请重试。"))[1] == "数据库出错：请重试。"
    half = ValidationError(
        [
            Problem("group_id", "请选择联络组。", "Choose a liaison group."),
            Problem("venue", "请填写地点。"),
        ]
    )
    assert error_text(half)[1] == "• 请选择联络组。\n• 请填写地点。"  # one language, not two
    both = ValidationError(
        [
            Problem("group_id", "请选择联络组。", "Choose a liaison group."),
            Problem("held_on", "请填写协商日期。", "Enter the date of the consultation."),
        ]
    )
    assert error_text(both)[1] == "• Choose a liaison group.\n• Enter the date of the consultation."


@pytest.mark.parametrize(
    ("sqlite_text", "english"),
    [
        ("database is locked", "is busy"),
        ("attempt to write a readonly database", "is read-only"),
        ("database or disk is full", "The disk is full"),
    ],
)
def test_the_english_ui_explains_the_common_database_errors_in_english(
    qapp: QApplication, tmp_path: Path, sqlite_text: str, english: str
) -> None:
    orig = sqlite3.OperationalError(sqlite_text)
    exc = translate_operational_error(OperationalError("INSERT", {}, orig), tmp_path / "库.sqlite")
    chinese = error_text(exc)[1]
    install_language("en")
    _title, message = error_text(exc)
    assert english in message and message != chinese
    assert str(tmp_path / "库.sqlite") in message


def test_a_locked_record_in_english(qapp: QApplication) -> None:
    from liaison_desk.domain.rules import archived_error

    exc = archived_error("织里-2024-议-012")
    assert "已归档" in error_text(exc)[1]
    install_language("en")
    assert error_text(exc) == (
        "The record is locked",
        "织里-2024-议-012 is archived and read-only. To change it, unlock it first and give a "
        "reason.",
    )


# --- the boxes -------------------------------------------------------------------------------


def test_show_error_shows_the_message_as_plain_text(
    qapp: QApplication, boxes: list[QMessageBox]
) -> None:
    exc = StorageError("无法打开「<我的文档>/库.sqlite」。")
    show_error(None, exc)
    [box] = boxes
    assert box.windowTitle() == "Database problem"
    assert box.text() == str(exc)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.icon() == QMessageBox.Icon.Warning
    assert [b.text() for b in box.buttons()] == ["OK"]


def test_show_error_with_a_title_of_its_own(qapp: QApplication, boxes: list[QMessageBox]) -> None:
    show_error(None, LockedError("已归档。"), title="Cannot delete")
    assert boxes[0].windowTitle() == "Cannot delete"
    assert boxes[0].text() == "已归档。"


def test_confirm_is_true_only_when_the_ok_button_is_clicked(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = answer_with(monkeypatch, "Delete")
    assert confirm(None, "Delete record", "Move it to the recycle bin?", "Delete") is True
    box = shown[0]
    assert box.windowTitle() == "Delete record"
    assert box.text() == "Move it to the recycle bin?"
    assert [b.text() for b in box.buttons()] == ["Delete", "Cancel"]
    assert box.defaultButton().text() == "Cancel"
    assert box.escapeButton().text() == "Cancel"

    answer_with(monkeypatch, "Cancel")
    assert confirm(None, "Delete record", "Move it to the recycle bin?", "Delete") is False
    answer_with(monkeypatch, None)  # closed with Escape or the window's close button
    assert confirm(None, "Delete record", "Move it to the recycle bin?", "Delete") is False


def test_inform(qapp: QApplication, boxes: list[QMessageBox]) -> None:
    inform(None, "Backup", "The backup was saved.")
    [box] = boxes
    assert (box.windowTitle(), box.text()) == ("Backup", "The backup was saved.")
    assert box.icon() == QMessageBox.Icon.Information


def test_a_real_modal_box_is_answered_from_a_timer(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the override the box runs modally; a test can still answer it. (If the box never
    turns up, every dialog is closed after a few seconds, so the test fails instead of hanging.)"""
    monkeypatch.setattr(messages, "_dialog_override", None)
    question = "Archive this record?"
    tries = [0]

    def answer() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and w.text() == question
        ]
        if boxes:
            [ok] = [b for b in boxes[0].buttons() if b.text() == "Archive"]
            ok.click()
        elif tries[0] < 250:
            tries[0] += 1
            QTimer.singleShot(20, answer)
        else:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    w.reject()

    QTimer.singleShot(0, answer)
    assert confirm(None, "Archive", question, "Archive") is True
