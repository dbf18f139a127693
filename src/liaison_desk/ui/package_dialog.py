"""生成报送包…: export case write-ups as a submission package (报送包) for a higher level.

The user picks the target (市政协优秀协商案例征集, 省政协"为民办实事"协商案例汇编, or one sent to
before), the cases, the folder, and whether personal information is masked (on by default).
Before anything is written, the dialog shows what will be masked (``PackageService.
masking_preview``: person / field / 原文 / 报送文 / where). The export runs off the GUI thread with
a progress bar and Cancel (a cancelled export leaves nothing and records nothing); at the end the
dialog says where the ZIP is and offers to open its folder. The service records the submission
(报送记录) and the cases become 已报送.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Case
from liaison_desk.domain.enums import CaseStatus
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.services.packages import ExportResult, MaskedValue, MaskingPreview
from liaison_desk.ui import messages
from liaison_desk.ui.folders import offered_folder
from liaison_desk.ui.html_text import esc
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.table import Column, RecordTableModel, record_table_view
from liaison_desk.ui.tasks import (
    LatestOnly,
    TaskCancelled,
    TaskControl,
    run_task,
    run_with_progress,
)

# The targets every district sends to (domain.md); earlier targets follow from the ledger.
DEFAULT_TARGETS = ("市政协优秀协商案例征集", "省政协“为民办实事”协商案例汇编")
SENDABLE = (CaseStatus.FINAL, CaseStatus.SUBMITTED, CaseStatus.SELECTED)
CASE_ROLE = Qt.ItemDataRole.UserRole + 20
OK_COLOUR = "#1B5E20"
BAD_COLOUR = "#B3261E"


def _reporter(control: TaskControl) -> Any:
    """A progress callback for the service that never raises (the service stops through its
    cancel check and cleans up after itself)."""

    def report(done: int, total: int, message: str = "") -> bool:
        if control.cancelled:
            return False
        try:
            control.progress(done, total, message)
        except TaskCancelled:
            return False
        return True

    return report


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class PackageDialog(QDialog):
    """See the module docstring. ``case_ids``: the cases ticked when it opens."""

    exported = Signal(object)  # ExportResult

    def __init__(
        self, services: Services, case_ids: Sequence[int] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.result_: ExportResult | None = None
        self._wanted = list(case_ids)
        self._preview_loader = LatestOnly(self)
        self._preview_ok = False
        self.preview: MaskingPreview | None = None
        self.bag_name = ""
        self.setWindowTitle(self.tr("Submission package"))

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_done())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        self.resize(1040, 720)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(200)
        self._preview_timer.timeout.connect(self.update_preview)
        self._load_choices()

    # --- building ------------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.target = QComboBox()
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for target in DEFAULT_TARGETS:
            self.target.addItem(target)
        self.target.setCurrentIndex(0)
        self.target.currentTextChanged.connect(lambda _t: self._update_buttons())
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(offered_folder()))
        self.folder.textChanged.connect(lambda _t: self._update_buttons())
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_box = QWidget()
        folder_box.setLayout(folder_row)
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_box.setFocusProxy(self.folder)
        self.masked = QCheckBox(self.tr("&Mask personal information (recommended)"))
        self.masked.setChecked(True)
        self.masked.setToolTip(
            self.tr(
                "Phone and ID numbers of everyone whose consent is not recorded (members and "
                "officials too) are partly hidden, and residents' names keep only the surname "
                "(as the masking settings say)."
            )
        )
        self.masked.toggled.connect(self._schedule_preview)
        self.file_name = QLabel()
        self.file_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_name.setWordWrap(True)
        form.addRow(self.tr("Sent &to:"), self.target)
        form.addRow(self.tr("Save in &folder:"), folder_box)
        form.addRow(self.tr("Privacy:"), self.masked)
        form.addRow(self.tr("File name:"), self.file_name)
        for i in range(form.rowCount()):
            caption = form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            caption_widget = caption.widget() if caption is not None else None
            buddy = field.widget() if field is not None else None
            if isinstance(caption_widget, QLabel) and buddy is not None:
                caption_widget.setBuddy(buddy)
        layout.addLayout(form)

        cases_box = QGroupBox(self.tr("Cases (final or submitted before)"))
        cases_layout = QVBoxLayout(cases_box)
        self.cases = QListWidget()
        self.cases.setSpacing(2)
        self.cases.setWordWrap(True)
        self.cases.itemChanged.connect(self._schedule_preview)
        cases_layout.addWidget(self.cases)

        preview_box = QGroupBox(self.tr("What will be masked"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview_summary = QLabel(self.tr("Reading the cases…"))
        self.preview_summary.setWordWrap(True)
        self.preview_model: RecordTableModel[MaskedValue] = RecordTableModel(
            [
                Column("who", self.tr("Person"), lambda v: v.who, width=8),
                Column("field", self.tr("Field"), lambda v: v.field, width=5),
                Column("before", self.tr("In the records"), lambda v: v.before, width=9),
                Column("after", self.tr("In the package"), self._after_text, width=9),
                Column("where", self.tr("Where"), lambda v: "、".join(v.where), stretch=True),
            ],
            self,
            muted=lambda v: v.consented,
        )
        self.preview_table = record_table_view(self.preview_model, sortable=True)
        preview_layout.addWidget(self.preview_summary)
        preview_layout.addWidget(self.preview_table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(cases_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color:{BAD_COLOUR}")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("&Export package"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.export_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.done_text = QTextBrowser()
        self.done_text.setOpenLinks(False)
        self.done_text.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.done_text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_folder_button = QPushButton(self.tr("&Open the folder"))
        self.open_folder_button.clicked.connect(self._open_folder)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.open_folder_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        return page

    def _after_text(self, value: MaskedValue) -> str:
        if value.consented:
            return self.tr("{value} (consent recorded)").format(value=value.before)
        return value.after

    # --- loading -------------------------------------------------------------------------------
    def _load_choices(self) -> None:
        services = self.services
        wanted = list(self._wanted)

        def work(control: TaskControl) -> tuple[list[Case], dict[int, str], list[str]]:
            cases = services.cases.in_statuses(SENDABLE)
            known = {c.id for c in cases}
            for cid in wanted:
                if cid not in known:
                    extra = services.cases.get(cid)
                    if extra is not None:
                        cases.append(extra)
            control.check()
            groups = {g.id: g.name for g in services.groups.all() if g.id is not None}
            targets = [s.target for s in services.submissions.all()]
            return cases, groups, targets

        run_task(self, work, self._choices_loaded, lambda exc: show_error(self, exc))

    def _choices_loaded(self, loaded: tuple[list[Case], dict[int, str], list[str]]) -> None:
        cases, groups, targets = loaded
        for target in dict.fromkeys(targets):
            if self.target.findText(target) < 0:
                self.target.addItem(target)
        order = {cid: i for i, cid in enumerate(self._wanted)}
        cases.sort(key=lambda c: (order.get(c.id or 0, len(order)), -c.year, c.title))
        self.cases.blockSignals(True)
        self.cases.clear()
        for case in cases:
            facts = [groups.get(case.group_id or 0, ""), str(case.year), label(case.status)]
            if case.archive_number:
                facts.append(case.archive_number)
            text = f"{case.title}\n{' · '.join(f for f in facts if f)}"
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(CASE_ROLE, case.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = case.id in order
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        self.cases.blockSignals(False)
        self.update_preview()

    def case_ids(self) -> list[int]:
        return [
            int(self.cases.item(i).data(CASE_ROLE))
            for i in range(self.cases.count())
            if self.cases.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_case_ids(self, ids: Sequence[int]) -> None:
        for i in range(self.cases.count()):
            item = self.cases.item(i)
            on = int(item.data(CASE_ROLE)) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _schedule_preview(self, *_args: object) -> None:
        self._preview_ok = False
        self._update_buttons()
        self._preview_timer.start()

    def update_preview(self) -> None:
        """Read what will be masked (and the package's name) for the cases ticked."""
        self._preview_timer.stop()
        ids = self.case_ids()
        masked = self.masked.isChecked()
        self._preview_ok = False
        self._update_buttons()
        if not ids:
            self.preview_model.set_rows([])
            self.preview_summary.setText(self.tr("Tick the cases to send."))
            self.file_name.clear()
            self._show_problem("")
            return
        self.preview_summary.setText(self.tr("Reading the cases…"))
        packages = self.services.packages

        def work(control: TaskControl) -> tuple[MaskingPreview, str]:
            preview = packages.masking_preview(ids, masked=masked)
            control.check()
            return preview, packages.package_name(ids)

        self._preview_loader.run(work, self._preview_loaded, self._preview_failed)

    def _preview_loaded(self, loaded: tuple[MaskingPreview, str]) -> None:
        preview, name = loaded
        self.preview = preview
        self.bag_name = name
        self.file_name.setText(f"{name}.zip")
        self.preview_model.set_rows(list(preview.items))
        for key in ("who", "field", "before", "after"):
            self.preview_table.resizeColumnToContents(self.preview_model.column_index(key))
        if not preview.masked:
            summary = self.tr(
                "Nothing is masked: residents' names, phone and ID numbers go into the package "
                "as they are. Use such a package only inside the office."
            )
            self.preview_summary.setStyleSheet(f"color:{BAD_COLOUR}")
        elif not preview.items:
            summary = self.tr("The package holds no personal information that needs masking.")
            self.preview_summary.setStyleSheet("")
        else:
            summary = self.tr(
                "{hidden} items will be masked; {kept} stay in full because consent is recorded."
            ).format(hidden=len(preview.hidden), kept=len(preview.kept))
            self.preview_summary.setStyleSheet("")
        self.preview_summary.setText(summary)
        self._show_problem("")
        self._preview_ok = True
        self._update_buttons()

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview_model.set_rows([])
        self.preview_summary.setText("")
        self.file_name.clear()
        if isinstance(exc, ValidationError):
            self._show_problem("\n".join(p.message for p in exc.problems))
        else:
            show_error(self, exc)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(
            self._preview_ok
            and bool(self.case_ids())
            and bool(self.target.currentText().strip())
            and bool(self.folder.text().strip())
        )

    def is_busy(self) -> bool:
        return self._preview_timer.isActive() or self._preview_loader.busy

    # --- asking (methods, so tests answer them) ------------------------------------------------
    def choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self, self.tr("Save the package in"), self.folder.text()
        )

    def _browse(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.folder.setText(folder)

    def open_folder(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _open_folder(self) -> None:
        if self.result_ is not None:
            self.open_folder(self.result_.path.parent)

    # --- export --------------------------------------------------------------------------------
    def export(self) -> None:
        ids = self.case_ids()
        target = self.target.currentText().strip()
        folder = Path(self.folder.text().strip())
        masked = self.masked.isChecked()
        if not ids or not target or not self._preview_ok:
            return
        if not folder.is_dir():
            self._show_problem(
                self.tr("The folder {folder} does not exist. Choose another one.").format(
                    folder=str(folder)
                )
            )
            return
        out = folder / f"{self.bag_name}.zip"
        overwrite = False
        if out.exists():
            if not messages.confirm(
                self,
                self.tr("Replace the package?"),
                self.tr("{name} is already in this folder. Replace it?").format(name=out.name),
                self.tr("Replace"),
            ):
                return
            overwrite = True
        packages = self.services.packages
        finished: list[ExportResult] = []

        def work(control: TaskControl) -> ExportResult:
            result = packages.export(
                ids,
                target,
                folder,
                masked=masked,
                overwrite=overwrite,
                progress=_reporter(control),
                cancel=lambda: control.cancelled,
            )
            # Cancel pressed after the service's last check: the package is written and
            # recorded all the same, and the dialog must say so.
            finished.append(result)
            return result

        self.export_button.setEnabled(False)
        self.handle = run_with_progress(
            self,
            self.tr("Writing the submission package…"),
            work,
            self._exported,
            self._failed,
            lambda: self._exported(finished[0]) if finished else self._cancelled(),
        )

    def _exported(self, result: ExportResult) -> None:
        self.result_ = result
        rows = [
            (self.tr("Package"), str(result.path)),
            (self.tr("Size"), f"{size_text(result.size)}, {result.files} " + self.tr("files")),
            (self.tr("SHA-256"), result.sha256),
            (self.tr("Sent to"), result.submission.target),
            (self.tr("Cases"), "；".join(f"《{c.title}》" for c in result.cases)),
        ]
        heading = self.tr("The submission package is ready")
        note = self.tr(
            "The submission is recorded in Submissions; the cases in it are read-only from now "
            "on (a change needs a reason and starts a new version). Send the ZIP file as it is; "
            "the receiving office can check it with Check a package."
        )
        table = "".join(
            f"<tr><td style='color:#555;padding-right:12px' valign='top'>{esc(k)}</td>"
            f"<td>{esc(v)}</td></tr>"
            for k, v in rows
        )
        self.done_text.setHtml(
            f"<h3 style='color:{OK_COLOUR}'>✓ {esc(heading)}</h3>"
            f"<table cellpadding='3'>{table}</table><p>{esc(note)}</p>"
        )
        self.pages.setCurrentIndex(1)
        self._fit_result()
        self.open_folder_button.setFocus()
        self.exported.emit(result)

    def _fit_result(self) -> None:
        """The result page is as tall as its text: the form's size no longer holds it open."""
        form = self.pages.widget(0)
        assert form is not None
        form.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        document = self.done_text.document()
        document.setTextWidth(self.done_text.viewport().width())
        self.done_text.setFixedHeight(int(document.size().height()) + 8)
        self.pages.updateGeometry()
        layout = self.layout()
        assert layout is not None
        layout.activate()
        self.resize(self.width(), self.minimumSizeHint().height())

    def _failed(self, exc: BaseException) -> None:
        from liaison_desk.services.packages import PackageCancelled

        if isinstance(exc, PackageCancelled):
            self._cancelled()
            return
        self._update_buttons()
        if isinstance(exc, ValidationError):
            self._show_problem("\n".join(p.message for p in exc.problems))
            return
        show_error(self, exc)

    def _cancelled(self) -> None:
        self._show_problem(self.tr("The export was cancelled. Nothing was written or recorded."))
        self._update_buttons()
