"""liaison-desk print / case-doc: printed sheets and case documents as PDF or Word files."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from liaison_desk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    UserError,
    err,
    open_services,
    url_of,
)
from liaison_desk.storage.errors import os_error_text
from liaison_desk.storage.location import sqlite_path


def cmd_print(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():
        raise UserError(
            f"「{out}」是一个文件夹。请在 --out 后写 PDF 文件的完整文件名，如 {out / '签到表.pdf'}"
        )
    if out.suffix.lower() != ".pdf":
        raise UserError(f"PDF 文件「{out}」应以 .pdf 结尾。")
    if not out.parent.is_dir():
        raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
    if args.blank_rows < 0 or args.blank_rows > 200:
        raise UserError("空行数应在 0 到 200 之间。")
    numbers = list(dict.fromkeys(n.strip() for n in args.number if n.strip()))
    if not numbers:
        raise UserError("请用 --number 写出要打印的协商活动编号，如 织里-2024-议-012。")
    url = url_of(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定要打印的数据库。")
    if sys.platform.startswith("linux"):
        # Printing to a file needs no screen: works the same over SSH and in scheduled tasks.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from liaison_desk.documents.sheet_data import SheetKind, SheetOptions

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    options = SheetOptions(mask=not args.no_mask, blank_rows=args.blank_rows)
    with open_services(url, create=False) as services:
        job = services.printouts.job_by_numbers(SheetKind(args.sheet), numbers, options)
    try:
        job.write_pdf(out)
    except OSError as exc:
        raise UserError(
            f"无法写入「{out}」：{os_error_text(exc)}。请换一个有写入权限的文件夹，"
            "或先关闭正在打开这个文件的程序。"
        ) from exc
    print(out)
    return EXIT_OK


def _output_file(path: Path, suffix: str, kind: str) -> Path:
    """Check an output file's name and folder before any work is done."""
    if path.is_dir():
        raise UserError(
            f"「{path}」是一个文件夹。请写出{kind}的完整文件名，如 {path / ('案例' + suffix)}"
        )
    if path.suffix.lower() != suffix:
        raise UserError(f"{kind}「{path}」应以 {suffix} 结尾。")
    if not path.parent.is_dir():
        raise UserError(f"文件夹「{path.parent}」不存在，请先建好文件夹或换一个路径。")
    return path


def cmd_case_doc(args: argparse.Namespace) -> int:
    if args.docx is None and args.pdf is None:
        err("参数错误：请用 --docx 或 --pdf 写出要生成的文件（两个都写时都生成）。")
        err("运行 liaison-desk case-doc --help 查看用法。")
        return EXIT_USAGE
    docx = _output_file(args.docx, ".docx", "Word 文件") if args.docx is not None else None
    pdf = _output_file(args.pdf, ".pdf", "PDF 文件") if args.pdf is not None else None
    url = url_of(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定案例所在的数据库。")
    if pdf is not None:
        if sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
        from PySide6.QtGui import QGuiApplication

        _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    masked = not args.no_mask
    with open_services(url, create=False) as services:
        case = services.case_documents.find(args.case)
        assert case.id is not None
        for out, write in (
            (docx, services.case_documents.write_docx),
            (pdf, services.case_documents.write_pdf),
        ):
            if out is None:
                continue
            try:
                write(case.id, out, masked)
            except OSError as exc:
                raise UserError(
                    f"无法写入「{out}」：{os_error_text(exc)}。请换一个有写入权限的文件夹，"
                    "或先关闭正在打开这个文件的程序（如 Word、WPS）。"
                ) from exc
            print(out)
    return EXIT_OK
