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

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.errors import UserFacingError
from liaison_desk.services import Services
from liaison_desk.services.records import ExportResult, ImportReport
from liaison_desk.ui.folders import offered_folder, remember_folder
from liaison_desk.ui.messages import confirm, inform, show_error
from liaison_desk.ui.tasks import TaskControl, run_with_progress

_SKIP = {"revision", "updated_at", "created_at", "_when_new"}


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
        if conflicts:
            layout.addWidget(self.table)
        else:
            self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 520)

    def theirs(self) -> set[str]:
        return {uuid for uuid, box in self.choices if box.currentData()}


def _shown(doc: dict[str, Any], keys: list[str]) -> str:
    return "\n".join(f"{k}: {str(doc.get(k, ''))[:120]}" for k in keys)


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
            self.parent.tr("Import package"),
            str(offered_folder()),
            self.parent.tr("Records or case packages (*.zip)"),
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
        inform(self.parent, self.parent.tr("Import package"), report.render())

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
                self.parent.tr("Import package"),
                work,
                done,
                lambda exc: show_error(self.parent, exc),
            )

        run_with_progress(
            self.parent,
            self.parent.tr("Import package"),
            lambda control: records.import_package(path, dry_run=True, progress=control),
            trial_done,
            lambda exc: show_error(self.parent, exc),
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
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = buttons.addButton(
            self.tr("&Undo the last import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.undo_button.clicked.connect(self.undo_last)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 420)
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
                self.table.setItem(row, col, item)
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

    def ask_undo(self) -> bool:
        return confirm(
            self,
            self.tr("Undo the last import"),
            self.tr(
                "Put the records back as they were before the last import? A backup is made first."
            ),
        )

    def undo_last(self) -> None:
        if not self.ask_undo():
            return
        try:
            self.services.records.undo_last()
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.on_changed()
        self.reload()
