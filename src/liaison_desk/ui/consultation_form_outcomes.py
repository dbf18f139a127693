"""The outcome items section of the consultation form: the items as a table, the selected one
in an editor under it, overdue ones in red, one status or revisit for several at once."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Consultation, OutcomeItem
from liaison_desk.domain.enums import OutcomeStatus, Satisfaction
from liaison_desk.domain.rules import Problem
from liaison_desk.ui.completion import make_completer
from liaison_desk.ui.consultation_form_sections import (
    Section,
    index_of,
    set_words,
)
from liaison_desk.ui.consultation_form_widgets import (
    OVERDUE_COLOUR,
    PROBLEM_BACKGROUND,
    DateEdit,
    FieldBox,
    date_text,
    inline,
)
from liaison_desk.ui.labels import label
from liaison_desk.ui.person_dialog import ProblemLabel

# --- outcome items -----------------------------------------------------------------------------


@dataclass
class _ItemState:
    item: OutcomeItem
    bad_dates: dict[str, str] = field(default_factory=dict)  # field → text not understood


class OutcomesSection(Section):
    """The outcome items as a table, and the selected one in an editor beside or below it.
    Items past their deadline and still open are red. Several selected items can get one status
    or one revisit at once (the follow-up dialogs)."""

    bulk_status_requested = Signal()
    bulk_revisit_requested = Signal()

    DATE_FIELDS = ("deadline", "resolved_on", "revisit_on")
    EDITOR_FIELDS = (
        "content",
        "responsible_body",
        "responsible_person",
        "deadline",
        "status",
        "unsolved_reason",
        "resolved_on",
        "revisit_on",
        "revisit_note",
        "satisfaction",
    )

    def __init__(self, compact: bool, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._states: list[_ItemState] = []
        self._hidden: list[OutcomeItem] = []  # deleted ones the record still carries
        self._problems: dict[int, list[Problem]] = {}
        self._read_only = False
        self._showing = False
        self._current: int | None = None

        headers = [
            self.tr("No."),
            self.tr("Suggestion or problem"),
            self.tr("Responsible body"),
            self.tr("Deadline"),
            self.tr("Status"),
            self.tr("Revisit"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Suggestions and problems"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        char = self.fontMetrics().horizontalAdvance("中")
        # Beside the one-screen form's other sections (compact) the suggestion keeps its room.
        widths = {0: 2, 2: 6, 3: 6, 4: 4, 5: 5} if compact else {0: 2, 2: 8, 3: 6, 4: 4, 5: 10}
        for column, width in widths.items():
            fit = self.fontMetrics().horizontalAdvance(headers[column]) + 24
            header.resizeSection(column, max(width * char + 8, fit))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(
            header.sizeHint().height() + (self.fontMetrics().height() + 10) * (2 if compact else 3)
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("Add s&uggestion"))
        self.add_button.clicked.connect(lambda _c=False: self.add_item())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected items (they go to the recycle bin when saved)")
        )
        self.remove_button.clicked.connect(lambda _c=False: self.remove_selected())
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda _c=False: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(lambda _c=False: self.move_current(1))
        self.status_button = QPushButton(self.tr("Change s&tatus…"))
        self.status_button.setToolTip(self.tr("Give the selected items one status"))
        self.status_button.clicked.connect(lambda _c=False: self.bulk_status_requested.emit())
        self.revisit_button = QPushButton(self.tr("Re&visit…"))
        self.revisit_button.setToolTip(self.tr("Record a revisit (回头看) of the selected items"))
        self.revisit_button.clicked.connect(lambda _c=False: self.bulk_revisit_requested.emit())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.status_button,
            self.revisit_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.problem = ProblemLabel()
        self.problem.setVisible(False)

        self.editor = self._build_editor(compact)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(3)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.problem)
        list_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(self.editor)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._update_buttons()

    def _build_editor(self, compact: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Selected item"))
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("Required: the suggestion or problem"))
        self.content.setMinimumHeight(self.fontMetrics().lineSpacing() * (2 if compact else 3) + 12)
        self.content.setMaximumHeight(self.fontMetrics().lineSpacing() * (3 if compact else 5) + 12)
        self.body = QLineEdit()
        self.body.setPlaceholderText(self.tr("e.g. 区住建局"))
        self.body_completer = make_completer(self.body)
        self.body.setCompleter(self.body_completer)
        self.person = QLineEdit()
        self.deadline = DateEdit()
        self.on_spot = QCheckBox(self.tr("Solved on the s&pot"))
        self.adopted = QCheckBox(self.tr("&Adopted"))
        self.status = QComboBox()
        for member in OutcomeStatus:
            self.status.addItem(label(member), member.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why it stays unsolved or was not adopted"))
        self.resolved_on = DateEdit()
        self.revisit_on = DateEdit()
        self.revisit_note = QLineEdit()
        self.revisit_note.setPlaceholderText(self.tr("What the revisit found"))
        self.satisfaction = QComboBox()
        self.satisfaction.addItem(self.tr("Not rated"), None)
        for s in Satisfaction:
            self.satisfaction.addItem(label(s), s.value)
        self.item_boxes: dict[str, FieldBox] = {
            "content": FieldBox(self.content),
            "responsible_body": FieldBox(self.body),
            "responsible_person": FieldBox(self.person),
            "deadline": FieldBox(self.deadline),
            "status": FieldBox(self.status),
            "unsolved_reason": FieldBox(self.reason),
            "resolved_on": FieldBox(self.resolved_on),
            "revisit_on": FieldBox(self.revisit_on),
            "revisit_note": FieldBox(self.revisit_note),
            "satisfaction": FieldBox(self.satisfaction),
        }
        captions = {
            "content": self.tr("C&ontent"),
            "responsible_body": self.tr("Responsible &body"),
            "responsible_person": self.tr("Responsible pe&rson"),
            "deadline": self.tr("Dead&line"),
            "status": self.tr("Stat&us"),
            "unsolved_reason": self.tr("Reason"),
            "resolved_on": self.tr("Resolved on"),
            "revisit_on": self.tr("Revisited on"),
            "revisit_note": self.tr("Revisit note"),
            "satisfaction": self.tr("Satisfaction"),
        }
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        flags = inline(self.on_spot, self.adopted)
        rows: list[list[str]]
        if compact:  # beside the table: two fields a row
            rows = [
                ["content"],
                ["responsible_body", "responsible_person"],
                ["deadline", "status"],
                ["resolved_on", "unsolved_reason"],
                ["revisit_on", "satisfaction"],
                ["revisit_note"],
            ]
        else:
            rows = [
                ["content"],
                ["responsible_body", "responsible_person", "deadline"],
                ["status", "unsolved_reason", "resolved_on"],
                ["revisit_on", "revisit_note", "satisfaction"],
            ]
        per_row = max(len(keys) for keys in rows)
        for r, keys in enumerate(rows):
            for i, key in enumerate(keys):
                caption = QLabel(captions[key])
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                caption.setContentsMargins(0, 4, 0, 0)
                widget = self.item_boxes[key].widget
                caption.setBuddy(widget.focusProxy() or widget)
                grid.addWidget(caption, r, i * 2)
                span = 1 if len(keys) > 1 or key == "revisit_note" else per_row * 2 - 1
                grid.addWidget(self.item_boxes[key], r, i * 2 + 1, 1, span)
        if compact:  # beside the revisit note
            grid.addWidget(flags, len(rows) - 1, 2, 1, 2)
        else:
            grid.addWidget(flags, len(rows), 1, 1, per_row * 2 - 1)
        grid.setVerticalSpacing(3)
        if compact:
            box.setTitle("")
        for i in range(per_row):
            grid.setColumnStretch(i * 2 + 1, 3 if i == 0 else 2)

        self.content.textChanged.connect(self._edited)
        for edit in (self.body, self.person, self.reason, self.revisit_note):
            edit.textChanged.connect(self._edited)
        for d in (self.deadline, self.resolved_on, self.revisit_on):
            d.edited.connect(self._edited)
        for check in (self.on_spot, self.adopted):
            check.toggled.connect(self._edited)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.satisfaction.currentIndexChanged.connect(self._edited)
        for fbox in self.item_boxes.values():
            w = fbox.widget
            if isinstance(w, QLineEdit):
                w.textEdited.connect(lambda _t, b=fbox: b.clear_problem())
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(
                    lambda b=fbox: b.clear_problem() if not self._showing else None
                )
            elif isinstance(w, DateEdit):
                w.edited.connect(fbox.clear_problem)
        return box

    def fields(self) -> tuple[str, ...]:
        return ("outcome_items",)

    def set_bodies(self, bodies: Sequence[str]) -> None:
        set_words(self.body_completer, bodies)

    # --- items ------------------------------------------------------------------------------
    def load(self, c: Consultation) -> None:
        self._states = [_ItemState(copy.deepcopy(i)) for i in c.outcome_items if not i.is_deleted]
        self._hidden = [copy.deepcopy(i) for i in c.outcome_items if i.is_deleted]
        self._problems = {}
        self.problem.clear()
        self.problem.setVisible(False)
        self._fill_table()
        self._select(0 if self._states else None)

    def apply(self, c: Consultation) -> list[Problem]:
        c.outcome_items = [copy.deepcopy(s.item) for s in self._states] + [
            copy.deepcopy(i) for i in self._hidden
        ]
        for item in c.outcome_items:
            item.consultation_id = c.id
        problems: list[Problem] = []
        captions = {
            "deadline": self.tr("deadline"),
            "resolved_on": self.tr("resolved date"),
            "revisit_on": self.tr("revisit date"),
        }
        for n, state in enumerate(self._states):
            for key, _text in state.bad_dates.items():
                problems.append(
                    Problem(
                        f"outcome_items[{n}].{key}",
                        self.tr(
                            "Item {n}: the {what} cannot be read, type it as 2024-03-05."
                        ).format(n=n + 1, what=captions[key]),
                    )
                )
        return problems

    def raw_texts(self) -> list[str]:
        return [f"{k}={v}" for s in self._states for k, v in sorted(s.bad_dates.items())]

    def items(self) -> list[OutcomeItem]:
        return [s.item for s in self._states]

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectedIndexes()})

    def add_item(self) -> None:
        if self._read_only:
            return
        self._states.append(_ItemState(OutcomeItem(content="")))
        self._fill_table()
        self._select(len(self._states) - 1)
        self.content.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if self._read_only or not rows:
            return
        for r in reversed(rows):
            del self._states[r]
        self._problems = {}
        self._fill_table()
        self._select(min(rows[0], len(self._states) - 1) if self._states else None)
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if self._read_only or row < 0 or not 0 <= target < len(self._states):
            return
        self._states[row], self._states[target] = self._states[target], self._states[row]
        self._problems = {}
        self._fill_table()
        self._select(target)
        self.changed.emit()

    def apply_to_selected(self, change: dict[str, object]) -> None:
        """Set the same values on every selected item (a bulk status or revisit)."""
        for r in self.selected_rows():
            item = self._states[r].item
            for key, value in change.items():
                setattr(item, key, value)
                self._states[r].bad_dates.pop(key, None)
            self._refresh_row(r)
        self._show_item(self.table.currentRow() if self.table.currentRow() >= 0 else None)
        self.changed.emit()

    # --- table ----------------------------------------------------------------------------------
    def _fill_table(self) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self._states))
            for r in range(len(self._states)):
                self._refresh_row(r)
        self._update_buttons()

    def _refresh_row(self, r: int) -> None:
        item = self._states[r].item
        revisit = date_text(item.revisit_on)
        if item.satisfaction is not None:
            revisit = f"{revisit} {label(item.satisfaction)}".strip()
        texts = [
            str(r + 1),
            " ".join(item.content.split()),
            item.responsible_body,
            date_text(item.deadline),
            label(item.status),
            revisit,
        ]
        overdue = item.is_overdue(self.today)
        for c, text in enumerate(texts):
            cell = self.table.item(r, c)
            if cell is None:
                cell = QTableWidgetItem()
                self.table.setItem(r, c, cell)
            cell.setText(text)
            if c == 0:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if overdue:
                cell.setForeground(QBrush(OVERDUE_COLOUR))
                cell.setToolTip(self.tr("Past its deadline and not solved"))
            else:
                cell.setForeground(QBrush())
                cell.setToolTip(item.content if c == 1 else "")
            cell.setBackground(QBrush(PROBLEM_BACKGROUND) if r in self._problems else QBrush())

    def _select(self, row: int | None) -> None:
        """Select ``row`` and show its item in the editor. Selecting the row that is already
        selected (the same row number after a reload or a removal) emits nothing, so the editor
        is filled here: it must never keep showing, and writing back, another item."""
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self._show_item(row)
        self._update_buttons()

    def is_overdue_row(self, r: int) -> bool:
        return self._states[r].item.is_overdue(self.today)

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        rows = self.selected_rows()
        if row not in rows:
            row = rows[0] if rows else -1
        self._show_item(row if row >= 0 else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = not self._read_only
        rows = self.selected_rows()
        row = self.table.currentRow()
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(rows))
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < len(self._states) - 1)
        self.status_button.setEnabled(editable and bool(rows))
        self.revisit_button.setEnabled(editable and bool(rows))

    # --- the editor -----------------------------------------------------------------------------
    def _show_item(self, row: int | None) -> None:
        self._showing = True
        self._current = row
        try:
            state = self._states[row] if row is not None and row < len(self._states) else None
            item = state.item if state else OutcomeItem(content="")
            self.content.setPlainText(item.content)
            self.body.setText(item.responsible_body)
            self.person.setText(item.responsible_person)
            for key, edit in (
                ("deadline", self.deadline),
                ("resolved_on", self.resolved_on),
                ("revisit_on", self.revisit_on),
            ):
                bad = state.bad_dates.get(key) if state else None
                if bad is not None:
                    edit.line.setText(bad)
                else:
                    edit.set_date(getattr(item, key))
            self.on_spot.setChecked(item.solved_on_spot)
            self.adopted.setChecked(item.adopted)
            self.status.setCurrentIndex(max(self.status.findData(item.status.value), 0))
            self.reason.setText(item.unsolved_reason)
            self.revisit_note.setText(item.revisit_note)
            for line in (self.body, self.person, self.reason, self.revisit_note):
                line.setCursorPosition(0)  # a long note shows its beginning, not its end
            self.satisfaction.setCurrentIndex(
                max(
                    self.satisfaction.findData(
                        item.satisfaction.value if item.satisfaction else None
                    ),
                    0,
                )
            )
            for box in self.item_boxes.values():
                box.clear_problem()
            for p in self._problems.get(row, []) if row is not None else []:
                _index, key = index_of(p.field)
                self.item_boxes.get(key, self.item_boxes["content"]).show_problem(p.message)
            self.editor.setEnabled(state is not None)
            self._set_editor_read_only(self._read_only)
            self._reason_enabled()
        finally:
            self._showing = False

    def _status_changed(self) -> None:
        if self._showing:
            return
        status = OutcomeStatus(self.status.currentData())
        if status is OutcomeStatus.SOLVED and not self.resolved_on.text().strip():
            self.resolved_on.set_date(self.today)
        self._reason_enabled()
        self._edited()

    def _reason_enabled(self) -> None:
        status = OutcomeStatus(self.status.currentData())
        with_reason = status in (OutcomeStatus.UNSOLVED, OutcomeStatus.NOT_ADOPTED)
        self.reason.setEnabled(with_reason or bool(self.reason.text()))

    def _edited(self) -> None:
        if self._showing or self._current is None or self._current >= len(self._states):
            return
        state = self._states[self._current]
        item = state.item
        item.content = self.content.toPlainText().strip()
        item.responsible_body = self.body.text().strip()
        item.responsible_person = self.person.text().strip()
        for key, edit in (
            ("deadline", self.deadline),
            ("resolved_on", self.resolved_on),
            ("revisit_on", self.revisit_on),
        ):
            try:
                setattr(item, key, edit.date())
                state.bad_dates.pop(key, None)
            except ValueError:
                state.bad_dates[key] = edit.text()
        item.solved_on_spot = self.on_spot.isChecked()
        item.adopted = self.adopted.isChecked()
        item.status = OutcomeStatus(self.status.currentData())
        item.unsolved_reason = self.reason.text().strip()
        item.revisit_note = self.revisit_note.text().strip()
        data = self.satisfaction.currentData()
        item.satisfaction = Satisfaction(data) if data else None
        with QSignalBlocker(self.table):
            self._refresh_row(self._current)
        self.changed.emit()

    def _set_editor_read_only(self, read_only: bool) -> None:
        for edit in (self.body, self.person, self.reason, self.revisit_note):
            edit.setReadOnly(read_only)
        self.content.setReadOnly(read_only)
        for d in (self.deadline, self.resolved_on, self.revisit_on):
            d.setReadOnly(read_only)
        for w in (self.on_spot, self.adopted, self.status, self.satisfaction):
            w.setEnabled(not read_only)

    # --- problems -------------------------------------------------------------------------------
    def show_problems(self, problems: Sequence[Problem]) -> QWidget | None:
        self._problems = {}
        for p in problems:
            index, _key = index_of(p.field)
            self._problems.setdefault(index if index is not None else 0, []).append(p)
        self.problem.setText("\n".join(p.message for p in problems))
        self.problem.setVisible(bool(problems))
        with QSignalBlocker(self.table):
            for r in range(len(self._states)):
                self._refresh_row(r)
        if not problems:
            return None
        first = min(self._problems)
        if first < len(self._states):
            self.table.selectRow(first)
            self._show_item(first)
            _index, key = index_of(self._problems[first][0].field)
            return self.item_boxes.get(key, self.item_boxes["content"]).widget
        return self.table

    def clear_problems(self) -> None:
        self._problems = {}
        self.problem.clear()
        self.problem.setVisible(False)
        with QSignalBlocker(self.table):
            for r in range(len(self._states)):
                self._refresh_row(r)
        for box in self.item_boxes.values():
            box.clear_problem()

    def problem_text(self) -> str:
        return self.problem.text() if self.problem.isVisibleTo(self) else ""

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._set_editor_read_only(read_only)
        self._update_buttons()
