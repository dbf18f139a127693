"""The 备份 tab of the settings page: where automatic backups go (another disk or a USB stick)
and how many the thinning keeps, and the way to 从备份恢复…. These are settings of this
computer, saved through ``services.backups`` with the page's Save button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liaison_desk import config
from liaison_desk.domain.backup_retention import RetentionPolicy
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.services.backups import FOLDER_KEY, KEEP_KEYS, BackupSettings
from liaison_desk.ui import messages
from liaison_desk.ui.group_form import PROBLEM_STYLE
from liaison_desk.ui.i18n import current_language

HELP_STYLE = "color:#5F6368"


def _help(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HELP_STYLE)
    return label


def _problem() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setVisible(False)
    return label


class BackupSettingsTab(QWidget):
    """``changed`` when an entry was edited; ``restored`` after a restore from the dialog."""

    changed = Signal()
    restored = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.saved: BackupSettings | None = None
        language = current_language()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        intro = QLabel(
            self.tr(
                "While the window is open the data is backed up every 30 minutes when something "
                "changed, again when the window closes, and before every import and restore. Old "
                "automatic backups are thinned to the numbers below. These are settings of this "
                "computer."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not services.backups.available:
            layout.addWidget(
                _help(
                    self.tr(
                        "This database is on a server: the app cannot back it up as a file. "
                        "Back it up with the server's own tools (for example pg_dump)."
                    )
                )
            )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(14)
        spec = config.spec(FOLDER_KEY)
        self.folder_problem = _problem()
        self.folder = QLineEdit()
        self.folder.setObjectName(FOLDER_KEY)
        self.folder.setAccessibleName(spec.shown_label(language))
        if services.backups.available:
            self.folder.setPlaceholderText(str(services.backups.default_folder()))
        self.folder.setClearButtonEnabled(True)
        self.folder.textChanged.connect(lambda _t: self._edited(self.folder_problem))
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setObjectName("choose_backup_folder")
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        folder_box = QWidget()
        column = QVBoxLayout(folder_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addLayout(folder_row)
        column.addWidget(_help(spec.shown_description(language)))
        column.addWidget(self.folder_problem)
        caption = QLabel(spec.shown_label(language))
        caption.setBuddy(self.folder)
        form.addRow(caption, folder_box)

        self.counts: dict[str, QSpinBox] = {}
        self.count_problems: dict[str, QLabel] = {}
        for name, key in KEEP_KEYS.items():
            spec = config.spec(key)
            box = QSpinBox()
            box.setObjectName(key)
            box.setAccessibleName(spec.shown_label(language))
            box.setRange(spec.minimum or 0, spec.maximum or 1000)
            box.valueChanged.connect(lambda _v, k=key: self._edited(self.count_problems[k]))
            self.counts[name] = box
            problem = _problem()
            self.count_problems[key] = problem
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(3)
            row = QHBoxLayout()
            row.addWidget(box)
            row.addStretch(1)
            column.addLayout(row)
            column.addWidget(_help(spec.shown_description(language)))
            column.addWidget(problem)
            label = QLabel(spec.shown_label(language))
            label.setBuddy(box)
            form.addRow(label, holder)
        layout.addLayout(form)

        self.restore_button = QPushButton(self.tr("Restore from a &backup…"))
        self.restore_button.setObjectName("restore_from_backup")
        self.restore_button.clicked.connect(self.open_restore_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.load()

    # --- values --------------------------------------------------------------------------------
    def load(self) -> None:
        """Show the saved settings (edits are dropped)."""
        try:
            self.saved = self.services.backups.settings()
        except OSError as exc:
            messages.show_error(self, exc)
            return
        self._show(self.saved)

    def _show(self, settings: BackupSettings) -> None:
        widgets = [self.folder, *self.counts.values()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.folder.setText(settings.folder)
            for name, box in self.counts.items():
                box.setValue(getattr(settings.policy, name))
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def value(self) -> BackupSettings:
        return BackupSettings(
            self.folder.text().strip(),
            RetentionPolicy(**{name: box.value() for name, box in self.counts.items()}),
        )

    def dirty(self) -> bool:
        return self.saved is not None and self.value() != self.saved

    def save(self) -> bool:
        """Save when changed; problems show under their fields. True when saved."""
        if not self.dirty():
            return True
        new = self.value()
        try:
            self.services.backups.save_settings(new)
        except ValidationError as exc:
            for problem in exc.problems:
                label = self.count_problems.get(problem.field, self.folder_problem)
                label.setText(problem.message)
                label.setVisible(True)
            return False
        except config.SettingsFileError as exc:  # the settings file cannot be written
            messages.show_error(self, exc)
            return False
        self.saved = new
        return True

    def has_problem(self) -> bool:
        return any(not p.isHidden() for p in [self.folder_problem, *self.count_problems.values()])

    def _edited(self, problem: QLabel) -> None:
        problem.setVisible(False)
        self.changed.emit()

    def _choose_folder(self) -> None:
        start = self.folder.text().strip() or self.folder.placeholderText()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for automatic backups"), start
        )
        if chosen:
            self.folder.setText(chosen)

    # --- restoring -----------------------------------------------------------------------------
    def open_restore_dialog(self) -> None:
        from liaison_desk.ui.backup_dialog import RestoreDialog

        dialog = RestoreDialog(self.services, self)
        dialog.restored.connect(self.restored)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
