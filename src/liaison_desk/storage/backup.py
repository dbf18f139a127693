"""One-file backups of a SQLite database with its attachments, and restoring them.

A backup is a ZIP holding ``manifest.json`` (what is inside, with checksums), ``database.sqlite``
(a consistent copy made through SQLite's online backup API, so the app may keep running) and
``attachments/<sha256>`` for every file of the attachment store.

Restoring checks everything first — that the file is a complete ZIP with nothing but those names,
that every checksum matches, that the database passes SQLite's integrity check and is a revision
this app knows — and only then touches the current data: a safety backup of it goes into the
``备份`` folder beside the database, the attachments are added to the store, and the database file
is swapped in with ``os.replace``. The database being restored over must be closed first (the
caller closes its ``Database``); on Windows an open file makes the swap fail with a clear message.

A server database (PostgreSQL) is backed up with the server's own tools (pg_dump).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from liaison_desk import __version__
from liaison_desk.files.archive import BoundedZip, ZipLimits, ZipRefused, name_problem, open_zip
from liaison_desk.progress import Cancelled, Progress
from liaison_desk.storage.attachments import AttachmentStore, sha256_of
from liaison_desk.storage.backup_counts import record_counts
from liaison_desk.storage.database import (
    SQLITE_HEADER,
    Database,
    head_revision,
    known_revisions,
    sqlite_online_backup,
)
from liaison_desk.storage.errors import BackupError, StorageError
from liaison_desk.storage.integrity import check_database

log = logging.getLogger(__name__)

__all__ = [
    "BACKUP_FORMAT",
    "SAFETY_BACKUP_FOLDER",
    "BackupInfo",
    "create_backup",
    "read_backup",
    "verify_backup",
]

BACKUP_FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.sqlite"
ATTACHMENTS = "attachments/"
#: Where restore_backup keeps its safety backup of the data it replaces (beside the database).
SAFETY_BACKUP_FOLDER = "备份"

_HEX64 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1024 * 1024
_MAX_MANIFEST = 64 * 1024 * 1024
#: Free space to leave on a disk beyond what a backup or restore needs.
_SPACE_MARGIN = 50 * 1024 * 1024
SQLITE_JOURNALS = ("-wal", "-shm", "-journal")
#: Content already compressed gains nothing from DEFLATE: JPEG, PNG, GIF, WebP, ZIP/Office.
_COMPRESSED_HEADS = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"PK\x03\x04")
#: What a backup is read within (files.archive checks it before anything is unpacked). A
#: backup holds the database and every photo and scan: large, but its entries are few kinds.
BACKUP_LIMITS = ZipLimits(
    max_file_size=1024**4,  # 1 TiB: no office's data comes near
    max_entries=200_000,  # 10 000 attachments a year for 20 years
    max_directory_size=64 * 1024**2,  # 200 000 entries of ~110-byte names and headers
    max_entry_size=256 * 1024**3,
    max_total_size=1024**4,
    # DEFLATE cannot pack more than ~1032:1; a header claiming more lies. A database with many
    # free (zeroed) pages legitimately packs near that, so no lower ratio can be asked of it;
    # bytes are counted while unpacking and free space is checked against the declared sizes.
    max_ratio=1100,
    max_total_ratio=1100,
    ratio_floor=1024**2,
    total_ratio_floor=64 * 1024**2,
)


class SourceUnusable(BackupError):
    """The database to back up is damaged or not ours (restore then keeps a raw copy instead)."""


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's manifest says."""

    format: int
    app_version: str
    revision: str
    created_at: str  # ISO 8601 with the UTC offset, local time of the PC that made it
    database_sha256: str
    attachments: int  # number of attachment files inside
    #: Store files left out because their content no longer matched their name (disk damage).
    damaged_attachments: tuple[str, ...] = field(default=())
    # Referenced by the database but not in the attachment store at all (e.g. the folder beside
    # the database was not copied along): the backup cannot contain them.
    missing_attachments: tuple[str, ...] = field(default=())
    #: Records per kind when the backup was made (backup_counts.COUNTED_TABLES); empty in
    #: backups made before the counts were written.
    counts: dict[str, int] = field(default_factory=dict, compare=False)


# ----------------------------------------------------------------------------------- progress


