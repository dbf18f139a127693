"""Pick participants from the roster (人员名册): a search box, a category filter and the matching
people; the ones selected (several with Ctrl or Shift) join the consultation."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Person
from liaison_desk.domain.enums import ParticipantCategory
from liaison_desk.domain.queries import PersonFilter
from liaison_desk.services import Services
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.labels import label
from liaison_desk.ui.picker_dialog import SearchPickerDialog
from liaison_desk.ui.table import Column
from liaison_desk.ui.tasks import TaskControl


class PersonPickerDialog(SearchPickerDialog[Person]):
    """``chosen()`` after OK: the people selected, in the list's order. ``already`` (person
    ids) are shown greyed: they take part already."""

    def __init__(
        self,
        services: Services,
        group_id: int | None,
        already: Collection[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            title=self.tr("Pick participants from the roster"),
            placeholder=self.tr("Search name, unit, position, phone…"),
            columns=[
                Column("name", self.tr("Name"), lambda p: p.name, width=6),
                Column("category", self.tr("Category"), lambda p: p.category, width=6),
                Column("unit", self.tr("Unit"), lambda p: p.unit, stretch=True),
                Column("title", self.tr("Position"), lambda p: p.title, width=10),
            ],
            ok_text=self.tr("Add selected"),
            muted=lambda p: p.id in self.already,
            padding=24,
            search_delay_ms=200,
        )
        self.services = services
        self.group_id = group_id
        self.already = set(already)
        self.search.setAccessibleName(self.tr("Search"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItem(self.tr("All categories"), None)
        for member in ParticipantCategory:
            self.category.addItem(label(member), member)
        self.own_group = QCheckBox(self.tr("Only this group"))
        self.own_group.setChecked(group_id is not None)
        self.own_group.setVisible(group_id is not None)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # names in pinyin order

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.category)
        filters.addWidget(self.own_group)
        self.lay_out(filters)
        self.category.currentIndexChanged.connect(self.reload)
        self.own_group.toggled.connect(self.reload)
        # Down from the search box goes to the list; Enter there adds.
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_list)
        char = self.fontMetrics().horizontalAdvance("中")
        self.resize(char * 60, char * 40)
        self.search.setFocus()
        self.reload()

    def accept(self) -> None:
        """Enter in the search box (nothing selected yet) goes to the list instead of closing
        the dialog with nobody added."""
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self._to_list()
            self.count.setText(
                self.tr("Select the people in the list (Ctrl or Shift for several), then Enter.")
            )
            return
        super().accept()

    def _to_list(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def reload(self) -> None:
        self._timer.stop()
        data = self.category.currentData()
        f = PersonFilter(
            group_id=self.group_id if self.own_group.isChecked() else None,
            category=ParticipantCategory(data) if data else None,
            text=self.search.text().strip(),
        )
        people = self.services.people

        def work(control: TaskControl) -> list[Person]:
            found = people.search(f).items
            control.check()
            return found

        self._loader.run(work, self._loaded)

    def _loaded(self, found: list[Person]) -> None:
        self.model.set_rows(found)
        self.count.setText(plural(len(found), self.tr("{count} person"), self.tr("{count} people")))
        if found and not self.search.hasFocus():
            self.table.selectRow(0)

    def is_busy(self) -> bool:
        return self._loader.busy or self._timer.isActive()

    def chosen(self) -> list[Person]:
        return [p for p in self.selected_rows() if p.id not in self.already]
