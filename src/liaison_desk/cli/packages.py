"""liaison-desk export-cases / verify: submission packages of consultation cases."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from liaison_desk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    Progress,
    UserError,
    err,
    open_services,
    url_of,
)
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.storage.errors import StorageError
from liaison_desk.storage.location import sqlite_path

log = logging.getLogger(__name__)


def _cases_to_export(services: Services, args: argparse.Namespace) -> list[int]:
    """The ids of the cases named by --case (every unknown one named), or of --year/--status."""
    from liaison_desk.domain.enums import CaseStatus
    from liaison_desk.domain.queries import CaseFilter

    if args.case:
        ids: list[int] = []
        unknown: list[str] = []
        for key in args.case:
            try:
                case = services.case_documents.find(key)
            except ValidationError as exc:
                unknown.append(str(exc))
                continue
            if case.id is not None and case.id not in ids:
                ids.append(case.id)
        if unknown:
            raise UserError("\n".join(unknown))
        return ids
    if args.status:
        try:
            status = CaseStatus.from_label(args.status)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        statuses = {status}
    else:
        statuses = {CaseStatus.FINAL, CaseStatus.SUBMITTED, CaseStatus.SELECTED}
    cases = services.cases.in_statuses(statuses, CaseFilter(year=args.year))
    cases.sort(key=lambda c: (c.archive_number or "~", c.id or 0))
    if not cases:
        shown = "、".join(s.label for s in sorted(statuses))
        raise UserError(f"{args.year} 年度没有状态为“{shown}”的协商案例可以报送。")
    return [c.id for c in cases if c.id is not None]


def cmd_export_cases(args: argparse.Namespace) -> int:
    from liaison_desk.progress import Cancelled

    out: Path = args.out
    if args.status and args.year is None:
        raise UserError("--status 要和 --year 一起用，如 --year 2024 --status 定稿。")
    if out.suffix.lower() == ".zip" and not out.is_dir():
        if not out.parent.is_dir():
            raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
        if out.exists():
            raise UserError(
                f"文件「{out}」已经存在，不会覆盖。请换一个文件名，或先移走原来的文件。"
            )
    elif not out.is_dir():
        raise UserError(
            f"「{out}」不是已有的文件夹，也不是以 .zip 结尾的文件名。"
            "请在 --out 后写一个已有的文件夹，或报送包的完整文件名（如 报送包.zip）。"
        )
    url = url_of(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定案例所在的数据库。")
    if sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # PDFs need no screen
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    masked = not args.no_mask
    with open_services(url, create=False) as services:
        ids = _cases_to_export(services, args)
        preview = services.packages.masking_preview(ids, masked=masked)
        progress = Progress("正在生成报送包")
        try:
            result = services.packages.export(
                ids,
                args.target,
                out,
                masked=masked,
                sender=args.sender,
                progress=progress,
            )
        except Cancelled:
            progress.finish()
            err("已取消，没有留下任何文件。")
            return EXIT_PROBLEM
        progress.finish()
    print(f"报送包已生成：{result.path}")
    print(
        f"协商案例 {len(result.cases)} 篇："
        + "；".join(f"《{c.title}》（{c.status.label}）" for c in result.cases)
    )
    print(
        f"文件 {result.files} 个，大小 {result.size / 1024 / 1024:.1f} MB，"
        f"用时 {result.seconds:.1f} 秒。SHA-256：{result.sha256}"
    )
    sub = result.submission
    print(f"已记入报送记录：{sub.submitted_on:%Y年%m月%d日} 报送“{sub.target}”。")
    if masked:
        print(f"个人信息：已隐藏 {len(preview.hidden)} 项（群众姓名、电话号码、身份证号）。")
    else:
        print("注意：没有隐藏个人信息，这个报送包只能用于内部存档，请勿外发。")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from liaison_desk.documents.package_check import verify_package

    source: Path = args.file
    url = url_of(args)
    path = sqlite_path(url)
    text = ""
    if path is None or path.exists():
        # The database tells which submission the package was (when this office sent it); a
        # database that cannot be opened only loses that line.
        try:
            with open_services(url, create=False) as services:
                check = services.packages.verify(source)
            text, ok = check.render(), check.ok
        except StorageError:
            log.warning("verify: database %s not available for the ledger match", url)
    if not text:
        report = verify_package(source)
        text, ok = report.render(), report.ok
    print(text)
    return EXIT_OK if ok else EXIT_PROBLEM