class ByteProgress:
    """Bytes done of a whole, reported to the caller's ``progress`` (which raises Cancelled on
    a cancel). Once the current data is being replaced (``cancellable`` False) a cancel is no
    longer honoured: the restore must finish."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 0)
        self.done = 0
        self.cancellable = True

    def advance(self, n: int) -> None:
        self.done += n
        self.report()

    def report(self) -> None:
        if self.callback is None:
            return
        try:
            self.callback(self.done, max(self.total, self.done))
        except Cancelled:
            if self.cancellable:
                raise

    def part(self, expected: int) -> Progress:
        """A callback for a sub-task expected to cover ``expected`` of our units."""
        base = self.done

        def callback(done: int, total: int, _message: str = "", /) -> None:
            self.done = base + (done * expected // total if total else expected)
            self.report()

        return callback


# ------------------------------------------------------------------------------------ helpers


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _is_disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def _existing_folder(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def ensure_space(folder: Path, needed: int, what: str) -> None:
    try:
        free = shutil.disk_usage(_existing_folder(folder)).free
    except OSError:
        log.warning("cannot read free space of %s", folder, exc_info=True)
        return
    if needed + _SPACE_MARGIN > free:
        raise BackupError(
            f"「{folder}」所在的磁盘空间不足：{what}需要约 {_megabytes(needed)}，"
            f"只剩 {_megabytes(free)}。请清理磁盘空间或换一个位置后重试。"
        )


def unused_name(path: Path) -> Path:
    candidate, n = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _read_database(path: Path) -> tuple[list[str], str | None]:
    """(integrity_check lines, alembic revision or None) of a SQLite file, opened read-only.
    Raises sqlite3.DatabaseError when it is not a database at all."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    # A damaged page can hold text that is not UTF-8: shown, not a crash (SQLite's own error
    # messages can quote such text too: UnicodeDecodeError, caught by the callers).
    conn.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        results = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else None
        return results, revision
    finally:
        conn.close()


def _referenced_hashes(copy: Path) -> set[str]:
    """Content hashes the database refers to (recycle bin included)."""
    conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {str(r[0]) for r in conn.execute("SELECT sha256 FROM attachments")}
    except sqlite3.DatabaseError:
        return set()
    finally:
        conn.close()


