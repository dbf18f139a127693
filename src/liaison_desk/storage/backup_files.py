"""The backups of one database file as a list: where they are, what kind each is, when it was
made and how many records it holds; making a named backup into a folder and restoring any of
them. The backup files themselves are written and read by ``storage.backup``.

Names (the kind is part of the name, so the list needs no index file that could get lost):

- ``<database>-<kind>-YYYYMMDD-HHMMSS.zip`` — made by the app (自动, 关闭时, 导入前, 合并前, ...)
  in the backup folder;
- ``恢复前自动备份-YYYYMMDD-HHMMSS.zip`` — the safety copy ``restore_backup`` keeps in the folder
  ``备份`` beside the database;
- ``<database>.升级前备份-<revision>-YYYYMMDD-HHMMSS.sqlite`` — the raw copy ``Database.open``
  makes beside the database before upgrading it;
- any other ``.zip`` in the backup folder — a backup the user made (手动).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from liaison_desk.domain.backup_retention import BackupKind
from liaison_desk.progress import Progress
from liaison_desk.storage.attachments import AttachmentStore, sha256_of
from liaison_desk.storage.backup import (
    SAFETY_BACKUP_FOLDER,
    BackupInfo,
    create_backup,
    read_backup,
    write_backup_file,  # the same writer as create_backup, for a file not opened as a Database
)
from liaison_desk.storage.backup_counts import record_counts
from liaison_desk.storage.database import Database, sqlite_online_backup
from liaison_desk.storage.errors import BackupError, StorageError, os_error_text
from liaison_desk.storage.restore import restore_backup

log = logging.getLogger(__name__)

__all__ = [
    "BackupEntry",
    "DatabaseState",
    "database_state",
    "default_backup_folder",
    "list_backups",
    "make_backup",
    "restore_entry",
    "snapshot_sha256",
]

_STAMP = "%Y%m%d-%H%M%S"
_APP_KINDS = "|".join(
    re.escape(k.value) for k in BackupKind if k not in (BackupKind.BEFORE_UPGRADE,)
)
_APP_NAME = re.compile(
    rf"^(?P<stem>.+)-(?P<kind>{_APP_KINDS})-(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?\.zip$"
)
_SAFETY_NAME = re.compile(r"^恢复前自动备份-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.zip$")
_UPGRADE_NAME = re.compile(r"^(?P<stem>.+)\.升级前备份-(?P<rev>.+)-(?P<stamp>\d{8}-\d{6})\.[^.]+$")


@dataclass(frozen=True)
class BackupEntry:
    """One backup in the list."""

    path: Path
    kind: BackupKind
    created_at: datetime  # aware, for showing in local time
    size: int
    counts: dict[str, int] = field(default_factory=dict, compare=False)
    database_sha256: str | None = None
    #: Why it cannot be restored (damaged, made by a newer release...); None when it looks fine.
    problem: str | None = None

    @property
    def is_raw_copy(self) -> bool:
        """A bare database file (the copy made before an upgrade), not a backup .zip."""
        return self.path.suffix.lower() != ".zip"


def default_backup_folder(db_file: Path) -> Path:
    """Beside the database: where ``restore_backup`` keeps its safety copies too."""
    return Path(db_file).parent / SAFETY_BACKUP_FOLDER


def backup_file_name(db_file: Path, kind: BackupKind, when: datetime) -> str:
    local = when.astimezone() if when.tzinfo is not None else when  # names are in local time
    return f"{Path(db_file).stem}-{kind.value}-{local.strftime(_STAMP)}.zip"


def _local(stamp: str) -> datetime:
    return datetime.strptime(stamp, _STAMP).astimezone()


def _created(info: BackupInfo, fallback: datetime) -> datetime:
    try:
        created = datetime.fromisoformat(info.created_at)
    except ValueError:
        return fallback
    return created if created.tzinfo is not None else created.astimezone()


def _entry(path: Path, kind: BackupKind, stamp: datetime, *, named: bool) -> BackupEntry:
    """``stamp``: the time in the file's name when ``named`` (the app's own clock, which
    scheduling and thinning go by), else the file's modification time (the manifest's time is
    used instead)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if path.suffix.lower() != ".zip":
        return BackupEntry(path, kind, stamp, size, record_counts(path))
    try:
        info = read_backup(path)
    except StorageError as exc:
        return BackupEntry(path, kind, stamp, size, problem=str(exc))
    created = stamp if named else _created(info, stamp)
    return BackupEntry(path, kind, created, size, dict(info.counts), info.database_sha256)


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return []


def list_backups(db_file: Path, folders: Iterable[Path]) -> list[BackupEntry]:
    """Every backup of ``db_file`` in ``folders`` (the chosen backup folder and the default one
    beside the database) and the upgrade copies beside it, newest first. A file that cannot be
    read is listed with its ``problem`` rather than left out."""
    db_file = Path(db_file)
    stem = db_file.stem
    entries: dict[Path, BackupEntry] = {}
    seen_folders: set[Path] = set()
    for folder in folders:
        folder = Path(folder)
        key = folder.resolve() if folder.exists() else folder.absolute()
        if key in seen_folders:
            continue
        seen_folders.add(key)
        for path in _files(folder):
            if path.suffix.lower() != ".zip":
                continue
            named = True
            if match := _APP_NAME.match(path.name):
                if match["stem"] != stem:
                    continue  # another database's backup in a shared folder
                kind = BackupKind(match["kind"])
                stamp = _local(match["stamp"])
            elif match := _SAFETY_NAME.match(path.name):
                kind, stamp = BackupKind.BEFORE_RESTORE, _local(match["stamp"])
            else:
                kind, named = BackupKind.MANUAL, False
                stamp = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            entries[path.resolve()] = _entry(path, kind, stamp, named=named)
    for path in _files(db_file.parent):
        match = _UPGRADE_NAME.match(path.name)
        if match and match["stem"] == stem:
            stamp = _local(match["stamp"])
            entries[path.resolve()] = _entry(path, BackupKind.BEFORE_UPGRADE, stamp, named=True)
    return sorted(entries.values(), key=lambda e: e.created_at, reverse=True)


