"""Restoring a backup: every check ``verify_backup`` makes (checksums, SQLite integrity and
foreign keys, ``check``'s own checks on the unpacked database) before anything is replaced; a
safety backup of the current data first; then the database and the attachments swapped in with
``os.replace``. The database being restored over must be closed (refused while a window or
another program has it open). Split from ``storage.backup`` (writing, reading and checking
backups), whose helpers it uses."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from liaison_desk.progress import Progress
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.backup import (
    SAFETY_BACKUP_FOLDER,
    SQLITE_JOURNALS,
    ByteProgress,
    SourceUnusable,
    ensure_space,
    examine_archive,
    open_backup_archive,
    remove_quietly,
    staging_error,
    store_has,
    unpack_checked,
    unused_name,
    write_backup_file,
)
from liaison_desk.storage.database import (
    Database,
)
from liaison_desk.storage.errors import BackupError

log = logging.getLogger(__name__)


def _current_size(db_file: Path, store: AttachmentStore) -> int:
    size = 0
    for path in [db_file, *(Path(f"{db_file}{j}") for j in SQLITE_JOURNALS)]:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    for sha in store.all_hashes():
        with contextlib.suppress(OSError):
            size += store.path_of(sha).stat().st_size
    return size


def restore_backup(archive: Path, db_file: Path, progress: Progress | None = None) -> Path | None:
    """Replace the database ``db_file`` (and add to its attachment store) from ``archive``.

    Nothing is changed until the whole backup has been checked; then the current data is saved
    to ``备份/恢复前自动备份-<time>.zip`` beside the database, whose path is returned (None when
    there was no database yet). ``db_file`` must not be open. Cancelling (``progress`` raises
    ``Cancelled``) is possible until the current data starts being replaced.
    """
    archive = Path(archive)
    db_file = Path(db_file).expanduser().absolute()
    if db_file.is_dir():
        raise BackupError(
            f"「{db_file}」是一个文件夹，不是数据库文件。请指定要恢复到的数据库文件。"
        )
    store = AttachmentStore.beside_database(db_file)
    folder = db_file.parent
    created_folder = not folder.exists()
    staging: Path | None = None
    try:
        with open_backup_archive(archive) as zf:
            contents = examine_archive(archive, zf)
            to_unpack = contents.database.file_size + sum(
                zi.file_size
                for sha, zi in contents.attachments.items()
                if not store_has(store, sha, zi.file_size)
            )
            current = _current_size(db_file, store) if db_file.exists() else 0
            ensure_space(folder, to_unpack + current, "恢复备份")
            try:
                folder.mkdir(parents=True, exist_ok=True)
                staging = folder / f".{db_file.stem}-恢复中-{secrets.token_hex(4)}"
                staging.mkdir()
            except OSError as exc:
                raise staging_error(folder, exc) from exc
            tracker = ByteProgress(progress, contents.total_size + current)
            tracker.report()
            staged_db, staged = unpack_checked(
                archive, zf, contents, staging, store, tracker, keep_files=True
            )
        log.info("backup %s checked; restoring into %s", archive, db_file)

        safety: Path | None = None
        if db_file.exists():
            safety = _safety_backup(db_file, store, tracker, current)
            # Checked only now: the check touches the file's header, and until here a cancel
            # must leave the database byte for byte as it was.
            try:
                _refuse_if_in_use(db_file)
            except BackupError:
                _discard(safety)
                raise
        tracker.cancellable = False
        _install(staged_db, staged, db_file, store, staging)
        tracker.done = tracker.total
        tracker.report()
        log.info("restored %s from %s (safety backup %s)", db_file, archive, safety)
        return safety
    except BaseException:
        if created_folder:
            with contextlib.suppress(OSError):
                if staging is not None:
                    shutil.rmtree(staging, ignore_errors=True)
                folder.rmdir()  # only succeeds when we left nothing in it
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _safety_backup(db_file: Path, store: AttachmentStore, tracker: ByteProgress, size: int) -> Path:
    folder = db_file.parent / SAFETY_BACKUP_FOLDER
    created = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise BackupError(
            f"无法建立文件夹「{folder}」来保存恢复前的自动备份（{exc.strerror or exc}）。"
            "请检查写入权限后重试；当前数据没有被改动。"
        ) from exc
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = unused_name(folder / f"恢复前自动备份-{stamp}.zip")
    had_journals = any(Path(f"{db_file}{j}").exists() for j in SQLITE_JOURNALS)
    try:
        return _safety_copy(db_file, store, out, tracker.part(size), stamp)
    except BaseException:
        # A cancelled or failed restore leaves no trace: no empty folder, and no -wal/-shm that
        # the read-only copy made beside the closed database.
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
        if not had_journals:
            _let_sqlite_tidy(db_file)
        raise


def _let_sqlite_tidy(db_file: Path) -> None:
    """Open and close the database so SQLite itself removes -wal/-shm files nobody else uses
    (the last connection to close checkpoints and deletes them); the data stays as it was."""
    if not any(Path(f"{db_file}{j}").exists() for j in SQLITE_JOURNALS):
        return
    try:
        conn = sqlite3.connect(db_file, timeout=1)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # connect is lazy
        finally:
            conn.close()
    except sqlite3.Error:
        log.debug("could not tidy journal files of %s", db_file, exc_info=True)


def _safety_copy(
    db_file: Path, store: AttachmentStore, out: Path, progress: Progress, stamp: str
) -> Path:
    folder = out.parent
    try:
        write_backup_file(db_file, store, out, progress)
        return out
    except SourceUnusable as exc:
        # A damaged database is exactly what people restore over: keep its raw files instead.
        log.warning("current database is unusable (%s); keeping a raw copy", exc)
        raw = unused_name(folder / f"恢复前自动备份-{stamp}-原数据库文件{db_file.suffix}")
        try:
            shutil.copy2(db_file, raw)
            for journal in SQLITE_JOURNALS:
                extra = Path(f"{db_file}{journal}")
                if extra.exists():
                    shutil.copy2(extra, Path(f"{raw}{journal}"))
        except OSError as err:
            remove_quietly(raw)
            raise BackupError(
                f"无法保存当前数据库的副本（{err.strerror or err}），为安全起见没有恢复。"
                "请清理磁盘空间或检查写入权限后重试。"
            ) from err
        return raw
    except BackupError as exc:
        raise BackupError(f"恢复前无法先备份当前数据，为安全起见没有恢复。{exc}") from exc


def _in_use(db_file: Path) -> BackupError:
    return BackupError(
        f"数据库「{db_file}」正被使用（可能是另一个打开的联络组履职档案台）。"
        "请关闭它后重试；当前数据没有被改动。"
    )


def _discard(safety: Path) -> None:
    """Remove a safety backup that turned out not to be needed (and its folder, if now empty)."""
    remove_quietly(safety)
    with contextlib.suppress(OSError):
        safety.parent.rmdir()


def _refuse_if_in_use(db_file: Path) -> None:
    """Another program (an open app window) holding the database would keep writing into a file
    that is about to be replaced, and its saves would be lost. Leaving WAL mode needs the only
    connection, so it tells whether anyone else has the database open, on every OS."""
    try:
        conn = sqlite3.connect(db_file, timeout=0.5)
    except sqlite3.Error:
        return  # damaged or unreadable: the safety copy keeps its raw files
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()
        if mode and str(mode[0]).lower() == "wal":
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use(db_file) from exc
        log.warning("could not check whether %s is in use: %s", db_file, exc)
    except sqlite3.DatabaseError as exc:
        log.warning("could not check whether %s is in use: %s", db_file, exc)
    finally:
        conn.close()


def _checkpoint(db_file: Path) -> None:
    """Fold a -wal file into the database so nothing is lost or, worse, replayed onto the
    restored file; SQLite deletes the -wal and -shm when its last connection closes."""
    try:
        conn = sqlite3.connect(db_file, timeout=5)
        try:
            row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use(db_file) from exc
        log.warning("checkpoint of %s failed: %s", db_file, exc)
        return
    except sqlite3.DatabaseError as exc:  # damaged: the safety copy kept its raw files
        log.warning("checkpoint of %s failed: %s", db_file, exc)
        return
    if row is not None and row[0]:
        raise _in_use(db_file)


def _install(
    staged_db: Path,
    staged: dict[str, Path],
    db_file: Path,
    store: AttachmentStore,
    staging: Path,
) -> None:
    # Attachments first: a restored database must never point at files that are not there yet.
    # Files already in the store stay; they can only be the same content.
    try:
        for sha, src in staged.items():
            dest = store.path_of(sha)
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dest)
    except OSError as exc:
        raise BackupError(
            f"无法把附件写入「{store.root}」（{exc.strerror or exc}）。数据库还没有被替换。"
            "请检查磁盘空间和写入权限后重试。"
        ) from exc

    aside: Path | None = None
    try:
        if db_file.exists():
            _checkpoint(db_file)
            aside = staging / "previous.sqlite"
            os.replace(db_file, aside)
        for journal in SQLITE_JOURNALS:
            Path(f"{db_file}{journal}").unlink(missing_ok=True)
        os.replace(staged_db, db_file)
    except OSError as exc:
        if aside is not None and not db_file.exists():
            os.replace(aside, db_file)
        if isinstance(exc, PermissionError):
            raise _in_use(db_file) from exc
        raise BackupError(
            f"无法替换数据库文件「{db_file}」（{exc.strerror or exc}）。当前数据没有被改动，"
            "请检查写入权限后重试。"
        ) from exc

    try:
        Database.open(f"sqlite:///{db_file}", create=False).close()
    except Exception as exc:
        log.exception("restored database %s does not open; putting the old one back", db_file)
        for journal in SQLITE_JOURNALS:
            Path(f"{db_file}{journal}").unlink(missing_ok=True)
        if aside is not None:
            os.replace(aside, db_file)
        else:
            db_file.unlink(missing_ok=True)
        raise BackupError(
            f"恢复后的数据库无法打开（{exc}），已放回原来的数据。请换一个备份文件，或联系技术支持。"
        ) from exc


__all__ = ["restore_backup"]
