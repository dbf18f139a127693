"""问题跟踪: every suggestion and problem raised at a consultation, with who has to act on it,
by when, and how it ended. Overdue items (still open after their deadline) show in red.

``apply_filter`` keys (a key left out means "no restriction"):
``year`` (int | None), ``group_id`` (int | None), ``status`` (OutcomeStatus | None),
``open_only`` (bool: still being worked on), ``overdue`` (bool), ``due_within_days`` (int | None:
open items due from today to that many days ahead, overdue ones not included), ``responsible_body``
(str, part of the name), ``text`` (the search box), ``item_id`` (int: select that item once shown),
``held_from`` / ``held_to`` (dates: items of consultations held then — a quarter or month of the
group comparison) and ``overdue_on`` (date: with ``overdue``, judged on that day, not today).

Follow-up works on the selected items (extended selection: Shift/Ctrl+click, Shift+arrows,
Ctrl+A): 更改状态 (button menu, Alt+T, or the context menu) and 回头看 (Alt+V), through the dialogs
of ``ui/follow_up_dialogs.py``. The change is one transaction in the service: an item of an
archived consultation refuses the whole change, with a message naming the consultation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.documents.sheet_data import SheetKind
from liaison_desk.domain.entities import LiaisonGroup, OutcomeItem
from liaison_desk.domain.enums import ConsultationKind, OutcomeStatus, Satisfaction
from liaison_desk.domain.queries import OutcomeFilter, OutcomeItemSummary, PageRequest
from liaison_desk.services import Services
from liaison_desk.ui import follow_up_dialogs
from liaison_desk.ui.completion import make_completer
from liaison_desk.ui.html_text import detail_html
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.pages.base import (
    Detail,
    ListOrder,
    RecordListPage,
    labelled_order,
    sorted_by_the_service,
    the_service_sorts,
    with_label,
)
from liaison_desk.ui.paging import ListSource, MemorySource, PagedTableModel
from liaison_desk.ui.period_filter import PeriodBar
from liaison_desk.ui.printing import add_print_menu
from liaison_desk.ui.table import Column, RecordTableModel, hide_columns_with_menu, pinyin_key
from liaison_desk.ui.tasks import LatestOnly, TaskControl, run_task

# Data of the status filter's entries besides the statuses themselves.
_OPEN = "open"
# Data of the due filter's entries: None (any), _OVERDUE, or a number of days.
_OVERDUE = "overdue"


@dataclass(frozen=True)
class OutcomeQuery:
    """A snapshot of the filter bar, taken on the GUI thread."""

    filter: OutcomeFilter
    today: date
    due_within_days: int | None = None


DEFAULT_ORDER = ListOrder("held_on", descending=True)  # as the service gives: newest first
# Columns the database sorts exactly as the table would, on either engine: dates, statuses in
# their own order, satisfaction and source by their labels (the ``value_orders`` below).
SQL_ORDER = frozenset(
    {"held_on", "deadline", "resolved_on", "revisit_on", "status", "satisfaction", "kind"}
)
# Text in pinyin order: sorted by the database where it has the lists' text order (SQLite),
# elsewhere in the worker, as before.
TEXT_ORDER = frozenset({"number", "content", "responsible_body", "responsible_person", "group"})


def _query_filter(query: OutcomeQuery) -> OutcomeFilter:
    """The service's filter of a snapshot of the filter bar."""
    if query.due_within_days is None:
        return query.filter
    # "Due within" is what is still to come; overdue items have their own filter.
    return replace(query.filter, due_from=query.today)


def _status_order(r: OutcomeItemSummary) -> int:
    return list(OutcomeStatus).index(r.item.status)


@dataclass(frozen=True)
class _PendingOverdue:
    """The status bar's count of overdue items of a list just opened, still to be read."""

    filter: OutcomeFilter


def overdue_days(item_deadline: date | None, today: date) -> int:
    return (today - item_deadline).days if item_deadline is not None else 0


