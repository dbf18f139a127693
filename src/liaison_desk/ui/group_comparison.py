"""各组对比: every liaison group's figures of a year, quarter or month side by side, with a
totals row — the district office's view of who did what. Any figure opens the list it counts
(织里's 超期 opens 问题跟踪 filtered to 织里, overdue, that period; 案例 the cases page), the
group's name opens 工作台 for that group. 导出报表… writes the district's return (月报/季报).

The figures are ``services.reports.group_comparison``: the statistics workbook's 分组 rows and
总表 total, counted once in ``storage/repositories/statistics.py``. The columns come from the
comparison itself (``documents/district_return.COMPARISON_COLUMNS``): a column added there shows
here with its Chinese heading; ``_headers`` gives it a translated one.

``apply_filter`` keys: ``year`` (int), ``quarter`` (1–4) or ``month`` (1–12).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.enums import CaseStatus, OutcomeStatus
from liaison_desk.domain.periods import QUARTER_NAMES, ReportPeriod
from liaison_desk.services import Services
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.icons import icon
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.pages.base import Page, with_label
from liaison_desk.ui.table import Column, Index, RecordTableModel
from liaison_desk.ui.tasks import LatestOnly, TaskControl, run_with_progress

if TYPE_CHECKING:
    # Not at run time: the module brings openpyxl, which took a third of a second on the GUI
    # thread when the page was first built; the report service loads it off that thread.
    from liaison_desk.documents.district_return import (
        ComparisonColumn,
        GroupComparison,
        GroupFigures,
    )

NAME_KEY = "name"


def period_code(period: ReportPeriod) -> str:
    """The period combo's item data: "" the whole year, "q2" a quarter, "m3" a month."""
    if period.quarter is not None:
        return f"q{period.quarter}"
    return f"m{period.month}" if period.month is not None else ""


def cell_target(
    comparison: GroupComparison, row: GroupFigures, key: str
) -> tuple[str, dict[str, Any]] | None:
    """The page and filters the cell of ``row`` and column ``key`` opens (None: no list)."""
    period = comparison.period
    scope: dict[str, Any] = {"year": period.year, "group_id": row.group_id}
    # The consultation lists have only years: a quarter or month goes as dates.
    held = {} if period.is_year else {"held_from": period.start, "held_to": period.end}
    solved = {**scope, **held, "status": OutcomeStatus.SOLVED}
    targets: dict[str, tuple[str, dict[str, Any]]] = {
        NAME_KEY: ("dashboard", scope),
        "hall_sessions": ("hall", {**scope, **held}),
        "micro_consultations": ("micro", {**scope, **held}),
        # The person-times are summed from the consultations; the hall list's status bar sums
        # its sessions' (as the dashboard's card does).
        "attendance": ("hall", {**scope, **held}),
        "member_attendance": ("hall", {**scope, **held}),
        "suggestions": ("outcomes", {**scope, **held}),
        "solved": ("outcomes", solved),
        "solved_rate": ("outcomes", solved),
        # Overdue as the figure counts it: on the period's last day, or today if sooner.
        "overdue": ("outcomes", {**scope, **held, "overdue": True, "overdue_on": comparison.as_of}),
        "cases_written": ("cases", scope),
        "cases_submitted": (
            "cases",
            {**scope, "statuses": [CaseStatus.SUBMITTED, CaseStatus.SELECTED, CaseStatus.RETURNED]},
        ),
        "cases_selected": ("cases", {**scope, "statuses": [CaseStatus.SELECTED]}),
    }
    found = targets.get(key)
    return (found[0], dict(found[1])) if found is not None else None


class ComparisonModel(RecordTableModel["GroupFigures"]):
    """The rows of the comparison; the totals row in bold, each header's counting rule as its
    tooltip."""

    rules: dict[int, str]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            record = self.row_at(index.row())
            if record is not None and record.is_total:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return getattr(self, "rules", {}).get(section)
        return super().headerData(section, orientation, role)


