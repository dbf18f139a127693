"""Photo thumbnails for the detail panes and the case editor, read in a worker thread.

A photo whose file is missing becomes a grey tile that says so (and where the files belong),
so a moved database never shows an empty gap where a photo was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from liaison_desk.services import Services


def load_thumbnails(
    services: Services, items: Sequence[tuple[str, str]], size: int = 160
) -> list[tuple[QImage, str]]:
    """Thumbnails (sha256, caption) read in the worker. A photo whose file is missing shows as a
    grey tile saying so; its tooltip (the image's "tooltip" text, which ``DetailPane`` shows)
    says where the files belong."""
    photos: list[tuple[QImage, str]] = []
    for sha256, caption in items:
        image = QImage()
        try:
            path: Path = services.attachments.thumbnail(sha256, size)
            image.load(str(path))
        except Exception:
            image = QImage()
        if image.isNull():
            image = _missing_tile(services, size, caption)
        photos.append((image, caption))
    return photos


def _missing_tile(services: Services, size: int, caption: str) -> QImage:
    translate = QCoreApplication.translate
    image = QImage(size, size * 3 // 4, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.lightGray)
    painter = QPainter(image)
    try:
        painter.setPen(QColor("#444444"))
        margin = size // 10
        painter.drawText(
            image.rect().adjusted(margin, margin, -margin, -margin),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            translate("DetailPane", "Photo file missing"),
        )
    finally:
        painter.end()
    try:
        folder = services.attachments.store.root.name
    except Exception:
        folder = ""
    if folder:
        hint = translate(
            "DetailPane",
            "Photo file missing: keep the folder “{folder}” beside the database file.",
        ).format(folder=folder)
    else:
        hint = translate("DetailPane", "Photo file missing.")
    image.setText("tooltip", f"{caption}\n{hint}" if caption else hint)
    return image
