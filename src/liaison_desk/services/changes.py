"""Whether the database changed since an open window last looked: another window, another PC or
the command line may write to the same database while the window is open."""

from __future__ import annotations

from liaison_desk.services.base import ServiceContext
from liaison_desk.storage.change_token import change_token


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
        return change_token(self.ctx.db)
