"""The 民生议事堂 and 微协商 pages: one list page per kind of consultation.

The filter bar holds year, group and status (the kind is the page's own) and the search box,
whose text is looked for in the number, title, venue, host, recorder, people, speeches, minutes
and consensus. The detail pane shows the whole record as its record sheet would: facts, who took
part, agenda, speeches, minutes, consensus, the procedure checklist, the outcome items with their
follow-up, and the photos as thumbnails.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.documents.sheet_data import SheetKind
from liaison_desk.domain.entities import (
    Consultation,
    LiaisonGroup,
)
from liaison_desk.domain.enums import (
    AttachmentKind,
    ConsultationKind,
    ConsultationStatus,
)
from liaison_desk.domain.queries import (
    ConsultationFilter,
    ConsultationSummary,
    ConsultationTotals,
    PageRequest,
)
from liaison_desk.services import Services
from liaison_desk.services.drafts import DraftInfo
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label, month_name
from liaison_desk.ui.ledger_dialogs import add_ledger_menu
from liaison_desk.ui.messages import confirm, show_error
from liaison_desk.ui.pages.base import (
    Detail,
    ListOrder,
    RecordListPage,
    labelled_order,
    sorted_by_the_service,
    the_service_sorts,
    year_combo,
)
from liaison_desk.ui.pages.consultation_detail import GREY, record_html
from liaison_desk.ui.paging import ListSource, MemorySource, PagedTableModel
from liaison_desk.ui.period_filter import PeriodBar
from liaison_desk.ui.printing import add_print_menu, show_message
from liaison_desk.ui.signed_sheets import dropped_paths
from liaison_desk.ui.table import Column, RecordTableModel
from liaison_desk.ui.tasks import (
    LatestOnly,
    TaskControl,
    TaskHandle,
    run_task,
    run_with_progress,
)
from liaison_desk.ui.thumbnails import load_thumbnails

if TYPE_CHECKING:  # imported when first used: the page's first visit shows only the list
    from liaison_desk.services.scans import ScanReport
    from liaison_desk.ui.consultation_form import ConsultationForm

# Shown at the top of the detail pane and hidden in the list at first, so that the topic keeps
# its room beside the detail pane in a 1400-pixel window; the header's context menu shows them.
HIDDEN_COLUMNS = ("venue", "host", "member_attendance")
DEFAULT_ORDER = ListOrder("held_on", descending=True)  # newest first, as the service gives
# Columns the database sorts exactly as the table would (dates, counts, statuses by their
# label: ``labelled_order``) on either engine; text in pinyin order where the database has
# the lists' text order (``sorts_text``: SQLite), and elsewhere in the worker, as before.
SQL_ORDER = frozenset(
    {
        "held_on",
        "attendance_total",
        "member_attendance",
        "suggestion_count",
        "solved_count",
        "status",
    }
)
TEXT_ORDER = frozenset({"number", "title", "venue", "group_name", "host"})


@dataclass(frozen=True)
class _PendingTotals:
    """The status bar's sums of a list just opened, still to be read for ``filters``."""

    filters: ConsultationFilter


@dataclass(frozen=True)
class _Options:
    """What the filter combos offer, loaded from the database."""

    years: list[int]
    default_year: int | None  # None: all years
    groups: list[LiaisonGroup]


def _load_options(services: Services, kind: ConsultationKind) -> _Options:
    years = services.statistics.years()
    this_year = services.ctx.today().year
    if not years:
        return _Options(years, this_year, services.groups.all())
    # The newest year with records of this page's kind, this year first: a year that holds
    # only the other kind would open the list empty (a 2026 hall session hid 158 micro ones).
    default: int | None = None
    for year in sorted(set(years) | {this_year}, key=lambda y: (y != this_year, -y)):
        if (
            year in years
            and services.consultations.search(
                ConsultationFilter(year=year, kind=kind), PageRequest(limit=1)
            ).total
        ):
            default = year
            break
    return _Options(years, default, services.groups.all())


