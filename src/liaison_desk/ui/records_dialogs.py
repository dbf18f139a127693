"""导出报送数据包… / 导入报送包… / 导入记录: records packages in the window.

Export: choose the group, the year, photos and masking, then where to save; the package is
written off the GUI thread with a progress dialog and Cancel (``services.records.export``).
Import: choose the file; a trial run (nothing written) shows what would change and, for each
conflict, our version and theirs side by side with a choice; then the import runs off the GUI
thread. The import log lists every import and undoes the last one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.errors import UserFacingError
from liaison_desk.services import Services
from liaison_desk.services.records import ExportResult, ImportLogEntry, ImportReport
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.messages import confirm, inform, show_error
from liaison_desk.ui.tasks import TaskControl, run_with_progress

_SKIP = {"revision", "updated_at", "created_at", "_when_new"}

# The fields of the records as the conflict table names them (the package's own keys are
# English); a key not listed shows as it is.
_FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "Title"),
    "held_on": QT_TRANSLATE_NOOP("ConflictDialog", "Date"),
    "start_time": QT_TRANSLATE_NOOP("ConflictDialog", "Start"),
    "end_time": QT_TRANSLATE_NOOP("ConflictDialog", "End"),
    "venue": QT_TRANSLATE_NOOP("ConflictDialog", "Venue"),
    "host": QT_TRANSLATE_NOOP("ConflictDialog", "Host"),
    "recorder": QT_TRANSLATE_NOOP("ConflictDialog", "Recorder"),
    "number": QT_TRANSLATE_NOOP("ConflictDialog", "Number"),
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status"),
    "agenda": QT_TRANSLATE_NOOP("ConflictDialog", "Agenda"),
    "minutes": QT_TRANSLATE_NOOP("ConflictDialog", "Minutes"),
    "consensus": QT_TRANSLATE_NOOP("ConflictDialog", "Consensus"),
    "participants": QT_TRANSLATE_NOOP("ConflictDialog", "Participants"),
    "speeches": QT_TRANSLATE_NOOP("ConflictDialog", "Speeches"),
    "checklist": QT_TRANSLATE_NOOP("ConflictDialog", "Procedure"),
    "head_counts": QT_TRANSLATE_NOOP("ConflictDialog", "Head counts"),
    "topic_source": QT_TRANSLATE_NOOP("ConflictDialog", "Source of the topic"),
    "content": QT_TRANSLATE_NOOP("ConflictDialog", "Content"),
    "deadline": QT_TRANSLATE_NOOP("ConflictDialog", "Deadline"),
    "responsible_body": QT_TRANSLATE_NOOP("ConflictDialog", "Responsible body"),
    "resolved_on": QT_TRANSLATE_NOOP("ConflictDialog", "Resolved on"),
    "name": QT_TRANSLATE_NOOP("ConflictDialog", "Name"),
    "unit": QT_TRANSLATE_NOOP("ConflictDialog", "Unit"),
    "phone": QT_TRANSLATE_NOOP("ConflictDialog", "Phone"),
    "sections": QT_TRANSLATE_NOOP("ConflictDialog", "Text"),
    "deleted_at": QT_TRANSLATE_NOOP("ConflictDialog", "Deleted"),
}


class RecordsExportDialog(QDialog):
    """导出报送数据包…"""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.exported: ExportResult | None = None
        self.setWindowTitle(self.tr("Export records package"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A package of the group's consultations, people, cases, submission results, "
                "photos and deletions, for the district office to import. Each record keeps "
                "its identity, so the office can import again after changes."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.group = QComboBox()
        for name in services.records.groups():
            self.group.addItem(name, name)
        own = services.settings.own_group()
        if own is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(own.name)))
        form.addRow(self.tr("&Group:"), self.group)
        self.year = QComboBox()
        self.year.addItem(self.tr("All years"), None)
        for year in services.statistics.years():
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(services.statistics.default_year())))
        form.addRow(self.tr("&Year:"), self.year)
        self.with_photos = QCheckBox(self.tr("Include &photos"))
        self.with_photos.setChecked(True)
        form.addRow("", self.with_photos)
        self.masking = QCheckBox(
            self.tr("&Mask phone and ID numbers of people without recorded consent")
        )
        self.masking.setChecked(True)
        form.addRow("", self.masking)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            self.tr("&Save as…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ask_path(self, suggested: str) -> Path | None:
        name, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the records package"),
            str(offered_folder() / suggested),
            self.tr("ZIP packages (*.zip)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")

    def tell_done(self, result: ExportResult) -> None:
        inform(
            self,
            self.windowTitle(),
            self.tr("Saved to {path}.").format(path=str(result.written.path)),
        )

    def save(self) -> None:
        group = str(self.group.currentData() or "")
        year = self.year.currentData()
        path = self.ask_path(f"{group}-{year or ''}-报送数据包.zip".replace("--", "-"))
        if path is None:
            return
        remember_folder(path.parent)
        records = self.services.records
        photos, mask = self.with_photos.isChecked(), self.masking.isChecked()

        def work(control: TaskControl) -> ExportResult:
            return records.export(
                path,
                group=group or None,
                year=int(year) if year is not None else None,
                photos=photos,
                mask=mask,
                overwrite=True,
                progress=control,
            )

        def done(result: ExportResult) -> None:
            self.exported = result
            self.accept()
            self.tell_done(result)

        run_with_progress(self, self.windowTitle(), work, done, lambda exc: show_error(self, exc))


class ConflictDialog(QDialog):
    """The conflicts of an import, ours and theirs side by side, each with a choice."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import package"))
        layout = QVBoxLayout(self)
        summary = QPlainTextEdit(report.render())
        summary.setReadOnly(True)
        layout.addWidget(summary)
        conflicts = [c for c in report.conflicts if c.resolvable]
        # What the buttons do: the trial wrote nothing, and the conflicts are chosen here.
        if conflicts:
            what = self.tr(
                "Nothing has been written yet. For each record changed on both sides, choose "
                "which version to keep, then click Import (the database is backed up first); "
                "Cancel imports nothing."
            )
        else:
            what = self.tr(
                "Nothing has been written yet. Click Import to write these changes (the "
                "database is backed up first); Cancel imports nothing."
            )
        self.advice = QLabel(what)
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        self.table = QTableWidget(len(conflicts), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Ours"), self.tr("Theirs"), self.tr("Keep")]
        )
        self.choices: list[tuple[str, QComboBox]] = []
        for row, conflict in enumerate(conflicts):
            keys = [
                k
                for k in sorted(set(conflict.ours) | set(conflict.theirs))
                if k not in _SKIP and conflict.ours.get(k) != conflict.theirs.get(k)
            ]
            self.table.setItem(row, 0, QTableWidgetItem(conflict.title))
            self.table.setItem(row, 1, QTableWidgetItem(_shown(conflict.ours, keys)))
            self.table.setItem(row, 2, QTableWidgetItem(_shown(conflict.theirs, keys)))
            choice = QComboBox()
            choice.addItem(self.tr("Keep ours"), False)
            choice.addItem(self.tr("Keep theirs"), True)
            self.table.setCellWidget(row, 3, choice)
            self.choices.append((conflict.uuid, choice))
        # Ours and theirs side by side, whole: the versions take the width and wrap.
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 200)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        if conflicts:
            layout.addWidget(self.table, 2)
        else:
            self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Room for the versions side by side when there are conflicts; a short report otherwise.
        if conflicts:
            self.resize(980, 600)
        else:
            self.resize(640, 300)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the wrapped versions, at the widths now laid out

    def theirs(self) -> set[str]:
        return {uuid for uuid, box in self.choices if box.currentData()}


