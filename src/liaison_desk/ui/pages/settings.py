"""The settings page (设置): this database's liaison group, the procedure checklists, masking of
what leaves the app, the case word limit, the document fonts and the language of the window.

The rows are built from the declarations in ``config.SETTINGS``: a database setting whose key
starts with a section's prefix (``masking.``, ``cases.``, ``documents.font.``) shows in that
section with the declaration's label as its caption and its description as grey help text, so a
new setting needs no new UI code. The labels and descriptions are Chinese data, shown as they are.

Saving: one Save button (and Ctrl+S) for the whole page saves every section with changes:
the group profile through ``services.groups``, the database settings in one
``services.settings.update`` (all or nothing: a bad value writes none of them), each changed
checklist through ``services.consultations.save_template``. Problems show under their fields.
Changes not saved yet stay in the widgets when the user goes to another page (pages live as long
as the window); the tabs with such changes carry a "*" and a note above the Save button says so.

The language is a setting of this computer: choosing one saves it at once and asks the window
to rebuild itself in that language (``language_chosen``); unsaved changes are saved first or the
switch is called off, since the rebuilt window starts from the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liaison_desk import config, fonts
from liaison_desk.config import MachineSettings, Scope, SettingsFileError
from liaison_desk.domain.entities import LiaisonGroup, ProcedureTemplate
from liaison_desk.domain.enums import ConsultationKind
from liaison_desk.domain.procedure import default_template
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.ui.group_form import PROBLEM_STYLE, GroupProfileForm
from liaison_desk.ui.i18n import LANGUAGES, current_language
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import confirm, show_error
from liaison_desk.ui.pages.base import Page
from liaison_desk.ui.setting_fields import (
    FONT_PREFIX,
    NOTE_STYLE,
    FontField,
    SettingField,
    help_label,
    problem_label,
    shared_last_sentences,
)
from liaison_desk.ui.tasks import TaskControl, run_task
from liaison_desk.ui.template_editor import ChecklistEditor, check_steps

log = logging.getLogger(__name__)

GROUP_KEY = "profile.group_id"
KINDS = (ConsultationKind.HALL, ConsultationKind.MICRO)
_NEW_GROUP = -1  # data of the "New liaison group…" entry of the group combo


# --- what is loaded ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """Everything the page shows, read off the GUI thread."""

    values: dict[str, Any]
    groups: list[LiaisonGroup]
    templates: dict[ConsultationKind, list[str]]
    own_group_id: int | None = None  # None also when the stored group is gone

    def group(self, group_id: int | None) -> LiaisonGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)


def load_snapshot(services: Services, _control: TaskControl | None = None) -> Snapshot:
    values = services.settings.values()
    groups = services.groups.all()
    templates = {kind: list(services.consultations.template(kind).steps) for kind in KINDS}
    stored = values.get(GROUP_KEY)
    own = stored if any(g.id == stored for g in groups) else None
    return Snapshot(values, groups, templates, own)


# --- the page ----------------------------------------------------------------------------------


@dataclass
class Section:
    """One tab: its title and how to know whether it holds unsaved changes."""

    key: str
    title: str
    widget: QWidget
    dirty: Callable[[], bool] = field(default=lambda: False)


class SettingsPage(Page):
    page_id = "settings"
    language_chosen = Signal(str)

    # The tab to open on: kept while the app runs, so the window rebuilt after a language switch
    # comes back to the same tab.
    _remembered_tab: ClassVar[int] = 0

    # Database settings shown in each section, by key prefix (order: the declarations' order).
    SECTION_PREFIXES: ClassVar[dict[str, str]] = {
        "masking": "masking.",
        "cases": "cases.",
        "points": "points.",
        "fonts": FONT_PREFIX,
    }

    def __init__(self, services: Services, machine: MachineSettings | None = None) -> None:
        super().__init__(services)
        self.machine = machine
        self._snapshot: Snapshot | None = None
        self._loading = False
        self._form_source: LiaisonGroup | None = None  # the group the profile form was filled from
        self.fields: dict[str, SettingField] = {}
        self.editors: dict[ConsultationKind, ChecklistEditor] = {}
        fonts.register_bundled_fonts()

        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        self.sections: list[Section] = [
            self._group_section(),
            self._checklist_section(),
            self._settings_section(
                "masking",
                self.tr("Masking"),
                self.tr(
                    "What leaves the app for a higher level — submission packages, case documents, "
                    "statistics — is masked as chosen here. Inside the app and on internal "
                    "printouts everything shows in full."
                ),
            ),
            self._settings_section("cases", self.tr("Case writing"), ""),
            self._settings_section(
                "fonts",
                self.tr("Document fonts"),
                self.tr(
                    "The faces of printed sheets and exported documents, as the official document "
                    "format (GB/T 9704) asks for. Choose from the list or type a font's name."
                ),
            ),
            self._backup_section(),
            self._language_section(),
            # Last, so the other tabs keep their places.
            self._settings_section(
                "points",
                self.tr("Duty points"),
                self.tr(
                    "The points table of members' duty records (委员履职): points for each "
                    "session attended, hosted, speech, adopted suggestion and selected case. "
                    "The defaults are 2 per hall session, 1 per micro-consultation, 2 per session "
                    "hosted, 1 per speech, 2 per adopted suggestion, 3 / 5 / 10 per case selected "
                    "by the district / city / province."
                ),
            ),
        ]
        for section in self.sections:
            self.tabs.addTab(section.widget, section.title)
        if word_limit := self.fields.get("cases.word_limit"):
            assert isinstance(word_limit.editor, QSpinBox)
            word_limit.editor.setSuffix(self.tr(" characters"))
            word_limit.editor.setSingleStep(100)

        bar = QHBoxLayout()
        self.unsaved_label = QLabel()
        self.unsaved_label.setStyleSheet(NOTE_STYLE)
        self.unsaved_label.setWordWrap(True)
        bar.addWidget(self.unsaved_label, 1)
        self.discard_button = QPushButton(self.tr("&Discard changes"))
        self.discard_button.setToolTip(self.tr("Show the saved settings again"))
        self.discard_button.clicked.connect(self.discard_changes)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the changes on every tab (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setDefault(True)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        # Set apart: PySide ignores a context given to the constructor with a slot.
        save.setContext(Qt.ShortcutContext.WindowShortcut)
        save.activated.connect(self.save)

        self.tabs.setCurrentIndex(min(SettingsPage._remembered_tab, self.tabs.count() - 1))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._set_enabled(False)
        self._update_dirty()

    # --- building ------------------------------------------------------------------------------
    def _scrolling(self, content: QWidget) -> QScrollArea:
        """A tab's content, scrolling when the window is small, kept to a readable width."""
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        content.setMaximumWidth(self.fontMetrics().horizontalAdvance("中") * 56)
        row.addWidget(content, 1)
        row.addStretch(0)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(holder)
        return area

    def _section_widget(self, intro: str) -> tuple[QWidget, QVBoxLayout]:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        return content, layout

    def _group_section(self) -> Section:
        spec = config.spec(GROUP_KEY)
        content, layout = self._section_widget("")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName(GROUP_KEY)
        self.group_combo.setAccessibleName(spec.shown_label(current_language()))
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        caption = QLabel(spec.shown_label(current_language()))
        caption.setBuddy(self.group_combo)
        self.group_problem = problem_label()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        row = QHBoxLayout()
        row.addWidget(self.group_combo)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(help_label(spec.shown_description(current_language())))
        column.addWidget(self.group_problem)
        form.addRow(caption, box)
        layout.addLayout(form)

        self.profile_box = QGroupBox(self.tr("Profile of the liaison group"))
        profile = QVBoxLayout(self.profile_box)
        self.group_form = GroupProfileForm()
        for edit in self.group_form.edits.values():
            edit.textChanged.connect(lambda _t: self._update_dirty())
        profile.addWidget(self.group_form)
        profile.addWidget(
            help_label(
                self.tr(
                    "The name and codes appear on printed sheets, in record numbers and in "
                    "archive numbers."
                )
            )
        )
        layout.addWidget(self.profile_box)
        self.no_group_hint = help_label(
            self.tr(
                "Choose the liaison group whose records this database keeps, or “New liaison "
                "group…”, to see and edit its profile."
            )
        )
        layout.addWidget(self.no_group_hint)
        layout.addStretch(1)
        return Section(
            "group", self.tr("Liaison group"), self._scrolling(content), self._group_dirty
        )

    def _checklist_section(self) -> Section:
        content, layout = self._section_widget(
            self.tr(
                "The steps each new consultation's checklist starts with. Rename, reorder, add or "
                "remove steps to match your district's procedure. Records already kept keep their "
                "own checklist; new records copy the current list."
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, kind in enumerate(KINDS):
            box = QGroupBox(label(kind))
            inner = QVBoxLayout(box)
            editor = ChecklistEditor(default_template(kind).steps, label(kind))
            editor.setObjectName(f"checklist.{kind.value}")
            editor.changed.connect(self._update_dirty)
            inner.addWidget(editor)
            self.editors[kind] = editor
            grid.addWidget(box, 0, column)
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        layout.addWidget(
            help_label(
                self.tr(
                    "Keys in a list: F2 renames, Insert adds, Delete removes, Ctrl+Up and "
                    "Ctrl+Down move a step; steps can also be dragged."
                )
            )
        )
        layout.addStretch(1)
        return Section(
            "checklists",
            self.tr("Procedure checklists"),
            self._scrolling(content),
            self._checklists_dirty,
        )

    def _settings_section(self, key: str, title: str, intro: str) -> Section:
        prefix = self.SECTION_PREFIXES[key]
        specs = [s for s in config.specs(Scope.DATABASE) if s.key.startswith(prefix)]
        shared = shared_last_sentences([s.shown_description(current_language()) for s in specs])
        content, layout = self._section_widget(intro)
        if shared:  # said once above the rows instead of under each
            layout.addWidget(help_label(shared))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(14)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for spec in specs:
            help_text = (
                spec.shown_description(current_language()).removesuffix(shared)
                if shared
                else spec.shown_description(current_language())
            )
            kind = FontField if spec.key.startswith(FONT_PREFIX) else SettingField
            setting = kind(spec, self._update_dirty, help_text)
            self.fields[spec.key] = setting
            if setting.caption is None:
                form.addRow(setting.box)
            else:
                form.addRow(setting.caption, setting.box)
        layout.addLayout(form)
        layout.addStretch(1)
        keys = [s.key for s in specs]
        return Section(key, title, self._scrolling(content), lambda: self._fields_dirty(keys))

    def _backup_section(self) -> Section:
        from liaison_desk.ui.backup_settings import BackupSettingsTab

        self.backup_tab = BackupSettingsTab(self.services)
        self.backup_tab.changed.connect(self._update_dirty)
        self.backup_tab.restored.connect(self.data_changed)
        self.backup_tab.restored.connect(self.refresh)
        return Section(
            "backups", self.tr("Backups"), self._scrolling(self.backup_tab), self.backup_tab.dirty
        )

    def _language_section(self) -> Section:
        spec = config.spec("ui.language")
        content, layout = self._section_widget("")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("ui.language")
        self.language_combo.setAccessibleName(spec.shown_label(current_language()))
        for code in spec.choices or tuple(LANGUAGES):
            self.language_combo.addItem(LANGUAGES.get(code, code), code)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(current_language()), 0)
        )
        self.language_combo.currentIndexChanged.connect(self._language_picked)
        caption = QLabel(spec.shown_label(current_language()))
        caption.setBuddy(self.language_combo)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        row = QHBoxLayout()
        row.addWidget(self.language_combo)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(
            help_label(
                self.tr(
                    "A setting of this computer, not of the database. It is saved and applied at "
                    "once: the window is shown again in the chosen language."
                )
            )
        )
        form.addRow(caption, box)
        layout.addLayout(form)
        layout.addStretch(1)
        return Section("language", self.tr("Language"), self._scrolling(content))

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the settings again. Fields with unsaved changes keep them."""
        self._load(keep_edits=True)

    def discard_changes(self) -> None:
        if self.has_unsaved_changes() and not confirm(
            self,
            self.tr("Discard changes"),
            self.tr("Undo the changes not saved yet on every tab of the settings?"),
            self.tr("Discard"),
        ):
            return
        self.backup_tab.load()
        self._load(keep_edits=False)

    def _load(self, keep_edits: bool) -> None:
        self._loading = True
        self.set_status(self.tr("Loading the settings…"))
        run_task(
            self,
            lambda control: load_snapshot(self.services, control),
            lambda snapshot: self._show(snapshot, keep_edits),
            self._load_failed,
        )

    def is_busy(self) -> bool:
        return self._loading

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.set_status(self.tr("Could not load the settings."))
        show_error(self, exc)

    def _show(self, snapshot: Snapshot, keep_edits: bool) -> None:
        old = self._snapshot
        self._loading = False
        for key, setting in self.fields.items():
            edited = old is not None and keep_edits and setting.value() != old.values.get(key)
            if not edited:
                setting.set_value(snapshot.values.get(key))
        for kind, editor in self.editors.items():
            edited = old is not None and keep_edits and editor.steps() != old.templates[kind]
            if not edited:
                editor.set_steps(snapshot.templates[kind])
        group_edited = old is not None and keep_edits and self._group_dirty()
        self._snapshot = snapshot
        if not group_edited:
            self._fill_group_combo(snapshot.groups, snapshot.own_group_id)
            self._set_form_group(snapshot.group(snapshot.own_group_id))
        self._set_enabled(True)
        self._update_dirty()
        if not self.has_unsaved_changes():
            self.set_status(self.tr("Settings of this database and of this computer."))

    def _set_enabled(self, enabled: bool) -> None:
        for section in self.sections:
            if section.key != "language":
                section.widget.setEnabled(enabled)

    # --- the group -----------------------------------------------------------------------------
    def _fill_group_combo(self, groups: Sequence[LiaisonGroup], selected: int | None) -> None:
        combo = self.group_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(self.tr("(Not set)"), None)
            for g in sorted(groups, key=lambda g: g.name):
                combo.addItem(g.name, g.id)
            combo.addItem(icon("new"), self.tr("New liaison group…"), _NEW_GROUP)
            combo.setCurrentIndex(max(combo.findData(selected), 0))
        finally:
            combo.blockSignals(False)

    def _set_form_group(self, group: LiaisonGroup | None) -> None:
        self._form_source = group
        self.group_form.set_group(group)
        chosen = self.group_combo.currentData()
        self.profile_box.setVisible(chosen is not None)
        self.no_group_hint.setVisible(chosen is None)
        self.group_problem.setVisible(False)

    def _form_edited(self) -> bool:
        """The profile form differs from the group it was filled from (any text for a new one)."""
        source = self._form_source
        for key, edit in self.group_form.edits.items():
            before = str(getattr(source, key, "") or "") if source is not None else ""
            if edit.text().strip() != before.strip():
                return True
        return False

    def _group_dirty(self) -> bool:
        if self._snapshot is None:
            return False
        chosen = self.group_combo.currentData()
        return chosen != self._snapshot.own_group_id or self._form_edited()

    def _group_chosen(self, _index: int) -> None:
        chosen = self.group_combo.currentData()
        source = self._form_source
        if self._form_edited() and not confirm(
            self,
            self.tr("Discard changes"),
            self.tr("Discard the changes to the profile of “{group}”?").format(
                group=source.name if source else self.tr("the new liaison group")
            ),
            self.tr("Discard"),
        ):
            self.group_combo.blockSignals(True)
            previous = source.id if source is not None and source.id else _NEW_GROUP
            self.group_combo.setCurrentIndex(max(self.group_combo.findData(previous), 0))
            self.group_combo.blockSignals(False)
            return
        snapshot = self._snapshot
        group = snapshot.group(chosen) if snapshot is not None and isinstance(chosen, int) else None
        self._set_form_group(group)
        if chosen == _NEW_GROUP:
            self.group_form.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_dirty()

    def _save_group(self) -> bool:
        snapshot = self._snapshot
        assert snapshot is not None
        chosen = self.group_combo.currentData()
        target: int | None = None if chosen == _NEW_GROUP else chosen
        if chosen is not None and (chosen == _NEW_GROUP or self._form_edited()):
            group = self.group_form.group()
            try:
                saved = self.services.groups.save(group)
            except ValidationError as exc:
                self.group_form.show_problems(exc.problems)
                return False
            except Exception as exc:
                show_error(self, exc)
                return False
            target = saved.id
            groups = [g for g in snapshot.groups if g.id != saved.id] + [saved]
            snapshot = replace(snapshot, groups=groups)
            self._snapshot = snapshot
            self._fill_group_combo(groups, saved.id)
            self._set_form_group(saved)
        if target != snapshot.own_group_id:
            try:
                self.services.settings.update({GROUP_KEY: target})
            except ValidationError as exc:
                self.group_problem.setText("\n".join(p.message for p in exc.problems))
                self.group_problem.setVisible(True)
                return False
            except Exception as exc:
                show_error(self, exc)
                return False
            values = {**snapshot.values, GROUP_KEY: target}
            self._snapshot = replace(snapshot, values=values, own_group_id=target)
        return True

    # --- the checklists ------------------------------------------------------------------------
    def _checklists_dirty(self) -> bool:
        snapshot = self._snapshot
        return snapshot is not None and any(
            editor.steps() != snapshot.templates[kind] for kind, editor in self.editors.items()
        )

    def _save_checklists(self) -> bool:
        snapshot = self._snapshot
        assert snapshot is not None
        ok = True
        for kind, editor in self.editors.items():
            steps = editor.steps()
            if steps == snapshot.templates[kind]:
                continue
            problems = check_steps(steps)
            if problems:
                editor.show_problems(problems)
                ok = False
                continue
            try:
                self.services.consultations.save_template(ProcedureTemplate(kind=kind, steps=steps))
            except Exception as exc:
                show_error(self, exc)
                return False
            editor.set_steps(steps)
            templates = {**snapshot.templates, kind: steps}
            snapshot = replace(snapshot, templates=templates)
            self._snapshot = snapshot
        return ok

    # --- the database settings -----------------------------------------------------------------
    def _fields_dirty(self, keys: Sequence[str]) -> bool:
        snapshot = self._snapshot
        return snapshot is not None and any(
            self.fields[k].value() != snapshot.values.get(k) for k in keys
        )

    def _save_settings(self) -> bool:
        snapshot = self._snapshot
        assert snapshot is not None
        changes = {
            key: setting.value()
            for key, setting in self.fields.items()
            if setting.value() != snapshot.values.get(key)
        }
        if not changes:
            return True
        try:
            self.services.settings.update(changes)
        except ValidationError as exc:
            unplaced = []
            for problem in exc.problems:
                setting = self.fields.get(problem.field)
                if setting is None:
                    unplaced.append(problem)
                else:
                    setting.show_problem(problem.message)
            if unplaced:
                show_error(self, ValidationError(unplaced))
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        stored = self.services.settings.values()
        for key in changes:
            self.fields[key].set_value(stored[key])  # as stored: spaces trimmed
        self._snapshot = replace(snapshot, values=stored)
        return True

    # --- saving --------------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return any(section.dirty() for section in self.sections)

    def save(self) -> bool:
        """Save every tab with changes. True when everything is saved; otherwise the problems
        show where they are and the first tab with one is brought forward."""
        if self._snapshot is None or self._loading:
            return False
        if not self.has_unsaved_changes():
            self.set_status(self.tr("Nothing to save: the settings are as saved."))
            return True
        if self._group_dirty():
            self._save_group()
        if any(
            setting.value() != self._snapshot.values.get(key)
            for key, setting in self.fields.items()
        ):
            self._save_settings()  # one update for every settings tab: all or nothing
        if self._checklists_dirty():
            self._save_checklists()
        if self.backup_tab.dirty():
            self.backup_tab.save()
        self.data_changed.emit()  # other pages show the group, word limit, ... afresh
        self._update_dirty()
        unsaved = [section for section in self.sections if section.dirty()]
        if unsaved:
            first = next((s for s in unsaved if self._shows_problem(s)), unsaved[0])
            self.tabs.setCurrentWidget(first.widget)
            self.set_status(
                self.tr("Not saved: please check the entries marked in red on “{tab}”.").format(
                    tab=first.title
                )
            )
            return False
        self.set_status(self.tr("Settings saved."))
        return True

    @staticmethod
    def _shows_problem(section: Section) -> bool:
        return any(
            not problem.isHidden() and problem.styleSheet() == PROBLEM_STYLE
            for problem in section.widget.findChildren(QLabel)
        )

    def _update_dirty(self) -> None:
        dirty_any = False
        for index, section in enumerate(self.sections):
            dirty = section.dirty()
            dirty_any = dirty_any or dirty
            self.tabs.setTabText(index, section.title + (" *" if dirty else ""))
        self.unsaved_label.setText(
            self.tr("Unsaved changes on the tabs marked *. Save them with Ctrl+S.")
            if dirty_any
            else ""
        )
        self.save_button.setEnabled(dirty_any)
        self.discard_button.setEnabled(dirty_any)
        if dirty_any:
            self.set_status(self.tr("Unsaved changes"))
        elif self.status_text() == self.tr("Unsaved changes"):
            self.set_status(self.tr("Settings of this database and of this computer."))

    def _tab_changed(self, index: int) -> None:
        SettingsPage._remembered_tab = index

    # --- language ------------------------------------------------------------------------------
    def _language_picked(self, _index: int) -> None:
        code = self.language_combo.currentData()
        if not isinstance(code, str) or code == current_language():
            return
        if self.has_unsaved_changes() and not self._save_before_switching():
            self._show_language(current_language())
            return
        if self.machine is not None:
            try:
                self.machine.set("ui.language", code)
            except SettingsFileError as exc:  # still switch now; next start uses the old one
                show_error(self, exc)
        log.info("language chosen: %s", code)
        self.language_chosen.emit(code)

    def _save_before_switching(self) -> bool:
        """The rebuilt window starts from the database: save first, or call the switch off."""
        return (
            confirm(
                self,
                self.tr("Unsaved changes"),
                self.tr(
                    "The window is shown again in the new language. Save the changes on the "
                    "other tabs first?"
                ),
                self.tr("Save and switch"),
            )
            and self.save()
        )

    def _show_language(self, code: str) -> None:
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(code), 0))
        self.language_combo.blockSignals(False)
