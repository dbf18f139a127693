"""What every command shares: exit codes, the user's error, the database it works on, the
services over it, a progress line on the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from liaison_desk.config import data_dir, default_database_file
from liaison_desk.errors import UserFacingError
from liaison_desk.storage.location import database_url, sqlite_path

if TYPE_CHECKING:
    from liaison_desk.services import Services
    from liaison_desk.storage.attachments import AttachmentStore
    from liaison_desk.storage.database import Database

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


class UserError(UserFacingError):
    """A problem the user can fix; the message says how."""


def err(message: str) -> None:
    """A message for the user on stderr."""
    print(message, file=sys.stderr)


def url_of(args: argparse.Namespace) -> str:
    """The database the command works on: --db, else LIAISON_DESK_DB, else this PC's default."""
    return database_url(getattr(args, "db", None), default_database_file())


def store_for(url: str, db: Database | None = None) -> AttachmentStore:
    """The attachment store of the database ``db`` at ``url``: the folder beside a database
    file; on a server, the database itself (``storage/server_store.py``), which needs ``db``."""
    from liaison_desk.storage.attachments import AttachmentStore
    from liaison_desk.storage.server_store import attachment_store

    if db is not None:
        return attachment_store(db, data_dir())
    path = sqlite_path(url)
    if path is None:
        raise ValueError("a server database's attachment store needs the opened database")
    return AttachmentStore.beside_database(path)


def open_database(url: str, *, create: bool = True) -> Database:
    """``Database.open`` with a progress line while an older database is upgraded (building
    the search index of a large one takes a while)."""
    from liaison_desk.storage.database import Database  # SQLAlchemy: not before the window

    progress = Progress("正在升级数据库")
    db = Database.open(url, create=create, progress=progress)
    if progress.last >= 0:
        progress.finish()
    return db


@contextmanager
def open_services(url: str, *, create: bool = True) -> Iterator[Services]:
    # Imported here: the window's start-up builds its own services (app.py).
    from liaison_desk.services import ServiceContext, Services

    db = open_database(url, create=create)
    try:
        yield Services(ServiceContext(db, store_for(url, db)))
    finally:
        db.close()


class Progress:
    """A one-line progress report on a terminal; silent when output goes to a file. A
    ``liaison_desk.progress.Progress`` that never cancels (Ctrl+C interrupts instead)."""

    def __init__(self, label: str) -> None:
        self.label = label
        # No stderr at all in a windowed program on Windows (liaison-desk.exe, pythonw).
        self.tty = sys.stderr is not None and sys.stderr.isatty()
        self.last = -1

    def __call__(self, done: int, total: int, message: str = "", /) -> None:
        percent = int(done * 100 / total) if total else 100
        if self.tty and percent != self.last:
            print(f"\r{self.label}… {percent}%", end="", file=sys.stderr, flush=True)
            self.last = percent

    def finish(self) -> None:
        if self.tty:
            print(file=sys.stderr)
