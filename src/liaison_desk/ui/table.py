"""One table model for every list: an explicit column list over rows of any record type.

Rows are loaded whole by the page (off the GUI thread); sorting happens here, in memory, by each
column's sort key, which is quick for the tens of thousands of rows a district has.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

from liaison_desk.domain.collation import sort_key
from liaison_desk.domain.enums import Labelled
from liaison_desk.ui.labels import label

R = TypeVar("R")

Index = QModelIndex | QPersistentModelIndex

RecordRole = Qt.ItemDataRole.UserRole + 1  # the row's record object
SortRole = Qt.ItemDataRole.UserRole + 2  # the value the column sorts by

OVERDUE_COLOUR = QColor("#B3261E")
MUTED_COLOUR = QColor("#6B6B6B")


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str
    header: str  # already translated
    value: Callable[[R], Any]
    sort_key: Callable[[R], Any] | None = None  # default: the value itself
    numeric: bool = False  # right-aligned
    width: int = 0  # a hint in characters; 0 lets the view decide
    stretch: bool = False  # takes the spare width (titles)


def display(value: Any) -> str:
    """How a cell shows a value: dates as 2024-03-05, enums by their label, empty for None."""
    if value is None:
        return ""
    if isinstance(value, Labelled):
        return label(value)
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


@lru_cache(maxsize=65536)
def _text_key(text: str) -> Any:
    # Chinese text in pinyin order (阿明, 丁博, 李四 …), numbers inside text by value (议-9 before
    # 议-10), as people look things up on paper lists: the key the database stores for names
    # (domain/collation.py), so a list sorted there and one sorted here agree.
    return sort_key(text)


def pinyin_key(text: str) -> Any:
    """The key that puts texts in the lists' order: Chinese by pinyin, numbers by value, text
    in Latin letters (ASCII) before Chinese. ``sorted(names, key=pinyin_key)``."""
    return _sortable(text)


def sortable(value: Any) -> Any:
    """The key a list sorts a cell's value by (``Column.sort_key`` or value), None first."""
    return _sortable(value)


def _sortable(value: Any) -> Any:
    # None sorts first; mixed types never raise.
    if value is None:
        return (0, 0)
    if isinstance(value, bool | int | float):
        return (1, value)
    if isinstance(value, datetime | date):
        return (2, value.isoformat())
    text = display(value)
    return (4, _text_key(text)) if not text.isascii() else (3, text)


# Rows sorted in one go at most: list.sort compares collation keys in C++ without letting the
# GUI thread have the GIL, and sorting 360k names at once froze the window for three seconds.
SORT_RUN = 4096


def sorted_in_runs(rows: Sequence[R], key: Callable[[R], Any], descending: bool) -> list[R]:
    """``sorted(rows, key=key, reverse=descending)`` (stable alike), done as sorts of
    ``SORT_RUN`` rows merged by heapq in Python, so that a worker sorting a long list hands
    the GIL back to the GUI thread every few milliseconds."""
    keys = [key(r) for r in rows]
    n = len(keys)
    runs = [
        sorted(range(i, min(i + SORT_RUN, n)), key=keys.__getitem__, reverse=descending)
        for i in range(0, n, SORT_RUN)
    ]
    if len(runs) <= 1:
        return [rows[i] for i in (runs[0] if runs else [])]
    return [rows[i] for i in heapq.merge(*runs, key=keys.__getitem__, reverse=descending)]


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: Any = None,
        *,
        warn: Callable[[R], bool] | None = None,
        muted: Callable[[R], bool] | None = None,
        tooltip: Callable[[R], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []
        self._warn = warn  # rows shown in red (overdue)
        self._muted = muted  # rows shown grey (archived, not adopted)
        self._tooltip = tooltip
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- content -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R], *, presorted: bool = False) -> None:
        """Show ``rows``; ``presorted`` when they come sorted by ``sort_in_worker`` already."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None and not presorted:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def sort_in_worker(self) -> Callable[[list[R]], list[R]]:
        """A function that sorts rows as this model would, for the thread that loads them
        (sorting 20 000 names by pinyin takes a noticeable moment)."""
        if self._sort is None:
            return lambda rows: rows
        column, order = self._sort
        col = self.columns[column]
        key = col.sort_key or col.value
        descending = order == Qt.SortOrder.DescendingOrder

        def arrange(rows: list[R]) -> list[R]:
            # In place: a page may load its rows in a list subclass that carries more.
            rows[:] = sorted_in_runs(rows, lambda r: _sortable(key(r)), descending)
            return rows

        return arrange

    def rows(self) -> list[R]:
        return list(self._rows)

    def total_rows(self) -> int:
        """Rows of the whole list (a paged model has loaded only some of them)."""
        return len(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_index(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    # --- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(column.value(record))
        if role == RecordRole:
            return record
        if role == SortRole:
            key = column.sort_key or column.value
            return key(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._warn is not None and self._warn(record):
                return QBrush(OVERDUE_COLOUR)
            if self._muted is not None and self._muted(record):
                return QBrush(MUTED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._tooltip is not None:
                return self._tooltip(record) or None
            text = display(column.value(record))
            return text if len(text) > 20 else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        col = self.columns[column]
        key = col.sort_key or col.value
        self._rows.sort(
            key=lambda r: _sortable(key(r)), reverse=order == Qt.SortOrder.DescendingOrder
        )


def record_table_view(
    model: RecordTableModel[Any],
    *,
    multi_select: bool = True,
    sortable: bool = False,
    padding: int = 16,
) -> QTableView:
    """A read-only table of ``model``'s records as every list of the app shows one: whole rows
    selected, no cell editing, Tab leaving the table instead of walking its cells, one line per
    row, and column widths in Chinese characters (``Column.width``) or stretching."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    char = view.fontMetrics().horizontalAdvance("中")
    # Never narrower than the header's title in this language, with room for the sort arrow
    # (English titles are longer than the Chinese ones the widths were chosen for).
    arrow = 20 if sortable else 0
    for i, column in enumerate(model.columns):
        if column.stretch:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        elif column.width:
            title = header.fontMetrics().horizontalAdvance(column.header) + padding + arrow
            header.resizeSection(i, max(column.width * char + padding, title))
    return view


def hide_columns_with_menu(view: QTableView, keys: Sequence[str]) -> None:
    """Hide the columns ``keys`` at first (the detail pane shows their values) and let the
    header's context menu show or hide any column but the stretching one: at 1366 pixels the
    key text column keeps its room instead of shrinking to a few characters."""
    model = view.model()
    assert isinstance(model, RecordTableModel)
    for key in keys:
        view.setColumnHidden(model.column_index(key), True)
    header = view.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu_at(pos: QPoint) -> None:
        menu = QMenu(view)
        for i, column in enumerate(model.columns):
            if column.stretch:
                continue
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not view.isColumnHidden(i))
            action.toggled.connect(lambda shown, i=i: view.setColumnHidden(i, not shown))
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()

    header.customContextMenuRequested.connect(menu_at)