def _compression_for(path: Path) -> int:
    with path.open("rb") as fh:
        head = fh.read(12)
    if head.startswith(_COMPRESSED_HEADS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


# ------------------------------------------------------------------------------------- backup


def create_backup(
    db: Database,
    store: AttachmentStore | None,
    out: Path,
    progress: Progress | None = None,
) -> BackupInfo:
    """Write a backup of ``db`` and every file of ``store`` to ``out`` (a .zip).

    The file appears under its name only when complete (written to ``out.part`` first); on an
    error or a cancel (``progress`` raised ``Cancelled``) nothing is left behind.
    """
    if not db.is_sqlite:
        raise BackupError(
            "这是服务器上的数据库，不能在这里备份。服务器数据库请用数据库自己的备份工具，例如 pg_dump。"
        )
    source = db.file
    if source is None:
        raise BackupError("这个数据库只在内存中，没有数据库文件，无法备份。")
    return write_backup_file(source, store, Path(out), progress)


def _check_target(out: Path, source: Path) -> None:
    if out.is_dir():
        raise BackupError(
            f"「{out}」是一个文件夹。请给备份文件起一个名字，例如「联络组数据备份.zip」。"
        )
    if out.exists() or out.is_symlink():
        raise BackupError(
            f"「{out}」已经存在。为了不覆盖它，这次没有备份。请换一个文件名，例如在名字里加上今天的日期。"
        )
    if out.suffix.lower() != ".zip":
        raise BackupError(f"备份文件名应以 .zip 结尾，例如「{out.with_suffix('.zip').name}」。")
    folder = out.parent
    if not folder.is_dir():
        raise BackupError(
            f"保存备份的文件夹「{folder}」不存在。请先建立这个文件夹，或换一个位置保存。"
        )
    if not os.access(folder, os.W_OK):
        raise BackupError(
            f"没有权限在文件夹「{folder}」中保存文件。请换一个位置保存备份，例如“文档”文件夹或 U 盘。"
        )
    if out.resolve() == source.resolve():
        raise BackupError("备份文件不能和数据库文件是同一个文件。请换一个文件名。")


def _write_error(out: Path, exc: OSError) -> BackupError:
    if _is_disk_full(exc):
        return BackupError(
            f"磁盘空间不足，无法写入备份文件「{out}」。请清理磁盘空间或换一个位置后重试；"
            "数据库没有受到影响。"
        )
    return BackupError(
        f"无法写入备份文件「{out}」（{exc.strerror or exc}）。"
        "请检查这个位置是否可写、U 盘是否已拔出，然后重试；数据库没有受到影响。"
    )


def write_backup_file(
    source: Path, store: AttachmentStore | None, out: Path, progress: Progress | None
) -> BackupInfo:
    _check_target(out, source)
    part = out.with_name(out.name + ".part")
    with tempfile.TemporaryDirectory(prefix="liaison-desk-backup-") as tmp:
        copy = Path(tmp) / DATABASE
        try:
            sqlite_online_backup(source, copy)
        except sqlite3.DatabaseError as exc:
            raise SourceUnusable(
                f"无法读取数据库「{source}」（{exc}），它可能已损坏。"
                "请从以前的备份恢复，或联系技术支持。"
            ) from exc
        except OSError as exc:
            raise BackupError(
                f"无法在临时文件夹中复制数据库（{exc.strerror or exc}）。请清理系统盘的空间后重试。"
            ) from exc
        revision = _check_copy(copy, source)
        db_sha = sha256_of(copy)
        db_size = copy.stat().st_size
        counts = record_counts(copy)

        # Listed after the database was copied: every file the copy refers to was stored before.
        hashes = sorted(store.all_hashes()) if store is not None else []
        missing = sorted(_referenced_hashes(copy) - set(hashes))
        sizes: dict[str, int] = {}
        for sha in hashes:
            assert store is not None
            with contextlib.suppress(OSError):
                sizes[sha] = store.path_of(sha).stat().st_size
        ensure_space(out.parent, db_size + sum(sizes.values()), "保存备份")

        tracker = ByteProgress(progress, db_size + sum(sizes.values()))
        tracker.report()
        entries: list[dict[str, Any]] = []
        damaged: list[str] = []
        created_at = datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            with open(part, "wb") as fh:
                with zipfile.ZipFile(fh, "w", allowZip64=True, strict_timestamps=False) as zf:
                    zf.write(copy, DATABASE, compress_type=zipfile.ZIP_DEFLATED)
                    tracker.advance(db_size)
                    for sha in hashes:
                        assert store is not None
                        path = store.path_of(sha)
                        if sha not in sizes or not store.verify(sha):
                            log.warning("attachment %s is missing or damaged; not backed up", sha)
                            damaged.append(sha)
                        else:
                            zf.write(path, ATTACHMENTS + sha, compress_type=_compression_for(path))
                            entries.append({"sha256": sha, "size": sizes[sha]})
                        tracker.advance(sizes.get(sha, 0))
                    manifest = {
                        "format": BACKUP_FORMAT,
                        "app": "liaison-desk",
                        "app_version": __version__,
                        "revision": revision,
                        "created_at": created_at,
                        "database_sha256": db_sha,
                        "database_size": db_size,
                        "attachments": entries,
                        "damaged_attachments": damaged,
                        "missing_attachments": missing,
                        "counts": counts,
                    }
                    zf.writestr(
                        MANIFEST,
                        json.dumps(manifest, ensure_ascii=False, indent=1),
                        compress_type=zipfile.ZIP_DEFLATED,
                    )
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(part, out)
        except OSError as exc:
            remove_quietly(part)
            raise _write_error(out, exc) from exc
        except BaseException:
            remove_quietly(part)
            raise
    log.info(
        "backed up %s (%d attachments, %d damaged) to %s", source, len(entries), len(damaged), out
    )
    return BackupInfo(
        format=BACKUP_FORMAT,
        app_version=__version__,
        revision=revision,
        created_at=created_at,
        database_sha256=db_sha,
        attachments=len(entries),
        damaged_attachments=tuple(damaged),
        missing_attachments=tuple(missing),
        counts=counts,
    )


def remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove %s", path, exc_info=True)


def _check_copy(copy: Path, source: Path) -> str:
    """The revision of a fresh copy, after proving it is sound: a backup that could not be
    restored is worse than none, because it gives false comfort."""
    try:
        results, revision = _read_database(copy)
    except sqlite3.DatabaseError as exc:
        raise SourceUnusable(
            f"数据库「{source}」已损坏（{exc}），无法做出可以恢复的备份。"
            "请从以前的备份恢复，或联系技术支持。"
        ) from exc
    if results != ["ok"]:
        raise SourceUnusable(
            f"数据库「{source}」已损坏（{'；'.join(results[:3])}），无法做出可以恢复的备份。"
            "请从以前的备份恢复，或联系技术支持。"
        )
    if revision is None:
        raise SourceUnusable(f"「{source}」不是联络组履职档案台的数据库，无法备份。")
    return revision


# ------------------------------------------------------------------------------ reading a zip


def _invalid(archive: Path) -> BackupError:
    return BackupError(
        f"「{archive.name}」不是有效的备份文件，或文件不完整（可能复制时中断）。请换一个备份文件。"
    )


def _tampered(archive: Path, what: str) -> BackupError:
    return BackupError(
        f"备份文件「{archive.name}」{what}，文件可能已损坏或被改动过。为安全起见没有恢复。"
        "请换一个备份文件。"
    )


def _too_new(archive: Path, what: str) -> BackupError:
    return BackupError(
        f"备份文件「{archive.name}」由更新版本的联络组履职档案台生成（{what}），"
        "本程序无法恢复它。请先把软件升级到最新版本再恢复；当前数据没有被改动。"
    )


def _refused(archive: Path, exc: ZipRefused) -> BackupError:
    """The archive reader's refusal as a backup message (what is wrong, and what to do)."""
    first = exc.problems[0] if exc.problems else None
    if first is None or (not first.name and ("损坏" in first.message or "ZIP" in first.message)):
        return _invalid(archive)
    if not first.name:
        return BackupError(
            f"备份文件「{archive.name}」：{first.message}为安全起见没有恢复。请换一个备份文件。"
        )
    reason = first.message.rstrip("。")
    if name_problem(first.name):
        return BackupError(
            f"备份文件「{archive.name}」中含有不安全的路径「{first.name}」（{reason}），"
            "可能被人为改动过。为安全起见没有恢复。请换一个备份文件。"
        )
    return _tampered(archive, f"中的「{first.name}」{reason}")


@contextlib.contextmanager
def open_backup_archive(archive: Path) -> Iterator[BoundedZip]:
    if not archive.is_file():
        raise BackupError(f"找不到备份文件「{archive}」。请检查文件的位置和名字。")
    try:
        zf = open_zip(archive, BACKUP_LIMITS, what="备份")
    except ZipRefused as exc:
        raise _refused(archive, exc) from exc
    with zf:
        yield zf


@dataclass
class _Contents:
    info: BackupInfo
    database: zipfile.ZipInfo
    attachments: dict[str, zipfile.ZipInfo]

    @property
    def total_size(self) -> int:
        return self.database.file_size + sum(z.file_size for z in self.attachments.values())


def examine_archive(archive: Path, zf: BoundedZip) -> _Contents:
    """Everything that can be checked from the ZIP's directory and the manifest alone (names,
    sizes, links and encryption were checked by files.archive when it was opened)."""
    database: zipfile.ZipInfo | None = None
    manifest_info: zipfile.ZipInfo | None = None
    attachments: dict[str, zipfile.ZipInfo] = {}
    for zi in zf.entries:
        name = zi.filename
        if name == MANIFEST:
            manifest_info = zi
        elif name == DATABASE:
            database = zi
        elif name.startswith(ATTACHMENTS) and _HEX64.fullmatch(name[len(ATTACHMENTS) :]):
            attachments[name[len(ATTACHMENTS) :]] = zi
        else:
            raise _tampered(archive, f"中有不认识的内容「{name}」")
    if manifest_info is None:
        raise BackupError(
            f"「{archive.name}」中没有备份说明（{MANIFEST}），不是联络组履职档案台生成的备份文件，"
            "或文件不完整。请换一个备份文件。"
        )
    if manifest_info.file_size > _MAX_MANIFEST:
        raise _tampered(archive, "的备份说明大得不正常")
    try:
        manifest = json.loads(zf.read(manifest_info, _MAX_MANIFEST).decode("utf-8"))
    except ZipRefused as exc:
        raise _refused(archive, exc) from exc
    except (ValueError, RecursionError) as exc:  # JSON or UTF-8
        raise _tampered(archive, "的备份说明无法读取") from exc
    info = _manifest_info(archive, manifest)
    if database is None:
        raise _tampered(archive, f"中没有数据库（{DATABASE}）")

    listed: dict[str, int] = {}
    for entry in manifest["attachments"]:
        listed[entry["sha256"]] = entry["size"]
    if set(listed) != set(attachments):
        extra = len(set(attachments) - set(listed))
        absent = len(set(listed) - set(attachments))
        raise _tampered(archive, f"中的附件与备份说明不一致（缺少 {absent} 个，多出 {extra} 个）")
    for sha, zi in attachments.items():
        if zi.file_size != listed[sha]:
            raise _tampered(archive, f"中的附件 {sha[:12]}… 大小与备份说明不符")
    size = manifest.get("database_size")
    if isinstance(size, int) and size != database.file_size:
        raise _tampered(archive, "中的数据库大小与备份说明不符")
    return _Contents(info, database, attachments)


def _manifest_info(archive: Path, manifest: Any) -> BackupInfo:
    if not isinstance(manifest, dict):
        raise _tampered(archive, "的备份说明格式不对")
    fmt = manifest.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        raise _tampered(archive, "的备份说明格式不对")
    if fmt > BACKUP_FORMAT:
        raise _too_new(archive, f"备份格式 {fmt}")

    def text(key: str) -> str:
        value = manifest.get(key)
        if not isinstance(value, str):
            raise _tampered(archive, f"的备份说明缺少「{key}」")
        return value

    db_sha = text("database_sha256")
    if not _HEX64.fullmatch(db_sha):
        raise _tampered(archive, "的备份说明中数据库校验值无效")
    entries = manifest.get("attachments")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("sha256"), str)
        and _HEX64.fullmatch(e["sha256"])
        and isinstance(e.get("size"), int)
        and e["size"] >= 0
        for e in entries
    ):
        raise _tampered(archive, "的备份说明中附件列表无效")
    damaged = manifest.get("damaged_attachments", [])
    missing = manifest.get("missing_attachments", [])
    revision = text("revision")
    if revision not in known_revisions():
        raise _too_new(archive, f"数据库版本 {revision}")
    return BackupInfo(
        format=fmt,
        app_version=text("app_version"),
        revision=revision,
        created_at=text("created_at"),
        database_sha256=db_sha,
        attachments=len(entries),
        damaged_attachments=tuple(str(d) for d in damaged) if isinstance(damaged, list) else (),
        missing_attachments=tuple(str(m) for m in missing) if isinstance(missing, list) else (),
        counts=_counts(manifest.get("counts")),
    )


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}


