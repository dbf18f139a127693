"""What every page of the main window has, and the list page most of them are.

A page loads its data off the GUI thread (``LatestOnly``: typing in the search box cancels the
query before), so switching pages and typing never freeze the window. Pages are marked stale
when another page changes data and reload when next shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.queries import PageRequest
from liaison_desk.services import Services
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.paging import ListSource, MemorySource, PagedTableModel, QuerySource
from liaison_desk.ui.table import Column, RecordTableModel, record_table_view, sortable
from liaison_desk.ui.tasks import LatestOnly, TaskControl

R = TypeVar("R")


@dataclass(frozen=True)
class ListOrder:
    """How a paged list is sorted: a column's key, and whether descending."""

    column: str
    descending: bool


def the_service_sorts(
    order: ListOrder | None,
    default: ListOrder,
    sql_columns: Collection[str],
    text_columns: Collection[str],
    sorts_text: Callable[[], bool],
) -> bool:
    """Whether a list in ``order`` is sorted by the database a page at a time: its own order, a
    column SQL sorts as shown, or text where the database sorts it in the lists' pinyin order
    (``sorts_text``; a server does not). Otherwise the rows are read and sorted here."""
    if order is None or order == default or order.column in sql_columns:
        return True
    return order.column in text_columns and sorts_text()


def sorted_by_the_service(
    total: int,
    order: ListOrder | None,
    default: ListOrder,
    search: Callable[[PageRequest], Sequence[R]],
    key: Callable[[R], object],
    value_orders: Mapping[str, tuple[object, ...]] | None = None,
) -> QuerySource[R]:
    """A list the service sorts, a page a query: in ``order``, or in the service's own order
    (``None`` to the service) when that is the order asked for, so that a text search walks
    the index in that order. ``value_orders``: for a column whose values show as labels, its
    stored values in the order the table sorts what it shows (``labelled_order``)."""
    by = None if order is None or order == default else order.column
    descending = order.descending if order is not None else False
    values = (value_orders or {}).get(by or "", ())

    def request(offset: int = 0, limit: int | None = None) -> PageRequest:
        return PageRequest(offset, limit, order_by=by, descending=descending, value_order=values)

    def fetch(offset: int, limit: int) -> list[R]:
        return list(search(request(offset, limit)))

    def keys() -> list[object]:
        return [key(r) for r in search(request())]

    return QuerySource(total, fetch, keys)


def labelled_order(members: Iterable[Enum]) -> tuple[object, ...]:
    """The stored values of a column of labelled values (statuses, categories) in the order a
    table sorts them by what it shows (their labels, in the language shown)."""
    return tuple(m.value for m in sorted(members, key=sortable))