def _importer_title() -> str:
    # Not self.parent.tr(): that looks the text up under the window's class name, where the
    # translation is not, and the Chinese window showed "Import package".
    return QCoreApplication.translate("RecordsImporter", "Import package")


def _shown(doc: dict[str, Any], keys: list[str]) -> str:
    return "\n".join(f"{_field_label(k)}：{str(doc.get(k, ''))[:120]}" for k in keys)


def _field_label(key: str) -> str:
    label = _FIELD_LABELS.get(key)
    return QCoreApplication.translate("ConflictDialog", str(label)) if label else key


class RecordsImporter:
    """导入报送包…: choose, try, confirm (conflicts chosen), import; methods so tests answer."""

    def __init__(self, services: Services, parent: QWidget, on_changed: Callable[[], None]) -> None:
        self.services = services
        self.parent = parent
        self.on_changed = on_changed
        self.report: ImportReport | None = None

    def ask_file(self) -> Path | None:
        name, _f = QFileDialog.getOpenFileName(
            self.parent,
            _importer_title(),
            str(offered_folder()),
            QCoreApplication.translate("RecordsImporter", "Records or case packages (*.zip)"),
        )
        return Path(name) if name else None

    def choose(self, trial: ImportReport) -> set[str] | None:
        """The conflicts to take theirs for, or None to cancel."""
        dialog = ConflictDialog(trial, self.parent)
        try:
            return dialog.theirs() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def tell_done(self, report: ImportReport) -> None:
        inform(self.parent, _importer_title(), report.render())

    def refused(self, exc: BaseException) -> None:
        """A package not imported: the message (from the service) says why and what to do."""
        show_error(
            self.parent,
            exc,
            QCoreApplication.translate("RecordsImporter", "The package was not imported"),
        )

    def start(self, path: Path | None = None) -> None:
        path = path or self.ask_file()
        if path is None:
            return
        remember_folder(path.parent)
        records = self.services.records

        def trial_done(trial: ImportReport) -> None:
            theirs = self.choose(trial)
            if theirs is None:
                return

            def work(control: TaskControl) -> ImportReport:
                return records.import_package(path, theirs=theirs, progress=control)

            def done(report: ImportReport) -> None:
                self.report = report
                self.on_changed()
                self.tell_done(report)

            run_with_progress(
                self.parent,
                _importer_title(),
                work,
                done,
                self.refused,
            )

        run_with_progress(
            self.parent,
            _importer_title(),
            lambda control: records.import_package(path, dry_run=True, progress=control),
            trial_done,
            self.refused,
        )


