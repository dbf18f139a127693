"""协商案例: the case write-ups of every group, with the whole case in the detail pane, and the
case editor (``ui.case_editor``) in its place when a case is opened (a stack: list ↔ editor).

The list's actions: new case (Ctrl+N), edit (Enter / double-click), the documents of the
selected case(s) (Word, PDF, PDF preview, 案例汇编 of the selection) and 生成报送包… for the
selection. The page answers the main window's unsaved-changes questions
(``has_unsaved_changes``, ``save``, ``discard_changes``) and takes a draft back after a crash
(``open_draft``). The helpers at the top (combos whose choices arrive with the rows, per-column
tooltips, tab order) are shared with the submissions page.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import CASE_SECTIONS, Case
from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.queries import CaseFilter
from liaison_desk.services import Services
from liaison_desk.ui.case_documents import CaseDocuments
from liaison_desk.ui.case_editor import CaseEditor
from liaison_desk.ui.html_text import detail_html, esc
from liaison_desk.ui.i18n import current_language, plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import ask_save_discard_cancel, show_error
from liaison_desk.ui.pages.base import Detail, RecordListPage, with_label
from liaison_desk.ui.table import Column, Index, RecordTableModel, display
from liaison_desk.ui.tasks import TaskControl, run_task
from liaison_desk.ui.thumbnails import load_thumbnails

DEFAULT_WORD_LIMIT = 3000

# --- shared with the submissions page ------------------------------------------------------------


class TooltipTableModel(RecordTableModel[Any]):
    """A table model whose named columns have their own tooltip (the full SHA-256 behind a short
    one, a case's subtitle behind its title); other columns keep the model's default."""

    def __init__(
        self,
        columns: Sequence[Column[Any]],
        parent: Any = None,
        tooltips: dict[str, Callable[[Any], str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(columns, parent, **kwargs)
        self._column_tooltips = tooltips or {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            tip = self._column_tooltips.get(self.columns[index.column()].key)
            record = self.row_at(index.row())
            if tip is not None and record is not None:
                return tip(record) or None
        return super().data(index, role)


def filter_combo(all_text: str) -> QComboBox:
    """A filter combo whose first item ("all …") has no value; it grows with its choices."""
    combo = QComboBox()
    combo.addItem(all_text, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def select_value(combo: QComboBox, value: object, text: str | None = None) -> None:
    """Select the item whose value is ``value`` (None: the first item), adding it when the
    choices have not arrived yet. Does not emit currentIndexChanged."""
    was = combo.blockSignals(True)
    try:
        index = 0 if value is None else combo.findData(value)
        if index < 0:
            combo.addItem(text if text is not None else str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
    finally:
        combo.blockSignals(was)


def set_choices(
    combo: QComboBox, choices: Iterable[tuple[str, object]], keep: bool = False
) -> None:
    """Replace the items after the first with ``choices`` (``keep``: add to those there are),
    keeping the selected value. Does not emit currentIndexChanged."""
    current, current_text = combo.currentData(), combo.currentText()
    items = (
        [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())] if keep else []
    )
    known = {data for _text, data in items}
    items += [(text, data) for text, data in choices if data not in known]
    if keep:
        items.sort(key=lambda item: item[1], reverse=True)  # years, newest first
    was = combo.blockSignals(True)
    try:
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        select_value(combo, current, current_text)
    finally:
        combo.blockSignals(was)


def fit_headers(table: QTableView) -> None:
    """Widen fixed columns whose header (and sort arrow) would not fit: width hints are in
    Chinese characters, and English headers are longer."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for i in range(header.count()):
        if header.sectionResizeMode(i) == QHeaderView.ResizeMode.Stretch:
            continue
        text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + 24  # margins and the sort arrow
        header.resizeSection(i, max(header.sectionSize(i), needed))


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab moves through ``widgets`` in this order (the order they are laid out)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def one_row_of_photos(page: RecordListPage[Any]) -> None:
    """The detail pane's photos in one row that scrolls sideways: a case's 2–4 photos never
    hide below the pane's edge."""
    photos = page.detail.photos
    photos.setFlow(QListView.Flow.LeftToRight)
    photos.setWrapping(False)
    photos.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    photos.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def group_names(services: Services) -> dict[int, str]:
    """Group id → name (call off the GUI thread)."""
    return {g.id: g.name for g in services.groups.all() if g.id is not None}


def group_choices(names: dict[int, str]) -> list[tuple[str, object]]:
    """The group filter's items, in the order the groups were set up."""
    return [(names[i], i) for i in sorted(names)]


def word_limit(services: Services) -> int:
    """The configured 字数 limit of a case (call off the GUI thread)."""
    settings = getattr(services, "settings", None)
    if settings is None:
        return DEFAULT_WORD_LIMIT
    try:
        return int(settings.get("cases.word_limit"))
    except (KeyError, TypeError, ValueError):
        return DEFAULT_WORD_LIMIT


_SECTION_ENGLISH = {
    "basic_info": "Basic information",
    "background": "Background",
    "practice": "What was done / the consultation",
    "results": "Results",
    "insights": "Lessons learned",
}


def section_title(key: str, chinese: str) -> str:
    """A case section's heading: the domain's own words in Chinese, English otherwise."""
    if current_language() == "en":
        return _SECTION_ENGLISH.get(key, chinese)
    return chinese


# --- the page ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseQuery:
    year: int | None
    group_id: int | None
    statuses: tuple[CaseStatus, ...] | None  # None: any status
    text: str


def _status_value(statuses: Sequence[CaseStatus]) -> str:
    """How the status combo stores one status or several (as text: Qt keeps it as it is)."""
    return ",".join(s.value for s in statuses)


def _statuses_of(value: object) -> tuple[CaseStatus, ...] | None:
    if not value:
        return None
    return tuple(CaseStatus(v) for v in str(value).split(","))


class CasesPage(RecordListPage[Case]):
    """The case write-ups (协商案例).

    ``apply_filter`` keys: ``year`` (int), ``group_id`` (int), ``status`` (CaseStatus),
    ``statuses`` (list of CaseStatus: cases in any of them), ``text`` (title or subtitle).
    Filters not given are reset to "all"."""

    page_id = "cases"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._group_names: dict[int, str] = {}
        self._word_counts: dict[tuple[int | None, int], int] = {}
        self._years: set[int] = set()
        super().__init__(services, parent)
        self.model.modelReset.connect(self._update_choices)
        chain_tab_order(
            [
                self.year_filter,
                self.group_filter,
                self.status_filter,
                self.search,
                self.new_button,
                self.edit_button,
                self.documents_button,
                self.package_button,
                self.table,
            ]
        )
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        one_row_of_photos(self)
        fit_headers(self.table)
        self.editor = CaseEditor(services)
        self.editor.back_requested.connect(self.show_list)
        self.editor.saved.connect(self._case_saved)
        self.editor.title_changed.connect(self._editor_status)
        self.editor.status_message.connect(self.set_status)
        self._stack_list_and_editor()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    def _stack_list_and_editor(self) -> None:
        """The list (filter bar, table, detail) and the editor share the page, one at a time."""
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        self.list_view = QWidget()
        inner = QVBoxLayout(self.list_view)
        inner.setContentsMargins(0, 0, 0, 0)
        outer.removeItem(self.filter_bar)
        outer.removeWidget(self.splitter)
        self.filter_bar.setParent(None)
        inner.addLayout(self.filter_bar)
        inner.addWidget(self.splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.editor)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack, 1)
        margins = self.style().pixelMetric(self.style().PixelMetric.PM_LayoutLeftMargin)
        inner.setContentsMargins(margins, margins, margins, margins)

    # --- RecordListPage --------------------------------------------------------------------------
    def placeholder(self) -> str:
        return self.tr("Search title, archive number, text…")

    def columns(self) -> list[Column[Case]]:
        return [
            Column("archive_number", self.tr("Archive no."), lambda c: c.archive_number, width=12),
            Column("title", self.tr("Title"), lambda c: c.title, stretch=True),
            Column("group", self.tr("Liaison group"), self._group_name, width=7),
            Column("year", self.tr("Year"), lambda c: c.year, numeric=True, width=3),
            Column("status", self.tr("Status"), lambda c: c.status, width=4),
            Column("words", self.tr("Length"), self._word_count, numeric=True, width=4),
            Column("retention", self.tr("Retention"), lambda c: c.retention, width=5),
            Column("updated_at", self.tr("Last changed"), lambda c: c.updated_at, width=9),
        ]

    def make_model(self) -> RecordTableModel[Case]:
        return TooltipTableModel(
            self.columns(),
            self,
            tooltips={"title": lambda c: "\n".join(t for t in (c.title, c.subtitle) if t)},
        )

    def sort_default(self) -> None:
        self.table.sortByColumn(self.model.column_index("updated_at"), Qt.SortOrder.DescendingOrder)

    def build_actions(self, bar: QHBoxLayout) -> None:
        self.new_button = QPushButton(icon("new"), self.tr("&New case"))
        self.new_button.setToolTip(self.tr("Write a new case (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit"))
        self.edit_button.setToolTip(self.tr("Open the selected case (Enter)"))
        self.edit_button.clicked.connect(self._open_current)
        self.documents = CaseDocuments(self.services, self)
        self.documents.message.connect(self.set_status)
        self.documents_button = QToolButton()
        self.documents_button.setText(self.tr("&Documents"))
        self.documents_button.setIcon(icon("export"))
        self.documents_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.documents_button.setMenu(self.documents.menu(collection=True))
        self.documents.docx_action.triggered.connect(
            lambda _c=False: self._with_current(self.documents.export_docx)
        )
        self.documents.pdf_action.triggered.connect(
            lambda _c=False: self._with_current(self.documents.export_pdf)
        )
        self.documents.preview_action.triggered.connect(
            lambda _c=False: self._with_current(self.documents.preview_pdf)
        )
        self.documents.collection_action.triggered.connect(lambda _c=False: self.make_collection())
        self.package_button = QPushButton(self.tr("Submission &package…"))
        self.package_button.setToolTip(self.tr("Export the selected cases as a submission package"))
        self.package_button.clicked.connect(self.export_package)
        for w in (self.new_button, self.edit_button, self.documents_button, self.package_button):
            bar.addWidget(w)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.year_filter = filter_combo(self.tr("All years"))
        self.group_filter = filter_combo(self.tr("All groups"))
        self.status_filter = filter_combo(self.tr("All statuses"))
        for status in CaseStatus:
            self.status_filter.addItem(label(status), _status_value([status]))
        bar.addWidget(with_label(self.tr("&Year:"), self.year_filter))
        bar.addWidget(with_label(self.tr("&Group:"), self.group_filter))
        bar.addWidget(with_label(self.tr("S&tatus:"), self.status_filter))
        for combo in (self.year_filter, self.group_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.reload)

    def filters(self) -> CaseQuery:
        return CaseQuery(
            year=self.year_filter.currentData(),
            group_id=self.group_filter.currentData(),
            statuses=_statuses_of(self.status_filter.currentData()),
            text=self.search.text().strip(),
        )

    def fetch(self, filters: CaseQuery, control: TaskControl) -> list[Case]:
        cases = self.services.cases
        f = CaseFilter(year=filters.year, group_id=filters.group_id, text=filters.text)
        if filters.statuses is None:
            rows = cases.search(f).items
        elif len(filters.statuses) == 1:
            rows = cases.search(CaseFilter(f.year, f.group_id, filters.statuses[0], f.text)).items
        else:
            rows = cases.in_statuses(filters.statuses, f)
        control.check()
        # Read on the GUI thread by the table: built here, then swapped in whole.
        self._group_names = group_names(self.services)
        self._years = set(self.services.statistics.years()) | {c.year for c in rows}
        counts = dict(self._word_counts)
        for c in rows:
            counts[(c.id, c.revision)] = cases.word_count(c)
        self._word_counts = counts
        return rows

    def fetch_detail(self, record: Case, control: TaskControl) -> Detail:
        services = self.services
        case = services.cases.get(record.id) if record.id is not None else None
        case = case or record
        limit = word_limit(services)
        words = services.cases.word_count(case)
        length = self.tr("{count} of {limit} characters").format(count=words, limit=limit)
        if words > limit:
            length += " — " + self.tr("{over} over the limit").format(over=words - limit)
        group = services.groups.get(case.group_id) if case.group_id is not None else None
        rows: list[tuple[str, object]] = [
            (self.tr("Subtitle"), case.subtitle),
            (self.tr("Liaison group"), group.name if group else ""),
            (self.tr("Year"), case.year),
            (self.tr("Status"), label(case.status)),
            (self.tr("Archive no."), case.archive_number or self.tr("Assigned when final")),
            (self.tr("Retention"), label(case.retention)),
            (self.tr("Version"), case.version),
            (self.tr("Length"), length),
            (self.tr("Last changed"), display(case.updated_at)),
        ]
        linked = []
        for c in services.cases.linked_consultations(case):
            line = f"{c.number}  {c.title}"
            if c.held_on is not None:
                line += f"  ({display(c.held_on)})"
            if c.deleted:
                line += " — " + self.tr("in the recycle bin")
            linked.append(line)
        control.check()
        sections = [(self.tr("Consultations it is written from"), "\n".join(linked))]
        sections += [
            (section_title(key, chinese), case.sections.get(key, ""))
            for key, chinese in CASE_SECTIONS
        ]
        text = detail_html(case.title, rows, sections)
        if not any(case.sections.get(key) for key, _ in CASE_SECTIONS):
            empty = self.tr("No text written yet.")
            text += f"<p style='color:#777'>{esc(empty)}</p>"
        photos = load_thumbnails(services, services.cases.photo_files(case))
        return Detail(text, photos)

    def count_text(self, shown: int) -> str:
        return plural(shown, self.tr("{count} case"), self.tr("{count} cases"))

    # --- filters from other pages ------------------------------------------------------------
    def apply_filter(self, filters: dict[str, Any]) -> None:
        select_value(self.year_filter, filters.get("year"))
        group_id = filters.get("group_id")
        select_value(self.group_filter, group_id, self._group_names.get(group_id or 0))
        statuses: list[CaseStatus] | None = None
        if filters.get("statuses"):
            statuses = [CaseStatus(s) for s in dict.fromkeys(filters["statuses"])]
        elif filters.get("status") is not None:
            statuses = [CaseStatus(filters["status"])]
        self._select_statuses(statuses)
        self.search.blockSignals(True)
        self.search.setText(str(filters.get("text") or ""))
        self.search.blockSignals(False)
        self.reload()

    def _select_statuses(self, statuses: Sequence[CaseStatus] | None) -> None:
        # The item for several statuses at once ("已报送 / 入选") is made when asked for.
        was = self.status_filter.blockSignals(True)
        try:
            for i in range(self.status_filter.count() - 1, len(CaseStatus), -1):
                self.status_filter.removeItem(i)
            if not statuses:
                select_value(self.status_filter, None)
            else:
                text = " / ".join(label(s) for s in statuses)
                select_value(self.status_filter, _status_value(statuses), text)
        finally:
            self.status_filter.blockSignals(was)

    # --- list actions ------------------------------------------------------------------------
    def _update_actions(self, *_args: object) -> None:
        selected = self.selected_records()
        one = len(selected) == 1
        self.edit_button.setEnabled(one)
        for action in (
            self.documents.docx_action,
            self.documents.pdf_action,
            self.documents.preview_action,
        ):
            action.setEnabled(one)
        self.documents.collection_action.setEnabled(bool(selected))
        self.package_button.setEnabled(bool(selected))

    def _with_current(self, action: Callable[[Case], None]) -> None:
        selected = self.selected_records()
        if len(selected) == 1:
            action(selected[0])

    def make_collection(self) -> None:
        """案例汇编 of the selected cases, in the order the list shows them."""
        self.documents.collection([c.id for c in self.selected_records() if c.id is not None])

    def export_package(self) -> None:
        from liaison_desk.ui.package_dialog import PackageDialog

        ids = [c.id for c in self.selected_records() if c.id is not None]
        dialog = PackageDialog(self.services, ids, self)
        dialog.exported.connect(lambda _r: self._after_export())
        self.exec_dialog(dialog)

    def exec_dialog(self, dialog: Any) -> None:
        """Run a dialog of the page (a method, so tests answer it)."""
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _after_export(self) -> None:
        self.data_changed.emit()
        self.reload()

    # --- the editor --------------------------------------------------------------------------
    def is_editing(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def open_record(self, record: Case) -> None:
        if record.id is not None:
            self.edit_case(record.id)

    def new_record(self) -> bool:
        if not self._may_leave_editor():
            return True
        services = self.services

        def work(_control: TaskControl) -> tuple[Case, list[tuple[int, str]], int]:
            own = services.settings.own_group()
            groups = [(g.id, g.name) for g in services.groups.all() if g.id is not None]
            group_id = own.id if own is not None else (groups[0][0] if len(groups) == 1 else None)
            if self.group_filter.currentData() is not None:
                group_id = self.group_filter.currentData()
            year = self.year_filter.currentData() or services.statistics.default_year()
            case = Case(group_id=group_id, year=year, title="")
            return case, groups, word_limit(services)

        run_task(self, work, self._show_editor, lambda exc: show_error(self, exc))
        return True

    def edit_case(self, case_id: int) -> None:
        if not self._may_leave_editor():
            return
        services = self.services

        def work(_control: TaskControl) -> tuple[Case, list[tuple[int, str]], int]:
            case = services.cases.get(case_id)
            if case is None:
                raise KeyError(case_id)
            groups = [(g.id, g.name) for g in services.groups.all() if g.id is not None]
            return case, groups, word_limit(services)

        run_task(self, work, self._show_editor, lambda exc: show_error(self, exc))

    def _show_editor(
        self,
        loaded: tuple[Case, list[tuple[int, str]], int],
        baseline: Case | None = None,
    ) -> None:
        case, groups, limit = loaded
        self.editor.set_groups(groups)
        self.editor.set_word_limit(limit)
        self.editor.open_case(case, baseline)
        self.stack.setCurrentWidget(self.editor)
        self.set_status(self.editor.heading.text())
        self.editor.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> bool:
        """Back to the list (asks about unsaved changes); False when the user stayed."""
        if not self._may_leave_editor():
            return False
        self.editor.close_case()
        self.stack.setCurrentWidget(self.list_view)
        self.set_status(self.count_text(self.model.rowCount()))
        self.table.setFocus()
        return True

    def _may_leave_editor(self) -> bool:
        if not self.is_editing() or not self.has_unsaved_changes():
            return True
        answer = ask_save_discard_cancel(
            self,
            self.tr("Unsaved changes"),
            self.tr("The case has changes that are not saved yet. Save them?"),
        )
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.discard_changes()
            return True
        return False

    def _case_saved(self, case: Case) -> None:
        self._selected_key = case.id
        self.data_changed.emit()
        self.reload()

    def _editor_status(self, heading: str) -> None:
        if self.is_editing():
            self.set_status(heading)

    # --- what the main window asks -------------------------------------------------------------
    def confirm_leave(self) -> bool:
        """Before another page is shown: Save / Discard / Cancel for unsaved input; False when
        the user stays. The editor stays open (with the saved or stored case)."""
        if not self.is_editing() or not self.has_unsaved_changes():
            return True
        return self._may_leave_editor()

    def unsaved_name(self) -> str:
        """The case with unsaved changes, by its title (the page's name while it has none)."""
        title = self.editor.case().title.strip() if self.editor.is_open else ""
        return f"“{title}”" if title else ""

    def discard_unsaved(self) -> None:
        self.discard_changes()

    def has_unsaved_changes(self) -> bool:
        return self.editor.is_open and self.editor.has_unsaved_changes()

    def save(self) -> bool:
        """Save the open case; True when saved (or nothing to save)."""
        if not self.has_unsaved_changes():
            return True
        return self.editor.save()

    def discard_changes(self) -> None:
        """Forget the unsaved input (and its draft); the editor shows the stored case again."""
        if not self.editor.is_open:
            return
        self.editor.discard_changes()
        loaded = self.editor.loaded_case()
        if loaded is not None:
            self.editor.open_case(loaded)

    def open_draft(self, info: Any) -> bool:
        """Take back a draft of kind "case" kept before a crash: the editor opens with it, its
        changes unsaved. False when it is not a case's draft or cannot be read."""
        if getattr(info, "kind", None) != "case":
            return False
        if not self._may_leave_editor():
            return False
        services = self.services
        draft = services.drafts.load(info)  # DraftDamagedError: the offer says so
        stored = services.cases.get(info.record_id) if info.record_id else None
        groups = [(g.id, g.name) for g in services.groups.all() if g.id is not None]
        if stored is not None:
            # The draft continues the stored case: saving goes over the revision it came from.
            draft.id, draft.revision = stored.id, draft.revision or stored.revision
        else:
            draft.id = None
        baseline = stored or Case(group_id=draft.group_id, year=draft.year, title="")
        if stored is None:
            baseline.uuid = draft.uuid
        self._show_editor((draft, groups, word_limit(services)), baseline)
        return True

    # --- helpers -------------------------------------------------------------------------------
    def _group_name(self, case: Case) -> str:
        return self._group_names.get(case.group_id or 0, "")

    def _word_count(self, case: Case) -> int:
        key = (case.id, case.revision)
        count = self._word_counts.get(key)
        if count is None:
            count = self.services.cases.word_count(case)
            self._word_counts = {**self._word_counts, key: count}
        return count

    def _update_choices(self) -> None:
        set_choices(self.group_filter, group_choices(self._group_names))
        set_choices(self.year_filter, ((str(y), y) for y in self._years), keep=True)
