"""Automatic backups in the window: on closing when something changed, the status bar when the
backup folder is gone, the 从备份恢复… dialog listing and restoring, the 备份 settings tab."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from liaison_desk.domain.backup_retention import BackupKind
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.services import Services
from liaison_desk.services.backups import BackupSettings
from liaison_desk.ui import messages
from liaison_desk.ui.backup_dialog import RestoreDialog
from liaison_desk.ui.main_window import MainWindow
from liaison_desk.ui.pages.settings import SettingsPage
from liaison_desk.ui.tasks import wait_for_tasks


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 20, 9, 0).astimezone()

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def backup_clock(services: Services) -> Clock:
    clock = Clock()
    services.backups.clock = clock
    return clock


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Message boxes answered with their accept button; their texts collected."""
    asked: list[str] = []

    def accept(box: QMessageBox) -> None:
        asked.append(box.text())
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
                button.click()
                return

    monkeypatch.setattr(messages, "_dialog_override", accept)
    yield asked


def record(services: Services, group: LiaisonGroup, title: str) -> None:
    c = services.consultations.new(ConsultationKind.MICRO, group.id)
    c.title, c.venue, c.held_on = title, "驿站", date(2024, 3, 1)
    services.consultations.save(c)


def titles(services: Services) -> set[str]:
    return {r.title for r in services.consultations.search(ConsultationFilter()).items}


def window_for(qtbot: QtBot, services: Services, *, automatic: bool = True) -> MainWindow:
    window = MainWindow(services, "测试.sqlite", None, automatic_backups=automatic)
    qtbot.addWidget(window)
    window.show()
    wait_for_tasks()
    return window


# --- on closing ---------------------------------------------------------------------------------


def test_closing_the_window_backs_up_when_the_data_changed(
    qtbot: QtBot, services: Services, group: LiaisonGroup, backup_clock: Clock
) -> None:
    record(services, group, "关窗前录入的记录")
    window = window_for(qtbot, services)
    assert window.auto_backup.timer.isActive()
    window.close()
    [entry] = services.backups.backups()
    assert entry.kind is BackupKind.ON_CLOSE
    assert entry.counts["consultations"] == 1

    # Opened and closed again without a change: no second backup.
    again = window_for(qtbot, services)
    again.close()
    assert len(services.backups.backups()) == 1


def test_a_window_that_is_not_the_apps_own_makes_no_backups(
    qtbot: QtBot, services: Services, group: LiaisonGroup, backup_clock: Clock
) -> None:
    window = window_for(qtbot, services, automatic=False)
    assert not window.auto_backup.timer.isActive()
    window.close()
    assert services.backups.backups() == []


def test_a_missing_backup_folder_is_said_in_the_status_bar_and_old_backups_stay(
    qtbot: QtBot,
    services: Services,
    group: LiaisonGroup,
    backup_clock: Clock,
    tmp_path: Path,
) -> None:
    usb = tmp_path / "U盘"
    (usb / "备份").mkdir(parents=True)
    services.backups.save_settings(
        BackupSettings(str(usb / "备份"), services.backups.settings().policy)
    )
    record(services, group, "第一条")
    window = window_for(qtbot, services)
    window.auto_backup.check()
    assert wait_for_tasks()
    [first] = list((usb / "备份").iterdir())
    assert "自动备份" in window.statusBar().currentMessage() or first.name in (
        window.statusBar().currentMessage()
    )
    kept = tmp_path / "留底.zip"
    shutil.copyfile(first, kept)

    record(services, group, "第二条")
    backup_clock.now += timedelta(minutes=31)
    shutil.move(usb, tmp_path / "拔下的U盘")  # the stick was pulled out
    window.auto_backup.check()
    assert wait_for_tasks()
    message = window.statusBar().currentMessage()
    assert "Automatic backup failed" in message and "找不到备份文件夹" in message
    assert str(usb / "备份") in message
    assert not usb.exists()  # not made on the computer's own disk
    moved = tmp_path / "拔下的U盘" / "备份" / first.name
    assert moved.read_bytes() == kept.read_bytes()
    window.auto_backup.stop()
    window._automatic_backups = False  # the close backup would fail the same way (a box)
    window.close()


# --- the restore dialog -------------------------------------------------------------------------


