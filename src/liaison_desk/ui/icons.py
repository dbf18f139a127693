"""The app's icons: hand-drawn SVGs in ``resources/icons/`` (package ``liaison_desk.resources``).

``icon("hall")`` gives the navigation or toolbar icon of that name, ``app_icon()`` the window and
taskbar icon. Both are scalable (Qt's SVG icon engine draws them sharp at any size and greys them
for the disabled state), so callers only pick a size, e.g. ``button.setIconSize(QSize(20, 20))``.
Call them once a QGuiApplication exists.
"""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

# The left navigation, in its order, then the toolbar and row actions.
NAV_ICON_NAMES: tuple[str, ...] = (
    "dashboard",  # 工作台
    "hall",  # 民生议事堂
    "micro",  # 微协商
    "outcomes",  # 问题跟踪
    "cases",  # 协商案例
    "people",  # 人员名册
    "members",  # 委员履职
    "submissions",  # 报送记录
    "comparison",  # 各组对比
    "recycle_bin",  # 回收站
    "settings",  # 设置
)
ACTION_ICON_NAMES: tuple[str, ...] = (
    "new",  # 新建
    "refresh",  # 刷新
    "search",  # 查找
    "edit",  # 编辑
    "delete",  # 删除
    "restore",  # 恢复（回收站）
    "print",  # 打印
    "export",  # 导出
)
ICON_NAMES: tuple[str, ...] = NAV_ICON_NAMES + ACTION_ICON_NAMES

# The rendered PNGs of the app icon (scripts/make_icons.py), used at exactly these sizes.
APP_ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)

# Files extracted from a zipped install stay on disk until the app exits (Qt reads them lazily);
# from an ordinary install or a source checkout no copy is made.
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def _icon_file(filename: str) -> str:
    """Filesystem path of ``resources/icons/<filename>``."""
    resource = resources.files("liaison_desk.resources") / "icons" / filename
    if not resource.is_file():
        raise FileNotFoundError(
            f"icon file icons/{filename} is missing from the liaison_desk.resources package "
            "(reinstall the app, or run scripts/make_icons.py for the app icon's PNGs)"
        )
    if isinstance(resource, Path):
        return str(resource)
    return str(_extracted.enter_context(resources.as_file(resource)))


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name`` (one of ICON_NAMES); KeyError for any other name."""
    if name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r}; known icons: {', '.join(ICON_NAMES)}")
    result = QIcon(_icon_file(f"{name}.svg"))
    if result.isNull():
        raise RuntimeError(f"icon {name!r} could not be loaded (is Qt's SVG plugin installed?)")
    return result


@cache
def app_icon() -> QIcon:
    """The window/taskbar icon: the SVG for any size, plus its pixel-tuned PNG renders."""
    result = QIcon()
    result.addFile(_icon_file("app.svg"))
    for size in APP_ICON_SIZES:
        result.addFile(_icon_file(f"app-{size}.png"), QSize(size, size))
    return result