class ConsultationsPage(RecordListPage[ConsultationSummary]):
    """民生议事堂 (page_id "hall") or 微协商 (page_id "micro"), by the kind it is built with.

    ``apply_filter`` keys: ``year`` (int or None for all years), ``month`` (1–12 within that
    year, or None: a bar of 工作台's chart), ``group_id`` (int or None), ``status``
    (ConsultationStatus or None), ``text`` (the search box) and ``held_from`` / ``held_to``
    (dates: a quarter or month of the group comparison). A key left out is
    reset to "all" (or an empty search), so a link shows exactly what it names."""

    page_id = "hall"

    def __init__(
        self, services: Services, kind: ConsultationKind, parent: QWidget | None = None
    ) -> None:
        # The base class builds the filter bar and the columns in its constructor: what they
        # need is set first.
        self.kind = kind
        # The years and groups the filters offer are read off the GUI thread when the page is
        # first shown (``refresh``): over four hundred years that is 50 ms of queries. Until
        # then the filters offer "all"; the list waits for the default year.
        self._options = _Options([], None, [])
        self._options_known = False
        self._year_chosen = False  # a link chose the year before the options were read
        super().__init__(services, parent)
        self._totals_loader = LatestOnly(self)
        self._options_loader = LatestOnly(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.period_bar)  # between the filter bar and the list
        self.page_id = kind.value  # type: ignore[misc]  # per instance: "hall" or "micro"
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setToolTip(
            self.tr(
                "Finds the text in the number, topic, venue, host, recorder, participants, "
                "speeches, minutes and consensus."
            )
        )
        self.splitter.setSizes([680, 320])
        self._fit_headers()
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setToolTip(self.tr("Right-click to choose the columns shown."))
        for key in HIDDEN_COLUMNS:
            self.table.setColumnHidden(self.model.column_index(key), True)
        self._group_column_chosen = False  # the user showed or hid it: leave it so
        self._show_group_column()
        self._must_show: int | None = None  # the record just saved: the list must show it
        self._set_up_signed_sheets()
        self._set_up_form()

    # --- table ---------------------------------------------------------------------------------
    def columns(self) -> list[Column[ConsultationSummary]]:
        return [
            Column("number", self.tr("Number"), lambda r: r.number, width=9),
            Column("held_on", self.tr("Date"), lambda r: r.held_on, width=5),
            Column("title", self.tr("Topic"), lambda r: r.title, stretch=True),
            Column("venue", self.tr("Venue"), lambda r: r.venue, width=9),
            Column("group_name", self.tr("Group"), lambda r: r.group_name, width=8),
            Column("host", self.tr("Host"), lambda r: r.host, width=4),
            Column(
                "attendance_total",
                self.tr("Attendance"),
                lambda r: r.attendance_total,
                numeric=True,
                width=4,
            ),
            Column(
                "member_attendance",
                self.tr("Members"),
                lambda r: r.member_attendance,
                numeric=True,
                width=4,
            ),
            Column(
                "suggestion_count",
                self.tr("Suggestions"),
                lambda r: r.suggestion_count,
                numeric=True,
                width=4,
            ),
            Column(
                "solved_count", self.tr("Solved"), lambda r: r.solved_count, numeric=True, width=4
            ),
            Column("status", self.tr("Status"), lambda r: r.status, width=4),
        ]

    def make_model(self) -> RecordTableModel[ConsultationSummary]:
        return PagedTableModel(
            self.columns(), self, muted=lambda r: r.status is ConsultationStatus.ARCHIVED
        )

    def sort_default(self) -> None:
        self.table.sortByColumn(self.model.column_index("held_on"), Qt.SortOrder.DescendingOrder)

    def _fit_headers(self) -> None:
        """Widths that fit a typical value of each column (a long number, a date, the longest
        status) and its header in the current language with the sort arrow, so neither is
        clipped; longer venues and group names are elided and shown whole in the tooltip."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        samples = {
            "number": "八里店-2024-议-012",
            "held_on": "2024-12-31",
            "venue": "八里店镇民生议事堂",
            "group_name": "仁皇山街道联络组",
            "host": "欧阳明月",
            "status": max((label(s) for s in ConsultationStatus), key=metrics.horizontalAdvance),
        }
        for i, column in enumerate(self.model.columns):
            if column.stretch:
                continue
            text = samples.get(column.key, "9999")
            width = (
                metrics.horizontalAdvance(text)
                + 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
                + 12
            )
            header.resizeSection(i, max(width, header.sectionSizeHint(i)))

    def _show_group_column(self) -> None:
        """A secretary's database holds one group: its name in every row says nothing. The
        district office's holds all of them, and the column (and its filter) matter there."""
        several = len(self._options.groups) > 1
        if not self._group_column_chosen:
            self.table.setColumnHidden(self.model.column_index("group_name"), not several)
        self.group_combo.setVisible(several or self.group_combo.currentData() is not None)

    def column_actions(self) -> list[QAction]:
        """One checkable action per column the user may hide (all but the topic)."""
        actions = []
        for i, column in enumerate(self.model.columns):
            if column.stretch:
                continue
            action = QAction(column.header, self)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda shown, i=i: self._set_column_shown(i, shown))
            actions.append(action)
        return actions

    def _set_column_shown(self, index: int, shown: bool) -> None:
        if self.model.columns[index].key == "group_name":
            self._group_column_chosen = True
        self.table.setColumnHidden(index, not shown)

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in self.column_actions():
            action.setParent(menu)
            menu.addAction(action)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    # --- filters -------------------------------------------------------------------------------
    def placeholder(self) -> str:
        return self.tr("Search number, topic, venue, people, minutes…")

    def build_filters(self, bar: QHBoxLayout) -> None:
        options = self._options
        self.year_combo = year_combo(options.years, self.tr("All years"), options.default_year)
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.year_combo.setToolTip(self.tr("Year"))
        # A month of the year chosen (工作台's chart of sessions by month opens one).
        self.month_combo = QComboBox()
        self.month_combo.setAccessibleName(self.tr("Month"))
        self.month_combo.setToolTip(self.tr("Month"))
        self.month_combo.addItem(self.tr("All months"), None)
        for month in range(1, 13):
            self.month_combo.addItem(month_name(month), month)
        self.year_combo.currentIndexChanged.connect(self._month_needs_year)
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Liaison group"))
        self.group_combo.setToolTip(self.tr("Liaison group"))
        self._fill_groups(options.groups)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.status_combo.setToolTip(self.tr("Status"))
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in ConsultationStatus:
            self.status_combo.addItem(label(status), status)
        # A quarter or month asked for by the group comparison; another year ends it.
        self.period_bar = PeriodBar(self)
        self.period_bar.cleared.connect(self.reload)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.period_bar.clear())
        for combo in (self.year_combo, self.month_combo, self.group_combo, self.status_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.reload)
            bar.addWidget(combo)
        self._month_needs_year()

    def _month_needs_year(self) -> None:
        """A month is a month of the year chosen: with all years, no month."""
        has_year = self.year_combo.currentData() is not None
        if not has_year and self.month_combo.currentIndex() != 0:
            blocked = self.month_combo.blockSignals(True)
            self.month_combo.setCurrentIndex(0)
            self.month_combo.blockSignals(blocked)
        self.month_combo.setEnabled(has_year)

    def build_actions(self, bar: QHBoxLayout) -> None:
        self.new_button = QPushButton(icon("new"), self.tr("&New"))
        self.new_button.setToolTip(
            self.tr("Record a new hall session (Ctrl+N)")
            if self.kind is ConsultationKind.HALL
            else self.tr("Record a new micro-consultation (Ctrl+N)")
        )
        self.new_button.clicked.connect(lambda _checked=False: self.new_record())
        bar.addWidget(self.new_button)

    def _fill_groups(self, groups: Sequence[LiaisonGroup]) -> None:
        current = self.group_combo.currentData()
        blocked = self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("All groups"), None)
        for g in groups:
            self.group_combo.addItem(g.name, g.id)
        _select(self.group_combo, current, str(current))
        self.group_combo.blockSignals(blocked)

    def _fill_years(self, years: Sequence[int]) -> None:
        current = self.year_combo.currentData()
        blocked = self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:  # keep "All years"
            self.year_combo.removeItem(1)
        for y in sorted(set(years), reverse=True):
            self.year_combo.addItem(str(y), y)
        _select(self.year_combo, current, str(current))
        self.year_combo.blockSignals(blocked)

    def filters(self) -> ConsultationFilter:
        year = self.year_combo.currentData()
        month = self.month_combo.currentData() if year is not None else None
        # The month chosen here (a chart's bar) and the group comparison's quarter or month
        # both narrow the dates: the list shows where they overlap.
        starts = [self.period_bar.held_from]
        ends = [self.period_bar.held_to]
        if month is not None:
            starts.append(date(year, month, 1))
            ends.append(date(year, month, calendar.monthrange(year, month)[1]))
        held_from = max((d for d in starts if d is not None), default=None)
        held_to = min((d for d in ends if d is not None), default=None)
        return ConsultationFilter(
            year=year,
            held_from=held_from,
            held_to=held_to,
            group_id=self.group_combo.currentData(),
            kind=self.kind,
            status=self._status_choice(),
            text=self.search.text().strip(),
        )

    def _status_choice(self) -> ConsultationStatus | None:
        # A combo keeps an enum that is a str as a plain str: make it the member again.
        data = self.status_combo.currentData()
        return ConsultationStatus(data) if data else None

    def apply_filter(self, filters: dict[str, Any]) -> None:
        if self.form_shown() and not self.form.has_unsaved_changes():
            self.show_list()  # a link shows the records it names; unsaved input stays open
        year = filters.get("year")
        group_id = filters.get("group_id")
        status = filters.get("status")
        widgets = (
            self.year_combo,
            self.month_combo,
            self.group_combo,
            self.status_combo,
            self.search,
        )
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            _select(self.year_combo, year, str(year))
            month = filters.get("month") if year is not None else None
            self.month_combo.setCurrentIndex(max(self.month_combo.findData(month), 0))
            self.month_combo.setEnabled(year is not None)
            group_name = next(
                (g.name for g in self._options.groups if g.id == group_id), str(group_id)
            )
            _select(self.group_combo, group_id, group_name)
            _select(
                self.status_combo,
                status,
                label(status) if isinstance(status, ConsultationStatus) else "",
            )
            self.search.setText(str(filters.get("text") or ""))
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)
        self.period_bar.set_period(filters.get("held_from"), filters.get("held_to"))
        self._year_chosen = True
        self._stale = False  # the reload below is the one the page would do when shown
        self.refresh()

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        services, kind = self.services, self.kind
        if self._options_known:
            self._options_loader.run(
                lambda _control: _load_options(services, kind), self._options_loaded
            )
            self.reload()
            return

        def first_options(options: _Options) -> None:
            # The first list shows the default year (the newest with records of this kind),
            # unless a link chose one meanwhile.
            self._options_known = True
            self._options_loaded(options)
            if not self._year_chosen and options.default_year is not None:
                blocked = self.year_combo.blockSignals(True)
                _select(self.year_combo, options.default_year, str(options.default_year))
                self.year_combo.blockSignals(blocked)
                self._month_needs_year()
            self.reload()

        self._loading = True  # the list is on its way (is_busy, the benchmarks' wait)
        self._options_loader.run(
            lambda _control: _load_options(services, kind), first_options, self._load_failed
        )

    def _options_loaded(self, options: _Options) -> None:
        """New years or groups since the page was built (the current choices stay)."""
        self._options = options
        self._fill_years(options.years)
        self._fill_groups(options.groups)
        self._show_group_column()

    def fetch(self, filters: ConsultationFilter, control: TaskControl) -> list[ConsultationSummary]:
        rows = self.services.consultations.search(filters, PageRequest()).items
        control.check()
        return rows

    def open_list(
        self,
        filters: ConsultationFilter,
        order: ListOrder | None,
        arrange: Callable[[list[ConsultationSummary]], list[ConsultationSummary]],
        control: TaskControl,
    ) -> ListSource[ConsultationSummary]:
        service = self.services.consultations
        # The count only (an index count); the sums of the status bar follow the first rows
        # (_rows_loaded): over every year they read the whole table, 0.1–0.9 s at 100k.
        total = service.search(filters, PageRequest(limit=0)).total
        control.check()
        source: ListSource[ConsultationSummary]
        if the_service_sorts(order, DEFAULT_ORDER, SQL_ORDER, TEXT_ORDER, service.sorts_text):
            # Sorted by the database a page at a time, whatever the column: sorting every row
            # here held the GUI thread for seconds at 100k.
            source = sorted_by_the_service(
                total,
                order,
                DEFAULT_ORDER,
                lambda request: service.search(filters, request, matched=total).items,
                lambda r: r.id,
                {"status": labelled_order(ConsultationStatus)},
            )
        else:
            # Text in pinyin order, numbers inside it by value: sorted here, as before.
            source = MemorySource(arrange(self.fetch(filters, control)), self.record_key)
        source.summary = _PendingTotals(filters)
        return source

    def count_text(self, shown: int) -> str:
        source = self.model.source if isinstance(self.model, PagedTableModel) else None
        totals = source.summary if source is not None else None
        if self.kind is ConsultationKind.HALL:
            count = plural(
                shown,
                self.tr("{count} deliberation-hall session"),
                self.tr("{count} deliberation-hall sessions"),
            )
        else:
            count = plural(
                shown, self.tr("{count} micro-consultation"), self.tr("{count} micro-consultations")
            )
        if not shown or not isinstance(totals, ConsultationTotals):
            return count
        sums = self.tr(
            "attendance {attendance} ({members} by members), suggestions {suggestions}, "
            "solved {solved}"
        ).format(
            attendance=totals.attendance,
            members=totals.member_attendance,
            suggestions=totals.suggestions,
            solved=totals.solved,
        )
        return f"{count} · {sums}"

    # --- the form: the page shows either the list or one record's form -------------------------
    def _set_up_form(self) -> None:
        """The list (filter bar, table, detail pane) moves into the first view of a stack; the
        consultation form is the second."""
        outer = self.layout()
        assert outer is not None
        self.list_view = QWidget()
        inner = QVBoxLayout(self.list_view)
        inner.setContentsMargins(0, 0, 0, 0)
        while outer.count():
            item = outer.takeAt(0)
            if item is None:
                break
            child = item.layout()
            widget = item.widget()
            if child is not None:
                child.setParent(None)
                inner.addLayout(child)
            elif widget is not None:
                inner.addWidget(widget, 1 if widget is self.splitter else 0)
        # The form is built when a record is first opened (``form``): building it with the
        # list took a third of the page's first visit.
        self._form: ConsultationForm | None = None
        self.views = QStackedWidget()
        self.views.addWidget(self.list_view)
        outer.addWidget(self.views)
        self.duplicate_action = QAction(self.tr("Copy as new record"), self)
        self.duplicate_action.setToolTip(
            self.tr("Start a new record from the selected one: same venue, people and agenda")
        )
        self.duplicate_action.triggered.connect(lambda _checked=False: self.duplicate_selected())
        self.table.addAction(self.duplicate_action)

    @property
    def form(self) -> ConsultationForm:
        """The consultation form, built the first time a record is opened."""
        if self._form is None:
            from liaison_desk.ui.consultation_form import ConsultationForm

            form = ConsultationForm(self.services, self.kind)
            self.views.addWidget(form)
            form.leave_requested.connect(self.show_list)
            form.saved.connect(self._form_saved)
            form.status_message.connect(lambda text: show_message(self, text))
            form.attach_sheet_requested.connect(
                lambda c: self.choose_signed_sheet(c, on_done=form.reload)
            )
            self._form = form
        return self._form

    def form_shown(self) -> bool:
        return self._form is not None and self.views.currentWidget() is self._form

    def show_form(self) -> None:
        self.views.setCurrentWidget(self.form)
        self._list_actions_enabled(False)
        self.form.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        self._list_actions_enabled(True)
        self.refresh_if_stale()  # changed elsewhere while the form was open
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status_changed.emit(self.status_text())

    def _list_actions_enabled(self, enabled: bool) -> None:
        """The list's shortcuts (Ctrl+P prints the selected rows) only while the list shows."""
        for action in self.print_button.sheet_actions.values():
            action.setEnabled(enabled)
        for action in (self.attach_sheets_action, self.attach_one_action, self.duplicate_action):
            action.setEnabled(enabled)

    def _form_saved(self, c: Consultation) -> None:
        self.data_changed.emit()
        if c.id is not None:
            self._selected_key = c.id
            self._must_show = c.id
        self._show_in_filters(c)
        self.refresh()  # the year list too: the record may bring a new year

    def _show_in_filters(self, c: Consultation) -> None:
        """Filters that would hide the record just saved give way: its year (added to the list
        when new), all groups and all statuses when they differ. The search box is cleared when
        the list comes back without the record (``_rows_loaded``)."""
        widgets = (self.year_combo, self.group_combo, self.status_combo)
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            year = self.year_combo.currentData()
            if year is not None and c.held_on is not None and c.held_on.year != year:
                _select(self.year_combo, c.held_on.year, str(c.held_on.year))
            if self.group_combo.currentData() not in (None, c.group_id):
                self.group_combo.setCurrentIndex(0)
            if self._status_choice() not in (None, c.status):
                self.status_combo.setCurrentIndex(0)
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)

    def _rows_loaded(self, rows: list[ConsultationSummary], presorted: bool = False) -> None:
        must_show, self._must_show = self._must_show, None
        if (
            must_show is not None
            and self.search.text().strip()
            and all(r.id != must_show for r in rows)
        ):
            blocked = self.search.blockSignals(True)
            self.search.clear()  # the saved record does not match the search: show it anyway
            self.search.blockSignals(blocked)
            self.reload()
            return
        super()._rows_loaded(rows, presorted)
        source = self.model.source if isinstance(self.model, PagedTableModel) else None
        if source is not None and isinstance(source.summary, _PendingTotals):
            wanted = source.summary.filters
            service = self.services.consultations

            def summed(totals: ConsultationTotals) -> None:
                if isinstance(self.model, PagedTableModel) and self.model.source is source:
                    source.summary = totals
                    self.set_status(self.count_text(self.model.total_rows()))

            self._totals_loader.run(lambda _control: service.totals(wanted), summed)

    def is_busy(self) -> bool:
        return self._totals_loader.busy or self._options_loader.busy or super().is_busy()

    def active_filters(self) -> list[str]:
        """What the filter bar narrows the list to, as the empty list names it."""
        found = []
        if self.year_combo.currentData() is not None:
            found.append(self.tr("year {year}").format(year=self.year_combo.currentText()))
        if self.period_bar.describe():
            found.append(self.period_bar.describe())
        if self.group_combo.currentData() is not None:
            found.append(self.group_combo.currentText())
        if self._status_choice() is not None:
            found.append(self.status_combo.currentText())
        if self.search.text().strip():
            found.append(self.tr("search “{text}”").format(text=self.search.text().strip()))
        return found

    def clear_filters(self) -> None:
        widgets = (self.year_combo, self.group_combo, self.status_combo, self.search)
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            for combo in widgets[:3]:
                combo.setCurrentIndex(0)  # "all" is the first entry of each
            self.search.clear()
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)
        self.period_bar.clear()
        self.reload()

    def open_record(self, record: ConsultationSummary) -> None:
        """Enter or a double-click: the record's form."""
        self.open_record_form(record.id)

    def open_record_form(self, consultation_id: int) -> None:
        """The form of the record with ``consultation_id`` (the screenshot command's --record)."""
        if self.form_shown() and not self.form.confirm_leave():
            return
        self.form.open_record(consultation_id)
        self.show_form()

    def new_record(self) -> bool:
        """Ctrl+N: a new record of this page's kind, for the group the list is filtered on."""
        if self.form_shown() and not self.form.confirm_leave():
            return True
        self.form.open_new(self.group_combo.currentData())
        self.show_form()
        return True

    def duplicate_selected(self) -> None:
        """复制为新活动 from the list: the selected record's copy, unsaved, in the form."""
        record = self.current_record()
        if record is None:
            self.set_status(self.tr("Select the record to copy."))
            return
        try:
            copy_ = self.services.consultations.duplicate_as_new(record.id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.form.open_consultation(copy_, dirty=True)
        self.show_form()

    def has_unsaved_changes(self) -> bool:
        return self._form is not None and self._form.has_unsaved_changes()

    def save(self) -> bool:
        """Save the open form (the main window asks before closing). True when saved."""
        return not self.has_unsaved_changes() or self.form.save()

    def unsaved_name(self) -> str:
        """The record with unsaved changes, named as 返回列表 and Esc name it."""
        return f"“{self.form.unsaved_name()}”"

    def discard_unsaved(self) -> None:
        """The user chose not to keep the edits (closing the window): drop them and their
        draft."""
        if self._form is not None and self._form.has_unsaved_changes():
            self._form.discard_changes()

    def confirm_leave(self) -> bool:
        """Before the main window shows another page: Save / Discard / Cancel for the form."""
        return self._form is None or self._form.confirm_leave()

    def open_draft(self, info: DraftInfo) -> bool:
        """Restore a draft kept of an unsaved form of this page's kind (after a crash): the
        form shows it, marked unsaved. False when the draft is of another kind of record."""
        from liaison_desk.ui.consultation_form import DRAFT_KIND

        if info.kind != DRAFT_KIND:
            return False
        c = self.services.drafts.load(info)
        if not isinstance(c, Consultation) or c.kind is not self.kind:
            return False
        if self.form_shown() and not self.form.confirm_leave():
            return False
        self.form.open_consultation(c, dirty=True)
        self.show_form()
        return True

    def focus_search(self) -> bool:
        if self.form_shown():
            return False
        return super().focus_search()

    # --- signed paper sheets back from the sessions (drop a folder of scans) --------------------
    def _set_up_signed_sheets(self) -> None:
        """A folder of scans or phone photos (or some image files) dropped from the file manager
        onto the page is attached sheet by sheet to the consultation whose QR code each shows;
        the button (and the table's context menu) chooses the folder in a dialog instead."""
        self._sheets_task: TaskHandle[ScanReport] | None = None
        self.setAcceptDrops(True)
        for widget in (self.detail.text, self.detail.text.viewport()):
            widget.setAcceptDrops(False)  # read-only: a drop there is a drop on the page
        self.attach_sheets_action = QAction(self.tr("Attach signed sheets…"), self)
        self.attach_sheets_action.setToolTip(
            self.tr(
                "Attach scans or photos of signed sheets to the consultations whose QR codes "
                "they show. You can also drop a folder of scans onto the list."
            )
        )
        self.attach_sheets_action.triggered.connect(
            lambda _checked=False: self.choose_signed_sheets()
        )
        self.attach_sheets_button = QToolButton()
        self.attach_sheets_button.setDefaultAction(self.attach_sheets_action)
        self.attach_sheets_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.filter_bar.addWidget(self.attach_sheets_button)
        kinds = (
            [SheetKind.SIGNIN, SheetKind.RECORD]
            if self.kind is ConsultationKind.HALL
            else [SheetKind.CARD, SheetKind.SIGNIN]
        ) + [SheetKind.SLIP]
        self.print_button = add_print_menu(
            self, self.services, kinds, lambda: [r.id for r in self.selected_records()]
        )
        self.filter_bar.addWidget(self.print_button)
        self.ledger_button = add_ledger_menu(  # 导出台账…, 导入台账…
            self,
            self.services,
            self.filters,
            self.kind,
            self.set_status,
            self._after_ledger_import,
        )
        self.filter_bar.addWidget(self.ledger_button)
        self.table.addAction(self.attach_sheets_action)
        self.attach_one_action = QAction(self.tr("Attach a signed sheet to this record…"), self)
        self.attach_one_action.triggered.connect(lambda _checked=False: self.choose_signed_sheet())
        self.table.addAction(self.attach_one_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._chain_tab_order()  # the button joins the filter bar's tab chain

    def _after_ledger_import(self) -> None:
        self.data_changed.emit()  # the other pages show the imported records too
        self.reload()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Not onto an open form: the form's photos tab takes files; a sheet attached behind it
        # would make the form's copy of the record out of date.
        if dropped_paths(event.mimeData()) and self._sheets_task is None and not self.form_shown():
            # Always a copy: a "move" accepted here would let the file manager delete the scans.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_paths(event.mimeData()) and self._sheets_task is None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if not paths or self._sheets_task is not None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.attach_signed_sheets(paths)

    def choose_signed_sheets(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder with the scans of signed sheets")
        )
        if folder:
            self.attach_signed_sheets([Path(folder)])

    def choose_signed_sheet(
        self,
        record: ConsultationSummary | Consultation | None = None,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        """One scan or phone photo for ``record`` (the selected one when None; the form gives
        its own); a sheet whose QR code names another record is attached only when
        confirmed. ``on_done`` runs after it was attached."""
        record = record if record is not None else self.current_record()
        if record is None:
            self.set_status(self.tr("Select the consultation the signed sheet belongs to."))
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Signed sheet for {number}").format(number=record.number),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)"),
        )
        if name:
            self.attach_signed_sheet(record, Path(name), on_done=on_done)

    def attach_signed_sheet(
        self,
        record: ConsultationSummary | Consultation,
        image: Path,
        force: bool = False,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        scans = self.services.scans
        record_id = record.id
        assert record_id is not None

        def done(_attachment: object) -> None:
            self.data_changed.emit()
            self._reload_selecting(record_id)
            self.set_status(
                self.tr("Signed sheet attached to {number}.").format(number=record.number)
            )
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            from liaison_desk.services.scans import WrongSheetError

            if isinstance(exc, WrongSheetError) and not force:
                if confirm(
                    self,
                    self.tr("Another record's sheet?"),
                    str(exc),
                    self.tr("Attach anyway"),
                ):
                    self.attach_signed_sheet(record, image, force=True, on_done=on_done)
                return
            show_error(self, exc)

        run_task(
            self,
            lambda _control: scans.attach_signed_sheet(record_id, image, force=force),
            done,
            failed,
        )

    def attach_signed_sheets(self, paths: Sequence[Path]) -> None:
        """Read the QR code of every image in ``paths`` (folders: the images in them, not their
        subfolders) off the GUI thread, attach each to its consultation, then show the report.
        Cancel stops before the next image; what was attached stays and is reported."""
        if self._sheets_task is not None:
            return
        scans = self.services.scans
        reading = self.tr("Reading sheet {done} of {total}…")
        reports: list[ScanReport] = []  # kept for Cancel, whose signal carries no result

        def work(control: TaskControl) -> ScanReport:
            files: list[Path] = []
            for path in paths:
                control.check()
                files.extend(scans.files_in(path) if path.is_dir() else [path])

            report = scans.match_files(files, control)
            reports.append(report)
            return report

        def done(report: ScanReport) -> None:
            self._sheets_task = None
            self._signed_sheets_matched(report)

        def cancelled() -> None:
            self._sheets_task = None
            if reports:
                self._signed_sheets_matched(reports[0])

        def failed(exc: BaseException) -> None:
            self._sheets_task = None
            self.data_changed.emit()  # some may have been attached before the error
            self._reload_selecting(None)
            show_error(self, exc)

        self._sheets_task = run_with_progress(
            self,
            self.tr("Attaching signed sheets"),
            work,
            done,
            failed,
            cancelled,
            describe=lambda done, total: reading.format(done=min(done + 1, total), total=total),
        )

    def _signed_sheets_matched(self, report: ScanReport) -> None:
        if report.attached:
            self.data_changed.emit()
            # The detail pane then shows the first record that got a sheet, with its new file.
            self._reload_selecting(report.consultation_ids[0])
        from liaison_desk.ui.signed_sheets import ScanReportDialog

        dialog = ScanReportDialog(report, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _reload_selecting(self, consultation_id: int | None) -> None:
        self.table.selectionModel().clear()
        if consultation_id is not None:
            self._selected_key = consultation_id
        self.reload()

    # --- the detail pane (runs off the GUI thread) ---------------------------------------------
    def fetch_detail(self, record: ConsultationSummary, control: TaskControl) -> Detail:
        c = self.services.consultations.get(record.id)
        if c is None:
            gone = self.tr("This record no longer exists.")
            return Detail(f"<p style='color:{GREY}'>{esc(gone)}</p>")
        control.check()
        history = self.services.consultations.history(record.id) if c.is_locked else []
        control.check()
        photos = sorted(
            (a for a in c.attachments if a.kind is AttachmentKind.PHOTO),
            key=lambda a: (not a.is_cover, a.position, a.id or 0),
        )
        thumbnails = load_thumbnails(
            self.services, [(a.sha256, a.caption or a.original_name) for a in photos]
        )
        today = self.services.ctx.today()
        return Detail(record_html(c, record.group_name, history, today), thumbnails)


def _select(combo: QComboBox, value: object, text: str) -> None:
    """Select the entry whose data is ``value``; one that is missing (a year without records
    yet, a link to a group not loaded yet) is added so the filter still says what it shows."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(text, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