def read_backup(archive: Path) -> BackupInfo:
    """What a backup holds, after the checks that need no unpacking: a complete ZIP, only the
    expected names, a manifest of a known format and revision that lists exactly the files
    inside. Checksums are verified by ``verify_backup`` and ``restore_backup``."""
    archive = Path(archive)
    with open_backup_archive(archive) as zf:
        return examine_archive(archive, zf).info


def verify_backup(archive: Path, progress: Progress | None = None) -> BackupInfo:
    """Every check ``restore_backup`` makes before touching data, unpacking into a temporary
    folder: use it to test a backup (``liaison-desk verify-backup``)."""
    archive = Path(archive)
    with open_backup_archive(archive) as zf:
        contents = examine_archive(archive, zf)
        with tempfile.TemporaryDirectory(prefix="liaison-desk-verify-") as tmp:
            ensure_space(Path(tmp), contents.database.file_size, "检查备份")
            tracker = ByteProgress(progress, contents.total_size)
            unpack_checked(archive, zf, contents, Path(tmp), None, tracker, keep_files=False)
    return contents.info


# ------------------------------------------------------------------------------------ restore


def _pump(
    archive: Path,
    zf: BoundedZip,
    zi: zipfile.ZipInfo,
    dest: Path | None,
    tracker: ByteProgress,
) -> str:
    """SHA-256 of a member, written to ``dest`` on the way when given. The reader counts the
    bytes: a member producing more than it declared is refused, never written out in full."""
    digest = hashlib.sha256()
    where = dest.parent if dest is not None else Path()
    with contextlib.ExitStack() as stack:
        out = None
        if dest is not None:
            try:
                out = stack.enter_context(open(dest, "wb"))
            except OSError as exc:
                raise staging_error(where, exc) from exc
        try:
            for chunk in zf.stream(zi, _CHUNK):
                digest.update(chunk)
                if out is not None:
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise staging_error(where, exc) from exc
                tracker.advance(len(chunk))
        except ZipRefused as exc:
            raise _refused(archive, exc) from exc
        if out is not None:
            try:
                out.flush()
                os.fsync(out.fileno())
            except OSError as exc:
                raise staging_error(where, exc) from exc
    return digest.hexdigest()


