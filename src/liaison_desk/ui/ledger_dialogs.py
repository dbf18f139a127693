"""导出台账… and 导入台账…: the ledger (台账) workbook from the 民生议事堂 and 微协商 pages.

Export writes what the list shows (its filters) to an .xlsx file chosen in a save dialog, off
the GUI thread with a progress dialog and Cancel. First the user chooses which ledger
(``LedgerExportChoice``): the masked one, to send out (the default, as for every export), or the
group's working copy, not masked, which is the one that can be edited and imported back. Import is a small wizard: the user chooses a
workbook; the column-mapping step shows each sheet with what it holds (协商活动, 意见建议 or not
imported) and, for each of its headings, the standard column it goes to — pre-filled by the
tolerant match and changeable; 检查 then works out the row-by-row report (row, 结果, 原因) without
writing anything; 导入 is enabled only when there is no error and something to import, and
writes everything in one transaction. After an import the page reloads and tells the other
pages (``data_changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.privacy import MaskingRules
from liaison_desk.domain.queries import ConsultationFilter
from liaison_desk.services import Services
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.printing import masked_summary
from liaison_desk.ui.tasks import TaskControl, run_task, run_with_progress

# The workbook side (openpyxl, half a second to import) is loaded when a ledger is first
# exported or imported, not when the 议事堂 and 微协商 pages that offer it are first shown.
if TYPE_CHECKING:
    from liaison_desk.documents.ledger import LedgerFile, RawSheet, Role, SheetLayout
    from liaison_desk.services.ledger import ExportResult, LedgerImportPlan

_RED = "#B3261E"
_GREEN = "#1E7B34"
_GREY = "#6B6B6B"

# --- the page's 台账 button ---------------------------------------------------------------------


def add_ledger_menu(
    parent: QWidget,
    services: Services,
    filters: Callable[[], ConsultationFilter],
    default_kind: ConsultationKind,
    report: Callable[[str], None],
    after_import: Callable[[], None],
) -> QPushButton:
    """The 台账 button of a consultation list page: export the list as shown (``filters``
    gives the page's filters at the moment of export; ``report`` shows the result), import a
    ledger (rows without 类型 get ``default_kind``; ``after_import`` reloads the page). Like
    ``printing.add_print_menu`` it takes values and callbacks, not the page, so the page module
    imports this one and not the other way round."""
    button = QPushButton(QCoreApplication.translate("LedgerDialogs", "&Ledger"), parent)
    button.setToolTip(
        QCoreApplication.translate(
            "LedgerDialogs", "Export the list to an Excel ledger, or import a ledger"
        )
    )
    button.setAutoDefault(False)
    menu = QMenu(button)
    export_action = QAction(QCoreApplication.translate("LedgerDialogs", "&Export ledger…"), button)
    export_action.setShortcut(QKeySequence("Ctrl+E"))
    export_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    export_action.triggered.connect(
        lambda _checked=False: export_ledger(parent, services, filters(), report)
    )
    import_action = QAction(QCoreApplication.translate("LedgerDialogs", "&Import ledger…"), button)
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    import_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    import_action.triggered.connect(
        lambda _checked=False: import_ledger(parent, services, filters, default_kind, after_import)
    )
    menu.addAction(export_action)
    menu.addAction(import_action)
    parent.addAction(export_action)  # the shortcuts work anywhere on the page
    parent.addAction(import_action)
    button.setMenu(menu)
    button.setAccessibleName(QCoreApplication.translate("LedgerDialogs", "Ledger"))
    return button


class LedgerExportChoice(QDialog):
    """Which ledger to export: masked, to send out (the default), or the group's working copy,
    not masked, which is the only one the import takes back. Each choice says exactly what it
    holds (the same words as the print preview)."""

    def __init__(self, rules: MaskingRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export ledger"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which ledger do you want to export?")))
        self.masked_button = QRadioButton(self.tr("&Masked ledger, to send out"))
        self.masked_button.setChecked(True)
        self.masked_note = QLabel(
            masked_summary(rules)
            + " "
            + self.tr("It cannot be imported back: the import would overwrite what is hidden.")
        )
        self.working_button = QRadioButton(self.tr("&Working copy for the group (not masked)"))
        self.working_note = QLabel(
            self.tr(
                "Everything as recorded, to edit in Excel or WPS and import back. Keep it in "
                "the group; do not send it out."
            )
        )
        for button, note in (
            (self.masked_button, self.masked_note),
            (self.working_button, self.working_note),
        ):
            note.setWordWrap(True)
            note.setIndent(24)
            note.setStyleSheet(f"color: {_GREY}")
            layout.addWidget(button)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Choose file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def masked(self) -> bool:
        return self.masked_button.isChecked()


def choose_export_copy(parent: QWidget, rules: MaskingRules) -> bool | None:
    """True: the masked ledger; False: the working copy; None: cancelled (its own function so
    tests can answer it)."""
    dialog = LedgerExportChoice(rules, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.masked()
    finally:
        dialog.deleteLater()


def choose_export_path(parent: QWidget, default_name: str) -> Path | None:
    """The save dialog (its own function so tests can answer it)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("LedgerDialogs", "Export ledger"),
        str(offered_folder() / default_name),
        QCoreApplication.translate("LedgerDialogs", "Excel workbook (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def choose_import_path(parent: QWidget) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("LedgerDialogs", "Import ledger"),
        str(offered_folder()),
        QCoreApplication.translate("LedgerDialogs", "Excel workbook (*.xlsx)"),
    )
    return Path(name) if name else None


def export_ledger(
    parent: QWidget,
    services: Services,
    filters: ConsultationFilter,
    report: Callable[[str], None],
) -> None:
    """Export what the page lists (its ``filters``) to a file the user chooses, masked or as
    the working copy as the user chooses."""
    masked = choose_export_copy(parent, services.ledger.masking_rules())
    if masked is None:
        return
    path = choose_export_path(parent, services.ledger.default_file_name(filters, masked=masked))
    if path is None:
        return
    remember_folder(path.parent)
    run_export(parent, services, filters, path, report, masked=masked)


def run_export(
    parent: QWidget,
    services: Services,
    filters: ConsultationFilter,
    path: Path,
    report: Callable[[str], None],
    *,
    masked: bool = True,
) -> None:
    message = QCoreApplication.translate("LedgerDialogs", "Writing the ledger… ({done} of {total})")

    def work(control: TaskControl) -> ExportResult:
        return services.ledger.export(filters, path, control, masked=masked)

    def done(result: ExportResult) -> None:
        what = (
            QCoreApplication.translate("LedgerDialogs", "Masked: it cannot be imported back.")
            if result.masked
            else QCoreApplication.translate(
                "LedgerDialogs", "Working copy, not masked: keep it in the group."
            )
        )
        report(
            QCoreApplication.translate(
                "LedgerDialogs",
                "Exported {consultations} consultations and {items} outcome items to {path}.",
            ).format(consultations=result.consultations, items=result.items, path=result.path)
            + " "
            + what
        )

    def failed(exc: BaseException) -> None:
        show_error(parent, exc)

    run_with_progress(
        parent,
        QCoreApplication.translate("LedgerDialogs", "Exporting the ledger"),
        work,
        done,
        failed,
        describe=lambda done, total: message.format(done=done, total=total),
    )


def import_ledger(
    parent: QWidget,
    services: Services,
    filters: Callable[[], ConsultationFilter],
    default_kind: ConsultationKind,
    after_import: Callable[[], None],
) -> None:
    """Choose a workbook, read it off the GUI thread, then open the import dialog (its group
    is the one the page's ``filters`` choose when the workbook has been read)."""
    path = choose_import_path(parent)
    if path is None:
        return
    remember_folder(path.parent)

    def opened(result: tuple[LedgerFile, list[SheetLayout]]) -> None:
        ledger, layouts = result
        dialog = LedgerImportDialog(
            services,
            ledger,
            layouts,
            parent,
            default_kind=default_kind,
            default_group_id=filters().group_id,
        )
        dialog.imported.connect(lambda _plan: after_import())
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        dialog.open()

    run_task(
        parent, lambda _control: services.ledger.read(path), opened, lambda e: show_error(parent, e)
    )


# --- the import dialog --------------------------------------------------------------------------


class SheetMapping(QGroupBox):
    """One sheet of the workbook: what it holds, and for each heading the standard column."""

    def __init__(self, sheet: RawSheet, layout: SheetLayout, parent: QWidget | None = None) -> None:
        from liaison_desk.documents.ledger import as_text, column_letter

        super().__init__(parent)
        self.sheet = sheet
        self.setTitle(self.tr("Sheet “{name}”").format(name=sheet.title))
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Consultations (协商活动)"), "consultations")
        self.role_combo.addItem(self.tr("Outcome items (意见建议)"), "items")
        self.role_combo.addItem(self.tr("Not imported"), None)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(layout.role), 0))
        if layout.role is None:
            self.role_combo.setCurrentIndex(2)
        caption = QLabel(self.tr("This sheet holds:"))
        caption.setBuddy(self.role_combo)
        row.addWidget(caption)
        row.addWidget(self.role_combo)
        where = self.tr("headings in row {row}").format(row=sheet.header_row)
        row.addWidget(QLabel(f"<span style='color:{_GREY}'>{where}</span>"))
        row.addStretch(1)
        outer.addLayout(row)

        self.table = QTableWidget(len(sheet.headings), 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Column"),
                self.tr("Heading in the file"),
                self.tr("Example"),
                self.tr("Imported as"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        for i, heading in enumerate(sheet.headings):
            self.table.setItem(i, 0, QTableWidgetItem(column_letter(i)))
            self.table.setItem(i, 1, QTableWidgetItem(heading))
            sample = "；".join(" ".join(as_text(v).split())[:20] for v in sheet.sample(i, 2))
            example = QTableWidgetItem(sample)
            example.setForeground(Qt.GlobalColor.darkGray)
            self.table.setItem(i, 2, example)
            combo = QComboBox()
            combo.setAccessibleName(
                self.tr("Column {letter} imported as").format(letter=column_letter(i))
            )
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.table.setCellWidget(i, 3, combo)
            self.combos.append(combo)
        self._fill(layout.role, layout.mapping)
        rows_height = sum(self.table.rowHeight(r) for r in range(min(len(sheet.headings), 8)))
        self.table.setMinimumHeight(rows_height + header.height() + 4)
        outer.addWidget(self.table)
        self.role_combo.currentIndexChanged.connect(self._role_changed)

    def role(self) -> Role | None:
        data = self.role_combo.currentData()
        return data if data in ("consultations", "items") else None

    def _role_changed(self, _index: int) -> None:
        from liaison_desk.documents.ledger import propose_mapping

        role = self.role()
        self._fill(role, propose_mapping(self.sheet.headings, role) if role else {})

    def _fill(self, role: Role | None, mapping: dict[int, str]) -> None:
        from liaison_desk.documents.ledger import COLUMNS

        for i, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), None)
            for column in COLUMNS[role] if role else ():
                combo.addItem(column.heading, column.key)
            combo.setCurrentIndex(max(combo.findData(mapping.get(i)), 0))
            combo.setEnabled(role is not None)
            combo.blockSignals(False)

    def layout_chosen(self) -> SheetLayout:
        from liaison_desk.documents.ledger import SheetLayout

        mapping = {
            i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData()
        }
        return SheetLayout(self.sheet.title, self.role(), mapping)


