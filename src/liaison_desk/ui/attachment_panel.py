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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QDateTime,
    QEvent,
    QIODevice,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QDesktopServices,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
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
from liaison_desk.ui.labels import label
from liaison_desk.ui.messages import error_text, inform, show_error
from liaison_desk.ui.photo_viewer import PhotoViewer
from liaison_desk.ui.signed_sheets import dropped_paths
from liaison_desk.ui.tasks import TaskControl, run_task, run_with_progress

log = logging.getLogger(__name__)

#: What a tile being dragged inside the grid carries: its row number.
ROWS_MIME = "application/x-liaison-desk-attachment-row"
ICON_SIZE = QSize(176, 132)
THUMBNAIL_SIZE = 256  # the store's cached size; shared with the other thumbnail users
# Raw image data on the clipboard, preferred over Qt's decoded image (keeps EXIF and size).
_CLIPBOARD_FORMATS = (("image/jpeg", ".jpg"), ("image/png", ".png"), ("image/gif", ".gif"))


class TileState:
    LOADING = "loading"
    IMAGE = "image"
    FILE = "file"  # not an image: shown as a document tile
    MISSING = "missing"  # the stored file is gone
    BROKEN = "broken"  # stored but cannot be shown


@dataclass
class Tile:
    attachment: Attachment
    state: str = TileState.LOADING
    thumbnail: QImage | None = None
    _pixmap: QPixmap | None = field(default=None, repr=False)

    @property
    def is_image(self) -> bool:
        return self.attachment.media_type.startswith("image/")


def tile_images(
    services: Services, attachments: Iterable[Attachment], control: TaskControl | None = None
) -> dict[str, tuple[str, QImage | None]]:
    """sha256 → (state, upright thumbnail) for each attachment (call off the GUI thread)."""
    result: dict[str, tuple[str, QImage | None]] = {}
    for att in attachments:
        if control is not None:
            control.check()
        if att.sha256 in result:
            continue
        result[att.sha256] = _tile_image(services, att)
    return result


def _tile_image(services: Services, att: Attachment) -> tuple[str, QImage | None]:
    try:
        if not services.attachments.exists(att.sha256):
            return TileState.MISSING, None
        if not att.media_type.startswith("image/"):
            return TileState.FILE, None
        image = QImage(str(services.attachments.thumbnail(att.sha256, THUMBNAIL_SIZE)))
    except (AttachmentError, OSError, ValueError):
        log.warning("no thumbnail for %s", att.sha256[:12], exc_info=True)
        return TileState.BROKEN, None
    return (TileState.IMAGE, image) if not image.isNull() else (TileState.BROKEN, None)