def unused_name(path: Path) -> Path:
    candidate, n = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _folder_error(folder: Path, exc: OSError) -> BackupError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BackupError(
            f"备份文件夹「{folder}」所在的磁盘已满，这次没有备份；以前的备份都还在。"
            "请清理磁盘空间，或在“设置 → 备份”中换一个文件夹。"
        )
    return BackupError(
        f"无法使用备份文件夹「{folder}」（{os_error_text(exc)}），这次没有备份；以前的备份都还在。"
        "如果它在 U 盘或移动硬盘上，请插好后重试，或在“设置 → 备份”中换一个文件夹。"
    )


def prepare_folder(folder: Path, *, create_parents: bool) -> None:
    """Make sure ``folder`` exists and can be written to. A chosen folder on a USB stick that is
    not plugged in is not created on the computer's own disk (only its last part may be new)."""
    folder = Path(folder)
    if not folder.is_dir():
        if not create_parents and not folder.parent.is_dir():
            raise BackupError(
                f"找不到备份文件夹「{folder}」，这次没有备份；以前的备份都还在。"
                "如果它在 U 盘或移动硬盘上，请插好后重试，或在“设置 → 备份”中换一个文件夹。"
            )
        try:
            folder.mkdir(parents=create_parents, exist_ok=True)
        except OSError as exc:
            raise _folder_error(folder, exc) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _folder_error(folder, PermissionError(errno.EACCES, "permission denied"))


def make_backup(
    db: Database,
    store: AttachmentStore | None,
    folder: Path,
    kind: BackupKind,
    when: datetime,
    *,
    create_parents: bool = True,
    progress: Progress | None = None,
) -> tuple[Path, BackupInfo]:
    """A backup of ``db`` named for ``kind`` and ``when`` in ``folder``; nothing else in the
    folder is touched (a failure leaves the old backups as they were)."""
    db_file = db.file
    if db_file is None:
        raise BackupError("这个数据库不是本机的数据库文件，不能自动备份。")
    existed = Path(folder).is_dir()
    prepare_folder(folder, create_parents=create_parents)
    out = unused_name(Path(folder) / backup_file_name(db_file, kind, when))
    try:
        info = create_backup(db, store, out, progress=progress)
    except BaseException:
        if not existed:  # cancelled or failed: not even the empty folder stays
            with contextlib.suppress(OSError):
                Path(folder).rmdir()
        raise
    return out, info


@dataclass(frozen=True)
class DatabaseState:
    """Size and modification time of the database file and its -wal: when they are the same,
    nothing was written. (Changed ones are confirmed by :func:`snapshot_sha256`.)"""

    files: tuple[tuple[int, int], ...]


def database_state(db_file: Path) -> DatabaseState:
    result: list[tuple[int, int]] = []
    for path in (Path(db_file), Path(f"{db_file}-wal")):
        try:
            st = path.stat()
            result.append((st.st_size, st.st_mtime_ns))
        except OSError:
            result.append((-1, -1))
    return DatabaseState(tuple(result))


def snapshot_sha256(db_file: Path) -> str:
    """SHA-256 of a consistent copy of the live database, the same as a backup made now would
    record as ``database_sha256``: equal means the data did not change."""
    with tempfile.TemporaryDirectory(prefix="liaison-desk-check-") as tmp:
        copy = Path(tmp) / "database.sqlite"
        try:
            sqlite_online_backup(Path(db_file), copy)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(f"无法读取数据库「{db_file}」来检查是否有改动（{exc}）。") from exc
        return sha256_of(copy)


def restore_entry(
    entry: BackupEntry, db_file: Path, progress: Progress | None = None
) -> Path | None:
    """Restore ``entry`` into ``db_file`` (which must be closed); returns the safety backup of
    the data it replaced. A raw upgrade copy is first packed as a backup with the current
    attachments, so it goes through every check a backup does."""
    if not entry.is_raw_copy:
        return restore_backup(entry.path, db_file, progress=progress)
    store = AttachmentStore.beside_database(db_file)
    with tempfile.TemporaryDirectory(prefix="liaison-desk-restore-") as tmp:
        packed = Path(tmp) / "升级前备份.zip"
        write_backup_file(entry.path, store, packed, None)
        return restore_backup(packed, db_file, progress=progress)


def remove_backup(path: Path) -> bool:
    """Delete one backup file (thinning); False, logged, when it cannot be deleted."""
    try:
        Path(path).unlink()
        return True
    except FileNotFoundError:
        return True
    except OSError as exc:
        log.warning("could not remove old backup %s: %s", path, exc)
        return False


def newest(entries: Iterable[BackupEntry], kinds: Iterable[BackupKind]) -> BackupEntry | None:
    wanted = set(kinds)
    with contextlib.suppress(StopIteration):
        return next(e for e in entries if e.kind in wanted and e.problem is None)
    return None