class LedgerImportDialog(QDialog):
    """Column mapping → the row-by-row check → 导入 (only when nothing is wrong)."""

    imported = Signal(object)  # the applied LedgerImportPlan

    def __init__(
        self,
        services: Services,
        ledger: LedgerFile,
        layouts: list[SheetLayout],
        parent: QWidget | None = None,
        *,
        default_kind: ConsultationKind | None = None,
        default_group_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.ledger = ledger
        self.default_kind = default_kind
        self.default_group_id = default_group_id
        self.plan: LedgerImportPlan | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Import ledger — {name}").format(name=ledger.path.name))
        self.resize(900, 640)
        outer = QVBoxLayout(self)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)

        # Step 1: which column is which.
        mapping_page = QWidget()
        box = QVBoxLayout(mapping_page)
        intro = QLabel(
            self.tr(
                "Check which standard column each heading of the workbook goes to. Headings "
                "the app recognised are filled in; choose “(not imported)” for columns to "
                "leave out. Nothing is written until you press Import."
            )
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        # A township's own ledger often has no 联络组 column: the group its new records go to.
        group_row = QHBoxLayout()
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("(none chosen)"), None)
        for group in services.groups.all():
            self.group_combo.addItem(group.name, group.id)
        chosen = self.group_combo.findData(default_group_id)
        if chosen < 0 and self.group_combo.count() == 2:
            chosen = 1  # the only group
        self.group_combo.setCurrentIndex(max(chosen, 0))
        self.group_combo.setToolTip(
            self.tr(
                "New records from rows that name no liaison group go to this group; "
                "a row that names its own group keeps it."
            )
        )
        group_label = QLabel(self.tr("Liaison &group for rows without one:"))
        group_label.setBuddy(self.group_combo)
        group_row.addWidget(group_label)
        group_row.addWidget(self.group_combo)
        group_row.addStretch(1)
        box.addLayout(group_row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        sheets_box = QVBoxLayout(inner)
        by_title = {x.title: x for x in layouts}
        self.sheets: list[SheetMapping] = []
        from liaison_desk.documents.ledger import SheetLayout

        for sheet in ledger.sheets:
            layout = by_title.get(sheet.title) or SheetLayout(sheet.title, None)
            mapping = SheetMapping(sheet, layout)
            sheets_box.addWidget(mapping)
            self.sheets.append(mapping)
        sheets_box.addStretch(1)
        scroll.setWidget(inner)
        box.addWidget(scroll, 1)
        self.stack.addWidget(mapping_page)

        # Step 2: the report.
        report_page = QWidget()
        report_box = QVBoxLayout(report_page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        report_box.addWidget(self.summary)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        report_box.addWidget(self.notes)
        self.only_changes = QCheckBox(self.tr("Show only rows with changes, notes or errors"))
        self.only_changes.setChecked(True)
        self.only_changes.toggled.connect(lambda _on: self._fill_report())
        report_box.addWidget(self.only_changes)
        self.report = QTreeWidget()
        self.report.setRootIsDecorated(False)
        self.report.setAlternatingRowColors(True)
        self.report.setWordWrap(True)
        self.report.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.report.setHeaderLabels(
            [
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Number"),
                self.tr("Topic or content"),
                self.tr("Result"),
                self.tr("Reason"),
            ]
        )
        self.report.setAccessibleName(self.tr("Row-by-row report"))
        header = self.report.header()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        report_box.addWidget(self.report, 1)
        # The whole reason of the current row (the column shows its start).
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        report_box.addWidget(self.detail)
        self.report.currentItemChanged.connect(self._show_detail)
        self.stack.addWidget(report_page)

        buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("< &Back"))
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setToolTip(self.tr("Check every row; nothing is written yet"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setToolTip(self.tr("Write every change of the workbook at once"))
        self.close_button = QPushButton(self.tr("Cancel"))
        for button, role in (
            (self.back_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.check_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.import_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.close_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            buttons.addButton(button, role)
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self.show_mapping)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        outer.addWidget(buttons)
        self.show_mapping()

    # --- steps ----------------------------------------------------------------------------------

    def layouts(self) -> list[SheetLayout]:
        return [s.layout_chosen() for s in self.sheets]

    def show_mapping(self) -> None:
        self.stack.setCurrentIndex(0)
        self.back_button.setVisible(False)
        self.check_button.setVisible(True)
        self.check_button.setDefault(True)
        self.import_button.setVisible(False)

    def check(self) -> None:
        """Work out the report off the GUI thread; nothing is written."""
        if self._busy:
            return
        self._set_busy(True)
        layouts = self.layouts()
        ledger, kind, group_id = self.ledger, self.default_kind, self.group_combo.currentData()
        service = self.services.ledger

        def work(_control: TaskControl) -> LedgerImportPlan:
            return service.plan_import(
                ledger, layouts, default_kind=kind, default_group_id=group_id
            )

        run_task(self, work, self._checked, self._failed)

    def _checked(self, plan: LedgerImportPlan) -> None:
        self._set_busy(False)
        self.plan = plan
        self.stack.setCurrentIndex(1)
        self.back_button.setVisible(True)
        self.check_button.setVisible(False)
        self.import_button.setVisible(True)
        self.import_button.setEnabled(plan.ok and plan.has_changes)
        self.import_button.setDefault(self.import_button.isEnabled())
        colour = _RED if not plan.ok else _GREEN
        self.summary.setText(f"<b style='color:{colour}'>{esc(self._summary(plan))}</b>")
        lines = [f"<span style='color:{_RED}'>• {esc(p)}</span>" for p in plan.problems]
        lines += [f"<span style='color:{_GREY}'>• {esc(n)}</span>" for n in plan.notes]
        self.notes.setText("<br/>".join(lines))
        self.notes.setVisible(bool(lines))
        self._fill_report()
        (self.import_button if self.import_button.isEnabled() else self.report).setFocus()

    def _summary(self, plan: LedgerImportPlan) -> str:
        from liaison_desk.services.ledger import RowResult

        counts = self.tr(
            "{created} to create, {updated} to update, {unchanged} unchanged, {skipped} skipped, "
            "{duplicates} duplicates skipped, {errors} with errors."
        ).format(
            created=plan.count(RowResult.CREATED),
            updated=plan.count(RowResult.UPDATED),
            unchanged=plan.count(RowResult.UNCHANGED),
            skipped=plan.count(RowResult.SKIPPED),
            duplicates=plan.count(RowResult.DUPLICATE),
            errors=plan.count(RowResult.ERROR),
        )
        if plan.applied:
            return counts + " " + self.tr("Imported.")
        if not plan.ok:
            return (
                counts
                + " "
                + self.tr("Nothing can be imported until every error is corrected in the workbook.")
            )
        if not plan.has_changes:
            return counts + " " + self.tr("The workbook matches the records: nothing to import.")
        return counts + " " + self.tr("Press Import to write these changes.")

    def _fill_report(self) -> None:
        from liaison_desk.services.ledger import RowResult

        self.report.clear()
        plan = self.plan
        if plan is None:
            return
        labels = {
            RowResult.CREATED: self.tr("Create"),
            RowResult.UPDATED: self.tr("Update"),
            RowResult.UNCHANGED: self.tr("Unchanged"),
            RowResult.SKIPPED: self.tr("Skipped"),
            RowResult.DUPLICATE: self.tr("Duplicate, skipped"),
            RowResult.ERROR: self.tr("Error"),
        }
        if plan.applied:
            labels[RowResult.CREATED] = self.tr("Created")
            labels[RowResult.UPDATED] = self.tr("Updated")
        items = []
        for r in plan.rows:
            if self.only_changes.isChecked() and r.result is RowResult.UNCHANGED and not r.reasons:
                continue
            item = QTreeWidgetItem(
                [r.sheet, str(r.row), r.number, r.title, labels[r.result], " ".join(r.reasons)]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(5, " ".join(r.reasons))
            if r.result is RowResult.ERROR:
                for column in (4, 5):
                    item.setForeground(column, Qt.GlobalColor.red)
            items.append(item)
        self.report.addTopLevelItems(items)
        first_error = next((i for i in items if i.text(4) == labels[RowResult.ERROR]), None)
        current = first_error or (items[0] if items else None)
        if current is not None:
            self.report.setCurrentItem(current)
        else:
            self.detail.clear()

    def _show_detail(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is None or not current.text(5):
            self.detail.clear()
            return
        where = self.tr("Sheet “{sheet}”, row {row}:").format(
            sheet=current.text(0), row=current.text(1)
        )
        self.detail.setText(f"{where} {current.text(5)}")

    def apply(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok or not plan.has_changes or self._busy:
            return
        self._set_busy(True)
        service = self.services.ledger
        run_task(self, lambda _control: service.apply_import(plan), self._applied, self._failed)

    def _applied(self, plan: LedgerImportPlan) -> None:
        self._set_busy(False)
        self._checked(plan)
        self.import_button.setVisible(False)
        self.back_button.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        self.imported.emit(plan)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)
        if self.plan is not None and not self.plan.applied:
            self.show_mapping()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.back_button, self.check_button, self.import_button):
            button.setEnabled(not busy)
        if not busy and self.plan is not None:
            self.import_button.setEnabled(self.plan.ok and self.plan.has_changes)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def reject(self) -> None:
        if self._busy:  # an import being written finishes first (one transaction)
            return
        super().reject()
