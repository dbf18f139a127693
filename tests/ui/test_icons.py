"""Every icon the UI asks for loads from the package resources and draws something; the app icon
comes with its PNG sizes and the Windows .ico, all in step with app.svg."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from liaison_desk.ui import icons
from liaison_desk.ui.icons import APP_ICON_SIZES, ICON_NAMES, app_icon, icon

ICONS = Path(str(resources.files("liaison_desk.resources") / "icons"))


def visible_pixels(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def test_qt_can_read_svg(qapp: QApplication) -> None:
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    assert "svg" in formats


def test_icon_names_are_unique_and_every_svg_is_named() -> None:
    assert len(set(ICON_NAMES)) == len(ICON_NAMES)
    on_disk = {p.stem for p in ICONS.glob("*.svg")} - {"app"}
    assert on_disk == set(ICON_NAMES)


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_loads_and_draws(qapp: QApplication, name: str) -> None:
    result = icon(name)
    assert not result.isNull()
    pixmap = result.pixmap(32, 32)
    assert (pixmap.width(), pixmap.height()) == (32, 32)
    # A 2 px stroke drawing covers a fair part of the square, not a stray pixel or two.
    assert visible_pixels(pixmap.toImage()) > 32 * 32 // 10


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_svg_follows_the_house_style(name: str) -> None:
    text = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 24 24"' in text
    assert 'stroke-width="2"' in text
    assert 'stroke-linecap="round"' in text
    assert "<text" not in text  # no fonts in icons


def test_icon_is_cached(qapp: QApplication) -> None:
    assert icon("hall").cacheKey() == icon("hall").cacheKey()


def test_unknown_icon_name_is_a_clear_key_error(qapp: QApplication) -> None:
    with pytest.raises(KeyError, match=r"no icon named 'halls'.*dashboard"):
        icon("halls")
    with pytest.raises(KeyError):
        icon("app")  # the app icon has its own function


def test_missing_file_is_reported() -> None:
    with pytest.raises(FileNotFoundError, match=r"icons/nothing\.svg"):
        icons._icon_file("nothing.svg")


def test_app_icon_has_every_size(qapp: QApplication) -> None:
    result = app_icon()
    assert not result.isNull()
    for size in (*APP_ICON_SIZES, 20, 40):  # the PNG sizes, and in between from the SVG
        pixmap = result.pixmap(size, size)
        assert (pixmap.width(), pixmap.height()) == (size, size)
        assert visible_pixels(pixmap.toImage()) > size * size // 2  # a filled rounded square


@pytest.mark.parametrize("size", APP_ICON_SIZES)
def test_app_png_is_a_current_render_of_the_svg(qapp: QApplication, size: int) -> None:
    """Fails when app.svg changed but scripts/make_icons.py was not re-run."""
    png = QImage(str(ICONS / f"app-{size}.png")).convertToFormat(QImage.Format.Format_ARGB32)
    assert (png.width(), png.height()) == (size, size)
    fresh = render(ICONS / "app.svg", size)
    total = 0
    for y in range(size):
        for x in range(size):
            a, b = png.pixelColor(x, y), fresh.pixelColor(x, y)
            total += abs(a.red() - b.red()) + abs(a.green() - b.green())
            total += abs(a.blue() - b.blue()) + abs(a.alpha() - b.alpha())
    assert total / (size * size * 4) < 2  # mean difference per channel, out of 255


def test_windows_ico_holds_every_size() -> None:
    with Image.open(ICONS / "app.ico") as ico:
        assert ico.format == "ICO"
        sizes = ico.info["sizes"]
    assert {(s, s) for s in APP_ICON_SIZES} <= set(sizes)
