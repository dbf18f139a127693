"""liaison-desk export-records / import: records packages from a township to the district."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from liaison_desk.cli.common import EXIT_OK, Progress, UserError, open_services, url_of


def cmd_export_records(args: argparse.Namespace) -> int:
    since: date | None = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise UserError(f"「{args.since}」不是日期，请写成 2024-07-01 这样的形式。") from None
    progress = Progress("正在导出报送数据包")
    with open_services(url_of(args), create=False) as services:
        result = services.records.export(
            Path(args.out),
            group=args.group,
            year=args.year,
            since=since,
            photos=not args.no_photos,
            mask=not args.no_mask,
            progress=progress,
        )
    progress.finish()
    c = result.counts
    print(f"报送数据包已导出：{result.written.path}")
    print(
        f"{result.group}：协商活动 {c.get('consultation', 0)} 场，意见建议 {c.get('outcome_item', 0)} 条，"
        f"人员 {c.get('person', 0)} 人，协商案例 {c.get('case', 0)} 篇，报送记录 {c.get('submission', 0)} 次，"
        f"照片 {c.get('attachment', 0)} 张。"
    )
    print("手机号、身份证号已隐藏。" if result.masked else "注意：未隐藏个人信息，请勿外发。")
    print(f"SHA-256：{result.written.sha256}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from liaison_desk.services.records import PACKAGE_KINDS

    url = url_of(args)
    if args.undo_last:
        if args.file is not None:
            raise UserError("--undo-last 不需要报送包文件名。")
        with open_services(url, create=False) as services:
            entry = services.records.undo_last()
        print(
            f"已撤销导入：{entry.file_name}（{PACKAGE_KINDS.get(entry.kind, '报送包')}，"
            f"{entry.sender}，{entry.imported_at:%Y-%m-%d %H:%M}）"
        )
        return EXIT_OK
    if args.file is None:
        raise UserError(
            "请写要导入的报送包（报送数据包或协商案例报送包）文件名，例如："
            "liaison-desk import 织里镇联络组-2024-报送数据包.zip"
        )
    progress = Progress("正在校验并导入报送包")
    with open_services(url) as services:
        report = services.records.import_package(
            Path(args.file), dry_run=args.dry_run, theirs=args.theirs, progress=progress
        )
    progress.finish()
    print(report.render())
    return EXIT_OK
