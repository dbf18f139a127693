"""报送记录: what was sent upward, when and to whom, and the result for each case.

Actions: 记录结果… (per case 入选 / 未入选 / 退回修改 / 待反馈 with a note; the cases' statuses
follow, through ``services.submissions.set_result``; Enter or double-click opens it),
生成报送包… (``ui.package_dialog``) and 校验报送包… (``ui.verify_dialog``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Case, Submission
from liaison_desk.domain.enums import SubmissionResult
from liaison_desk.services import Services
from liaison_desk.ui.html_text import detail_html, esc
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.pages.base import Detail, RecordListPage, with_label
from liaison_desk.ui.pages.cases import (
    TooltipTableModel,
    chain_tab_order,
    filter_combo,
    fit_headers,
    group_choices,
    group_names,
    select_value,
    set_choices,
)
from liaison_desk.ui.table import Column, RecordTableModel, display
from liaison_desk.ui.tasks import TaskControl, run_task

SHORT_HASH = 10  # characters of the SHA-256 shown in the list; the tooltip has all 64

# How the list sums up the results, most wanted first.
RESULT_ORDER = (
    SubmissionResult.SELECTED,
    SubmissionResult.NOT_SELECTED,
    SubmissionResult.RETURNED,
    SubmissionResult.PENDING,
)


@dataclass(frozen=True)
class SubmissionQuery:
    year: int | None
    group_id: int | None
    text: str


def result_count(submission: Submission, result: SubmissionResult) -> int:
    return sum(1 for c in submission.cases if c.result is result)


def results_text(submission: Submission) -> str:
    """The results in a few words: "入选 2 · 退回 1" (results with no case are left out)."""
    counts = ((r, result_count(submission, r)) for r in RESULT_ORDER)
    return " · ".join(f"{label(r)} {n}" for r, n in counts if n)


class ResultDialog(QDialog):
    """The result of each case of one submission: 入选 / 未入选 / 退回修改 / 待反馈, with a note."""

    def __init__(
        self,
        submission: Submission,
        cases: dict[int, Case | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.submission = submission
        self.setWindowTitle(self.tr("Results of the submission"))
        heading = QLabel(
            self.tr("{target}, sent on {date}").format(
                target=submission.target, date=display(submission.submitted_on)
            )
        )
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(
            self.tr(
                "Record what the receiving office decided for each case. A selected or not "
                "selected case stays locked; a returned case can be changed and sent again."
            )
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(len(submission.cases), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Result"), self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.results: list[QComboBox] = []
        self.notes: list[QLineEdit] = []
        for row, entry in enumerate(submission.cases):
            case = cases.get(entry.case_id)
            title = (
                case.title if case is not None else self.tr("Case {id}").format(id=entry.case_id)
            )
            item = QTableWidgetItem(title)
            item.setToolTip(title)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            for result in (
                SubmissionResult.SELECTED,
                SubmissionResult.NOT_SELECTED,
                SubmissionResult.RETURNED,
                SubmissionResult.PENDING,
            ):
                combo.addItem(label(result), result.value)
            combo.setCurrentIndex(combo.findData(entry.result.value))
            note = QLineEdit(entry.note)
            note.setPlaceholderText(self.tr("e.g. what to change"))
            self.table.setCellWidget(row, 1, combo)
            self.table.setCellWidget(row, 2, note)
            self.results.append(combo)
            self.notes.append(note)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 200 + 44 * max(1, len(submission.cases)))
        if self.results:
            self.results[0].setFocus()

    def changes(self) -> list[tuple[int, SubmissionResult, str]]:
        """(case id, result, note) of the rows the user changed."""
        changed = []
        for entry, combo, note in zip(self.submission.cases, self.results, self.notes, strict=True):
            result = SubmissionResult(combo.currentData())
            text = note.text().strip()
            if result is not entry.result or text != entry.note:
                changed.append((entry.case_id, result, text))
        return changed


class SubmissionsPage(RecordListPage[Submission]):
    """The submissions (报送记录), newest first.

    ``apply_filter`` keys: ``year`` (int, the year submitted), ``group_id`` (int), ``text``
    (in the target or the package's file name). Filters not given are reset to "all"."""

    page_id = "submissions"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._group_names: dict[int, str] = {}
        self._years: set[int] = set()
        super().__init__(services, parent)
        self.model.modelReset.connect(self._update_choices)
        self.model.modelReset.connect(self._update_hash_column)
        chain_tab_order([self.year_filter, self.group_filter, self.search, self.table])
        fit_headers(self.table)
        # The list is the point here; the detail is a short table of cases.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

    # --- RecordListPage --------------------------------------------------------------------------
    def placeholder(self) -> str:
        return self.tr("Search targets and file names")

    def columns(self) -> list[Column[Submission]]:
        return [
            Column("submitted_on", self.tr("Submitted on"), lambda s: s.submitted_on, width=6),
            Column("target", self.tr("Sent to"), lambda s: s.target, width=15),
            Column("group", self.tr("Liaison group"), self._group_name, width=7),
            Column("cases", self.tr("Cases"), lambda s: len(s.cases), numeric=True, width=3),
            Column(
                "results",
                self.tr("Results"),
                results_text,
                sort_key=lambda s: tuple(result_count(s, r) for r in RESULT_ORDER),
                width=10,
            ),
            Column("file_name", self.tr("File"), lambda s: s.file_name, stretch=True),
            Column("sha256", self.tr("Checksum"), lambda s: s.sha256[:SHORT_HASH], width=6),
        ]

    def make_model(self) -> RecordTableModel[Submission]:
        return TooltipTableModel(
            self.columns(),
            self,
            tooltips={
                "sha256": lambda s: s.sha256,
                "file_name": lambda s: s.file_name,
                "target": lambda s: s.target,
            },
        )

    def sort_default(self) -> None:
        self.table.sortByColumn(
            self.model.column_index("submitted_on"), Qt.SortOrder.DescendingOrder
        )

    def build_actions(self, bar: QHBoxLayout) -> None:
        self.result_button = QPushButton(icon("edit"), self.tr("&Record results…"))
        self.result_button.setToolTip(
            self.tr("Selected, not selected or returned: each case of the submission (Enter)")
        )
        self.result_button.clicked.connect(self.record_results)
        self.package_button = QPushButton(icon("export"), self.tr("Submission &package…"))
        self.package_button.setToolTip(self.tr("Export cases as a submission package"))
        self.package_button.clicked.connect(self.export_package)
        self.verify_button = QPushButton(self.tr("&Check a package…"))
        self.verify_button.setToolTip(self.tr("Check a submission package (ZIP) received or sent"))
        self.verify_button.clicked.connect(self.verify_package)
        for w in (self.result_button, self.package_button, self.verify_button):
            bar.addWidget(w)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.year_filter = filter_combo(self.tr("All years"))
        self.group_filter = filter_combo(self.tr("All groups"))
        bar.addWidget(with_label(self.tr("&Year:"), self.year_filter))
        bar.addWidget(with_label(self.tr("&Group:"), self.group_filter))
        for combo in (self.year_filter, self.group_filter):
            combo.currentIndexChanged.connect(self.reload)

    def filters(self) -> SubmissionQuery:
        return SubmissionQuery(
            self.year_filter.currentData(),
            self.group_filter.currentData(),
            self.search.text().strip(),
        )

    def fetch(self, filters: SubmissionQuery, control: TaskControl) -> list[Submission]:
        every = self.services.submissions.all(filters.group_id)
        control.check()
        # Read on the GUI thread by the table: built here, then swapped in whole.
        self._group_names = group_names(self.services)
        self._years = {s.submitted_on.year for s in every}
        text = filters.text.casefold()
        return [
            s
            for s in every
            if (filters.year is None or s.submitted_on.year == filters.year)
            and (not text or text in s.target.casefold() or text in s.file_name.casefold())
        ]

    def fetch_detail(self, record: Submission, control: TaskControl) -> Detail:
        services = self.services
        sub = services.submissions.get(record.id) if record.id is not None else None
        sub = sub or record
        group = services.groups.get(sub.group_id) if sub.group_id is not None else None
        rows: list[tuple[str, object]] = [
            (self.tr("Submitted on"), display(sub.submitted_on)),
            (self.tr("Liaison group"), group.name if group else ""),
            (self.tr("Cases"), len(sub.cases)),
            (self.tr("File"), sub.file_name or self.tr("Not recorded")),
            (
                self.tr("File checksum (SHA-256)"),
                sub.sha256 or self.tr("No package file was recorded for this submission."),
            ),
        ]
        cases: dict[int, Case | None] = {}
        for entry in sub.cases:
            cases[entry.case_id] = services.cases.get(entry.case_id)
            control.check()
        html = detail_html(sub.target, rows, [(self.tr("Note"), sub.note)])
        html += self._cases_html(sub, cases)
        return Detail(html)

    def count_text(self, shown: int) -> str:
        return plural(shown, self.tr("{count} submission"), self.tr("{count} submissions"))

    # --- filters from other pages ------------------------------------------------------------
    def apply_filter(self, filters: dict[str, Any]) -> None:
        select_value(self.year_filter, filters.get("year"))
        group_id = filters.get("group_id")
        select_value(self.group_filter, group_id, self._group_names.get(group_id or 0))
        self.search.blockSignals(True)
        self.search.setText(str(filters.get("text") or ""))
        self.search.blockSignals(False)
        self.reload()

    # --- actions -------------------------------------------------------------------------------
    def open_record(self, record: Submission) -> None:
        self.record_results()

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog of the page (a method, so tests answer it)."""
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def record_results(self) -> None:
        record = self.current_record()
        if record is None or record.id is None:
            return
        services = self.services
        sub_id = record.id

        def work(_control: TaskControl) -> tuple[Submission, dict[int, Case | None]]:
            sub = services.submissions.get(sub_id)
            if sub is None:
                raise KeyError(sub_id)
            return sub, {e.case_id: services.cases.get(e.case_id) for e in sub.cases}

        run_task(self, work, self._ask_results, lambda exc: show_error(self, exc))

    def _ask_results(self, loaded: tuple[Submission, dict[int, Case | None]]) -> None:
        sub, cases = loaded
        dialog = ResultDialog(sub, cases, self)
        if not self.exec_dialog(dialog):
            return
        changes = dialog.changes()  # the dialog is deleted later, on the event loop
        assert sub.id is not None
        try:
            for case_id, result, note in changes:
                self.services.submissions.set_result(sub.id, case_id, result, note)
        except Exception as exc:
            show_error(self, exc)
        self.data_changed.emit()
        self.reload()

    def export_package(self) -> None:
        from liaison_desk.ui.package_dialog import PackageDialog

        dialog = PackageDialog(self.services, (), self)
        dialog.exported.connect(self._exported)
        self.exec_dialog(dialog)

    def _exported(self, result: Any) -> None:
        self._selected_key = result.submission.id
        self.data_changed.emit()
        self.reload()

    def verify_package(self) -> None:
        from liaison_desk.ui.verify_dialog import VerifyDialog

        self.exec_dialog(VerifyDialog(self.services, None, self))

    # --- helpers -------------------------------------------------------------------------------
    def _cases_html(self, sub: Submission, cases: dict[int, Case | None]) -> str:
        heading = self.tr("Cases and results")
        head = f"<h4 style='margin-top:12px;margin-bottom:4px'>{esc(heading)}</h4>"
        if not sub.cases:
            empty = self.tr("No cases recorded.")
            return head + f"<p style='color:#777'>{esc(empty)}</p>"
        parts = [
            head,
            "<table cellspacing='0' cellpadding='4' width='100%' style='border-collapse:collapse'>",
            "<tr style='background:#eee'>",
            *(
                f"<th align='left'>{esc(h)}</th>"
                for h in (self.tr("Case"), self.tr("Result"), self.tr("Note"))
            ),
            "</tr>",
        ]
        for entry in sub.cases:
            case = cases.get(entry.case_id)
            if case is None:
                title = self.tr("Case {id} (deleted for good)").format(id=entry.case_id)
            else:
                title = case.title
                if case.is_deleted:
                    title += " — " + self.tr("in the recycle bin")
            subtitle = case.subtitle if case is not None else ""
            colour = {
                SubmissionResult.SELECTED: "#1B5E20",
                SubmissionResult.RETURNED: "#B3261E",
            }.get(entry.result, "")
            result = esc(label(entry.result))
            if colour:
                result = f"<span style='color:{colour}'>{result}</span>"
            cell = f"<b>{esc(title)}</b>"
            if subtitle:
                cell += f"<br/><span style='color:#555'>{esc(subtitle)}</span>"
            parts.append(
                f"<tr><td valign='top'>{cell}</td>"
                f"<td valign='top' style='white-space:nowrap'>{result}</td>"
                f"<td valign='top'>{esc(entry.note)}</td></tr>"
            )
        parts.append("</table>")
        return "".join(parts)

    def _group_name(self, submission: Submission) -> str:
        if submission.group_id is None:  # a district office's package of several groups
            return self.tr("Several groups") if len(submission.cases) > 1 else ""
        return self._group_names.get(submission.group_id, "")

    def _update_hash_column(self) -> None:
        """The checksum column only when some row shown has one (none of the demo's has)."""
        column = self.model.column_index("sha256")
        self.table.setColumnHidden(column, not any(s.sha256 for s in self.model.rows()))

    def _update_choices(self) -> None:
        set_choices(self.group_filter, group_choices(self._group_names))
        set_choices(self.year_filter, ((str(y), y) for y in self._years), keep=True)