class GroupComparisonPage(Page):
    page_id = "comparison"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._loader = LatestOnly(self)
        self._loading = False
        self.comparison: GroupComparison | None = None

        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItem(self.tr("Whole year"), "")
        for q, name in enumerate(QUARTER_NAMES, start=1):
            self.period.addItem(name, f"q{q}")
        for m in range(1, 13):
            self.period.addItem(self.tr("Month {month}").format(month=m), f"m{m}")
        for combo in (self.year, self.period):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setVisible(False)
        self.export_button = QPushButton(icon("export"), self.tr("&Export return…"))
        self.export_button.setToolTip(
            self.tr("Save this table as the district's monthly or quarterly return (Excel)")
        )
        self.export_button.clicked.connect(lambda _checked=False: self.export_return())
        bar.addWidget(with_label(self.tr("Year:"), self.year))
        bar.addSpacing(12)
        bar.addWidget(with_label(self.tr("Period:"), self.period))
        bar.addSpacing(12)
        bar.addWidget(self.loading)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        outer.addLayout(bar)

        self.note = QLabel()
        self.note.setWordWrap(True)
        outer.addWidget(self.note)

        self.model = ComparisonModel([], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setAccessibleName(self.tr("Group comparison"))
        self.table.clicked.connect(self.open_cell)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self.open_cell(self.table.currentIndex()))
        outer.addWidget(self.table, 1)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.setEnabled(False)

    # --- columns -------------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        """Translated headings; a column not named here shows its heading of the return."""
        return {
            NAME_KEY: self.tr("Liaison group"),
            "hall_sessions": self.tr("Hall sessions"),
            "micro_consultations": self.tr("Micro"),
            "attendance": self.tr("Attendance"),
            "member_attendance": self.tr("Members"),
            "suggestions": self.tr("Suggestions"),
            "solved": self.tr("Solved"),
            "solved_rate": self.tr("Solved rate"),
            "overdue": self.tr("Overdue"),
            "cases_written": self.tr("Cases"),
            "cases_selected": self.tr("Selected"),
            "last_import": self.tr("Last import"),
        }

    def _columns(self, columns: tuple[ComparisonColumn, ...]) -> list[Column[GroupFigures]]:
        headers = self._headers()
        # The totals row's name is the return's 合计: in the window, in the window's language.
        total = self.tr("Total")
        result: list[Column[GroupFigures]] = [
            Column(NAME_KEY, headers[NAME_KEY], lambda r: total if r.is_total else r.name)
        ]
        for c in columns:
            result.append(
                Column(
                    c.key,
                    headers.get(c.key, c.heading),
                    partial(self._cell, key=c.key),
                    numeric=True,
                )
            )
        return result

    @staticmethod
    def _cell(row: GroupFigures, key: str) -> Any:
        if key == "solved_rate":
            return f"{row.value(key):.1f}%" if row.statistics.suggestions else "—"
        return row.value(key)

    # --- loading -------------------------------------------------------------------------------
    def chosen_period(self) -> ReportPeriod | None:
        if not self.year.count():
            return None
        code = str(self.period.currentData() or "")
        quarter = int(code[1:]) if code.startswith("q") else None
        month = int(code[1:]) if code.startswith("m") else None
        return ReportPeriod(int(self.year.currentData()), quarter, month)

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._load(self.chosen_period())

    def apply_filter(self, filters: dict[str, Any]) -> None:
        year = filters.get("year") or self.year.currentData()
        if year is None:
            year = self.services.statistics.default_year()
        period = ReportPeriod(int(year), filters.get("quarter"), filters.get("month"))
        self._stale = False
        self._load(period)

    def _load(self, period: ReportPeriod | None) -> None:
        services = self.services

        def work(control: TaskControl) -> tuple[GroupComparison, list[int]]:
            years = services.statistics.years()
            chosen = period or ReportPeriod(services.statistics.default_year())
            control.check()
            return services.reports.group_comparison(chosen), years

        self._loading = True
        self.loading.setVisible(True)
        self.set_status(self.tr("Loading…"))
        self._loader.run(work, self._loaded, self._failed)

    def is_busy(self) -> bool:
        return self._loading or self._loader.busy

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.loading.setVisible(False)
        self.set_status(self.tr("Could not load the group comparison."))
        show_error(self, exc)

    def _loaded(self, result: tuple[GroupComparison, list[int]]) -> None:
        comparison, years = result
        self._loading = False
        self.loading.setVisible(False)
        self.comparison = comparison
        self._fill_choices(comparison.period, years)
        columns = self._columns(comparison.columns)
        self.model.beginResetModel()
        self.model.columns = columns
        self.model.rules = {i + 1: c.rule for i, c in enumerate(comparison.columns)}
        self.model.endResetModel()
        self.model.set_rows(comparison.all_rows())
        self._size_columns()
        period = comparison.period
        self.note.setText(
            self.tr(
                "Consultations held {start} – {end}; overdue as of {as_of}; cases of {year}. "
                "Click a figure to open the records it counts."
            ).format(
                start=period.start.isoformat(),
                end=period.end.isoformat(),
                as_of=comparison.as_of.isoformat(),
                year=period.year,
            )
        )
        t = comparison.total.statistics
        self.set_status(
            self.tr(
                "{period}: {groups} groups, {hall} hall sessions, {micro} micro, {solved} solved"
            ).format(
                period=period.label,
                groups=len(comparison.rows),
                hall=t.hall_sessions,
                micro=t.micro_consultations,
                solved=t.solved,
            )
        )

    def _size_columns(self) -> None:
        """The names as wide as the longest (in bold, as the totals row is), the figures
        sharing the rest evenly."""
        header = self.table.horizontalHeader()
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        names = [r.name for r in self.model.rows()] + [self.model.columns[0].header]
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, max(metrics.horizontalAdvance(n) for n in names) + 24)
        for i in range(1, len(self.model.columns)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def _fill_choices(self, period: ReportPeriod, years: list[int]) -> None:
        for combo in (self.year, self.period):
            combo.blockSignals(True)
        try:
            self.year.clear()
            for y in sorted(set(years) | {period.year}, reverse=True):
                self.year.addItem(str(y), y)
            self.year.setCurrentIndex(max(self.year.findData(period.year), 0))
            self.period.setCurrentIndex(max(self.period.findData(period_code(period)), 0))
        finally:
            for combo in (self.year, self.period):
                combo.blockSignals(False)
        self.year.setEnabled(True)

    # --- links ---------------------------------------------------------------------------------
    def open_cell(self, index: QModelIndex) -> None:
        if self.comparison is None or not index.isValid():
            return
        row = self.model.row_at(index.row())
        if row is None:
            return
        target = cell_target(self.comparison, row, self.model.columns[index.column()].key)
        if target is not None:
            self.navigate.emit(*target)

    # --- the return ----------------------------------------------------------------------------
    def ask_path(self, suggested: str) -> Path | None:
        """Where to save the return (a method, so tests answer it)."""
        name, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the district's return"),
            str(offered_folder() / suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def tell_done(self, path: Path) -> None:
        """The result, with 打开文件夹 (a method, so tests see it without a modal box)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Return saved"), "", parent=self)
        box.setText(self.tr("Saved to {path}.").format(path=str(path)))
        open_button = box.addButton(self.tr("Open &folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def export_return(self) -> None:
        period = self.chosen_period()
        if period is None:
            return
        reports = self.services.reports
        path = self.ask_path(reports.default_return_file_name(period))
        if path is None:
            return
        remember_folder(path.parent)

        def work(control: TaskControl) -> Path:
            reports.write_district_return(period, path, control)
            return path

        run_with_progress(
            self,
            self.tr("Export return"),
            work,
            self.tell_done,
            lambda exc: show_error(self, exc),
        )
