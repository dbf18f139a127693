"""liaison-desk stats / summary / district-return: the statistics workbook (统计报表), the year's
summary draft and the district's return (联络组工作情况月报/季报)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from liaison_desk.cli.common import EXIT_OK, Progress, UserError, open_services, url_of
from liaison_desk.storage.errors import os_error_text
from liaison_desk.storage.location import sqlite_path

if TYPE_CHECKING:
    from liaison_desk.services import Services


def check_out(out: Path, suffix: str, what: str, option: str, overwrite: bool) -> None:
    if out.is_dir():
        raise UserError(f"「{out}」是一个文件夹。请在 {option} 后写{what}的完整文件名。")
    if out.suffix.lower() != suffix:
        raise UserError(f"{what}「{out}」应以 {suffix} 结尾。")
    if not out.parent.is_dir():
        raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
    if out.exists() and not overwrite:
        raise UserError(
            f"文件「{out}」已经存在，不会覆盖。请换一个文件名，或加 --overwrite 替换它。"
        )


def group_id_named(services: Services, name: str | None) -> int | None:
    if not name:
        return None
    group = services.ledger.group_named(name)
    if group is None or group.id is None:
        names = "、".join(g.name for g in services.groups.all()) or "（还没有联络组）"
        raise UserError(f"没有联络组「{name}」。请在 --group 后写已有的联络组：{names}")
    return group.id


def write_error(out: Path, exc: OSError) -> UserError:
    return UserError(
        f"无法写入「{out}」：{os_error_text(exc)}。请换一个有写入权限的文件夹，"
        "或先关闭正在打开这个文件的 Excel、WPS 或 Word。"
    )


T = TypeVar("T")


def written(out: Path, title: str, write: Callable[[Progress], T]) -> T:
    """Run ``write`` (a service writing ``out``) with a progress line on the terminal; a disk
    error becomes a message saying what to do. Every report command writes through this."""
    progress = Progress(title)
    try:
        result = write(progress)
    except OSError as exc:
        raise write_error(out, exc) from exc
    progress.finish()
    return result


def open_existing(args: argparse.Namespace) -> str:
    url = url_of(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定数据库。")
    return url


def cmd_stats(args: argparse.Namespace) -> int:
    from liaison_desk.domain.periods import ReportPeriod

    period = ReportPeriod(args.year, args.quarter, args.month)
    out: Path = args.out
    check_out(out, ".xlsx", "统计报表文件", "--out", args.overwrite)
    with open_services(open_existing(args), create=False) as services:
        group_id = group_id_named(services, args.group)
        report = written(
            out,
            "正在生成统计报表",
            lambda progress: services.reports.write_workbook(period, group_id, out, progress),
        )
    t = report.total
    print(
        f"已生成{report.title}：民生议事堂协商 {t.hall_sessions} 场，微协商 "
        f"{t.micro_consultations} 次，意见建议 {t.suggestions} 条，已解决 {t.solved} 个。"
        f"\n文件：{out}"
    )
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from liaison_desk.domain.periods import ReportPeriod

    ReportPeriod(args.year)  # checks the year
    out: Path = args.docx
    check_out(out, ".docx", "Word 文件", "--docx", args.overwrite)
    with open_services(open_existing(args), create=False) as services:
        group_id = group_id_named(services, args.group)
        report = written(
            out,
            "正在生成工作综述初稿",
            lambda progress: services.reports.write_summary(args.year, group_id, out, progress),
        )
    print(
        f"已生成{report.scope}{args.year}年工作综述（数据部分初稿）：{out}\n"
        "文中数字均注明了在统计报表中的位置（liaison-desk stats 生成同一年度的统计报表）；"
        "请在 Word 中修改润色。"
    )
    return EXIT_OK


def cmd_district_return(args: argparse.Namespace) -> int:
    """The district's return: every group's figures of the period, with a totals row."""
    from liaison_desk.domain.periods import ReportPeriod

    period = ReportPeriod(args.year, args.quarter, args.month)
    out: Path = args.out
    check_out(out, ".xlsx", "报表文件", "--out", args.overwrite)
    with open_services(open_existing(args), create=False) as services:
        comparison = written(
            out,
            "正在生成报表",
            lambda progress: services.reports.write_district_return(period, out, progress),
        )
    t = comparison.total.statistics
    print(
        f"已生成{comparison.title}：{len(comparison.rows)} 个联络组，民生议事堂协商 "
        f"{t.hall_sessions} 场，微协商 {t.micro_consultations} 次，意见建议 {t.suggestions} 条，"
        f"已解决 {t.solved} 个。\n文件：{out}"
    )
    return EXIT_OK
