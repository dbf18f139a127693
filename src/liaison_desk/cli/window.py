"""liaison-desk gui / screenshot: the main window, and a picture of one of its pages or forms."""

from __future__ import annotations

import argparse
from pathlib import Path

from liaison_desk.cli.common import (
    EXIT_OK,
    UserError,
    url_of,
)
from liaison_desk.storage.errors import os_error_text
from liaison_desk.storage.location import sqlite_path


def cmd_gui(args: argparse.Namespace) -> int:
    from liaison_desk.app import run_gui  # Qt is loaded only for the window

    return run_gui(url_of(args))


def cmd_screenshot(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSize

    from liaison_desk.app import take_screenshot

    out: Path = args.out
    if out.suffix.lower() != ".png":
        raise UserError(f"图片文件「{out}」应以 .png 结尾。")
    if not out.parent.is_dir():
        raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
    url = url_of(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。")
    try:
        take_screenshot(
            url, args.page, out, QSize(*args.size), args.lang, record_number=args.record
        )
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    except OSError as exc:
        raise UserError(f"无法写入图片「{out}」：{os_error_text(exc)}。") from exc
    print(out)
    return EXIT_OK
