"""Render the app icon's PNG sizes and the Windows .ico from resources/icons/app.svg.

Run after changing app.svg (from the project folder):

    .venv/bin/python scripts/make_icons.py
    .venv/bin/python scripts/make_icons.py --sheet /tmp/icons_sheet.png   # also a contact sheet

Each PNG is rendered straight from the SVG at its own size with QSvgRenderer (not scaled down
from a big bitmap), and app.ico holds every one of those renders, so Windows picks a sharp
image for the taskbar, the title bar and Explorer alike.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The sizes put in app.ico; Windows uses 16/24/32/48/256, and 64/128 cost little.
ICO_SIZES = APP_SIZES


def _gui() -> object:
    """A QGuiApplication (offscreen unless a platform is set) so QPainter may draw."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent size×size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def make_app_icons() -> list[Path]:
    from PIL import Image

    written = []
    for size in APP_SIZES:
        target = ICONS / f"app-{size}.png"
        if not render(ICONS / "app.svg", size).save(str(target)):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    images = [Image.open(ICONS / f"app-{size}.png").convert("RGBA") for size in ICO_SIZES]
    largest = images[-1]
    ico = ICONS / "app.ico"
    # Pillow writes one entry per size; append_images supplies our own render for each, so no
    # entry is a downscaled copy of the 256 px image.
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[:-1],
    )
    written.append(ico)
    return written


def make_sheet(target: Path) -> None:
    """Every icon at 24 and 48 px, and the app icon at 16, 32 and 256 px, on a light page."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    names = sorted(p.stem for p in ICONS.glob("*.svg") if p.stem != "app")
    cell, label_h, margin = 96, 18, 16
    cols = 6
    rows = (len(names) + cols - 1) // cols
    width = margin * 2 + cols * cell
    grid_h = rows * (cell + label_h)
    height = margin * 3 + grid_h + 256 + label_h
    sheet = QImage(width, height, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#F7F7F5"))
    p = QPainter(sheet)
    p.setPen(QColor("#555555"))
    for i, name in enumerate(names):
        x = margin + (i % cols) * cell
        y = margin + (i // cols) * (cell + label_h)
        p.drawImage(x + 4, y + 12 + 12, render(ICONS / f"{name}.svg", 24))
        p.drawImage(x + 36, y + 12, render(ICONS / f"{name}.svg", 48))
        p.drawText(QRect(x, y + cell - 14, cell, label_h), Qt.AlignmentFlag.AlignCenter, name)
    y = margin * 2 + grid_h
    x = margin
    for size in (16, 32, 256):
        p.drawImage(x, y + 256 - size, render(ICONS / "app.svg", size))
        x += size + 24
    # The app icon on a dark taskbar too.
    p.fillRect(QRect(x, y, 120, 256), QColor("#202124"))
    for j, size in enumerate((16, 24, 32, 48)):
        p.drawImage(x + 12, y + 12 + j * 60, render(ICONS / "app.svg", size))
    p.end()
    if not sheet.save(str(target)):
        raise SystemExit(f"could not write {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheet", type=Path, help="also write a contact sheet PNG here")
    args = parser.parse_args()
    app = _gui()  # noqa: F841 - kept alive while painting
    for path in make_app_icons():
        print(path.relative_to(ROOT))
    if args.sheet:
        make_sheet(args.sheet)
        print(args.sheet)


if __name__ == "__main__":
    main()
