"""liaison-desk demo: a sample database, built beside the target and moved into place whole."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path
from typing import Any

from liaison_desk.cli.common import (
    EXIT_OK,
    Progress,
    UserError,
    open_services,
    url_of,
)
from liaison_desk.services import Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.errors import os_error_text
from liaison_desk.storage.location import database_url, sqlite_path


def cmd_demo(args: argparse.Namespace) -> int:
    from liaison_desk.demo import build_demo, build_group_demo

    group = getattr(args, "group", None)
    if group is not None:
        if args.scale != 1:
            raise UserError("--group 只能生成 2024 年一年的数据，请去掉 --scale。")

        def build_one(services: Services, *, seed: int, scale: int, progress: Progress) -> Any:
            try:
                return build_group_demo(services, group, seed=seed, progress=progress)
            except ValueError as exc:
                raise UserError(str(exc)) from exc

        build_demo = build_one  # type: ignore[assignment]

    url = url_of(args)
    path = sqlite_path(url)
    progress = Progress("正在生成示例数据")
    if path is not None and path.exists() and path.stat().st_size > 0:
        # Only ever into a database that holds nothing: demo data must never mix with real work.
        with open_services(url, create=False) as services:
            _refuse_if_not_empty(services, str(path))
    if path is None:  # a server: nothing to build beside, so build in place
        with open_services(url) as services:
            _refuse_if_not_empty(services, url)
            summary = build_demo(services, seed=args.seed, scale=args.scale, progress=progress)
    else:
        summary = _build_demo_file(path, args, progress, build_demo)
    progress.finish()
    print(f"示例数据已生成：{path or url}")
    print(
        f"联络组 {summary.groups} 个，人员 {summary.people} 人，民生议事堂协商 {summary.hall_sessions} 场，"
        f"微协商 {summary.micro_consultations} 场，意见建议 {summary.outcome_items} 条"
        f"（已解决 {summary.solved} 条），照片 {summary.photos} 张，协商案例 {summary.cases} 篇，"
        f"报送记录 {summary.submissions} 次。"
    )
    return EXIT_OK


def _refuse_if_not_empty(services: Services, where: str) -> None:
    if any(services.statistics.row_counts().values()):
        raise UserError(
            f"数据库「{where}」里已经有数据，示例数据只能生成在新的数据库文件里，以免和真实记录混在一起。"
            "请用 --db 指定一个新的文件名，例如：liaison-desk demo --db 示例数据库.sqlite"
        )


def _build_demo_file(path: Path, args: argparse.Namespace, progress: Progress, build: Any) -> Any:
    """Build beside the target and move into place when complete, so a failure or Ctrl+C never
    leaves a half-built database behind."""
    store_dir = AttachmentStore.beside_database(path).root
    if store_dir.exists() and any(store_dir.iterdir()):
        raise UserError(
            f"附件文件夹「{store_dir}」已经存在且不是空的。请换一个数据库文件名，或先移走该文件夹。"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".demo-", dir=path.parent))
    except OSError as exc:
        raise UserError(
            f"无法在「{path.parent}」中创建文件（{os_error_text(exc)}）。请换一个有写入权限的位置。"
        ) from exc
    try:
        tmp_db = work / path.name
        with open_services(database_url(tmp_db, tmp_db)) as services:
            summary = build(services, seed=args.seed, scale=args.scale, progress=progress)
        tmp_store = AttachmentStore.beside_database(tmp_db).root
        if tmp_store.exists():
            if store_dir.exists():
                store_dir.rmdir()  # empty, checked above
            tmp_store.rename(store_dir)
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        tmp_db.replace(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return summary
