"""Building blocks of the consultation form: date and time fields that may stay empty, a field
with its problem shown under it, and an editable table with add / remove / move buttons.

Dates and times are typed as text (2024-03-05, 2024/3/5, 2024年3月5日; 9:00, 9点30) or picked in
a calendar; what cannot be read is reported next to the field before anything is saved.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from liaison_desk.ui.person_dialog import ProblemLabel

PROBLEM_BACKGROUND = QColor("#FBE3E1")
OVERDUE_COLOUR = QColor("#B3261E")

# --- parsing what people type ------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})\s*(?:[:：.点时]\s*(\d{1,2})?\s*分?)?$")
_COMPACT_TIME = re.compile(r"^(\d{2})(\d{2})$")


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse_date(text: str) -> date | None:
    """A date typed as 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 or 20240305; None when
    empty. ValueError when it is no date."""
    value = _plain(text)
    if not value:
        return None
    match = _DATE.match(value) or _COMPACT_DATE.match(value)
    if match is None:
        raise ValueError(value)
    year, month, day = (int(g) for g in match.groups())
    return date(year, month, day)


def parse_time(text: str) -> time | None:
    """A time of day typed as 9:00, 09:30, 9点30, 9点 or 0930; None when empty. ValueError
    when it is no time."""
    value = _plain(text)
    if not value:
        return None
    match = _COMPACT_TIME.match(value) or _TIME.match(value)
    if match is None:
        raise ValueError(value)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return time(hour, minute)


def date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def time_text(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


# --- fields ------------------------------------------------------------------------------------


class DateEdit(QWidget):
    """A date that may be left empty: typed, or picked from the calendar of the button."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.line.setClearButtonEnabled(True)
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        chars = self.line.fontMetrics().horizontalAdvance("2024-12-31") + 48
        self.line.setMinimumWidth(chars)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("Pick a date in the calendar"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
        self._menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(self._menu)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def _prepare_calendar(self) -> None:
        try:
            current = parse_date(self.line.text())
        except ValueError:
            current = None
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, picked: QDate) -> None:
        self.line.setText(date_text(date(picked.year(), picked.month(), picked.day())))
        self._menu.hide()
        self.edited.emit()

    def text(self) -> str:
        return self.line.text()

    def date(self) -> dt.date | None:
        """The date shown; ValueError when the text is no date."""
        return parse_date(self.line.text())

    def safe_date(self) -> dt.date | None:
        try:
            return self.date()
        except ValueError:
            return None

    def set_date(self, value: dt.date | None) -> None:
        self.line.setText(date_text(value))

    def setReadOnly(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.line.setClearButtonEnabled(not read_only)
        self.button.setEnabled(not read_only)


class TimeEdit(QLineEdit):
    """A time of day that may be left empty (9:00, 9点30)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("HH:MM"))
        self.setMaxLength(8)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00") + 28)
        self.editingFinished.connect(self._tidy)

    def time(self) -> dt.time | None:
        return parse_time(self.text())

    def set_time(self, value: dt.time | None) -> None:
        self.setText(time_text(value))

    def _tidy(self) -> None:
        """What was understood, in the usual form (9点30 → 09:30)."""
        try:
            value = parse_time(self.text())
        except ValueError:
            return
        if value is not None and self.text() != time_text(value):
            self.setText(time_text(value))


class FieldBox(QWidget):
    """An input with its problem shown under it in red (hidden while there is none)."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        self.problem = ProblemLabel()
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.setFocusProxy(widget)

    def show_problem(self, message: str) -> None:
        text = self.problem.text()
        self.problem.setText(f"{text}\n{message}" if text else message)
        self.problem.setVisible(True)

    def clear_problem(self) -> None:
        self.problem.clear()
        self.problem.setVisible(False)

    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisibleTo(self) else ""


def inline(*widgets: QWidget | str, stretch_last: bool = False) -> QWidget:
    """Widgets side by side in one cell of a form (a string is a small caption)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        widget = QLabel(w) if isinstance(w, str) else w
        last = i == len(widgets) - 1
        layout.addWidget(widget, 1 if (stretch_last and last) else 0)
    if not stretch_last:
        layout.addStretch(1)
    first = next((w for w in widgets if isinstance(w, QWidget)), None)
    if first is not None:
        box.setFocusProxy(first)
    return box


# --- the editable table ------------------------------------------------------------------------

TEXT, MULTILINE, CHECK, CHOICE, NUMBER, SEQ, READONLY = (
    "text",
    "multiline",
    "check",
    "choice",
    "number",
    "seq",
    "readonly",
)

ChoiceValue = Any


@dataclass
class TableColumn:
    key: str
    header: str  # translated
    kind: str = TEXT
    choices: Sequence[tuple[str, ChoiceValue]] = field(default_factory=tuple)  # label, value
    width: int = 0  # characters; 0: fit the header
    stretch: bool = False
    placeholder: str = ""
    default: Any = None  # the value of a new row


_CHOICE_ROLE = Qt.ItemDataRole.UserRole + 10  # index into the column's choices
_ROW_DATA_ROLE = Qt.ItemDataRole.UserRole + 11  # hidden values of the row (on column 0)


class _CellDelegate(QStyledItemDelegate):
    """Editors by the column's kind: a combo for choices, a spin box for numbers, a multi-line
    editor (Enter makes a new line, Tab finishes) for long text."""

    def __init__(self, table: EditableTable) -> None:
        super().__init__(table.table)
        self._owner = table

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        column = self._owner.columns[index.column()]
        if column.kind == CHOICE:
            combo = QComboBox(parent)
            for text, _value in column.choices:
                combo.addItem(text)
            return combo
        if column.kind == NUMBER:
            spin = QSpinBox(parent)
            spin.setRange(0, 100000)
            return spin
        if column.kind == MULTILINE:
            edit = QPlainTextEdit(parent)
            edit.setTabChangesFocus(True)
            return edit
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and column.placeholder:
            editor.setPlaceholderText(column.placeholder)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(int(index.data(_CHOICE_ROLE) or 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            column = self._owner.columns[index.column()]
            i = max(editor.currentIndex(), 0)
            model.setData(index, i, _CHOICE_ROLE)
            model.setData(index, column.choices[i][0], Qt.ItemDataRole.DisplayRole)
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText().strip(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class EditableTable(QWidget):
    """Rows of a record (participants, speeches, checklist steps) edited in place.

    Buttons (and keys: Insert adds, Delete removes the selected rows, Ctrl+Up / Ctrl+Down move
    a row) beside the table; ``changed`` after every edit. Rows are dicts keyed by the
    columns' keys; values the caller keeps without showing go in ``hidden`` of each row."""

    changed = Signal()

    def __init__(
        self,
        columns: Sequence[TableColumn],
        parent: QWidget | None = None,
        *,
        add_text: str = "",
        can_add: bool = True,
        can_move: bool = True,
        visible_rows: int = 4,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._read_only = False
        self._filling = False
        self._can_add = can_add
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.table.setItemDelegate(_CellDelegate(self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        row_height = self.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height() + row_height * visible_rows + 4
        )
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        char = self.fontMetrics().horizontalAdvance("中")
        stretched = False
        for i, column in enumerate(self.columns):
            if column.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
                stretched = True
            else:
                fit = self.fontMetrics().horizontalAdvance(column.header) + 24
                header.resizeSection(i, max(column.width * char + 16, fit))
        if not stretched:
            header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.problem = ProblemLabel()
        self.problem.setVisible(False)

        self.add_button = QPushButton(add_text or self.tr("&Add row"))
        self.add_button.clicked.connect(lambda _c=False: self.add_row())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected rows (Delete)"))
        self.remove_button.clicked.connect(lambda _c=False: self.remove_selected())
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.setToolTip(self.tr("Move the row up (Ctrl+Up)"))
        self.up_button.clicked.connect(lambda _c=False: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.setToolTip(self.tr("Move the row down (Ctrl+Down)"))
        self.down_button.clicked.connect(lambda _c=False: self.move_current(1))
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.extra_buttons = QHBoxLayout()  # callers add their own (e.g. "Pick from roster")
        self.extra_buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.addLayout(self.extra_buttons)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        # Only hidden, never shown, here: the buttons have no parent yet, and showing a widget
        # without one opens it as a window of its own (which takes the focus from the main
        # window when the page is built while the window is on screen).
        for button, wanted in (
            (self.add_button, can_add),
            (self.remove_button, can_add),
            (self.up_button, can_move),
            (self.down_button, can_move),
        ):
            if not wanted:
                button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(self.buttons)

        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), lambda: self.add_row()),
            (QKeySequence(Qt.Key.Key_Delete), self.remove_selected),
            (QKeySequence("Ctrl+Up"), lambda: self.move_current(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.table.installEventFilter(self)
        self._update_buttons()

    # --- rows --------------------------------------------------------------------------------
    def row_count(self) -> int:
        return self.table.rowCount()

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self._filling = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._insert(self.table.rowCount(), row)
        finally:
            self._filling = False
        self._renumber()
        self.clear_problems()
        self._update_buttons()

    def rows(self) -> list[dict[str, Any]]:
        return [self.row_values(r) for r in range(self.table.rowCount())]

    def row_values(self, row: int) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for c, column in enumerate(self.columns):
            item = self.table.item(row, c)
            if item is None:
                values[column.key] = None
            elif column.kind == CHECK:
                values[column.key] = item.checkState() == Qt.CheckState.Checked
            elif column.kind == CHOICE:
                i = int(item.data(_CHOICE_ROLE) or 0)
                values[column.key] = column.choices[i][1] if column.choices else None
            elif column.kind == NUMBER:
                values[column.key] = int(item.data(Qt.ItemDataRole.EditRole) or 0)
            elif column.kind == SEQ:
                continue
            else:
                values[column.key] = (item.text() or "").strip()
        first = self.table.item(row, 0)
        hidden = first.data(_ROW_DATA_ROLE) if first is not None else None
        values["hidden"] = dict(hidden) if isinstance(hidden, dict) else {}
        return values

    def add_row(self, values: dict[str, Any] | None = None, edit: bool = True) -> int:
        if self._read_only:
            return -1
        current = self.table.currentRow()
        row = self.table.rowCount() if values is not None or current < 0 else current + 1
        self._filling = True
        try:
            self._insert(row, values or {})
        finally:
            self._filling = False
        self._renumber()
        self.table.setCurrentCell(row, self._first_editable())
        self.table.selectRow(row)
        item = self.table.item(row, self._first_editable())
        if edit and values is None and item is not None:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.editItem(item)
        self._emit_changed()
        return row

    def remove_selected(self) -> None:
        if self._read_only or not self._can_add:
            return
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        for r in rows:
            self.table.removeRow(r)
        self._renumber()
        if self.table.rowCount():
            self.table.selectRow(min(rows[-1], self.table.rowCount() - 1))
        self._emit_changed()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if self._read_only or row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = [self.row_values(row), self.row_values(target)]
        self._filling = True
        try:
            self._write(target, values[0])
            self._write(row, values[1])
        finally:
            self._filling = False
        self._renumber()
        self.table.setCurrentCell(target, max(self.table.currentColumn(), 0))
        self.table.selectRow(target)
        self._emit_changed()

    def set_value(self, row: int, key: str, value: Any) -> None:
        """Set one cell as if typed (tests and helpers)."""
        c = self._column_index(key)
        self._set_item(row, c, self.columns[c], value)
        self._emit_changed()

    def set_hidden(self, row: int, hidden: dict[str, Any]) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            item.setData(_ROW_DATA_ROLE, dict(hidden))

    def _column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def _first_editable(self) -> int:
        return next(
            (i for i, c in enumerate(self.columns) if c.kind not in (SEQ, READONLY, CHECK)), 0
        )

    def _insert(self, row: int, values: dict[str, Any]) -> None:
        self.table.insertRow(row)
        for c in range(len(self.columns)):
            self.table.setItem(row, c, QTableWidgetItem())
        self._write(row, values)

    def _write(self, row: int, values: dict[str, Any]) -> None:
        for c, column in enumerate(self.columns):
            self._set_item(row, c, column, values.get(column.key, column.default))
        first = self.table.item(row, 0)
        if first is not None:
            first.setData(_ROW_DATA_ROLE, dict(values.get("hidden") or {}))

    def _set_item(self, row: int, c: int, column: TableColumn, value: Any) -> None:
        item = self.table.item(row, c)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, c, item)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if column.kind == CHECK:
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            item.setText("")
        elif column.kind == CHOICE:
            index = next((i for i, (_t, v) in enumerate(column.choices) if v == value), 0)
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable)
            item.setData(_CHOICE_ROLE, index)
            item.setText(column.choices[index][0] if column.choices else "")
        elif column.kind == NUMBER:
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.EditRole, int(value or 0))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif column.kind in (SEQ, READONLY):
            item.setFlags(flags)
            if column.kind == READONLY:
                item.setText("" if value is None else str(value))
            else:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        else:
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable)
            item.setText("" if value is None else str(value))
            if column.kind == MULTILINE:
                item.setToolTip(item.text())

    def _renumber(self) -> None:
        blocked = self.table.blockSignals(True)
        try:
            for c, column in enumerate(self.columns):
                if column.kind != SEQ:
                    continue
                for r in range(self.table.rowCount()):
                    item = self.table.item(r, c)
                    if item is not None:
                        item.setText(str(r + 1))
        finally:
            self.table.blockSignals(blocked)
        if any(c.kind == MULTILINE for c in self.columns):
            self.table.resizeRowsToContents()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if self.columns[item.column()].kind == MULTILINE:
            item.setToolTip(item.text())
            self.table.resizeRowToContents(item.row())
        self._clear_cell_problem(item)
        self._emit_changed()

    def _emit_changed(self) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        editable = not self._read_only
        has_row = self.table.currentRow() >= 0
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and has_row)
        row = self.table.currentRow()
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < self.table.rowCount() - 1)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for r in range(self.table.rowCount()):
            for c, column in enumerate(self.columns):
                item = self.table.item(r, c)
                if item is None or column.kind != CHECK:
                    continue
                flags = item.flags()
                if read_only:
                    flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                else:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space on a check-box cell ticks it (as in a list of check boxes)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not self._read_only
        ):
            item = self.table.currentItem()
            if item is not None and self.columns[item.column()].kind == CHECK:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                return True
        return super().eventFilter(watched, event)

    # --- problems ----------------------------------------------------------------------------
    def show_problem(self, row: int | None, key: str | None, message: str) -> None:
        text = self.problem.text()
        self.problem.setText(f"{text}\n{message}" if text else message)
        self.problem.setVisible(True)
        if row is None or not 0 <= row < self.table.rowCount():
            return
        c = self._column_index(key) if key and any(x.key == key for x in self.columns) else 0
        item = self.table.item(row, c)
        if item is not None:
            item.setBackground(QBrush(PROBLEM_BACKGROUND))
            item.setToolTip(message)

    def clear_problems(self) -> None:
        self.problem.clear()
        self.problem.setVisible(False)
        blocked = self.table.blockSignals(True)
        try:
            for r in range(self.table.rowCount()):
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    if item is not None and item.background().style() != Qt.BrushStyle.NoBrush:
                        self._clear_cell_problem(item)
        finally:
            self.table.blockSignals(blocked)

    def _clear_cell_problem(self, item: QTableWidgetItem) -> None:
        if item.background().style() == Qt.BrushStyle.NoBrush:
            return
        blocked = self.table.blockSignals(True)
        try:
            item.setBackground(QBrush())
            multiline = self.columns[item.column()].kind == MULTILINE
            item.setToolTip(item.text() if multiline else "")
        finally:
            self.table.blockSignals(blocked)

    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisibleTo(self) else ""

    def focus_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, self._first_editable())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)


def choices_of(members: Sequence[Any], label: Callable[[Any], str]) -> list[tuple[str, Any]]:
    return [(label(m), m) for m in members]
