"""Offer back the drafts of forms that were never saved (the app crashed, the power went).

On start-up, once the main window shows, ``offer_drafts(window)`` lists the drafts the services
keep (title and when it was kept) with 恢复 / 丢弃 / 以后再说. Restoring asks each page in turn
``open_draft(info) -> bool``: the page that knows the draft's kind (the 民生议事堂 or 微协商 page
for a consultation of its kind, the case editor for a case) opens its form filled with the draft,
marked unsaved, and is brought forward. A draft stays offered until it is saved or discarded.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.services import Services
from liaison_desk.services.drafts import DraftDamagedError, DraftInfo
from liaison_desk.ui.messages import confirm, inform, show_error
from liaison_desk.ui.pages.base import Page

log = logging.getLogger(__name__)


class DraftWindow(Protocol):
    """What the dialog needs of the main window."""

    services: Services

    @property
    def pages(self) -> Mapping[str, Page]: ...

    def show_page(self, page_id: str, filters: dict[str, object] | None = None) -> None: ...


class DraftsDialog(QDialog):
    """The list of unsaved drafts; 恢复 opens the selected one where it belongs."""

    def __init__(self, window: DraftWindow, drafts: list[DraftInfo], parent: QWidget) -> None:
        super().__init__(parent)
        self.window_ = window
        self.restored: DraftInfo | None = None
        self.setWindowTitle(self.tr("Unsaved drafts"))
        intro = QLabel(
            self.tr(
                "The app was closed while these records had changes that were not saved. "
                "Restore one to go on where you stopped, or discard it."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Unsaved drafts"))
        for info in drafts:
            text = self.tr("{title} — kept {when}").format(
                title=info.title or self.tr("(untitled)"),
                when=info.saved_at.strftime("%Y-%m-%d %H:%M"),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.later_button = QPushButton(self.tr("&Later"))
        self.later_button.setToolTip(self.tr("Keep the drafts; they are offered again next time"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(lambda _c=False: self.restore_selected())
        self.discard_button.clicked.connect(lambda _c=False: self.discard_selected())
        self.later_button.clicked.connect(lambda _c=False: self.reject())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 36)

    def selected(self) -> DraftInfo | None:
        item = self.list.currentItem()
        info = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return info if isinstance(info, DraftInfo) else None

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        try:
            page_id = restore_draft(self.window_, info)
        except DraftDamagedError as exc:
            inform(self, self.tr("Draft damaged"), str(exc))
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        if page_id is None:
            inform(
                self,
                self.tr("Cannot restore"),
                self.tr("No page of this window can open this draft."),
            )
            return False
        self.restored = info
        self.accept()
        return True

    def discard_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        if not confirm(
            self,
            self.tr("Discard draft"),
            self.tr(
                "Discard the unsaved changes of “{title}”? They cannot be brought back."
            ).format(title=info.title),
            self.tr("Discard"),
        ):
            return
        try:
            self.window_.services.drafts.discard(info.kind, info.key)
        except OSError as exc:
            show_error(self, exc)
            return
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.accept()


def restore_draft(window: DraftWindow, info: DraftInfo) -> str | None:
    """Ask each page to open ``info``; the id of the page that did (now shown), else None."""
    for page_id, page in window.pages.items():
        opener = getattr(page, "open_draft", None)
        if opener is not None and opener(info):
            window.show_page(page_id)
            return page_id
    return None


def offer_drafts(window: DraftWindow, parent: QWidget) -> DraftsDialog | None:
    """Show the offer when there are drafts (None when there are none)."""
    try:
        drafts = window.services.drafts.pending()
    except OSError as exc:  # an unreadable data folder must not stop the start
        log.warning("could not list the drafts: %s", exc)
        return None
    if not drafts:
        return None
    dialog = DraftsDialog(window, drafts, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
    return dialog