def staging_error(folder: Path, exc: OSError) -> BackupError:
    if _is_disk_full(exc):
        return BackupError(
            f"磁盘空间不足，无法在「{folder}」中解开备份。请清理磁盘空间后重试；当前数据没有被改动。"
        )
    return BackupError(
        f"无法在「{folder}」中写入文件（{exc.strerror or exc}）。"
        "请检查该文件夹的写入权限后重试；当前数据没有被改动。"
    )


def store_has(store: AttachmentStore | None, sha: str, size: int) -> bool:
    if store is None:
        return False
    try:
        path = store.path_of(sha)
        return path.is_file() and path.stat().st_size == size
    except OSError:
        return False


def unpack_checked(
    archive: Path,
    zf: BoundedZip,
    contents: _Contents,
    staging: Path,
    store: AttachmentStore | None,
    tracker: ByteProgress,
    *,
    keep_files: bool,
) -> tuple[Path, dict[str, Path]]:
    """Unpack into ``staging`` and check every byte. Attachments already in ``store`` intact are
    only hashed, not unpacked. Returns the database and the unpacked attachments."""
    staged_db = staging / DATABASE
    if _pump(archive, zf, contents.database, staged_db, tracker) != contents.info.database_sha256:
        raise _tampered(archive, "中的数据库与备份说明中的校验值不符")
    with staged_db.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise _tampered(archive, "中的数据库不是 SQLite 数据库文件")
    try:
        results, revision = _read_database(staged_db)
    except sqlite3.DatabaseError as exc:
        raise _tampered(archive, f"中的数据库已损坏（{exc}）") from exc
    except UnicodeDecodeError as exc:  # SQLite's message quoted damaged text
        raise _tampered(archive, "中的数据库已损坏（结构中有无法读取的文字）") from exc
    if results != ["ok"]:
        raise _tampered(archive, f"中的数据库已损坏（{'；'.join(results[:3])}）")
    if revision is None:
        raise _tampered(archive, "中的数据库不是联络组履职档案台的数据库")
    if revision not in known_revisions():
        raise _too_new(archive, f"数据库版本 {revision}")
    if revision != contents.info.revision:
        raise _tampered(archive, "中的数据库版本与备份说明不符")
    _check_like_check_does(archive, staged_db, revision)

    staged: dict[str, Path] = {}
    for sha, zi in sorted(contents.attachments.items()):
        present = store is not None and store_has(store, sha, zi.file_size) and store.verify(sha)
        dest = staging / sha if keep_files and not present else None
        if _pump(archive, zf, zi, dest, tracker) != sha:
            raise _tampered(archive, f"中的附件文件 {sha[:12]}… 内容与校验值不符")
        if dest is not None:
            staged[sha] = dest
    return staged_db, staged


