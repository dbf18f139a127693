"""The consultation form (民生议事堂协商 and 微协商): new, edit, duplicate as new, archive and unlock,
print and attach the signed sign-in sheet. It lives inside the list page of its kind.

A hall session spreads over tabs (基本信息, 参加人员, 议程与发言, 纪要与成果, 协商程序, 意见建议,
照片与附件, 修改记录); a micro-consultation keeps the whole record on one screen, with photos and
history on their own tabs.

Nothing typed is lost: every problem (the domain's rules and text that cannot be read as a date
or time) is shown next to its field before saving; leaving with unsaved changes asks first; and
a draft of the open record is kept every 30 seconds and whenever the focus moves, to be offered
back after a crash (``drafts_dialog``). Saving is one transaction (ConsultationService.save).
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.documents.sheet_data import SheetKind
from liaison_desk.domain.entities import Consultation, LiaisonGroup
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.queries import PersonFilter
from liaison_desk.domain.rules import Problem, ValidationError, validate_consultation
from liaison_desk.domain.serialization import to_data
from liaison_desk.services import Services
from liaison_desk.ui import history_view, printing
from liaison_desk.ui.attachment_panel import AttachmentPanel
from liaison_desk.ui.consultation_form_outcomes import OutcomesSection
from liaison_desk.ui.consultation_form_sections import (
    AgendaSection,
    ChecklistSection,
    FactsSection,
    ParticipantsSection,
    Section,
    SpeechesSection,
    TextsSection,
    section_of,
)
from liaison_desk.ui.follow_up_dialogs import ask_revisit, ask_status_change
from liaison_desk.ui.history_view import HistoryView
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import ANSWER_BUTTON, ask_save_discard_cancel, confirm, show_error
from liaison_desk.ui.person_dialog import ProblemLabel
from liaison_desk.ui.person_picker import PersonPickerDialog
from liaison_desk.ui.tasks import TaskControl, run_task

log = logging.getLogger(__name__)

DRAFT_KIND = "consultation"
DRAFT_INTERVAL_MS = 30_000
_PROBLEM_TAB_COLOUR = QColor("#B3261E")
_BANNER_STYLE = "QFrame#lockBanner { background:#F4F1E8; border:1px solid #D9D2BF; }"


@dataclass
class _Options:
    """What the form offers, loaded with the record (off the GUI thread)."""

    groups: list[LiaisonGroup]
    venues: list[str]
    names: list[str]
    bodies: list[str]
    today: date


def _load_options(services: Services, group_id: int | None) -> _Options:
    people = services.people.search(PersonFilter(group_id=group_id)).items
    return _Options(
        groups=services.groups.all(),
        venues=services.consultations.venues(group_id),
        names=sorted({p.name for p in people if p.name}),
        bodies=services.consultations.responsible_bodies(group_id),
        today=services.ctx.today(),
    )


def sheet_kinds(kind: ConsultationKind) -> list[SheetKind]:
    """The printouts that fit a record of ``kind``, the usual one first."""
    if kind is ConsultationKind.HALL:
        return [SheetKind.RECORD, SheetKind.SIGNIN, SheetKind.SLIP]
    return [SheetKind.CARD, SheetKind.SIGNIN, SheetKind.SLIP]


class ConsultationForm(QWidget):
    """One consultation being recorded. The page opens it with ``open_new``, ``open_record``
    or ``open_consultation`` (a duplicate or a restored draft) and shows the list again on
    ``leave_requested``."""

    saved = Signal(object)  # the stored Consultation
    leave_requested = Signal()  # the user is done (unsaved changes already answered)
    dirty_changed = Signal(bool)
    status_message = Signal(str)
    attach_sheet_requested = Signal(object)  # the stored Consultation: the page asks for a file
    loaded = Signal()

    def __init__(
        self, services: Services, kind: ConsultationKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.kind = kind
        self.compact = kind is ConsultationKind.MICRO
        self._record: Consultation | None = None
        self._baseline = ""
        self._kept = ""  # snapshot of the last draft kept
        self._dirty = False
        self._forced_dirty = False
        self._loading = False
        self._filling = False
        self._today = services.ctx.today()

        self._build_header()
        self._build_sections()
        self._build_body()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        outer.addLayout(self.header)
        if self.compact:
            # The micro form fills a 1366×768 screen: the lock notice sits beside the tabs, in
            # their row's empty space, rather than taking a row of its own.
            self.banner_text.setWordWrap(False)
            self.banner.layout().setContentsMargins(8, 0, 2, 0)  # type: ignore[union-attr]
            self.tabs.setCornerWidget(self.banner, Qt.Corner.TopRightCorner)
        else:
            outer.addWidget(self.banner)
        outer.addWidget(self.general_problem)
        outer.addWidget(self.tabs, 1)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WindowShortcut)
        save.activated.connect(self.save)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WindowShortcut)
        back.activated.connect(self._escape)

        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._update_actions()

    # --- building ------------------------------------------------------------------------------
    def _button(self, text: str, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        if tip:
            button.setToolTip(tip)
        return button

    def _build_header(self) -> None:
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.state_label = QLabel()
        self.state_label.setStyleSheet("color:#8a5a00")
        self.back_button = self._button(
            self.tr("Back to list"), self.tr("Back to the list (Esc); asks about unsaved changes")
        )
        self.back_button.clicked.connect(lambda _c=False: self.request_leave())
        self.save_button = self._button(self.tr("&Save"), self.tr("Save the record (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.duplicate_button = self._button(
            self.tr("Copy as &new"),
            self.tr("Start a new record from this one: same venue, people and agenda"),
        )
        self.duplicate_button.clicked.connect(lambda _c=False: self.duplicate())
        self.archive_button = self._button(
            self.tr("&Archive"), self.tr("Archive the record: it becomes read-only")
        )
        self.archive_button.clicked.connect(lambda _c=False: self.archive())
        self.unlock_button = self._button(
            self.tr("&Unlock…"), self.tr("Unlock the archived record to change it (asks a reason)")
        )
        self.unlock_button.clicked.connect(lambda _c=False: self.unlock())
        self.print_button = self._button(self.tr("&Print"))
        self.print_button.setToolTip(self.tr("Print preview of this record's sheets"))
        menu = QMenu(self.print_button)
        self.print_actions = {}
        for sheet in sheet_kinds(self.kind):
            action = menu.addAction(printing.sheet_name(sheet))
            action.triggered.connect(lambda _c=False, k=sheet: self.print_preview(k))
            self.print_actions[sheet] = action
        self.print_button.setMenu(menu)
        self.sheet_button = self._button(
            self.tr("Attach signed sheet…"),
            self.tr("Attach a scan or photo of the signed sign-in sheet to this record"),
        )
        self.sheet_button.clicked.connect(lambda _c=False: self.attach_signed_sheet())
        self.header = QHBoxLayout()
        self.header.addWidget(self.back_button)
        self.header.addSpacing(6)
        self.header.addWidget(self.heading, 1)
        self.header.addWidget(self.state_label)
        for button in (
            self.save_button,
            self.duplicate_button,
            self.archive_button,
            self.unlock_button,
            self.print_button,
            self.sheet_button,
        ):
            self.header.addWidget(button)

        self.banner = QFrame()
        self.banner.setObjectName("lockBanner")
        self.banner.setStyleSheet(_BANNER_STYLE)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        self.banner_text = QLabel(
            self.tr(
                "This record is archived and read-only. To change it, unlock it and give the "
                "reason; the reason is kept in its history."
            )
        )
        self.banner_text.setWordWrap(True)
        self.banner_unlock = QPushButton(self.tr("Unlock…"))
        self.banner_unlock.clicked.connect(lambda _c=False: self.unlock())
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_unlock)
        self.banner.setVisible(False)

        self.general_problem = ProblemLabel()
        self.general_problem.setVisible(False)

    def _build_sections(self) -> None:
        compact = self.compact
        self.facts = FactsSection(compact)
        self.facts.today = self._today
        self.participants = ParticipantsSection(compact)
        self.agenda = AgendaSection()
        self.speeches = SpeechesSection(compact)
        self.texts = TextsSection(compact)
        self.checklist = ChecklistSection(compact)
        self.outcomes = OutcomesSection(compact, self._today)
        self.sections: list[Section] = [
            self.facts,
            self.participants,
            self.agenda,
            self.speeches,
            self.texts,
            self.checklist,
            self.outcomes,
        ]
        for section in self.sections:
            section.changed.connect(self._changed)
        self.checklist.held_on = self.facts.held_on.safe_date
        self.participants.pick_requested.connect(self.pick_participants)
        self.outcomes.bulk_status_requested.connect(self.bulk_status)
        self.outcomes.bulk_revisit_requested.connect(self.bulk_revisit)
        self.facts.group.currentIndexChanged.connect(self._group_changed)
        self.photos = AttachmentPanel(self.services)
        self.photos.changed.connect(self._changed)
        self.history = self._make_history()

    def _make_history(self) -> HistoryView:
        view = HistoryView(self.services)
        view.restored.connect(self._restored)
        view.before_restore = self._before_restore
        return view

    def _before_restore(self) -> bool:
        """Restoring an earlier version replaces what the form shows: unsaved edits are lost."""
        if not self.has_unsaved_changes():
            return True
        return confirm(
            self,
            self.tr("Restore version"),
            self.tr("The form has changes that are not saved. Restore the version and drop them?"),
            self.tr("Restore"),
        )

    def _page(self, *parts: QWidget, stretch_last: bool = True) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            layout.addWidget(part, 1 if (stretch_last and last) else 0)
        if not stretch_last:
            layout.addStretch(1)
        return page

    def _group(self, title: str, section: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(section)
        return box

    def _build_body(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Which section each tab holds (to bring forward the tab of a problem).
        self._tab_of: dict[Section, int] = {}
        if not self.compact:
            pages: list[tuple[str, QWidget, Sequence[Section]]] = [
                (
                    self.tr("Basic facts"),
                    self._page(self.facts, self._group(self.tr("Procedure"), self.checklist)),
                    [self.facts, self.checklist],
                ),
                (self.tr("Participants"), self._page(self.participants), [self.participants]),
                (
                    self.tr("Agenda and speeches"),
                    self._agenda_and_speeches(),
                    [self.agenda, self.speeches],
                ),
                (self.tr("Minutes and consensus"), self._page(self.texts), [self.texts]),
                (self.tr("Suggestions and problems"), self._page(self.outcomes), [self.outcomes]),
            ]
        else:
            pages = [(self.tr("Record"), self._one_screen(), list(self.sections))]
        for title, page, sections in pages:
            index = self.tabs.addTab(page, title)
            for section in sections:
                self._tab_of[section] = index
        self.photos_tab = self.tabs.addTab(self.photos, self.tr("Photos and files"))
        self.history_tab = self.tabs.addTab(self.history, self.tr("History"))

    def _agenda_and_speeches(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._group(self.tr("Agenda"), self.agenda), 1)
        layout.addWidget(self._group(self.tr("Speeches"), self.speeches), 3)
        return page

    def _one_screen(self) -> QWidget:
        """A micro-consultation at a glance: facts on top, people and procedure, speeches and
        texts, then the suggestions, all without scrolling in a 1366×768 or 1280×800 window
        (tests/ui/test_fit.py); the tables scroll inside themselves."""
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.facts, 0, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(self._group(self.tr("Participants"), self.participants), 3)
        # Speeches and the (short) agenda share one place, as tabs, so the screen still holds
        # everything without scrolling.
        self.talk_tabs = QTabWidget()
        self.talk_tabs.addTab(self.speeches, self.tr("Speeches"))
        self.talk_tabs.addTab(self.agenda, self.tr("Agenda"))
        left.addWidget(self.talk_tabs, 3)
        left.addWidget(self.texts, 2)
        right = QVBoxLayout()
        right.addWidget(self._group(self.tr("Procedure"), self.checklist), 0)
        right.addWidget(self._group(self.tr("Suggestions and problems"), self.outcomes), 1)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        # Arrows instead of "Up"/"Down" (the words stay as the buttons' names and tooltips): the
        # button rows are what make the two columns wide.
        for moves in (
            self.participants.people,
            self.speeches.table,
            self.agenda.table,
            self.outcomes,
        ):
            arrow_buttons(moves.up_button, moves.down_button)
        scroll = QScrollArea()
        scroll.setObjectName("oneScreen")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    # --- opening -------------------------------------------------------------------------------
    def record(self) -> Consultation | None:
        """The record as last loaded or saved (not the edits)."""
        return self._record

    def is_loading(self) -> bool:
        return self._loading

    def open_new(self, group_id: int | None) -> None:
        """A blank record of this kind with the current checklist of its kind."""
        services, kind = self.services, self.kind

        def work(_control: TaskControl) -> tuple[Consultation, _Options]:
            gid = group_id
            if gid is None:
                own = services.settings.own_group()
                groups = services.groups.all()
                gid = own.id if own is not None else groups[0].id if len(groups) == 1 else None
            c = services.consultations.new(kind, gid)
            return c, _load_options(services, gid)

        self._load(work, dirty=False)

    def open_record(self, consultation_id: int) -> None:
        services = self.services

        def work(_control: TaskControl) -> tuple[Consultation, _Options]:
            c = services.consultations.get(consultation_id)
            if c is None:
                raise KeyError(consultation_id)
            return c, _load_options(services, c.group_id)

        self._load(work, dirty=False)

    def open_consultation(self, c: Consultation, dirty: bool = True) -> None:
        """Show ``c`` as it is (a copy to save as new, a restored draft): unsaved."""
        services = self.services

        def work(_control: TaskControl) -> tuple[Consultation, _Options]:
            return c, _load_options(services, c.group_id)

        self._load(work, dirty=dirty)

    def _load(self, work: object, dirty: bool) -> None:
        self._loading = True
        self.setEnabled(False)

        def done(loaded: tuple[Consultation, _Options]) -> None:
            self._loading = False
            self.setEnabled(True)
            c, options = loaded
            self._apply_options(options)
            self.show_record(c, dirty=dirty)
            self._focus_first_field()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.setEnabled(True)
            if isinstance(exc, KeyError):
                self.status_message.emit(self.tr("This record no longer exists."))
                self.leave_requested.emit()
                return
            show_error(self, exc)

        run_task(self, work, done, failed)  # type: ignore[arg-type]

    def _focus_first_field(self) -> None:
        """The form was disabled while loading, so the focus stayed where it was (the list, the
        navigation): a user who opens a record or presses Ctrl+N types into the topic."""
        if not self.isVisible():
            return
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            return
        c = self._record
        facts_tab = self._tab_of.get(self.facts, 0)
        if c is not None and c.id is None:  # a new record starts with its topic
            self.tabs.setCurrentIndex(facts_tab)
        if c is not None and not c.is_locked and self.tabs.currentIndex() == facts_tab:
            self.facts.title.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # the tab the user was on stays (e.g. following up suggestions record by record)
            self.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_options(self, options: _Options) -> None:
        self._today = options.today
        self.outcomes.today = options.today
        self.facts.today = options.today
        self._filling = True
        try:
            self.facts.set_groups(options.groups)
            self.facts.set_venues(options.venues)
            self.facts.set_names(options.names)
            self.outcomes.set_bodies(options.bodies)
        finally:
            self._filling = False

    def show_record(self, c: Consultation, dirty: bool = False) -> None:
        """Fill every field from ``c``."""
        self._record = copy.deepcopy(c)
        self._filling = True
        try:
            for section in self.sections:
                section.load(c)
            self.checklist.default_day = self._today
            self.photos.set_record(c, read_only=c.is_locked)
            self._clear_problems()
        finally:
            self._filling = False
        if c.id is not None:
            self.history.show_history(c.id)
        self.tabs.setTabEnabled(self.history_tab, c.id is not None)  # nothing happened yet
        self._baseline = self._snapshot()
        self._kept = self._baseline
        self._forced_dirty = dirty
        self._set_dirty(dirty)
        self._apply_lock()
        self._update_heading()
        self._update_totals()
        self._update_actions()
        if self.tabs.currentIndex() in (self.history_tab,):
            self.tabs.setCurrentIndex(0)

    # --- reading the fields back -----------------------------------------------------------------
    def consultation(self) -> tuple[Consultation, list[Problem]]:
        """The record as the fields show it, and what could not be read (dates, times)."""
        if self._record is None:
            raise RuntimeError("no record open")
        c = copy.deepcopy(self._record)
        problems: list[Problem] = []
        for section in self.sections:
            problems += section.apply(c)
        c.attachments = self.photos.attachments()
        return c, problems

    def _snapshot(self) -> str:
        if self._record is None:
            return ""
        c, _problems = self.consultation()
        raw = [text for section in self.sections for text in section.raw_texts()]
        return json.dumps([to_data(c), raw], ensure_ascii=False, sort_keys=True, default=str)

    # --- changes ---------------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._filling or self._record is None:
            return
        self._update_totals()
        self._set_dirty(self._forced_dirty or self._snapshot() != self._baseline)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty and not self._draft_timer.isActive():
            self._draft_timer.start()
        if not dirty:
            self._draft_timer.stop()
        if dirty == self._dirty:
            return
        self._dirty = dirty
        self.state_label.setText(self.tr("Unsaved changes") if dirty else "")
        self._update_actions()
        self.dirty_changed.emit(dirty)

    def has_unsaved_changes(self) -> bool:
        return self._record is not None and self._dirty

    def _update_totals(self) -> None:
        if self._record is None:
            return
        c = copy.deepcopy(self._record)
        self.participants.apply(c)
        self.participants.show_totals(c)

    def _update_heading(self) -> None:
        c = self._record
        if c is None:
            self.heading.clear()
            return
        if c.id is None:
            text = self.tr("New: {kind}").format(kind=label(self.kind))
        else:
            text = " · ".join(x for x in (label(self.kind), c.number, c.title) if x)
        self.heading.setText(text)
        self.heading.setToolTip(text)

    def _group_changed(self) -> None:
        if self._filling or self._record is None:
            return
        group_id = self.facts.group_id()
        services = self.services
        run_task(
            self,
            lambda _control: _load_options(services, group_id),
            self._apply_options,
        )

    # --- problems --------------------------------------------------------------------------------
    def _clear_problems(self) -> None:
        for section in self.sections:
            section.clear_problems()
        self.general_problem.clear()
        self.general_problem.setVisible(False)
        bar = self.tabs.tabBar()
        for i in range(self.tabs.count()):
            bar.setTabTextColor(i, QColor())

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each problem next to its field, the tabs holding one in red, the first one shown."""
        self._clear_problems()
        by_section: dict[Section, list[Problem]] = {}
        general: list[Problem] = []
        for p in problems:
            key = section_of(p.field)
            section = next((s for s in self.sections if key in s.fields()), None)
            if section is None:
                general.append(p)
            else:
                by_section.setdefault(section, []).append(p)
        if general:
            self.general_problem.setText("\n".join(p.message for p in general))
            self.general_problem.setVisible(True)
        first: QWidget | None = None
        first_tab: int | None = None
        bar = self.tabs.tabBar()
        for section in self.sections:  # in the order of the form
            found = by_section.get(section)
            if not found:
                continue
            widget = section.show_problems(found)
            tab = self._tab_of.get(section)
            if tab is not None:
                bar.setTabTextColor(tab, _PROBLEM_TAB_COLOUR)
            if first is None:
                first, first_tab = widget, tab
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        count = len(problems)
        self.status_message.emit(
            plural(
                count,
                self.tr("Not saved: {count} entry needs attention (marked in red)."),
                self.tr("Not saved: {count} entries need attention (marked in red)."),
            )
        )

    def problems_for(self, c: Consultation, read: Sequence[Problem]) -> list[Problem]:
        """What the form finds (unreadable text) and what the rules find, once per field."""
        unreadable = {p.field for p in read}
        rules = [p for p in validate_consultation(c, self._today) if p.field not in unreadable]
        return [*read, *rules]

    # --- saving ----------------------------------------------------------------------------------
    def _commit_editors(self) -> None:
        """A table cell still being typed in counts: hand its text to the table first."""
        focus = QApplication.focusWidget()
        widget = focus
        while widget is not None:
            parent = widget.parentWidget()
            view = parent.parentWidget() if parent is not None else None
            if isinstance(view, QAbstractItemView) and parent is view.viewport():
                if view.state() == QAbstractItemView.State.EditingState:
                    delegate = view.itemDelegate()
                    delegate.commitData.emit(widget)
                    delegate.closeEditor.emit(widget, QAbstractItemDelegate.EndEditHint.NoHint)
                return
            widget = parent

    def save(self) -> bool:
        """Check every field, then save in one transaction. False (with the problems shown
        next to their fields) when something must be corrected first."""
        if self._record is None or self._loading:
            return False
        if self._record.is_locked:
            self.status_message.emit(self.tr("The record is archived: unlock it to change it."))
            return False
        if self.photos.is_busy():
            self.status_message.emit(
                self.tr("Photos are still being added; save again in a moment.")
            )
            return False
        self._commit_editors()
        c, read = self.consultation()
        problems = self.problems_for(c, read)
        if problems:
            self.show_problems(problems)
            return False
        self._clear_problems()
        try:
            stored = self.services.consultations.save(c)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except Exception as exc:  # locked meanwhile, changed elsewhere, database problems
            show_error(self, exc)  # bugs are raised again, to the crash dialog
            return False
        self._discard_draft(c.uuid)
        self.show_record(stored, dirty=False)
        self.status_message.emit(self.tr("Saved {number}.").format(number=stored.number))
        self.saved.emit(stored)
        return True

    def discard_changes(self) -> None:
        """Forget the edits (and their draft): the record as last saved is shown again."""
        if self._record is None:
            return
        self._discard_draft(self._record.uuid)
        self.show_record(self._record, dirty=False)

    def unsaved_name(self) -> str:
        """How the questions about unsaved changes name the record: its topic as typed."""
        title = self._record.title if self._record is not None else ""
        return self.facts.title.text().strip() or title or self.tr("New record")

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel (a method, so tests answer it)."""
        answer = ask_save_discard_cancel(
            self,
            self.tr("Unsaved changes"),
            self.tr("“{title}” has changes that are not saved yet. Save them?").format(
                title=self.unsaved_name()
            ),
        )
        return ANSWER_BUTTON[answer]

    def confirm_leave(self) -> bool:
        """Before the form is left (back to the list, another record, another page): True when
        nothing unsaved remains, after asking to save or discard; False to stay."""
        self._commit_editors()
        if not self.has_unsaved_changes():
            return True
        answer = self.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_changes()
            return True
        return False

    def request_leave(self) -> None:
        if self.confirm_leave():
            self.leave_requested.emit()

    def _escape(self) -> None:
        """Esc: in a table cell being edited, undo that cell; otherwise back to the list."""
        focus = QApplication.focusWidget()
        widget = focus
        while widget is not None and widget is not self:
            parent = widget.parentWidget()
            view = parent.parentWidget() if parent is not None else None
            if isinstance(view, QAbstractItemView) and parent is view.viewport():
                delegate = view.itemDelegate()
                delegate.closeEditor.emit(
                    widget, QAbstractItemDelegate.EndEditHint.RevertModelCache
                )
                view.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = parent
        self.request_leave()

    # --- drafts ----------------------------------------------------------------------------------
    def _draft_title(self, c: Consultation) -> str:
        topic = c.title or QCoreApplication.translate("ConsultationForm", "(no topic yet)")
        return " · ".join(x for x in (label(c.kind), c.number, topic) if x)

    def keep_draft(self) -> bool:
        """Write the unsaved record as a draft (when it changed since the last one)."""
        if self._record is None or not self._dirty or self._record.is_locked:
            return False
        snapshot = self._snapshot()
        if snapshot == self._kept:
            return False
        c, _problems = self.consultation()
        try:
            self.services.drafts.keep(DRAFT_KIND, c, self._draft_title(c))
        except OSError as exc:  # a full disk must not interrupt typing; the next try may work
            log.warning("could not keep the draft of %s: %s", c.uuid, exc)
            return False
        self._kept = snapshot
        return True

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and not self._filling and self.isVisible():
            self.keep_draft()

    def _discard_draft(self, key: str) -> None:
        try:
            self.services.drafts.discard(DRAFT_KIND, key)
        except OSError as exc:
            log.warning("could not remove the draft %s: %s", key, exc)
        self._kept = ""

    # --- locking ---------------------------------------------------------------------------------
    def _apply_lock(self) -> None:
        locked = self._record is not None and self._record.is_locked
        for section in self.sections:
            section.set_read_only(locked)
        self.banner.setVisible(locked)
        self._update_actions()

    def _update_actions(self) -> None:
        c = self._record
        saved = c is not None and c.id is not None
        locked = c is not None and c.is_locked
        self.save_button.setEnabled(c is not None and not locked)
        self.duplicate_button.setEnabled(saved)
        self.archive_button.setVisible(not locked)
        self.archive_button.setEnabled(saved and not locked)
        self.unlock_button.setVisible(locked)
        self.print_button.setEnabled(c is not None)
        self.sheet_button.setEnabled(c is not None and not locked)

    def _saved_id(self, why: str) -> int | None:
        """The id of the record as stored, saving first (after asking) when it has unsaved
        changes or was never saved; None when the user declined or saving failed."""
        c = self._record
        if c is None:
            return None
        if c.id is not None and not self.has_unsaved_changes():
            return c.id
        if not confirm(self, self.tr("Save first"), why, self.tr("Save")):
            return None
        if not self.save():
            return None
        return self._record.id if self._record is not None else None

    def archive(self) -> None:
        c_id = self._saved_id(
            self.tr("The record has unsaved changes. Save them before archiving?")
        )
        if c_id is None:
            return
        if not confirm(
            self,
            self.tr("Archive"),
            self.tr(
                "Archive this record? It becomes read-only; changing it later needs unlocking "
                "with a reason."
            ),
            self.tr("Archive"),
        ):
            return
        try:
            stored = self.services.consultations.archive(c_id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.show_record(stored)
        self.status_message.emit(self.tr("{number} archived.").format(number=stored.number))
        self.saved.emit(stored)

    def unlock(self) -> None:
        c = self._record
        if c is None or c.id is None or not c.is_locked:
            return
        reason = ask_unlock_reason(self)
        if reason is None:
            return
        try:
            stored = self.services.consultations.unlock(c.id, reason)
        except Exception as exc:
            show_error(self, exc)
            return
        self.show_record(stored)
        self.status_message.emit(self.tr("{number} unlocked.").format(number=stored.number))
        self.saved.emit(stored)

    def _restored(self, c: Consultation) -> None:
        """An earlier revision was restored from the history tab."""
        self._discard_draft(c.uuid)
        self.show_record(c)
        self.saved.emit(c)

    # --- other actions ---------------------------------------------------------------------------
    def duplicate(self) -> None:
        """复制为新活动: a new, unsaved record started from this one."""
        c = self._record
        if c is None or c.id is None or not self.confirm_leave():
            return
        try:
            copy_ = self.services.consultations.duplicate_as_new(c.id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.open_consultation(copy_, dirty=True)
        self.status_message.emit(
            self.tr("A new record copied from {number}: change what differs, then save.").format(
                number=c.number
            )
        )

    def print_preview(self, sheet: SheetKind) -> None:
        c_id = self._saved_id(
            self.tr("Printouts show the record as saved. Save the changes first?")
        )
        if c_id is not None:
            printing.preview(self, self.services, sheet, [c_id])

    def attach_signed_sheet(self) -> None:
        c_id = self._saved_id(
            self.tr("The signed sheet is attached to the saved record. Save the changes first?")
        )
        if c_id is not None and self._record is not None:
            self.attach_sheet_requested.emit(self._record)

    def reload(self) -> None:
        """Read the record again (after something else changed it, e.g. a signed sheet)."""
        if self._record is not None and self._record.id is not None:
            self.open_record(self._record.id)

    def pick_participants(self) -> None:
        dialog = PersonPickerDialog(
            self.services, self.facts.group_id(), self.participants.person_ids(), self
        )
        try:
            if dialog.exec() == PersonPickerDialog.DialogCode.Accepted:
                self.participants.add_people(dialog.chosen())
        finally:
            dialog.deleteLater()

    def bulk_status(self) -> None:
        rows = self.outcomes.selected_rows()
        if not rows:
            return
        current = self.outcomes.items()[rows[0]].status if len(rows) == 1 else None
        change = ask_status_change(self, len(rows), self._today, current)
        if change is None:
            return
        values: dict[str, object] = {"status": change.status}
        if change.resolved_on is not None:
            values["resolved_on"] = change.resolved_on
        if change.reason:
            values["unsolved_reason"] = change.reason
        self.outcomes.apply_to_selected(values)

    def bulk_revisit(self) -> None:
        rows = self.outcomes.selected_rows()
        if not rows:
            return
        visit = ask_revisit(self, len(rows), self._today)
        if visit is None:
            return
        self.outcomes.apply_to_selected(
            {"revisit_on": visit.on, "revisit_note": visit.note, "satisfaction": visit.satisfaction}
        )


def arrow_buttons(up: QPushButton, down: QPushButton) -> None:
    """``up`` and ``down`` as narrow arrow buttons, named by their former text."""
    for button, pixmap in (
        (up, QStyle.StandardPixmap.SP_ArrowUp),
        (down, QStyle.StandardPixmap.SP_ArrowDown),
    ):
        name = button.text().replace("&", "")
        button.setAccessibleName(name)
        if not button.toolTip():
            button.setToolTip(name)
        button.setText("")
        button.setIcon(button.style().standardIcon(pixmap))


def ask_unlock_reason(parent: QWidget | None) -> str | None:
    """The reason for unlocking (None: cancelled); tests replace it."""
    return history_view.ask_unlock_reason(parent)
