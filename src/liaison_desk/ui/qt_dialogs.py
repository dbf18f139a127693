"""Qt's own file dialog, in the language of the UI: its detail view writes the modification date
with the system's locale (QFileSystemModel asks QLocale.system(), not the default locale the UI
sets), which on a machine with LANG=C or an English system gives "7 12 2026" beside Chinese
buttons. Each file dialog that opens gets a date column drawn with the UI's locale instead.

The file dialogs are opened with QFileDialog's static functions, which build the dialog inside
Qt; they are caught as their window gets focus (a signal that fires once per window shown).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

_DATE_COLUMN = 3  # QFileSystemModel: name, size, type, date modified


class _LocalDates(QStyledItemDelegate):
    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if index.column() == _DATE_COLUMN and isinstance(model, QFileSystemModel):
            source = (
                index
                if isinstance(index, QModelIndex)
                else model.index(index.row(), _DATE_COLUMN, index.parent())
            )
            modified = model.lastModified(source)
            option.text = QLocale().toString(modified, QLocale.FormatType.ShortFormat)


def localise(dialog: QFileDialog) -> None:
    """Dates in ``dialog``'s detail view in the UI's locale (once per dialog)."""
    for view in dialog.findChildren(QTreeView):
        if not isinstance(view.itemDelegateForColumn(_DATE_COLUMN), _LocalDates):
            view.setItemDelegateForColumn(_DATE_COLUMN, _LocalDates(view))


class _Watcher(QObject):
    def window_focused(self, window: QWindow | None) -> None:
        if window is None:
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.windowHandle() is window:
                localise(widget)


_watcher: _Watcher | None = None


def follow_ui_locale(app: QGuiApplication) -> None:
    """From now on every file dialog of ``app`` shows dates in the UI's locale."""
    global _watcher
    if _watcher is None:
        _watcher = _Watcher(app)
        app.focusWindowChanged.connect(_watcher.window_focused)