class Page(QWidget):
    """A page of the main window's navigation."""

    page_id: ClassVar[str] = ""
    status_changed = Signal(str)  # the text for the status bar
    data_changed = Signal()  # this page changed records: other pages reload when shown
    # Go to page_id with these filters (dashboard links). "object", not dict: Qt would turn the
    # enums inside into plain strings.
    navigate = Signal(str, object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._stale = True
        self._status = ""

    def activate(self) -> None:
        """Shown in the window: reload when something changed since the last load."""
        if self._stale:
            self._stale = False
            self.refresh()
        self.status_changed.emit(self._status)

    def mark_stale(self) -> None:
        self._stale = True

    def refresh_if_stale(self) -> None:
        """Reload now if something changed while the page could not (a form was open)."""
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Reload from the database (F5)."""

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in the search box; False when the page has none."""
        return False

    def new_record(self) -> bool:
        """Ctrl+N: start a new record of this page's kind; False when the page has none."""
        return False

    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Show the records matching ``filters`` (keys the page documents)."""

    def is_busy(self) -> bool:
        return False

    def set_status(self, text: str) -> None:
        self._status = text
        if self.isVisible():
            self.status_changed.emit(text)

    def status_text(self) -> str:
        return self._status


@dataclass
class Detail:
    """What the detail pane shows for one record: HTML and photo thumbnails."""

    html: str
    photos: list[tuple[QImage, str]] = field(default_factory=list)  # thumbnail, caption


class DetailPane(QWidget):
    """Read-only view of the selected record: text above, photo thumbnails below."""

    link_clicked = Signal(str)  # a link of the text (the empty list's "clear the filters")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(lambda url: self.link_clicked.emit(url.toString()))
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(160, 120))
        # One row that scrolls sideways: a second row would be cut off by the fixed height.
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setWordWrap(True)
        self.photos.setFixedHeight(200)
        self.photos.setVisible(False)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.photos)
        self.clear()

    def clear(self, message: str = "") -> None:
        self.text.setHtml(f"<p style='color:#777'>{esc(message)}</p>" if message else "")
        self.photos.clear()
        self.photos.setVisible(False)

    def show_hint(self, message: str, link: str, link_text: str) -> None:
        """``message`` and a link below it (``link_clicked`` gives ``link``)."""
        self.text.setHtml(
            f"<p style='color:#777'>{esc(message)}</p>"
            f"<p><a href='{esc(link)}'>{esc(link_text)}</a></p>"
        )
        self.photos.clear()
        self.photos.setVisible(False)

    def show_detail(self, detail: Detail) -> None:
        self.text.setHtml(detail.html)
        self.photos.clear()
        for image, caption in detail.photos:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), caption)
            item.setToolTip(image.text("tooltip") or caption)
            self.photos.addItem(item)
        self.photos.setVisible(bool(detail.photos))


class RecordListPage(Page, Generic[R]):
    """A filter bar, a sortable table and the detail pane of the selected row.

    Subclasses give the columns, build their filter widgets, and say how to fetch rows and the
    detail of one row; both run off the GUI thread with a snapshot of the filters."""

    search_placeholder: ClassVar[str] = ""
    page_size: ClassVar[int] = 200  # rows a paged list fetches at a time

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._loader = LatestOnly(self)
        self._more_loader = LatestOnly(self)
        self._detail_loader = LatestOnly(self)
        self._loading = False
        self._selected_key: object = None

        outer = QVBoxLayout(self)
        self.filter_bar = QHBoxLayout()
        outer.addLayout(self.filter_bar)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.placeholder())
        self.search.setMinimumWidth(220)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.build_filters(self.filter_bar)
        self.filter_bar.addWidget(self.search, 1)
        self.build_actions(self.filter_bar)

        self.model: RecordTableModel[R] = self.make_model()
        if isinstance(self.model, PagedTableModel):
            self.model.request_more = self._fetch_more
            self.model.request_sort = self._sort_requested
        # Tab leaves the table (to the detail pane) instead of walking through every cell.
        self.table = record_table_view(self.model, sortable=True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.sort_default()

        self.detail = DetailPane()
        self.detail.link_clicked.connect(self._detail_link)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter opens, like a double-click
            enter = QShortcut(QKeySequence(key), self.table)
            # Set apart: PySide ignores a context given to the constructor with a slot.
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self._open_current)
        self._chain_tab_order()

    def _open_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.open_record(record)

    def _chain_tab_order(self) -> None:
        """Tab follows the layout: the filter bar left to right, then the table, then the
        detail pane (widgets were created in another order)."""
        chain: list[QWidget] = []
        for i in range(self.filter_bar.count()):
            item = self.filter_bar.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                chain.append(widget.focusProxy() or widget)
        chain += [self.table, self.detail.text, self.detail.photos]
        focusable = [w for w in chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for first, second in pairwise(focusable):
            QWidget.setTabOrder(first, second)

    # --- for subclasses ------------------------------------------------------------------------
    def placeholder(self) -> str:
        return self.tr("Search")

    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    def make_model(self) -> RecordTableModel[R]:
        return RecordTableModel(self.columns(), self)

    def sort_default(self) -> None:
        """Initial sort order of the table (e.g. newest first)."""

    def build_filters(self, bar: QHBoxLayout) -> None:
        """Add filter widgets to ``bar``; call ``self.reload`` when they change."""

    def build_actions(self, bar: QHBoxLayout) -> None:
        """Add buttons after the search box."""

    def filters(self) -> Any:
        """A snapshot of the filters (immutable), taken on the GUI thread."""
        return self.search.text().strip()

    def fetch(self, filters: Any, control: TaskControl) -> list[R]:
        """The rows for ``filters``. Runs off the GUI thread."""
        raise NotImplementedError

    def open_list(
        self,
        filters: Any,
        order: ListOrder | None,
        arrange: Callable[[list[R]], list[R]],
        control: TaskControl,
    ) -> ListSource[R]:
        """The list for ``filters`` in ``order`` (a column key, descending), for a page whose
        model is a ``PagedTableModel``. Runs off the GUI thread. By default every row is
        fetched and sorted by ``arrange`` (the model's in-memory order)."""
        return MemorySource(arrange(self.fetch(filters, control)), self.record_key)

    def record_key(self, record: R) -> object:
        """What identifies a row across reloads (to keep the selection)."""
        return getattr(record, "id", None)

    def fetch_detail(self, record: R, control: TaskControl) -> Detail:
        """The detail pane's content. Runs off the GUI thread."""
        raise NotImplementedError

    def count_text(self, shown: int) -> str:
        return plural(shown, self.tr("{count} record"), self.tr("{count} records"))

    def open_record(self, record: R) -> None:
        """Double-click or Enter on a row."""

    def empty_text(self) -> str:
        """What the detail pane says when the list is empty."""
        return QCoreApplication.translate("RecordListPage", "No records match.")

    def active_filters(self) -> list[str]:
        """The filters narrowing the list now, named for the user (an empty list says which
        ones hide records and offers to clear them)."""
        return []

    def clear_filters(self) -> None:
        """Show all records: every filter back to "all", the search box empty."""

    # --- behaviour -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._search_timer.stop()
        filters = self.filters()
        self._loading = True
        if isinstance(self.model, PagedTableModel):
            self._reload_paged(filters)
            return
        order = self.model.sort_state()
        arrange = self.model.sort_in_worker()

        def work(control: TaskControl) -> tuple[object, list[R]]:
            return order, arrange(self.fetch(filters, control))

        self._loader.run(work, self._sorted_rows_loaded, self._load_failed)

    def list_order(self) -> ListOrder | None:
        """The order the model shows: the column's key and whether descending."""
        state = self.model.sort_state()
        if state is None:
            return None
        column, order = state
        return ListOrder(self.model.columns[column].key, order == Qt.SortOrder.DescendingOrder)

    def _reload_paged(self, filters: Any) -> None:
        """Open the list again: its first page, or as far as the view shows now (a reload
        after a change elsewhere keeps the rows in sight), or as far as the record to select
        when it was named (a record just saved)."""
        model = self.model
        assert isinstance(model, PagedTableModel)
        order = self.list_order()
        arrange = model.sort_in_worker()
        shown = self.table.rowAt(max(self.table.viewport().height() - 1, 0))
        if shown < 0:
            shown = model.rowCount() - 1
        want = max(self.page_size, shown + 1)
        current = self.current_record()
        wanted = self._selected_key
        # Named (not the row selected now): the list loads as far as that record.
        find = wanted is not None and (current is None or self.record_key(current) != wanted)
        page_size = self.page_size
        key = self.record_key

        def work(control: TaskControl) -> tuple[ListSource[R], list[R]]:
            source = self.open_list(filters, order, arrange, control)
            control.check()
            rows = source.rows(0, want)
            if find and all(key(r) != wanted for r in rows):
                at = source.position(wanted)
                if at is not None:
                    rows += source.rows(len(rows), at + page_size - len(rows))
            return source, rows

        def loaded(result: tuple[ListSource[R], list[R]]) -> None:
            source, rows = result
            model.set_source(source, rows)
            self._rows_loaded(rows, presorted=True)

        self._loader.run(work, loaded, self._load_failed)

    def _fetch_more(self) -> None:
        """The view reached the end of the loaded rows: the next page, off the GUI thread."""
        model = self.model
        assert isinstance(model, PagedTableModel)
        source = model.source
        if source is None:
            return
        offset, limit = model.rowCount(), self.page_size

        def failed(exc: BaseException) -> None:
            model.fetch_failed()
            show_error(self, exc)

        self._more_loader.run(
            lambda _control: source.rows(offset, limit),
            lambda rows: model.append_rows(source, rows),
            failed,
        )

    def _sort_requested(self) -> None:
        """A header click: the whole list in the new order (not just the loaded rows)."""
        model = self.model
        assert isinstance(model, PagedTableModel)
        if model.source is not None or self._loading:
            current = self.current_record()
            if current is not None:
                self._selected_key = self.record_key(current)
            self.reload()

    def all_keys(self) -> list[object]:
        """The keys of every record in the list as filtered now, loaded or not (select-all,
        bulk changes, export)."""
        model = self.model
        if isinstance(model, PagedTableModel) and model.source is not None:
            return model.source.keys()
        return [self.record_key(r) for r in model.rows()]

    def whole_list_selected(self) -> bool:
        """Every loaded row is selected (Ctrl+A) while the list has more than is loaded."""
        model = self.model
        count = model.rowCount()
        return (
            isinstance(model, PagedTableModel)
            and count > 0
            and model.total_rows() > count
            and len(self.table.selectionModel().selectedRows()) == count
        )

    def _sorted_rows_loaded(self, loaded: tuple[object, list[R]]) -> None:
        order, rows = loaded
        self._rows_loaded(rows, presorted=order == self.model.sort_state())

    def is_busy(self) -> bool:
        return (
            self._search_timer.isActive()
            or self._loading
            or self._loader.busy
            or self._more_loader.busy
            or self._detail_loader.busy
        )

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def selected_records(self) -> list[R]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def current_record(self) -> R | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _rows_loaded(self, rows: list[R], presorted: bool = False) -> None:
        self._loading = False
        current = self.current_record()
        if current is not None:
            self._selected_key = self.record_key(current)
        self.model.set_rows(rows, presorted=presorted)
        self.set_status(self.count_text(self.model.total_rows()))
        if not rows:
            filters = self.active_filters()
            if filters:
                translate = QCoreApplication.translate
                self.detail.show_hint(
                    translate(
                        "RecordListPage", "No records match. The list shows only: {filters}."
                    ).format(filters=translate("RecordListPage", ", ").join(filters)),
                    "clear-filters",
                    translate("RecordListPage", "Clear the filters and show all records"),
                )
            else:
                self.detail.clear(self.empty_text())
            return
        row = 0
        if self._selected_key is not None:
            for i, r in enumerate(self.model.rows()):
                if self.record_key(r) == self._selected_key:
                    row = i
                    break
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if isinstance(self.model, PagedTableModel):
            self.model.set_source(None, [])
        self.model.set_rows([])
        self.set_status(self.tr("Could not load the list."))
        show_error(self, exc)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        record = self.current_record()
        if record is None:
            selected = self.selected_records()
            record = selected[0] if selected else None
        if record is None:
            self.detail.clear()
            return
        self._selected_key = self.record_key(record)
        self._detail_loader.run(
            lambda control: self.fetch_detail(record, control),
            self.detail.show_detail,
            lambda exc: self.detail.clear(str(exc)),
        )

    def _detail_link(self, link: str) -> None:
        if link == "clear-filters":
            self.clear_filters()

    def _double_clicked(self, index: QModelIndex) -> None:
        record = self.model.row_at(index.row())
        if record is not None:
            self.open_record(record)


def year_combo(years: Sequence[int], all_text: str, current: int | None) -> QComboBox:
    """A year filter: "all years" then the years, newest first; data is the year or None."""
    combo = QComboBox()
    combo.addItem(all_text, None)
    for y in sorted(set(years), reverse=True):
        combo.addItem(str(y), y)
    if current is not None:
        i = combo.findData(current)
        combo.setCurrentIndex(max(i, 0))
    return combo


def with_label(text: str, widget: QWidget) -> QWidget:
    """A filter widget with its caption on the left (the caption is the widget's buddy)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    caption = QLabel(text)
    caption.setBuddy(widget)
    layout.addWidget(caption)
    layout.addWidget(widget)
    box.setFocusProxy(widget)
    return box
