"""Qt's own dialogs in the Chinese UI: the file dialog's labels (which Qt's catalogue lacks and
ours supplies), its dates in the UI's locale whatever the system locale, and the standard
buttons of message boxes and button boxes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QModelIndex, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QMessageBox,
    QStyleOptionViewItem,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from liaison_desk.ui import i18n

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def test_the_file_dialog_is_chinese_down_to_its_dates(qtbot: QtBot, tmp_path: Path) -> None:
    i18n.install_language("zh_CN")
    (tmp_path / "台账.xlsx").write_bytes(b"x")
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        view = dialog.findChild(QTreeView)
        model = view.model()
        assert isinstance(model, QFileSystemModel)
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)
        index = model.index(0, 3, view.rootIndex())
        option = QStyleOptionViewItem()
        view.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
        seen["date"] = option.text  # type: ignore[attr-defined]
        seen["modified"] = model.lastModified(QModelIndex(index))
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.reject()

    QTimer.singleShot(0, look)
    QFileDialog.getOpenFileName(None, "选择台账", str(tmp_path), "Excel 表格 (*.xlsx)")
    modified = seen["modified"]
    assert isinstance(modified, QDateTime)
    assert seen["date"] == CHINESE.toString(modified, QLocale.FormatType.ShortFormat)
    labels = seen["labels"]
    assert isinstance(labels, list)
    assert any("查找范围" in t for t in labels) and any("文件类型" in t for t in labels), labels


def test_standard_buttons_are_chinese(qtbot: QtBot) -> None:
    i18n.install_language("zh_CN")
    ask = QMessageBox()
    ask.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Close
    )
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Apply
    )
    texts = [b.text() for b in ask.buttons()] + [b.text() for b in box.buttons()]
    assert all(not t.replace("&", "").isascii() for t in texts), texts
