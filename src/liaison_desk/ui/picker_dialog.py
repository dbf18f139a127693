"""What the picker dialogs share: a search box, the matching records in a table (searched off
the GUI thread, the search waiting until typing pauses), a count below, and OK / Cancel;
double-click takes the rows. ``PersonPickerDialog`` (participants from the roster) and the case
editor's ``ConsultationPicker`` are built on it; ``PhotoChooser`` uses its buttons.

Texts come in translated by the dialog that uses them: ``tr()`` here would file them under
this class in the translations, not under the dialog that shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.ui.table import Column, RecordTableModel, record_table_view
from liaison_desk.ui.tasks import LatestOnly

R = TypeVar("R")


def ok_cancel_buttons(dialog: QDialog, ok_text: str, cancel_text: str = "") -> QDialogButtonBox:
    """OK (named ``ok_text``) accepts ``dialog``, Cancel rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    if cancel_text:
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def with_buttons_below(layout: QVBoxLayout, note: QLabel, buttons: QDialogButtonBox) -> None:
    """The dialog's last row: a note (a count, a hint) beside the buttons."""
    bottom = QHBoxLayout()
    bottom.addWidget(note, 1)
    bottom.addWidget(buttons)
    layout.addLayout(bottom)


class SearchPickerDialog(QDialog, Generic[R]):
    """A dialog to pick records of type ``R``. A subclass builds its filter widgets, calls
    ``lay_out`` with the bar that holds them and ``search`` (in the order Tab should walk), and
    implements ``reload``; ``search_delay_ms`` after typing stops, ``reload`` runs."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        placeholder: str,
        columns: Sequence[Column[R]],
        ok_text: str,
        cancel_text: str = "",
        muted: Callable[[R], bool] | None = None,
        padding: int = 16,
        search_delay_ms: int = 250,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._loader = LatestOnly(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(placeholder)
        self.model: RecordTableModel[R] = RecordTableModel(columns, self, muted=muted)
        self.table = record_table_view(self.model, sortable=True, padding=padding)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        self.count = QLabel()
        self.buttons = ok_cancel_buttons(self, ok_text, cancel_text)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(search_delay_ms)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())

    def lay_out(self, bar: QLayout) -> None:
        """The filter bar above the table, the count and the buttons below. Called once the
        subclass's widgets exist, so the focus walks the bar first."""
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        with_buttons_below(layout, self.count, self.buttons)

    def reload(self) -> None:
        raise NotImplementedError

    def selected_rows(self) -> list[R]:
        """The rows selected, in the table's order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]