class AttachmentListModel(QAbstractListModel):
    """The tiles in their order; DisplayRole is the caption (or the file name when there is
    none), DecorationRole the drawn tile, ``AttachmentRole`` the Attachment."""

    AttachmentRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2

    captionEdited = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self.read_only = False
        self.icon_size = ICON_SIZE
        self.device_pixel_ratio = 1.0
        self.font = QFont()
        self.folder_hint = ""

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tiles)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.tiles):
            return None
        tile = self.tiles[index.row()]
        att = tile.attachment
        if role == Qt.ItemDataRole.DisplayRole:
            return att.caption or att.original_name
        if role == Qt.ItemDataRole.EditRole:
            return att.caption
        if role == Qt.ItemDataRole.DecorationRole:
            if tile._pixmap is None:
                tile._pixmap = self._draw(tile)
            icon = QIcon(tile._pixmap)
            # The same picture when selected: the style's blue tint would falsify the photo
            # (the caption under it shows the selection).
            icon.addPixmap(tile._pixmap, QIcon.Mode.Selected)
            return icon
        if role == Qt.ItemDataRole.ForegroundRole and not att.caption:
            return QColor("#6b6b6b")  # a file name standing in for a caption
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(tile)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{att.caption or att.original_name} {label(att.kind)}"
        if role == self.AttachmentRole:
            return att
        if role == self.StateRole:
            return tile.state
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if self.read_only or not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value or "").strip()
        tile = self.tiles[index.row()]
        if tile.attachment.caption == text:
            return False
        tile.attachment.caption = text
        self.dataChanged.emit(index, index)
        self.captionEdited.emit(index.row())
        return True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        result = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            result |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return result

    # --- changes -------------------------------------------------------------------------------

    def reset(self, tiles: list[Tile], read_only: bool) -> None:
        self.beginResetModel()
        self.tiles = tiles
        self.read_only = read_only
        self.endResetModel()

    def append(self, tiles: Sequence[Tile]) -> None:
        if not tiles:
            return
        first = len(self.tiles)
        self.beginInsertRows(QModelIndex(), first, first + len(tiles) - 1)
        self.tiles.extend(tiles)
        self.endInsertRows()

    def remove(self, rows: Iterable[int]) -> list[Tile]:
        removed: list[Tile] = []
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            removed.append(self.tiles.pop(row))
            self.endRemoveRows()
        removed.reverse()
        return removed

    def move(self, row: int, to: int) -> bool:
        """Move the tile at ``row`` so that it ends up at position ``to``."""
        count = len(self.tiles)
        if not (0 <= row < count and 0 <= to < count) or row == to:
            return False
        # beginMoveRows wants the destination *before* the move, as an insertion point.
        destination = to + 1 if to > row else to
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self.tiles.insert(to, self.tiles.pop(row))
        self.endMoveRows()
        return True

    def refresh(self, rows: Iterable[int] | None = None) -> None:
        """Redraw tiles after their attachment (cover, kind, caption) or image changed."""
        targets = range(len(self.tiles)) if rows is None else rows
        for row in targets:
            self.tiles[row]._pixmap = None
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def set_images(self, images: dict[str, tuple[str, QImage | None]]) -> None:
        for row, tile in enumerate(self.tiles):
            found = images.get(tile.attachment.sha256)
            if found is not None and tile.state == TileState.LOADING:
                tile.state, tile.thumbnail = found
                self.refresh([row])

    # --- drawing -------------------------------------------------------------------------------

    def _draw(self, tile: Tile) -> QPixmap:
        size = self.icon_size
        dpr = self.device_pixel_ratio
        pixmap = QPixmap(size * dpr)
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            rect = QRect(QPoint(0, 0), size)
            if tile.state == TileState.IMAGE and tile.thumbnail is not None:
                scaled = tile.thumbnail.scaled(
                    size * dpr,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                scaled.setDevicePixelRatio(dpr)
                w, h = round(scaled.width() / dpr), round(scaled.height() / dpr)
                target = QRect((size.width() - w) // 2, (size.height() - h) // 2, w, h)
                painter.drawImage(target, scaled)
                painter.setPen(QPen(QColor("#c8c8c8")))
                painter.drawRect(target.adjusted(0, 0, -1, -1))
            else:
                self._draw_placeholder(painter, rect, tile)
            att = tile.attachment
            if att.is_cover:
                self._badge(painter, rect, self.tr("Cover"), QColor("#B3261E"), top=True)
            if att.kind is not AttachmentKind.PHOTO:
                self._badge(painter, rect, label(att.kind), QColor("#1F4E79"), top=False)
        finally:
            painter.end()
        return pixmap

    def _draw_placeholder(self, painter: QPainter, rect: QRect, tile: Tile) -> None:
        page = rect.adjusted(rect.width() // 5, 4, -rect.width() // 5, -4)
        if tile.state == TileState.FILE:
            painter.setPen(QPen(QColor("#8a8a8a")))
            painter.setBrush(QColor("#fbfbfb"))
            painter.drawRect(page)
            suffix = Path(tile.attachment.original_name).suffix.lstrip(".").upper()
            if not suffix and tile.attachment.media_type == "application/pdf":
                suffix = "PDF"
            text = suffix[:5] or self.tr("File")
            font = QFont(self.font)
            font.setBold(True)
            font.setPointSizeF(max(8.0, self.font.pointSizeF() * 1.6))
            painter.setFont(font)
            painter.setPen(QColor("#B3261E") if suffix == "PDF" else QColor("#333333"))
            painter.drawText(page, int(Qt.AlignmentFlag.AlignCenter), text)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            QColor("#e4e4e4") if tile.state == TileState.LOADING else QColor("#cfcfcf")
        )
        painter.drawRect(rect)
        if tile.state == TileState.LOADING:
            return
        text = (
            self.tr("File missing") if tile.state == TileState.MISSING else self.tr("Cannot show")
        )
        painter.setFont(self.font)
        painter.setPen(QColor("#444444"))
        margin = rect.width() // 10
        painter.drawText(
            rect.adjusted(margin, margin, -margin, -margin),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            text,
        )

    def _badge(self, painter: QPainter, rect: QRect, text: str, colour: QColor, top: bool) -> None:
        font = QFont(self.font)
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        pad = max(2, metrics.height() // 6)
        width = min(rect.width() - 8, metrics.horizontalAdvance(text) + 4 * pad)
        height = metrics.height() + pad
        y = rect.top() + 4 if top else rect.bottom() - height - 4
        box = QRect(rect.left() + 4, y, width, height)
        path = QPainterPath()
        path.addRoundedRect(box, 3, 3)
        painter.fillPath(path, colour)
        painter.setPen(QColor("white"))
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 2 * pad)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), shown)

    def _tooltip(self, tile: Tile) -> str:
        att = tile.attachment
        lines = [att.caption] if att.caption else []
        lines.append(att.original_name)
        details = [label(att.kind)]
        if att.is_cover:
            details.append(self.tr("cover"))
        if att.taken_at is not None:
            details.append(
                self.tr("taken {when}").format(when=att.taken_at.strftime("%Y-%m-%d %H:%M"))
            )
        details.append(file_size_text(att.size))
        lines.append(" · ".join(details))
        if tile.state == TileState.MISSING:
            hint = self.tr("The stored file is missing.")
            if self.folder_hint:
                hint = self.tr(
                    "The stored file is missing: keep the folder “{folder}” beside the database file."
                ).format(folder=self.folder_hint)
            lines.append(hint)
        if att.id is None:
            lines.append(self.tr("New: joins the record when it is saved."))
        return "\n".join(lines)


