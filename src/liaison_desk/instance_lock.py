"""One program at a time on a database file: the window holds this lock while it has the file
open, and ``restore`` takes it before replacing the file.

A lock file beside the database (so two PCs opening the same file on a shared folder are refused
too); on a read-only folder, a lock in this PC's data folder instead. A lock left by a crashed
process on this PC is taken over (QLockFile checks whether the process still runs). QtCore only:
no application object is needed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from liaison_desk.config import data_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LockHolder:
    """Who has the database open: a process on this computer, or another computer."""

    pid: int
    host: str

    @property
    def on_this_computer(self) -> bool:
        return not self.host or self.host == socket.gethostname()


class InstanceLock:
    def __init__(self, db_file: Path) -> None:
        self.db_file = db_file
        self._lock: QLockFile | None = None

    def _candidates(self) -> list[Path]:
        digest = hashlib.sha256(str(self.db_file.resolve()).encode()).hexdigest()[:16]
        mine = data_dir() / "locks" / f"{digest}.lock"
        folder = self.db_file.parent
        if folder.is_dir() and not os.access(folder, os.W_OK):
            # A read-only disk or folder: not even an attempt to write there.
            return [mine]
        return [self.db_file.with_name(self.db_file.name + ".lock"), mine]

    def acquire(self) -> LockHolder | None:
        """None when acquired (or no lock file can be made anywhere); otherwise who holds it."""
        for path in self._candidates():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                continue
            lock = QLockFile(str(path))
            lock.setStaleLockTime(0)  # only a dead process's lock is stale, never a slow one
            if lock.tryLock(100):
                self._lock = lock
                return None
            if lock.error() == QLockFile.LockError.LockFailedError:
                info = lock.getLockInfo()  # (pid, host, app) in PySide6; empty when unreadable
                if isinstance(info, tuple) and len(info) >= 2:
                    return LockHolder(int(info[0]), str(info[1]))
                return LockHolder(0, "")
            # Permission denied or similar: try the next place.
        log.warning("no lock file could be created for %s; going on without one", self.db_file)
        return None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
