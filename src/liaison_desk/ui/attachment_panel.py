"""Photos and attachments of one record (照片与附件): a grid of thumbnails with captions.

Files come in by 添加… (a file dialog), by dragging them from the file manager onto the grid,
or by pasting (Ctrl+V: an image, e.g. a screenshot, or files copied in the file manager). Each
file is validated and stored in the attachment store at once, off the GUI thread
(``services.attachments.store_file``), but joins the record only when the form saves the record:
the form reads ``attachments()`` into ``Consultation.attachments`` and saves everything in one
transaction, so Cancel really cancels. Files removed here go to the recycle bin when the record
is saved (the repository marks them deleted) and can be restored from 回收站.

Tiles are reordered by dragging them or with Ctrl+← / Ctrl+→; one photo is the cover (封面);
a file can be marked as the signed sign-in sheet (签到表扫描件) or a reply letter (反馈函). The
caption of the selected tile is edited in the field under the grid (or in place with F2).
Enter or a double click opens the photo viewer; other files open in the system's program, from
a read-only copy under their original name (the store names files by content, without an
extension). A read-only record (archived) can be looked at, not changed.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDateTime,
    QIODevice,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Attachment, Consultation
from liaison_desk.domain.enums import AttachmentKind
from liaison_desk.services import Services
from liaison_desk.services.errors import AttachmentError
from liaison_desk.ui.attachment_grid import (
    AttachmentGrid,
    AttachmentListModel,
    Tile,
    tile_image,
    tile_images,
)
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import error_text, inform, show_error
from liaison_desk.ui.photo_viewer import PhotoViewer
from liaison_desk.ui.signed_sheets import dropped_paths
from liaison_desk.ui.tasks import TaskControl, run_task, run_with_progress

log = logging.getLogger(__name__)

# Raw image data on the clipboard, preferred over Qt's decoded image (keeps EXIF and size).
_CLIPBOARD_FORMATS = (("image/jpeg", ".jpg"), ("image/png", ".png"), ("image/gif", ".gif"))


class AttachmentPanel(QWidget):
    """The 照片与附件 tab of a record's form. See the module's docstring.

    API for the form: ``set_record(consultation, read_only=None)`` (or, for any owner,
    ``set_attachments(attachments, owner_kind, owner_id, read_only)``), ``attachments()`` for
    saving, ``changed`` when the user changed something, ``is_busy()`` while files are being
    stored."""

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.owner_kind = "consultation"
        self.owner_id: int | None = None
        self.read_only = False
        self._removed: list[Attachment] = []  # saved attachments taken out (recycle bin on save)
        self._generation = 0
        self._adding = False
        self.viewer: PhotoViewer | None = None

        self.model = AttachmentListModel(self)
        self.model.font = self.font()
        self.model.device_pixel_ratio = self.devicePixelRatioF()
        try:
            self.model.folder_hint = services.attachments.store.root.name
        except RuntimeError:
            self.model.folder_hint = ""
        self.grid = AttachmentGrid(self)
        self.grid.setModel(self.model)
        self.grid.setAccessibleName(self.tr("Photos and attachments"))
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self._build_actions()

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        for action in (
            self.add_action,
            self.open_action,
            self.move_left_action,
            self.move_right_action,
            self.cover_action,
        ):
            bar.addWidget(self._button(action))
        self.kind_button = self._button(self.kind_menu.menuAction())
        self.kind_button.setMenu(self.kind_menu)
        bar.addWidget(self.kind_button)
        bar.addWidget(self._button(self.remove_action))
        self.hint = QLabel(self.tr("Drag files here, or paste with Ctrl+V."))
        self.hint.setStyleSheet("color:#666")
        self.hint.setWordWrap(True)  # gives way when the form is narrow
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.hint, 1)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)

        caption_row = QHBoxLayout()
        self.caption_label = QLabel(self.tr("Ca&ption:"))
        self.caption_edit = QLineEdit()
        self.caption_edit.setPlaceholderText(self.tr("What the photo shows, e.g. who speaks"))
        self.caption_edit.setClearButtonEnabled(True)
        self.caption_label.setBuddy(self.caption_edit)
        caption_row.addWidget(self.caption_label)
        caption_row.addWidget(self.caption_edit, 1)
        layout.addLayout(caption_row)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet("color:#555")
        layout.addWidget(self.details)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#8a5a00")
        self.note.setVisible(False)
        layout.addWidget(self.note)

        self.caption_edit.textEdited.connect(self._caption_typed)
        self.model.captionEdited.connect(self._caption_edited_in_place)
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.grid.selectionModel().currentChanged.connect(self._selection_changed)
        self.grid.activated.connect(self._activated)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.filesDropped.connect(self.add_files)
        self.grid.rowDropped.connect(self._move_to)
        self._selection_changed()

    # --- actions ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(
            text: str,
            slot: Callable[[], object],
            keys: Sequence[QKeySequence | QKeySequence.StandardKey | Qt.Key | str] = (),
            tip: str = "",
            icon: QStyle.StandardPixmap | None = None,
        ) -> QAction:
            act = QAction(text, self)
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
                # Only while the grid has the focus: in the caption field Delete, Ctrl+V and
                # Ctrl+← keep their text meaning.
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.grid.addAction(act)
            shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{tip or text} ({shortcut})" if shortcut else (tip or text))
            if icon is not None:
                act.setIcon(self.style().standardIcon(icon))
            act.triggered.connect(slot)
            return act

        self.add_action = action(
            self.tr("Add…"),
            self.choose_files,
            [Qt.Key.Key_Insert],
            self.tr("Add photos or files"),
        )
        self.paste_action = action(
            self.tr("Paste"),
            self.paste,
            [QKeySequence.StandardKey.Paste],
            self.tr("Add the image or files on the clipboard"),
        )
        self.open_action = action(
            self.tr("Open"),
            self.open_current,
            [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space],
            self.tr("Open the photo large, or the file in its program"),
        )
        self.move_left_action = action(
            self.tr("Move left"),
            lambda: self.move_current(-1),
            ["Ctrl+Left", "Ctrl+Up"],
            self.tr("Move the selected one earlier"),
        )
        self.move_right_action = action(
            self.tr("Move right"),
            lambda: self.move_current(1),
            ["Ctrl+Right", "Ctrl+Down"],
            self.tr("Move the selected one later"),
        )
        self.cover_action = action(
            self.tr("Set as cover"),
            self.set_cover,
            ["Ctrl+Shift+C"],
            self.tr("Show this photo first wherever the record has one picture"),
        )
        self.remove_action = action(
            self.tr("Remove"),
            self.remove_selected,
            [QKeySequence.StandardKey.Delete],
            self.tr("Remove from the record (to the recycle bin when the record is saved)"),
        )
        self.rename_action = action(
            self.tr("Edit caption"),
            self.edit_caption,
            [Qt.Key.Key_F2],
        )
        self.kind_menu = QMenu(self.tr("Mark as"), self)
        self.kind_menu.menuAction().setToolTip(
            self.tr("Mark as a photo, the signed sign-in sheet, a reply letter or another file")
        )
        self.kind_group = QActionGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_actions: dict[AttachmentKind, QAction] = {}
        for kind in AttachmentKind:
            act = QAction(label(kind), self.kind_group)
            act.setCheckable(True)
            act.triggered.connect(lambda _checked=False, k=kind: self.set_kind(k))
            self.kind_menu.addAction(act)
            self.kind_actions[kind] = act

    def _button(self, action: QAction) -> QPushButton:
        """A push button doing ``action`` and following its enabled state (push buttons, not
        tool buttons: they look like the form's other buttons and keep the "…")."""
        button = QPushButton(action.text())
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setToolTip(action.toolTip())

        def follow() -> None:
            button.setEnabled(action.isEnabled())

        action.changed.connect(follow)
        follow()
        if action.menu() is None:
            button.clicked.connect(action.trigger)
        return button

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for act in (self.add_action, self.paste_action):
            menu.addAction(act)
        menu.addSeparator()
        for act in (self.rename_action, self.cover_action):
            menu.addAction(act)
        menu.addMenu(self.kind_menu)
        for act in (self.move_left_action, self.move_right_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.exec(self.grid.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- the record ----------------------------------------------------------------------------

    def set_record(self, consultation: Consultation, read_only: bool | None = None) -> None:
        """Show the attachments of ``consultation`` (read-only when archived, unless told)."""
        self.set_attachments(
            consultation.attachments,
            "consultation",
            consultation.id,
            consultation.is_locked if read_only is None else read_only,
        )

    def set_attachments(
        self,
        attachments: Sequence[Attachment],
        owner_kind: str = "consultation",
        owner_id: int | None = None,
        read_only: bool = False,
    ) -> None:
        """Show ``attachments`` (copies: nothing changes the caller's objects) of the record
        ``owner_kind`` ("consultation" or "case") ``owner_id`` (None: not saved yet)."""
        if owner_kind not in ("consultation", "case"):
            raise ValueError(f"unknown owner kind {owner_kind!r}")
        self.owner_kind, self.owner_id, self.read_only = owner_kind, owner_id, read_only
        self._removed = []
        self._generation += 1  # thumbnails still loading for the previous record are dropped
        # In their saved order (a just-saved record may list them in the old one).
        ordered = sorted((copy.deepcopy(a) for a in attachments), key=lambda a: a.position)
        seen_cover = False
        for att in ordered:  # one cover per record, whatever the data says
            att.is_cover = att.is_cover and not seen_cover
            seen_cover = seen_cover or att.is_cover
        self.model.reset([Tile(a) for a in ordered], read_only)
        self.grid.read_only = read_only
        self.grid.setDragEnabled(not read_only)
        self.caption_edit.setReadOnly(read_only)
        self.hint.setVisible(not read_only)
        self._show_note()
        self._selection_changed()
        if self.model.tiles:
            self.select_row(0)
        self._load_images([t.attachment for t in self.model.tiles])

    def attachments(self) -> list[Attachment]:
        """The attachments as edited, in their order (positions numbered from 0), for the
        form to put into the record before saving. Removed ones are left out: saving the
        record moves them to the recycle bin."""
        result: list[Attachment] = []
        for position, tile in enumerate(self.model.tiles):
            att = copy.deepcopy(tile.attachment)
            att.position = position
            result.append(att)
        return result

    def removed(self) -> list[Attachment]:
        """Saved attachments taken out since ``set_attachments`` (they go to the recycle bin)."""
        return list(self._removed)

    def is_busy(self) -> bool:
        """True while files are being stored (the form should wait before saving)."""
        return self._adding

    def _load_images(self, attachments: list[Attachment]) -> None:
        if not attachments:
            return
        generation = self._generation
        services = self.services

        def work(control: TaskControl) -> dict[str, tuple[str, QImage | None]]:
            return tile_images(services, attachments, control)

        def done(images: dict[str, tuple[str, QImage | None]]) -> None:
            if generation == self._generation:
                self.model.set_images(images)

        run_task(self, work, done)

    # --- selection and caption -----------------------------------------------------------------

    def current_row(self) -> int:
        index = self.grid.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_rows(self) -> list[int]:
        rows = sorted({i.row() for i in self.grid.selectionModel().selectedIndexes()})
        if not rows and self.current_row() >= 0:
            rows = [self.current_row()]
        return rows

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self.model.tiles):
            index = self.model.index(row)
            self.grid.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.grid.scrollTo(index)

    def _selection_changed(self, *_args: object) -> None:
        row = self.current_row()
        tile = self.model.tiles[row] if 0 <= row < len(self.model.tiles) else None
        editable = not self.read_only
        has = tile is not None
        count = len(self.model.tiles)
        self.add_action.setEnabled(editable)
        self.paste_action.setEnabled(editable)
        self.open_action.setEnabled(has)
        self.move_left_action.setEnabled(editable and has and row > 0)
        self.move_right_action.setEnabled(editable and has and row < count - 1)
        self.cover_action.setEnabled(
            editable and tile is not None and tile.is_image and not tile.attachment.is_cover
        )
        self.remove_action.setEnabled(editable and has)
        self.rename_action.setEnabled(editable and has)
        self.kind_menu.menuAction().setEnabled(editable and has)
        for kind, act in self.kind_actions.items():
            act.setChecked(tile is not None and tile.attachment.kind is kind)
        self.caption_edit.setEnabled(has)
        if tile is None:
            self.caption_edit.setText("")
            self.details.setText(self.tr("No photos or files yet.") if count == 0 else "")
            return
        if self.caption_edit.text() != tile.attachment.caption:
            self.caption_edit.setText(tile.attachment.caption)
        self.details.setText(self.model._tooltip(tile).replace("\n", " · "))

    def _caption_typed(self, text: str) -> None:
        row = self.current_row()
        if self.read_only or row < 0:
            return
        att = self.model.tiles[row].attachment
        if att.caption == text.strip():
            return
        att.caption = text.strip()
        self.model.refresh([row])
        self.details.setText(self.model._tooltip(self.model.tiles[row]).replace("\n", " · "))
        self.changed.emit()

    def _caption_edited_in_place(self, row: int) -> None:
        if row == self.current_row():
            self._selection_changed()
        self.changed.emit()

    def edit_caption(self) -> None:
        """F2: edit the caption of the selected tile in place."""
        index = self.grid.currentIndex()
        if index.isValid() and not self.read_only:
            self.grid.edit(index)

    # --- editing -------------------------------------------------------------------------------

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row >= 0:
            self._move_to(row, row + step)

    def _move_to(self, row: int, to: int) -> None:
        if self.read_only or not self.model.move(row, to):
            return
        self.select_row(to)
        self._selection_changed()
        self.changed.emit()

    def set_cover(self) -> None:
        row = self.current_row()
        if self.read_only or row < 0 or not self.model.tiles[row].is_image:
            return
        for i, tile in enumerate(self.model.tiles):
            is_cover = i == row
            if tile.attachment.is_cover != is_cover:
                tile.attachment.is_cover = is_cover
                self.model.refresh([i])
        self._selection_changed()
        self.changed.emit()

    def set_kind(self, kind: AttachmentKind) -> None:
        """Mark the selected files as ``kind``."""
        if self.read_only:
            return
        rows = [r for r in self.selected_rows() if self.model.tiles[r].attachment.kind is not kind]
        if not rows:
            self._selection_changed()
            return
        for row in rows:
            att = self.model.tiles[row].attachment
            att.kind = kind
            if kind is not AttachmentKind.PHOTO and att.is_cover:
                att.is_cover = False  # the cover is a photo of the session, not a scan
        self.model.refresh(rows)
        self._ensure_cover()
        self._selection_changed()
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if self.read_only or not rows:
            return
        removed = self.model.remove(rows)
        self._removed.extend(t.attachment for t in removed if t.attachment.id is not None)
        self._ensure_cover()
        if self.model.tiles:
            self.select_row(min(rows[0], len(self.model.tiles) - 1))
        self._show_note()
        self._selection_changed()
        self.changed.emit()

    def _ensure_cover(self) -> None:
        """When the cover went away, the first photo becomes the cover."""
        tiles = self.model.tiles
        if any(t.attachment.is_cover for t in tiles):
            return
        for row, tile in enumerate(tiles):
            if tile.is_image and tile.attachment.kind is AttachmentKind.PHOTO:
                tile.attachment.is_cover = True
                self.model.refresh([row])
                return

    def _show_note(self) -> None:
        if not self._removed:
            self.note.setVisible(False)
            return
        self.note.setText(
            self.tr(
                "{count} removed: they go to the recycle bin when the record is saved, "
                "and can be restored from there."
            ).format(count=len(self._removed))
        )
        self.note.setVisible(True)

    # --- adding --------------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.read_only:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos or files"),
            "",
            ";;".join(
                [
                    self.tr(
                        "Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif "
                        "*.tiff *.pdf *.doc *.docx *.xls *.xlsx *.wps *.ofd)"
                    ),
                    self.tr("Photos (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff)"),
                    self.tr("All files (*)"),
                ]
            ),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Store the files (folders: the files directly inside them) and add them."""
        files: list[Path] = []
        for path in paths:
            if path.is_dir():
                files.extend(
                    sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
                )
            else:
                files.append(path)
        self._store([(p, p.name) for p in files])

    def add_data(self, data: bytes | QImage, name: str) -> None:
        """Store in-memory content (a pasted image) under ``name`` and add it."""
        self._store([(data, name)])

    def paste(self) -> None:
        """Ctrl+V: the files copied in the file manager, or the image on the clipboard."""
        if self.read_only:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        paths = dropped_paths(mime)
        if paths:
            self.add_files(paths)
            return
        stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmmss")
        for fmt, suffix in _CLIPBOARD_FORMATS:
            if mime.hasFormat(fmt):
                data = bytes(mime.data(fmt).data())
                if data:
                    self.add_data(
                        data, self.tr("Pasted image {stamp}").format(stamp=stamp) + suffix
                    )
                    return
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.add_data(image, self.tr("Pasted image {stamp}").format(stamp=stamp) + ".png")
                return
        inform(
            self,
            self.tr("Nothing to paste"),
            self.tr("The clipboard holds no image and no files. Copy a photo or a file first."),
        )

    def _store(self, items: list[tuple[Path | bytes | QImage, str]]) -> None:
        if self.read_only or not items:
            return
        services = self.services
        progress_text = self.tr("Adding “{name}” ({done} of {total})…")
        stored: list[tuple[Attachment, str, QImage | None]] = []
        failures: list[str] = []

        def work(control: TaskControl) -> None:
            total = len(items)
            for done, (source, name) in enumerate(items):
                control.progress(
                    done, total, progress_text.format(name=name, done=done + 1, total=total)
                )
                if isinstance(source, QImage):
                    source = _png_bytes(source)
                try:
                    att = services.attachments.store_file(source, name)
                except (AttachmentError, OSError) as exc:
                    failures.append(_error_line(exc))
                    continue
                state, image = tile_image(services, att)
                stored.append((att, state, image))
            control.progress(total, total)

        generation = self._generation

        def finish() -> None:
            self._adding = False
            if generation == self._generation:  # else another record is shown by now
                self._added(stored, failures)

        def failed(exc: BaseException) -> None:
            finish()
            show_error(self, exc)

        self._adding = True
        run_with_progress(
            self,
            self.tr("Adding photos and files"),
            work,
            lambda _result: finish(),
            failed,
            finish,
        )

    def _added(
        self, stored: list[tuple[Attachment, str, QImage | None]], failures: list[str]
    ) -> None:
        tiles: list[Tile] = []
        for att, state, image in stored:
            if self.owner_kind == "consultation":
                att.consultation_id = self.owner_id
            else:
                att.case_id = self.owner_id
            tiles.append(Tile(att, state, image))
        if tiles:
            first = len(self.model.tiles)
            self.model.append(tiles)
            self._ensure_cover()
            self.select_row(first)
            self._selection_changed()
            self.changed.emit()
        if failures:
            if len(failures) == 1:
                show_error(self, AttachmentError(failures[0]))
            else:
                head = self.tr("{count} files were not added:").format(count=len(failures))
                show_error(self, AttachmentError("\n".join([head, *failures])))

    # --- opening -------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        # Double click (or a single click where the desktop is set up so); Enter is the
        # open action's shortcut.
        if index.isValid():
            self.open_row(index.row())

    def open_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.open_row(row)

    def open_row(self, row: int) -> PhotoViewer | None:
        """Open the photo viewer on ``row`` (images), or the file in the system's program."""
        if not 0 <= row < len(self.model.tiles):
            return None
        tile = self.model.tiles[row]
        if tile.is_image:
            return self.open_viewer(row)
        self.open_externally(tile.attachment)
        return None

    def open_viewer(self, row: int) -> PhotoViewer:
        images = [(i, t.attachment) for i, t in enumerate(self.model.tiles) if t.is_image]
        start = next((n for n, (i, _) in enumerate(images) if i == row), 0)
        if self.viewer is not None:
            self.viewer.close()
        viewer = PhotoViewer(self.services, [a for _, a in images], start, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.destroyed.connect(lambda *_: self._viewer_closed(viewer))
        self.viewer = viewer
        viewer.open()
        return viewer

    def _viewer_closed(self, viewer: PhotoViewer) -> None:
        if self.viewer is viewer:
            self.viewer = None

    def open_externally(self, att: Attachment) -> None:
        services = self.services

        def work(_control: TaskControl) -> Path:
            return services.attachments.open_copy(att)

        def done(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                inform(
                    self,
                    self.tr("Cannot open the file"),
                    self.tr(
                        "No program on this computer opens “{name}”. A copy is at: {path}"
                    ).format(name=att.original_name, path=path),
                )

        run_task(self, work, done, lambda exc: show_error(self, exc))


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; only str works
    buffer.close()
    return bytes(data.data())


def _error_line(exc: BaseException) -> str:
    if isinstance(exc, AttachmentError):
        return str(exc)
    title, message = error_text(exc)
    return message or title
