"""The roster (人员名册): everyone who takes part in the groups' work, with add, edit and
delete (to the recycle bin).

Phone and ID numbers show in full here: this is inside the app (domain.md, Privacy).
``apply_filter`` understands the keys ``group_id`` (int), ``category`` (ParticipantCategory or
its value) and ``text``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from liaison_desk.domain.entities import Person
from liaison_desk.domain.enums import CppccLevel, ParticipantCategory
from liaison_desk.domain.queries import PageRequest, PersonFilter
from liaison_desk.services import Services
from liaison_desk.ui.html_text import detail_html
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import confirm, inform, show_error
from liaison_desk.ui.pages.base import (
    Detail,
    ListOrder,
    RecordListPage,
    labelled_order,
    with_label,
)
from liaison_desk.ui.paging import KeyedSource, ListSource, PagedTableModel, QuerySource
from liaison_desk.ui.person_dialog import PersonDialog
from liaison_desk.ui.table import Column, RecordTableModel, sortable, sorted_in_runs
from liaison_desk.ui.tasks import TaskControl, run_task


class RosterSource(ListSource[Person]):
    """The people a search found, in the list's order (from ``inner``: sorted by the database
    or by id), with the names of all groups read in the same fetch."""

    def __init__(self, inner: ListSource[Person], group_names: Mapping[int, str]) -> None:
        self.inner = inner
        self.total = inner.total
        self.group_names = dict(group_names)

    def rows(self, offset: int, limit: int) -> list[Person]:
        return self.inner.rows(offset, limit)

    def keys(self) -> list[object]:
        return self.inner.keys()

    def position(self, key: object) -> int | None:
        return self.inner.position(key)


class RosterModel(PagedTableModel[Person]):
    """The table model; keeps the group names that came with the rows."""

    group_names: dict[int, str]

    def __init__(self, columns: Sequence[Column[Person]], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.group_names = {}
        self.on_groups: list[Callable[[dict[int, str]], None]] = []  # told of each new roster

    def set_source(self, source: ListSource[Person] | None, rows: Sequence[Person]) -> None:
        if isinstance(source, RosterSource):
            self.group_names = source.group_names
            for callback in self.on_groups:
                callback(self.group_names)
        super().set_source(source, rows)

    def group_name(self, person: Person) -> str:
        if person.group_id is None:
            return ""
        return self.group_names.get(person.group_id, "")


@dataclass(frozen=True)
class RosterFilters:
    group_id: int | None
    category: ParticipantCategory | None
    text: str


class PeoplePage(RecordListPage[Person]):
    page_id = "people"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._group_id: int | None = None  # the group filter, also before the combo is filled
        super().__init__(services, parent)
        self.roster.on_groups.append(self._groups_loaded)

        # Room for the header and the enum labels in either language.
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        labels = {
            "category": [label(m) for m in ParticipantCategory],
            "cppcc_level": [label(m) for m in CppccLevel],
        }
        for i, column in enumerate(self.model.columns):
            if column.stretch:
                continue
            fit = header.sectionSizeFromContents(i).width()
            for text in labels.get(column.key, []):
                fit = max(fit, metrics.horizontalAdvance(text) + 16)
            header.resizeSection(i, max(header.sectionSize(i), fit))
        # A person's detail is a short list of facts: the table gets most of the width.
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 300])

        # Enter opens and Delete deletes: keys typed into the table itself, so the same keys in
        # the search box keep their usual meaning.
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()

        for first, second in (
            (self.group_combo, self.category_combo),
            (self.category_combo, self.search),
            (self.search, self.new_button),
            (self.new_button, self.edit_button),
            (self.edit_button, self.delete_button),
            (self.delete_button, self.table),
        ):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens the person through the list page's own shortcut (open_record → edit).
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    # --- RecordListPage ----------------------------------------------------------------------------
    def placeholder(self) -> str:
        return self.tr("Search name, unit, position, phone, sector")

    def make_model(self) -> RecordTableModel[Person]:
        self.roster = RosterModel(self.columns(), self)
        return self.roster

    def columns(self) -> list[Column[Person]]:
        return [
            Column("name", self.tr("Name"), lambda p: p.name, width=5),
            Column("category", self.tr("Category"), lambda p: p.category, width=5),
            Column("group", self.tr("Liaison group"), lambda p: self.roster.group_name(p), width=9),
            Column("unit", self.tr("Unit"), lambda p: p.unit, stretch=True),
            Column("title", self.tr("Position"), lambda p: p.title, width=8),
            Column("phone", self.tr("Phone"), lambda p: p.phone, width=7),
            Column("cppcc_level", self.tr("CPPCC level"), lambda p: p.cppcc_level, width=3),
            Column("sector", self.tr("Sector"), lambda p: p.sector, width=5),
            Column("consent", self.tr("Consent"), lambda p: p.consent_to_publish, width=3),
        ]

    def sort_default(self) -> None:
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.group_combo = QComboBox()
        self.group_combo.addItem(self.tr("All groups"), None)
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All categories"), None)
        for member in ParticipantCategory:
            self.category_combo.addItem(label(member), member)
        self.category_combo.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(with_label(self.tr("&Group:"), self.group_combo))
        bar.addWidget(with_label(self.tr("C&ategory:"), self.category_combo))

    def build_actions(self, bar: QHBoxLayout) -> None:
        self.new_button = QPushButton(icon("new"), self.tr("&New"))
        self.new_button.setToolTip(self.tr("Add a person to the roster (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit"))
        self.edit_button.setToolTip(self.tr("Change the selected person (Enter, double-click)"))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(icon("delete"), self.tr("&Delete"))
        self.delete_button.setToolTip(
            self.tr("Move the selected people to the recycle bin (Delete)")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            bar.addWidget(button)

    def filters(self) -> RosterFilters:
        return RosterFilters(
            group_id=self._group_id,
            category=self.category_filter(),
            text=self.search.text().strip(),
        )

    def empty_text(self) -> str:
        f = self.filters()
        if f.group_id is None and f.category is None and not f.text:
            return self.tr("The roster is empty. Press Ctrl+N to add the first person.")
        return super().empty_text()

    def category_filter(self) -> ParticipantCategory | None:
        # Qt keeps a StrEnum in item data as a plain string: make it the member again.
        data = self.category_combo.currentData()
        return ParticipantCategory(data) if data else None

    def open_list(
        self,
        filters: RosterFilters,
        order: ListOrder | None,
        arrange: Callable[[list[Person]], list[Person]],
        control: TaskControl,
    ) -> ListSource[Person]:
        groups = {g.id: g.name for g in self.services.groups.all() if g.id is not None}
        control.check()
        found = PersonFilter(
            group_id=filters.group_id, category=filters.category, text=filters.text
        )
        column = order.column if order is not None else "name"
        descending = order.descending if order is not None else False
        people = self.services.people
        if column == "name":
            # The database sorts names itself by their stored pinyin key: the first page of
            # 360k people is one indexed query, as is each next page.
            total = people.search(found, PageRequest(limit=0)).total
            control.check()

            def fetch(offset: int, limit: int) -> list[Person]:
                request = PageRequest(offset, limit, order_by="name", descending=descending)
                return people.search(found, request).items

            def keys() -> list[object]:
                return list(people.ids(found, PageRequest(order_by="name", descending=descending)))

            return RosterSource(QuerySource(total, fetch, keys), groups)
        by_name: list[int] = sorted(groups, key=lambda g: sortable(groups[g]))
        value_orders: dict[str, tuple[object, ...]] = {
            "category": labelled_order(ParticipantCategory),
            "cppcc_level": labelled_order(CppccLevel),
            "group": tuple(by_name),  # groups by their names
        }
        if column in value_orders or column == "consent" or people.sorts_text():
            # Other columns: the ids of every person in the column's order, sorted by the
            # database (sorting them here held the GUI thread for seconds at 360k people),
            # and the people of a page fetched by id.
            request = PageRequest(
                order_by=column, descending=descending, value_order=value_orders.get(column, ())
            )
            ordered_ids = people.ids(found, request)
            control.check()
            return RosterSource(KeyedSource(ordered_ids, people.by_ids), groups)
        # Text on a server: only (id, value of the column) of each person, sorted here as the
        # table sorts what the column shows, and the people of a page fetched by id.
        values = people.sort_values(found, column)
        control.check()
        ordered = sorted_in_runs(values, _person_key(column, groups), descending)
        control.check()
        return RosterSource(KeyedSource([v[0] for v in ordered], people.by_ids), groups)

    def fetch(self, filters: RosterFilters, control: TaskControl) -> list[Person]:
        found = PersonFilter(
            group_id=filters.group_id, category=filters.category, text=filters.text
        )
        return self.services.people.search(found).items

    def fetch_detail(self, record: Person, control: TaskControl) -> Detail:
        group = self.services.groups.get(record.group_id) if record.group_id else None
        p = record
        rows: list[tuple[str, object]] = [
            (self.tr("Category"), label(p.category)),
            (self.tr("Liaison group"), group.name if group else ""),
            (self.tr("Unit"), p.unit),
            (self.tr("Position"), p.title),
            (self.tr("Phone"), p.phone),
            (self.tr("ID number"), p.id_card),
            (self.tr("CPPCC level"), label(p.cppcc_level) if p.cppcc_level else ""),
            (self.tr("Sector"), p.sector),
            (
                self.tr("Consent to publish"),
                self.tr("Yes") if p.consent_to_publish else self.tr("No"),
            ),
            (self.tr("Consent note"), p.consent_note),
            (self.tr("Added"), p.created_at.strftime("%Y-%m-%d %H:%M") if p.created_at else ""),
            (
                self.tr("Last changed"),
                p.updated_at.strftime("%Y-%m-%d %H:%M") if p.updated_at else "",
            ),
        ]
        return Detail(detail_html(p.name, rows))

    def count_text(self, shown: int) -> str:
        return plural(shown, self.tr("{count} person"), self.tr("{count} people"))

    def open_record(self, record: Person) -> None:
        self.edit(record)

    def apply_filter(self, filters: dict[str, Any]) -> None:
        if "group_id" in filters:
            self._set_group(filters["group_id"])
        if "category" in filters:
            wanted = filters["category"]
            if wanted is not None and not isinstance(wanted, ParticipantCategory):
                wanted = ParticipantCategory(wanted)
            self.category_combo.blockSignals(True)
            self.category_combo.setCurrentIndex(max(self.category_combo.findData(wanted), 0))
            self.category_combo.blockSignals(False)
        if "text" in filters:
            self.search.blockSignals(True)
            self.search.setText(str(filters["text"] or ""))
            self.search.blockSignals(False)
        self.mark_stale()

    # --- the group filter ------------------------------------------------------------------------
    def _groups_loaded(self, names: Mapping[int, str]) -> None:
        """A fetch brought the groups: refill the combo if they changed, keeping the choice."""
        shown = [
            (self.group_combo.itemData(i), self.group_combo.itemText(i))
            for i in range(1, self.group_combo.count())
        ]
        if shown == list(names.items()):
            return
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("All groups"), None)
        # In the order the groups service gives them, as on every other page.
        for gid, name in names.items():
            self.group_combo.addItem(name, gid)
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(self._group_id), 0))
        self.group_combo.blockSignals(False)

    def _group_chosen(self, index: int) -> None:
        self._group_id = self.group_combo.itemData(index)
        self.reload()

    def _set_group(self, group_id: int | None) -> None:
        self._group_id = group_id
        self.group_combo.blockSignals(True)
        self.group_combo.setCurrentIndex(max(self.group_combo.findData(group_id), 0))
        self.group_combo.blockSignals(False)

    # --- actions ---------------------------------------------------------------------------------
    def _update_actions(self, *_args: object) -> None:
        count = len(self.selected_records())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count >= 1)

    def new_record(self) -> bool:
        dialog = PersonDialog(
            self.services,
            None,
            self,
            groups=self.roster.group_names or None,
            category=self.category_filter(),
            group_id=self._group_id,
        )
        self._run_dialog(dialog)
        return True

    def edit_current(self) -> None:
        record = self.current_record()
        if record is None:
            selected = self.selected_records()
            record = selected[0] if selected else None
        if record is not None:
            self.edit(record)

    def edit(self, record: Person) -> None:
        # The stored person as it is now (one quick read), so the user edits the latest data.
        try:
            person = self.services.people.get(record.id) if record.id is not None else None
        except Exception as exc:
            show_error(self, exc)
            return
        if person is None or person.is_deleted:
            inform(
                self,
                self.tr("Not on the roster"),
                self.tr("{name} is no longer on the roster (perhaps deleted elsewhere).").format(
                    name=record.name
                ),
            )
            self.reload()
            return
        dialog = PersonDialog(self.services, person, self, groups=self.roster.group_names or None)
        self._run_dialog(dialog)

    def _run_dialog(self, dialog: PersonDialog) -> None:
        try:
            if dialog.exec() == PersonDialog.DialogCode.Accepted and dialog.saved is not None:
                self.show_saved(dialog.saved)
        finally:
            dialog.deleteLater()

    def show_saved(self, person: Person) -> None:
        """After a save: reload, and select ``person`` (clearing filters that would hide it)."""
        self.data_changed.emit()
        f = self.filters()
        hidden = (
            (f.group_id is not None and person.group_id != f.group_id)
            or (f.category is not None and person.category is not f.category)
            or (f.text and not _matches(person, f.text))
        )
        if hidden:
            self._set_group(None)
            self.category_combo.blockSignals(True)
            self.category_combo.setCurrentIndex(0)
            self.category_combo.blockSignals(False)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self.select_after_reload(person.id)

    def select_after_reload(self, key: object) -> None:
        self.table.selectionModel().clear()
        self._selected_key = key
        self.reload()

    def delete_selected(self) -> None:
        people = self.selected_records()
        if not people:
            return
        if len(people) == 1:
            text = self.tr(
                "Move {name} to the recycle bin?\n\nThe person can be restored from the "
                "recycle bin within 30 days."
            ).format(name=people[0].name)
        else:
            names = self.tr(", ").join(p.name for p in people[:10])
            if len(people) > 10:
                names = self.tr("{names} and {count} more").format(
                    names=names, count=len(people) - 10
                )
            text = self.tr(
                "Move these {count} people to the recycle bin?\n{names}\n\nThey can be restored "
                "from the recycle bin within 30 days."
            ).format(count=len(people), names=names)
        if not confirm(self, self.tr("Delete"), text, self.tr("Move to recycle bin")):
            return
        ids = [p.id for p in people if p.id is not None]

        def work(control: TaskControl) -> int:
            done = 0
            for person_id in ids:
                self.services.recycle_bin.delete("person", person_id)
                done += 1
            return done

        def finished(count: int) -> None:
            self.data_changed.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            self.data_changed.emit()  # some may have gone before the error
            self.reload()
            if isinstance(exc, Exception):
                show_error(self, exc)

        run_task(self, work, finished, failed)


def _person_key(column: str, groups: Mapping[int, str]) -> Callable[[tuple[int, Any]], Any]:
    """The sort key of an (id, stored value) pair of ``column``: what the column shows, in
    the table's order (``sortable``), the id keeping equal values in the roster's order."""
    if column == "group":
        return lambda v: sortable(groups.get(v[1], "") if v[1] is not None else "")
    if column == "category":
        return lambda v: sortable(ParticipantCategory(v[1]) if v[1] else None)
    if column == "cppcc_level":
        return lambda v: sortable(CppccLevel(v[1]) if v[1] else None)
    if column == "consent":
        return lambda v: sortable(bool(v[1]))
    return lambda v: sortable(v[1])


def _matches(person: Person, text: str) -> bool:
    """Whether the roster search (name, unit, position, phone, sector) finds ``person``."""
    needle = text.casefold()
    fields = (person.name, person.unit, person.title, person.phone, person.sector)
    return any(needle in value.casefold() for value in fields)
