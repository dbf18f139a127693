"""The large photo viewer (打开大图): one photo at a time, upright, fitted to the window.

The stored file is read off the GUI thread with ``QImageReader.setAutoTransform(True)``, so a
phone photo stored sideways with an EXIF orientation shows upright, as in the thumbnails (which
the store turns with Pillow). Zoom in and out, 100 %, fit to window; previous and next through
the record's photos with the arrow keys; the caption under the photo; Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QKeySequence,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from liaison_desk.domain.entities import Attachment
from liaison_desk.domain.enums import AttachmentKind
from liaison_desk.services import Services
from liaison_desk.services.errors import AttachmentError
from liaison_desk.ui.labels import label
from liaison_desk.ui.tasks import TaskControl, run_task

#: Photos whose long side is above this are read scaled down (a 100-megapixel scan would need
#: more memory than Qt allows one image); 6000 px still shows a phone photo at full size.
MAX_VIEW_SIDE = 6000
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


@dataclass
class LoadedImage:
    image: QImage
    error: str = ""  # shown instead of the photo when it cannot be read


def read_upright(services: Services, sha256: str) -> LoadedImage:
    """The stored photo, EXIF rotation applied (call off the GUI thread)."""
    try:
        path = services.attachments.file_path(sha256)
    except AttachmentError as exc:
        return LoadedImage(QImage(), str(exc))
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_VIEW_SIDE:
        reader.setScaledSize(
            size.scaled(MAX_VIEW_SIDE, MAX_VIEW_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    return LoadedImage(image, "" if not image.isNull() else reader.errorString())


class _ImageArea(QScrollArea):
    """Scrolls a photo larger than the window; Ctrl+wheel zooms."""

    def __init__(self, viewer: PhotoViewer) -> None:
        super().__init__(viewer)
        self._viewer = viewer

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self._viewer.zoom_in()
            elif event.angleDelta().y() < 0:
                self._viewer.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)


class PhotoViewer(QDialog):
    """``PhotoViewer(services, photos, index)``: ``photos`` are the record's images in their
    order; the viewer opens on ``photos[index]``."""

    def __init__(
        self,
        services: Services,
        photos: Sequence[Attachment],
        index: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not photos:
            raise ValueError("the viewer needs at least one photo")
        self.services = services
        self.photos = list(photos)
        self.index = max(0, min(index, len(self.photos) - 1))
        self._loaded: LoadedImage | None = None
        self._zoom: float | None = None  # None: fit to the window
        self._generation = 0

        self.setWindowTitle(self.tr("Photo viewer"))
        self.setSizeGripEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setWordWrap(True)
        self.area = _ImageArea(self)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setWidget(self.picture)
        self.area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.area, 1)

        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.caption.setFont(font)
        layout.addWidget(self.caption)

        bar = QHBoxLayout()
        self.position_label = QLabel()
        self.position_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.position_label, 1)
        self.previous_button = self._button(bar, self.tr("Previous"), self.tr("Previous photo (←)"))
        self.next_button = self._button(bar, self.tr("Next"), self.tr("Next photo (→)"))
        bar.addSpacing(12)
        self.zoom_out_button = self._button(bar, self.tr("Zoom out"), self.tr("Zoom out (−)"))
        self.zoom_in_button = self._button(bar, self.tr("Zoom in"), self.tr("Zoom in (+)"))
        self.actual_button = self._button(bar, self.tr("100%"), self.tr("Actual size (1)"))
        self.fit_button = self._button(bar, self.tr("Fit to window"), self.tr("Fit to window (0)"))
        bar.addSpacing(12)
        self.close_button = self._button(bar, self.tr("Close"), self.tr("Close (Esc)"))
        layout.addLayout(bar)

        self.previous_button.clicked.connect(self.show_previous)
        self.next_button.clicked.connect(self.show_next)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.actual_button.clicked.connect(self.actual_size)
        self.fit_button.clicked.connect(self.fit_to_window)
        self.close_button.clicked.connect(self.reject)

        keys: list[
            tuple[Sequence[QKeySequence | Qt.Key | QKeySequence.StandardKey], Callable[[], object]]
        ] = [
            ([Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up], self.show_previous),
            (
                [Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_Space],
                self.show_next,
            ),
            ([Qt.Key.Key_Home], lambda: self.show_index(0)),
            ([Qt.Key.Key_End], lambda: self.show_index(len(self.photos) - 1)),
            ([QKeySequence.StandardKey.ZoomIn, Qt.Key.Key_Plus, Qt.Key.Key_Equal], self.zoom_in),
            ([QKeySequence.StandardKey.ZoomOut, Qt.Key.Key_Minus], self.zoom_out),
            ([Qt.Key.Key_1], self.actual_size),
            ([Qt.Key.Key_0, Qt.Key.Key_F], self.fit_to_window),
        ]
        for sequences, slot in keys:
            for seq in sequences:
                shortcut = QShortcut(QKeySequence(seq), self)
                shortcut.activated.connect(slot)

        self.area.viewport().installEventFilter(self)
        self._fit_initial_size(parent)
        self.show_index(self.index)

    def _button(self, bar: QHBoxLayout, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bar.addWidget(button)
        return button

    def _fit_initial_size(self, parent: QWidget | None) -> None:
        screen = (parent.screen() if parent is not None else None) or self.screen()
        if screen is not None:
            available = screen.availableGeometry().size()
            self.resize(QSize(available.width() * 4 // 5, available.height() * 4 // 5))

    # --- what is shown ---------------------------------------------------------------------

    @property
    def current(self) -> Attachment:
        return self.photos[self.index]

    def image(self) -> QImage:
        """The photo as read (upright), or a null image while loading or when unreadable."""
        return self._loaded.image if self._loaded is not None else QImage()

    @property
    def zoom(self) -> float:
        """The scale the photo is shown at (1.0 = 100 %)."""
        if self._zoom is not None:
            return self._zoom
        return self._fit_zoom()

    def show_previous(self) -> None:
        self.show_index(self.index - 1)

    def show_next(self) -> None:
        self.show_index(self.index + 1)

    def show_index(self, index: int) -> None:
        if not 0 <= index < len(self.photos):
            return
        self.index = index
        self._zoom = None
        self._loaded = None
        self._generation += 1
        generation = self._generation
        att = self.current
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self.tr("Loading…"))
        self.caption.setText(att.caption or att.original_name)
        details = [
            self.tr("{index} of {count}").format(index=index + 1, count=len(self.photos)),
            att.original_name,
        ]
        if att.kind is not AttachmentKind.PHOTO:
            details.append(label(att.kind))
        if att.taken_at is not None:
            details.append(
                self.tr("taken {when}").format(when=att.taken_at.strftime("%Y-%m-%d %H:%M"))
            )
        self.position_label.setText(" · ".join(details))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.photos) - 1)
        sha = att.sha256
        services = self.services

        def work(_control: TaskControl) -> LoadedImage:
            return read_upright(services, sha)

        def done(result: LoadedImage) -> None:
            if generation == self._generation:
                self._show_loaded(result)

        run_task(self, work, done)

    def _show_loaded(self, loaded: LoadedImage) -> None:
        self._loaded = loaded
        if loaded.image.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(
                self.tr("This photo cannot be shown: {reason}").format(reason=loaded.error)
            )
            self.picture.resize(self.area.viewport().size())
        self._render()

    def _fit_zoom(self) -> float:
        image = self.image()
        if image.isNull():
            return 1.0
        room = self.area.viewport().size()
        scale = min(room.width() / image.width(), room.height() / image.height())
        return max(MIN_ZOOM, min(1.0, scale))  # fitting never enlarges a small photo

    def _render(self) -> None:
        image = self.image()
        if image.isNull():
            return
        zoom = self.zoom
        size = QSize(max(1, round(image.width() * zoom)), max(1, round(image.height() * zoom)))
        dpr = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(
            image.scaled(
                size * dpr,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        pixmap.setDevicePixelRatio(dpr)
        self.picture.setText("")
        self.picture.setPixmap(pixmap)
        self.picture.resize(size)

    # --- zoom ------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self._set_zoom(1.0)

    def fit_to_window(self) -> None:
        self._zoom = None
        self._render()

    def _set_zoom(self, zoom: float) -> None:
        if self.image().isNull():
            return
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None:
            self._render()
        elif self.image().isNull():
            self.picture.resize(self.area.viewport().size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The text shown while loading (or instead of a broken photo) fills the visible area.
        if event.type() == QEvent.Type.Resize and self.image().isNull():
            self.picture.resize(self.area.viewport().size())
        return super().eventFilter(watched, event)
