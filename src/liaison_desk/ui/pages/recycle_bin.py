"""回收站: deleted records wait here for 30 days, then the app purges them when it starts.

Restore puts records back; 彻底删除 purges them now, after a clear question. Both work on every
selected row, off the GUI thread, and tell the other pages to reload. A record the service
refuses (still needed by another record, or locked) stays, and the service's message says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from liaison_desk.domain.queries import RecycleBinEntry
from liaison_desk.domain.rules import RECYCLE_BIN_DAYS, LockedError
from liaison_desk.services import Services
from liaison_desk.services.recycle_bin import PurgeRefused
from liaison_desk.ui.html_text import detail_html
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.icons import icon
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import confirm, is_expected_error, show_error
from liaison_desk.ui.pages.base import Detail, RecordListPage, with_label
from liaison_desk.ui.pages.cases import chain_tab_order, filter_combo, fit_headers, select_value
from liaison_desk.ui.table import Column, RecordTableModel, display
from liaison_desk.ui.tasks import TaskControl, run_task

# The kinds of record the bin holds, in the order the type filter offers them.
ENTITY_TYPES = (
    "consultation",
    "outcome_item",
    "attachment",
    "case",
    "submission",
    "person",
    "group",
)
# Whole records before their parts (as services.recycle_bin.purge_expired does): purging a
# consultation takes its items and photos with it, restoring it first lets its parts follow.
_ORDER = {"consultation": 0, "case": 1, "submission": 2, "group": 3}
SOON_DAYS = 3  # rows this close to the automatic purge are shown in red


def entity_type_name(entity_type: str) -> str:
    """What a record of ``entity_type`` is called, in the UI language."""
    names = {
        "consultation": QCoreApplication.translate("RecycleBinPage", "Consultation"),
        "person": QCoreApplication.translate("RecycleBinPage", "Person"),
        "case": QCoreApplication.translate("RecycleBinPage", "Case write-up"),
        "outcome_item": QCoreApplication.translate("RecycleBinPage", "Suggestion / problem"),
        "attachment": QCoreApplication.translate("RecycleBinPage", "Photo / attachment"),
        "submission": QCoreApplication.translate("RecycleBinPage", "Submission"),
        "group": QCoreApplication.translate("RecycleBinPage", "Liaison group"),
    }
    return names.get(entity_type, entity_type)


@dataclass(frozen=True)
class BinQuery:
    entity_type: str | None
    text: str


@dataclass
class Outcome:
    """What a restore or purge of the selection came to."""

    done: int
    failures: list[tuple[RecycleBinEntry, BaseException]]


class RecycleBinPage(RecordListPage[RecycleBinEntry]):
    """The recycle bin (回收站), most recently deleted first.

    ``apply_filter`` keys: ``entity_type`` (one of ENTITY_TYPES), ``text`` (in the name)."""

    page_id = "recycle_bin"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        self._working = False
        super().__init__(services, parent)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)

        self.restore_action = QAction(icon("restore"), self.tr("Restore"), self)
        self.purge_action = QAction(icon("delete"), self.tr("Delete for good…"), self)
        restore_keys = QKeySequence("Ctrl+R")
        # Where the desktop's Refresh key is Ctrl+R (GNOME), Refresh keeps it.
        if restore_keys not in QKeySequence.keyBindings(QKeySequence.StandardKey.Refresh):
            self.restore_action.setShortcut(restore_keys)
        self.purge_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.restore_action.triggered.connect(self.restore)
        self.purge_action.triggered.connect(self.purge)
        # Restore from anywhere on the page; the Delete key only in the list (in the search
        # box it deletes characters).
        self.restore_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.restore_action)
        self.purge_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.purge_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        for button, action in (
            (self.restore_button, self.restore_action),
            (self.purge_button, self.purge_action),
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                button.setToolTip(self.tr("Shortcut: {keys}").format(keys=keys))
        chain_tab_order(
            [self.type_filter, self.search, self.restore_button, self.purge_button, self.table]
        )
        fit_headers(self.table)
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(entity_type_name(t)) for t in ENTITY_TYPES) + 16
        type_column = self.model.column_index("type")
        header = self.table.horizontalHeader()
        header.resizeSection(type_column, max(header.sectionSize(type_column), widest))
        self._update_actions()

    # --- RecordListPage --------------------------------------------------------------------------
    def placeholder(self) -> str:
        return self.tr("Search names")

    def columns(self) -> list[Column[RecycleBinEntry]]:
        return [
            Column("type", self.tr("Type"), lambda e: entity_type_name(e.entity_type), width=6),
            Column("title", self.tr("Name"), lambda e: e.title, stretch=True),
            Column("deleted_at", self.tr("Deleted"), lambda e: e.deleted_at, width=9),
            Column("days_left", self.tr("Days left"), self._days_left, numeric=True, width=4),
        ]

    def make_model(self) -> RecordTableModel[RecycleBinEntry]:
        return RecordTableModel(
            self.columns(), self, warn=lambda e: self._days_left(e) <= SOON_DAYS
        )

    def sort_default(self) -> None:
        self.table.sortByColumn(self.model.column_index("deleted_at"), Qt.SortOrder.DescendingOrder)

    def record_key(self, record: RecycleBinEntry) -> object:
        return (record.entity_type, record.id)  # ids repeat across types

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.type_filter = filter_combo(self.tr("All types"))
        for entity_type in ENTITY_TYPES:
            self.type_filter.addItem(entity_type_name(entity_type), entity_type)
        self.type_filter.currentIndexChanged.connect(self.reload)
        bar.addWidget(with_label(self.tr("&Type:"), self.type_filter))

    def build_actions(self, bar: QHBoxLayout) -> None:
        self.restore_button = QPushButton(icon("restore"), self.tr("&Restore"))
        self.purge_button = QPushButton(icon("delete"), self.tr("&Delete for good…"))
        self.restore_button.clicked.connect(self.restore)
        self.purge_button.clicked.connect(self.purge)
        bar.addWidget(self.restore_button)
        bar.addWidget(self.purge_button)

    def filters(self) -> BinQuery:
        return BinQuery(self.type_filter.currentData(), self.search.text().strip())

    def fetch(self, filters: BinQuery, control: TaskControl) -> list[RecycleBinEntry]:
        entries = self.services.recycle_bin.entries()
        text = filters.text.casefold()
        return [
            e
            for e in entries
            if (filters.entity_type is None or e.entity_type == filters.entity_type)
            and (
                not text
                or text in e.title.casefold()
                or text in entity_type_name(e.entity_type).casefold()
            )
        ]

    def fetch_detail(self, record: RecycleBinEntry, control: TaskControl) -> Detail:
        bin_ = self.services.recycle_bin
        days = bin_.days_left(record.deleted_at)
        if days:
            purge = self.tr("{date} (in {days} days)").format(
                date=display(bin_.purge_on(record.deleted_at).date()), days=days
            )
        else:
            purge = self.tr("The next time the app starts")
        rows: list[tuple[str, object]] = [(self.tr("Type"), entity_type_name(record.entity_type))]
        rows += self._facts(record)
        rows += [
            (self.tr("Deleted"), display(record.deleted_at)),
            (self.tr("Deleted for good automatically"), purge),
        ]
        note = self.tr(
            "Records stay in the recycle bin for {days} days. Restore puts this record back "
            "where it was; Delete for good removes it now and cannot be undone."
        ).format(days=RECYCLE_BIN_DAYS)
        return Detail(detail_html(record.title, rows, [(self.tr("About the recycle bin"), note)]))

    def count_text(self, shown: int) -> str:
        return plural(
            shown,
            self.tr("{count} record in the recycle bin"),
            self.tr("{count} records in the recycle bin"),
        )

    def is_busy(self) -> bool:
        return self._working or super().is_busy()

    def apply_filter(self, filters: dict[str, Any]) -> None:
        select_value(self.type_filter, filters.get("entity_type"))
        self.search.blockSignals(True)
        self.search.setText(str(filters.get("text") or ""))
        self.search.blockSignals(False)
        self.reload()

    # --- actions -------------------------------------------------------------------------------
    def restore(self) -> None:
        entries = self.selected_records()
        if entries and not self._working:
            self._run("restore", entries)

    def purge(self) -> None:
        entries = self.selected_records()
        if not entries or self._working:
            return
        if len(entries) == 1:
            question = self.tr("Delete “{name}” for good?").format(name=entries[0].title)
        else:
            question = self.tr("Delete these {count} records for good?").format(count=len(entries))
        question += "\n\n" + self.tr(
            "They are removed from the database, with their photos and files that no other "
            "record uses. This cannot be undone."
        )
        if confirm(self, self.tr("Delete for good"), question, self.tr("Delete for good")):
            self._run("purge", entries)

    def _run(self, action: str, entries: list[RecycleBinEntry]) -> None:
        self._working = True
        self._update_actions()
        bin_ = self.services.recycle_bin
        act = bin_.restore if action == "restore" else bin_.purge
        ordered = sorted(entries, key=lambda e: _ORDER.get(e.entity_type, 9))

        def work(control: TaskControl) -> Outcome:
            outcome = Outcome(0, [])
            for entry in ordered:
                try:
                    act(entry.entity_type, entry.id)
                    outcome.done += 1
                except KeyError:
                    continue  # went with its parent record, or purged elsewhere meanwhile
                except (PurgeRefused, ValueError) as exc:
                    outcome.failures.append((entry, exc))
                except Exception as exc:  # expected ones are reported below, bugs raised again
                    if not is_expected_error(exc):
                        raise
                    outcome.failures.append((entry, exc))
            return outcome

        run_task(self, work, lambda o: self._finished(action, o), self._failed)

    def _finished(self, action: str, outcome: Outcome) -> None:
        self._working = False
        if outcome.done:
            self.data_changed.emit()
        self.reload()
        if outcome.failures:
            self._report(action, outcome.failures)

    def _failed(self, exc: BaseException) -> None:
        self._working = False
        self.data_changed.emit()  # some may have been done before the error
        self.reload()
        show_error(self, exc)

    def _report(self, action: str, failures: list[tuple[RecycleBinEntry, BaseException]]) -> None:
        if action == "restore":
            title = self.tr("Could not restore")
        else:
            title = self.tr("Could not delete for good")
        if len(failures) == 1:
            exc = failures[0][1]
            # PurgeRefused and the like are expected too; show_error knows the rule kinds.
            show_error(self, exc if is_expected_error(exc) else LockedError(str(exc)), title)
            return
        lines = [
            self.tr("{name}: {reason}").format(name=entry.title, reason=str(exc))
            for entry, exc in failures
        ]
        # The service's own messages (Chinese), shown as they are; the rows stay in the bin.
        show_error(self, LockedError("\n".join(lines)), title)

    # --- helpers -------------------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.restore_action)
        menu.addAction(self.purge_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _days_left(self, entry: RecycleBinEntry) -> int:
        return self.services.recycle_bin.days_left(entry.deleted_at)

    def _update_actions(self, *_args: QItemSelection) -> None:
        enabled = bool(self.table.selectionModel().selectedRows()) and not self._working
        for widget in (self.restore_action, self.purge_action):
            widget.setEnabled(enabled)
        for button in (self.restore_button, self.purge_button):
            button.setEnabled(enabled)

    def _facts(self, entry: RecycleBinEntry) -> list[tuple[str, object]]:
        """A few facts that say which record it was (off the GUI thread)."""
        s = self.services
        if entry.entity_type == "consultation":
            c = s.consultations.get(entry.id)
            if c is not None:
                group = s.groups.get(c.group_id) if c.group_id is not None else None
                return [
                    (self.tr("Kind"), label(c.kind)),
                    (self.tr("Liaison group"), group.name if group else ""),
                    (self.tr("Date"), display(c.held_on)),
                    (self.tr("Venue"), c.venue),
                    (self.tr("Suggestions"), len(c.outcome_items)),
                ]
        elif entry.entity_type == "person":
            p = s.people.get(entry.id)
            if p is not None:
                return [
                    (self.tr("Category"), label(p.category)),
                    (self.tr("Unit"), p.unit),
                    (self.tr("Position"), p.title),
                ]
        elif entry.entity_type == "case":
            case = s.cases.get(entry.id)
            if case is not None:
                group = s.groups.get(case.group_id) if case.group_id is not None else None
                return [
                    (self.tr("Liaison group"), group.name if group else ""),
                    (self.tr("Year"), case.year),
                    (self.tr("Status"), label(case.status)),
                ]
        elif entry.entity_type == "submission":
            sub = s.submissions.get(entry.id)
            if sub is not None:
                return [
                    (self.tr("Sent to"), sub.target),
                    (self.tr("Submitted on"), display(sub.submitted_on)),
                    (self.tr("Cases"), len(sub.cases)),
                ]
        elif entry.entity_type == "group":
            g = s.groups.get(entry.id)
            if g is not None:
                return [(self.tr("Town / sub-district"), g.town)]
        return []