def test_the_restore_dialog_lists_the_backups_and_restores_the_chosen_one(
    qtbot: QtBot,
    services: Services,
    group: LiaisonGroup,
    backup_clock: Clock,
    answered: list[str],
) -> None:
    record(services, group, "第一条")
    services.backups.back_up_on_close()
    backup_clock.now += timedelta(minutes=40)
    record(services, group, "第二条")
    services.backups.back_up_if_due()
    record(services, group, "恢复前录入的")

    window = window_for(qtbot, services, automatic=False)
    window.show_page("micro")
    wait_for_tasks()
    dialog = RestoreDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.restored.connect(window.reload_all)
    dialog.show()
    assert wait_for_tasks()
    model = dialog.model
    assert model.rowCount() == 2
    shown = [
        [model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert shown[0][0] == "2025-03-20 09:40" and shown[0][1] == "Automatic"
    assert shown[1][0] == "2025-03-20 09:00" and shown[1][1] == "On closing"
    assert "consultations 2" in shown[0][3] and "consultations 1" in shown[1][3]
    assert shown[0][2].endswith("KB") or shown[0][2].endswith("MB")

    dialog.table.selectRow(1)  # the one made on closing, with one record
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert wait_for_tasks()
    qtbot.waitUntil(lambda: len(answered) == 2)
    confirmation, done = answered
    assert "2025-03-20 09:00" in confirmation and "backed up first" in confirmation
    assert "2025-03-20 09:00" in done
    assert titles(services) == {"第一条"}
    wait_for_tasks()
    assert window.pages["micro"].model.rowCount() == 1  # the list read the data again
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert dialog.model.row_at(0).kind is BackupKind.BEFORE_RESTORE  # type: ignore[union-attr]
    dialog.close()


def test_restoring_can_be_called_off_at_the_confirmation(
    qtbot: QtBot,
    services: Services,
    group: LiaisonGroup,
    backup_clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record(services, group, "第一条")
    services.backups.back_up_on_close()
    record(services, group, "第二条")
    asked: list[str] = []
    monkeypatch.setattr(messages, "_dialog_override", lambda box: asked.append(box.text()))
    dialog = RestoreDialog(services)
    qtbot.addWidget(dialog)
    assert wait_for_tasks()
    dialog.restore_selected()
    assert len(asked) == 1  # closed with Escape: Cancel
    assert titles(services) == {"第一条", "第二条"}


def test_the_dialog_is_in_the_records_menu(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_for(qtbot, services, automatic=False)
    opened: list[RestoreDialog] = []
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: opened.append(self) or 0)
    window.restore_action.trigger()
    assert len(opened) == 1
    window.close()


# --- settings -----------------------------------------------------------------------------------


def test_the_backup_folder_and_counts_are_set_on_the_settings_page(
    qtbot: QtBot, services: Services, tmp_path: Path, shown_page: object
) -> None:
    page = shown_page(SettingsPage, services)  # type: ignore[operator]
    tab = page.backup_tab
    assert tab.folder.text() == ""
    assert tab.folder.placeholderText() == str(services.backups.default_folder())
    tab.folder.setText(str(tmp_path / "U盘备份"))
    tab.counts["recent"].setValue(20)
    tab.counts["monthly"].setValue(24)
    assert page.has_unsaved_changes()
    assert page.save()
    saved = services.backups.settings()
    assert saved.folder == str(tmp_path / "U盘备份")
    assert (saved.policy.recent, saved.policy.daily, saved.policy.monthly) == (20, 7, 24)

    again = shown_page(SettingsPage, services)  # type: ignore[operator]
    assert again.backup_tab.folder.text() == str(tmp_path / "U盘备份")
    assert again.backup_tab.counts["monthly"].value() == 24


def test_a_relative_backup_folder_is_refused_under_the_field(
    qtbot: QtBot, services: Services, shown_page: object
) -> None:
    page = shown_page(SettingsPage, services)  # type: ignore[operator]
    page.backup_tab.folder.setText("备份")
    assert not page.save()
    assert not page.backup_tab.folder_problem.isHidden()
    assert "完整的位置" in page.backup_tab.folder_problem.text()
    assert services.backups.settings().folder == ""
    assert page.tabs.currentWidget() is page.sections[5].widget


def test_a_settings_file_that_cannot_be_written_is_said_in_its_own_words(
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    shown_page: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The settings file's own Chinese message (what to do) is shown, and the page stays
    unsaved; SettingsFileError is a UserFacingError now, not an OSError."""
    from liaison_desk.config import SettingsFileError

    page = shown_page(SettingsPage, services)  # type: ignore[operator]
    shown: list[BaseException] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, exc: shown.append(exc))

    def read_only(_key: str, _value: object) -> None:
        raise SettingsFileError("无法保存本机设置文件 settings.json（只读）。请检查数据文件夹")

    monkeypatch.setattr(services.backups.machine, "set", read_only)
    page.backup_tab.folder.setText(str(tmp_path / "U盘备份"))
    assert not page.backup_tab.save()
    (error,) = shown
    assert "请检查数据文件夹" in str(error)
    assert messages.error_text(error)[1] == str(error)  # its own words, not an OS error's