def file_size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


class AttachmentGrid(QListView):
    """The grid: tiles are dragged to a new place; files dragged in from the file manager are
    handed to the panel."""

    filesDropped = Signal(list)
    rowDropped = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)  # moves go through the model, not positions
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(ICON_SIZE)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self._update_grid()

    def _update_grid(self) -> None:
        lines = 2  # two lines of caption under each tile
        spacing = self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(ICON_SIZE.width() + 20, ICON_SIZE.height() + lines * spacing + 16))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._update_grid()

    # --- dragging tiles ----------------------------------------------------------------------

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        if self.read_only:
            return
        index = self.currentIndex()
        if not index.isValid():
            return
        mime = QMimeData()
        mime.setData(ROWS_MIME, QByteArray(str(index.row()).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon) and not icon.isNull():
            small = icon.pixmap(ICON_SIZE / 2)
            drag.setPixmap(small)
            drag.setHotSpot(QPoint(small.width() // 2, small.height() // 2))
        # A copy for Qt: only the model moves the tile, nothing is removed after the drag.
        drag.exec(Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    def drop_row(self, pos: QPoint) -> int:
        """The position a tile dropped at ``pos`` would take (between tiles, by halves)."""
        index = self.indexAt(pos)
        count = self.model().rowCount() if self.model() is not None else 0
        if not index.isValid():
            return count
        rect = self.visualRect(index)
        return index.row() if pos.x() < rect.center().x() else index.row() + 1

    def _accepts(self, mime: QMimeData | None) -> bool:
        if self.read_only or mime is None:
            return False
        return mime.hasFormat(ROWS_MIME) or bool(dropped_paths(mime))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            # Always a copy: a "move" accepted here would let the file manager delete the files.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not self._accepts(mime):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if mime.hasFormat(ROWS_MIME):
            try:
                row = int(bytes(mime.data(ROWS_MIME).data()).decode())
            except ValueError:
                return
            to = self.drop_row(event.position().toPoint())
            if to > row:
                to -= 1
            self.rowDropped.emit(row, to)
        else:
            self.filesDropped.emit(dropped_paths(mime))


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
                state, image = _tile_image(services, att)
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
