"""The grid of the attachment panel: the tiles (thumbnail, caption, marks for the cover, the
signed sheet and reply letters), their model with drag-and-drop reordering, and the list view
that paints them. ``attachment_panel.AttachmentPanel`` holds one and does the storing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QIcon,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QWidget,
)

from liaison_desk.domain.entities import Attachment
from liaison_desk.domain.enums import AttachmentKind
from liaison_desk.services import Services
from liaison_desk.services.errors import AttachmentError
from liaison_desk.ui.labels import label
from liaison_desk.ui.signed_sheets import dropped_paths
from liaison_desk.ui.tasks import TaskControl

log = logging.getLogger(__name__)

#: What a tile being dragged inside the grid carries: its row number.
ROWS_MIME = "application/x-liaison-desk-attachment-row"
ICON_SIZE = QSize(176, 132)
THUMBNAIL_SIZE = 256  # the store's cached size; shared with the other thumbnail users


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
        result[att.sha256] = tile_image(services, att)
    return result


def tile_image(services: Services, att: Attachment) -> tuple[str, QImage | None]:
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
