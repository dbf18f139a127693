"""从备份恢复…: the backups of this database with their date, kind, size and record counts, and
restoring the chosen one after a confirmation that says what happens. Listing and restoring run
off the GUI thread; the restore shows a progress bar with Cancel (possible until the current
data starts being replaced)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.services import Services
from liaison_desk.services.backups import BackupEntry, BackupKind
from liaison_desk.ui import messages
from liaison_desk.ui.table import Column, RecordTableModel, record_table_view
from liaison_desk.ui.tasks import TaskControl, run_task, run_with_progress

KIND_NAMES: dict[BackupKind, str] = {
    BackupKind.AUTOMATIC: str(QT_TRANSLATE_NOOP("BackupKind", "Automatic")),
    BackupKind.ON_CLOSE: str(QT_TRANSLATE_NOOP("BackupKind", "On closing")),
    BackupKind.BEFORE_IMPORT: str(QT_TRANSLATE_NOOP("BackupKind", "Before import")),
    BackupKind.BEFORE_RESTORE: str(QT_TRANSLATE_NOOP("BackupKind", "Before restore")),
    BackupKind.BEFORE_UPGRADE: str(QT_TRANSLATE_NOOP("BackupKind", "Before upgrade")),
    BackupKind.BEFORE_MERGE: str(QT_TRANSLATE_NOOP("BackupKind", "Before merge")),
    BackupKind.MANUAL: str(QT_TRANSLATE_NOOP("BackupKind", "Manual")),
}

COUNT_NAMES: dict[str, str] = {
    "consultations": str(QT_TRANSLATE_NOOP("BackupCounts", "consultations {n}")),
    "outcome_items": str(QT_TRANSLATE_NOOP("BackupCounts", "suggestions {n}")),
    "cases": str(QT_TRANSLATE_NOOP("BackupCounts", "cases {n}")),
    "people": str(QT_TRANSLATE_NOOP("BackupCounts", "people {n}")),
    "attachments": str(QT_TRANSLATE_NOOP("BackupCounts", "attachments {n}")),
}


def kind_name(kind: BackupKind) -> str:
    return QCoreApplication.translate("BackupKind", KIND_NAMES[kind])


def counts_text(entry: BackupEntry) -> str:
    if entry.problem:
        return QCoreApplication.translate("BackupDialog", "Cannot be read")
    if not entry.counts:
        return ""
    return " · ".join(
        QCoreApplication.translate("BackupCounts", text).format(n=entry.counts[key])
        for key, text in COUNT_NAMES.items()
        if key in entry.counts
    )


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1024) // 1024} KB"


class RestoreDialog(QDialog):
    """Emits ``restored`` after the data was replaced (the window reloads its pages)."""

    restored = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.intro = QLabel(
            self.tr(
                "The backups of this database, newest first. Restoring one puts the data back "
                "as it was then; the current data is backed up first, so a restore can itself "
                "be undone from this list."
            )
        )
        self.intro.setWordWrap(True)
        self.model: RecordTableModel[BackupEntry] = RecordTableModel(
            [
                Column(
                    "created_at",
                    self.tr("Made"),
                    lambda e: e.created_at.astimezone().replace(tzinfo=None),
                    width=11,
                ),
                Column("kind", self.tr("Kind"), lambda e: kind_name(e.kind), width=8),
                Column(
                    "size",
                    self.tr("Size"),
                    lambda e: size_text(e.size),
                    sort_key=lambda e: e.size,
                    numeric=True,
                    width=6,
                ),
                Column("counts", self.tr("Contents"), counts_text, stretch=True),
            ],
            self,
            warn=lambda e: e.problem is not None,
            tooltip=lambda e: e.problem or str(e.path),
        )
        self.table = record_table_view(self.model, multi_select=False)
        self.table.setObjectName("backups")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setObjectName("detail")

        self.folder_button = QPushButton(self.tr("Open the backup &folder"))
        self.folder_button.clicked.connect(self._open_folder)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        char = self.fontMetrics().horizontalAdvance("中")
        self.resize(char * 72, char * 36)
        self.loading = False
        self.reload()

    # --- the list ------------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.services.backups.available:
            self.detail.setText(
                self.tr(
                    "This database is on a server: it has no automatic backups here. Back it up "
                    "and restore it with the server's own tools (for example pg_dump)."
                )
            )
            self.model.set_rows([])
            self._update()
            return
        self.loading = True
        self.detail.setText(self.tr("Reading the backups…"))
        self._update()
        run_task(self, lambda _control: self.services.backups.backups(), self._show, self._failed)

    def _show(self, entries: list[BackupEntry]) -> None:
        self.loading = False
        self.model.set_rows(entries)
        if entries:
            self.table.selectRow(0)
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.detail.setText("")
        self._update()
        messages.show_error(self, exc)

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        entry = self.selected()
        self.restore_button.setEnabled(
            entry is not None and entry.problem is None and not self.loading
        )
        self.folder_button.setEnabled(self.services.backups.available)
        if self.loading or not self.services.backups.available:
            return
        if not self.model.rows():
            self.detail.setText(
                self.tr(
                    "No backups yet. They are made automatically while you work, when the window "
                    "closes and before each import."
                )
            )
        elif entry is None:
            self.detail.setText(self.tr("Choose a backup to restore."))
        elif entry.problem:
            self.detail.setText(entry.problem)
        else:
            self.detail.setText(self.tr("File: {path}").format(path=entry.path))

    def _open_folder(self) -> None:
        folder = self.services.backups.folder()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- restoring -----------------------------------------------------------------------------
    def confirmation_text(self, entry: BackupEntry) -> str:
        when = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return self.tr(
            "Restore the backup of {when} ({kind})?\n\n"
            "The data now in the database is replaced by the data of that backup ({counts}). "
            "What was entered after {when} will no longer be shown.\n\n"
            "Nothing is lost: the current data is backed up first (kind “{before}”) and can be "
            "restored from this list in turn. The database is closed and opened again; forms "
            "left open lose what was not saved."
        ).format(
            when=when,
            kind=kind_name(entry.kind),
            counts=counts_text(entry) or self.tr("record counts unknown"),
            before=kind_name(BackupKind.BEFORE_RESTORE),
        )

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.problem is not None or self.loading:
            return
        if not messages.confirm(
            self,
            self.tr("Restore from a backup"),
            self.confirmation_text(entry),
            self.tr("Restore"),
        ):
            return
        backups = self.services.backups

        def work(control: TaskControl) -> object:
            return backups.restore(entry, control)

        run_with_progress(
            self,
            self.tr("Restoring the backup…"),
            work,
            lambda _safety: self._restored(entry),
            self._restore_failed,
            self.reload,
        )

    def _restored(self, entry: BackupEntry) -> None:
        self.restored.emit()
        when = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        messages.inform(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "The data is as it was on {when}. The data before the restore is in the list "
                "as “{before}”."
            ).format(when=when, before=kind_name(BackupKind.BEFORE_RESTORE)),
        )
        self.reload()

    def _restore_failed(self, exc: BaseException) -> None:
        self.restored.emit()  # the database was opened again: the pages read it afresh
        messages.show_error(self, exc)
        self.reload()
