"""Ctrl+K: one search box over every kind of record (consultations, outcome items, cases,
people), results grouped by kind with the matching text highlighted; arrows move, Enter opens
the record, Esc closes.

The search runs off the GUI thread (``run_task``) a moment after the typing pauses, so typing
never waits for it; an answer to an older text than the one in the box is dropped."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.search import SearchHit, SearchKind, SearchResults
from liaison_desk.services import Services
from liaison_desk.ui.tasks import TaskControl, run_task

# Pause in typing before a search starts.
DEBOUNCE_MS = 150
# Records of each kind shown.
PER_KIND = 8

_HIT = Qt.ItemDataRole.UserRole + 1


class GlobalSearchDialog(QDialog):
    """The search popup. ``hit_chosen`` carries the ``SearchHit`` to open."""

    hit_chosen = Signal(object)
    # A search finished and its results are shown (for tests and the status line).
    results_shown = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("globalSearch")
        self.setWindowTitle(self.tr("Search everything"))
        self.setMinimumSize(640, 460)
        self._asked = ""  # the text of the search running or last run

        self.box = QLineEdit()
        self.box.setObjectName("globalSearchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(
            self.tr("Search consultations, outcome items, cases and people…")
        )
        self.box.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("globalSearchResults")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the box
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.status = QLabel(self.tr("Type a word, a name or a number (e.g. 织里-2024-议-012)."))
        self.status.setObjectName("globalSearchStatus")

        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.box.textChanged.connect(lambda _text: self._timer.start())

    # --- searching -----------------------------------------------------------------------------
    def start(self, text: str = "") -> None:
        """Show the box ready for typing (keeping the last search, selected)."""
        if text:
            self.box.setText(text)
        self.box.selectAll()
        self.box.setFocus()

    def _search(self) -> None:
        text = self.box.text().strip()
        self._asked = text
        if not text:
            self.list.clear()
            self.status.setText(self.tr("Type a word, a name or a number (e.g. 织里-2024-议-012)."))
            return
        services = self.services

        def work(_control: TaskControl) -> SearchResults:
            return services.search.everywhere(text, limit=PER_KIND)

        run_task(self, work, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        from liaison_desk.ui.messages import show_error

        show_error(self, exc)

    def _show(self, results: SearchResults) -> None:
        if results.text != self._asked:
            return  # an answer to text that has since changed
        self.list.clear()
        if not results.total:
            self.status.setText(self.tr("No records contain “{text}”.").format(text=results.text))
            self.results_shown.emit()
            return
        for kind in SearchKind:
            hits = results.hits.get(kind)
            if not hits:
                continue
            self._add_heading(kind, results.totals[kind], len(hits))
            for hit in hits:
                self._add_hit(hit)
        self.status.setText(
            self.tr("{count} records found. ↑↓ to choose, Enter to open, Esc to close.").format(
                count=results.total
            )
        )
        self._select(self._hit_rows()[0] if self._hit_rows() else -1)
        self.results_shown.emit()

    def _kind_name(self, kind: SearchKind) -> str:
        names = {
            SearchKind.CONSULTATION: self.tr("Consultations"),
            SearchKind.OUTCOME_ITEM: self.tr("Outcome items"),
            SearchKind.CASE: self.tr("Consultation cases"),
            SearchKind.PERSON: self.tr("People"),
        }
        return names[kind]

    def _add_heading(self, kind: SearchKind, total: int, shown: int) -> None:
        text = self._kind_name(kind)
        if total > shown:
            text += " " + self.tr("({total}, first {shown} shown)").format(total=total, shown=shown)
        else:
            text += f" ({total})"
        item = QListWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
        self.list.addItem(item)

    def _add_hit(self, hit: SearchHit) -> None:
        item = QListWidgetItem()
        item.setData(_HIT, hit)
        head = "  ".join(html.escape(p) for p in (hit.number, hit.title) if p)
        s = hit.snippet
        snippet = (
            f"{html.escape(s.before)}<b style='background-color:#ffe58f'>"
            f"{html.escape(s.match)}</b>{html.escape(s.after)}"
            if s.length
            else html.escape(s.text)
        )
        label = QLabel(f"{head}<br><span style='color:#595959'>{snippet}</span>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setContentsMargins(16, 3, 6, 3)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item.setSizeHint(label.sizeHint())
        item.setToolTip(f"{hit.number} {hit.title}".strip())
        self.list.addItem(item)
        self.list.setItemWidget(item, label)

    # --- keys and choosing ---------------------------------------------------------------------
    def _hit_rows(self) -> list[int]:
        return [i for i in range(self.list.count()) if self.list.item(i).data(_HIT) is not None]

    def _select(self, row: int) -> None:
        if row >= 0:
            self.list.setCurrentRow(row)
            self.list.scrollToItem(self.list.item(row))

    def _move(self, step: int) -> None:
        rows = self._hit_rows()
        if not rows:
            return
        current = self.list.currentRow()
        at = rows.index(current) if current in rows else -1
        self._select(rows[max(0, min(len(rows) - 1, at + step))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(5 if key == Qt.Key.Key_PageDown else -5)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # typed and pressed Enter at once: search first
                    self._timer.stop()
                    self._search()
                    return True
                item = self.list.currentItem()
                if item is not None:
                    self._activated(item)
                return True
        return super().eventFilter(watched, event)

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(_HIT)
        if isinstance(hit, SearchHit):
            self.accept()
            self.hit_chosen.emit(hit)

    def current_hit(self) -> SearchHit | None:
        item = self.list.currentItem()
        hit = item.data(_HIT) if item is not None else None
        return hit if isinstance(hit, SearchHit) else None
