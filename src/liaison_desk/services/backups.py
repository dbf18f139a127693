"""Automatic backups, as Anki keeps them, and restoring one from the list.

- **When something changed**: every 30 minutes at most while the window is open
  (:meth:`BackupService.back_up_if_due`, called by a timer off the GUI thread) and when the
  window closes (:meth:`BackupService.back_up_on_close`). "Changed" is decided in two steps: the
  database file and its -wal have the same size and modification time as at the last backup
  (nothing written: a stat, nothing more), or else a consistent copy of the database has the same
  SHA-256 as the last backup's (written, but to the same content — e.g. a checkpoint).
- **Before every risky operation** (ledger import, merge): :meth:`BackupService.back_up_before`,
  always, and the operation is refused when it cannot be made. Restore and upgrade keep their
  own safety copies (``storage.restore.restore_backup``, ``Database.open``); they are listed too.
- **Thinned** after each new backup to the recent ones plus daily, weekly and monthly copies
  (``domain.backup_retention``, counts in the settings ``backup.keep_*``).
- A database on a server (PostgreSQL) has no file to copy: automatic backups are skipped there
  (:attr:`BackupService.available` is False) and the server's own tools (pg_dump) back it up.

The folder (``backup.folder``) and the counts are settings of this computer
(``config.Scope.MACHINE``): a USB stick's drive letter belongs to the computer, not the data.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from liaison_desk import config
from liaison_desk.config import MachineSettings
from liaison_desk.domain.backup_retention import (
    AUTOMATIC_INTERVAL,
    BackupKind,
    RetentionPolicy,
    backups_to_remove,
)
from liaison_desk.domain.rules import Problem, ValidationError
from liaison_desk.progress import Progress
from liaison_desk.services.base import ServiceContext
from liaison_desk.storage.backup_files import (
    BackupEntry,
    DatabaseState,
    database_state,
    default_backup_folder,
    list_backups,
    make_backup,
    newest,
    remove_backup,
    restore_entry,
    snapshot_sha256,
)
from liaison_desk.storage.database import Database
from liaison_desk.storage.errors import BackupError

log = logging.getLogger(__name__)

__all__ = ["BackupEntry", "BackupKind", "BackupService", "BackupSettings"]

FOLDER_KEY = "backup.folder"
KEEP_KEYS = {
    "recent": "backup.keep_recent",
    "daily": "backup.keep_daily",
    "weekly": "backup.keep_weekly",
    "monthly": "backup.keep_monthly",
}
_AUTOMATIC = (BackupKind.AUTOMATIC, BackupKind.ON_CLOSE)

# What a refused risky operation is called in its message.
_OPERATION = {
    BackupKind.BEFORE_IMPORT: "导入",
    BackupKind.BEFORE_MERGE: "合并",
    BackupKind.BEFORE_RESTORE: "恢复",
}


@dataclass(frozen=True)
class BackupSettings:
    folder: str  # "" = the folder 备份 beside the database
    policy: RetentionPolicy


def _aware_now() -> datetime:
    return datetime.now().astimezone()


class BackupService:
    """Automatic backups of the database of ``ctx``; one per open database (built once in
    ``Services``). Thread-safe: the timer's task, the window's close and an import may meet."""

    def __init__(
        self,
        ctx: ServiceContext,
        machine: MachineSettings | None = None,
        clock: Callable[[], datetime] = _aware_now,
    ) -> None:
        self.ctx = ctx
        self._machine = machine
        self.clock = clock
        self._lock = threading.RLock()
        self._known = False  # the fields below were read from the newest backups
        self._last_automatic: datetime | None = None
        self._backed_state: DatabaseState | None = None
        self._backed_sha: str | None = None

    # --- where and how many -----------------------------------------------------------------

    @property
    def machine(self) -> MachineSettings:
        if self._machine is None:
            self._machine = MachineSettings()
        return self._machine

    @property
    def available(self) -> bool:
        """Automatic backups need a database file on this computer (not a server)."""
        return self.ctx.db.is_sqlite and self.ctx.db.file is not None

    @property
    def database_file(self) -> Path:
        file = self.ctx.db.file
        if file is None:
            raise BackupError(
                "这是服务器上的数据库，不能在这里自动备份或恢复。"
                "服务器数据库请用数据库自己的备份工具，例如 pg_dump。"
            )
        return file

    def settings(self) -> BackupSettings:
        """As saved now (re-read: the settings page may have changed them)."""
        machine = self.machine
        machine.reload()
        return BackupSettings(
            folder=str(machine.get(FOLDER_KEY)),
            policy=RetentionPolicy(**{name: int(machine.get(k)) for name, k in KEEP_KEYS.items()}),
        )

    def save_settings(self, new: BackupSettings) -> None:
        """Check every value first (ValidationError naming each bad one, nothing saved), then
        save them; a settings file that cannot be written raises ``SettingsFileError``."""
        values = {
            FOLDER_KEY: new.folder,
            **{key: getattr(new.policy, name) for name, key in KEEP_KEYS.items()},
        }
        problems: list[Problem] = []
        for key, value in values.items():
            try:
                values[key] = config.coerce(config.spec(key), value)
            except ValueError as exc:
                problems.append(Problem(key, str(exc)))
        folder = str(values[FOLDER_KEY])
        if not problems and folder and not Path(folder).expanduser().is_absolute():
            problems.append(
                Problem(
                    FOLDER_KEY,
                    f"备份文件夹要写完整的位置，例如 E:\\联络组备份，而不是「{folder}」。",
                )
            )
        if problems:
            raise ValidationError(problems)
        for key, value in values.items():
            if self.machine.get(key) != value:
                self.machine.set(key, value)

    def default_folder(self) -> Path:
        return default_backup_folder(self.database_file)

    def folder(self) -> Path:
        """Where new automatic backups go."""
        chosen = self.settings().folder
        return Path(chosen).expanduser() if chosen else self.default_folder()

    def _folders(self) -> list[Path]:
        return [self.folder(), self.default_folder()]

    # --- the list ---------------------------------------------------------------------------

    def backups(self) -> list[BackupEntry]:
        """Every backup of this database, newest first (an empty list on a server)."""
        if not self.available:
            return []
        return list_backups(self.database_file, self._folders())

    # --- when to back up --------------------------------------------------------------------

    def _learn(self) -> None:
        """The last automatic backup and the data it holds, from the folder (once)."""
        if self._known:
            return
        self._known = True
        entries = self.backups()
        last_auto = newest(entries, _AUTOMATIC)
        self._last_automatic = last_auto.created_at if last_auto else None
        last = newest(entries, [k for k in BackupKind if k is not BackupKind.BEFORE_UPGRADE])
        if last is not None and not last.is_raw_copy:
            self._backed_sha = last.database_sha256

    def changed_since_last_backup(self) -> bool:
        with self._lock:
            self._learn()
            file = self.database_file
            state = database_state(file)
            if state == self._backed_state:
                return False
            sha = snapshot_sha256(file)
            if sha == self._backed_sha:
                self._backed_state = state  # written to, but to the same content
                return False
            return True

    def automatic_due(self) -> bool:
        """Whether 30 minutes have passed since the last automatic backup (cheap: no file is
        read after the first call)."""
        if not self.available:
            return False
        with self._lock:
            self._learn()
            last = self._last_automatic
            return last is None or self.clock() - last >= AUTOMATIC_INTERVAL

    def back_up_if_due(self, progress: Progress | None = None) -> Path | None:
        """The periodic backup: made when it is due and the data changed; else None."""
        with self._lock:
            if not self.automatic_due() or not self.changed_since_last_backup():
                return None
            return self._make(BackupKind.AUTOMATIC, progress)

    def back_up_on_close(self, progress: Progress | None = None) -> Path | None:
        """The backup when the window closes: made when the data changed; else None."""
        if not self.available:
            return None
        with self._lock:
            if not self.changed_since_last_backup():
                return None
            return self._make(BackupKind.ON_CLOSE, progress)

    def back_up_before(self, kind: BackupKind, progress: Progress | None = None) -> Path | None:
        """The backup before a risky operation, always made (None on a server). When it cannot
        be made the operation must not go ahead: BackupError saying so."""
        if not self.available:
            log.info("no automatic backup before %s: the database is on a server", kind)
            return None
        try:
            return self._make(kind, progress)
        except BackupError as exc:
            what = _OPERATION.get(kind, "继续")
            raise BackupError(
                f"{what}前要先自动备份当前数据，但备份没有成功，为安全起见没有{what}。{exc}"
            ) from exc

    def back_up_before_merge(self, progress: Progress | None = None) -> Path | None:
        """For merging another database's records in (to come): call before changing anything."""
        return self.back_up_before(BackupKind.BEFORE_MERGE, progress)

    def back_up_now(self, progress: Progress | None = None) -> Path:
        """A backup the user asked for (备份 now), into the backup folder."""
        path = self._make(BackupKind.MANUAL, progress)
        assert path is not None
        return path

    def _make(self, kind: BackupKind, progress: Progress | None) -> Path:
        with self._lock:
            self._learn()
            file = self.database_file
            now = self.clock()
            state = database_state(file)  # before the copy: a write during it is seen later
            chosen = bool(self.settings().folder)
            path, info = make_backup(
                self.ctx.db,
                self.ctx.store,
                self.folder(),
                kind,
                now,
                create_parents=not chosen,
                progress=progress,
            )
            self._backed_state, self._backed_sha = state, info.database_sha256
            if kind in _AUTOMATIC:
                self._last_automatic = now
            log.info("%s backup written: %s", kind, path)
            self.thin()
            return path

    # --- thinning ---------------------------------------------------------------------------

    def thin(self) -> list[Path]:
        """Delete the automatic backups the retention policy does not keep; the removed paths.
        Manual backups and upgrade copies are never deleted."""
        policy = self.settings().policy
        by_time: dict[datetime, list[BackupEntry]] = defaultdict(list)
        for entry in self.backups():
            if entry.kind.thinned:
                by_time[entry.created_at].append(entry)
        removed: list[Path] = []
        for when in backups_to_remove(by_time, self.clock(), policy):
            for entry in by_time[when]:
                if remove_backup(entry.path):
                    removed.append(entry.path)
        if removed:
            log.info("thinned %d old automatic backups", len(removed))
        return removed

    # --- restoring --------------------------------------------------------------------------

    def restore(self, entry: BackupEntry, progress: Progress | None = None) -> Path | None:
        """Replace the data with ``entry``'s and open the database again (upgraded when the
        backup is from an older release). The current data is backed up first (into the
        folder 备份 beside the database); that safety backup's path is returned. On any
        refusal the current data stays as it was and the database is opened again as before."""
        file = self.database_file
        db = self.ctx.db
        with self._lock:
            db.close()  # restore needs the file closed; the engine would reconnect lazily
            try:
                return restore_entry(entry, file, progress)
            finally:
                self.ctx.db = Database.open(db.url, create=False)
                self._known = False
                self._backed_state = None
                self._backed_sha = None
