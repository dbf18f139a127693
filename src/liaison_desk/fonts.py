"""Chinese fonts: the system's where it has good ones, the bundled Noto SC faces everywhere else.

The app ships subsets of Noto Sans SC and Noto Serif SC (Regular and Bold, OFL, TrueType outlines)
and of LXGW WenKai, renamed Liaison Kai, as the 楷体 stand-in (see resources/fonts/README.md), so
that Chinese shows in the window and prints into PDFs on a machine with no Chinese font at all. Where the system has a Chinese UI face (Microsoft YaHei on
Windows, the desktop's font on a Chinese Linux desktop) the window uses it; printed documents use
the official GB/T 9704 faces where installed (formats.md) and the bundled faces otherwise.

QtGui only (no widgets), so ``documents`` can use it for PDFs. Every function here needs a
QGuiApplication (or QApplication), as QFontDatabase does.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

log = logging.getLogger(__name__)

BUNDLED_SANS = "Noto Sans SC"
BUNDLED_SERIF = "Noto Serif SC"
# LXGW WenKai subset; its licence reserves "LXGW" and "霞鹜" for the unmodified font, hence the name.
BUNDLED_KAI = "Liaison Kai"

FONT_SUFFIXES = (".ttf", ".otf")

# Chinese UI faces worth using when the platform's own default cannot show Chinese, best first.
# Windows: 微软雅黑 (its "UI" variant has tighter line spacing for menus and dialogs). macOS:
# 苹方. Linux: 统信UOS and 银河麒麟 set Noto Sans CJK SC as the desktop font; Debian and Ubuntu's
# Chinese desktops bring Noto Sans CJK SC or 文泉驿; Source Han Sans is the same design under
# Adobe's name. Bitmap faces such as Unifont are left out on purpose: they look poor at UI sizes.
WINDOWS_UI_FACES = ("Microsoft YaHei UI", "Microsoft YaHei")
MACOS_UI_FACES = ("PingFang SC", "Hiragino Sans GB")
LINUX_UI_FACES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "HarmonyOS Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)

_registered: dict[Path, int] = {}


def bundled_font_files() -> list[Path]:
    """The font files shipped in ``liaison_desk.resources/fonts``, sorted by name."""
    folder = resources.files("liaison_desk.resources") / "fonts"
    return sorted(
        Path(str(entry))
        for entry in folder.iterdir()
        if entry.is_file() and entry.name.lower().endswith(FONT_SUFFIXES)
    )


def _require_gui_application() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("fonts need a QGuiApplication (or QApplication) first")


# The file names of the bundled sans faces: the only ones the window may need (as the
# substitute of its UI face). The serif and Kai faces (two thirds of the 16 MB) are registered
# when a document is first laid out, not at start-up.
_SANS_FILES = "NotoSansSC-"


def register_bundled_fonts(*, sans_only: bool = False) -> list[str]:
    """Adds the bundled fonts (``sans_only``: only Noto Sans SC) to the application's font
    database; returns their families (sorted, without repeats). Calling it again registers
    nothing twice."""
    _require_gui_application()
    families: set[str] = set()
    for path in bundled_font_files():
        if sans_only and not path.name.startswith(_SANS_FILES):
            continue
        font_id = _registered.get(path)
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id is not None else []
        if not loaded:
            font_id = QFontDatabase.addApplicationFont(str(path))
            loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not loaded:
                log.error("could not load the bundled font %s", path)
                continue
            _registered[path] = font_id
            log.debug("registered bundled font %s: %s", path.name, ", ".join(loaded))
        families.update(loaded)
    return sorted(families)


def _installed(family: str) -> bool:
    """Whether the font database knows the family, by its own or a localized name ("宋体" and
    "SimSun" alike). On Linux, Qt also answers yes for a name that a fontconfig alias rule of
    the distribution maps to an installed face (say SimSun to another Song face): the face every
    other program there would print with, so it is taken too."""
    return bool(family) and QFontDatabase.hasFamily(family)


def supports_simplified_chinese(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def _platform_ui_faces() -> tuple[str, ...]:
    if sys.platform == "win32":
        return WINDOWS_UI_FACES
    if sys.platform == "darwin":
        return MACOS_UI_FACES
    return LINUX_UI_FACES


def _system_ui_family() -> str:
    """The family the platform's default UI font really resolves to ("Sans Serif" on Linux is a
    fontconfig alias: QFontInfo gives the face behind it)."""
    return QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)).family()


def ui_font_family() -> str:
    """The face for the window: on Windows 微软雅黑; elsewhere the desktop's own font when it
    has Simplified Chinese, else a common Chinese UI face that is installed, else the bundled
    Noto Sans SC."""
    _require_gui_application()
    candidates = list(_platform_ui_faces())
    if sys.platform != "win32":
        candidates.insert(0, _system_ui_family())
    for family in candidates:
        if _installed(family) and supports_simplified_chinese(family):
            return family
    register_bundled_fonts(sans_only=True)
    return BUNDLED_SANS


def apply_ui_font(app: QGuiApplication) -> str:
    """Registers the bundled fonts and makes ``ui_font_family()`` the application's font at the
    platform's default size. The bundled Noto Sans SC becomes its substitute, so a character that
    the system face lacks still shows. Returns the family. (The bundled serif and Kai faces are
    registered by the documents that print with them.)"""
    register_bundled_fonts(sans_only=True)
    family = ui_font_family()
    font = QFont(family)
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    if size > 0:
        font.setPointSizeF(size)
    if family != BUNDLED_SANS and BUNDLED_SANS not in QFont.substitutes(family):
        QFont.insertSubstitution(family, BUNDLED_SANS)
    app.setFont(font)
    log.info("UI font: %s %.1f pt", family, font.pointSizeF())
    return family


def document_font(preferred: Sequence[str], fallback: str) -> str:
    """The first installed family of ``preferred`` (e.g. ["方正小标宋简体",
    "FZXiaoBiaoSong-B05S"]), else ``fallback`` (a bundled family)."""
    _require_gui_application()
    for family in preferred:
        if _installed(family):
            return family
    return fallback


@dataclass(frozen=True)
class DocumentFace:
    """The faces GB/T 9704 asks for in one role (formats.md), under the names Windows and Linux
    list them by, and the bundled face to print with where none is installed. ``fallback_bold``:
    the official face is heavy by design (小标宋), so the bundled stand-in is set in bold."""

    preferred: tuple[str, ...]
    fallback: str
    fallback_bold: bool = False

    def family(self) -> str:
        return document_font(self.preferred, self.fallback)


DOCUMENT_FACES: dict[str, DocumentFace] = {
    # 标题：2号方正小标宋简体
    "title": DocumentFace(
        ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
        BUNDLED_SERIF,
        fallback_bold=True,
    ),
    # 正文：3号仿宋_GB2312（新系统上是仿宋）；"1." 级标题用仿宋加粗
    "body": DocumentFace(("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"), BUNDLED_SERIF),
    # 一级标题 "一、"：黑体
    "heading1": DocumentFace(("黑体", "SimHei"), BUNDLED_SANS),
    # 二级标题 "（一）"：楷体_GB2312（新系统上是楷体）
    "heading2": DocumentFace(("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"), BUNDLED_KAI),
    # 页码 "— 1 —"：4号宋体
    "page_number": DocumentFace(("宋体", "SimSun"), BUNDLED_SERIF),
}
