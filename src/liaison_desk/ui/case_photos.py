"""The photos of a case in the case editor (``case_editor``): 2–4 photos with captions, in order,
shown as thumbnails along the bottom of the editor.

The box holds the list (captions edited in place: double-click or F2), the note saying how many
there are (in red outside 2 to 4, which is still allowed), the buttons and the thumbnails (read in
a worker; only the newest request counts). Remove and move act on the selected photo: enabled
only then, and never while the case is read-only.

Choosing photos needs the case (``case_pickers.PhotoChooser`` offers the linked consultations'
photos) and adding files may need it saved first, so the box only asks for those
(``choose_requested``, ``add_files_requested``) and the editor does them, handing the result back
through :meth:`CasePhotos.add_choices` and :meth:`CasePhotos.set_photos`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import CasePhoto
from liaison_desk.services import Services
from liaison_desk.services.cases import PhotoChoice
from liaison_desk.ui.case_pickers import ATTACHMENT_ROLE, PHOTOS_MAX, PHOTOS_MIN
from liaison_desk.ui.i18n import plural
from liaison_desk.ui.messages import show_error
from liaison_desk.ui.tasks import LatestOnly, TaskControl
from liaison_desk.ui.thumbnails import load_thumbnails

THUMB = QSize(128, 96)
OUTSIDE_RANGE = "#B3261E"


class CasePhotos(QGroupBox):
    """The case's photos, in order, with their captions. ``changed``: the photos, their order or
    a caption changed by the user (not when a case is shown)."""

    changed = Signal()
    choose_requested = Signal()  # 从协商记录中选择…
    add_files_requested = Signal()  # 从文件添加…

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._read_only = False
        self._choices: dict[int, PhotoChoice] = {}
        self._thumbs: dict[int, QImage] = {}
        self._loader = LatestOnly(self)
        self.setTitle(self.tr("Photos (2 to 4, with captions)"))
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 30, THUMB.height() + 56))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(THUMB.height() + 76)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.list.setToolTip(self.tr("Double-click or F2 to edit a caption"))
        self.list.itemChanged.connect(self._changed)
        buttons = QVBoxLayout()
        self.choose_button = QPushButton(self.tr("C&hoose from the consultations…"))
        self.choose_button.clicked.connect(self.choose_requested)
        self.add_button = QPushButton(self.tr("Add from &files…"))
        self.add_button.clicked.connect(self.add_files_requested)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.left_button = QPushButton(self.tr("Move left"))
        self.left_button.clicked.connect(lambda: self._move(-1))
        self.right_button = QPushButton(self.tr("Move right"))
        self.right_button.clicked.connect(lambda: self._move(1))
        for b in (
            self.choose_button,
            self.add_button,
            self.remove_button,
            self.left_button,
            self.right_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.note)
        layout.addLayout(left, 1)
        layout.addLayout(buttons)
        self.list.itemSelectionChanged.connect(self._update_selection_buttons)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

    # --- what is shown -----------------------------------------------------------------------
    def show_photos(self, photos: Sequence[CasePhoto]) -> None:
        """Show the photos of a case being opened (not a change: ``changed`` stays silent)."""
        was = self.list.blockSignals(True)
        self.list.clear()
        for photo in photos:
            self._add_item(photo.attachment_id, photo.caption)
        self.list.blockSignals(was)
        self._update_note()
        self._update_selection_buttons()

    def ids(self) -> list[int]:
        return [int(self.list.item(i).data(ATTACHMENT_ROLE)) for i in range(self.list.count())]

    def photos(self) -> list[CasePhoto]:
        return [
            CasePhoto(attachment_id=aid, caption=self.list.item(i).text().strip())
            for i, aid in enumerate(self.ids())
        ]

    def add_choices(self, choices: Iterable[PhotoChoice]) -> None:
        """Photos the case may show (their captions and thumbnails come from here)."""
        self._choices.update({c.attachment_id: c for c in choices})

    def set_photos(self, ids: Sequence[int], captions: dict[int, str] | None = None) -> None:
        """Show ``ids`` as the case's photos, in this order; a photo already chosen keeps its
        caption, a new one starts with the photo's own."""
        current = {
            int(self.list.item(i).data(ATTACHMENT_ROLE)): self.list.item(i).text()
            for i in range(self.list.count())
        }
        captions = captions or {}
        was = self.list.blockSignals(True)
        self.list.clear()
        for aid in ids:
            caption = current.get(aid)
            if caption is None:
                choice = self._choices.get(aid)
                caption = captions.get(aid) or (choice.caption if choice else "")
            self._add_item(aid, caption)
        self.list.blockSignals(was)
        self._changed()
        self.load_thumbnails()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._changed()

    def choose_files(self) -> list[str]:
        """The image files the user picks (a method, so tests answer it)."""
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.bmp)"),
        )
        return files

    def set_read_only(self, read_only: bool) -> None:
        """A submitted case: no photo added, removed, moved or captioned."""
        self._read_only = read_only
        for button in (self.choose_button, self.add_button):
            button.setEnabled(not read_only)
        self._update_selection_buttons()
        was = self.list.blockSignals(True)  # the photos did not change, only whether they may
        for i in range(self.list.count()):
            item = self.list.item(i)
            flags = item.flags()
            if read_only:
                flags &= ~Qt.ItemFlag.ItemIsEditable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
        self.list.blockSignals(was)

    def _add_item(self, attachment_id: int, caption: str) -> None:
        image = self._thumbs.get(attachment_id)
        item = QListWidgetItem(caption)
        if image is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))
        item.setData(ATTACHMENT_ROLE, attachment_id)
        flags = item.flags() | Qt.ItemFlag.ItemIsEditable
        if self._read_only:
            flags &= ~Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        self.list.addItem(item)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        was = self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.list.blockSignals(was)
        self._changed()

    def _changed(self, *_args: object) -> None:
        self._update_note()
        self.changed.emit()

    def _update_selection_buttons(self) -> None:
        """Remove and move act on the selected photos: enabled only then."""
        chosen = bool(self.list.selectedItems())
        for button in (self.remove_button, self.left_button, self.right_button):
            button.setEnabled(not self._read_only and chosen)

    def _update_note(self) -> None:
        n = self.list.count()
        if PHOTOS_MIN <= n <= PHOTOS_MAX:
            self.note.setText(
                plural(n, self.tr("{count} photo."), self.tr("{count} photos, in this order."))
            )
            self.note.setStyleSheet("color:#555")
        else:
            self.note.setText(
                self.tr("{count} photos chosen: a case usually shows 2 to 4.").format(count=n)
            )
            self.note.setStyleSheet(f"color:{OUTSIDE_RANGE}")

    # --- thumbnails --------------------------------------------------------------------------
    def load_thumbnails(self) -> None:
        """Thumbnails of the photos shown that have none yet (read in a worker)."""
        wanted = [
            (aid, self._choices[aid].sha256)
            for aid in self.ids()
            if aid in self._choices and aid not in self._thumbs
        ]
        if not wanted:
            self._show_thumbnails()
            return
        services = self.services

        def work(control: TaskControl) -> dict[int, QImage]:
            images = load_thumbnails(services, [(sha, "") for _aid, sha in wanted], size=160)
            return {aid: img for (aid, _sha), (img, _c) in zip(wanted, images, strict=True)}

        def done(images: dict[int, QImage]) -> None:
            self._thumbs.update(images)
            self._show_thumbnails()

        self._loader.run(work, done, lambda exc: show_error(self, exc))

    def _show_thumbnails(self) -> None:
        was = self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            image = self._thumbs.get(int(item.data(ATTACHMENT_ROLE)))
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
        self.list.blockSignals(was)