def _check_like_check_does(archive: Path, staged_db: Path, revision: str) -> None:
    """Run ``liaison-desk check``'s checks (foreign keys, numbers, totals...) on the unpacked
    database, so a backup that ``check`` would find broken is refused before anything is
    replaced. The unpacked file is opened read-only and stays as it was in the backup; an older
    one is checked on an upgraded scratch copy, as the checks read through today's schema."""
    checked = staged_db
    if revision != head_revision():
        # A scratch copy: the file restored stays as in the backup, and opening it afterwards
        # upgrades it with the usual copy kept beside it.
        checked = staged_db.with_name(staged_db.name + ".upgraded")
        try:
            shutil.copyfile(staged_db, checked)
        except OSError as exc:
            raise staging_error(staged_db.parent, exc) from exc
    try:
        db = Database.open(f"sqlite:///{checked}", create=False, read_only=checked == staged_db)
    except StorageError as exc:
        raise _tampered(archive, f"中的数据库无法打开（{exc}）") from exc
    except Exception as exc:  # a crafted file can fail a migration in any way
        log.warning("the database of backup %s does not open", archive, exc_info=True)
        raise _tampered(archive, f"中的数据库无法打开（{exc}）") from exc
    try:
        report = check_database(db, None, of_backup=True)
    except Exception as exc:  # a crafted file can break a check in any way
        log.warning("the database of backup %s cannot be checked", archive, exc_info=True)
        raise _tampered(archive, f"中的数据库无法检查（{exc}）") from exc
    finally:
        db.close()
        if checked != staged_db:
            remove_quietly(checked)
    if report.problems:
        shown = "".join(report.problems[:3])
        more = f"（另有 {len(report.problems) - 3} 个问题）" if len(report.problems) > 3 else ""
        raise BackupError(
            f"备份文件「{archive.name}」中的数据库有问题：{shown}{more}"
            "这份备份不能恢复；请选择另一份备份。当前数据没有被改动。"
        )
