"""Editing a procedure checklist (议事流程) of one consultation kind: rename, reorder, add, remove
and restore the neutral defaults. The settings page saves the result through
``services.consultations.save_template``; records already kept keep their own checklist."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from liaison_desk.ui.group_form import PROBLEM_STYLE
from liaison_desk.ui.icons import icon

_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsDragEnabled
)


def check_steps(steps: Sequence[str]) -> list[str]:
    """What is wrong with a checklist before it is saved (translated messages; empty when fine):
    it needs at least one step, names that are not blank and no step twice."""
    problems: list[str] = []
    if not steps:
        problems.append(
            QCoreApplication.translate("ChecklistEditor", "The checklist needs at least one step.")
        )
    if any(not s.strip() for s in steps):
        problems.append(
            QCoreApplication.translate(
                "ChecklistEditor", "A step has no name; name it or remove it."
            )
        )
    seen: set[str] = set()
    for step in (s.strip() for s in steps):
        if step and step in seen:
            problems.append(
                QCoreApplication.translate(
                    "ChecklistEditor", "“{step}” is in the list twice; rename or remove one."
                ).format(step=step)
            )
        seen.add(step)
    return problems


class ChecklistEditor(QWidget):
    """An ordered list of step names with buttons (and keys) to change it.

    Keys in the list: F2 or double-click renames, Insert adds, Delete removes, Ctrl+Up and
    Ctrl+Down move the selected step. Steps can also be dragged into place."""

    changed = Signal()

    def __init__(
        self, defaults: Sequence[str], accessible_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._defaults = list(defaults)
        self.list = QListWidget()
        self.list.setAccessibleName(accessible_name)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(self.fontMetrics().height() * 10)
        model = self.list.model()
        model.rowsMoved.connect(self._emit_changed)
        model.rowsInserted.connect(self._emit_changed)
        model.rowsRemoved.connect(self._emit_changed)
        self.list.itemChanged.connect(self._emit_changed)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemDelegate().closeEditor.connect(self._editor_closed)

        self.add_button = self._button(self.tr("Add step"), "new", lambda: self.add_step())
        self.rename_button = self._button(self.tr("Rename"), "edit", self.rename_current)
        self.remove_button = self._button(self.tr("Remove"), "delete", self.remove_current)
        self.up_button = self._button(self.tr("Move up"), None, lambda: self.move_current(-1))
        self.down_button = self._button(self.tr("Move down"), None, lambda: self.move_current(1))
        self.restore_button = self._button(
            self.tr("Restore defaults"), "restore", self.restore_defaults
        )
        self.add_button.setToolTip(self.tr("Add a step after the selected one (Insert)"))
        self.rename_button.setToolTip(self.tr("Rename the selected step (F2)"))
        self.remove_button.setToolTip(self.tr("Remove the selected step (Delete)"))
        self.up_button.setToolTip(self.tr("Move the selected step up (Ctrl+Up)"))
        self.down_button.setToolTip(self.tr("Move the selected step down (Ctrl+Down)"))
        self.restore_button.setToolTip(
            self.tr("Put back the steps the program comes with: {steps}").format(
                steps=" → ".join(self._defaults)
            )
        )

        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0, 0, 7, 1)
        for row, button in enumerate(
            (
                self.add_button,
                self.rename_button,
                self.remove_button,
                self.up_button,
                self.down_button,
                self.restore_button,
            )
        ):
            layout.addWidget(button, row, 1)
        layout.setRowStretch(6, 1)
        layout.setColumnStretch(0, 1)
        layout.addWidget(self.problem, 7, 0, 1, 2)

        # Keys of the list (an event filter: the view would otherwise take Ctrl+Up/Down itself
        # to move the current row). An open rename editor gets its keys first.
        ctrl = Qt.KeyboardModifier.ControlModifier
        self._keys: dict[tuple[Qt.Key, bool], Callable[[], object]] = {
            (Qt.Key.Key_Up, True): lambda: self.move_current(-1),
            (Qt.Key.Key_Down, True): lambda: self.move_current(1),
            (Qt.Key.Key_Delete, False): self.remove_current,
            (Qt.Key.Key_Insert, False): lambda: self.add_step(),
        }
        self._ctrl = ctrl
        self.list.installEventFilter(self)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods in (Qt.KeyboardModifier.NoModifier, self._ctrl):
                action = self._keys.get((Qt.Key(event.key()), mods == self._ctrl))
                if action is not None:
                    action()
                    return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, icon_name: str | None, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        if icon_name:
            button.setIcon(icon(icon_name))
        button.clicked.connect(slot)
        return button

    # --- contents ------------------------------------------------------------------------------
    def set_steps(self, steps: Sequence[str]) -> None:
        self.list.blockSignals(True)
        self.list.model().blockSignals(True)
        try:
            self.list.clear()
            for step in steps:
                self.list.addItem(self._item(step))
        finally:
            self.list.model().blockSignals(False)
            self.list.blockSignals(False)
        self.list.reset()  # the view missed the signals above
        if self.list.count():
            self.list.setCurrentRow(0)
        self.show_problems([])
        self._update_buttons()

    def steps(self) -> list[str]:
        """The step names in order, as typed (spaces around a name removed)."""
        return [self.list.item(i).text().strip() for i in range(self.list.count())]

    def show_problems(self, problems: Sequence[str]) -> None:
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(_FLAGS)
        return item

    # --- actions -------------------------------------------------------------------------------
    def add_step(self, name: str = "") -> QListWidgetItem:
        """A new step after the selected one (at the end when none is). Without a name its
        editor opens; a step left without a name is removed again."""
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        item = self._item(name)
        self.list.insertItem(row, item)
        self.list.setCurrentItem(item)
        if not name:
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list.editItem(item)
        self._update_buttons()
        return item

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list.editItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._update_buttons()

    def move_current(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._update_buttons()

    def restore_defaults(self) -> None:
        if self.steps() == self._defaults:
            return
        self.set_steps(self._defaults)
        self.changed.emit()

    # --- state ---------------------------------------------------------------------------------
    def _editor_closed(self, _editor: QWidget, _hint: QAbstractItemDelegate.EndEditHint) -> None:
        for row in reversed(range(self.list.count())):
            if not self.list.item(row).text().strip():
                self.list.takeItem(row)
        self._update_buttons()

    def _emit_changed(self, *_args: object) -> None:
        self.show_problems([])
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        selected = row >= 0
        self.rename_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and row < self.list.count() - 1)
        self.restore_button.setEnabled(self.steps() != self._defaults)
