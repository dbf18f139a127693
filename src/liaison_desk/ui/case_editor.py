"""The case editor (协商案例): one case write-up, opened from the 协商案例 page.

What it edits: main title and subtitle, the group, year and retention period, the consultations
the case is written from (picked from the records, in order), the five sections of domain.md as
plain text with the markup of ``domain.case_text`` (four GB/T 9704 heading levels at line starts,
``**bold**``), and 2–4 photos with captions, in order. 基本信息 can be drawn from the linked
consultations (``CaseService.basic_info_from_consultations``) and edited afterwards. The 字数 is
counted as the user types, against the configured limit.

Status moves through actions, never a combo: 定稿 (the service assigns the 档号), back to 草稿
before it is submitted; 已报送 comes from exporting a package, 入选 / 退回 from the submissions
page. A submitted case is read-only: 修改（新版本）… asks for a reason, and saving then starts the
next version (the service keeps the submitted one, shown by 历史版本…).

Unsaved input is kept as a draft (``services.drafts``, kind "case") every 30 seconds and when the
focus moves, so a crash loses nothing; saving or discarding removes the draft.

Around it: ``case_photos`` (the photos box: list, captions, order, thumbnails; the editor does
what needs the case — choosing from the linked consultations, adding files after saving),
``case_pickers`` (link consultations, choose photos), ``case_versions`` (历史版本…),
``case_documents`` (Word / PDF / collection, shared with the list) and ``case_text`` (heading
numbers, the preview, the unsaved-changes comparison).

What is left here is one ``CaseEditor`` widget whose layout, lock state, drafts and actions share
its fields and one Qt translation context ("CaseEditor"). Should it grow past 1,000 lines, the
next seam is the box of linked consultations (list, buttons, the worker that names them), as a
widget of its own like the photos box.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import CASE_SECTIONS, Case
from liaison_desk.domain.enums import CaseStatus, RetentionPeriod
from liaison_desk.domain.queries import ConsultationSummary
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.services.cases import CaseService, LinkedConsultation, PhotoChoice
from liaison_desk.ui import messages
from liaison_desk.ui.case_documents import CaseDocuments
from liaison_desk.ui.case_photos import CasePhotos
from liaison_desk.ui.case_pickers import (
    ConsultationPicker,
    PhotoChooser,
)
from liaison_desk.ui.case_text import (
    comparable,
    heading_prefix,
    preview_html,
    set_heading,
)
from liaison_desk.ui.case_versions import VersionsDialog
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.table import display
from liaison_desk.ui.tasks import (
    TaskControl,
    run_task,
)

log = logging.getLogger(__name__)

DRAFT_KIND = "case"
DRAFT_INTERVAL_MS = 30_000
OVER_LIMIT = "#B3261E"
CONSULTATION_ROLE = Qt.ItemDataRole.UserRole + 11

# --- the editor --------------------------------------------------------------------------------


@dataclass
class _Section:
    key: str
    chinese: str
    edit: QPlainTextEdit


class CaseEditor(QWidget):
    """One case, editable (or read-only when submitted). ``open_case`` fills it; ``save`` writes
    it; ``has_unsaved_changes`` tells the page whether to ask before leaving."""

    back_requested = Signal()
    saved = Signal(object)  # the saved Case
    title_changed = Signal(str)  # for the page's status text
    status_message = Signal(str)  # where a document went

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._case: Case | None = None  # as loaded (id, uuid, revision, status …)
        self._baseline: dict[str, Any] = {}
        self._reason = ""  # set once the user started a new version of a locked case
        self._loading = False
        self._limit = 3000
        self._linked: list[LinkedConsultation] = []
        self._error_labels: dict[str, QLabel] = {}
        self._build()
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)

        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the list"))
        self.back_button.setToolTip(self.tr("Back to the list of cases (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the case (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.final_button = QPushButton(self.tr("&Finalise"))
        self.final_button.setToolTip(self.tr("Mark the case final: it gets its archive number."))
        self.final_button.clicked.connect(self.finalise)
        self.draft_button = QPushButton(self.tr("Back to &draft"))
        self.draft_button.clicked.connect(self.back_to_draft)
        self.documents_button = QToolButton()
        self.documents_button.setText(self.tr("Documents"))
        self.documents_button.setIcon(icon("export"))
        self.documents_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.documents = CaseDocuments(self.services, self)
        self.documents_button.setMenu(self.documents.menu(collection=False))
        self.documents.docx_action.triggered.connect(
            lambda _c=False: self._document(self.documents.export_docx)
        )
        self.documents.pdf_action.triggered.connect(
            lambda _c=False: self._document(self.documents.export_pdf)
        )
        self.documents.preview_action.triggered.connect(
            lambda _c=False: self._document(self.documents.preview_pdf)
        )
        self.documents.message.connect(self.status_message)
        self.versions_button = QPushButton(self.tr("Earlier &versions…"))
        self.versions_button.clicked.connect(self.show_versions)
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        for w in (
            self.versions_button,
            self.documents_button,
            self.draft_button,
            self.final_button,
            self.save_button,
        ):
            top.addWidget(w)
        outer.addLayout(top)

        self.banner = QFrame()
        self.banner.setObjectName("lockedBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setAutoFillBackground(True)
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#FFF4CE"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#3B2F00"))
        self.banner.setPalette(palette)
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.new_version_button = QPushButton(self.tr("Change (new version)…"))
        self.new_version_button.clicked.connect(self.start_new_version)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.new_version_button)
        self.banner.setVisible(False)
        outer.addWidget(self.banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 720])
        self.splitter = splitter
        # The photos along the bottom, the whole width: four thumbnails side by side.
        body = QSplitter(Qt.Orientation.Vertical)
        body.setChildrenCollapsible(False)
        body.addWidget(splitter)
        self.photos = CasePhotos(self.services)
        self.photos.changed.connect(self._changed)
        self.photos.choose_requested.connect(self.choose_photos)
        self.photos.add_files_requested.connect(self.add_photo_files)
        body.addWidget(self.photos)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 0)
        outer.addWidget(body, 1)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WindowShortcut)
        save.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self.back_requested)

    def _error_label(self, field: str) -> QLabel:
        error = QLabel()
        error.setStyleSheet(f"color:{OVER_LIMIT}")
        error.setWordWrap(True)
        error.setVisible(False)
        self._error_labels[field] = error
        return error

    def _with_error(self, widget: QWidget, field: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(field))
        box.setFocusProxy(widget)
        return box

    def _build_left(self) -> QWidget:
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 6, 0)

        facts = QGroupBox(self.tr("Case"))
        form = QFormLayout(facts)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("The case's main title"))
        self.subtitle_edit = QLineEdit()
        self.subtitle_edit.setPlaceholderText(
            self.tr("Optional: what the group did, starting with a dash")
        )
        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.retention_combo = QComboBox()
        for period in RetentionPeriod:
            self.retention_combo.addItem(label(period), period.value)
        self.archive_edit = QLineEdit()
        self.archive_edit.setReadOnly(True)
        self.archive_edit.setPlaceholderText(self.tr("Assigned when final"))
        self.status_label = QLabel()
        form.addRow(self.tr("&Title:"), self._with_error(self.title_edit, "title"))
        form.addRow(self.tr("S&ubtitle:"), self.subtitle_edit)
        form.addRow(self.tr("&Group:"), self._with_error(self.group_combo, "group_id"))
        form.addRow(self.tr("&Year:"), self._with_error(self.year_spin, "year"))
        form.addRow(self.tr("&Retention:"), self.retention_combo)
        form.addRow(self.tr("Archive no.:"), self._with_error(self.archive_edit, "archive_number"))
        form.addRow(self.tr("Status:"), self.status_label)
        for i in range(form.rowCount()):
            item = form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            caption = item.widget() if item is not None else None
            field = form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            buddy = field.widget() if field is not None else None
            if isinstance(caption, QLabel) and buddy is not None:
                caption.setBuddy(buddy)
        layout.addWidget(facts)

        linked_box = QGroupBox(self.tr("Consultations it is written from"))
        linked_layout = QHBoxLayout(linked_box)
        self.linked_list = QListWidget()
        self.linked_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.linked_list.setMinimumHeight(110)
        linked_buttons = QVBoxLayout()
        self.link_button = QPushButton(self.tr("&Link…"))
        self.link_button.clicked.connect(self.pick_consultations)
        self.unlink_button = QPushButton(self.tr("Remove"))
        self.unlink_button.clicked.connect(self.remove_consultations)
        self.linked_up = QPushButton(self.tr("Up"))
        self.linked_up.clicked.connect(lambda: self._move(-1))
        self.linked_down = QPushButton(self.tr("Down"))
        self.linked_down.clicked.connect(lambda: self._move(1))
        for b in (self.link_button, self.unlink_button, self.linked_up, self.linked_down):
            linked_buttons.addWidget(b)
        linked_buttons.addStretch(1)
        linked_layout.addWidget(self.linked_list, 1)
        linked_layout.addLayout(linked_buttons)
        self.linked_list.itemSelectionChanged.connect(self._update_selection_buttons)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.linked_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_consultations)
        layout.addWidget(linked_box, 1)

        for w in (self.title_edit, self.subtitle_edit):
            w.textChanged.connect(self._changed)
        self.title_edit.textChanged.connect(self._update_heading)
        self.group_combo.currentIndexChanged.connect(self._changed)
        self.year_spin.valueChanged.connect(self._changed)
        self.retention_combo.currentIndexChanged.connect(self._changed)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)
        return scroll

    def _build_right(self) -> QWidget:
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(6, 0, 0, 0)
        tools = QHBoxLayout()
        self.markup_buttons: list[QToolButton] = []
        for level in (1, 2, 3, 4):
            button = QToolButton()
            button.setText(heading_prefix(level, 1))
            keys = QKeySequence(f"Ctrl+Alt+{level}")
            button.setShortcut(keys)
            button.setToolTip(
                self.tr("Make this line a heading of level {level} ({key})").format(
                    level=level, key=keys.toString(QKeySequence.SequenceFormat.NativeText)
                )
            )
            button.clicked.connect(lambda _c=False, lv=level: self.insert_heading(lv))
            tools.addWidget(button)
            self.markup_buttons.append(button)
        bold = QToolButton()
        bold.setText(self.tr("B"))
        f = bold.font()
        f.setBold(True)
        bold.setFont(f)
        bold.setShortcut(QKeySequence("Ctrl+B"))
        bold.setToolTip(self.tr("Bold: **text** (Ctrl+B)"))
        bold.clicked.connect(self.insert_bold)
        tools.addWidget(bold)
        self.markup_buttons.append(bold)
        self.preview_box = QCheckBox(self.tr("&Preview"))
        self.preview_box.toggled.connect(self._toggle_preview)
        tools.addWidget(self.preview_box)
        tools.addStretch(1)
        self.generate_button = QPushButton(self.tr("From the &linked consultations"))
        self.generate_button.setToolTip(
            self.tr(
                "Write the basic information from the linked consultations (you can edit it "
                "afterwards)"
            )
        )
        self.generate_button.clicked.connect(self.generate_basic_info)
        tools.addWidget(self.generate_button)
        layout.addLayout(tools)

        self.tabs = QTabWidget()
        self.sections: list[_Section] = []
        for key, chinese in CASE_SECTIONS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"section_{key}")
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(
                self.tr("One paragraph per line. Headings start with 一、 (一) 1. (1); **bold**.")
            )
            edit.textChanged.connect(self._changed)
            edit.textChanged.connect(self._update_preview)
            self.sections.append(_Section(key, chinese, edit))
            self.tabs.addTab(edit, chinese)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.preview = QTextBrowser()
        self.preview.setVisible(False)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.tabs)
        body.addWidget(self.preview)
        body.setChildrenCollapsible(False)
        layout.addWidget(body, 1)
        self.words_label = QLabel()
        self.words_label.setObjectName("wordCount")
        self.words_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.words_label)
        return right

    # --- opening -------------------------------------------------------------------------------
    def set_groups(self, groups: Sequence[tuple[int, str]]) -> None:
        was = self.group_combo.blockSignals(True)
        current = self.group_combo.currentData()
        self.group_combo.clear()
        for gid, name in groups:
            self.group_combo.addItem(name, gid)
        index = self.group_combo.findData(current)
        self.group_combo.setCurrentIndex(max(index, 0) if current is not None else -1)
        self.group_combo.blockSignals(was)

    def set_word_limit(self, limit: int) -> None:
        self._limit = limit
        self._update_words()

    def open_case(self, case: Case, baseline: Case | None = None) -> None:
        """Show ``case`` for editing. ``baseline`` is what is stored (a draft differs from it):
        by default the case itself, so it opens without unsaved changes."""
        self._loading = True
        try:
            self._case = copy.deepcopy(case)
            self._reason = ""
            self._clear_errors()
            self.title_edit.setText(case.title)
            self.subtitle_edit.setText(case.subtitle)
            index = self.group_combo.findData(case.group_id)
            if index < 0 and case.group_id is not None:
                self.group_combo.addItem(str(case.group_id), case.group_id)
                index = self.group_combo.count() - 1
            self.group_combo.setCurrentIndex(index)
            self.year_spin.setValue(case.year)
            self.retention_combo.setCurrentIndex(
                max(0, self.retention_combo.findData(case.retention.value))
            )
            for section in self.sections:
                section.edit.setPlainText(case.sections.get(section.key, ""))
            self.linked_list.clear()
            for cid in case.consultation_ids:
                self._add_linked_item(cid, None)
            self.photos.show_photos(case.photos)
        finally:
            self._loading = False
        self._baseline = comparable(baseline if baseline is not None else case)
        self.tabs.setCurrentIndex(0)
        self._show_facts()
        self._update_words()
        self._update_heading()
        self._apply_lock()
        self._linked = []
        self._load_linked()
        self._draft_timer.start()

    def close_case(self) -> None:
        self._draft_timer.stop()
        self._case = None
        self._baseline = {}

    @property
    def is_open(self) -> bool:
        return self._case is not None

    def _load_linked(self) -> None:
        """The linked consultations' numbers and titles, and the photos to choose from (read
        in a worker); the list's items are there already, their text follows."""
        case = self.case()
        services = self.services

        def work(control: TaskControl) -> tuple[list[LinkedConsultation], list[PhotoChoice]]:
            linked = services.cases.linked_consultations(case)
            control.check()
            return linked, services.cases.photo_choices(case)

        def done(result: tuple[list[LinkedConsultation], list[PhotoChoice]]) -> None:
            linked, choices = result
            by_id = {c.id: c for c in linked}
            for i in range(self.linked_list.count()):
                item = self.linked_list.item(i)
                cid = int(item.data(CONSULTATION_ROLE))
                if cid in by_id or cid in case.consultation_ids:
                    self._describe_linked(item, by_id.get(cid))
            self._linked = linked
            self.photos.add_choices(choices)
            self.photos.load_thumbnails()

        run_task(self, work, done, lambda exc: show_error(self, exc))

    def _add_linked_item(self, cid: int, summary: ConsultationSummary | None) -> None:
        """An item for consultation ``cid``; its text comes with the summary, or later from
        ``_load_linked``."""
        item = QListWidgetItem(self.tr("Loading…"))
        item.setData(CONSULTATION_ROLE, cid)
        if summary is not None:
            text = f"{summary.number}   {display(summary.held_on)}   {summary.title}"
            item.setText(text)
            item.setToolTip(text)
        self.linked_list.addItem(item)

    def _describe_linked(self, item: QListWidgetItem, linked: LinkedConsultation | None) -> None:
        if linked is None:
            cid = int(item.data(CONSULTATION_ROLE))
            text = self.tr("Consultation {id} (deleted for good)").format(id=cid)
        else:
            text = f"{linked.number}   {display(linked.held_on)}   {linked.title}"
            if linked.deleted:
                text += " — " + self.tr("in the recycle bin")
        item.setText(text)
        item.setToolTip(text)

    def linked_ids(self) -> list[int]:
        return [
            int(self.linked_list.item(i).data(CONSULTATION_ROLE))
            for i in range(self.linked_list.count())
        ]

    def case(self) -> Case:
        """The case as the fields show it (a new object; the loaded one is not changed)."""
        base = self._case or Case(group_id=None, year=self.year_spin.value(), title="")
        case = copy.deepcopy(base)
        case.title = self.title_edit.text().strip()
        case.subtitle = self.subtitle_edit.text().strip()
        case.group_id = self.group_combo.currentData()
        case.year = self.year_spin.value()
        case.retention = RetentionPeriod(self.retention_combo.currentData())
        case.sections = {
            s.key: s.edit.toPlainText().rstrip() for s in self.sections if s.edit.toPlainText()
        }
        case.consultation_ids = self.linked_ids()
        case.photos = self.photos.photos()
        return case

    def has_unsaved_changes(self) -> bool:
        if self._case is None:
            return False
        return comparable(self.case()) != self._baseline

    def current_section(self) -> _Section:
        return self.sections[self.tabs.currentIndex()]

    # --- state shown ---------------------------------------------------------------------------
    def _read_only(self) -> bool:
        return self._case is not None and self._case.is_locked and not self._reason

    def _update_selection_buttons(self) -> None:
        """Remove and move act on the selected consultations: enabled only then (the photos
        box does the same for its own)."""
        chosen = bool(self.linked_list.selectedItems())
        for button in (self.unlink_button, self.linked_up, self.linked_down):
            button.setEnabled(not self._read_only() and chosen)

    def _apply_lock(self) -> None:
        case = self._case
        read_only = self._read_only()
        for line in (self.title_edit, self.subtitle_edit):
            line.setReadOnly(read_only)
        for section in self.sections:
            section.edit.setReadOnly(read_only)
        numbered = bool(case and case.archive_number)
        self.group_combo.setEnabled(not read_only and not numbered)
        self.year_spin.setEnabled(not read_only and not numbered)
        self.retention_combo.setEnabled(not read_only and not numbered)
        for w in (self.link_button, self.generate_button, *self.markup_buttons):
            w.setEnabled(not read_only)
        self._update_selection_buttons()
        self.photos.set_read_only(read_only)
        status = case.status if case else CaseStatus.DRAFT
        self.save_button.setEnabled(not read_only)
        self.final_button.setVisible(status in (CaseStatus.DRAFT, CaseStatus.RETURNED))
        self.final_button.setEnabled(not read_only)
        self.draft_button.setVisible(status is CaseStatus.FINAL)
        self.versions_button.setVisible(bool(case and case.version > 1))
        if case is not None and case.is_locked:
            if self._reason:
                text = self.tr(
                    "Changing the submitted case: saving starts version {n}. Reason: {reason}"
                ).format(n=case.version + 1, reason=self._reason)
            else:
                text = self.tr(
                    "{status}, read-only. A change needs a reason and starts a new version; "
                    "the submitted version stays readable."
                ).format(status=label(case.status))
            self.banner_text.setText(text)
            self.new_version_button.setVisible(not self._reason)
            self.banner.setVisible(True)
        else:
            self.banner.setVisible(False)

    def _show_facts(self) -> None:
        case = self._case
        if case is None:
            return
        self.archive_edit.setText(case.archive_number)
        status = label(case.status)
        if case.version > 1:
            status += "  " + self.tr("(version {n})").format(n=case.version)
        self.status_label.setText(status)

    def _update_heading(self) -> None:
        title = self.title_edit.text().strip()
        if self._case is not None and self._case.id is None:
            heading = (
                self.tr("New case: {title}").format(title=title) if title else self.tr("New case")
            )
        else:
            heading = title or self.tr("(untitled case)")
        self.heading.setText(heading)
        self.title_changed.emit(heading)

    def word_count(self) -> int:
        return CaseService.word_count(self.case())

    def _update_words(self) -> None:
        words = self.word_count()
        text = self.tr("{count} of {limit} characters").format(count=words, limit=self._limit)
        over = words > self._limit
        if over:
            text += " — " + self.tr("{over} over the limit").format(over=words - self._limit)
        self.words_label.setText(text)
        self.words_label.setStyleSheet(f"color:{OVER_LIMIT};font-weight:bold" if over else "")
        self.words_label.setProperty("over_limit", over)

    def is_over_limit(self) -> bool:
        return bool(self.words_label.property("over_limit"))

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._update_words()

    def _tab_changed(self, index: int) -> None:
        self.generate_button.setVisible(index == 0)
        self._update_preview()

    def _toggle_preview(self, on: bool) -> None:
        self.preview.setVisible(on)
        self._update_preview()

    def _update_preview(self) -> None:
        if self.preview.isVisible():
            self.preview.setHtml(preview_html(self.current_section().edit.toPlainText()))

    def _clear_errors(self) -> None:
        for error in self._error_labels.values():
            error.clear()
            error.setVisible(False)

    def _show_problems(self, exc: ValidationError) -> None:
        """Problems next to their fields; the others (and a summary) in a message."""
        self._clear_errors()
        unplaced = []
        for problem in exc.problems:
            error = self._error_labels.get(problem.field)
            if error is None:
                unplaced.append(problem)
                continue
            error.setText(problem.message)
            error.setVisible(True)
        if unplaced:
            show_error(self, ValidationError(unplaced))
        first = next((p.field for p in exc.problems if p.field in self._error_labels), None)
        widget = {
            "title": self.title_edit,
            "group_id": self.group_combo,
            "year": self.year_spin,
        }.get(first or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status_message.emit(
            plural(
                len(exc.problems),
                self.tr("Not saved: {count} entry needs attention (marked in red)."),
                self.tr("Not saved: {count} entries need attention (marked in red)."),
            )
        )

    # --- editing actions -----------------------------------------------------------------------
    def insert_heading(self, level: int) -> None:
        edit = self.current_section().edit
        if edit.isReadOnly():
            return
        cursor = edit.textCursor()
        line = cursor.blockNumber()
        column = cursor.positionInBlock()
        before = edit.document().findBlockByNumber(line).text()
        text = set_heading(edit.toPlainText(), line, level)
        after_line = text.split("\n")[line]
        # One undoable edit: replace the line only.
        cursor.movePosition(cursor.MoveOperation.StartOfBlock)
        cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
        cursor.insertText(after_line)
        cursor.movePosition(cursor.MoveOperation.StartOfBlock)
        shift = len(after_line) - len(before)
        cursor.movePosition(
            cursor.MoveOperation.Right,
            n=max(0, min(len(after_line), column + shift)),
        )
        edit.setTextCursor(cursor)
        edit.setFocus()

    def insert_bold(self) -> None:
        edit = self.current_section().edit
        if edit.isReadOnly():
            return
        cursor = edit.textCursor()
        selected = cursor.selectedText()
        if selected:
            cursor.insertText(f"**{selected}**")
        else:
            cursor.insertText("****")
            cursor.movePosition(cursor.MoveOperation.Left, n=2)
            edit.setTextCursor(cursor)
        edit.setFocus()

    def generate_basic_info(self) -> None:
        case = self.case()
        if not case.consultation_ids:
            messages.inform(
                self,
                self.tr("Basic information"),
                self.tr("Link the consultations the case is written from first."),
            )
            return
        edit = self.sections[0].edit
        if edit.toPlainText().strip() and not messages.confirm(
            self,
            self.tr("Basic information"),
            self.tr(
                "Replace the basic information with a text drawn from the linked consultations?"
            ),
            self.tr("Replace"),
        ):
            return

        def done(text: str) -> None:
            self.tabs.setCurrentIndex(0)
            cursor = edit.textCursor()
            cursor.select(cursor.SelectionType.Document)
            cursor.insertText(text)  # undoable
            edit.setFocus()

        run_task(
            self,
            lambda _c: self.services.cases.basic_info_from_consultations(case),
            done,
            lambda exc: show_error(self, exc),
        )

    def pick_consultations(self) -> None:
        case = self.case()
        dialog = ConsultationPicker(
            self.services, case.group_id, case.year, self.linked_ids(), self
        )
        if not self.exec_dialog(dialog):
            return
        self.link_consultations(dialog.selected())

    def link_consultations(self, picked: Sequence[ConsultationSummary]) -> None:
        """Add the picked consultations after those linked, in the order given."""
        known = set(self.linked_ids())
        new = [c for c in picked if c.id not in known]
        if not new:
            return
        for summary in new:
            self._add_linked_item(summary.id, summary)
        self._changed()
        self._load_linked()  # the photos of the new ones become choices

    def remove_consultations(self) -> None:
        for item in self.linked_list.selectedItems():
            self.linked_list.takeItem(self.linked_list.row(item))
        self._changed()

    def _move(self, step: int) -> None:
        """Move the current linked consultation ``step`` places."""
        widget = self.linked_list
        row = widget.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < widget.count():
            return
        was = widget.blockSignals(True)
        item = widget.takeItem(row)
        widget.insertItem(target, item)
        widget.setCurrentRow(target)
        widget.blockSignals(was)
        self._changed()

    def choose_photos(self) -> None:
        dialog = PhotoChooser(self.services, self.case(), self.photos.ids(), self)
        if not self.exec_dialog(dialog):
            return
        self.photos.set_photos(dialog.ticked(), dialog.captions())

    def add_photo_files(self) -> None:
        """Photos from files join the case itself (the case is saved first when new)."""
        files = self.photos.choose_files()
        if not files:
            return
        if self._case is None:
            return
        if self._case.id is None and not self.save():
            return
        case_id = self._case.id
        assert case_id is not None
        services = self.services

        def work(control: TaskControl) -> tuple[list[PhotoChoice], int]:

            added = []
            for n, name in enumerate(files):
                control.progress(n, len(files))
                path = Path(name)
                att = services.attachments.add(path, path.name, case_id=case_id)
                added.append(att.id)
            stored = services.cases.get(case_id)
            choices = services.cases.photo_choices(stored) if stored else []
            return [c for c in choices if c.attachment_id in added], (
                stored.revision if stored else 0
            )

        def done(result: tuple[list[PhotoChoice], int]) -> None:
            choices, revision = result
            if self._case is not None:
                self._case.revision = revision  # the photos made a new revision
            self.photos.add_choices(choices)
            self.photos.set_photos(self.photos.ids() + [c.attachment_id for c in choices])

        run_task(self, work, done, lambda exc: show_error(self, exc))

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog of the editor (a method, so tests answer it)."""
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    # --- saving and status ---------------------------------------------------------------------
    def save(self, status: CaseStatus | None = None) -> bool:
        """Write the case; True when it was saved (problems are shown next to their fields)."""
        if self._case is None:
            return True
        if self._read_only():
            return not self.has_unsaved_changes()
        case = self.case()
        if status is not None:
            case.status = status
        try:
            saved = self.services.cases.save(copy.deepcopy(case), reason=self._reason)
        except ValidationError as exc:
            self._show_problems(exc)
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self._discard_draft(case.uuid)
        self._clear_errors()
        self.open_case(saved)
        self.saved.emit(saved)
        return True

    def finalise(self) -> bool:
        """定稿: saved as final; the service assigns the 档号."""
        if self._case is None or self._read_only():
            return False
        if not messages.confirm(
            self,
            self.tr("Finalise the case"),
            self.tr("Mark the case final? It gets its archive number, which is never reused."),
            self.tr("Finalise"),
        ):
            return False
        return self.save(CaseStatus.FINAL)

    def back_to_draft(self) -> bool:
        if self._case is None or self._case.status is not CaseStatus.FINAL:
            return False
        return self.save(CaseStatus.DRAFT)

    def ask_reason(self) -> str | None:
        """Why the submitted case is changed (a method, so tests answer it)."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Change a submitted case"),
            self.tr(
                "The case has been submitted. Why does it change? The reason is kept with the "
                "new version."
            ),
        )
        return text.strip() if ok else None

    def start_new_version(self) -> None:
        if self._case is None or not self._case.is_locked:
            return
        reason = self.ask_reason()
        if not reason:
            return
        self._reason = reason
        self._apply_lock()
        self.title_edit.setFocus()

    def show_versions(self) -> None:
        case = self._case
        if case is None or case.id is None:
            return
        versions = self.services.cases.versions(case.id)
        if not versions:
            messages.inform(
                self,
                self.tr("Earlier versions"),
                self.tr("No earlier version of this case was kept."),
            )
            return
        self.exec_dialog(VersionsDialog(self.services, versions, self))

    def _document(self, action: Callable[[Case], None]) -> None:
        """Documents are made from the stored case: unsaved changes are saved first (asked)."""
        case = self._case
        if case is None:
            return
        if case.id is None or (not self._read_only() and self.has_unsaved_changes()):
            if not messages.confirm(
                self,
                self.tr("Save the case"),
                self.tr("Documents are made from the saved case. Save the changes first?"),
                self.tr("Save"),
            ):
                return
            if not self.save():
                return
        if self._case is not None:
            action(copy.deepcopy(self._case))

    # --- drafts --------------------------------------------------------------------------------
    def _drafts(self) -> Any:
        return getattr(self.services, "drafts", None)

    def keep_draft(self) -> None:
        """Keep the unsaved input as a draft (nothing when there is none)."""
        drafts = self._drafts()
        if drafts is None or not self.has_unsaved_changes():
            return
        case = self.case()
        try:
            drafts.keep(DRAFT_KIND, case, case.title or self.tr("(untitled case)"))
        except OSError as exc:  # a full disk must not interrupt typing
            log.warning("could not keep the draft of the case: %s", exc)

    def _discard_draft(self, uuid: str) -> None:
        drafts = self._drafts()
        if drafts is not None:
            try:
                drafts.discard(DRAFT_KIND, uuid)
            except OSError as exc:
                log.warning("could not remove the draft of the case: %s", exc)

    def discard_changes(self) -> None:
        if self._case is not None:
            self._discard_draft(self._case.uuid)

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self._case is not None and self.isAncestorOf(old):
            self.keep_draft()

    # --- helpers for the page ------------------------------------------------------------------
    def loaded_case(self) -> Case | None:
        return copy.deepcopy(self._case) if self._case is not None else None
