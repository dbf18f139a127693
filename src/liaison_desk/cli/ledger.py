"""liaison-desk ledger export / import: the 台账 workbook (formats.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from liaison_desk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    Progress,
    UserError,
    open_services,
    url_of,
)
from liaison_desk.storage.errors import os_error_text
from liaison_desk.storage.location import sqlite_path


def cmd_ledger(args: argparse.Namespace) -> int:
    from liaison_desk.documents.ledger import MASKED_NOTE_MARK
    from liaison_desk.domain.enums import ConsultationKind
    from liaison_desk.domain.queries import ConsultationFilter, PageRequest
    from liaison_desk.services.ledger import masked_note, parse_heading_map, report_lines

    url = url_of(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定数据库。")
    kind = ConsultationKind(args.kind) if args.kind else None
    if args.ledger_command == "export":
        out: Path = args.out
        if out.is_dir():
            raise UserError(f"「{out}」是一个文件夹。请在 --out 后写台账文件的完整文件名。")
        if out.suffix.lower() != ".xlsx":
            raise UserError(f"台账文件「{out}」应以 .xlsx 结尾。")
        if not out.parent.is_dir():
            raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
        if out.exists() and not args.overwrite:
            raise UserError(
                f"文件「{out}」已经存在，不会覆盖。请换一个文件名，或加 --overwrite 替换它。"
            )
        with open_services(url, create=False) as services:
            group_id = None
            if args.group:
                group = services.ledger.group_named(args.group)
                if group is None:
                    names = "、".join(g.name for g in services.groups.all()) or "（还没有联络组）"
                    raise UserError(f"没有联络组「{args.group}」。已有的联络组：{names}")
                group_id = group.id
            f = ConsultationFilter(year=args.year, kind=kind, group_id=group_id)
            if services.consultations.search(f, PageRequest(limit=1)).total == 0:
                raise UserError(
                    f"没有符合条件的协商活动（{services.ledger.title(f)}），没有写入文件。"
                    "请检查 --year、--kind 和 --group。"
                )
            progress = Progress("正在导出台账")
            try:
                result = services.ledger.export(f, out, progress, masked=not args.no_mask)
            except OSError as exc:
                raise UserError(
                    f"无法写入「{out}」：{os_error_text(exc)}。请换一个有写入权限的文件夹，"
                    "或先关闭正在打开这个文件的 Excel 或 WPS。"
                ) from exc
            progress.finish()
            note = masked_note(services.ledger.masking_rules()) if result.masked else ""
        print(f"已导出 {result.consultations} 场协商活动、{result.items} 条意见建议：{out}")
        if note:
            print(note.removeprefix(MASKED_NOTE_MARK) + "（命令行：加 --no-mask 导出工作底稿。）")
        else:
            print(
                "注意：这是没有隐藏个人信息的工作底稿，可以修改后导入回来；只用于内部，请勿外发。"
            )
        return EXIT_OK
    with open_services(url, create=False) as services:
        group_id = None
        if args.group:
            group = services.ledger.group_named(args.group)
            if group is None:
                names = "、".join(g.name for g in services.groups.all()) or "（还没有联络组）"
                raise UserError(
                    f"没有联络组「{args.group}」。请在 --group 后写已有的联络组：{names}；"
                    "或先在“设置”中添加这个联络组。"
                )
            group_id = group.id
        plan = services.ledger.plan_import(
            args.file,
            heading_map=parse_heading_map(args.map),
            default_kind=kind,
            default_group_id=group_id,
        )
        if plan.ok and plan.has_changes and not args.dry_run:
            services.ledger.apply_import(plan)
    for line in report_lines(plan, every_row=args.all):
        print(line)
    if not plan.ok:
        return EXIT_PROBLEM
    if args.dry_run and plan.has_changes:
        print("（这是试运行：没有写入任何内容。去掉 --dry-run 再运行一次即可导入。）")
    return EXIT_OK
