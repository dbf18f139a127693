"""Add or change one person on the roster (人员名册).

Every problem the rules find is shown under its own field (the service's Chinese message), and
the dialog stays open until the person is saved or the user cancels. Phone and ID number are
checked as soon as the user leaves the field. Before a new person (or a changed name or phone)
is saved, the roster is searched for the same name and phone, and the user is asked before a
second entry is made by accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Person
from liaison_desk.domain.enums import CppccLevel, ParticipantCategory
from liaison_desk.domain.rules import Problem, ValidationError, validate_person
from liaison_desk.services import Services
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import confirm, show_error

PROBLEM_STYLE = "color:#B3261E"

# The fields of the form, top to bottom; problems are keyed by these (Problem.field).
FIELDS = (
    "name",
    "category",
    "group_id",
    "unit",
    "title",
    "phone",
    "id_card",
    "cppcc_level",
    "sector",
    "consent_to_publish",
    "consent_note",
)


class ProblemLabel(QLabel):
    """A red message under a field, wrapped to the field's width.

    QFormLayout reserves too much height for word-wrapped labels (it asks their height for a
    narrower width than it gives them), so this label states its own height for its actual
    width instead of taking part in height-for-width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PROBLEM_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def hasHeightForWidth(self) -> bool:
        return False

    def _height(self) -> int:
        return super().heightForWidth(max(self.width(), 50)) if self.text() else 0

    def sizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class PersonDialog(QDialog):
    """Edits a copy of ``person`` (a new one when None); ``saved`` is the stored person after
    OK. ``groups`` maps group ids to names (loaded here when not given); ``category`` and
    ``group_id`` pre-fill a new person (the page's filters); without a group, a new person gets
    the database's own group (Settings › Liaison group), or the only group of the database."""

    def __init__(
        self,
        services: Services,
        person: Person | None = None,
        parent: QWidget | None = None,
        *,
        groups: Mapping[int, str] | None = None,
        category: ParticipantCategory | None = None,
        group_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.original = person
        self.saved: Person | None = None
        if groups is None:
            groups = {g.id: g.name for g in services.groups.all() if g.id is not None}
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Required"))
        self.category = QComboBox()
        for member in ParticipantCategory:
            self.category.addItem(label(member), member)
        self.group = QComboBox()
        self.group.addItem(self.tr("(no group)"), None)
        for gid, gname in sorted(groups.items(), key=lambda kv: kv[1]):
            self.group.addItem(gname, gid)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("Workplace or village, e.g. 织里镇秧宝村"))
        self.title_edit = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("11-digit mobile, or landline with area code"))
        self.id_card = QLineEdit()
        self.id_card.setPlaceholderText(self.tr("Optional; only when a resident's case needs it"))
        self.id_card.setMaxLength(18)
        self.cppcc_level = QComboBox()
        self.cppcc_level.addItem(self.tr("(not set)"), None)
        for level in CppccLevel:
            self.cppcc_level.addItem(label(level), level)
        self.sector = QLineEdit()
        self.sector.setPlaceholderText(self.tr("Members only, e.g. 经济界"))
        self.consent = QCheckBox(self.tr("Agreed separately to publication of name and contact"))
        self.consent_note = QLineEdit()
        self.consent_note.setPlaceholderText(self.tr("How and when, e.g. written consent 2024-03"))

        self.inputs: dict[str, QWidget] = {
            "name": self.name,
            "category": self.category,
            "group_id": self.group,
            "unit": self.unit,
            "title": self.title_edit,
            "phone": self.phone,
            "id_card": self.id_card,
            "cppcc_level": self.cppcc_level,
            "sector": self.sector,
            "consent_to_publish": self.consent,
            "consent_note": self.consent_note,
        }
        captions = {
            "name": self.tr("&Name"),
            "category": self.tr("&Category"),
            "group_id": self.tr("Liaison &group"),
            "unit": self.tr("&Unit"),
            "title": self.tr("Posi&tion"),
            "phone": self.tr("&Phone"),
            "id_card": self.tr("&ID number"),
            "cppcc_level": self.tr("CPPCC &level"),
            "sector": self.tr("&Sector"),
            "consent_to_publish": self.tr("Consent"),
            "consent_note": self.tr("Consent n&ote"),
        }

        outer = QVBoxLayout(self)
        self.general_problem = self._problem_label()
        outer.addWidget(self.general_problem)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.problems: dict[str, QLabel] = {}
        self._problem_rows: dict[str, int] = {}
        for key in FIELDS:
            widget = self.inputs[key]
            widget.setObjectName(key)
            caption = QLabel(captions[key])
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            problem = self._problem_label()
            problem.setObjectName(f"{key}_problem")
            form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, problem)
            self._problem_rows[key] = form.rowCount() - 1
            form.setRowVisible(form.rowCount() - 1, False)
            self.problems[key] = problem
        self._form = form
        outer.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        # Tab order top to bottom (the order the fields were made in, stated once more so a
        # later edit of the constructor cannot scramble it).
        order = [self.inputs[k] for k in FIELDS]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(order[-1], self.buttons)

        for key in ("name", "unit", "title", "phone", "id_card", "sector", "consent_note"):
            edit = self.inputs[key]
            assert isinstance(edit, QLineEdit)
            edit.textEdited.connect(lambda _t, k=key: self._clear_problem(k))
        self.phone.editingFinished.connect(lambda: self._check_field("phone"))
        self.id_card.editingFinished.connect(lambda: self._check_field("id_card"))
        self.category.currentIndexChanged.connect(self._category_changed)
        self.consent.toggled.connect(self._consent_changed)

        self._load(person, category, group_id)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- widgets <-> person ----------------------------------------------------------------------
    def _load(
        self,
        person: Person | None,
        category: ParticipantCategory | None,
        group_id: int | None,
    ) -> None:
        if person is None:
            if group_id is None:  # no group filter on the page: this database's own group
                own = self.services.settings.own_group()
                if own is not None and self.group.findData(own.id) >= 0:
                    group_id = own.id
            if group_id is None and self.group.count() == 2:  # the only group of this database
                group_id = self.group.itemData(1)
            person = Person(
                name="", category=category or ParticipantCategory.MEMBER, group_id=group_id
            )
        self.name.setText(person.name)
        self.category.setCurrentIndex(max(self.category.findData(person.category), 0))
        index = self.group.findData(person.group_id)
        if index < 0 and person.group_id is not None:  # a group since deleted: keep it visible
            self.group.addItem(self.tr("Group {id} (deleted)").format(id=person.group_id))
            self.group.setItemData(self.group.count() - 1, person.group_id)
            index = self.group.count() - 1
        self.group.setCurrentIndex(max(index, 0))
        self.unit.setText(person.unit)
        self.title_edit.setText(person.title)
        self.phone.setText(person.phone)
        self.id_card.setText(person.id_card)
        self.cppcc_level.setCurrentIndex(max(self.cppcc_level.findData(person.cppcc_level), 0))
        self.sector.setText(person.sector)
        self.consent.setChecked(person.consent_to_publish)
        self.consent_note.setText(person.consent_note)
        self._category_changed()
        self._consent_changed(person.consent_to_publish)

    def person(self) -> Person:
        """The person as the form shows it (not yet saved)."""
        category = self.chosen_category()
        is_member = category is ParticipantCategory.MEMBER
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "category": category,
            "group_id": self.group.currentData(),
            "unit": self.unit.text().strip(),
            "title": self.title_edit.text().strip(),
            "phone": self.phone.text().strip(),
            "id_card": self.id_card.text().strip().upper(),
            # Level and sector belong to members; for anyone else they are not kept.
            "cppcc_level": self.chosen_level() if is_member else None,
            "sector": self.sector.text().strip() if is_member else "",
            "consent_to_publish": self.consent.isChecked(),
            "consent_note": self.consent_note.text().strip(),
        }
        if self.original is not None:
            return replace(self.original, **values)
        return Person(**values)

    # Qt keeps a StrEnum in a combo's item data as a plain string: make it the member again.
    def chosen_category(self) -> ParticipantCategory:
        return ParticipantCategory(self.category.currentData())

    def chosen_level(self) -> CppccLevel | None:
        data = self.cppcc_level.currentData()
        return CppccLevel(data) if data else None

    def _category_changed(self, _index: int = 0) -> None:
        is_member = self.chosen_category() is ParticipantCategory.MEMBER
        self.cppcc_level.setEnabled(is_member)
        self.sector.setEnabled(is_member)
        if not is_member:
            self._clear_problem("cppcc_level")
            self._clear_problem("sector")

    def _consent_changed(self, checked: bool) -> None:
        self.consent_note.setEnabled(checked)

    # --- problems --------------------------------------------------------------------------------
    @staticmethod
    def _problem_label() -> QLabel:
        problem = ProblemLabel()
        problem.setVisible(False)
        return problem

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem under its field (unknown fields above the form); focus the first."""
        for key in FIELDS:
            self._clear_problem(key)
        self.general_problem.clear()
        self.general_problem.setVisible(False)
        first: QWidget | None = None
        for p in problems:
            key = p.field.split("[", 1)[0].split(".", 1)[0]
            target = self.problems.get(key, self.general_problem)
            target.setText(f"{target.text()}\n{p.message}" if target.text() else p.message)
            if key in self.problems:
                self._form.setRowVisible(self._problem_rows[key], True)
                if first is None:
                    first = self.inputs[key]
            else:
                target.setVisible(True)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem_text(self, key: str) -> str:
        """The message shown under field ``key`` ("" when none is shown)."""
        return self.problems[key].text() if self._form.isRowVisible(self._problem_rows[key]) else ""

    def _clear_problem(self, key: str) -> None:
        self.problems[key].clear()
        self._form.setRowVisible(self._problem_rows[key], False)

    def _check_field(self, key: str) -> None:
        """On leaving phone or ID number: the rules' own message for that field, if any."""
        problems = [
            p for p in validate_person(self.person(), self.services.ctx.today()) if p.field == key
        ]
        if problems:
            self.problems[key].setText("\n".join(p.message for p in problems))
            self._form.setRowVisible(self._problem_rows[key], True)
        else:
            self._clear_problem(key)

    # --- saving ----------------------------------------------------------------------------------
    def accept(self) -> None:
        person = self.person()
        problems = validate_person(person, self.services.ctx.today())
        if problems:
            self.show_problems(problems)
            return
        self.show_problems([])
        if self._needs_duplicate_check(person) and not self._confirm_not_duplicate(person):
            return
        try:
            self.saved = self.services.people.save(person)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except Exception as exc:
            # ConflictError, database problems (bugs are raised again by show_error). The
            # user's input stays in the dialog; reopening the record is their choice.
            show_error(self, exc)
            return
        super().accept()

    def _needs_duplicate_check(self, person: Person) -> bool:
        old = self.original
        return old is None or old.id is None or (old.name, old.phone) != (person.name, person.phone)

    def _confirm_not_duplicate(self, person: Person) -> bool:
        """False when the user chose not to save a second entry for someone already listed."""
        duplicates = self.services.people.possible_duplicates(person)
        if not duplicates:
            return True
        lines = [self._describe(d) for d in duplicates[:5]]
        if len(duplicates) > 5:
            lines.append(self.tr("… and {count} more").format(count=len(duplicates) - 5))
        same_phone = bool(person.phone) and any(d.phone == person.phone for d in duplicates)
        if same_phone:
            intro = self.tr(
                "A person named {name} with the same phone is already on the roster:"
            ).format(name=person.name)
        else:
            intro = self.tr("A person named {name} is already on the roster:").format(
                name=person.name
            )
        text = "\n".join([intro, *lines, "", self.tr("Save anyway?")])
        return confirm(self, self.tr("Possible duplicate"), text, self.tr("Save anyway"))

    def _describe(self, person: Person) -> str:
        parts = [label(person.category), person.unit, person.title, person.phone]
        details = self.tr(", ").join(p for p in parts if p)
        return self.tr("• {name} ({details})").format(name=person.name, details=details)
