"""liaison-desk check / backup / backups / restore: the database's health and its backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from liaison_desk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    Progress,
    UserError,
    err,
    open_database,
    open_services,
    store_for,
    url_of,
)
from liaison_desk.storage.backup import BackupInfo
from liaison_desk.storage.database import Database
from liaison_desk.storage.location import database_url, sqlite_path


def cmd_check(args: argparse.Namespace) -> int:
    from liaison_desk.storage.integrity import check_database

    url = url_of(args)
    db = open_database(url, create=False)
    try:
        if getattr(args, "rebuild_search", False):
            from liaison_desk.storage.search_index import rebuild

            progress = Progress("正在重建搜索索引")
            with db.engine.begin() as conn:
                count = rebuild(conn, progress)
            progress.finish()
            print(f"全文搜索索引已重新建立（{count} 条记录）。")
        report = check_database(db, store_for(url, db))
    finally:
        db.close()
    print(report.render())
    return EXIT_OK if report.healthy else EXIT_PROBLEM


def cmd_backup(args: argparse.Namespace) -> int:
    from liaison_desk.storage.backup import create_backup

    url = url_of(args)
    out: Path = args.out
    if out.exists() and out.is_dir():
        raise UserError(
            f"「{out}」是一个文件夹。请在 --out 后写备份文件的完整文件名，如 {out / '备份.zip'}"
        )
    db = Database.open(url, create=False)
    try:
        progress = Progress("正在备份")
        info = create_backup(db, store_for(url, db), out, progress=progress)
        progress.finish()
    finally:
        db.close()
    print(f"备份完成：{out}（数据库版本 {info.revision}，附件 {info.attachments} 个）")
    return _warn_incomplete(info, "这个备份里缺少")


_COUNT_WORDS = {
    "consultations": "协商活动",
    "outcome_items": "意见建议",
    "cases": "案例",
    "people": "人员",
    "attachments": "附件",
}


def cmd_backups(args: argparse.Namespace) -> int:
    url = url_of(args)
    path = sqlite_path(url)
    if path is None:
        raise UserError(
            "服务器上的数据库没有自动备份，请用数据库自己的备份工具（例如 pg_dump）备份和恢复。"
        )
    if not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定数据库。")
    with open_services(url, create=False) as services:
        entries = services.backups.backups()
        folder = services.backups.folder()
    if not entries:
        print(f"数据库「{path}」还没有备份。自动备份会保存在「{folder}」。")
        return EXIT_OK
    print(f"数据库「{path}」的备份（新的在前，共 {len(entries)} 个）：")
    for e in entries:
        when = e.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        size = f"{e.size / 1024 / 1024:.1f} MB"
        if e.problem:
            contents = f"无法读取：{e.problem}"
        else:
            contents = " · ".join(f"{_COUNT_WORDS.get(k, k)} {n}" for k, n in e.counts.items())
        print(f"{when}  {e.kind.value:<4}  {size:>9}  {contents}")
        print(f"    {e.path}")
    print("恢复其中一个：liaison-desk restore 备份文件（当前数据会先自动备份）。")
    return EXIT_OK


def _warn_incomplete(info: BackupInfo, lead: str) -> int:
    """Photos the database refers to but that could not be included: say so, and exit 1 so a
    scheduled backup does not pass as complete."""
    lost = len(info.missing_attachments) + len(info.damaged_attachments)
    if not lost:
        return EXIT_OK
    err(
        f"注意：{lead} {lost} 个附件文件（缺失 {len(info.missing_attachments)} 个，"
        f"损坏 {len(info.damaged_attachments)} 个），它们在原来的附件文件夹里就已经找不到或已损坏。"
        "运行 liaison-desk check 可以看到是哪些记录的哪些照片；请从旧电脑或以前的备份中找回附件文件夹。"
    )
    return EXIT_PROBLEM


def cmd_restore(args: argparse.Namespace) -> int:
    from liaison_desk.instance_lock import InstanceLock
    from liaison_desk.storage.backup import read_backup
    from liaison_desk.storage.restore import restore_backup

    url = url_of(args)
    path = sqlite_path(url)
    if path is None:
        raise UserError("只能恢复到本机的数据库文件。服务器数据库请用数据库自己的恢复工具。")
    source: Path = args.file
    if source.is_dir():
        raise UserError(f"「{source}」是一个文件夹。请指定备份文件（.zip）本身。")
    if not source.is_file():
        raise UserError(f"找不到备份文件「{source}」。请检查文件名和路径。")
    info = read_backup(source)
    lock = InstanceLock(path)
    holder = lock.acquire()
    if holder is not None:
        where = f"本机的进程 {holder.pid}" if holder.on_this_computer else f"电脑“{holder.host}”"
        raise UserError(
            f"数据库「{path}」正在联络组履职档案台中打开（{where}）。"
            "请先关闭那个窗口，再恢复；数据库没有任何改动。"
        )
    try:
        progress = Progress("正在恢复")
        safety = restore_backup(source, path, progress=progress)
        progress.finish()
    finally:
        lock.release()
    Database.open(database_url(path, path)).close()  # upgrades a backup from an older version
    print(f"已从「{source}」恢复到「{path}」。")
    if safety:
        print(f"恢复前的数据已自动备份到：{safety}")
    return _warn_incomplete(info, "备份时就缺少")
