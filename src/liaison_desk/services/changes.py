"""Whether the database changed since an open window last looked: another window, another PC or
the command line may write to the same database while the window is open."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from liaison_desk.services.base import ServiceContext
from liaison_desk.storage.database import translate_operational_error
from liaison_desk.storage.errors import StorageError


class ChangeWatch:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def cheap(self) -> bool:
        """True when ``token`` takes microseconds (SQLite's data_version): it may be asked on
        the GUI thread. A server is asked off it."""
        return self.ctx.db.is_sqlite

    def token(self) -> tuple[int, ...]:
        """A value that differs after any change committed by another connection."""
        try:
            return self.ctx.db.change_token()
        except OperationalError as exc:
            raise translate_operational_error(exc, self.ctx.db.file) from exc
        except sqlite3.Error as exc:
            raise StorageError(f"无法读取数据库的修改情况（{exc}）。") from exc