class ImportLogDialog(QDialog):
    """导入记录: every import (file, SHA-256, sender, date, counts, who), and undoing the last."""

    def __init__(
        self, services: Services, parent: QWidget | None, on_changed: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.on_changed = on_changed
        self.setWindowTitle(self.tr("Import log"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 10)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("File"),
                self.tr("Sender"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Skipped"),
                self.tr("Conflicts"),
                self.tr("Deleted"),
                self.tr("Kind"),
                self.tr("Personal data"),
            ]
        )
        # Every column readable at 1366×768: each as wide as its contents, the file name taking
        # what is left; no row numbers (the date says which import it was).
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = buttons.addButton(
            self.tr("&Undo the last import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.undo_button.clicked.connect(self.undo_last)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1160, 420)
        self.reload()

    def reload(self) -> None:
        entries = self.services.records.log()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            when = f"{e.imported_at:%Y-%m-%d %H:%M}"
            if e.undone_at is not None:
                when += self.tr(" (undone)")
            values = [
                when,
                e.file_name,
                f"{e.sender}（{e.actor}）",
                *(
                    str(e.counts.get(k, 0))
                    for k in ("new", "updated", "skipped", "conflicts", "deleted")
                ),
                self.kind_text(e.kind),
                self.masking_text(e.masked),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(f"SHA-256: {e.sha256}")
                if 3 <= col <= 7:  # the counts
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        for col in range(self.table.columnCount()):  # a little air: no title touches the next
            self.table.setColumnWidth(col, self.table.columnWidth(col) + 12)
        self.undo_button.setEnabled(any(e.undone_at is None for e in entries))

    def kind_text(self, kind: str) -> str:
        if kind == "cases":
            return self.tr("Case package")
        return self.tr("Records package")

    def masking_text(self, masked: bool | None) -> str:
        """The package's own masking decision: what was imported is as the package showed it."""
        if masked is None:
            return ""
        return self.tr("Masked") if masked else self.tr("Not masked")

    def last_import(self) -> ImportLogEntry | None:
        """The import the undo button takes back: the newest not undone (as the service picks
        it: the highest log number)."""
        entries = [e for e in self.services.records.log() if e.undone_at is None]
        return max(entries, key=lambda e: e.id, default=None)

    def ask_undo(self, entry: ImportLogEntry) -> bool:
        """Names the import, so the user knows which package's records go."""
        return confirm(
            self,
            self.tr("Undo the last import"),
            self.tr(
                "Undo the import of “{file}” ({sender}, {when})? The records go back exactly as "
                "they were before it; a backup is made first."
            ).format(
                file=entry.file_name,
                sender=entry.sender,
                when=f"{entry.imported_at:%Y-%m-%d %H:%M}",
            ),
            self.tr("&Undo the import"),
        )

    def tell_undone(self, entry: ImportLogEntry) -> None:
        inform(
            self,
            self.tr("Undo the last import"),
            self.tr(
                "The import of “{file}” ({sender}) is undone: the records are as they were "
                "before it. It stays in the log, marked “undone”."
            ).format(file=entry.file_name, sender=entry.sender),
        )

    def undo_last(self) -> None:
        entry = self.last_import()
        if entry is None or not self.ask_undo(entry):
            return
        try:
            undone = self.services.records.undo_last()
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.on_changed()
        self.reload()
        self.tell_undone(undone)
