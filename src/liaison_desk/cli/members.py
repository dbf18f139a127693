"""liaison-desk member-record / ranking: a member's 履职档案 (PDF) and the 履职积分 ranking
(Excel workbook)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from liaison_desk.cli.common import EXIT_OK, UserError, open_services
from liaison_desk.cli.reports import check_out, group_id_named, open_existing, written


def cmd_member_record(args: argparse.Namespace) -> int:
    from liaison_desk.domain.periods import ReportPeriod

    ReportPeriod(args.year)  # checks the year
    out: Path = args.pdf
    check_out(out, ".pdf", "PDF 文件", "--pdf", args.overwrite)
    name = args.person.strip()
    url = open_existing(args)
    if sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no screen
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    with open_services(url, create=False) as services:
        found = services.members.members_named(name)
        if args.group:
            group_id = group_id_named(services, args.group)
            found = [(p, g) for p, g in found if p.group_id == group_id]
        if not found:
            where = f"联络组「{args.group}」的" if args.group else ""
            raise UserError(
                f"人员名册中没有{where}政协委员「{name}」。请核对姓名（只查类别为政协委员的人员），"
                "或在“人员名册”中查找。"
            )
        if len(found) > 1:
            lines = "\n".join(
                f"  {p.name}（{g or '未分组'}{'，' + p.unit if p.unit else ''}）" for p, g in found
            )
            raise UserError(
                f"名册中有 {len(found)} 位政协委员叫「{name}」：\n{lines}\n"
                "请加 --group 联络组名称 指明是哪一位。"
            )
        person, _group = found[0]
        person_id = person.id
        assert person_id is not None
        result = written(
            out,
            "正在生成履职档案",
            lambda progress: services.members.write_record_pdf(person_id, args.year, out, progress),
        )
    record = result.record
    print(
        f"已生成{record.person.name}委员{args.year}年度履职档案：履职积分 {record.points} 分，"
        f"参加协商活动 {len(record.activity.sessions)} 场，提出意见建议 "
        f"{len(record.activity.suggestions)} 条。\n文件：{out}"
    )
    return EXIT_OK


def cmd_ranking(args: argparse.Namespace) -> int:
    from liaison_desk.domain.periods import ReportPeriod

    ReportPeriod(args.year)
    out: Path = args.out
    check_out(out, ".xlsx", "排名表文件", "--out", args.overwrite)
    with open_services(open_existing(args), create=False) as services:
        group_id = group_id_named(services, args.group)
        ranking = written(
            out,
            "正在生成履职积分排名",
            lambda progress: services.members.write_ranking_workbook(
                args.year, group_id, out, progress
            ),
        )
    top = ranking.rows[0] if ranking.rows else None
    lead = (
        f"第一名 {top.record.person.name}（{top.group_name}），{top.record.points} 分。"
        if top is not None
        else ""
    )
    print(
        f"已生成{ranking.group_name or '各联络组'}{args.year}年度政协委员履职积分排名："
        f"委员 {len(ranking.rows)} 人。{lead}\n文件：{out}"
    )
    return EXIT_OK