class OutcomesPage(RecordListPage[OutcomeItemSummary]):
    page_id = "outcomes"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        # Twelve columns need the full width: the detail sits below the list, the item's facts
        # beside those of its consultation.
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 220])
        # The problem text keeps its room at 1366 pixels: dates of follow-up and the rating are
        # in the detail pane (the header's context menu shows the columns again).
        hide_columns_with_menu(self.table, ("resolved_on", "revisit_on", "satisfaction"))
        # Five filters, the search box and the print button need about 1150 px in Chinese: on a
        # narrower page the search box and the button go on a row of their own under the filters
        # (``_fit_filter_bar``).
        self._search_row = QHBoxLayout()
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertLayout(outer.indexOf(self.splitter), self._search_row)
        outer.insertWidget(outer.indexOf(self.splitter), self.period_bar)
        self._level = 0  # 0: one row; 1: search box on a second row; 2: body filter there too
        self._fit_filter_bar()
        self._build_follow_up(outer)

    # --- follow-up of the selected items ------------------------------------------------------
    def _build_follow_up(self, outer: QVBoxLayout) -> None:
        """A row above the list with what can be done to the selected items, and the same in
        the list's context menu (the Menu key opens it too)."""
        self._writing = False
        self._reselect: set[int | None] = set()
        self._done_text = ""
        self.status_menu = QMenu(self)
        self.status_actions: dict[OutcomeStatus, QAction] = {}
        for st in OutcomeStatus:
            action = self.status_menu.addAction(label(st) + "…")
            action.triggered.connect(lambda _checked=False, s=st: self.change_status(s))
            self.status_actions[st] = action
        self.status_button = QPushButton(icon("edit"), self.tr("Change s&tatus"))
        self.status_button.setMenu(self.status_menu)
        self.status_button.setToolTip(self.tr("Set the status of the selected items at once"))
        self.revisit_action = QAction(self.tr("Record a re&visit…"), self)
        self.revisit_action.triggered.connect(lambda _checked=False: self.record_revisit())
        self.revisit_button = QPushButton(self.tr("Re&visit…"))
        self.revisit_button.setToolTip(
            self.tr("Record a revisit (date, what was found, satisfaction) of the selected items")
        )
        self.revisit_button.clicked.connect(lambda _checked=False: self.record_revisit())
        self.selection_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.status_button)
        row.addWidget(self.revisit_button)
        row.addSpacing(12)
        row.addWidget(self.selection_label)
        row.addStretch(1)
        outer.insertLayout(outer.indexOf(self.splitter), row)

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.selectionModel().selectionChanged.connect(
            lambda _new, _old: self._update_follow_up()
        )
        self.model.modelReset.connect(self._update_follow_up)
        # Tab: the filter bar, these buttons, then the list.
        QWidget.setTabOrder(self.print_button, self.status_button)
        QWidget.setTabOrder(self.status_button, self.revisit_button)
        QWidget.setTabOrder(self.revisit_button, self.table)
        self._update_follow_up()

    def _update_follow_up(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        enabled = count > 0 and not self._writing
        for widget in (self.status_button, self.revisit_button):
            widget.setEnabled(enabled)
        self.revisit_action.setEnabled(enabled)
        for action in self.status_actions.values():
            action.setEnabled(enabled)
        if count > 1:
            self.selection_label.setText(self.tr("{count} items selected").format(count=count))
        else:
            self.selection_label.setText(
                self.tr("Select several items with Ctrl or Shift to change them together.")
            )

    def context_menu(self) -> QMenu:
        """The list's context menu for the selected items."""
        menu = QMenu(self)
        status = menu.addMenu(self.tr("Change s&tatus"))
        status.addActions(list(self.status_actions.values()))
        status.setEnabled(bool(self.selected_records()) and not self._writing)
        menu.addAction(self.revisit_action)
        menu.addSeparator()
        record = self.current_record()
        open_action = menu.addAction(self.tr("&Open the consultation"))
        open_action.setEnabled(record is not None)
        if record is not None:
            open_action.triggered.connect(lambda _checked=False: self.open_record(record))
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        try:
            menu.exec(self.table.viewport().mapToGlobal(pos))
        finally:
            menu.deleteLater()

    def _selected_item_ids(self) -> list[int]:
        if self.whole_list_selected():
            # Ctrl+A selects the loaded rows of a list fetched a page at a time: the change
            # is for every item the list holds.
            return [k for k in self.all_keys() if isinstance(k, int)]
        return [r.item.id for r in self.selected_records() if r.item.id is not None]

    def change_status(self, status: OutcomeStatus | None = None) -> None:
        """更改状态 of every selected item (the dialog asks what goes with the status)."""
        ids = self._selected_item_ids()
        if not ids or self._writing:
            return
        change = follow_up_dialogs.ask_status_change(
            self, len(ids), self.services.consultations.today(), status
        )
        if change is None:
            return
        done = plural(
            len(ids),
            self.tr("Status of {count} item set to “{status}”."),
            self.tr("Status of {count} items set to “{status}”."),
            status=label(change.status),
        )
        self._write(
            lambda _control: self.services.consultations.set_outcome_status(
                ids, change.status, change.resolved_on, change.reason
            ),
            done,
        )

    def record_revisit(self) -> None:
        """回头看 of every selected item."""
        ids = self._selected_item_ids()
        if not ids or self._writing:
            return
        visit = follow_up_dialogs.ask_revisit(self, len(ids), self.services.consultations.today())
        if visit is None:
            return
        done = plural(
            len(ids),
            self.tr("Revisit of {count} item recorded."),
            self.tr("Revisit of {count} items recorded."),
        )
        self._write(
            lambda _control: self.services.consultations.record_revisits(
                ids, visit.on, visit.note, visit.satisfaction
            ),
            done,
        )

    def _write(self, work: Any, done_text: str) -> None:
        """One follow-up change off the GUI thread; then the list reloads and the other pages
        (the dashboard's counts) are told."""
        self._writing = True
        self._update_follow_up()

        def finished(items: list[OutcomeItem]) -> None:
            self._writing = False
            # The same items stay selected after the reload, with what was done in the status.
            self._reselect = {i.id for i in items}
            self._done_text = done_text
            self.data_changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self._writing = False
            self._update_follow_up()
            show_error(self, exc)

        run_task(self, work, finished, failed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_filter_bar()

    def _row_width(self, widgets: list[QWidget]) -> int:
        """The width a row of ``widgets`` needs without squeezing any."""
        hints = [w.minimumWidth() if w is self.search else w.sizeHint().width() for w in widgets]
        margins = self.contentsMargins()
        outer = self.layout()
        extra = margins.left() + margins.right()
        if outer is not None:
            m = outer.contentsMargins()
            extra += m.left() + m.right()
        return sum(hints) + max(self.filter_bar.spacing(), 0) * (len(widgets) - 1) + extra

    def _fit_filter_bar(self) -> None:
        """One row when it fits; else the search box and print button on a second row; on the
        narrowest window the body filter goes there too."""
        boxes, tail = self._filter_boxes, [self.search, self.print_button]
        arrangements = [
            (boxes + tail, []),
            (boxes, tail),
            (boxes[:-1], [boxes[-1], *tail]),
        ]
        level = len(arrangements) - 1
        for i, rows in enumerate(arrangements):
            if all(self._row_width(row) <= self.width() for row in rows if row):
                level = i
                break
        if level == self._level:
            return
        self._level = level
        first, second = arrangements[level]
        body_box = boxes[-1]
        for widget in (body_box, *tail):
            self.filter_bar.removeWidget(widget)
            self._search_row.removeWidget(widget)
        for layout, row in ((self.filter_bar, first), (self._search_row, second)):
            for widget in row:
                if widget is body_box or widget in tail:
                    layout.addWidget(widget)
        self.filter_bar.setStretchFactor(self.search, 1)
        self._search_row.setStretchFactor(self.search, 1)
        # When the body box ends the first row it takes that row's spare width (names are long).
        self.filter_bar.setStretchFactor(body_box, 1 if level == 1 else 0)

    # --- columns -------------------------------------------------------------------------------
    def columns(self) -> list[Column[OutcomeItemSummary]]:
        C = Column[OutcomeItemSummary]
        return [
            C("number", self.tr("No."), lambda r: r.consultation_number, width=9),
            C("held_on", self.tr("Held on"), lambda r: r.held_on, width=6),
            C("content", self.tr("Problem / suggestion"), lambda r: r.item.content, stretch=True),
            C(
                "responsible_body",
                self.tr("Responsible body"),
                lambda r: r.item.responsible_body,
                width=7,
            ),
            C(
                "responsible_person",
                self.tr("Person in charge"),
                lambda r: r.item.responsible_person,
                width=5,
            ),
            C(
                "deadline",
                self.tr("Deadline"),
                self._deadline_cell,
                sort_key=lambda r: r.item.deadline,
                width=12,
            ),
            C(
                "status",
                self.tr("Status"),
                lambda r: r.item.status,
                sort_key=_status_order,
                width=4,
            ),
            C("resolved_on", self.tr("Resolved on"), lambda r: r.item.resolved_on, width=6),
            C("revisit_on", self.tr("Revisited on"), lambda r: r.item.revisit_on, width=6),
            C("satisfaction", self.tr("Satisfaction"), lambda r: r.item.satisfaction, width=4),
            C("kind", self.tr("Source"), lambda r: r.consultation_kind, width=7),
            C("group", self.tr("Group"), lambda r: r.group_name, width=5),
        ]

    def make_model(self) -> RecordTableModel[OutcomeItemSummary]:
        return PagedTableModel(
            self.columns(),
            self,
            warn=lambda r: r.item.is_overdue(self._today),
            muted=lambda r: r.item.status is OutcomeStatus.NOT_ADOPTED,
            tooltip=self._row_tooltip,
        )

    def _deadline_cell(self, r: OutcomeItemSummary) -> object:
        """The deadline; past it and still open, how many days late (the row is red too)."""
        if r.item.deadline is None or not r.item.is_overdue(self._today):
            return r.item.deadline
        return self.tr("{date} ({days} d late)").format(
            date=r.item.deadline.isoformat(), days=overdue_days(r.item.deadline, self._today)
        )

    def _row_tooltip(self, r: OutcomeItemSummary) -> str:
        lines = []
        if r.item.is_overdue(self._today):
            lines.append(self.overdue_text(r.item.deadline))
        lines.append(r.item.content)
        return "\n".join(lines)

    def overdue_text(self, deadline: date | None) -> str:
        days = overdue_days(deadline, self._today)
        if days == 1:
            return self.tr("Overdue by 1 day")
        return self.tr("Overdue by {days} days").format(days=days)

    def sort_default(self) -> None:
        # The service gives newest meetings first and each meeting's items in their order; the
        # stable sort on the date keeps that order within a day.
        self.table.sortByColumn(self.model.column_index("held_on"), Qt.SortOrder.DescendingOrder)

    def placeholder(self) -> str:
        return self.tr("Search content, body, person, number")

    # --- filter bar ----------------------------------------------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self._bodies_pending: Callable[[], object] | None = None
        # Years and groups are read off the GUI thread (``_fill_choices``); the first list
        # waits for them to open on the default year, unless a link chose the year first.
        self._choices_loader = LatestOnly(self)
        self._overdue_loader = LatestOnly(self)
        self._choices_known = False
        self._year_chosen = False
        self._today = self.services.consultations.today()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(300)
        self._filter_timer.timeout.connect(self.reload)

        self.year = QComboBox()
        self.year.addItem(self.tr("All years"), None)
        self.group = QComboBox()
        self.group.addItem(self.tr("All groups"), None)
        for combo in (self.year, self.group):  # their choices come after the first show
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Open (not solved)"), _OPEN)
        for st in OutcomeStatus:
            self.status.addItem(label(st), st.value)
        self.body = QComboBox()
        self.body.setEditable(True)
        self.body.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.body.setMinimumContentsLength(10)
        self.body.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # The spare width of its row goes to the combo, not between it and its caption.
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        line = self.body.lineEdit()
        assert line is not None  # editable
        line.setPlaceholderText(self.tr("Any body"))
        line.setClearButtonEnabled(True)
        self.body.setCompleter(make_completer(self.body, self.body.model()))
        self.due = QComboBox()
        self.due.addItem(self.tr("Any deadline"), None)
        self.due.addItem(self.tr("Overdue"), _OVERDUE)
        self.due.addItem(self.tr("Due within 7 days"), 7)
        self.due.addItem(self.tr("Due within 30 days"), 30)
        # A quarter or month asked for by the group comparison; another year ends it, another
        # deadline filter ends its day of "overdue".
        self.period_bar = PeriodBar(self)
        self.period_bar.cleared.connect(self.reload)
        self.year.currentIndexChanged.connect(lambda _i: self.period_bar.clear())
        self.due.currentIndexChanged.connect(lambda _i: self.period_bar.drop_overdue_day())

        for combo in (self.year, self.group, self.status, self.due):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        line.textChanged.connect(lambda _t: self._filter_timer.start())
        line.returnPressed.connect(self.reload)

        self._filter_boxes = [
            with_label(self.tr("Year:"), self.year),
            with_label(self.tr("Group:"), self.group),
            with_label(self.tr("Status:"), self.status),
            with_label(self.tr("Due:"), self.due),
            with_label(self.tr("Body:"), self.body),
        ]
        for box in self._filter_boxes:
            # Never squeezed below what shows the choice in full: the row breaks instead.
            box.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            bar.addWidget(box)

    def build_actions(self, bar: QHBoxLayout) -> None:
        # Assignment slips (交办单) of the consultations the selected items were raised at.
        self.print_button = add_print_menu(
            self, self.services, [SheetKind.SLIP], self.selected_consultation_ids
        )
        bar.addWidget(self.print_button)

    def selected_consultation_ids(self) -> list[int]:
        """The consultations of the selected items, each once, in the list's order."""
        return list(dict.fromkeys(r.consultation_id for r in self.selected_records()))

    def _fill_choices(
        self, *, default_year: bool = False, then: Callable[[], None] | None = None
    ) -> None:
        """Years, groups and bodies as they are in the database now; the choices made stay.
        ``default_year``: choose the year the lists open on (statistics.default_year) unless
        one was chosen. Read off the GUI thread (one index seek a year: 50 ms over four
        hundred years); ``then`` runs once the combos offer them."""
        statistics, group_service = self.services.statistics, self.services.groups

        def filled(choices: tuple[list[int], list[LiaisonGroup]]) -> None:
            self._choices_known = True
            self._show_choices(*choices, default_year=default_year)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            if then is not None:
                self._load_failed(exc)

        self._choices_loader.run(
            lambda _control: (statistics.years(), group_service.all()), filled, failed
        )
        self._bodies_later(self.body.currentText())

    def _show_choices(
        self, years: list[int], groups: list[LiaisonGroup], *, default_year: bool
    ) -> None:
        year: int | None = self.year.currentData()
        if default_year and not self._year_chosen:
            this_year = self._today.year
            year = this_year if not years or this_year in years else years[0]
        group_id = self.group.currentData()
        for combo in (self.year, self.group):
            combo.blockSignals(True)
        try:
            self.year.clear()
            self.year.addItem(self.tr("All years"), None)
            for y in sorted(set(years) | ({year} if year else set()), reverse=True):
                self.year.addItem(str(y), y)
            self.year.setCurrentIndex(max(self.year.findData(year), 0))
            self.group.clear()
            self.group.addItem(self.tr("All groups"), None)
            for g in groups:
                self.group.addItem(g.name, g.id)
            self.group.setCurrentIndex(max(self.group.findData(group_id), 0))
        finally:
            for combo in (self.year, self.group):
                combo.blockSignals(False)
        self._fit_filter_bar()  # longer group names may need the second row

    def _bodies_later(self, body: str) -> None:
        # The bodies named on every item (a pass over 157k items at a district's scale) are
        # read off the GUI thread once the list has its rows (before, the list's first page
        # waited for them on the database): the box offers them once they come.

        def loaded(bodies: list[str]) -> None:
            shown = [self.body.itemText(i) for i in range(self.body.count())]
            if shown == bodies:
                return
            typed = self.body.currentText() if self.body.currentIndex() < 0 else body
            # The text stays as typed: no signal, so no reload of the list.
            line = self.body.lineEdit()
            widgets = [w for w in (self.body, line) if w is not None]
            for widget in widgets:
                widget.blockSignals(True)
            try:
                self.body.clear()
                self.body.addItems(bodies)
                self.body.setCurrentIndex(-1)
                self.body.setEditText(typed)
            finally:
                for widget in widgets:
                    widget.blockSignals(False)

        def failed(_exc: BaseException) -> None:
            pass  # the box still takes typed text

        service = self.services.consultations
        self._bodies_pending = lambda: run_task(
            self,
            lambda _control: sorted(service.responsible_bodies(), key=pinyin_key),
            loaded,
            failed,
        )

    def filters(self) -> OutcomeQuery:
        self._filter_timer.stop()
        today = self.services.consultations.today()
        self._today = today
        status_data = self.status.currentData()
        due = self.due.currentData()
        due_within = due if isinstance(due, int) else None
        return OutcomeQuery(
            filter=OutcomeFilter(
                year=self.year.currentData(),
                group_id=self.group.currentData(),
                status=OutcomeStatus(status_data) if status_data not in (None, _OPEN) else None,
                open_only=status_data == _OPEN or due_within is not None,
                responsible_body=self.body.currentText().strip(),
                due_before=today + timedelta(days=due_within) if due_within is not None else None,
                overdue_on=(self.period_bar.overdue_on or today) if due == _OVERDUE else None,
                text=self.search.text().strip(),
                held_from=self.period_bar.held_from,
                held_to=self.period_bar.held_to,
            ),
            today=today,
            due_within_days=due_within,
        )

    def apply_filter(self, filters: dict[str, Any]) -> None:
        if self._stale:  # records changed elsewhere: new years, groups or bodies to offer
            self._fill_choices()
        combos = (self.year, self.group, self.status, self.due, self.body)
        for combo in combos:
            combo.blockSignals(True)
        self.search.blockSignals(True)
        try:
            year = filters.get("year")
            self._year_chosen = True
            if year is not None and self.year.findData(year) < 0:
                self.year.addItem(str(year), year)
            self.year.setCurrentIndex(max(self.year.findData(year), 0))
            group_id = filters.get("group_id")
            if group_id is not None and self.group.findData(group_id) < 0:
                # Not read yet (the page's first visit): named once the groups come.
                self.group.addItem(str(group_id), group_id)
            self.group.setCurrentIndex(max(self.group.findData(group_id), 0))
            status = filters.get("status")
            if status is not None:
                self.status.setCurrentIndex(self.status.findData(OutcomeStatus(status).value))
            elif filters.get("open_only"):
                self.status.setCurrentIndex(self.status.findData(_OPEN))
            else:
                self.status.setCurrentIndex(0)
            days = filters.get("due_within_days")
            if filters.get("overdue"):
                self.due.setCurrentIndex(self.due.findData(_OVERDUE))
            elif days:
                if self.due.findData(int(days)) < 0:
                    self.due.addItem(
                        self.tr("Due within {days} days").format(days=int(days)), int(days)
                    )
                self.due.setCurrentIndex(self.due.findData(int(days)))
            else:
                self.due.setCurrentIndex(0)
            self.body.setEditText(str(filters.get("responsible_body") or ""))
            self.search.setText(str(filters.get("text") or ""))
        finally:
            for combo in combos:
                combo.blockSignals(False)
            self.search.blockSignals(False)
        self.period_bar.set_period(
            filters.get("held_from"),
            filters.get("held_to"),
            filters.get("overdue_on") if filters.get("overdue") else None,
        )
        item_id = filters.get("item_id")
        if item_id is not None:
            # Forget the row selected now, so the list lands on the item asked for.
            self.table.selectionModel().clear()
            self._selected_key = item_id
        self._stale = False
        self.reload()

    def refresh(self) -> None:
        if self._choices_known:
            self._fill_choices()
            self.reload()
            return
        self._loading = True  # the list is on its way: it waits for the default year
        self._fill_choices(default_year=True, then=self.reload)

    def is_busy(self) -> bool:
        return (
            self._filter_timer.isActive()
            or self._writing
            or self._choices_loader.busy
            or self._overdue_loader.busy
            or super().is_busy()
        )

    # --- rows and detail -----------------------------------------------------------------------
    def fetch(self, filters: OutcomeQuery, control: TaskControl) -> list[OutcomeItemSummary]:
        rows = self.services.consultations.search_outcome_items(_query_filter(filters)).items
        control.check()
        return rows

    def open_list(
        self,
        filters: OutcomeQuery,
        order: ListOrder | None,
        arrange: Callable[[list[OutcomeItemSummary]], list[OutcomeItemSummary]],
        control: TaskControl,
    ) -> ListSource[OutcomeItemSummary]:
        service = self.services.consultations
        f = _query_filter(filters)
        total = service.search_outcome_items(f, PageRequest(limit=0)).total
        control.check()
        source: ListSource[OutcomeItemSummary]
        if the_service_sorts(order, DEFAULT_ORDER, SQL_ORDER, TEXT_ORDER, service.sorts_text):
            # Sorted by the database a page at a time, whatever the column: sorting 157k items
            # here held the GUI thread for seconds.
            source = sorted_by_the_service(
                total,
                order,
                DEFAULT_ORDER,
                lambda request: service.search_outcome_items(f, request, matched=total).items,
                lambda r: r.item.id,
                {
                    "status": tuple(st.value for st in OutcomeStatus),  # _status_order
                    "satisfaction": labelled_order(Satisfaction),
                    "kind": labelled_order(ConsultationKind),
                },
            )
        else:
            # Text in pinyin order, statuses in their own order: sorted here, as before.
            source = MemorySource(arrange(self.fetch(filters, control)), self.record_key)
        # How many are overdue is counted once the rows are shown (_rows_loaded): over every
        # year it is another pass over the items.
        source.summary = _PendingOverdue(replace(f, overdue_on=self._today))
        return source

    def record_key(self, record: OutcomeItemSummary) -> object:
        return record.item.id

    def count_text(self, shown: int) -> str:
        source = self.model.source if isinstance(self.model, PagedTableModel) else None
        overdue = source.summary if source is not None and shown else 0
        pending = source is not None and isinstance(source.summary, _PendingOverdue)
        if not isinstance(overdue, int):
            overdue = 0  # still being counted
        if overdue:
            text = plural(
                shown,
                self.tr("{count} item, {overdue} overdue"),
                self.tr("{count} items, {overdue} overdue"),
                overdue=overdue,
            )
        else:
            text = plural(shown, self.tr("{count} item"), self.tr("{count} items"))
        done = self._done_text
        if not pending:  # said again with the overdue count
            self._done_text = ""
        return f"{done} {text}" if done else text

    def _rows_loaded(self, rows: list[OutcomeItemSummary], presorted: bool = False) -> None:
        super()._rows_loaded(rows, presorted)
        source = self.model.source if isinstance(self.model, PagedTableModel) else None
        if source is not None and isinstance(source.summary, _PendingOverdue):
            overdue_filter = source.summary.filter
            service = self.services.consultations

            def counted(overdue: int) -> None:
                if isinstance(self.model, PagedTableModel) and self.model.source is source:
                    source.summary = overdue
                    self.set_status(self.count_text(self.model.total_rows()))

            self._overdue_loader.run(
                lambda _control: (
                    service.search_outcome_items(overdue_filter, PageRequest(limit=0)).total
                ),
                counted,
            )
        load_bodies, self._bodies_pending = self._bodies_pending, None
        if load_bodies is not None:
            load_bodies()
        keys, self._reselect = self._reselect, set()
        if not keys:
            return
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, r in enumerate(self.model.rows()):
            if r.item.id in keys:
                selection.select(self.model.index(i, 0), flags)

    def fetch_detail(self, record: OutcomeItemSummary, control: TaskControl) -> Detail:
        item = record.item
        consultation = self.services.consultations.get(record.consultation_id)
        control.check()
        yes, no = self.tr("Yes"), self.tr("No")
        deadline = str(item.deadline) if item.deadline else ""
        if item.is_overdue(self._today):
            deadline += " — " + self.overdue_text(item.deadline)
        facts: list[tuple[str, object]] = [
            (self.tr("Status"), label(item.status)),
            (self.tr("Responsible body"), item.responsible_body),
            (self.tr("Person in charge"), item.responsible_person),
            (self.tr("Deadline"), deadline),
            (self.tr("Solved on the spot"), yes if item.solved_on_spot else no),
            (self.tr("Adopted"), yes if item.adopted else no),
            (self.tr("Resolved on"), item.resolved_on),
            (self.tr("Revisited on"), item.revisit_on),
            (self.tr("Satisfaction"), label(item.satisfaction) if item.satisfaction else ""),
            (
                self.tr("Last changed"),
                item.updated_at.strftime("%Y-%m-%d %H:%M") if item.updated_at else "",
            ),
        ]
        sections = [
            (self.tr("Why unsolved / not adopted"), item.unsolved_reason),
            (self.tr("Revisit note"), item.revisit_note),
        ]
        meeting: list[tuple[str, object]] = [
            (self.tr("No."), record.consultation_number),
            (self.tr("Kind"), label(record.consultation_kind)),
            (self.tr("Topic"), record.consultation_title),
            (self.tr("Held on"), record.held_on),
            (self.tr("Group"), record.group_name),
        ]
        if consultation is not None:
            meeting += [
                (self.tr("Venue"), consultation.venue),
                (self.tr("Host"), consultation.host),
                (self.tr("Status"), label(consultation.status)),
            ]
        raised_at = self.tr("Raised at")  # outside the f-string, where lupdate finds it
        return Detail(
            "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td width='58%' valign='top' style='padding-right:24px'>"
            f"{detail_html(item.content, facts, sections)}</td>"
            f"<td valign='top'>{detail_html(raised_at, meeting)}</td>"
            "</tr></table>"
        )

    def open_record(self, record: OutcomeItemSummary) -> None:
        """Enter or double-click: the consultation the item was raised at, on its own page."""
        page = "hall" if record.consultation_kind is ConsultationKind.HALL else "micro"
        self.navigate.emit(page, {"text": record.consultation_number})
