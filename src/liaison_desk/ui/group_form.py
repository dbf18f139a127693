"""The liaison group's profile: name, town, people and archive codes. Used by the first-run
dialog and by the settings page."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.rules import Problem, ValidationError
from liaison_desk.services import Services
from liaison_desk.services.errors import StorageError
from liaison_desk.ui.messages import show_error

PROBLEM_STYLE = "color:#B3261E"


class GroupProfileForm(QWidget):
    """Fields of a LiaisonGroup with each validation problem shown under its field."""

    FIELDS = (
        "name",
        "town",
        "short_name",
        "leader",
        "secretary",
        "secretary_phone",
        "fonds_code",
        "org_code",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group: LiaisonGroup | None = None
        self.edits: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        captions = {
            "name": self.tr("Liaison group name"),
            "town": self.tr("Town or subdistrict"),
            "short_name": self.tr("Short name (in record numbers)"),
            "leader": self.tr("Group leader"),
            "secretary": self.tr("Secretary"),
            "secretary_phone": self.tr("Secretary's phone"),
            "fonds_code": self.tr("Fonds code (archive)"),
            "org_code": self.tr("Organisation code (archive)"),
        }
        hints = {
            "name": self.tr("e.g. 织里镇政协委员联络组"),
            "town": self.tr("e.g. 织里镇"),
            "short_name": self.tr("Optional; derived from the town when empty, e.g. 织里"),
            "fonds_code": self.tr("e.g. J012, from the archive office"),
            "org_code": self.tr("e.g. ZL"),
        }
        for key in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(hints.get(key, ""))
            edit.textEdited.connect(lambda _t, k=key: self._clear_problem(k))
            problem = QLabel()
            problem.setStyleSheet(PROBLEM_STYLE)
            problem.setWordWrap(True)
            problem.setVisible(False)
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(problem)
            caption = QLabel(captions[key])
            caption.setBuddy(edit)
            layout.addRow(caption, box)
            self.edits[key] = edit
            self.problems[key] = problem

    def set_group(self, group: LiaisonGroup | None) -> None:
        self._group = group
        for key, edit in self.edits.items():
            edit.setText(str(getattr(group, key, "") or "") if group is not None else "")
        self.show_problems([])

    def group(self) -> LiaisonGroup:
        values: dict[str, Any] = {key: edit.text().strip() for key, edit in self.edits.items()}
        if self._group is not None:
            return replace(self._group, **values)
        return LiaisonGroup(**values)

    def show_problems(self, problems: list[Problem]) -> None:
        for label in self.problems.values():
            label.clear()
            label.setVisible(False)
        first: QLineEdit | None = None
        for p in problems:
            key = p.field if p.field in self.problems else "name"
            label = self.problems[key]
            label.setText((label.text() + "\n" if label.text() else "") + p.message)
            label.setVisible(True)
            if first is None:
                first = self.edits[key]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_problem(self, key: str) -> None:
        self.problems[key].setVisible(False)


class FirstRunDialog(QDialog):
    """Asked once on a new database: whose records these are."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Welcome to Liaison Desk"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database is new. Tell us which liaison group keeps its records here; "
                "the name and codes appear on printed sheets, record numbers and archive numbers. "
                "You can change them later in Settings."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = GroupProfileForm()
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.form.edits["name"].setFocus()

    def accept(self) -> None:
        try:
            self.saved = self.services.settings.set_up_first_run(self.form.group())
        except ValidationError as exc:
            self.form.show_problems(exc.problems)
            return
        except StorageError as exc:
            show_error(self, exc)
            return
        super().accept()
