"""Lists fetched a page at a time: at a district's ten-year scale (100k consultations, 360k
people) a list holds only the rows scrolled to, not every matching record.

A ``ListSource`` is one filtered and sorted list as the database has it now: its total, any
slice of its rows, and the keys (ids) of all of them. It is opened off the GUI thread, as are
its slices. ``PagedTableModel`` shows the first rows and asks for the next page when the view
scrolls to the end (Qt's ``canFetchMore``/``fetchMore``); a header click asks the page to open
the list again in the new order rather than sorting the loaded rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from liaison_desk.ui.table import Column, RecordTableModel

R = TypeVar("R")

Index = QModelIndex | QPersistentModelIndex


class ListSource(Generic[R]):
    """One filtered, sorted list. ``rows`` and ``keys`` may query the database."""

    total: int = 0
    summary: Any = None  # what the page's status bar says of the whole list (sums, counts)

    def rows(self, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def keys(self) -> list[object]:
        """The keys of every row, in the list's order (export, select-all, bulk changes)."""
        raise NotImplementedError

    def position(self, key: object) -> int | None:
        """The row of the record ``key`` (a record just saved that the list must show)."""
        try:
            return self.keys().index(key)
        except ValueError:
            return None


class QuerySource(ListSource[R]):
    """Sorted by the database: each slice is one query with OFFSET/LIMIT."""

    def __init__(
        self,
        total: int,
        fetch: Callable[[int, int], list[R]],
        keys: Callable[[], list[object]],
    ) -> None:
        self.total = total
        self._fetch = fetch
        self._keys = keys
        self._all_keys: list[object] | None = None

    def rows(self, offset: int, limit: int) -> list[R]:
        if offset >= self.total or limit <= 0:
            return []
        return self._fetch(offset, limit)

    def keys(self) -> list[object]:
        if self._all_keys is None:
            self._all_keys = self._keys()
        return list(self._all_keys)


class KeyedSource(ListSource[R]):
    """Sorted in the worker by keys only (names in pinyin order, a collation the database
    lacks): the ordered ids are kept, each slice fetches its records by id."""

    def __init__(self, keys: Sequence[Any], by_keys: Callable[[list[Any]], list[R]]) -> None:
        self._order = list(keys)
        self._index: dict[object, int] | None = None
        self.total = len(self._order)
        self._by_keys = by_keys

    def rows(self, offset: int, limit: int) -> list[R]:
        return self._by_keys(self._order[offset : offset + limit]) if limit > 0 else []

    def keys(self) -> list[object]:
        return list(self._order)

    def position(self, key: object) -> int | None:
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self._order)}
        return self._index.get(key)


class MemorySource(ListSource[R]):
    """Every row loaded and sorted in the worker (small lists, and orders only Python gives
    over lists whose records the database cannot fetch by id)."""

    def __init__(self, rows: Sequence[R], key: Callable[[R], object]) -> None:
        self._rows = list(rows)
        self.total = len(self._rows)
        self._key = key

    def rows(self, offset: int, limit: int) -> list[R]:
        return self._rows[offset : offset + limit]

    def keys(self) -> list[object]:
        return [self._key(r) for r in self._rows]


class PagedTableModel(RecordTableModel[R]):
    """The loaded first rows of a ``ListSource``; more as the view scrolls to the end.

    ``request_more`` (set by the page) fetches the next page off the GUI thread and hands it to
    ``append_rows``; ``request_sort`` re-opens the list in the order of a header click."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None, **kwargs: Any) -> None:
        super().__init__(columns, parent, **kwargs)
        self.source: ListSource[R] | None = None
        self._fetching = False
        self.request_more: Callable[[], None] | None = None
        self.request_sort: Callable[[], None] | None = None

    def set_source(self, source: ListSource[R] | None, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.source = source
        self._rows = list(rows)
        self._fetching = False
        self.endResetModel()

    def set_rows(self, rows: Sequence[R], *, presorted: bool = False) -> None:
        # Rows come sorted by their source: never sorted here.
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def total_rows(self) -> int:
        return self.source.total if self.source is not None else len(self._rows)

    def append_rows(self, source: ListSource[R], rows: Sequence[R]) -> None:
        """The next page of ``source`` (ignored when the list was opened again meanwhile)."""
        if source is not self.source:
            return
        self._fetching = False
        if not rows:
            # The list shrank since it was opened: stop asking for more.
            source.total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def fetch_failed(self) -> None:
        self._fetching = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's
        return (
            not parent.isValid()
            and self.source is not None
            and not self._fetching
            and len(self._rows) < self.source.total
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.request_more is not None:
            self._fetching = True
            self.request_more()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        # The whole list in the new order, from the database (off the GUI thread): sorting
        # the loaded rows would put the first of a page first, not the first of the list.
        if self.request_sort is not None:
            self.request_sort()
